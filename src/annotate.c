/*
 * annotate.c -- tokens, dates, views and flags for every sentence.
 *
 * Years: a month-day without a year takes it from its own clause or the
 * article's date (dates.h gives the rule). In an undated article it may
 * take the year that other sources give the same month-day explicitly;
 * never a year from elsewhere in the same article. Otherwise it stays
 * unknown, and an undated month-day never reaches the timeline.
 */
#include "brief/annotate.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <math.h>
#include <string.h>

#define MAX_WORDS 90       /* sentences longer than this are not items */
#define MAX_BYTES 900      /* nor sentences this long in bytes (one huge "word") */
#define MAX_DATES 16       /* date mentions kept per sentence */

struct slice
corpus_text(const struct corpus *c, size_t i)
{
	const struct sentence *s = &c->s.v[i];
	struct slice r = { c->doc[s->doc].text + s->off, s->len };
	return r;
}

void
corpus_free(struct corpus *c)
{
	free(c->doc);
	c->doc = NULL;
	c->ndoc = 0;
	VEC_FREE(&c->s);
	VEC_FREE(&c->tok);
	VEC_FREE(&c->dates);
	VEC_FREE(&c->views);
	free(c->info);
	c->info = NULL;
	free(c->stats);
	c->stats = NULL;
	free(c->tokw);
	c->tokw = NULL;
	free(c->sw);
	c->sw = NULL;
	free(c->sw0);
	c->sw0 = NULL;
}

/* ---- stem statistics --------------------------------------------- */

/* Each sentence's distinct content stems with their weights, sorted,
 * built once for every comparison of sentences (cluster.c). */
static void
S_stem_sets(struct corpus *c)
{
	size_t total = 0;

	c->sw0 = xcalloc(c->s.n + 1, sizeof *c->sw0);
	for (size_t i = 0; i < c->s.n; i++)
		total += c->info[i].ntok < CORPUS_MAX_STEMS ? c->info[i].ntok :
			CORPUS_MAX_STEMS;
	c->sw = xcalloc(total ? total : 1, sizeof *c->sw);
	for (size_t i = 0, at = 0; i < c->s.n; i++) {
		const struct sent_info *in = &c->info[i];
		struct stem_weight *out = c->sw + at;
		size_t n = 0;

		for (size_t k = in->tok0; k < in->tok0 + in->ntok &&
		    n < CORPUS_MAX_STEMS; k++) {
			const struct token *t = &c->tok.v[k];
			size_t j = n;

			if (t->flags & TK_STOP)
				continue;
			while (j > 0 && out[j - 1].stem > t->stem)
				j--;
			if (j > 0 && out[j - 1].stem == t->stem)
				continue;
			memmove(out + j + 1, out + j, (n - j) * sizeof *out);
			out[j] = (struct stem_weight){ t->stem, c->tokw[k] };
			n++;
		}
		at += n;
		c->sw0[i + 1] = at;
	}
}

/* One row per distinct content stem with its document and sentence
 * frequencies, sorted by stem. Counted in one pass over the tokens
 * with a hash table of the stems: sentences come in order, and each
 * article's sentences together, so a stem's next sentence or article
 * is a new one exactly when it differs from the last it was seen in. */
struct fslot {
	uint32_t stem, docs, sents;
	uint32_t last_doc, last_sent;
	uint32_t used;
	float idf;
};

static struct fslot *
S_fslot(struct fslot *t, size_t mask, uint32_t stem)
{
	size_t h = (stem * 2654435761u) & mask;

	while (t[h].used && t[h].stem != stem)
		h = (h + 1) & mask;
	return &t[h];
}

static int
S_stat_cmp(const void *pa, const void *pb)
{
	const struct stem_stat *a = pa, *b = pb;
	return a->stem < b->stem ? -1 : a->stem > b->stem;
}

