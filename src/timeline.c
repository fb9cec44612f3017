/*
 * timeline.c -- the timeline graphic (see timeline.h).
 */
#include "brief/timeline.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "brief/layout.h"
#include "brief/style.h"

#define TL_TIERS  3          /* rows of labels when they crowd */

/* ---- layout --------------------------------------------------------- */

/* Days since 1970 of d's first (or, with last, its last) day;
 * LONG_MIN when the year is unknown. */
static long
S_day(const struct bdate *d, int last)
{
	int m, day;

	if (d->prec == DP_NONE || d->y == 0)
		return LONG_MIN;
	m = d->prec >= DP_MONTH ? d->m : last ? 12 : 1;
	day = d->prec >= DP_DAY ? d->d : last ? 28 : 1;
	return bdate_days(d->y, m, day);
}

/* Keep markers apart: at least gap[i] between marker i and i + 1,
 * within [a, b]; pushed right, then back left, and if they still do
 * not fit, spread by their gaps alone. */
static void
S_tl_spread(double *x, const double *gap, size_t n, double a, double b)
{
	double need = 0;

	for (size_t i = 0; i + 1 < n; i++)
		need += gap[i];
	if (need > b - a) {
		x[0] = a;
		for (size_t i = 0; i + 1 < n; i++)
			x[i + 1] = x[i] + gap[i] * (b - a) / need;
		return;
	}
	for (size_t i = 0; i + 1 < n; i++)
		x[i + 1] = fmax(x[i + 1], x[i] + gap[i]);
	x[n - 1] = fmin(x[n - 1], b);
	for (size_t i = n - 1; i-- > 0; )
		x[i] = fmin(x[i], x[i + 1] - gap[i]);
}

/* Where the markers go along w: the space between two events grows
 * with the logarithm of the time between them (days and years both
 * read), ends inset by half the text under them, and never so close
 * that a label in the next row would sit on a neighbour's. A gap of
 * more than a year between three or more events breaks the axis. */
static void
S_tl_place(struct timeline *t, const struct tl_event *ev,
	const double *bw)
{
	size_t n = t->n;
	double *cum = xcalloc(n, sizeof *cum), *x = xcalloc(n, sizeof *x);
	double *gap = xcalloc(n, sizeof *gap), a, b;
	size_t *after = xcalloc(n, sizeof *after);

	t->nbrk = 0;
	cum[0] = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		long e = S_day(&ev[i].end, 1), s = S_day(&ev[i + 1].date, 0);
		double days = e == LONG_MIN || s == LONG_MIN ? 30 :
			s > e ? (double)(s - e) : 0;

		cum[i + 1] = cum[i] + 1 + log1p(days / 30);
		gap[i] = fmax(bw[i], bw[i + 1]) / 2 + 0.5 * t->size;
		if (n >= 3 && days > 365)
			after[t->nbrk++] = i;
	}
	a = fmin(bw[0] / 2, t->w / 4);
	b = t->w - fmin(bw[n - 1] / 2, t->w / 4);
	for (size_t i = 0; i < n; i++)
		x[i] = n == 1 ? t->w / 2 : a + (b - a) * cum[i] / cum[n - 1];
	if (n > 1)
		S_tl_spread(x, gap, n, a, b);
	for (size_t i = 0; i < n; i++) {
		long s = S_day(&ev[i].date, 0), e = S_day(&ev[i].end, 1);
		double half = 0;

		if (bdate_is_range(&ev[i].date, &ev[i].end) && s != LONG_MIN &&
		    e != LONG_MIN)
			half = fmin(2.5 + 1.5 * log1p((double)(e - s)), 9);
		t->m[i].x0 = x[i] - half;
		t->m[i].x1 = x[i] + half;
		t->m[i].open = ev[i].date.prec != DP_DAY;
	}
	for (size_t k = 0; k < t->nbrk; k++)
		t->brk[k] = (t->m[after[k]].x1 + t->m[after[k] + 1].x0) / 2;
	free(cum);
	free(x);
	free(gap);
	free(after);
}

/* Labels in rows: each in the row nearest the axis where it clears the
 * one before it. */
static void
S_tl_tiers(struct timeline *t, const double *bw, const double *lw,
	const double *dw)
{
	double last[TL_TIERS];
	double gap = 0.7 * t->size;

	for (int k = 0; k < TL_TIERS; k++)
		last[k] = -1e9;
	t->tiers = 1;
	for (size_t i = 0; i < t->n; i++) {
		struct tl_mark *m = &t->m[i];
		double mid = (m->x0 + m->x1) / 2;
		double left = fmax(0, fmin(mid - bw[i] / 2, t->w - bw[i]));
		int tier = 0;

		for (int k = 0; k < TL_TIERS; k++) {
			if (left >= last[k] + gap) {
				tier = k;
				break;
			}
			if (last[k] < last[tier])
				tier = k;
		}
		m->tier = tier;
		last[tier] = left + bw[i];
		if (tier + 1 > t->tiers)
			t->tiers = tier + 1;
		m->lx = fmax(0, fmin(mid - lw[i] / 2, t->w - lw[i]));
		m->dx = fmax(0, fmin(mid - dw[i] / 2, t->w - dw[i]));
	}
}

