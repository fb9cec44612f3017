/*
 * timeline.h -- the timeline graphic: the brief's dated events on an
 * axis, a dot for a day (a ring for a month or a year), a bar for a
 * span of days, the label above and the date below each, in up to
 * three rows when they crowd.
 *
 * Where the markers go: the space between two events grows with the
 * logarithm of the time between them, so days and years both read; a
 * gap of more than a year between three or more events breaks the
 * axis. Laid out once (tl_layout), drawn where the page puts it
 * (tl_draw).
 *
 * Ownership: struct timeline owns its marks and text; tl_free()
 * releases them. The fonts are the caller's.
 */
#ifndef BRIEF_TIMELINE_H
#define BRIEF_TIMELINE_H

#include <stddef.h>

#include <hpdf.h>

#include "brief/base.h"
#include "brief/dates.h"
#include "brief/fonts.h"
#include "brief/pdfdoc.h"

/* One event. */
struct tl_event {
	struct bdate date, end;  /* end later than date: a span of days */
	const char *label;       /* a short word: "signed", "summit" */
};

struct tl_mark {
	double x0, x1;       /* a dot at x0, or a bar from x0 to x1 */
	double lx, dx;       /* left ends of the label and of the date */
	int tier;            /* 0: next to the axis */
	int open;            /* a month or a year: a ring, not a dot */
	size_t label, date;  /* offsets in text */
};

struct timeline {
	size_t n;
	struct tl_mark *m;   /* n marks */
	double *brk;         /* where the axis is broken (a long gap) */
	size_t nbrk;
	int tiers;
	double w, h;         /* its width and height */
	double size, lh;     /* type size, row height */
	double axis;         /* the axis's depth below the top */
	struct buf text;     /* labels and dates, NUL-separated */
};

/* Lay out ev[0..n) (chronological) width points wide with type of
 * size; t->h is then the height it takes. Returns 0, or -1 with err
 * (a face that cannot be loaded). */
int tl_layout(struct timeline *t, struct fonts *f, const struct tl_event *ev,
	size_t n, double width, double size, struct brief_err *err);

/* "Timeline: 18 Feb 2025, signed; 4–5 Dec 2025, summit." */
void tl_describe(struct buf *out, const struct tl_event *ev, size_t n);

/* Draw t with its top left corner at (x, top) on page. */
int tl_draw(const struct timeline *t, struct pdfdoc *d, HPDF_Page page,
	double x, double top);

void tl_free(struct timeline *t);

#endif
