/*
 * render_html.h -- the brief's document tree (tree.h) as one standalone
 * HTML page: cmark's HTML renderer with raw HTML off (no source text
 * can inject markup; unsafe link targets are dropped), a small embedded
 * stylesheet for the screen that also prints the brief on one page,
 * citations linked to their sources, source titles linked to their
 * URLs. No scripts, no external resources.
 */
#ifndef BRIEF_RENDER_HTML_H
#define BRIEF_RENDER_HTML_H

#include "brief/base.h"
#include "brief/tree.h"

/* Append the HTML page of t to out; title is the page's <title>, lang
 * its language ("en"). */
void render_html(struct btree *t, const char *title, const char *lang,
	struct buf *out);

#endif
