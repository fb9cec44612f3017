/*
 * linebreak.c -- first-fit and total-fit (Knuth-Plass) line breaking.
 *
 * Total fit keeps, as TeX does, a list of active nodes: breaks that
 * end a feasible paragraph prefix and may still start a feasible line.
 * At every legal break point b each active node a is tried as the start
 * of the line ending at b; the best way to reach b is kept per
 * (class of the next line's width, fitness class, hyphenated lines in a
 * row), and the nodes whose line to b is already overfull are dropped.
 * Widths, stretch and shrink come from prefix sums, so a try is O(1) and
 * a pass O(breakpoints x active nodes); the active list is capped.
 */
#include "brief/linebreak.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base.h"

#define INF_BAD     10000.0  /* badness of an underfull line */
#define AWFUL       1e8      /* demerits of a line of badness 10000 */
#define EPS         1e-9     /* rounding slack when comparing widths */
#define NONE        SIZE_MAX

enum { FIT_VLOOSE, FIT_LOOSE, FIT_DECENT, FIT_TIGHT };

/* ---- items ---------------------------------------------------------- */

/* Skip discardable items from i: glue and optional penalties. */
static size_t
S_skip(const struct lb_item *it, size_t n, size_t i)
{
	while (i < n && (it[i].kind == LB_GLUE ||
	    (it[i].kind == LB_PENALTY && it[i].penalty > -LB_INF)))
		i++;
	return i;
}

size_t
lb_next_start(const struct lb_item *it, size_t n, size_t b)
{
	if (b >= n)
		return n;
	return S_skip(it, n, it[b].kind == LB_BOX ? b : b + 1);
}

size_t
lb_first_start(const struct lb_item *it, size_t n)
{
	return S_skip(it, n, 0);
}

static int
S_forced(const struct lb_item *it, size_t n, size_t b)
{
	return b >= n || (it[b].kind == LB_PENALTY &&
		it[b].penalty <= -LB_INF);
}

static int
S_flagged(const struct lb_item *it, size_t n, size_t b)
{
	return b < n && it[b].kind == LB_PENALTY &&
		(it[b].flags & LB_FLAGGED) != 0;
}

/* After the last item that is not discardable: where the last line's
 * material ends (TeX removes the paragraph's trailing space). */
static size_t
S_tail(const struct lb_item *it, size_t n)
{
	while (n > 0 && (it[n - 1].kind == LB_GLUE ||
	    (it[n - 1].kind == LB_PENALTY && it[n - 1].penalty > -LB_INF)))
		n--;
	return n;
}

/* ---- first fit ------------------------------------------------------ */

/* Where the line starting at i ends: the last feasible break before the
 * first item that does not fit, or a box when none exists. */
static size_t
S_first_fit(const struct lb_item *it, size_t n, size_t i, double width)
{
	size_t best = NONE;
	double w = 0;

	for (size_t j = i; j < n; j++) {
		if (it[j].kind == LB_PENALTY) {
			if (it[j].penalty <= -LB_INF)
				return j;
			if (it[j].penalty < LB_INF && w + it[j].width <= width)
				best = j;
		} else if (it[j].kind == LB_GLUE) {
			if (j > i && it[j - 1].kind == LB_BOX)
				best = j;
			w += it[j].width;
		} else {
			if (j > i && w + it[j].width > width)
				return best != NONE ? best : j;
			w += it[j].width;
		}
	}
	return n;
}

size_t
lb_greedy(const struct lb_item *it, size_t n, double width, size_t *breaks)
{
	size_t lines = 0, i = S_skip(it, n, 0);

	for (;;) {
		size_t b = S_first_fit(it, n, i, width);

		breaks[lines++] = b;
		if (b >= n)
			return lines;
		i = lb_next_start(it, n, b);
		if (i >= n)
			return lines;
	}
}

/* ---- the cost of a line --------------------------------------------- */

