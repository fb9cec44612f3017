/*
 * dates.h -- find and normalise the dates news text uses.
 *
 * Recognised forms: "18 February 2025", "February 18, 2025", "Feb. 18",
 * "18 Feb", "2025-02-18", "December 4–5" / "December 4-5", "in 2018",
 * "June 2024", and relative forms ("last week", "on Tuesday", "earlier
 * this year", "today") which resolve only against a known reference date.
 *
 * No allocation: results are written into a caller-provided array.
 */
#ifndef BRIEF_DATES_H
#define BRIEF_DATES_H

#include <stddef.h>

#include "brief/base.h"

enum date_prec { DP_NONE = 0, DP_YEAR, DP_MONTH, DP_DAY };

/* A calendar date of some precision. y == 0 means the year is unknown
 * (e.g. "Feb. 18" with nothing to infer it from); m and d are 0 below
 * the precision given. */
struct bdate {
	int y, m, d;
	enum date_prec prec;
};

enum {
	DM_RELATIVE = 1 << 0,      /* resolved from a relative phrase */
	DM_YEAR_INFERRED = 1 << 1, /* year taken from the hint, not the text */
	DM_RANGE = 1 << 2,         /* "December 4–5": end holds the last day */
	DM_APPROX = 1 << 3,        /* "last week": a day within a week of it */
	DM_WEEKDAY = 1 << 4,       /* a bare weekday ("on Tuesday") */
	DM_DAYONLY = 1 << 5,       /* a day of the month alone ("on the 4th") */
	DM_ANAPHOR = 1 << 6,       /* "the following day": from the date before */
	DM_ATTRIB = 1 << 7,        /* "the 2019 decision": dates the noun after
	                            * it, not the clause's verb */
	DM_SINCE = 1 << 8,         /* "since 2016", "since the 2019 memorandum":
	                            * where a span that lasts began, not the
	                            * date of the clause's event */
};

struct date_mention {
	size_t off, len;      /* byte span of the phrase in the input */
	struct bdate date;    /* start (or only) date */
	struct bdate end;     /* last day of a range, else same as date */
	unsigned flags;
};

/* Context for resolving a mention. ref: the article's own date (prec
 * DP_NONE when unknown); relative phrases resolve only when ref has day
 * precision. year_hint: a year to give every month-day without one.
 *
 * With year_hint 0, a month-day without a year takes it from the
 * sentence or from ref, never from anywhere else:
 *   1. an explicit year in the same clause ("In 2018, on October 5"; a
 *      bare year only after "in", "of" or "during"); when ref is known,
 *      only a year at most two words from the mention;
 *   2. else ref (day or month precision): in a past-tense clause the
 *      latest such date on or before ref, in a future-tense clause
 *      ("will", "set to", "scheduled", "ahead of") the earliest on or
 *      after it, else the nearest. The tense is the nearest marker
 *      before the mention (an "-ed" verb, "was", "will", ...), else the
 *      first one after it;
 *   3. else the year stays unknown (y == 0).
 * A bare weekday ("on Tuesday") is the latest such day on or before ref,
 * or the next one on or after it in a future-tense clause. */
struct date_ctx {
	struct bdate ref;
	int year_hint;
	int headline;         /* a headline: its present tense reports */
	struct bdate anchor;  /* the last day date told before this sentence
	                       * in its paragraph, for "the following day"
	                       * when the sentence has none (prec DP_NONE) */
};

/* Find up to max mentions in s[0..n), in text order; returns how many
 * were written. Never reads past n. */
size_t dates_find(const char *s, size_t n, const struct date_ctx *ctx,
	struct date_mention *out, size_t max);

/* The tense of the clause around the mention at s[off..end) of the
 * sentence s[0..n), as dates_find reads it to give a month-day its
 * year (and, when that finds no marker near it, the last marker before
 * it in the sentence): +1 future ("will", "set to", "is expected to be
 * signed"), -1 past ("was", "since", an "-ed" verb), 0 neither. */
int dates_tense(const char *s, size_t n, size_t off, size_t end);

/* Parse a whole string as one date (for "Date:" header lines): ISO
 * forms, "18 February 2025", "February 18, 2025", "Feb 2025", "2025".
 * Returns 0 and fills *d, or -1. */
int dates_parse(const char *s, size_t n, struct bdate *d);

/* A date at the very start of s[0..n) (a weekday before it allowed,
 * month names in any case): "Dec 08, 2025", "3 December 2025",
 * "2025-12-05", "Tuesday, Sept. 9". Returns the bytes it covers and
 * fills *d (the year may be 0), or returns 0. */
size_t dates_lead(const char *s, size_t n, struct bdate *d);

/* Order by start; less precise sorts before more precise at a tie
 * ("2025" < "Feb 2025" < "18 Feb 2025"); unknown year sorts first. */
int bdate_cmp(const struct bdate *a, const struct bdate *b);

/* Formats: "18 Feb 2025", "Feb 2025", "2025"; ISO: "2025-02-18",
 * "2025-02", "2025". Unknown year omits it ("18 Feb"). */
void bdate_format(struct buf *b, const struct bdate *d);
void bdate_format_iso(struct buf *b, const struct bdate *d);

/* A span of days, shortest form: "4–5 Dec 2025", "30 Nov – 2 Dec 2025";
 * when end is not a later day than start, start alone. Every renderer
 * writes date ranges with this. */
void bdate_format_range(struct buf *b, const struct bdate *start,
	const struct bdate *end);
/* Whether start..end is a span of days (drawn as a bar, not a dot). */
int bdate_is_range(const struct bdate *start, const struct bdate *end);

/* Days since 1970-01-01 (proleptic Gregorian; negative before it), and
 * back (out gets day precision); day of the week (0 = Monday) for a full
 * date. */
long bdate_days(int y, int m, int d);
void bdate_from_days(long days, struct bdate *out);
int bdate_weekday(int y, int m, int d);

#endif