static void
S_frequencies(struct corpus *c)
{
	size_t cap = 1024, n = 0;
	struct fslot *t = xcalloc(cap, sizeof *t);

	for (size_t i = 0; i < c->s.n; i++) {
		const struct sent_info *in = &c->info[i];
		uint32_t doc = (uint32_t)c->s.v[i].doc;

		for (size_t k = in->tok0; k < in->tok0 + in->ntok; k++) {
			if (c->tok.v[k].flags & TK_STOP)
				continue;
			if (2 * (n + 1) > cap) {        /* grow: rehash */
				struct fslot *old = t;
				size_t ocap = cap;

				cap *= 2;
				t = xcalloc(cap, sizeof *t);
				for (size_t q = 0; q < ocap; q++)
					if (old[q].used)
						*S_fslot(t, cap - 1, old[q].stem) = old[q];
				free(old);
			}
			struct fslot *f = S_fslot(t, cap - 1, c->tok.v[k].stem);
			if (!f->used) {
				*f = (struct fslot){ c->tok.v[k].stem, 0, 0, UINT32_MAX,
					UINT32_MAX, 1, 0 };
				n++;
			}
			if (f->last_sent != (uint32_t)i) {
				f->sents++;
				f->last_sent = (uint32_t)i;
			}
			if (f->last_doc != doc) {
				f->docs++;
				f->last_doc = doc;
			}
		}
	}
	struct stem_stat *df = xcalloc(n ? n : 1, sizeof *df);
	size_t m = 0;
	for (size_t q = 0; q < cap; q++) {
		if (!t[q].used)
			continue;
		t[q].idf = (float)log(((double)c->s.n + 1) / ((double)t[q].sents + 0.5));
		df[m++] = (struct stem_stat){ t[q].stem, t[q].docs, t[q].sents, t[q].idf };
	}
	if (m > 1)
		qsort(df, m, sizeof *df, S_stat_cmp);
	c->stats = df;
	c->nstats = m;
	c->tokw = xcalloc(c->tok.n ? c->tok.n : 1, sizeof *c->tokw);
	for (size_t k = 0; k < c->tok.n; k++)
		if (!(c->tok.v[k].flags & TK_STOP))
			c->tokw[k] = S_fslot(t, cap - 1, c->tok.v[k].stem)->idf;
	free(t);
	S_stem_sets(c);
}

const struct stem_weight *
corpus_stems(const struct corpus *c, size_t i, size_t *n)
{
	*n = c->sw0[i + 1] - c->sw0[i];
	return c->sw + c->sw0[i];
}

const struct stem_stat *
corpus_stem(const struct corpus *c, uint32_t stem)
{
	const struct stem_stat *df = c->stats;
	size_t n = c->nstats;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (df[mid].stem < stem)
			lo = mid + 1;
		else if (df[mid].stem > stem)
			hi = mid;
		else
			return &df[mid];
	}
	return NULL;
}

/* ---- quote marks -------------------------------------------------- */

/* Bytes of s that lie between quotation marks (utf_in_dquotes). */
static size_t
S_quoted_bytes(struct slice s)
{
	size_t i = 0, total = 0, open = 0, q;
	int in = 0;

	while ((i = utf_next_dquote(s.p, s.n, i, &q)) < s.n) {
		if (in)
			total += i - open;
		in = !in;
		i += q;
		open = i;
	}
	return total;
}

/* Is there a first-person "I"/"my"/"me" outside quotation marks? */
static int
S_first_person(const struct corpus *c, size_t i)
{
	struct slice s = corpus_text(c, i);
	const struct sent_info *in = &c->info[i];
	size_t pos = 0, q;
	int quoted = 0;
	for (size_t k = in->tok0; k < in->tok0 + in->ntok; k++) {
		const struct token *t = &c->tok.v[k];
		while (pos < t->off && (pos = utf_next_dquote(s.p, s.n, pos, &q)) < t->off) {
			quoted = !quoted;
			pos += q;
		}
		struct slice w = { s.p + t->off, t->len };
		if (!quoted && (slice_eq(w, "I") || slice_eq(w, "my") ||
		    slice_eq(w, "My") || slice_eq(w, "me")))
			return 1;
	}
	return 0;
}

/* ---- flags -------------------------------------------------------- */

static int
S_anaphor(struct slice w)
{
	return lex_is(LEX_ANAPHOR, w.p, w.n);
}

static unsigned
S_token_flags(const struct corpus *c, const struct sent_info *in, struct slice s)
{
	unsigned f = 0;
	for (size_t k = in->tok0; k < in->tok0 + in->ntok; k++) {
		const struct token *t = &c->tok.v[k];
		if (t->flags & TK_DESIGNATOR)
			f |= AF_DESIGNATOR;
		if (t->flags & TK_CURRENCY)
			f |= AF_AMOUNT;
		else if (((t->flags & TK_NUMBER) && t->len < 4) || (t->flags & TK_NUMWORD))
			f |= AF_NUMBER;
	}
	if (in->ntok > 0) {
		const struct token *t = &c->tok.v[in->tok0];
		if (S_anaphor((struct slice){ s.p + t->off, t->len }))
			f |= AF_ANAPHOR;
	}
	return f;
}

