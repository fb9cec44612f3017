/*
 * convert.h -- sources that are not plain text, turned into the plain
 * article form ingest reads: header lines (Title:, Date:, Source:,
 * Author:, URL:), a blank line, then one paragraph per line.
 *
 *   .html, .htm  parsed with gumbo (an HTML5 parser). The article body
 *                is the largest <article>, else <main>, else <body>;
 *                scripts, styles, navigation, asides, headers and
 *                footers outside the article, forms, figures with their
 *                captions, related-story lists, share bars, comment
 *                sections and advertisements are dropped (by element,
 *                and by class, id or role naming such furniture).
 *                Paragraphs, headings, list items and block quotes are
 *                kept, one per line. Metadata: the headline (og:title,
 *                JSON-LD headline, <h1>, <title>), the date (JSON-LD
 *                datePublished, article:published_time and other date
 *                metas, <time datetime>), the site name (og:site_name,
 *                JSON-LD publisher), the byline (author metas, JSON-LD
 *                author, rel=author, an element of class byline), the
 *                canonical URL.
 *   .md          YAML front matter between "---" lines gives the header
 *                (title, date, source/outlet/publisher, author, url);
 *                the Markdown body is parsed with cmark and its blocks
 *                become paragraphs, markup taken out.
 *
 * The text goes to out (replacing what it held); offsets into it are
 * what brief.json reports for such a source.
 */
#ifndef BRIEF_CONVERT_H
#define BRIEF_CONVERT_H

#include <stddef.h>

#include "brief/base.h"

enum source_form { SF_TEXT = 0, SF_HTML, SF_MARKDOWN };

/* The form of a source, from its name (".html", ".htm", ".md"), else
 * from its first bytes (an HTML document type or <html>). */
enum source_form convert_form(const char *name, const char *p, size_t n);

/* HTML page p[0..n) as a plain article. Returns 0, or -1 with err. */
int convert_html(const char *name, const char *p, size_t n, struct buf *out,
	struct brief_err *err);

/* Markdown p[0..n), with or without front matter, as a plain article.
 * Returns 0, or -1 with err (front matter that is not a YAML mapping,
 * naming its line). */
int convert_markdown(const char *name, const char *p, size_t n,
	struct buf *out, struct brief_err *err);

#endif
