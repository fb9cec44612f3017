/*
 * pdfdoc.h -- a libharu document as the page design uses it: created
 * with its fonts and metadata, drawn on with a few primitives (rules,
 * rectangles, dots, a line of text), saved to memory with a document
 * ID. Every libharu error is caught by one handler (no longjmp) and
 * reported as a brief_err naming what was being done.
 *
 * Ownership: struct pdfdoc owns the libharu document and the fonts;
 * pdfdoc_close() releases both.
 */
#ifndef BRIEF_PDFDOC_H
#define BRIEF_PDFDOC_H

#include <hpdf.h>

#include "brief/base.h"
#include "brief/fonts.h"

struct pdfdoc {
	HPDF_Doc pdf;
	struct fonts *fonts;
	struct brief_err *err;
	HPDF_STATUS code, detail;   /* the first libharu error */
};

/* The document's metadata; NULL fields are left out. */
struct pdfdoc_info {
	const char *title, *author, *subject, *keywords, *creator;
	long epoch;        /* creation date (seconds since 1970), -1: none */
};

/* A new document with UTF-8 text and compression, its text faces from
 * the fontconfig families serif and sans. Returns 0, or -1 with err. */
int pdfdoc_open(struct pdfdoc *d, const char *serif, const char *sans,
	struct brief_err *err);
/* Set the metadata (UTF-16 strings in the Info dictionary). */
int pdfdoc_info(struct pdfdoc *d, const struct pdfdoc_info *in);
/* Append the finished PDF to out (fonts subset and repaired, an /ID
 * from its bytes). */
int pdfdoc_save(struct pdfdoc *d, struct buf *out);
void pdfdoc_close(struct pdfdoc *d);

/* Report the first libharu error (or the document's) as a failure of
 * what; returns -1. */
int pdfdoc_fail(struct pdfdoc *d, const char *what);

/* ---- drawing: colours are 0xRRGGBB, lengths in points ---------------- */

int pdf_line(struct pdfdoc *d, HPDF_Page page, double x0, double y0,
	double x1, double y1, unsigned color, double width);
int pdf_rect(struct pdfdoc *d, HPDF_Page page, double x, double y,
	double w, double h, unsigned color);
/* A stroke from (x0, y) to (x1, y) with round ends. */
int pdf_bar(struct pdfdoc *d, HPDF_Page page, double x0, double x1,
	double y, double width, unsigned color);
/* A circle of radius r, filled with fill, outlined in stroke. */
int pdf_dot(struct pdfdoc *d, HPDF_Page page, double x, double y,
	double r, unsigned fill, unsigned stroke, double width);
/* Text s (clean UTF-8, NUL-terminated) with its baseline at (x, y),
 * characters face lacks in a fallback face (fonts_show). */
int pdf_text_at(struct pdfdoc *d, HPDF_Page page, const char *s, int face,
	double size, unsigned color, double x, double y);

#endif