static unsigned
S_flags(const struct corpus *c, size_t i)
{
	const struct sentence *se = &c->s.v[i];
	const struct sent_info *in = &c->info[i];
	struct slice s = corpus_text(c, i);
	unsigned f = S_token_flags(c, in, s);

	if (se->flags & (SF_HEADING | SF_TITLE))
		f |= AF_HEADING;
	if (se->flags & SF_QUESTION)
		f |= AF_QUESTION;
	if (in->words < 6 || (s.n > 0 && s.p[s.n - 1] == ':') ||
	    (s.n > 0 && s.p[0] >= 'a' && s.p[0] <= 'z') ||
	    ((se->flags & SF_NOTERM) && !(se->flags & SF_HEADING)))
		f |= AF_FRAGMENT;
	if (in->words > MAX_WORDS || s.n > MAX_BYTES)
		f |= AF_TOO_LONG;
	if (in->view >= 0) {
		const struct view *v = &c->views.v[in->view];
		if (v->flags & VIEW_FIRST_PERSON)
			f |= AF_FIRST_PERSON;
		else if (v->flags & VIEW_REPORTED)
			f |= AF_REPORTED;
		else if (v->speaker.n > 0)
			f |= AF_VIEW;
	}
	if (!(f & AF_VIEW) && S_quoted_bytes(s) * 2 >= s.n)
		f |= AF_QUOTED_TITLE;
	if (!(f & (AF_VIEW | AF_REPORTED)) && S_first_person(c, i))
		f |= AF_FIRST_PERSON;
	return f;
}

/* ---- dates -------------------------------------------------------- */

static void
S_find_dates(struct corpus *c, size_t i)
{
	const struct sentence *se = &c->s.v[i];
	const struct doc *d = &c->doc[se->doc];
	struct date_ctx ctx = { d->date, 0, (se->flags & (SF_TITLE | SF_HEADING)) != 0,
		{ 0, 0, 0, DP_NONE } };
	/* the anchor: the last day date of the sentences before, same
	 * paragraph */
	for (size_t p = i; p > 0 && c->s.v[p - 1].doc == se->doc &&
	    c->s.v[p - 1].para == se->para && ctx.anchor.prec == DP_NONE; p--) {
		const struct sent_info *pi = &c->info[p - 1];
		for (size_t j = pi->date0 + pi->ndate; j > pi->date0; j--) {
			const struct date_mention *m = &c->dates.v[j - 1];
			if (m->end.prec == DP_DAY && m->end.y != 0 && !(m->flags & DM_APPROX)) {
				ctx.anchor = m->end;
				break;
			}
		}
	}
	struct date_mention m[MAX_DATES];
	size_t k = dates_find(d->text + se->off, se->len, &ctx, m, MAX_DATES);
	c->info[i].date0 = c->dates.n;
	c->info[i].ndate = k;
	for (size_t j = 0; j < k; j++)
		VEC_PUSH(&c->dates, m[j]);
}

/* Explicit full dates, sorted by (month, day, year), for year votes. */
struct mdy {
	int m, d, y;
};

static int
S_mdy_cmp(const void *pa, const void *pb)
{
	const struct mdy *a = pa, *b = pb;
	if (a->m != b->m)
		return a->m - b->m;
	if (a->d != b->d)
		return a->d - b->d;
	return a->y - b->y;
}

static int
S_explicit(const struct date_mention *m)
{
	return m->date.y != 0 && m->date.prec == DP_DAY &&
	    !(m->flags & (DM_YEAR_INFERRED | DM_RELATIVE));
}

