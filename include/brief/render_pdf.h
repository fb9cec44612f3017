/*
 * render_pdf.h -- typeset the brief's document tree (tree.h) into a
 * PDF with libharu.
 *
 * The page: a head (the title and the dateline under it) between a
 * navy band and a rule; the summary section full width on a tinted
 * ground, its heading at the side; the other sections in two columns,
 * balanced; the source list full width in small type; a footer with
 * the title, "Generated <date>" and the page number. Under the
 * timeline's heading, a graphic of its dated items. A view is set with
 * a rule at its left, a quotation in italic, the attribution smaller.
 * What each node is comes from its bnode, never from its text. No type
 * is set below min_pt.
 *
 * The PDF is built in memory; the caller decides where to write it, so a
 * failed run never leaves a half-written file. Fonts are located with
 * fontconfig by family name and embedded as subsets. With the same
 * input and options the bytes are the same.
 */
#ifndef BRIEF_RENDER_PDF_H
#define BRIEF_RENDER_PDF_H

#include <stddef.h>

#include "brief/base.h"
#include "brief/dates.h"
#include "brief/tree.h"

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
	const char *lang;       /* the document's language (NULL: "en") */
	int max_pages;          /* page budget for pdf_result.overflow (0: 1) */
	struct pdf_press *press;  /* fonts kept across renders; NULL: none */
};

/* A press keeps one libharu document and its fonts (found with
 * fontconfig, loaded, measured) from one render to the next: measuring
 * renders share it, and the drawing render draws on it and uses it up
 * (the next render starts a new one). So fitting a brief by measuring
 * it several times and drawing it once finds and loads each font once.
 * Every render sharing a press must ask for the same fonts. */
struct pdf_press;
struct pdf_press *pdf_press_new(void);
/* Close the press's document (the next render opens a new one). */
void pdf_press_reset(struct pdf_press *p);
void pdf_press_free(struct pdf_press *p);

struct pdf_result {
	int pages;              /* pages the content needed */
	double last_fill;       /* fraction of the last page's text area used */
	double overflow;        /* column points past the page budget, less
	                         * the room left on the budget's last page;
	                         * 0 when the content fits */
};

/* Typeset the tree t. On success returns 0, fills *res (may be NULL),
 * sets every item node's height (struct bnode.height: the column
 * points its lines and the space before it take; a full-width line
 * counts once per column) and, when out is not NULL, appends the PDF
 * bytes to out. Passing out = NULL only measures (used to fit the
 * brief to the page budget): the same layout, the same results. */
int render_pdf(struct btree *t, const struct pdf_opts *o, struct buf *out,
	struct pdf_result *res, struct brief_err *err);

#endif
