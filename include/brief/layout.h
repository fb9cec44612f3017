/*
 * layout.h -- measuring, line breaking and placing words.
 *
 * A paragraph is built as a list of Knuth-Plass items (boxes: words or
 * word pieces; glue: spaces; penalties: break points), measured with the
 * faces' real metrics, and broken into lines by linebreak.c: total fit
 * (lb_knuth_plass) unless another lb_breaker is set. Words get their
 * hyphenation points (hyphen.c) as flagged penalties whose text ("-")
 * and width are added when the line breaks there; a break after a one-
 * or two-letter word costs a penalty. Paragraphs are justified, or set
 * ragged right when asked or when the line is narrower than 30 em.
 *
 * Ownership: struct lay_para owns its items and text; lay_para_free()
 * releases them. Fonts stay with the caller.
 */
#ifndef BRIEF_LAYOUT_H
#define BRIEF_LAYOUT_H

#include <stddef.h>

#include <hpdf.h>

#include "brief/base.h"
#include "brief/fonts.h"
#include "brief/hyphen.h"
#include "brief/linebreak.h"

/* ---- paragraphs ----------------------------------------------------- */

/* How a piece of text is set. */
struct lay_style {
	int face;            /* FACE_* */
	double size;         /* points */
	unsigned color;      /* 0xRRGGBB */
	int link;            /* index from lay_add_link, -1: none */
	int cite;            /* set [n] citations at 0.8 size, in grey */
};

/* What an item draws: text[off..off+len) of the paragraph's text. */
struct lay_run {
	size_t off, len;
	int face;
	double size;
	unsigned color;
	int link;
};

/* How lines are set (struct lay_para.align). */
enum lay_align {
	LAY_AUTO = 0,    /* justified, ragged right when narrower than 30 em */
	LAY_JUSTIFY,
	LAY_RAGGED
};

struct lay_para {
	struct fonts *fonts;
	double width;                /* line width in points */
	lb_breaker breaker;          /* NULL: total fit with the settings
	                              * below (lb_knuth_plass) */
	int align;                   /* enum lay_align; reset: LAY_AUTO */
	int no_hyphens;              /* 1: do not hyphenate; reset: 0 */
	struct hyphen *hy;           /* the shared dictionary, not owned */
	double em;                   /* largest type size added */
	int ragged;                  /* after lay_break: set ragged right */
	struct lb_stats stats;       /* after lay_break with total fit */
	int short_word;              /* the last word has 1 or 2 letters */
	VEC(unsigned char) points;   /* scratch: hyphenation points */
	VEC(struct lb_item) lb;      /* the items ... */
	VEC(struct lay_run) run;     /* ... and what each draws (same index) */
	struct buf text;             /* NUL-separated word texts */
	struct buf scratch;          /* one cleaned word */
	VEC(char *) links;           /* link targets (owned) */
	VEC(size_t) breaks;          /* after lay_break: line ends */
};

/* One line as placed: items [from, to). */
struct lay_line {
	size_t from, to;
	double natural;              /* width of boxes and glue */
	double stretch;              /* total glue stretch */
	double shrink;               /* total glue shrink */
	double size;                 /* largest type size on the line */
	int last;                    /* last line or ended by a forced break */
};

/* Start a new paragraph of lines width wide (keeps the allocations). */
void lay_para_reset(struct lay_para *p, struct fonts *fonts, double width);
void lay_para_free(struct lay_para *p);

/* Add text s[0..n): words become boxes, runs of white space glue.
 * Words are hyphenated unless p->no_hyphens: the first call loads the
 * dictionary (hyphen_shared) and fails when it cannot.
 * Over-long words are split to fit the width. With st->cite, runs
 * matching ([0-9]+)+ in brackets are set smaller and kept on the line
 * of the word before them. */
int lay_add_text(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st, struct brief_err *err);
/* A forced line break. */
void lay_add_newline(struct lay_para *p);
/* Remember a link target; returns its index for lay_style.link. */
int lay_add_link(struct lay_para *p, const char *url);

/* Break the paragraph into lines; returns their number. */
size_t lay_break(struct lay_para *p);
void lay_line_get(const struct lay_para *p, size_t k, struct lay_line *l);

/* Copy s[0..n) to out (NUL-terminated), replacing what libharu's
 * UTF-8 encoder cannot take (code points beyond the BMP, controls,
 * malformed bytes) with U+FFFD. */
void lay_clean(struct buf *out, const char *s, size_t n);

/* Draw line k with its left end at x and baseline y on page; justify
 * spreads the glue (not on the last line, nor in a ragged paragraph);
 * a line wider than the width is shrunk in any case. A line broken at
 * a hyphenation point ends with the hyphen. Adds URI link annotations
 * and records the code points used. */
int lay_line_draw(struct lay_para *p, size_t k, HPDF_Page page, double x,
	double y, int justify);

#endif
