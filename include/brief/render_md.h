/*
 * render_md.h -- the brief as CommonMark, by filling the template's
 * Markdown skeleton. All text taken from sources is escaped, so no
 * source can inject Markdown or HTML.
 */
#ifndef BRIEF_RENDER_MD_H
#define BRIEF_RENDER_MD_H

#include "brief/base.h"
#include "brief/select.h"

/* How the source list is written. */
enum md_sources {
	MD_SOURCES_FULL = 0,  /* every source: title, file, outlet, date, URL */
	MD_SOURCES_PAGE,      /* for the page: "n. Outlet, date: short title";
	                       * past MD_PAGE_SOURCES sources only those the
	                       * brief cites, then "and N further sources" */
};

/* Sources the page lists in full; more, and it lists the cited ones. */
#define MD_PAGE_SOURCES 12
/* Cited sources the page lists at most (struct brief.page_sources can
 * lower it to fit the page), and never fewer than MD_PAGE_MIN. */
#define MD_PAGE_CITED 24
#define MD_PAGE_MIN 2

/* Append the Markdown of b (items not dropped) to out. */
void render_md(const struct brief *b, struct buf *out);

/* The same with the source list written as mode says. */
void render_md_as(const struct brief *b, enum md_sources mode, struct buf *out);

/* Append s[0..n) to out with every character that could start Markdown
 * or HTML syntax escaped. */
void md_escape(struct buf *out, const char *s, size_t n);

#endif