int
tl_layout(struct timeline *t, struct fonts *f, const struct tl_event *ev,
	size_t n, double width, double size, struct brief_err *err)
{
	double *bw, *lw, *dw;
	struct buf s = { 0 }, clean = { 0 };

	tl_free(t);
	if (n == 0)
		return 0;
	if (fonts_load(f, FACE_ITALIC, err) != 0 ||
	    fonts_load(f, FACE_SERIF, err) != 0)
		return -1;
	t->n = n;
	t->m = xcalloc(n, sizeof *t->m);
	t->brk = xcalloc(n, sizeof *t->brk);
	bw = xcalloc(3 * n, sizeof *bw);
	lw = bw + n;
	dw = lw + n;
	t->w = width;
	t->size = size;
	t->lh = 1.2 * size;
	for (size_t i = 0; i < n; i++) {
		const char *label = ev[i].label ? ev[i].label : "";

		t->m[i].label = t->text.n;
		lay_clean(&clean, label, strlen(label));
		buf_put(&t->text, clean.p, clean.n + 1);
		lw[i] = fonts_width(f, FACE_ITALIC, clean.p, clean.n, size);
		s.n = 0;
		bdate_format_range(&s, &ev[i].date, &ev[i].end);
		t->m[i].date = t->text.n;
		lay_clean(&clean, buf_cstr(&s), s.n);
		buf_put(&t->text, clean.p, clean.n + 1);
		dw[i] = fonts_width(f, FACE_SERIF, clean.p, clean.n, size);
		bw[i] = fmax(lw[i], dw[i]);
	}
	S_tl_place(t, ev, bw);
	S_tl_tiers(t, bw, lw, dw);
	free(bw);
	buf_free(&s);
	buf_free(&clean);
	t->axis = 0.2 * t->lh + t->tiers * t->lh + 0.45 * t->lh;
	t->h = t->axis + 0.45 * t->lh + t->tiers * t->lh + 0.25 * t->lh;
	return 0;
}

void
tl_describe(struct buf *out, const struct tl_event *ev, size_t n)
{
	buf_puts(out, "Timeline:");
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, i ? "; " : " ");
		bdate_format_range(out, &ev[i].date, &ev[i].end);
		if (ev[i].label && *ev[i].label)
			buf_printf(out, ", %s", ev[i].label);
	}
	buf_putc(out, '.');
}

void
tl_free(struct timeline *t)
{
	free(t->m);
	free(t->brk);
	buf_free(&t->text);
	memset(t, 0, sizeof *t);
}

/* ---- drawing -------------------------------------------------------- */

/* The axis, its breaks, the markers, and leaders to the rows away from
 * it. */
static int
S_tl_marks(const struct timeline *t, struct pdfdoc *d, HPDF_Page page,
	double x, double ya)
{
	double gap = 0.45 * t->lh;

	if (pdf_line(d, page, x, ya, x + t->w, ya, STYLE_AXIS_INK, 0.8) != 0)
		return -1;
	for (size_t k = 0; k < t->nbrk; k++) {
		double bx = x + t->brk[k];

		if (pdf_rect(d, page, bx - 1.8, ya - 1.5, 3.6, 3, 0xFFFFFFu) != 0 ||
		    pdf_line(d, page, bx - 3, ya - 3, bx - 0.6, ya + 3, STYLE_AXIS_INK,
		    0.8) != 0 || pdf_line(d, page, bx + 0.6, ya - 3, bx + 3,
		    ya + 3, STYLE_AXIS_INK, 0.8) != 0)
			return -1;
	}
	for (size_t i = 0; i < t->n; i++) {
		const struct tl_mark *m = &t->m[i];
		double mid = x + (m->x0 + m->x1) / 2, off = m->tier * t->lh;

		if (m->tier > 0 && (pdf_line(d, page, mid, ya + 3, mid, ya + gap +
		    off - 0.1 * t->lh, STYLE_RULE_INK, 0.5) != 0 || pdf_line(d, page,
		    mid, ya - 3, mid, ya - gap - off + 0.15 * t->lh, STYLE_RULE_INK,
		    0.5) != 0))
			return -1;
		if (m->x1 - m->x0 > 0.5 ? pdf_bar(d, page, x + m->x0 + 2.2,
		    x + m->x1 - 2.2, ya, 4.4, STYLE_NAVY) : pdf_dot(d, page, mid,
		    ya, 2.5, m->open ? 0xFFFFFFu : STYLE_NAVY, STYLE_NAVY, 1.1))
			return -1;
	}
	return 0;
}

/* One row of text: the labels of tier k above the axis, or (dates) the
 * dates of tier k below it, left to right. */
static int
S_tl_row(const struct timeline *t, struct pdfdoc *d, HPDF_Page page,
	double x, double ya, int k, int dates)
{
	double gap = 0.45 * t->lh, off = k * t->lh;
	double base = dates ? ya - gap - off - 0.72 * t->lh :
		ya + gap + off + 0.3 * t->lh;

	for (size_t i = 0; i < t->n; i++) {
		const struct tl_mark *m = &t->m[i];

		if (m->tier != k)
			continue;
		if (dates ? pdf_text_at(d, page, t->text.p + m->date, FACE_SERIF,
		    t->size, STYLE_SOFT_INK, x + m->dx, base) : pdf_text_at(d, page,
		    t->text.p + m->label, FACE_ITALIC, t->size, STYLE_INK, x + m->lx,
		    base))
			return -1;
	}
	return 0;
}

/* Marks, then the rows of labels above the axis and of dates below
 * it. */
int
tl_draw(const struct timeline *t, struct pdfdoc *d, HPDF_Page page, double x,
	double top)
{
	double ya = top - t->axis;

	if (S_tl_marks(t, d, page, x, ya) != 0)
		return -1;
	for (int k = t->tiers - 1; k >= 0; k--)
		if (S_tl_row(t, d, page, x, ya, k, 0) != 0)
			return -1;
	for (int k = 0; k < t->tiers; k++)
		if (S_tl_row(t, d, page, x, ya, k, 1) != 0)
			return -1;
	return 0;
}
