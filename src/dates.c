/*
 * dates.c -- find and normalise the dates news text uses.
 *
 * One linear pass over a small window of tokens (ASCII words, digit
 * runs, dashes, single punctuation bytes, other UTF-8 characters). At
 * each token the matchers are tried in a fixed order; the first that
 * matches emits a mention and the scan resumes after it. A matcher looks
 * at most S_LB tokens back and a bounded number ahead, and every token is
 * lexed once, so the work per input byte is bounded. No allocation, no
 * recursion.
 *
 * Decisions on ambiguous forms (each one is pinned by tests/test_dates.c):
 *   - Spans cover the date expression with the modifiers that change its
 *     meaning ("early 2018", "mid-2024", "last Friday", "earlier this
 *     year", "Tuesday, February 18, 2025") but not a plain preposition or
 *     bracket: "in 2018" -> "2018", "on Tuesday" -> "Tuesday", "(2018)"
 *     -> "2018".
 *   - Month and weekday names match case-sensitively, capitalised. A month
 *     needs a day or a year next to it; alone it counts only after "in",
 *     "since", "until", "till", "during", "throughout", "early", "mid(-)",
 *     "late" or "end/beginning/start/middle of" (full names only, never
 *     "May's"). "May" after "Mrs", "Theresa" and the like is a name.
 *     "last/next/this March" resolves against ref (the latest March before
 *     ref's month, the first after it, ref's year); "by" and "for" also
 *     introduce a month alone ("by September"), except May. A weekday directly before an
 *     explicit date joins its span: "Tuesday, February 18, 2025",
 *     "Wednesday (Nov. 5)".
 *   - All-numeric d/m/y dates are taken only when unambiguous: one part is
 *     above 12, or both are equal ("18/02/2025", "2/18/2025", "4/4/2025");
 *     "03/04/2025" is skipped. Separators '/', '.', '-' (the same twice).
 *   - A bare 4-digit year (1900..2100) counts after a year word (in,
 *     since, by, until, till, from, during, before, after, around, circa,
 *     through, throughout, between, year, fiscal; "of" only after end,
 *     half, as, class and the like; the modifiers early, mid, late,
 *     spring, summer, autumn, fall, winter), in brackets "(2018)", or
 *     after a determiner or possessive when an event noun follows ("the
 *     2018 deal", "India's 2019 election"). After a year
 *     word the next word must be capitalised, a function word or an event
 *     noun, so "by 2000 troops" and "scores of 2019" are amounts.
 *     "2018–2020", "from 2018 to 2020", "between 2018 and 2020" are year
 *     ranges. Decades ("1990s") are not dates.
 *   - Ranges: "December 4–5", "4–5 December", "November 30–December 2";
 *     the year (given or inferred) belongs to the end; a range that wraps
 *     the year ("December 30–January 2, 2026") starts a year earlier.
 *   - A year hint that makes the day invalid (Feb 29 in 2025) is dropped:
 *     the year stays unknown.
 *   - Relative forms need ctx->ref with day precision, else are skipped.
 *     "last/this/next week" = ref -7/0/+7 days with DP_DAY; "earlier/later
 *     this week" = ref. "on Tuesday"/"Tuesday"/"this Tuesday" = the latest
 *     such day on or before ref; "last Tuesday" strictly before ref; "next
 *     Tuesday" strictly after. "N days/weeks/months/years ago" too. A
 *     capitalised relative word after a capitalised word is a name
 *     ("Russia Today", "Good Friday"), as is a bare weekday before one
 *     ("Sunday Times"); "the last year" and the like are durations;
 *     "Monday-Friday" is a schedule.
 *   - Left alone: "from 1 to 3 March" (gives "3 March"), full-date ranges
 *     ("31 December 2024 – 2 January 2025" gives two dates), all-caps
 *     month names, non-English names, decades.
 *   - "The following day", "the next day", "the same day", "a day later",
 *     "two days later", "the previous day" count from the nearest day
 *     date before them in the same sentence; with none they are dropped.
 */
#include "brief/dates.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <stddef.h>
#include <string.h>

/* ---- calendar arithmetic ------------------------------------------ */

static int
S_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y; y == 0 (unknown) allows Feb 29. */
static int
S_mdays(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && (y == 0 || S_leap(y)))
		return 29;
	return len[m - 1];
}