/* The year most sources give this month-day (latest on a tie), else 0. */
static int
S_vote_year(const struct mdy *v, size_t n, int m, int d)
{
	struct mdy key = { m, d, 0 };
	size_t lo = 0, hi = n;
	while (lo < hi) {   /* first entry >= (m, d, 0) */
		size_t mid = lo + (hi - lo) / 2;
		if (S_mdy_cmp(&v[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int best = 0;
	size_t best_n = 0;
	while (lo < n && v[lo].m == m && v[lo].d == d) {
		size_t run = lo;
		while (run < n && v[run].m == m && v[run].d == d && v[run].y == v[lo].y)
			run++;
		if (run - lo >= best_n)
			best = v[lo].y, best_n = run - lo;
		lo = run;
	}
	return best;
}

static void
S_set_year(struct date_mention *m, int y)
{
	m->date.y = y;
	if (m->end.y == 0)
		m->end.y = y;
	m->flags |= DM_YEAR_INFERRED;
}

static void
S_infer_years(struct corpus *c)
{
	VEC(struct mdy) v = { 0 };
	for (size_t j = 0; j < c->dates.n; j++)
		if (S_explicit(&c->dates.v[j])) {
			struct mdy x = { c->dates.v[j].date.m, c->dates.v[j].date.d,
				c->dates.v[j].date.y };
			VEC_PUSH(&v, x);
		}
	if (v.n > 1)
		qsort(v.v, v.n, sizeof *v.v, S_mdy_cmp);
	for (size_t i = 0; i < c->s.n; i++) {
		const struct sent_info *in = &c->info[i];
		if (c->doc[c->s.v[i].doc].date.prec != DP_NONE)
			continue;       /* dates resolved against the article's */
		for (size_t j = in->date0; j < in->date0 + in->ndate; j++) {
			struct date_mention *m = &c->dates.v[j];
			if (m->date.y != 0 || m->date.prec != DP_DAY)
				continue;
			int y = S_vote_year(v.v, v.n, m->date.m, m->date.d);
			if (y != 0)
				S_set_year(m, y);
		}
	}
	VEC_FREE(&v);
}

/* ---- entry point -------------------------------------------------- */

static void
S_views(struct corpus *c, size_t from)
{
	size_t i = from;
	while (i < c->s.n) {
		size_t j = i;
		while (j < c->s.n && c->s.v[j].doc == c->s.v[i].doc)
			j++;
		size_t v0 = c->views.n;
		quotes_find(&c->doc[c->s.v[i].doc], c->s.v + i, j - i, &c->views);
		for (size_t v = v0; v < c->views.n; v++) {
			struct view *w = &c->views.v[v];
			w->first += i;
			w->last += i;
			for (size_t k = w->first; k <= w->last && k < c->s.n; k++)
				if (c->info[k].view < 0)
					c->info[k].view = (long)v;
		}
		i = j;
	}
}

void
annotate_words(struct corpus *c, size_t from, struct stemmer *st)
{
	c->info = xrealloc(c->info, (c->s.n ? c->s.n : 1) * sizeof *c->info);
	for (size_t i = from; i < c->s.n; i++) {
		struct slice s = corpus_text(c, i);
		struct sent_info *in = &c->info[i];
		memset(in, 0, sizeof *in);
		in->view = -1;
		in->tok0 = c->tok.n;
		in->date0 = c->dates.n;
		if (c->s.v[i].flags & SF_LONG)
			continue;   /* passed over (segment.h) */
		text_tokens(st, s.p, s.n, &c->tok);
		in->ntok = c->tok.n - in->tok0;
		in->words = in->ntok;
		S_find_dates(c, i);
	}
	S_views(c, from);
}

void
annotate_finish(struct corpus *c)
{
	S_frequencies(c);
	S_infer_years(c);
	for (size_t i = 0; i < c->s.n; i++)
		c->info[i].flags = S_flags(c, i);
}

void
annotate_corpus(struct corpus *c, struct stemmer *st)
{
	annotate_words(c, 0, st);
	annotate_finish(c);
}

void
corpus_append(struct corpus *dst, struct corpus *src)
{
	size_t d0 = dst->ndoc, s0 = dst->s.n, t0 = dst->tok.n, m0 = dst->dates.n;

	for (size_t k = 0; k < src->ndoc; k++) {
		dst->doc[d0 + k] = src->doc[k];
		dst->doc[d0 + k].id = (int)(d0 + k) + 1;
	}
	dst->ndoc += src->ndoc;
	dst->info = xrealloc(dst->info, (s0 + src->s.n ? s0 + src->s.n : 1) *
	    sizeof *dst->info);
	for (size_t i = 0; i < src->s.n; i++) {
		struct sentence se = src->s.v[i];
		struct sent_info in = src->info[i];

		se.doc += (int)d0;
		in.tok0 += t0;
		in.date0 += m0;
		VEC_PUSH(&dst->s, se);
		dst->info[s0 + i] = in;
	}
	for (size_t i = 0; i < src->s.n; i++)
		if (dst->info[s0 + i].view >= 0)
			dst->info[s0 + i].view += (long)dst->views.n;
	for (size_t k = 0; k < src->views.n; k++) {
		struct view v = src->views.v[k];

		v.first += s0;
		v.last += s0;
		v.doc += (int)d0;
		VEC_PUSH(&dst->views, v);
	}
	for (size_t k = 0; k < src->tok.n; k++)
		VEC_PUSH(&dst->tok, src->tok.v[k]);
	for (size_t k = 0; k < src->dates.n; k++)
		VEC_PUSH(&dst->dates, src->dates.v[k]);
	corpus_free(src);
}