void
lb_params_default(struct lb_params *p, double width)
{
	memset(p, 0, sizeof *p);
	p->width = width;
	p->ragged_stretch = width / 15;
	p->pretolerance = 100;
	p->tolerance = 200;
	p->line_penalty = 10;
	p->adj_demerits = 10000;
	p->double_hyphen_demerits = 10000;
	p->final_hyphen_demerits = 5000;
	p->max_hyphens = 2;
	p->max_active = 400;
}

double
lb_line_width(const struct lb_params *p, size_t k)
{
	if (p->widths == NULL || p->nwidths == 0)
		return p->width;
	return p->widths[k < p->nwidths ? k : p->nwidths - 1];
}

/* Lines from this number on have the same width. */
static size_t
S_line_class(const struct lb_params *p, size_t k)
{
	if (p->widths == NULL || p->nwidths == 0)
		return 0;
	return k < p->nwidths - 1 ? k : p->nwidths - 1;
}

struct line_fit {
	double ratio, badness;
	int fit, overfull;
};

static double
S_badness(double r)
{
	double b = 100 * r * r * r;

	return b > INF_BAD ? INF_BAD : b;
}

/* Set a line of natural width w, stretch y and shrink z in width lw;
 * last: it ends the paragraph or at a forced break (fill glue). */
static struct line_fit
S_set(const struct lb_params *p, double lw, double w, double y, double z,
	int last, double extra)
{
	struct line_fit f = { 0, 0, FIT_DECENT, 0 };
	double room = lw - w;

	if (p->ragged) {
		y = p->ragged_stretch;
		z = 0;
	}
	y += extra;
	if (room > EPS) {
		if (last)
			return f;
		f.ratio = y > 0 ? room / y : 0;
		f.badness = y > 0 ? S_badness(f.ratio) : INF_BAD;
		f.fit = f.badness > 99 ? FIT_VLOOSE :
			f.badness > 12 ? FIT_LOOSE : FIT_DECENT;
	} else if (room < -EPS) {
		f.ratio = z > 0 ? room / z : -INFINITY;
		if (-room > z + EPS) {
			f.overfull = 1;
			f.badness = INF_BAD;
			f.fit = FIT_TIGHT;
			return f;
		}
		if (f.ratio < -1)
			f.ratio = -1;
		f.badness = S_badness(-f.ratio);
		f.fit = f.badness > 12 ? FIT_TIGHT : FIT_DECENT;
	}
	return f;
}

/* Demerits of a line of badness b broken at a penalty pen. */
static double
S_line_demerits(const struct lb_params *p, double b, int pen)
{
	double d = p->line_penalty + b;

	d = fabs(d) >= INF_BAD ? AWFUL : d * d;
	if (pen > 0)
		d += (double)pen * pen;
	else if (pen < 0 && pen > -LB_INF)
		d -= (double)pen * pen;
	return d;
}

/* What a break adds beyond the line itself: fitness jumps and hyphens.
 * prev_run: hyphenated lines in a row before this line. */
static double
S_join_demerits(const struct lb_params *p, int prev_fit, int fit,
	int prev_run, int flagged, int at_end)
{
	double d = 0;

	if (abs(fit - prev_fit) > 1)
		d += p->adj_demerits;
	if (prev_run > 0 && flagged)
		d += p->double_hyphen_demerits;
	if (prev_run > 0 && at_end)
		d += p->final_hyphen_demerits;
	if (flagged && p->max_hyphens > 0 && prev_run >= p->max_hyphens)
		d += 10 * AWFUL;     /* worse than any underfull line */
	return d;
}

static int
S_penalty(const struct lb_item *it, size_t n, size_t b)
{
	return b < n && it[b].kind == LB_PENALTY ? it[b].penalty : 0;
}

/* ---- total fit: the state ------------------------------------------- */

struct node {
	size_t pos;              /* the break; NONE: the paragraph start */
	size_t start;            /* first item of the line after it */
	size_t line;             /* lines before it = index of the next */
	size_t prev;             /* node of the previous break */
	double total;            /* demerits of the lines so far */
	int fit;                 /* fitness class of the line it ends */
	int run;                 /* hyphenated lines in a row, capped */
	int overfull;            /* the line it ends is overfull */
};

