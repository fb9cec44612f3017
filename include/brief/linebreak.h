/*
 * linebreak.h -- breaking a paragraph of Knuth-Plass items into lines.
 *
 * Items are boxes (words or word pieces: fixed width), glue (spaces:
 * width that may stretch or shrink) and penalties (possible breaks with
 * a cost; a hyphenation point is a flagged penalty whose width, the
 * hyphen's, counts only when the line ends there). A glue is a break
 * point when a box precedes it; a penalty when it is below LB_INF; the
 * paragraph always ends with a break after its last item.
 *
 * Two breakers: lb_greedy (first fit) and lb_knuth_plass, the total-fit
 * algorithm of TeX (Knuth and Plass, "Breaking paragraphs into lines",
 * 1981; TeX: the program, parts 38-39): it minimises the sum of the
 * lines' demerits over the whole paragraph, trying in turn
 *   1. without hyphenation points, lines of badness <= pretolerance;
 *   2. with them, badness <= tolerance;
 *   3. an emergency pass: extra stretch per line, any underfull line,
 *      and an overfull one where nothing else fits.
 *
 * Cost of a line, with r its adjustment ratio (how much of its stretch,
 * r > 0, or shrink, r < 0, it uses; r < -1 is overfull):
 *   badness   b = min(100 |r|^3, 10000)
 *   demerits  d = (line_penalty + b)^2 + p^2  (p > 0; - p^2 for p < 0)
 *             + adj_demerits       when the fitness class (very loose,
 *                                  loose, decent, tight) jumps by 2+
 *             + double_hyphen_demerits  two hyphenated lines in a row
 *             + final_hyphen_demerits   hyphen on the last-but-one line
 * and no more than max_hyphens hyphenated lines in a row (a hard rule,
 * relaxed only in the emergency pass). The last line (and a line ended
 * by a forced break) has infinite stretch, TeX's \parfillskip.
 *
 * Ragged right (TeX's \raggedright): interword glue is set at its
 * natural width and each line may fall short by ragged_stretch at
 * badness 100.
 *
 * Ownership: the breakers read items and write breaks; nothing is kept.
 */
#ifndef BRIEF_LINEBREAK_H
#define BRIEF_LINEBREAK_H

#include <stddef.h>

enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY };

#define LB_INF 10000     /* penalty >= LB_INF: never break; <= -LB_INF: must */

/* Penalty flags. */
enum {
	LB_FLAGGED = 1,  /* a hyphen break: counts for the hyphen rules */
	LB_HYPHEN = 2    /* a hyphenation point: not tried in pass 1 */
};

struct lb_item {
	enum lb_kind kind;
	double width;        /* box, glue; penalty: added when broken here */
	double stretch;      /* glue */
	double shrink;       /* glue */
	int penalty;         /* penalty */
	unsigned flags;      /* penalty: LB_FLAGGED | LB_HYPHEN */
};

/* Break items[0..n) into lines at most width wide. breaks (room for
 * n + 1 entries) receives, per line, the index of the item that ends it
 * (a glue or penalty it breaks at, a box that starts the next line when
 * a word had to be split, or n for the last line). Returns the number
 * of lines (at least 1). */
typedef size_t (*lb_breaker)(const struct lb_item *items, size_t n,
	double width, size_t *breaks);

/* First fit: each line takes all the items that fit. */
size_t lb_greedy(const struct lb_item *items, size_t n, double width,
	size_t *breaks);

/* Total fit with lb_params_default(width): an lb_breaker. */
size_t lb_optimal(const struct lb_item *items, size_t n, double width,
	size_t *breaks);

/* Index of the first item of the line after the break at b: discardable
 * items (glue, penalties) after a break are dropped. */
size_t lb_next_start(const struct lb_item *items, size_t n, size_t b);

/* Index of the first item of the paragraph's first line. */
size_t lb_first_start(const struct lb_item *items, size_t n);

struct lb_params {
	double width;            /* every line's width ... */
	const double *widths;    /* ... unless set: line k is widths[k], the
	                          * last one repeating (TeX's \parshape) */
	size_t nwidths;
	int ragged;              /* ragged right */
	double ragged_stretch;   /* ragged: shortfall at badness 100 */
	double pretolerance;     /* pass 1; < 0: skip it */
	double tolerance;        /* pass 2 */
	double emergency_stretch;/* pass 3: added to every line's stretch */
	int line_penalty;        /* TeX: \linepenalty 10 */
	int adj_demerits;        /* \adjdemerits 10000 */
	int double_hyphen_demerits; /* \doublehyphendemerits 10000 */
	int final_hyphen_demerits;  /* \finalhyphendemerits 5000 */
	int max_hyphens;         /* hyphenated lines in a row; 0: no limit */
	size_t max_active;       /* cap on the active list (hostile input) */
};

/* TeX's plain values, lines width wide, justified: pretolerance 100,
 * tolerance 200, no emergency stretch (set one), at most 2 hyphens in a
 * row, 400 active nodes. */
void lb_params_default(struct lb_params *p, double width);

/* Width of line k (0-based) under p. */
double lb_line_width(const struct lb_params *p, size_t k);

struct lb_stats {
	int pass;                /* the pass that succeeded: 1, 2 or 3 */
	double demerits;         /* total of the chosen breaks */
	size_t hyphens;          /* lines ending at a flagged penalty */
	size_t overfull;         /* lines wider than their width */
	size_t active_max;       /* largest active list */
};

/* Total fit under p; returns the number of lines as lb_breaker does.
 * st may be NULL. */
size_t lb_knuth_plass(const struct lb_item *items, size_t n,
	const struct lb_params *p, size_t *breaks, struct lb_stats *st);

/* Demerits of any breaking (from any breaker) under p's cost model,
 * an overfull line counted at badness 10000 (demerits 10^8);
 * ratios (room for nlines, may be NULL) receives each line's
 * adjustment ratio (0 for the last line when it needs no shrinking). */
double lb_demerits(const struct lb_item *items, size_t n,
	const struct lb_params *p, const size_t *breaks, size_t nlines,
	double *ratios);

#endif
