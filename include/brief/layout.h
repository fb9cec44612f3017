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
 * ragged right when asked or (LAY_AUTO) when the line is narrower than
 * STYLE_RAGGED_EM (style.h).
 *
 * Pages are built as TeX builds them: the renderer turns the document
 * into a vertical list of entries (lines, rules, graphics: boxes;
 * vertical spaces: glue, dropped at the top of a column) with "keep"
 * links between entries that must not be parted (a heading and the two
 * lines after it, the first and last two lines of a paragraph), and
 * lay_paginate() places the list region by region (a region: one
 * full-width column, or two columns), column by column, page by page.
 * Two columns are balanced on the region's last page: the smallest
 * column height that still holds the rest; and set flush at the foot
 * (TeX's \flushbottom): the shorter column's spaces stretch, up to
 * double, to end it where the other ends. Measuring and drawing use
 * the same placement, so they always agree.
 *
 * Ownership: struct lay_para owns its items and text; lay_para_free()
 * releases them. Fonts stay with the caller. The vertical list belongs
 * to the caller.
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
	LAY_AUTO = 0,    /* justified, ragged right when narrower than
	                  * STYLE_RAGGED_EM */
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
	double min_size;             /* citations never below this; reset: 0 */
	VEC(unsigned char) points;   /* scratch: hyphenation points */
	VEC(struct lb_item) lb;      /* the items ... */
	VEC(struct lay_run) run;     /* ... and what each draws (same index) */
	struct buf text;             /* NUL-separated word texts */
	struct buf scratch;          /* one cleaned word */
	struct buf covered;          /* text whose characters no face has
	                              * are replaced (lay_add_text) */
	VEC(char *) links;           /* link targets (owned) */
	VEC(HPDF_Annotation) annots; /* the link annotations lay_line_draw
	                              * made, in order (for the structure
	                              * tree); reset empties it */
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
 * Over-long words are split to fit the width. */
int lay_add_text(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st, struct brief_err *err);
/* Add s[0..n) as a citation: one box set smaller (0.8 of the size, not
 * below p->min_size) in grey, kept on the line of the word before it. */
int lay_add_cite(struct lay_para *p, const char *s, size_t n,
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

/* ---- pages ---------------------------------------------------------- */

enum { LAY_KEEP_SOFT = 1, LAY_KEEP = 2 };

enum lay_vkind {
	LAY_VBOX = 0,    /* placed: a line, a rule, a graphic, a strut */
	LAY_VSPACE       /* glue: dropped at the top of a column */
};

/* One entry of the vertical list. */
struct lay_vent {
	int kind;                    /* enum lay_vkind */
	double h;                    /* height (a line: its advance) */
	int keep;                    /* a break after this entry: 0 allowed;
	                              * LAY_KEEP_SOFT only when the pages
	                              * would not hold it all otherwise;
	                              * LAY_KEEP never (unless it is taller
	                              * than a column) */
	int region;                  /* its region; never decreases */
	/* set by lay_paginate: */
	int placed;                  /* 0: a space dropped at a column top */
	int page;                    /* 0-based */
	int col;                     /* column of its region, 0-based */
	double y;                    /* top edge (y grows upwards) */
};

struct lay_region {
	int cols;                    /* 1, or 2 columns side by side */
	int balance;                 /* 2 columns: even them out on the
	                              * region's last page */
	/* set by lay_paginate: */
	int page0, page1;            /* first and last page it is on */
	double end;                  /* y below its last entry on page1 */
};

/* Place v[0..n) in the regions rg[0..nrg) (every v[i].region < nrg)
 * on pages whose text area runs from y = top down to y = bottom. A
 * region starts below the one before it; a chunk of kept entries that
 * does not fit goes to the next column or page (one taller than a
 * column is split). Soft keeps hold unless honouring them takes
 * more pages than breaking them. Returns the number of pages (at least 1); *end
 * gets the y below the last entry. */
int lay_paginate(struct lay_vent *v, size_t n, struct lay_region *rg,
	size_t nrg, double top, double bottom, double *end);

#endif