/* The best way found to break at the current break point, per class. */
struct cand {
	size_t cls, from;
	double total;
	int fit, run, overfull;
};

struct kp {
	const struct lb_item *it;
	size_t n, tail;
	const struct lb_params *p;
	double *sw, *sy, *sz;    /* prefix sums over boxes and glue */
	VEC(struct node) node;
	VEC(size_t) active;
	VEC(struct cand) cand;
	int run_cap;
	size_t active_max;
	/* the pass */
	double threshold, extra;
	int hyphens, final;
};

static void
S_sums(struct kp *k)
{
	const struct lb_item *it = k->it;

	k->sw = xcalloc(k->n + 1, sizeof *k->sw);
	k->sy = xcalloc(k->n + 1, sizeof *k->sy);
	k->sz = xcalloc(k->n + 1, sizeof *k->sz);
	for (size_t i = 0; i < k->n; i++) {
		int on = it[i].kind != LB_PENALTY;
		int glue = it[i].kind == LB_GLUE;

		k->sw[i + 1] = k->sw[i] + (on ? it[i].width : 0);
		k->sy[i + 1] = k->sy[i] + (glue ? it[i].stretch : 0);
		k->sz[i + 1] = k->sz[i] + (glue ? it[i].shrink : 0);
	}
}

static int
S_legal(const struct kp *k, size_t b)
{
	const struct lb_item *it = k->it;

	if (b >= k->tail)       /* the paragraph's trailing space */
		return b >= k->n;
	if (it[b].kind == LB_GLUE)
		return b > 0 && it[b - 1].kind == LB_BOX;
	if (it[b].kind == LB_PENALTY)
		return it[b].penalty < LB_INF &&
			(k->hyphens || !(it[b].flags & LB_HYPHEN));
	return 0;
}

static size_t
S_push_node(struct kp *k, struct node nd)
{
	VEC_PUSH(&k->node, nd);
	return k->node.n - 1;
}

/* The line from node a to the break b, set. */
static struct line_fit
S_try_line(const struct kp *k, const struct node *a, size_t b)
{
	size_t e = b >= k->n ? k->tail : b, s = a->start;
	double w, y, z;

	if (e < s)
		e = s;
	w = k->sw[e] - k->sw[s];
	y = k->sy[e] - k->sy[s];
	z = k->sz[e] - k->sz[s];
	if (b < k->n && k->it[b].kind == LB_PENALTY)
		w += k->it[b].width;
	return S_set(k->p, lb_line_width(k->p, a->line), w, y, z,
		S_forced(k->it, k->n, b), k->extra);
}

static void
S_offer(struct kp *k, struct cand c)
{
	for (size_t i = 0; i < k->cand.n; i++) {
		struct cand *o = &k->cand.v[i];

		if (o->cls == c.cls && o->fit == c.fit && o->run == c.run) {
			if (c.total < o->total)
				*o = c;
			return;
		}
	}
	VEC_PUSH(&k->cand, c);
}

/* ---- total fit: a break point --------------------------------------- */

/* Try the line from active node ai to b; offers a candidate. Returns 1
 * when ai stays active. last_one: ai is the only active node left and
 * nothing reaches b yet (the emergency pass then accepts it overfull). */
