/*
 * render_pdf.h -- typeset the brief's Markdown (via the cmark AST) into
 * a PDF with libharu.
 *
 * The PDF is built in memory; the caller decides where to write it, so a
 * failed run never leaves a half-written file. Fonts are located with
 * fontconfig by family name and embedded.
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
	double min_pt;          /* no type below this size */
	const char *box_heading;     /* the H2 whose section is set apart */
	const char *timeline_heading;/* the H2 whose section gets the graphic */
	const struct pdf_event *events;  /* the timeline, chronological */
	size_t nevents;
};

struct pdf_result {
	int pages;              /* pages the content needed */
	double last_fill;       /* fraction of the last page's text area used */
};

/* Typeset md[0..n) (CommonMark). On success returns 0, fills *res and,
 * when out is not NULL, appends the PDF bytes to out. Passing out = NULL
 * only measures (used to fit the brief to the page budget). */
int render_pdf(const char *md, size_t n, const struct pdf_opts *o,
	struct buf *out, struct pdf_result *res, struct brief_err *err);

#endif
