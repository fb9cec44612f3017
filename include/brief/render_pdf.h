/*
 * render_pdf.h -- typeset the brief's Markdown (via the cmark AST) into
 * a PDF with libharu.
 *
 * The page: a head (the H1 and the dateline under it) between a navy
 * band and a rule; the section named box_heading full width on a
 * tinted ground, its heading at the side; the other sections in two
 * columns, balanced; the section named sources_heading full width in
 * small type; a footer with the title, "Generated <date>" and the page
 * number. Under timeline_heading, a graphic of the events. Block quotes
 * get a rule at their left, a quotation is set in italic, and a
 * paragraph opening with an em dash under it (the attribution) smaller.
 * No type is set below min_pt.
 *
 * The PDF is built in memory; the caller decides where to write it, so a
 * failed run never leaves a half-written file. Fonts are located with
 * fontconfig by family name and embedded as subsets. With the same
 * input and options the bytes are the same (no /ID, dates from epoch).
 */
#ifndef BRIEF_RENDER_PDF_H
#define BRIEF_RENDER_PDF_H

#include <stddef.h>

#include "brief/base.h"
#include "brief/dates.h"

/* One event of the timeline graphic. */
struct pdf_event {
	struct bdate date, end;  /* end differs from date for a range */
	const char *label;       /* a short word: "signed", "summit" */
};

struct pdf_opts {
	const char *title;      /* PDF metadata; NULL for none */
	const char *author;
	const char *subject;
	const char *keywords;
	const char *creator;
	const char *serif;      /* fontconfig family for text, e.g. "Noto Serif" */
	const char *sans;       /* family for headings, e.g. "Noto Sans" */
	int letter;             /* 0: A4, 1: US Letter */
	double body_pt;         /* body type size */
	double margin_pt;       /* page margin */
	long epoch;             /* creation date (seconds since 1970), -1: none */
	double min_pt;          /* no type below this size (0: 8.5) */
	const char *box_heading;     /* the H2 whose section is set apart */
	const char *timeline_heading;/* the H2 whose section gets the graphic */
	const struct pdf_event *events;  /* the timeline, chronological */
	size_t nevents;
	const char *sources_heading; /* the H2 of the source list, set full
	                              * width in small type; NULL: none */
	int max_pages;          /* page budget for pdf_result.overflow (0: 1) */
};

/* What one top-level block of a section costs on the page: the items of
 * its top-level lists, its block quotes and paragraphs, in document
 * order. */
struct pdf_block {
	char section[64];       /* text of the H2 it is under ("": none),
	                         * cut to 63 bytes */
	int index;              /* 0-based among the section's blocks */
	double height;          /* column points: its lines and the space
	                         * before it; a full-width block counts once
	                         * per column, as it takes them all */
};

#define PDF_MAX_BLOCKS 64

struct pdf_result {
	int pages;              /* pages the content needed */
	double last_fill;       /* fraction of the last page's text area used */
	double overflow;        /* column points past the page budget, less
	                         * the room left on the budget's last page;
	                         * 0 when the content fits */
	size_t nblocks;         /* blocks[0..nblocks): the first
	                         * PDF_MAX_BLOCKS blocks */
	struct pdf_block blocks[PDF_MAX_BLOCKS];
};

/* Typeset md[0..n) (CommonMark). On success returns 0, fills *res (may
 * be NULL) and, when out is not NULL, appends the PDF bytes to out.
 * Passing out = NULL only measures (used to fit the brief to the page
 * budget): the same layout, the same *res. */
int render_pdf(const char *md, size_t n, const struct pdf_opts *o,
	struct buf *out, struct pdf_result *res, struct brief_err *err);

#endif