static int
S_try(struct kp *k, size_t ai, size_t b, int last_one)
{
	const struct node *a = &k->node.v[ai];
	int forced = S_forced(k->it, k->n, b);
	int flagged = S_flagged(k->it, k->n, b);
	struct line_fit f;
	struct cand c;
	double d;

	if (b < a->start)
		return 1;
	f = S_try_line(k, a, b);
	if (f.overfull && !(k->final && last_one))
		return 0;
	if (!f.overfull && f.badness > k->threshold)
		return !forced;
	if (flagged && !k->final && k->p->max_hyphens > 0 &&
	    a->run >= k->p->max_hyphens)
		return !forced;
	d = f.overfull ? 0 : S_line_demerits(k->p, f.badness,
		S_penalty(k->it, k->n, b)) + S_join_demerits(k->p, a->fit,
		f.fit, a->run, flagged, b >= k->n);
	c.cls = S_line_class(k->p, a->line + 1);
	c.from = ai;
	c.total = a->total + d;
	c.fit = f.fit;
	c.run = flagged ? (a->run < k->run_cap ? a->run + 1 : k->run_cap) : 0;
	c.overfull = f.overfull;
	S_offer(k, c);
	return !forced && !f.overfull;
}

/* The candidates become active nodes, less those that cannot win: more
 * than adj_demerits above the best of their class and hyphen run. */
static void
S_activate(struct kp *k, size_t b)
{
	for (size_t i = 0; i < k->cand.n; i++) {
		const struct cand *c = &k->cand.v[i];
		struct node nd;
		int keep = 1;

		for (size_t j = 0; j < k->cand.n && keep; j++) {
			const struct cand *o = &k->cand.v[j];

			keep = !(o->cls == c->cls && o->run == c->run &&
				o->total + k->p->adj_demerits < c->total);
		}
		if (!keep)
			continue;
		nd.pos = b;
		nd.start = lb_next_start(k->it, k->n, b);
		nd.line = k->node.v[c->from].line + 1;
		nd.prev = c->from;
		nd.total = c->total;
		nd.fit = c->fit;
		nd.run = c->run;
		nd.overfull = c->overfull;
		VEC_PUSH(&k->active, S_push_node(k, nd));
	}
	k->cand.n = 0;
}

struct rank {
	double total;
	size_t node;
};

