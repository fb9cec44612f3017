/*
 * layout.h -- measuring, line breaking and placing words.
 *
 * A paragraph is built as a list of Knuth-Plass items (boxes: words or
 * word pieces; glue: spaces; penalties: break points), measured with the
 * faces' real metrics. A line breaker turns the items into lines; this
 * file has a first-fit one (lb_greedy). An optimal breaker with
 * hyphenation can replace it with the same signature (lb_breaker):
 * hyphens are penalties whose text and width are added when the line
 * breaks there.
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

/* ---- line breaking -------------------------------------------------- */

enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY };

#define LB_INF 10000     /* penalty >= LB_INF: never break; <= -LB_INF: must */

struct lb_item {
	enum lb_kind kind;
	double width;        /* box, glue; penalty: added when broken here */
	double stretch;      /* glue */
	double shrink;       /* glue */
	int penalty;         /* penalty */
};

/* Break items[0..n) into lines at most width wide. breaks (room for
 * n + 1 entries) receives, per line, the index of the item that ends it
 * (a glue or penalty it breaks at, a box that starts the next line when
 * a word had to be split, or n for the last line). Returns the number
 * of lines (at least 1). A glue is a break point when a box precedes
 * it; a penalty when it is below LB_INF. */
typedef size_t (*lb_breaker)(const struct lb_item *items, size_t n,
	double width, size_t *breaks);

/* First fit: each line takes all the items that fit. */
size_t lb_greedy(const struct lb_item *items, size_t n, double width,
	size_t *breaks);

/* Index of the first item of the line after the break at b: discardable
 * items (glue, penalties) after a break are dropped. */
size_t lb_next_start(const struct lb_item *items, size_t n, size_t b);

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

struct lay_para {
	struct fonts *fonts;
	double width;                /* line width in points */
	lb_breaker breaker;          /* lb_greedy unless set */
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
	double size;                 /* largest type size on the line */
	int last;                    /* last line or ended by a forced break */
};

/* Start a new paragraph of lines width wide (keeps the allocations). */
void lay_para_reset(struct lay_para *p, struct fonts *fonts, double width);
void lay_para_free(struct lay_para *p);

/* Add text s[0..n): words become boxes, runs of white space glue.
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
 * spreads the glue (not on the last line). Adds URI link annotations
 * and records the code points used. */
int lay_line_draw(struct lay_para *p, size_t k, HPDF_Page page, double x,
	double y, int justify);

#endif