static int
S_valid(int y, int m, int d)
{
	return d >= 1 && d <= S_mdays(y, m);
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar (Howard
 * Hinnant's days_from_civil: eras of 400 years starting in March). */
long
bdate_days(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
bdate_from_days(long days, struct bdate *out)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = m;
	out->y = (int)(yoe + era * 400 + (m <= 2));
	out->prec = DP_DAY;
}

int
bdate_weekday(int y, int m, int d)
{
	long r = (bdate_days(y, m, d) + 3) % 7;   /* 1970-01-01: Thursday */
	return (int)(r < 0 ? r + 7 : r);
}

/* ---- tokens ------------------------------------------------------- */

enum { TK_END, TK_WORD, TK_NUM, TK_DASH, TK_PUNCT, TK_OTHER };

#define S_NUMCAP 100000

struct S_tok {
	size_t off, len;       /* bytes; an ordinal suffix is inside len */
	int kind;
	int sp;                /* whitespace or the text start precedes it */
	int val;               /* TK_NUM: value, >= S_NUMCAP when larger */
	int ndig;              /* TK_NUM: number of digits */
	int ord;               /* TK_NUM: "st", "nd", "rd" or "th" follows */
	int ch;                /* TK_PUNCT: the byte; TK_DASH: '-' or 0x2013 */
};

static int
S_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
S_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
S_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Length of the white space (utf_is_space) at s[i], 0 if none. */
static size_t
S_space_len(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i;

	return utf_is_space(utf_next((const char *)s, n, &j)) ? j - i : 0;
}

static size_t
S_skip_space(const unsigned char *s, size_t n, size_t i, int *sp)
{
	size_t k;

	while (i < n && (k = S_space_len(s, n, i)) > 0) {
		i += k;
		*sp = 1;
	}
	return i;
}

static size_t
S_lex_num(const unsigned char *s, size_t n, size_t i, struct S_tok *t)
{
	size_t j = i;
	t->kind = TK_NUM;
	while (j < n && S_digit(s[j])) {
		if (t->val < S_NUMCAP)
			t->val = t->val * 10 + (s[j] - '0');
		j++;
	}
	t->ndig = j - i > 99 ? 99 : (int)(j - i);
	if (j + 1 < n && (j + 2 == n || !S_alpha(s[j + 2])) &&
	    (memcmp(s + j, "st", 2) == 0 || memcmp(s + j, "nd", 2) == 0 ||
	    memcmp(s + j, "rd", 2) == 0 || memcmp(s + j, "th", 2) == 0)) {
		t->ord = 1;
		j += 2;
	}
	return j;
}

/* Lex the token at or after s[i] into *t; returns where the next starts. */
static size_t
S_lex(const unsigned char *s, size_t n, size_t i, struct S_tok *t)
{
	size_t j;
	UChar32 c;
	memset(t, 0, sizeof *t);
	t->sp = (i == 0);
	i = S_skip_space(s, n, i, &t->sp);
	t->off = i;
	if (i >= n) {
		t->off = n;
		return n;
	}
	j = i;
	c = utf_next((const char *)s, n, &j);
	if (S_alpha(c)) {
		t->kind = TK_WORD;
		while (j < n && S_alpha(s[j]))
			j++;
	} else if (S_digit(c)) {
		j = S_lex_num(s, n, i, t);
	} else if (utf_is_dash(c)) {
		t->kind = TK_DASH;
		t->ch = c == '-' ? '-' : 0x2013;
	} else if (c < 0x80) {
		t->kind = TK_PUNCT;
		t->ch = c;
	} else {
		t->kind = TK_OTHER;
	}
	t->len = j - i;
	return j;
}

/* ---- the token window --------------------------------------------- */

#define S_LB 4                  /* tokens kept behind the current one */
#define S_AHEAD 28              /* tokens lexed from the current one on */
#define S_BUF 256               /* compacted when the lookahead hits it */

struct S_scan {
	const unsigned char *s;
	size_t n, pos;          /* pos: where the next token is lexed */
	int icase;              /* month/weekday names in any case (headers) */
	struct bdate ref;
	int hint;
	int cur;                /* w[cur] is the current token */
	struct S_tok w[S_BUF];  /* w[cur - S_LB .. cur + S_AHEAD) are valid */
};

static void
S_scan_init(struct S_scan *sc, const char *s, size_t n,
	const struct date_ctx *ctx, int icase)
{
	int i;
	/* the lookbehind starts as TK_END; the rest of w is lexed before
	 * it is read */
	memset(sc, 0, offsetof(struct S_scan, w) +
	    (S_LB + S_AHEAD) * sizeof sc->w[0]);
	sc->cur = S_LB;
	sc->s = (const unsigned char *)s;
	sc->n = n;
	sc->icase = icase;
	if (ctx != NULL) {
		sc->ref = ctx->ref;
		sc->hint = ctx->year_hint;
	}
	for (i = S_LB; i < S_LB + S_AHEAD; i++)
		sc->pos = S_lex(sc->s, n, sc->pos, &sc->w[i]);
}

/* Advance k tokens; the buffer is compacted once every ~S_BUF tokens. */
static void
S_scan_step(struct S_scan *sc, int k)
{
	int i, old = sc->cur + S_AHEAD;
	if (k < 1)
		k = 1;
	if (k > S_AHEAD)
		k = S_AHEAD;
	sc->cur += k;
	if (sc->cur + S_AHEAD > S_BUF) {
		memmove(sc->w, sc->w + sc->cur - S_LB,
			(size_t)(old - (sc->cur - S_LB)) * sizeof sc->w[0]);
		old -= sc->cur - S_LB;
		sc->cur = S_LB;
	}
	for (i = old; i < sc->cur + S_AHEAD; i++)
		sc->pos = S_lex(sc->s, sc->n, sc->pos, &sc->w[i]);
}

static const struct S_tok *
S_cur(const struct S_scan *sc)
{
	return &sc->w[sc->cur];
}

/* ---- token predicates --------------------------------------------- */

/* t is the word w; icase folds ASCII case. */
static int
S_weq(const struct S_scan *sc, const struct S_tok *t, const char *w,
	int icase)
{
	size_t i;
	if (t->kind != TK_WORD)
		return 0;
	for (i = 0; i < t->len; i++) {
		int c = sc->s[t->off + i];
		if (w[i] == '\0' || (c != w[i] &&
		    !(icase && S_lower(c) == S_lower(w[i]))))
			return 0;
	}
	return w[i] == '\0';
}

/* t is w ("last") or w capitalised ("Last"). */
static int
S_weq_cap(const struct S_scan *sc, const struct S_tok *t, const char *w)
{
	if (t->kind != TK_WORD || w[0] == '\0' ||
	    (sc->s[t->off] != w[0] && S_lower(sc->s[t->off]) != w[0]))
		return 0;
	size_t n = strlen(w);
	return t->len == n && memcmp(sc->s + t->off + 1, w + 1, n - 1) == 0;
}

/* The value of word t in lexicon list l (1 for most lists), or 0;
 * icase folds ASCII case. */
static int
S_wlist(const struct S_scan *sc, const struct S_tok *t, enum lex_list l,
	int icase)
{
	if (t->kind != TK_WORD)
		return 0;
	return lex_find(l, (const char *)sc->s + t->off, t->len,
	    icase ? LEX_FOLD : LEX_EXACT);
}

static int
S_capword(const struct S_scan *sc, const struct S_tok *t)
{
	int c = t->kind == TK_WORD ? sc->s[t->off] : 0;
	return c >= 'A' && c <= 'Z';
}

static int
S_punct(const struct S_tok *t, int c)
{
	return t->kind == TK_PUNCT && t->ch == c;
}

static int
S_in(int c, const char *set)
{
	return c != 0 && strchr(set, c) != NULL;
}

/* A token that is one non-ASCII character: that character. */
static UChar32
S_other_cp(const struct S_scan *sc, const struct S_tok *t)
{
	return t->kind == TK_OTHER ? utf_at((const char *)sc->s + t->off,
	    t->len, 0) : UTF_END;
}

/* An apostrophe (utf_is_apostrophe). */
static int
S_apos(const struct S_scan *sc, const struct S_tok *t)
{
	return S_punct(t, '\'') || utf_is_apostrophe(S_other_cp(sc, t));
}

/* A currency sign other than '$' (a punctuation token): £ € ₹ ... */
static int
S_currency(const struct S_scan *sc, const struct S_tok *t)
{
	return utf_is_currency(S_other_cp(sc, t));
}

/* The number t starts a date: not glued to "AK-", "$", "5." or "2,". */
static int
S_start_ok(const struct S_scan *sc, const struct S_tok *t)
{
	const struct S_tok *p = &t[-1];
	if (t->sp || p->kind == TK_END)
		return 1;
	if (p->kind == TK_PUNCT)
		return !S_in(p->ch, "$.,:/#+-&*@=%^~_\\");
	if (p->kind == TK_OTHER)
		return !S_currency(sc, p);
	return 0;
}

/* The phrase ending at t ends there: not "30MKI", "5.4", "2,000",
 * "18:30", "2025-123", "18%". */
static int
S_end_ok(const struct S_tok *t)
{
	const struct S_tok *a = &t[1], *b = &t[2];
	if (a->sp || a->kind == TK_END)
		return 1;
	if (a->kind == TK_WORD || a->kind == TK_NUM || S_punct(a, '%'))
		return 0;
	if ((a->kind == TK_DASH || (a->kind == TK_PUNCT &&
	    S_in(a->ch, ".,:/"))) && !b->sp && b->kind == TK_NUM)
		return 0;
	return 1;
}

/* A month word ending at t is not part of "Mar-a-Lago" or "Feb2025". */
static int
S_month_end_ok(const struct S_tok *t)
{
	const struct S_tok *a = &t[1];
	if (a->sp || a->kind == TK_END)
		return 1;
	if (a->kind == TK_WORD || a->kind == TK_NUM)
		return 0;
	return !(a->kind == TK_DASH && !t[2].sp && t[2].kind == TK_WORD);
}

/* "'s" follows t directly. */
static int
S_possessive_next(const struct S_scan *sc, const struct S_tok *t)
{
	return !t[1].sp && S_apos(sc, &t[1]) && !t[2].sp &&
		S_weq(sc, &t[2], "s", 0);
}

static int
S_day(const struct S_tok *t)
{
	return t->kind == TK_NUM && t->ndig <= 2 && t->val >= 1 &&
		t->val <= 31;
}

static int
S_year(const struct S_tok *t, int lo, int hi)
{
	return t->kind == TK_NUM && t->ndig == 4 && !t->ord &&
		t->val >= lo && t->val <= hi;
}

/* Month named at t (1..12) or 0. *used: tokens taken (an abbreviation
 * takes a following '.'); *abbr: it was abbreviated. */
static int
S_month(const struct S_scan *sc, const struct S_tok *t, int *used,
	int *abbr)
{
	int m;
	*used = 1;
	*abbr = 0;
	if (t->kind != TK_WORD || (m = lex_month((const char *)sc->s + t->off,
	    t->len, sc->icase ? LEX_FOLD : LEX_EXACT, abbr)) == 0)
		return 0;
	if (*abbr && S_punct(&t[1], '.') && !t[1].sp)
		*used = 2;
	return m;
}

/* ---- building a hit ----------------------------------------------- */

struct S_hit {
	int ntok;               /* tokens consumed from the current one */
	size_t off, end;        /* byte span */
	struct bdate a, b;      /* start and end */
	unsigned flags;
};

/* Span from byte off to the end of t[ntok - 1]; t is the current token. */
static int
S_span(struct S_hit *h, const struct S_tok *t, int ntok, size_t off)
{
	h->ntok = ntok;
	h->off = off;
	h->end = t[ntok - 1].off + t[ntok - 1].len;
	return 1;
}

static void
S_set(struct bdate *d, int y, int m, int dd, enum date_prec prec)
{
	d->y = y;
	d->m = prec >= DP_MONTH ? m : 0;
	d->d = prec >= DP_DAY ? dd : 0;
	d->prec = prec;
}

/* Day dates m1/d1 .. m2/d2 (equal unless range) in year y (0: none
 * given); the year belongs to the end, a wrapping range starts a year
 * earlier. Falls back to an unknown year when the hint makes it invalid. */
static int
S_set_days(const struct S_scan *sc, struct S_hit *h, int y, int m1,
	int d1, int m2, int d2, int range)
{
	int wrap = m2 < m1, y1, pass;
	if (range && m2 == m1 && d2 <= d1)
		return 0;
	for (pass = 0; pass < 2; pass++) {
		int yy = y;
		h->flags = range ? DM_RANGE : 0;
		if (yy == 0 && sc->hint != 0 && pass == 0) {
			yy = sc->hint;
			h->flags |= DM_YEAR_INFERRED;
		}
		y1 = (yy != 0 && wrap) ? yy - 1 : yy;
		if (S_valid(y1, m1, d1) && S_valid(yy, m2, d2)) {
			S_set(&h->a, y1, m1, d1, DP_DAY);
			S_set(&h->b, yy, m2, d2, DP_DAY);
			return 1;
		}
		if (!(h->flags & DM_YEAR_INFERRED))
			return 0;
	}
	return 0;
}

/* Month m of year y (0: none given; the hint may fill it). */
static void
S_set_month(const struct S_scan *sc, struct S_hit *h, int y, int m)
{
	h->flags = 0;
	if (y == 0 && sc->hint != 0) {
		y = sc->hint;
		h->flags = DM_YEAR_INFERRED;
	}
	S_set(&h->a, y, m, 0, DP_MONTH);
	h->b = h->a;
}

static void
S_set_years(struct S_hit *h, int y1, int y2)
{
	S_set(&h->a, y1, 0, 0, DP_YEAR);
	S_set(&h->b, y2, 0, 0, DP_YEAR);
	h->flags = y1 != y2 ? DM_RANGE : 0;
}

/* ---- explicit dates: numeric -------------------------------------- */

/* t is the separator c glued to both neighbours' digits. */
static int
S_sep(const struct S_tok *t, int c)
{
	if (t->sp || t[1].sp || t[1].kind != TK_NUM || t[1].ord)
		return 0;
	if (c == '-')
		return t->kind == TK_DASH && t->ch == '-';
	return S_punct(t, c);
}

/* Unambiguous day/month order of a/b, or 0. */
static int
S_dmy(int a, int b, int *m, int *d)
{
	if (a < 1 || b < 1)
		return 0;
	if (a > 12 && b <= 12)
		*d = a, *m = b;
	else if (b > 12 && a <= 12)
		*m = a, *d = b;
	else if (a == b)
		*m = a, *d = b;
	else
		return 0;
	return 1;
}

/* "2025-02-18", "2025/02/18", "18/02/2025", "2/18/2025". */
static int
S_m_numeric(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	int c = t[1].kind == TK_DASH ? '-' : t[1].ch, y, m, d;
	if (t->kind != TK_NUM || t->ord || !S_start_ok(sc, t) ||
	    !S_in(c, "-/.") || !S_sep(&t[1], c) || !S_sep(&t[3], c))
		return 0;
	if (!S_end_ok(&t[4]) && !(S_weq(sc, &t[5], "T", 0) && !t[5].sp &&
	    t[6].kind == TK_NUM && !t[6].sp))
		return 0;
	if (t->ndig == 4 && t[2].ndig <= 2 && t[4].ndig <= 2) {
		y = t->val, m = t[2].val, d = t[4].val;
	} else if (t->ndig <= 2 && t[2].ndig <= 2 && t[4].ndig == 4) {
		if (!S_dmy(t->val, t[2].val, &m, &d))
			return 0;
		y = t[4].val;
	} else {
		return 0;
	}
	if (y < 1000 || y > 2999 || !S_valid(y, m, d))
		return 0;
	S_set(&h->a, y, m, d, DP_DAY);
	h->b = h->a;
	h->flags = 0;
	return S_span(h, t, 5, t->off);
}

/* ---- explicit dates: day and month names -------------------------- */

/* Optional ", 2025" at t[i]: returns the year and moves *i past it. */
static int
S_year_after(const struct S_tok *t, int *i)
{
	int j = *i + S_punct(&t[*i], ',');
	if (!S_year(&t[j], 1000, 2999) || !S_end_ok(&t[j]))
		return 0;
	if (!t[j].sp && !S_punct(&t[j - 1], ','))
		return 0;
	*i = j + 1;
	return t[j].val;
}

/* "18 February 2025", "18th Feb", "3rd of March", "4–5 December",
 * "30 November – 2 December 2025". */
static int
S_m_dayfirst(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	int i = 1, u, ab, m1, m2 = 0, d2 = 0, y;
	if (!S_day(t) || !S_start_ok(sc, t))
		return 0;
	if (t[1].kind == TK_DASH && S_day(&t[2]) && !t[2].ord)
		d2 = t[2].val, i = 3;
	else if (t->ord && S_weq(sc, &t[1], "of", 0))
		i = 2;
	if (!t[i].sp || !(m1 = S_month(sc, &t[i], &u, &ab)))
		return 0;
	i += u;
	if (!d2 && t[i].kind == TK_DASH && S_day(&t[i + 1]) &&
	    (m2 = S_month(sc, &t[i + 2], &u, &ab)) != 0 && t[i + 2].sp) {
		d2 = t[i + 1].val;
		i += 2 + u;
	}
	if (!S_month_end_ok(&t[i - 1]))
		return 0;
	y = S_year_after(t, &i);
	if (!S_set_days(sc, h, y, m1, t->val, m2 ? m2 : m1, d2 ? d2 : t->val,
	    d2 != 0))
		return 0;
	return S_span(h, t, i, t->off);
}

/* After "December 4" at t[i - 1]: "–5", "– January 2", ", 2025". */
static int
S_monthday(const struct S_scan *sc, const struct S_tok *t, int i, int m1,
	struct S_hit *h)
{
	int d1 = t[i].val, m2 = m1, d2 = 0, u, ab, y;
	i++;
	if (t[i].kind == TK_DASH && S_day(&t[i + 1])) {
		d2 = t[i + 1].val;
		i += 2;
	} else if (t[i].kind == TK_DASH &&
	    (m2 = S_month(sc, &t[i + 1], &u, &ab)) != 0 &&
	    S_day(&t[i + 1 + u]) && t[i + 1 + u].sp) {
		d2 = t[i + 1 + u].val;
		i += 2 + u;
	} else {
		m2 = m1;
	}
	y = S_year_after(t, &i);
	if (y == 0 && !S_end_ok(&t[i - 1]))
		return 0;
	if (!S_set_days(sc, h, y, m1, d1, m2, d2 ? d2 : d1, d2 != 0))
		return 0;
	return S_span(h, t, i, t->off);
}

/* "last December" (the latest December before ref's month), "next
 * March" (the first after it), "this June" (ref's year); only with ref. */
static int
S_month_rel(const struct S_scan *sc, const struct S_tok *p, int m,
	struct S_hit *h)
{
	int y = sc->ref.y;
	if (y == 0 || sc->ref.prec < DP_MONTH)
		return 0;
	if (S_weq_cap(sc, p, "last"))
		y = m < sc->ref.m ? y : y - 1;
	else if (S_weq_cap(sc, p, "next"))
		y = m > sc->ref.m ? y : y + 1;
	S_set(&h->a, y, m, 0, DP_MONTH);
	h->b = h->a;
	h->flags = DM_RELATIVE;
	return 1;
}

/* "in March", "by September", "early January", "mid-December", "end of
 * March", "last December". */
static int
S_month_only(const struct S_scan *sc, const struct S_tok *t, int m,
	struct S_hit *h)
{
	const struct S_tok *p = &t[-1];
	size_t off = t->off;
	if (!S_month_end_ok(t) || S_possessive_next(sc, t))
		return 0;
	if (p->kind == TK_DASH && p->ch == '-' && !t->sp && !p->sp &&
	    S_wlist(sc, &t[-2], LEX_MONTH_MOD, 1))
		off = t[-2].off;
	else if (!t->sp)
		return 0;
	else if (S_wlist(sc, p, LEX_MONTH_MOD, 1))
		off = p->off;
	else if (S_weq_cap(sc, p, "last") || S_weq_cap(sc, p, "next") ||
	    S_weq_cap(sc, p, "this"))
		return S_month_rel(sc, p, m, h) && S_span(h, t, 1, p->off);
	else if (!S_wlist(sc, p, LEX_MONTH_INTRO, 1) &&
	    !(S_weq(sc, p, "of", 0) && S_wlist(sc, &t[-2], LEX_MONTH_OF_HEAD, 1)) &&
	    !(m != 5 && (S_weq(sc, p, "by", 0) || S_weq(sc, p, "for", 0))))
		return 0;
	S_set_month(sc, h, 0, m);
	return S_span(h, t, 1, off);
}

/* "May" after "Mrs", "Mrs." or "Theresa" is a surname. */
static int
S_may_name(const struct S_scan *sc, const struct S_tok *t)
{
	const struct S_tok *p = &t[-1];
	if (S_punct(p, '.') && !p->sp)
		p = &t[-2];
	return S_wlist(sc, p, LEX_MAY_NAME_CUE, 0);
}

/* "February 18, 2025", "Feb. 18", "December 4–5", "June 2024", "June of
 * 2024", and a month alone after a month word ("in March"). */
static int
S_m_monthfirst(const struct S_scan *sc, const struct S_tok *t,
	struct S_hit *h)
{
	int u, ab, j, m = S_month(sc, t, &u, &ab);
	if (!m || (m == 5 && S_may_name(sc, t)))
		return 0;
	if (S_day(&t[u]) && t[u].sp)
		return S_monthday(sc, t, u, m, h);
	j = u + S_weq(sc, &t[u], "of", 0);
	if (S_year(&t[j], 1000, 2999) && t[j].sp && S_end_ok(&t[j])) {
		S_set_month(sc, h, t[j].val, m);
		return S_span(h, t, j + 1, t->off);
	}
	if (ab)
		return 0;
	return S_month_only(sc, t, m, h);
}

/* A weekday before an explicit day date: "Tuesday, February 18, 2025",
 * "Wednesday (Nov. 5)". */
static int
S_m_wday_explicit(const struct S_scan *sc, const struct S_tok *t,
	struct S_hit *h)
{
	int i, paren = S_punct(&t[1], '(');
	if (!S_wlist(sc, t, LEX_WEEKDAY, sc->icase))
		return 0;
	i = 1 + (paren || S_punct(&t[1], ','));
	if (!S_m_dayfirst(sc, &t[i], h) && !S_m_monthfirst(sc, &t[i], h))
		return 0;
	if (h->a.prec != DP_DAY || (paren && !S_punct(&t[i + h->ntok], ')')))
		return 0;
	return S_span(h, t, h->ntok + i + paren, t->off);
}

/* ---- years -------------------------------------------------------- */

/* "(2018)" or "[2018]". */
static int
S_bracketed(const struct S_tok *t)
{
	return !t->sp && !t[1].sp && (S_punct(&t[-1], '(') ||
		S_punct(&t[-1], '[')) && (S_punct(&t[1], ')') ||
		S_punct(&t[1], ']'));
}

/* A determiner or possessive before t ("the", "its", "India's"). */
static int
S_det_before(const struct S_scan *sc, const struct S_tok *t)
{
	const struct S_tok *p = &t[-1];
	if (S_wlist(sc, p, LEX_DATE_DETERMINER, 1))
		return 1;
	return S_weq(sc, p, "s", 0) && !p->sp && S_apos(sc, &t[-2]) &&
		!t[-2].sp;
}

/* What follows a year after a year word fits a date, not an amount. */
static int
S_year_follow_ok(const struct S_scan *sc, const struct S_tok *t)
{
	const struct S_tok *q = &t[1];
	if (!S_end_ok(t) || q->kind == TK_NUM)
		return 0;
	if (q->kind != TK_WORD || S_capword(sc, q))
		return 1;
	return S_wlist(sc, q, LEX_AFTER_YEAR, 0) ||
		S_wlist(sc, q, LEX_EVENT_NOUN, 0);
}

/* The year at t after a year word p: alone or as a range. */
static int
S_year_tail(const struct S_scan *sc, const struct S_tok *t,
	const struct S_tok *p, size_t off, struct S_hit *h)
{
	const struct S_tok *q = &t[1];
	int ranged = q->kind == TK_DASH ||
		(S_weq(sc, q, "to", 0) && S_weq(sc, p, "from", 1)) ||
		(S_weq(sc, q, "and", 0) && S_weq(sc, p, "between", 1));
	if (ranged && S_year(&t[2], t->val + 1, 2100) && S_end_ok(&t[2]) &&
	    (q->kind != TK_DASH || t[2].sp == q->sp)) {
		S_set_years(h, t->val, t[2].val);
		return S_span(h, t, 3, off);
	}
	if (!S_year_follow_ok(sc, t))
		return 0;
	S_set_years(h, t->val, t->val);
	return S_span(h, t, 1, off);
}

/* "in 2018", "since 2018", "by 2030", "(2018)", "mid-2024", "early
 * 2018", "the 2018 deal", "2018–2020". */
static int
S_m_year(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	const struct S_tok *p = &t[-1];
	if (!S_year(t, 1900, 2100))
		return 0;
	if (S_bracketed(t)) {
		S_set_years(h, t->val, t->val);
		return S_span(h, t, 1, t->off);
	}
	if (!t->sp && !p->sp && p->kind == TK_DASH && p->ch == '-' &&
	    S_wlist(sc, &t[-2], LEX_YEAR_MOD, 1))
		return S_year_tail(sc, t, p, t[-2].off, h);
	if (!S_start_ok(sc, t))
		return 0;
	if (S_wlist(sc, p, LEX_YEAR_MOD, 1))
		return S_year_tail(sc, t, p, p->off, h);
	if (S_wlist(sc, p, LEX_YEAR_INTRO, 1) || (S_weq(sc, p, "of", 0) &&
	    S_wlist(sc, &t[-2], LEX_YEAR_OF_HEAD, 1)))
		return S_year_tail(sc, t, p, t->off, h);
	if (S_det_before(sc, t) && t[1].sp &&
	    S_wlist(sc, &t[1], LEX_EVENT_NOUN, 0)) {
		S_set_years(h, t->val, t->val);
		h->flags |= DM_ATTRIB;
		return S_span(h, t, 1, t->off);
	}
	return 0;
}

/* ---- relative dates ----------------------------------------------- */

enum { RU_DAY, RU_WEEK, RU_MONTH, RU_YEAR };

struct S_rel {
	const char *w[3];
	int unit, delta;
};

static const struct S_rel S_rels[] = {
	{ { "today", NULL, NULL }, RU_DAY, 0 },
	{ { "tonight", NULL, NULL }, RU_DAY, 0 },
	{ { "yesterday", NULL, NULL }, RU_DAY, -1 },
	{ { "tomorrow", NULL, NULL }, RU_DAY, 1 },
	{ { "last", "night", NULL }, RU_DAY, -1 },
	{ { "earlier", "today", NULL }, RU_DAY, 0 },
	{ { "later", "today", NULL }, RU_DAY, 0 },
	{ { "this", "morning", NULL }, RU_DAY, 0 },
	{ { "this", "afternoon", NULL }, RU_DAY, 0 },
	{ { "this", "evening", NULL }, RU_DAY, 0 },
	{ { "earlier", "this", "week" }, RU_WEEK, 0 },
	{ { "later", "this", "week" }, RU_WEEK, 0 },
	{ { "this", "week", NULL }, RU_WEEK, 0 },
	{ { "last", "week", NULL }, RU_WEEK, -1 },
	{ { "next", "week", NULL }, RU_WEEK, 1 },
	{ { "earlier", "this", "month" }, RU_MONTH, 0 },
	{ { "later", "this", "month" }, RU_MONTH, 0 },
	{ { "early", "this", "month" }, RU_MONTH, 0 },
	{ { "this", "month", NULL }, RU_MONTH, 0 },
	{ { "last", "month", NULL }, RU_MONTH, -1 },
	{ { "next", "month", NULL }, RU_MONTH, 1 },
	{ { "the", "new", "year" }, RU_YEAR, 1 },
	{ { "earlier", "this", "year" }, RU_YEAR, 0 },
	{ { "later", "this", "year" }, RU_YEAR, 0 },
	{ { "early", "this", "year" }, RU_YEAR, 0 },
	{ { "this", "year", NULL }, RU_YEAR, 0 },
	{ { "last", "year", NULL }, RU_YEAR, -1 },
	{ { "next", "year", NULL }, RU_YEAR, 1 },
};

/* ref moved by delta units; weeks and days give day precision. */
static void
S_rel_date(const struct bdate *ref, int unit, int delta, struct bdate *out)
{
	long mm;
	switch (unit) {
	case RU_YEAR:
		S_set(out, ref->y + delta, 0, 0, DP_YEAR);
		break;
	case RU_MONTH:
		mm = (long)ref->y * 12 + (ref->m - 1) + delta;
		S_set(out, (int)(mm / 12), (int)(mm % 12) + 1, 0, DP_MONTH);
		break;
	default:
		bdate_from_days(bdate_days(ref->y, ref->m, ref->d) +
			(long)delta * (unit == RU_WEEK ? 7 : 1), out);
		break;
	}
}

static int
S_set_rel(const struct S_scan *sc, struct S_hit *h, int unit, int delta)
{
	S_rel_date(&sc->ref, unit, delta, &h->a);
	h->b = h->a;
	h->flags = DM_RELATIVE | (unit == RU_WEEK ? DM_APPROX : 0);
	return 1;
}

/* A capitalised word t after a capitalised word is part of a name
 * ("Russia Today", "Good Friday"); "the last week" is a duration. */
static int
S_rel_start_ok(const struct S_scan *sc, const struct S_tok *t)
{
	if (S_weq(sc, &t[-1], "the", 1))
		return 0;
	return !(S_capword(sc, t) && S_capword(sc, &t[-1]) && t->sp);
}

/* Phrases of S_rels: "today", "last week", "earlier this year". */
static int
S_m_rel(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	size_t r;
	int k;
	if (t->kind != TK_WORD || !S_rel_start_ok(sc, t))
		return 0;
	for (r = 0; r < sizeof S_rels / sizeof S_rels[0]; r++) {
		const struct S_rel *e = &S_rels[r];
		if (!S_weq_cap(sc, t, e->w[0]))
			continue;
		for (k = 1; k < 3 && e->w[k] != NULL; k++)
			if (!t[k].sp || !S_weq(sc, &t[k], e->w[k], 0))
				break;
		if (k < 3 && e->w[k] != NULL)
			continue;
		S_set_rel(sc, h, e->unit, e->delta);
		if (e->unit == RU_WEEK && e->delta == 0 && strcmp(e->w[0], "earlier") == 0)
			bdate_from_days(bdate_days(sc->ref.y, sc->ref.m, sc->ref.d) -
			    bdate_weekday(sc->ref.y, sc->ref.m, sc->ref.d), &h->a);
		h->b = h->a;
		return S_span(h, t, k, t->off);
	}
	return 0;
}

/* "two days ago", "a year ago", "3 weeks ago". */
static int
S_m_ago(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	int v, u;
	if (t->kind == TK_NUM && t->ndig <= 2 && !t->ord && S_start_ok(sc, t))
		v = t->val;
	else if (S_weq(sc, t, "a", 1) || S_weq_cap(sc, t, "an"))
		v = 1;
	else if ((v = S_wlist(sc, t, LEX_CARDINAL, 1)) < 1 || v > 12)
		return 0;
	if (!t[1].sp || !(u = S_wlist(sc, &t[1], LEX_TIME_UNIT, 0)) || !t[2].sp ||
	    !S_weq(sc, &t[2], "ago", 0))
		return 0;
	S_set_rel(sc, h, u - 1, -v);     /* RU_DAY .. RU_YEAR */
	return S_span(h, t, 3, t->off);
}

/* "on Tuesday", "Tuesday", "last Friday", "next Monday". */
static int
S_m_weekday(const struct S_scan *sc, const struct S_tok *t,
	struct S_hit *h)
{
	const struct S_tok *p = &t[-1];
	int w = S_wlist(sc, t, LEX_WEEKDAY, 0), mode = 0, rw, back, fwd;
	size_t off = t->off;
	if (!w || (!t[1].sp && (t[1].kind == TK_WORD ||
	    t[1].kind == TK_DASH)) || (!t->sp && p->kind == TK_DASH))
		return 0;                       /* "Monday-Friday" */
	if (S_weq_cap(sc, p, "last"))
		mode = 1, off = p->off;
	else if (S_weq_cap(sc, p, "next"))
		mode = 2, off = p->off;
	else if (S_weq_cap(sc, p, "this"))
		off = p->off;
	else if (!S_weq_cap(sc, p, "on") && ((S_capword(sc, p) && t->sp) ||
	    (S_capword(sc, &t[1]) && t[1].sp)))
		return 0;
	rw = bdate_weekday(sc->ref.y, sc->ref.m, sc->ref.d);
	back = (rw - (w - 1) + 7) % 7;          /* on or before ref */
	fwd = (w - 1 - rw + 7) % 7;
	if (mode == 1 && back == 0)
		back = 7;                       /* last: strictly before */
	if (mode == 2)
		back = -(fwd ? fwd : 7);        /* next: strictly after */
	S_set_rel(sc, h, RU_DAY, -back);
	if (mode == 0)
		h->flags |= DM_WEEKDAY;
	return S_span(h, t, 1, off);
}

/* ---- years for month-days and the tense of a sentence ------------- */

/* A word of s: ASCII letters (and an apostrophe inside), lower-cased
 * into w. Returns where the scan goes on; *wo, *wl the word's span. */
static size_t
S_word_at(const char *s, size_t n, size_t i, char *w, size_t cap,
	size_t *wo, size_t *wl)
{
	size_t k = 0;
	while (i < n && !S_alpha((unsigned char)s[i]))
		i++;
	*wo = i;
	while (i < n && (S_alpha((unsigned char)s[i]) || (s[i] == '\'' &&
	    i + 1 < n && S_alpha((unsigned char)s[i + 1])))) {
		if (k + 1 < cap)
			w[k++] = (char)S_lower((unsigned char)s[i]);
		i++;
	}
	w[k] = '\0';
	*wl = i - *wo;
	return i;
}

static int
S_in_words(const char *w, enum lex_list l)
{
	return lex_is(l, w, strlen(w));
}

/* The word right before s[off] (spaces only between), lower-cased. */
static void
S_word_before(const char *s, size_t off, char *w, size_t cap)
{
	size_t e = off, b;
	w[0] = '\0';
	while (e > 0 && s[e - 1] == ' ')
		e--;
	b = e;
	while (b > 0 && S_alpha((unsigned char)s[b - 1]))
		b--;
	if (e - b == 0 || e - b + 1 > cap)
		return;
	for (size_t i = b; i < e; i++)
		w[i - b] = (char)S_lower((unsigned char)s[i]);
	w[e - b] = '\0';
}

/* +1 if w marks the future, -1 the past, 0 neither. */
static int
S_tense_word(const char *w)
{
	size_t n = strlen(w);
	if (S_in_words(w, LEX_FUTURE_CUE))
		return 1;
	if (S_in_words(w, LEX_PAST_CUE))
		return -1;
	if (n >= 5 && w[n - 2] == 'e' && w[n - 1] == 'd' &&
	    !S_in_words(w, LEX_ED_NOT_PAST))
		return -1;
	return 0;
}

/* The tense around the mention at s[off..end): the nearest marker
 * before it in the same sentence (at most 10 words back), else the
 * first within 6 words after it; 0 when there is none. *far (unless
 * NULL) gets the last marker before it at any distance. */
static int
S_tense(const char *s, size_t n, size_t off, size_t end, int headline,
	int *far)
{
	/* a present tense in the body schedules ("the ministers arrive in
	 * Manila on Sunday": LEX_SCHEDULE_VERB); in a headline it reports
	 * ("India, Japan sign pact"). "to" before a LEX_PLAN_VERB is a plan:
	 * "Modi to visit Tokyo on Monday". A LEX_PLAN_PARTICIPLE plans ahead
	 * unless the clause is told as past: "the visit, planned for
	 * January, was put off" */
	char w[24], prev[24] = "", mark[24] = "";
	size_t i = 0, wo, wl;
	int before = 0, words = 0;
	while (i < off) {               /* markers before: keep the last */
		i = S_word_at(s, off, i, w, sizeof w, &wo, &wl);
		if (wl == 0)
			break;
		int t = S_tense_word(w);
		if (t > 0 && S_in_words(prev, LEX_PAST_AUX))
			t = -1;             /* "was due", "had been set to" */
		else if (t < 0 && strcmp(prev, "be") == 0)
			t = 0;              /* "will be held", "to be signed": the
			                     * auxiliary's tense, not the participle's */
		if (t == 0 && strcmp(prev, "to") == 0 && S_in_words(w, LEX_PLAN_VERB))
			t = before < 0 && words == 1 ? -1 : 1;   /* "had planned to visit" */
		else if (t == 0 && !headline && S_in_words(w, LEX_SCHEDULE_VERB) &&
		    strcmp(prev, "to") != 0 && !S_in_words(prev, LEX_PAST_AUX))
			t = 1;
		if (t != 0) {
			before = t, words = 0;
			memcpy(mark, w, sizeof mark);
		} else {
			words++;
		}
		memcpy(prev, w, sizeof prev);
	}
	if (before > 0 && S_in_words(mark, LEX_PLAN_PARTICIPLE))
		for (i = end, words = 0; i < n && words < 8; words++) {
			i = S_word_at(s, n, i, w, sizeof w, &wo, &wl);
			if (wl == 0)
				break;
			if (S_in_words(w, LEX_PAST_AUX))
				return -1;
		}
	{
		char last[16];
		S_word_before(s, off, last, sizeof last);
		if (strcmp(last, "for") == 0 && before >= 0)
			return 1;               /* "penciled in for Monday" */
	}
	if (far != NULL)
		*far = before;          /* the last marker before, however far */
	if (before != 0 && words <= 10)
		return before;
	/* after it, up to the next comma: "on Aug. 29, the pact was
	 * inked" counts, "on Jan. 1, the ministry said" does not */
	for (i = end, words = 0; i < n && words < 6; words++) {
		size_t at = i;
		i = S_word_at(s, n, i, w, sizeof w, &wo, &wl);
		if (wl == 0 || memchr(s + at, ',', wo - at) != NULL ||
		    memchr(s + at, ';', wo - at) != NULL)
			break;
		int t = S_tense_word(w);
		if (t != 0)
			return t;
	}
	return 0;
}

int
dates_tense(const char *s, size_t n, size_t off, size_t end)
{
	if (s == NULL || off > end || end > n)
		return 0;
	int far = 0, t = S_tense(s, n, off, end, 0, &far);
	return t != 0 ? t : far;
}

/* Does s[a..b) break a clause: ";", or a joining word such as "and"? */
static int
S_clause_break(const char *s, size_t a, size_t b)
{
	char w[16];
	size_t i = a, wo, wl;
	if (memchr(s + a, ';', b - a) != NULL)
		return 1;
	while (i < b) {
		i = S_word_at(s, b, i, w, sizeof w, &wo, &wl);
		if (wl == 0)
			break;
		if (S_in_words(w, LEX_CLAUSE_JOIN))
			return 1;
	}
	return 0;
}

/* Words of s between byte offsets a and b. */
static int
S_words_between(const char *s, size_t a, size_t b)
{
	char w[8];
	size_t i = a, wo, wl;
	int k = 0;
	while (i < b) {
		i = S_word_at(s, b, i, w, sizeof w, &wo, &wl);
		if (wl == 0)
			break;
		k++;
	}
	return k;
}

/* A year the sentence gives in the clause of mention m: an explicit
 * full date's, or a bare year after "in", "of" or "during". With the
 * article's date known, only a year right next to the mention counts
 * ("In 2018, on October 5"); 0 when none. */
static int
S_clause_year(const char *s, const struct date_mention *out, size_t cnt,
	size_t m, int dated)
{
	int best = 0;
	size_t best_gap = (size_t)-1;
	for (size_t k = 0; k < cnt; k++) {
		const struct date_mention *y = &out[k];
		int rel_year = (y->flags & DM_RELATIVE) && y->date.prec == DP_YEAR;
		if (k == m || y->date.y == 0 || (y->flags & DM_YEAR_INFERRED) ||
		    ((y->flags & DM_RELATIVE) && !rel_year))
			continue;
		if (y->date.prec == DP_YEAR && !rel_year) {
			char w[12];
			S_word_before(s, y->off, w, sizeof w);
			if (strcmp(w, "in") != 0 && strcmp(w, "of") != 0 &&
			    strcmp(w, "during") != 0)
				continue;
		}
		size_t a = y->off < out[m].off ? y->off + y->len : out[m].off + out[m].len;
		size_t b = y->off < out[m].off ? out[m].off : y->off;
		if (a > b || S_clause_break(s, a, b))
			continue;
		if ((dated || rel_year) && S_words_between(s, a, b) > 2)
			continue;       /* "March 10 last year", "In 2018, on Oct 5" */
		if (b - a < best_gap)
			best = y->date.y, best_gap = b - a;
	}
	return best;
}

/* Days of a month-day in year y, or LONG_MIN-ish when invalid. */
static int
S_day_in(int y, int m, int d, long *days)
{
	if (!S_valid(y, m, d))
		return 0;
	*days = bdate_days(y, m, d);
	return 1;
}

/* The weekday (0 = Monday) a mention's span opens with, or -1:
 * "Wednesday (Nov. 5)", "Tue, Sept 9". */
static int
S_span_weekday(const char *s, const struct date_mention *m)
{
	char w[16];
	size_t wo, wl;
	S_word_at(s, m->off + m->len, m->off, w, sizeof w, &wo, &wl);
	if (wo != m->off || wl == 0)
		return -1;
	if (wl < 3)
		return -1;
	return lex_weekday_prefix(w, strlen(w)) - 1;
}

/* The year Y (end's year) for mention m against the article's date:
 * past tense: the latest start on or before the article; future: the
 * earliest end on or after it; else the nearest. 0 when none fits. */
static int
S_year_from_ref(const struct date_mention *m, const struct bdate *ref,
	int tense, int wday)
{
	long r0, r1, best_d = 0;
	int best = 0;
	if (ref->y == 0 || ref->prec == DP_YEAR || ref->prec == DP_NONE)
		return 0;
	if (ref->prec == DP_DAY) {
		r0 = r1 = bdate_days(ref->y, ref->m, ref->d);
	} else {
		r0 = bdate_days(ref->y, ref->m, 1);
		r1 = bdate_days(ref->y, ref->m, S_mdays(ref->y, ref->m));
	}
	int wrap = m->end.m < m->date.m;
	for (int y = ref->y - 1; y <= ref->y + 1; y++) {
		int m1 = m->date.m, m2 = m->end.m;
		int d1 = m->date.prec == DP_DAY ? m->date.d : 1;
		int d2 = m->end.prec == DP_DAY ? m->end.d : S_mdays(y, m2);
		long a, b, dist;
		if (!S_day_in(wrap ? y - 1 : y, m1, d1, &a) || !S_day_in(y, m2, d2, &b))
			continue;
		if (wday >= 0 && m->date.prec == DP_DAY &&
		    bdate_weekday(wrap ? y - 1 : y, m1, d1) != wday)
			continue;           /* "Wednesday (Nov. 5)": that year's */
		if (tense < 0 && a > r1)
			continue;
		if (tense > 0 && b < r0)
			continue;
		dist = a > r1 ? a - r1 : b < r0 ? r0 - b : 0;
		if (tense < 0)
			dist = r1 - a;          /* latest start not after */
		if (best == 0 || dist < best_d)
			best = y, best_d = dist;
	}
	return best;
}

static void
S_give_year(struct date_mention *m, int y)
{
	int wrap = m->end.m < m->date.m;
	m->end.y = y;
	m->date.y = wrap ? y - 1 : y;
	m->flags |= DM_YEAR_INFERRED;
}

/* Without S_resolve (a year hint, or no context), anaphors go. */
static size_t
S_drop_anaphors(struct date_mention *out, size_t cnt)
{
	size_t w = 0;
	for (size_t k = 0; k < cnt; k++)
		if (!(out[k].flags & DM_ANAPHOR))
			out[w++] = out[k];
	return w;
}

/* "on the 4th" in a future clause: the next such day; with no tense,
 * the nearer of the last and the next. */
static void
S_dayonly_tense(struct date_mention *m, const struct bdate *ref, int tense)
{
	long r = bdate_days(ref->y, ref->m, ref->d);
	long past = bdate_days(m->date.y, m->date.m, m->date.d);
	int y = ref->y, mo = ref->m, d = m->date.d;
	if (tense < 0 || past == r)
		return;
	if (d < ref->d)
		mo++;
	for (int k = 0; k < 3; k++, mo++) {
		if (mo == 13)
			mo = 1, y++;
		if (S_valid(y, mo, d))
			break;
	}
	if (!S_valid(y, mo, d))
		return;
	long next = bdate_days(y, mo, d);
	if (tense > 0 || next - r < r - past) {
		bdate_from_days(next, &m->date);
		m->end = m->date;
	}
}

/* Years for the mentions that lack one, and the direction of a bare
 * weekday, from the sentence's own year and tense and the article's
 * date (ctx->ref). */
static size_t
S_resolve(const char *s, size_t n, const struct date_ctx *ctx,
	struct date_mention *out, size_t cnt)
{
	int dated = ctx->ref.y != 0 && ctx->ref.prec >= DP_MONTH;
	size_t w = 0;
	for (size_t k = 0; k < cnt; k++) {
		struct date_mention *m = &out[k];
		if (m->flags & DM_ANAPHOR) {
			/* from the day date before it, else dropped */
			struct bdate at = ctx->anchor;
			if (w > 0)
				at = out[w - 1].end;
			if (at.prec != DP_DAY || at.y == 0)
				continue;
			int delta = m->date.d;
			bdate_from_days(bdate_days(at.y, at.m, at.d) + delta, &m->date);
			m->end = m->date;
			out[w++] = *m;
			continue;
		}
		if (w != k)
			out[w] = *m;
		m = &out[w++];
		int tense = S_tense(s, n, m->off, m->off + m->len, ctx->headline,
		    NULL);
		if ((m->flags & DM_WEEKDAY) && tense > 0) {
			long d = bdate_days(m->date.y, m->date.m, m->date.d);
			long r = bdate_days(ctx->ref.y, ctx->ref.m, ctx->ref.d);
			if (d < r) {
				bdate_from_days(d + 7, &m->date);
				m->end = m->date;
			}
			continue;
		}
		if (m->flags & DM_DAYONLY) {
			S_dayonly_tense(m, &ctx->ref, tense);
			continue;
		}
		if (m->date.y != 0 || m->date.prec < DP_MONTH ||
		    (m->flags & DM_RELATIVE))
			continue;
		int y = S_clause_year(s, out, cnt, k, dated);
		if (y == 0 && dated) {
			int wd = S_span_weekday(s, m);
			y = S_year_from_ref(m, &ctx->ref, tense, wd);
			if (y == 0 && wd >= 0)   /* the weekday outweighs the tense */
				y = S_year_from_ref(m, &ctx->ref, 0, wd);
		}
		if (y != 0) {
			struct date_mention t = *m;
			S_give_year(&t, y);
			if (S_valid(t.date.y, t.date.m, t.date.d ? t.date.d : 1) &&
			    S_valid(t.end.y, t.end.m, t.end.d ? t.end.d : 1))
				*m = t;
		}
	}
	return w;
}

/* "on the 4th": a day of a month the reader knows. The latest such
 * day on or before ref; S_resolve moves it by the clause's tense. */
static int
S_m_dayonly(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	const struct S_tok *d = &t[2];
	if (!S_weq_cap(sc, t, "on") || !t[1].sp || !S_weq(sc, &t[1], "the", 0) ||
	    d->kind != TK_NUM || !d->ord || d->val < 1 || d->val > 31 ||
	    !(t[3].kind == TK_END || (t[3].kind == TK_PUNCT && S_in(t[3].ch, ",.;)"))))
		return 0;
	int y = sc->ref.y, m = sc->ref.m;
	if (d->val > sc->ref.d && --m == 0)
		m = 12, y--;
	for (int k = 0; k < 3 && !S_valid(y, m, d->val); k++)
		if (--m == 0)
			m = 12, y--;
	if (!S_valid(y, m, d->val))
		return 0;
	S_set(&h->a, y, m, d->val, DP_DAY);
	h->b = h->a;
	h->flags = DM_RELATIVE | DM_DAYONLY;
	return S_span(h, t, 3, t[1].off);
}

/* "the following day", "a day later", "the same day": days from the
 * day date before it in the sentence (S_resolve); h->a.d holds the
 * offset meanwhile. */
static int
S_m_anaphor(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	static const struct { const char *w[3]; int delta; } ph[] = {
		{ { "the", "following", "day" }, 1 }, { { "the", "next", "day" }, 1 },
		{ { "the", "same", "day" }, 0 }, { { "that", "same", "day" }, 0 },
		{ { "the", "previous", "day" }, -1 }, { { "a", "day", "later" }, 1 },
		{ { "one", "day", "later" }, 1 }, { { "a", "day", "earlier" }, -1 },
	};
	int k;
	for (size_t i = 0; i < sizeof ph / sizeof ph[0]; i++) {
		for (k = 0; k < 3; k++)
			if ((k > 0 && !t[k].sp) || !S_weq(sc, &t[k], ph[i].w[k], 1))
				break;
		if (k < 3)
			continue;
		memset(&h->a, 0, sizeof h->a);
		h->a.d = ph[i].delta;
		h->b = h->a;
		h->flags = DM_RELATIVE | DM_ANAPHOR;
		return S_span(h, t, 3, t->off);
	}
	int n = S_wlist(sc, t, LEX_CARDINAL, 1) - 1;   /* "two days later" */
	if (n >= 1 && n <= 6 && t[1].sp && S_weq(sc, &t[1], "days", 0) && t[2].sp &&
	    (S_weq(sc, &t[2], "later", 0) || S_weq(sc, &t[2], "earlier", 0))) {
		memset(&h->a, 0, sizeof h->a);
		h->a.d = S_weq(sc, &t[2], "later", 0) ? n + 1 : -(n + 1);
		h->b = h->a;
		h->flags = DM_RELATIVE | DM_ANAPHOR;
		return S_span(h, t, 3, t->off);
	}
	return 0;
}

/* ---- finding ------------------------------------------------------ */

/* Does "since" come right before s[off], or with one determiner between
 * ("since 2016", "ever since March", "since the 2019 memorandum")? */
static int
S_since_before(const char *s, size_t off)
{
	char w[8];
	S_word_before(s, off, w, sizeof w);
	if (strcmp(w, "since") == 0)
		return 1;
	if (strcmp(w, "the") != 0 && strcmp(w, "a") != 0 &&
	    strcmp(w, "an") != 0 && strcmp(w, "its") != 0 &&
	    strcmp(w, "their") != 0 && strcmp(w, "that") != 0)
		return 0;
	size_t e = off;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	while (e > 0 && S_alpha((unsigned char)s[e - 1]))
		e--;
	S_word_before(s, e, w, sizeof w);
	return strcmp(w, "since") == 0;
}

static int
S_match(const struct S_scan *sc, const struct S_tok *t, struct S_hit *h)
{
	memset(h, 0, sizeof *h);
	if (S_m_numeric(sc, t, h) || S_m_wday_explicit(sc, t, h) ||
	    S_m_dayfirst(sc, t, h) || S_m_monthfirst(sc, t, h) ||
	    S_m_year(sc, t, h))
		return 1;
	memset(h, 0, sizeof *h);
	if (S_m_anaphor(sc, t, h))
		return 1;
	if (sc->ref.prec != DP_DAY || sc->ref.y == 0 ||
	    !S_valid(sc->ref.y, sc->ref.m, sc->ref.d))
		return 0;
	memset(h, 0, sizeof *h);
	return S_m_rel(sc, t, h) || S_m_ago(sc, t, h) ||
		S_m_weekday(sc, t, h) || S_m_dayonly(sc, t, h);
}

size_t
dates_find(const char *s, size_t n, const struct date_ctx *ctx,
	struct date_mention *out, size_t max)
{
	struct S_scan sc;
	struct S_hit h;
	size_t cnt = 0, last = 0;
	if (s == NULL || out == NULL || max == 0)
		return 0;
	S_scan_init(&sc, s, n, ctx, 0);
	while (cnt < max && S_cur(&sc)->kind != TK_END) {
		const struct S_tok *t = S_cur(&sc);
		if (!S_match(&sc, t, &h)) {
			S_scan_step(&sc, 1);
			continue;
		}
		if (h.off < last)          /* a modifier already used */
			h.off = t->off;
		out[cnt].off = h.off;
		out[cnt].len = h.end - h.off;
		out[cnt].date = h.a;
		out[cnt].end = h.b;
		out[cnt].flags = h.flags;
		if (S_since_before(s, h.off))
			out[cnt].flags |= DM_SINCE;
		cnt++;
		last = h.end;
		S_scan_step(&sc, h.ntok);
	}
	if (ctx != NULL && ctx->year_hint == 0)
		return S_resolve(s, n, ctx, out, cnt);
	return S_drop_anaphors(out, cnt);
}

/* ---- parsing a header value --------------------------------------- */

/* Tokens of a leading weekday: "Tue, ", "Tuesday ". */
static int
S_skip_weekday(const struct S_scan *sc, const struct S_tok *t)
{
	if (!S_wlist(sc, t, LEX_WEEKDAY, 1) && !S_wlist(sc, t, LEX_WEEKDAY_ABBR, 1))
		return 0;
	return 1 + S_punct(&t[1], ',');
}

/* Nothing, or a time: "T10:00:00Z", " 10:00:00 +0000". */
static int
S_time_tail(const struct S_scan *sc, const struct S_tok *t)
{
	if (t->kind == TK_END)
		return 1;
	if (!t->sp && S_weq(sc, t, "T", 1) && t[1].kind == TK_NUM &&
	    !t[1].sp)
		return 1;
	return t->sp && t->kind == TK_NUM && t->ndig <= 2 &&
		S_punct(&t[1], ':') && !t[1].sp;
}

/* "2025" and "2025-02". */
static int
S_parse_iso_short(const struct S_tok *t, struct bdate *d)
{
	if (!S_year(t, 1000, 2999))
		return 0;
	if (t[1].kind == TK_END) {
		S_set(d, t->val, 0, 0, DP_YEAR);
		return 1;
	}
	if (t[1].kind == TK_DASH && t[1].ch == '-' && !t[1].sp &&
	    t[2].kind == TK_NUM && t[2].ndig == 2 && !t[2].sp &&
	    t[2].val >= 1 && t[2].val <= 12 && t[3].kind == TK_END) {
		S_set(d, t->val, t[2].val, 0, DP_MONTH);
		return 1;
	}
	return 0;
}

int
dates_parse(const char *s, size_t n, struct bdate *d)
{
	struct S_scan sc;
	struct S_hit h;
	struct slice sl;
	const struct S_tok *t;
	if (s == NULL || d == NULL)
		return -1;
	sl = slice_trim((struct slice){ s, n });
	S_scan_init(&sc, sl.p, sl.n, NULL, 1);
	t = S_cur(&sc);
	if (S_parse_iso_short(t, d))
		return 0;
	t += S_skip_weekday(&sc, t);
	memset(&h, 0, sizeof h);
	if (!S_m_numeric(&sc, t, &h) && !S_m_dayfirst(&sc, t, &h) &&
	    !S_m_monthfirst(&sc, t, &h))
		return -1;
	if (h.a.y == 0 || (h.flags & DM_RANGE) ||
	    !S_time_tail(&sc, &t[h.ntok]))
		return -1;
	*d = h.a;
	return 0;
}

size_t
dates_lead(const char *s, size_t n, struct bdate *d)
{
	struct S_scan sc;
	struct S_hit h;
	const struct S_tok *t;
	if (s == NULL || d == NULL || n == 0)
		return 0;
	S_scan_init(&sc, s, n, NULL, 1);
	t = S_cur(&sc);
	t += S_skip_weekday(&sc, t);
	memset(&h, 0, sizeof h);
	if (!S_m_numeric(&sc, t, &h) && !S_m_dayfirst(&sc, t, &h) &&
	    !S_m_monthfirst(&sc, t, &h))
		return 0;
	if (h.flags & DM_RANGE)
		return 0;
	*d = h.a;
	return h.end;
}

/* ---- comparing and formatting ------------------------------------- */

/* Fields below the precision read as 0. */
static void
S_norm(const struct bdate *in, int v[4])
{
	v[0] = in->prec >= DP_YEAR ? in->y : 0;
	v[1] = in->prec >= DP_MONTH ? in->m : 0;
	v[2] = in->prec >= DP_DAY ? in->d : 0;
	v[3] = (int)in->prec;
}

int
bdate_cmp(const struct bdate *a, const struct bdate *b)
{
	int va[4], vb[4], i;
	S_norm(a, va);
	S_norm(b, vb);
	for (i = 0; i < 4; i++)
		if (va[i] != vb[i])
			return va[i] < vb[i] ? -1 : 1;
	return 0;
}

static const char *
S_mname(int m)
{
	const char *a = lex_month_abbr(m);
	return a != NULL ? a : "???";
}

void
bdate_format(struct buf *b, const struct bdate *d)
{
	switch (d->prec) {
	case DP_DAY:
		buf_printf(b, "%d %s", d->d, S_mname(d->m));
		break;
	case DP_MONTH:
		buf_puts(b, S_mname(d->m));
		break;
	default:
		break;
	}
	if (d->prec != DP_NONE && d->y != 0)
		buf_printf(b, "%s%d", d->prec == DP_YEAR ? "" : " ", d->y);
}

int
bdate_is_range(const struct bdate *a, const struct bdate *e)
{
	return a->prec == DP_DAY && e->prec == DP_DAY && bdate_cmp(a, e) < 0;
}

void
bdate_format_range(struct buf *b, const struct bdate *a, const struct bdate *e)
{
	if (!bdate_is_range(a, e)) {
		bdate_format(b, a);
	} else if (a->y == e->y && a->m == e->m) {
		buf_printf(b, "%d\xE2\x80\x93", a->d);
		bdate_format(b, e);
	} else {
		bdate_format(b, a);
		buf_puts(b, " \xE2\x80\x93 ");
		bdate_format(b, e);
	}
}

/* An unknown year prints as "XXXX" ("XXXX-02-18"). */
void
bdate_format_iso(struct buf *b, const struct bdate *d)
{
	if (d->prec == DP_NONE)
		return;
	if (d->y != 0)
		buf_printf(b, "%04d", d->y);
	else
		buf_puts(b, "XXXX");
	if (d->prec >= DP_MONTH)
		buf_printf(b, "-%02d", d->m);
	if (d->prec >= DP_DAY)
		buf_printf(b, "-%02d", d->d);
}