static int
S_rank_cmp(const void *x, const void *y)
{
	const struct rank *a = x, *b = y;

	if (a->total != b->total)
		return a->total < b->total ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Over the cap: keep the half with the fewest demerits. */
static void
S_cap(struct kp *k)
{
	size_t m = k->active.n, keep = k->p->max_active / 2;
	struct rank *r;

	if (k->p->max_active == 0 || m <= k->p->max_active)
		return;
	if (keep == 0)
		keep = 1;
	r = xmalloc(m * sizeof *r);
	for (size_t i = 0; i < m; i++) {
		r[i].total = k->node.v[k->active.v[i]].total;
		r[i].node = k->active.v[i];
	}
	qsort(r, m, sizeof *r, S_rank_cmp);
	for (size_t i = 0; i < keep; i++)
		k->active.v[i] = r[i].node;
	k->active.n = keep;
	free(r);
}

static void
S_break_point(struct kp *k, size_t b)
{
	size_t keep = 0, m = k->active.n;

	for (size_t i = 0; i < m; i++) {
		size_t ai = k->active.v[i];
		int last_one = keep == 0 && i + 1 == m && k->cand.n == 0;

		if (S_try(k, ai, b, last_one))
			k->active.v[keep++] = ai;
	}
	k->active.n = keep;
	S_activate(k, b);
	S_cap(k);
	if (k->active.n > k->active_max)
		k->active_max = k->active.n;
}

/* One pass; returns the best final node or NONE. */
static size_t
S_pass(struct kp *k)
{
	struct node start = { NONE, lb_first_start(k->it, k->n), 0, NONE, 0,
		FIT_DECENT, 0, 0 };
	size_t best = NONE;

	k->node.n = k->active.n = k->cand.n = 0;
	VEC_PUSH(&k->active, S_push_node(k, start));
	for (size_t b = 0; b <= k->n && k->active.n > 0; b++)
		if (S_legal(k, b))
			S_break_point(k, b);
	for (size_t i = 0; i < k->active.n; i++) {
		size_t ai = k->active.v[i];

		if (k->node.v[ai].pos == k->n && (best == NONE ||
		    k->node.v[ai].total < k->node.v[best].total))
			best = ai;
	}
	return best;
}

/* ---- total fit: the passes ------------------------------------------ */

static size_t
S_collect(const struct kp *k, size_t best, size_t *breaks,
	struct lb_stats *st)
{
	size_t lines = k->node.v[best].line;

	st->demerits = k->node.v[best].total;
	for (size_t i = best; k->node.v[i].pos != NONE;
	    i = k->node.v[i].prev) {
		const struct node *nd = &k->node.v[i];

		breaks[nd->line - 1] = nd->pos;
		st->hyphens += S_flagged(k->it, k->n, nd->pos);
		st->overfull += nd->overfull != 0;
	}
	return lines;
}

size_t
lb_knuth_plass(const struct lb_item *it, size_t n, const struct lb_params *p,
	size_t *breaks, struct lb_stats *st)
{
	struct kp k = { .it = it, .n = n, .p = p };
	struct lb_stats dummy;
	size_t best = NONE, lines;

	if (st == NULL)
		st = &dummy;
	memset(st, 0, sizeof *st);
	k.tail = S_tail(it, n);
	k.run_cap = p->max_hyphens > 0 ? p->max_hyphens : 1;
	S_sums(&k);
	for (int pass = p->pretolerance >= 0 ? 1 : 2; pass <= 3 &&
	    best == NONE; pass++) {
		k.threshold = pass == 1 ? p->pretolerance :
			pass == 2 ? p->tolerance : INF_BAD;
		k.hyphens = pass > 1;
		k.final = pass == 3;
		k.extra = k.final ? p->emergency_stretch : 0;
		best = S_pass(&k);
		st->pass = pass;
	}
	/* pass 3 always ends somewhere; first fit should it not */
	lines = best != NONE ? S_collect(&k, best, breaks, st) :
		lb_greedy(it, n, lb_line_width(p, 0), breaks);
	st->active_max = k.active_max;
	free(k.sw);
	free(k.sy);
	free(k.sz);
	VEC_FREE(&k.node);
	VEC_FREE(&k.active);
	VEC_FREE(&k.cand);
	return lines;
}

size_t
lb_optimal(const struct lb_item *it, size_t n, double width, size_t *breaks)
{
	struct lb_params p;

	lb_params_default(&p, width);
	return lb_knuth_plass(it, n, &p, breaks, NULL);
}

/* ---- judging a breaking --------------------------------------------- */

/* Natural width, stretch and shrink of items [s, e) plus the penalty
 * width at b. */
static void
S_measure(const struct lb_item *it, size_t n, size_t s, size_t e, size_t b,
	double *w, double *y, double *z)
{
	*w = *y = *z = 0;
	for (size_t i = s; i < e; i++) {
		if (it[i].kind == LB_PENALTY)
			continue;
		*w += it[i].width;
		if (it[i].kind == LB_GLUE) {
			*y += it[i].stretch;
			*z += it[i].shrink;
		}
	}
	if (b < n && it[b].kind == LB_PENALTY)
		*w += it[b].width;
}

double
lb_demerits(const struct lb_item *it, size_t n, const struct lb_params *p,
	const size_t *breaks, size_t nlines, double *ratios)
{
	size_t s = lb_first_start(it, n), tail = S_tail(it, n);
	int fit = FIT_DECENT, run = 0;
	double total = 0;

	for (size_t k = 0; k < nlines; k++) {
		size_t b = breaks[k], e = b >= n ? tail : b;
		int flagged = S_flagged(it, n, b);
		struct line_fit f;
		double w, y, z;

		S_measure(it, n, s, e > s ? e : s, b, &w, &y, &z);
		f = S_set(p, lb_line_width(p, k), w, y, z, S_forced(it, n, b),
			0);
		total += S_line_demerits(p, f.badness, S_penalty(it, n, b)) +
			S_join_demerits(p, fit, f.fit, run, flagged, b >= n);
		if (ratios != NULL)
			ratios[k] = f.ratio;
		fit = f.fit;
		run = flagged ? run + 1 : 0;
		s = lb_next_start(it, n, b);
	}
	return total;
}
