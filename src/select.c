/*
 * select.c -- from scored, clustered sentences to the brief's items.
 *
 * Order of choice: the bottom line first (the most central on-subject
 * statements), then attributed views, then every remaining fact goes to
 * the one facts/timeline section it fits best. Within a section items
 * are taken by rank, skipping anything that repeats an item already
 * chosen anywhere in the brief. Timeline entries are grouped by date,
 * one per event, and set in chronological order.
 */
#include "brief/select.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#define REPEAT 0.5          /* share of a candidate already in one item: a repeat */
#define SUPPORT 0.35         /* novelty at most this: a sentence supports an item */
#define NOVEL 0.55          /* share of new content an item must add to its section */
#define MIN_VIEW_WORDS 6
#define MAX_VIEW_WORDS 40     /* longer quotes are cut to one sentence */

struct cand {
	size_t sent;
	long fact;              /* -1 for views */
	const struct view *view;
	struct bdate date, end;
	double rank;
	int *cite;
	size_t ncite;
	struct slice text;      /* views: the words to print */
	const char *label;      /* timeline: the anchoring cue */
	size_t *sup;            /* per citation: the sentence of that
	                         * source that says it; a fact's citations
	                         * are made only when it is taken (cite
	                         * NULL until then) */
};
typedef VEC(struct cand) cand_vec;

struct sel {
	const struct corpus *c;
	const struct score *sc;
	const struct template *t;
	struct arena *a;
	fact_vec facts;
	long *fact_of;
	unsigned char *fact_used;
	size_t **fact_sup;      /* per fact, made on first need (arena): per
	                         * doc of the fact, its first member there */
	VEC(size_t) chosen;     /* sentences already in the brief */
	struct decision *why;   /* per sentence, for --explain (arena) */
	int si_summary;         /* index of the summary section, -1 */
	struct bdate covered;   /* the status's date: not again in the timeline */
	unsigned char *doc_about; /* per doc: its headline or one of its first
	                           * three sentences names the agreement or a
	                           * party */
};

static const unsigned NOT_ITEM = AF_HEADING | AF_FRAGMENT | AF_QUOTED_TITLE |
	AF_QUESTION | AF_FIRST_PERSON | AF_TOO_LONG;

static const char *
S_reject_reason(unsigned f)
{
	if (f & AF_HEADING) return "heading";
	if (f & AF_FRAGMENT) return "fragment";
	if (f & AF_QUOTED_TITLE) return "quoted title";
	if (f & AF_QUESTION) return "question";
	if (f & AF_FIRST_PERSON) return "first person";
	if (f & AF_TOO_LONG) return "too long";
	return NULL;
}

/* ---- helpers ------------------------------------------------------ */

/* Record the latest decision on sentence i; a kept item stays kept. */
static void
S_note(struct sel *s, size_t i, int sec, const char *reason)
{
	if (s->why[i].sec < 0 || sec >= 0) {
		s->why[i].sec = sec;
		s->why[i].reason = reason;
	}
}

/* Is most of sentence sent (by weight) already in one chosen item? A
 * short item inside a longer candidate does not make the candidate a
 * repeat: the candidate still says more. */
static int
S_repeats(const struct sel *s, size_t sent)
{
	for (size_t k = 0; k < s->chosen.n; k++)
		if (s->chosen.v[k] == sent ||
		    cluster_novelty(s->c, sent, &s->chosen.v[k], 1) < 1.0 - REPEAT)
			return 1;
	return 0;
}

/* What sentence sent adds to the items of its section so far. */
static double
S_novelty(const struct sel *s, const struct brief_section *bs, size_t sent)
{
	size_t set[64], n = 0;
	for (size_t k = 0; k < bs->n && n < 64; k++)
		set[n++] = bs->item[k].sent;
	return n ? cluster_novelty(s->c, sent, set, n) : 1.0;
}

static int
S_cmp_rank(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank > b->rank ? -1 : 1;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

static int
S_cmp_date(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	int k = bdate_cmp(&a->date, &b->date);
	if (k != 0)
		return k;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

/* 1-based source numbers of fact f's docs, each with the sentence of
 * that doc in the fact (the candidate's own for its doc). */
static const size_t *
S_fact_sup(struct sel *s, long f)
{
	const struct fact *ft = &s->facts.v[f];

	if (s->fact_sup[f] != NULL)
		return s->fact_sup[f];
	size_t *sup = arena_alloc(s->a, (ft->ndoc ? ft->ndoc : 1) * sizeof *sup);
	for (size_t k = 0; k < ft->ndoc; k++)
		sup[k] = SIZE_MAX;
	for (size_t m = 0; m < ft->nmember; m++) {
		int d = s->c->s.v[ft->member[m]].doc;
		size_t lo = 0, hi = ft->ndoc;   /* ft->doc ascends */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (ft->doc[mid] < d)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < ft->ndoc && ft->doc[lo] == d && sup[lo] == SIZE_MAX)
			sup[lo] = ft->member[m];
	}
	return s->fact_sup[f] = sup;
}

static void
S_fact_cites(struct sel *s, long f, struct cand *cd)
{
	const struct fact *ft = &s->facts.v[f];
	size_t n = ft->ndoc ? ft->ndoc : 1;
	const size_t *first = S_fact_sup(s, f);

	cd->cite = arena_alloc(s->a, n * sizeof *cd->cite);
	cd->sup = arena_alloc(s->a, n * sizeof *cd->sup);
	for (size_t k = 0; k < ft->ndoc; k++) {
		cd->cite[k] = s->c->doc[ft->doc[k]].id;
		cd->sup[k] = s->c->s.v[cd->sent].doc == ft->doc[k] ||
		    first[k] == SIZE_MAX ? cd->sent : first[k];
	}
	cd->ncite = ft->ndoc;
}

/* One citation: the source of sentence i. */
static void
S_own_cite(struct sel *s, struct cand *cd, size_t i)
{
	cd->cite = arena_alloc(s->a, sizeof *cd->cite);
	cd->sup = arena_alloc(s->a, sizeof *cd->sup);
	cd->cite[0] = s->c->doc[s->c->s.v[i].doc].id;
	cd->sup[0] = i;
	cd->ncite = 1;
}

/* Union of two ascending citation lists (with their sentences) into
 * cd; where both cite a source, cd's sentence stays. */
static void
S_merge_cites(struct arena *a, struct cand *cd, const int *b,
	const size_t *bsup, size_t nb)
{
	int *out = arena_alloc(a, (cd->ncite + nb) * sizeof(int) + sizeof(int));
	size_t *sup = arena_alloc(a, (cd->ncite + nb + 1) * sizeof *sup);
	size_t i = 0, j = 0, k = 0;
	while (i < cd->ncite || j < nb) {
		int x = i < cd->ncite ? cd->cite[i] : 0, y = j < nb ? b[j] : 0;
		if (j >= nb || (i < cd->ncite && x < y))
			sup[k] = cd->sup[i], out[k++] = x, i++;
		else if (i >= cd->ncite || y < x)
			sup[k] = bsup[j], out[k++] = y, j++;
		else
			sup[k] = cd->sup[i], out[k++] = x, i++, j++;
	}
	cd->cite = out;
	cd->sup = sup;
	cd->ncite = k;
}

static double
S_corroboration(size_t ndoc)
{
	return 1.0 + 0.3 * (double)(ndoc > 0 ? ndoc - 1 : 0);
}

/* Cut a leading attributive or linking clause ("According to TASS, ",
 * "Notably, ") at its clause boundary and capitalise what starts the
 * sentence then; the words are otherwise the source's own. */
static int S_points_back(struct slice t);

static struct slice
S_trim_lead(struct sel *s, struct slice t, int bullet)
{
	size_t cut = text_lead_clause(t.p, t.n);
	if (cut == 0 && bullet)
		cut = text_lead_label(t.p, t.n);
	if (cut == 0 || t.n - cut < 40)
		return t;
	/* "According to the Swiss government, it is …": the lead stays
	 * when what follows it opens with a pronoun */
	if (S_points_back((struct slice){ t.p + cut, t.n - cut }) != 0)
		return t;
	char *p = arena_strndup(s->a, t.p + cut, t.n - cut);
	if (p[0] >= 'a' && p[0] <= 'z')
		p[0] = (char)(p[0] - 32);
	return (struct slice){ p, t.n - cut };
}

/* Does t point back to a sentence it cannot stand without: it opens
 * with a pronoun or a linking phrase ("This", "It", "To this end"), or
 * names someone "cited above"? 1: the opener; 2: a reference no join
 * can mend. */
static int
S_points_back(struct slice t)
{
	static const char *const openers[] = { "To this end", "The move ",
		"The step ", "The latter ", "The former ", "Also, ", "This, ",
		"In addition, ", "Moreover, ", "Furthermore, " };
	static const char *const lost[] = { "cited above", "mentioned above",
		"quoted above", "the second official", "the first official",
		"the other official", "the same official", "said earlier" };
	for (size_t k = 0; k < sizeof lost / sizeof *lost; k++) {
		size_t m = strlen(lost[k]);
		for (size_t i = 0; i + m <= t.n; i++)
			if (memcmp(t.p + i, lost[k], m) == 0)
				return 2;
	}
	/* a pronoun ("It", "This", "Such", LEX_ANAPHOR) and a space */
	const char *sp = memchr(t.p, ' ', t.n);
	if (sp != NULL && (size_t)(sp - t.p) + 1 < t.n &&
	    lex_is(LEX_ANAPHOR, t.p, (size_t)(sp - t.p)))
		return 1;
	for (size_t k = 0; k < sizeof openers / sizeof *openers; k++)
		if (t.n > strlen(openers[k]) &&
		    memcmp(t.p, openers[k], strlen(openers[k])) == 0)
			return 1;
	return 0;
}

/* Do the quotation marks of t balance: as many “ as ”, an even number
 * of straight double quotes? */
static int
S_quotes_balance(struct slice t)
{
	long open = 0, straight = 0;
	for (size_t i = 0; i < t.n;) {
		UChar32 c = utf_next(t.p, t.n, &i);
		if (c == '"')
			straight++;
		else if (c == 0x201C)
			open++;
		else if (c == 0x201D)
			open--;
	}
	return open == 0 && straight % 2 == 0;
}

/* The sentence before i in its paragraph, or -1. */
static long
S_prev_in_para(const struct sel *s, size_t i)
{
	if (i == 0)
		return -1;
	const struct sentence *a = &s->c->s.v[i - 1], *b = &s->c->s.v[i];
	return a->doc == b->doc && a->para == b->para ? (long)(i - 1) : -1;
}

/* Can sentence i stand alone, or with the sentence before it joined
 * (at most JOIN_WORDS words in all)? */
#define JOIN_WORDS 60
static int
S_self_contained(const struct sel *s, size_t i)
{
	struct slice t = corpus_text(s->c, i);
	int pb = S_points_back(t);
	if (pb == 0)
		return 1;
	if (pb == 2)
		return 0;
	long p = S_prev_in_para(s, i);
	return p >= 0 && !S_points_back(corpus_text(s->c, (size_t)p)) &&
	    s->c->info[p].words + s->c->info[i].words <= JOIN_WORDS &&
	    !(s->c->info[p].flags & (AF_HEADING | AF_QUESTION | AF_FRAGMENT));
}

static void
S_emit(struct sel *s, struct brief_section *bs, const struct cand *cd)
{
	struct item *it = &bs->item[bs->n++];
	const struct sentence *se = &s->c->s.v[cd->sent];
	memset(it, 0, sizeof *it);
	it->sent = cd->sent;
	if (cd->cite == NULL && cd->fact >= 0) {   /* made when taken */
		struct cand full = *cd;
		S_fact_cites(s, cd->fact, &full);
		it->cite = full.cite;
		it->support = full.sup;
		it->ncite = full.ncite;
	} else {
		it->cite = cd->cite;
		it->support = cd->sup;
		it->ncite = cd->ncite;
	}
	it->date = cd->date;
	it->end = cd->end;
	it->rank = cd->rank;
	it->view = cd->view;
	it->label = cd->label;
	it->text = cd->view ? cd->text : S_trim_lead(s, (struct slice){
	    s->c->doc[se->doc].text + se->off, se->len }, !!(se->flags & SF_BULLET));
	if (!cd->view && S_points_back(it->text) == 1) {
		/* "It lets ...": with the sentence it points back to */
		long p = S_prev_in_para(s, cd->sent);
		if (p >= 0) {
			const struct sentence *ps = &s->c->s.v[p];
			it->text = S_trim_lead(s, (struct slice){ s->c->doc[ps->doc].text +
			    ps->off, se->off + se->len - ps->off }, 0);
		}
	}
	VEC_PUSH(&s->chosen, cd->sent);
	if (cd->fact >= 0)
		s->fact_used[cd->fact] = 1;
}

/* Take up to limit candidates by rank into section si, skipping repeats
 * and items that add too little, never past the section's max. */
static void
S_take_n(struct sel *s, int si, struct brief_section *bs, cand_vec *cv, size_t limit)
{
	const struct section_def *d = &s->t->sec[si];
	size_t added = 0;
	if (cv->n > 1)
		qsort(cv->v, cv->n, sizeof *cv->v, S_cmp_rank);
	if (bs->item == NULL)
		bs->item = arena_alloc(s->a, ((size_t)d->max_items + 1) * sizeof *bs->item);
	for (size_t k = 0; k < cv->n; k++) {
		const struct cand *cd = &cv->v[k];
		if (s->why[cd->sent].sec < 0)
			s->why[cd->sent].rank = cd->rank;
		if ((cd->fact >= 0 && s->fact_used[cd->fact]) || S_repeats(s, cd->sent)) {
			S_note(s, cd->sent, -1, "repeats an item already chosen");
			continue;
		}
		if (bs->n >= (size_t)d->max_items || added >= limit) {
			S_note(s, cd->sent, -1, "ranked below the section's limit");
			continue;
		}
		if (!cd->view && !S_self_contained(s, cd->sent)) {
			S_note(s, cd->sent, -1, "points back to a sentence it cannot stand without");
			continue;
		}
		if (!cd->view && !S_quotes_balance(corpus_text(s->c, cd->sent))) {
			S_note(s, cd->sent, -1, "its quotation marks do not balance");
			continue;
		}
		if (S_novelty(s, bs, cd->sent) < NOVEL) {
			S_note(s, cd->sent, -1, "adds too little to its section");
			continue;
		}
		S_emit(s, bs, cd);
		S_note(s, cd->sent, si, "kept");
		added++;
	}
}

static void
S_take(struct sel *s, int si, struct brief_section *bs, cand_vec *cv)
{
	S_take_n(s, si, bs, cv, SIZE_MAX);
}

/* ---- the bottom line ----------------------------------------------- */

/* Does sentence i give a day- or month-precise date? */
static int
S_dated(const struct corpus *c, size_t i)
{
	const struct sent_info *in = &c->info[i];
	for (size_t j = in->date0; j < in->date0 + in->ndate; j++)
		if (c->dates.v[j].date.prec >= DP_MONTH)
			return 1;
	return 0;
}

enum { ROLE_WHAT, ROLE_STATUS, ROLE_HISTORY };

/* Bottom-line candidates for one role: what the agreement is (no stage,
 * no date), its latest status (stage == latest), or the stage before it
 * (undated: dated stages belong to the timeline). */
static void S_summary_cand(struct sel *s, int si, int role, int stage,
	size_t f, size_t i, cand_vec *cv);

static void
S_summary_role(struct sel *s, int si, int role, int stage, cand_vec *cv)
{
	for (size_t f = 0; f < s->facts.n; f++)
		for (size_t m = 0; m < s->facts.v[f].nmember; m++)
			S_summary_cand(s, si, role, stage, f, s->facts.v[f].member[m], cv);
}

/* Named actors in sentence i: capitalised words other than the first
 * and the subject's own topic words (at most 6). Who did it matters. */
static size_t
S_names(const struct sel *s, size_t i)
{
	const struct sent_info *in = &s->c->info[i];
	struct slice text = corpus_text(s->c, i);
	size_t n = 0, lead = text_lead_clause(text.p, text.n);   /* trimmed away */
	for (size_t k = in->tok0 + 1; k < in->tok0 + in->ntok && n < 6; k++) {
		const struct token *t = &s->c->tok.v[k];
		if (t->off < lead)
			continue;
		if ((t->flags & TK_CAP) && !(t->flags & TK_STOP) &&
		    score_cues(&s->t->topic, t, 1) <= 0)
			n++;
	}
	return n;
}

/* Sentence i (of fact f) as a candidate for a bottom-line role. */
static void
S_summary_cand(struct sel *s, int si, int role, int stage, size_t f, size_t i,
	cand_vec *cv)
{
	const struct score *sc = &s->sc[i];
	if (s->fact_used[f] || (s->c->info[i].flags & AF_ANAPHOR))
		return;
	if (role == ROLE_WHAT && (i != s->facts.v[f].rep || sc->stage >= 0 ||
	    sc->pending >= 0 || S_dated(s->c, i) || sc->self <= 0))
		return;     /* what it is: this agreement, not another */
	if (role == ROLE_STATUS && sc->stage != stage)
		return;
	if (role == ROLE_HISTORY && (sc->stage != stage || S_dated(s->c, i)))
		return;
	double aff = sc->sec[si] + 0.5 * sc->topic;
	if (role == ROLE_WHAT ? aff < s->t->sec[si].min_score : sc->topic <= 0)
		return;
	struct cand cd = { i, (long)f, NULL, { 0 }, { 0 }, 0, NULL, 0, { 0 }, NULL, NULL };
	/* a change of status is an event: who did it matters more */
	double who = role == ROLE_WHAT ? 0.1 : 0.25;
	cd.rank = (1 + aff) * (0.5 + sc->central) * S_corroboration(s->facts.v[f].ndoc) *
	    (1.0 + who * (double)S_names(s, i));
	if (s->c->s.v[i].flags & SF_DEK)
		cd.rank *= 1.5;
	if (sc->self == 2)
		cd.rank *= 1.3;   /* names the agreement or a party */
	VEC_PUSH(cv, cd);   /* its citations are made if it is taken */
}

/* The latest stage any eligible sentence asserts as done, -1 if none. */
/* Does sentence i say outright that something has not happened yet
 * ("is still pending", "has not been ratified", "awaits approval")? */
static int
S_not_yet(const struct sel *s, size_t i)
{
	struct slice t = corpus_text(s->c, i);
	const struct sent_info *in = &s->c->info[i];
	for (size_t k = in->tok0; k < in->tok0 + in->ntok; k++) {
		const struct token *tk = &s->c->tok.v[k];
		if (lex_is_ci(LEX_NOT_YET, t.p + tk->off, tk->len))
			return 1;
	}
	return 0;
}

/* The newest article date of the sentences that report stage g done
 * (pending 0) or say outright it is still to come (pending 1). */
static struct bdate
S_stage_news(const struct sel *s, int g, int pending)
{
	struct bdate best = { 0, 0, 0, DP_NONE };
	for (size_t i = 0; i < s->c->s.n; i++) {
		const struct bdate *d = &s->c->doc[s->c->s.v[i].doc].date;
		int hit = pending ? s->sc[i].pending == g && S_not_yet(s, i) :
		    g < 32 && ((s->sc[i].done >> g) & 1);
		if (hit && d->prec != DP_NONE && d->y != 0 &&
		    (best.prec == DP_NONE || bdate_cmp(d, &best) > 0))
			best = *d;
	}
	return best;
}

/* The latest stage any eligible sentence asserts as done, -1 if none.
 * When every report of it is older than a report that says outright it
 * is still to come, the later report wins: the stage below is the
 * latest, and *contradicted names the stage (else -1). */
static int
S_latest_stage(const struct sel *s, int *contradicted)
{
	int best = -1;
	unsigned any = 0;
	for (size_t f = 0; f < s->facts.n; f++)
		for (size_t m = 0; m < s->facts.v[f].nmember; m++) {
			const struct score *sc = &s->sc[s->facts.v[f].member[m]];
			if (sc->stage > best)
				best = sc->stage;
			any |= sc->done;
		}
	*contradicted = -1;
	if (best < 0)
		return best;
	struct bdate done = S_stage_news(s, best, 0), later = S_stage_news(s, best, 1);
	if (done.prec == DP_NONE || later.prec == DP_NONE || bdate_cmp(&later, &done) <= 0)
		return best;
	*contradicted = best;
	for (int g = best - 1; g >= 0; g--)
		if (g < 32 && ((any >> g) & 1))
			return g;
	return -1;
}

/* The stage below `below` that some undated sentence asserts, -1. */
static int
S_history_stage(const struct sel *s, int below)
{
	int best = -1;
	for (size_t f = 0; f < s->facts.n; f++)
		for (size_t m = 0; m < s->facts.v[f].nmember; m++) {
			size_t i = s->facts.v[f].member[m];
			int g = s->sc[i].stage;
			if (g >= 0 && g < below && g > best && !S_dated(s->c, i))
				best = g;
		}
	return best;
}

static void
S_summary_take(struct sel *s, int si, struct brief_section *bs, int role, int stage)
{
	cand_vec cv = { 0 };
	size_t before = bs->n;
	S_summary_role(s, si, role, stage, &cv);
	S_take_n(s, si, bs, &cv, 1);
	if (bs->n > before)
		bs->item[before].pinned = 1;
	VEC_FREE(&cv);
}

/* Does s[a..b) hold a clause break (comma, semicolon, colon, dash)? */
static int
S_clause_break(const char *s, size_t a, size_t b)
{
	for (size_t k = a; k < b;) {
		UChar32 c = utf_next(s, b, &k);
		if (c == ',' || c == ';' || c == ':' || utf_is_phrase_dash(c))
			return 1;
	}
	return 0;
}

/* The date of the event a cue names: the first date after the cue in
 * the same clause, within a few words ("signed on February 18",
 * "ratified the pact on Wednesday"), else the nearest one just before
 * it in the same clause ("the court on Monday upheld"). A year that
 * dates a noun ("upheld the 2019 decision") is not the verb's. Token k
 * is the cue. */
static const struct date_mention *
S_date_after(const struct corpus *c, size_t i, size_t k)
{
	const struct sent_info *in = &c->info[i];
	struct slice s = corpus_text(c, i);
	const struct token *t = &c->tok.v[in->tok0 + k];
	size_t at = t->off + t->len;
	const struct date_mention *before = NULL;
	for (size_t j = in->date0; j < in->date0 + in->ndate; j++) {
		const struct date_mention *m = &c->dates.v[j];
		if (m->date.y == 0 || m->date.prec == DP_NONE ||
		    (m->flags & (DM_APPROX | DM_ATTRIB)))
			continue;
		if (m->off + m->len <= t->off) {
			if (t->off - (m->off + m->len) <= 40 &&
			    !S_clause_break(s.p, m->off + m->len, t->off))
				before = m;
			continue;
		}
		if (m->off < at || m->off - at > 96 || S_clause_break(s.p, at, m->off))
			continue;
		return m;
	}
	return before;
}

static int
S_stage_date(const struct sel *s, size_t i, const struct status_stage *g,
	struct bdate *out)
{
	const struct sent_info *in = &s->c->info[i];
	long k = score_cue_at(&g->cues, s->c->tok.v + in->tok0, in->ntok);
	const struct date_mention *m = k >= 0 ? S_date_after(s->c, i, (size_t)k) : NULL;
	if (m)
		*out = m->date;
	return m != NULL;
}

/* Per stage: the sources asserting it and its date; then the sources
 * still reporting the latest stage as to come. */
static void
S_status_note(struct sel *s, int latest, struct status_note *st)
{
	const struct section_def *d = &s->t->sec[s->si_summary];
	size_t nd = s->c->ndoc ? s->c->ndoc : 1, ng = d->nstage;
	unsigned char *seen = xcalloc(nd * (ng + 1), 1);
	st->stage = latest;
	st->nstages = ng;
	st->stages = arena_alloc(s->a, ng * sizeof *st->stages);
	for (size_t i = 0; i < s->c->s.n; i++) {
		int doc = s->c->s.v[i].doc;
		if (s->c->info[i].flags & (AF_HEADING | AF_FIRST_PERSON | AF_QUOTED_TITLE |
		    AF_QUESTION | AF_FRAGMENT))
			continue;
		for (size_t g = 0; g < ng && g < 32; g++)
			if ((s->sc[i].done >> g) & 1) {
				seen[g * nd + (size_t)doc] = 1;
				struct bdate w = { 0, 0, 0, DP_NONE };
				/* the most precise date any report gives */
				if (S_stage_date(s, i, &d->stage[g], &w) &&
				    w.prec > st->stages[g].when.prec)
					st->stages[g].when = w;
			}
		if (s->sc[i].pending == latest)
			seen[ng * nd + (size_t)doc] = 1;
	}
	for (size_t g = 0; g < ng; g++) {
		st->stages[g].name = d->stage[g].name;
		st->stages[g].cite = arena_alloc(s->a, nd * sizeof(int));
		for (size_t k = 0; k < s->c->ndoc; k++)
			if (seen[g * nd + k])
				st->stages[g].cite[st->stages[g].ncite++] = s->c->doc[k].id;
	}
	st->stale = arena_alloc(s->a, nd * sizeof(int));
	for (size_t k = 0; k < s->c->ndoc; k++)
		if (seen[ng * nd + k] && !seen[(size_t)latest * nd + k])
			st->stale[st->nstale++] = s->c->doc[k].id;
	free(seen);
}

/* The bottom line: what the agreement is, its latest status, and the
 * stage before that when no date puts it in the timeline. */
static void
S_summary(struct sel *s, int si, struct brief_section *bs, struct brief *b)
{
	const struct section_def *d = &s->t->sec[si];
	s->si_summary = si;
	if (d->nstage == 0) {
		cand_vec cv = { 0 };
		S_summary_role(s, si, ROLE_WHAT, -1, &cv);
		S_take(s, si, bs, &cv);
		VEC_FREE(&cv);
		return;
	}
	int contradicted;
	int latest = S_latest_stage(s, &contradicted);
	S_summary_take(s, si, bs, ROLE_WHAT, -1);
	if (latest < 0)
		return;
	size_t before = bs->n;
	S_summary_take(s, si, bs, ROLE_STATUS, latest);
	S_status_note(s, latest, &b->status);
	s->covered = b->status.stages[latest].when;
	b->status.contradicted = contradicted;
	if (contradicted >= 0) {
		size_t nd = s->c->ndoc ? s->c->ndoc : 1;
		unsigned char *seen = xcalloc(nd, 1);
		b->status.later = arena_alloc(s->a, nd * sizeof(int));
		for (size_t i = 0; i < s->c->s.n; i++)
			if (s->sc[i].pending == contradicted && S_not_yet(s, i))
				seen[s->c->s.v[i].doc] = 1;
		for (size_t k = 0; k < s->c->ndoc; k++)
			if (seen[k])
				b->status.later[b->status.nlater++] = s->c->doc[k].id;
		free(seen);
	}
	unsigned covered = bs->n > before ? s->sc[bs->item[before].sent].done : 0;
	/* the stage right before, unless the status sentence reports it
	 * too; an older stage is the timeline's, not the bottom line's */
	int prev = S_history_stage(s, latest);
	if (prev >= 0 && (prev < latest - 1 || (prev < 32 && ((covered >> prev) & 1))))
		prev = -1;
	if (prev >= 0)
		S_summary_take(s, si, bs, ROLE_HISTORY, prev);
	if (bs->n == before + 2) {   /* read in order: the stage before, then now */
		struct item tmp = bs->item[before];
		bs->item[before] = bs->item[before + 1];
		bs->item[before + 1] = tmp;
	}
}

/* ---- views -------------------------------------------------------- */

static int
S_same_speaker(const struct view *a, const struct view *b)
{
	return a->speaker.n == b->speaker.n &&
	    memcmp(a->speaker.p, b->speaker.p, a->speaker.n) == 0;
}

/* A view to print: it has a speaker, not the author, not an outlet's
 * report, and the speaker is not the outlet it was said to (a name
 * after "told" is where, not who). */
static int
S_view_ok(const struct corpus *c, const struct view *v)
{
	if (v->speaker.n == 0 || (v->flags & (VIEW_FIRST_PERSON | VIEW_REPORTED)) ||
	    (v->speaker.n == v->outlet.n &&
	    memcmp(v->speaker.p, v->outlet.p, v->speaker.n) == 0))
		return 0;
	size_t words = 0;
	for (size_t k = v->first; k <= v->last && k < c->s.n; k++)
		words += c->info[k].words;
	return words >= MIN_VIEW_WORDS;
}

/* A view's rank: average cue affinity and centrality of its sentences,
 * discounted when long (a long quote costs page space). */
static double
S_view_rank(const struct sel *s, int si, const struct view *v, size_t words)
{
	double aff = 0, central = 0;
	size_t n = 0;
	for (size_t k = v->first; k <= v->last && k < s->c->s.n; k++, n++) {
		aff += s->sc[k].sec[si] + 0.5 * s->sc[k].topic;
		central += s->sc[k].central;
	}
	n = n ? n : 1;
	double len = words <= MAX_VIEW_WORDS ? 1.0 : (double)MAX_VIEW_WORDS / (double)words;
	double own = (v->flags & VIEW_QUOTE) ? 1.6 : 1.0;   /* their own words */
	if (v->flags & VIEW_ORG)
		own *= 0.7;      /* a body's statement: after a person's view */
	return (1.0 + aff / (double)n) * (0.5 + central / (double)n) * len * own;
}

/* A quote longer than MAX_VIEW_WORDS is cut to its best sentence: the
 * part of that sentence inside the quotation marks. Cuts fall only at
 * sentence boundaries, so the words stay the speaker's own. */
static struct slice
S_view_text(const struct sel *s, int si, const struct view *v, size_t *words)
{
	const char *text = s->c->doc[v->doc].text;
	struct slice all = { text + v->off, v->len };
	size_t best = v->first;
	double best_q = -1;
	*words = 0;
	for (size_t k = v->first; k <= v->last && k < s->c->s.n; k++)
		*words += s->c->info[k].words;
	if (!(v->flags & VIEW_QUOTE) || *words <= MAX_VIEW_WORDS || v->first == v->last)
		return all;
	for (size_t k = v->first; k <= v->last && k < s->c->s.n; k++) {
		double q = s->sc[k].sec[si] + 0.5 * s->sc[k].topic + s->sc[k].central;
		if (q > best_q)
			best_q = q, best = k;
	}
	const struct sentence *se = &s->c->s.v[best];
	size_t o = se->off > v->off ? se->off : v->off;
	size_t e = se->off + se->len < v->off + v->len ? se->off + se->len : v->off + v->len;
	if (e <= o)
		return all;
	*words = s->c->info[best].words;
	/* mark what was left out of the speaker's words with ellipses */
	struct buf b = { 0 };
	if (o > v->off)
		buf_puts(&b, "\xE2\x80\xA6 ");
	buf_put(&b, text + o, e - o);
	if (e < v->off + v->len)
		buf_puts(&b, " \xE2\x80\xA6");
	struct slice r = { arena_strndup(s->a, b.p, b.n), b.n };
	buf_free(&b);
	return r;
}

/* Views: the best view of each speaker first, then further views. */
/* Does a view speak against: oppose, criticise, warn, reject, fear,
 * "a surrender", "a mistake"? (English words, not a subject's.) */
static int
S_critical(const struct sel *s, const struct view *v)
{
	static const char *const words[] = { "oppose", "opposed", "opposes",
		"opposition to", "criticise", "criticised", "criticize",
		"criticized", "criticism", "condemn", "condemned", "condemns",
		"warned", "warns", "surrender", "betray", "betrayal", "mistake",
		"stupidity", "reckless", "dangerous", "threatens", "undermine",
		"undermines", "protest", "rejected", "rejects", "concern about",
		"concerns about", "worried", "fears", "giveaway", "sell-out",
		"should not", "must not", "no legal value", "disappointed",
		"regret", "blocs", "hegemony", "caution", "illegal", "unlawful",
		"wrong", "folly", "capitulation" };
	const char *t = s->c->doc[v->doc].text + v->off;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t m = strlen(words[k]);
		for (size_t i = 0; i + m <= v->len; i++)
			if (tolower((unsigned char)t[i]) == words[k][0] &&
			    strncasecmp(t + i, words[k], m) == 0 &&
			    (i == 0 || !isalpha((unsigned char)t[i - 1])) &&
			    (i + m == v->len || !isalpha((unsigned char)t[i + m])))
				return 1;
	}
	return 0;
}

/* A speaker's views after the first (in cv's order) rank lower. The
 * speakers seen are kept in an open-addressing table of cv indices. */
static void
S_later_views_lower(cand_vec *cv)
{
	size_t cap = 16;
	while (cap < 2 * cv->n)
		cap *= 2;
	size_t *seen = xmalloc(cap * sizeof *seen);
	for (size_t i = 0; i < cap; i++)
		seen[i] = SIZE_MAX;
	for (size_t k = 0; k < cv->n; k++) {
		const struct slice *sp = &cv->v[k].view->speaker;
		size_t h = text_hash(sp->p, sp->n) & (cap - 1);
		while (seen[h] != SIZE_MAX &&
		    !S_same_speaker(cv->v[seen[h]].view, cv->v[k].view))
			h = (h + 1) & (cap - 1);
		if (seen[h] != SIZE_MAX)
			cv->v[k].rank *= 0.3;
		else
			seen[h] = k;
	}
	free(seen);
}

static void
S_views(struct sel *s, int si, struct brief_section *bs)
{
	cand_vec cv = { 0 };
	for (size_t k = 0; k < s->c->views.n; k++) {
		const struct view *v = &s->c->views.v[k];
		if (!S_view_ok(s->c, v))
			continue;
		double topic = 0;
		for (size_t q = v->first; q <= v->last && q < s->c->s.n; q++)
			topic += s->sc[q].topic;
		if (topic <= 0 && !s->doc_about[v->doc])
			continue;   /* a view on something else, in an article on
			             * something else */
		struct cand cd = { v->first, -1, v, { 0 }, { 0 }, 0, NULL, 0, { 0 }, NULL, NULL };
		size_t words;
		cd.text = S_view_text(s, si, v, &words);
		cd.rank = S_view_rank(s, si, v, words);
		S_own_cite(s, &cd, v->first);
		VEC_PUSH(&cv, cd);
	}
	if (cv.n > 1)
		qsort(cv.v, cv.n, sizeof *cv.v, S_cmp_rank);
	S_later_views_lower(&cv);
	if (cv.n > 1)
		qsort(cv.v, cv.n, sizeof *cv.v, S_cmp_rank);
	/* supporters and critics: when the views that make the cut all
	 * speak for it and a critic has spoken, the best critic comes in
	 * above the last of them */
	size_t cut = (size_t)s->t->sec[si].max_items;
	if (cut > 0 && cv.n > cut) {
		int critic = 0;
		for (size_t k = 0; k < cut; k++)
			critic |= S_critical(s, cv.v[k].view);
		for (size_t k = cut; !critic && k < cv.n; k++)
			if (S_critical(s, cv.v[k].view) && cv.v[k].rank > 0.25 * cv.v[0].rank) {
				cv.v[k].rank = cv.v[cut - 1].rank * 1.001;
				critic = 1;
			}
	}
	S_take(s, si, bs, &cv);
	VEC_FREE(&cv);
}

/* ---- timeline ----------------------------------------------------- */

/* The first well-formed date of sentence i, or NULL. A date after
 * "since" ("have exercised together annually since 2016") begins a span
 * that lasts: no event on that date. */
static const struct date_mention *
S_first_date(const struct corpus *c, size_t i)
{
	const struct sent_info *in = &c->info[i];
	for (size_t j = in->date0; j < in->date0 + in->ndate; j++) {
		const struct date_mention *m = &c->dates.v[j];
		if (m->date.prec != DP_NONE && m->date.y != 0 &&
		    !(m->flags & (DM_APPROX | DM_SINCE)))
			return m;
	}
	return NULL;
}

/* The end (one past its last token) of the longest cue of cs that
 * starts at token k of tok[0..n), or k when none does. */
static size_t
S_cue_end(const struct cue_set *cs, const struct token *tok, size_t n, size_t k)
{
	size_t end = k;
	for (size_t q = 0; q < cs->n; q++) {
		const struct cue *c = &cs->v[q];
		int j = 0;
		if (k + (size_t)c->nstem > n)
			continue;
		while (j < c->nstem && tok[k + (size_t)j].stem == c->stem[j])
			j++;
		if (j == c->nstem && k + (size_t)j > end)
			end = k + (size_t)j;
	}
	return end;
}

/* Does a status-stage cue of the bottom line come before token at of
 * sentence i (and not at it, nor run over it: in "Valdorian MPs
 * ratified the pact on 12 March" the stage cue "MPs ratified" holds
 * the timeline's "ratified"), and before the date at byte offset
 * date_off? (A date before the leading cue dates that cue: "The Senate
 * on Monday gave its concurrence to the ratification".) */
static int
S_stage_before(const struct sel *s, size_t i, long at, size_t date_off)
{
	const struct sent_info *in = &s->c->info[i];
	const struct token *tok = s->c->tok.v + in->tok0;
	if (s->si_summary < 0)
		return 0;
	const struct section_def *d = &s->t->sec[s->si_summary];
	for (size_t g = 0; g < d->nstage; g++) {
		if (g >= 32 || !((s->sc[i].done >> g) & 1))
			continue;   /* "needed to ratify": no change of status */
		long k = score_cue_at(&d->stage[g].cues, tok, in->ntok);
		if (k >= 0 && k < at && tok[k].off < date_off &&
		    S_cue_end(&d->stage[g].cues, tok, in->ntok, (size_t)k) <= (size_t)at)
			return 1;
	}
	return 0;
}

/* Is token at of sentence i inside a clause that a subordinator opens
 * after the sentence's own start ("..., after the lower house approved
 * it in May")? */
static int
S_subordinate(const struct sel *s, size_t i, size_t at)
{
	const struct sent_info *in = &s->c->info[i];
	struct slice t = corpus_text(s->c, i);
	for (size_t k = 1; k < at && k < in->ntok; k++) {
		const struct token *tk = &s->c->tok.v[in->tok0 + k];
		if (lex_is_ci(LEX_TEMPORAL_SUB, t.p + tk->off, tk->len))
			return 1;
	}
	return 0;
}

/* The event sentence i reports for timeline section si: the date a cue
 * names ("signed on February 18") when one does, else the sentence's
 * first date. Returns the affinity that counts for the timeline, the
 * anchoring cue in full and other cues at a quarter, or -1 when the
 * sentence has no usable date. */
static double
S_timeline_event(const struct sel *s, int si, size_t i, struct bdate *d,
	struct bdate *e, int *anchored, const char **label)
{
	const struct corpus *c = s->c;
	const struct sent_info *in = &c->info[i];
	const struct section_def *sd = &s->t->sec[si];
	const struct date_mention *m = NULL;
	double anchor = 0;
	long at = -1;
	if (s->sc[i].self < 2 && !(s->sc[i].self == 1 && s->doc_about[s->c->s.v[i].doc]))
		return -1;   /* only events that name the agreement or a party, or
		              * say "the pact" in an article about it; never
		              * another agreement's */
	/* the event: the first cue in the sentence that a date goes with
	 * (the main clause comes first: "The Senate on Monday gave its
	 * concurrence to the ratification of the pact signed in July") */
	for (size_t q = 0; q < sd->cues.n; q++) {
		struct cue_set one = { &sd->cues.v[q], 1, NULL, NULL, 0 };
		long k = score_cue_at(&one, c->tok.v + in->tok0, in->ntok);
		const struct date_mention *mk;
		if (k < 0 || (at >= 0 && k >= at))
			continue;
		if ((mk = S_date_after(c, i, (size_t)k)) != NULL &&
		    !(mk->flags & DM_SINCE)) {
			m = mk;
			at = k;
			anchor = sd->cues.v[q].weight;
			if (label)
				*label = sd->cues.v[q].text;
		}
	}
	if (m != NULL && at > 1 && S_subordinate(s, i, (size_t)at))
		return -1;   /* "X endorsed it, after Y approved it in May": the
		              * date is Y's, the sentence X's */
	double aff = s->sc[i].sec[si];
	if (m != NULL) {
		aff = anchor + sd->w_date + 0.25 * (aff - anchor - sd->w_date);
		/* a side clause ("approved the pact, originally signed on …")
		 * when a status change leads the sentence */
		if (S_stage_before(s, i, at, m->off))
			aff *= 0.6;
	}
	else if ((m = S_first_date(c, i)) != NULL)
		aff *= 0.5;
	else
		return -1;
	*d = m->date;
	*e = m->end;
	if (anchored)
		*anchored = anchor > 0;
	if (m->off * 5 < corpus_text(c, i).n * 2)   /* the date leads the sentence */
		aff *= 1.15;
	return aff;
}

/* Item it also cites cite[0..n) (sup: their sentences): the same
 * event from more sources. */
static void
S_item_add_cites(struct sel *s, struct item *it, const int *cite,
	const size_t *sup, size_t n)
{
	struct cand merged = { 0 };
	merged.cite = it->cite;
	merged.sup = it->support;
	merged.ncite = it->ncite;
	S_merge_cites(s->a, &merged, cite, sup, n);
	it->cite = merged.cite;
	it->support = merged.sup;
	it->ncite = merged.ncite;
}

/* The first and last day of d..e (a month or year: all its days). */
static void
S_span_days(const struct bdate *d, const struct bdate *e, long *a, long *b)
{
	*a = bdate_days(d->y, d->prec >= DP_MONTH ? d->m : 1,
	    d->prec == DP_DAY ? d->d : 1);
	if (e->prec == DP_DAY) {
		*b = bdate_days(e->y, e->m, e->d);
	} else if (e->prec == DP_MONTH) {
		*b = bdate_days(e->m == 12 ? e->y + 1 : e->y, e->m == 12 ? 1 : e->m + 1,
		    1) - 1;
	} else {
		*b = bdate_days(e->y + 1, 1, 1) - 1;
	}
}

/* Is the event that candidate cd dates a plan when its source wrote:
 * dated after the article's own date, or told in the future tense
 * ("is expected to vote on ratification in March 2025") unless it is
 * the article's own day? */
static int
S_plan(const struct sel *s, const struct cand *cd)
{
	const struct corpus *c = s->c;
	const struct sent_info *in = &c->info[cd->sent];
	const struct bdate *ad = &c->doc[c->s.v[cd->sent].doc].date;
	long a, b, at = 0;
	int dated = ad->prec == DP_DAY && ad->y != 0;
	S_span_days(&cd->date, &cd->end, &a, &b);
	if (dated) {
		at = bdate_days(ad->y, ad->m, ad->d);
		if (a > at)
			return 1;
		if (b < at || (a == at && b == at))
			return 0;
	}
	struct slice t = corpus_text(c, cd->sent);
	for (size_t j = in->date0; j < in->date0 + in->ndate; j++) {
		const struct date_mention *m = &c->dates.v[j];
		if (bdate_cmp(&m->date, &cd->date) == 0 &&
		    m->date.prec == cd->date.prec)
			return dates_tense(t.p, t.n, m->off, m->off + m->len) > 0;
	}
	return 0;
}

/* Days on which the sources report events as done (not planned): the
 * timeline's candidates that are no plans, and the status's date; each
 * list sorted. by[p] holds the first days of those of precision p or
 * finer. */
struct S_done_days {
	long *by[DP_DAY + 1];
	size_t n[DP_DAY + 1];
};

static int
S_cmp_long(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;
	return a < b ? -1 : a > b;
}

/* Is some day of v[0..n) (sorted) within a..b? */
static int
S_any_within(const long *v, size_t n, long a, long b)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] <= b;
}

/* Timeline: candidates by rank. The first acceptable one on a date is
 * that date's entry; later ones on the same date report the same event
 * and add their sources. A candidate that is refused (a repeat, or past
 * the limit) leaves its date open for the next. A plan ("is expected to
 * vote in March 2025", "is set to ratify it next year") gives way when
 * the sources report an event done within its dates, as precisely or
 * more: the event itself stands in the timeline, not what was expected
 * of it. */
static void
S_timeline_take(struct sel *s, int si, struct brief_section *bs, cand_vec *cv)
{
	const struct section_def *d = &s->t->sec[si];
	unsigned char *plan = xcalloc(cv->n + 1, 1);
	struct S_done_days dd;
	memset(&dd, 0, sizeof dd);
	for (int p = DP_YEAR; p <= DP_DAY; p++)
		dd.by[p] = xmalloc((cv->n + 1) * sizeof *dd.by[p]);
	if (cv->n > 1)
		qsort(cv->v, cv->n, sizeof *cv->v, S_cmp_rank);
	for (size_t k = 0; k <= cv->n; k++) {
		const struct bdate *dt = k < cv->n ? &cv->v[k].date : &s->covered;
		long a, b;
		if (dt->prec == DP_NONE || dt->y == 0)
			continue;
		if (k < cv->n && (plan[k] = (unsigned char)S_plan(s, &cv->v[k])))
			continue;
		S_span_days(dt, dt, &a, &b);
		for (int p = DP_YEAR; p <= (int)dt->prec; p++)
			dd.by[p][dd.n[p]++] = a;
	}
	for (int p = DP_YEAR; p <= DP_DAY; p++)
		qsort(dd.by[p], dd.n[p], sizeof *dd.by[p], S_cmp_long);
	bs->item = arena_alloc(s->a, ((size_t)d->max_items + 1) * sizeof *bs->item);
	for (size_t k = 0; k < cv->n; k++) {
		struct cand *cd = &cv->v[k];
		size_t j = 0;
		if (plan[k]) {
			long a, b;
			int p = (int)cd->date.prec;
			S_span_days(&cd->date, &cd->end, &a, &b);
			if (p >= DP_YEAR && S_any_within(dd.by[p], dd.n[p], a, b)) {
				S_note(s, cd->sent, -1, "a plan; the sources report the event itself");
				continue;
			}
		}
		while (j < bs->n && !(bdate_cmp(&bs->item[j].date, &cd->date) == 0 &&
		    bs->item[j].date.prec == cd->date.prec &&
		    bdate_cmp(&bs->item[j].end, &cd->end) == 0))
			j++;
		if (j < bs->n) {
			if (cd->cite == NULL && cd->fact >= 0)
				S_fact_cites(s, cd->fact, cd);
			S_item_add_cites(s, &bs->item[j], cd->cite, cd->sup, cd->ncite);
			s->fact_used[cd->fact] = 1;
			S_note(s, cd->sent, -1, "same date as a better timeline entry");
			continue;
		}
		cand_vec one = { cd, 1, 1 };
		S_take_n(s, si, bs, &one, 1);
	}
	free(plan);
	for (int p = DP_YEAR; p <= DP_DAY; p++)
		free(dd.by[p]);
	/* one event, one entry: a month ("concurred in December") gives way
	 * to a day in it that reports the same stage or cue ("on Monday gave
	 * its concurrence"), which takes its sources */
	size_t w = 0;
	for (size_t a = 0; a < bs->n; a++) {
		struct item *it = &bs->item[a];
		size_t b = 0;
		for (; it->date.prec == DP_MONTH && b < bs->n; b++) {
			const struct item *o = &bs->item[b];
			if (o->date.prec == DP_DAY && o->date.y == it->date.y &&
			    o->date.m == it->date.m && ((it->label && o->label &&
			    strcmp(it->label, o->label) == 0) ||
			    (s->sc[it->sent].done & s->sc[o->sent].done)))
				break;
		}
		if (it->date.prec == DP_MONTH && b < bs->n) {
			S_item_add_cites(s, &bs->item[b], it->cite, it->support, it->ncite);
			S_note(s, it->sent, -1, "the same event as a timeline entry dated to the day");
			continue;
		}
		bs->item[w++] = *it;
	}
	bs->n = w;
}

/* ---- facts -------------------------------------------------------- */

/* Does sentence i still call a stage to come that the sources have
 * since reported done? (The latest status wins.) */
static int
S_stale(const struct sel *s, const struct brief *b, size_t i)
{
	int p = s->sc[i].pending;
	return b->status.stage >= 0 && p >= 0 && p <= b->status.stage &&
	    !((s->sc[i].done >> p) & 1);
}

static double
S_fact_rank(const struct sel *s, size_t i, double aff, size_t ndoc)
{
	/* a long sentence gathers cues by length alone: normalise */
	double len = 1.0 + (double)s->c->info[i].words / 40.0;
	double r = aff / len * (0.75 + 0.5 * s->sc[i].central) * S_corroboration(ndoc);
	if (s->c->info[i].flags & AF_ANAPHOR)
		r *= 0.75;
	if (s->sc[i].topic <= 0)   /* no topic word: likely, not surely, a digression */
		r *= 0.75;
	return r;
}

/* The facts or timeline section fact f fits best, or -1; *aff gets
 * the affinity that counts there. floor scales each section's
 * min_score (1: a candidate; SPARE: a spare). */
static int
S_best_section(const struct sel *s, size_t f, struct cand *cd, double *aff_out,
	double floor)
{
	size_t i = s->facts.v[f].rep;
	int best = -1;
	double best_fit = 0;
	for (size_t k = 0; k < s->t->nsec; k++) {
		const struct section_def *sd = &s->t->sec[k];
		struct bdate d, e;
		const char *label = NULL;
		double aff;
		if (sd->kind == SK_FACTS && sd->about && s->sc[i].self < 0)
			continue;   /* another agreement's terms are not this one's */
		if (sd->kind == SK_FACTS)
			aff = s->sc[i].sec[k];
		else if (sd->kind == SK_TIMELINE)
			aff = S_timeline_event(s, (int)k, i, &d, &e, NULL, &label);
		else
			continue;
		if (aff < sd->min_score * floor)
			continue;
		if (sd->kind == SK_TIMELINE && s->covered.prec != DP_NONE &&
		    bdate_cmp(&d, &s->covered) == 0 && d.prec == s->covered.prec)
			continue;   /* the status line dates it: no fact twice */
		double fit = aff / (sd->min_score > 0 ? sd->min_score : 1);
		if (fit > best_fit) {
			best_fit = fit, best = (int)k, *aff_out = aff;
			if (sd->kind == SK_TIMELINE)
				cd->date = d, cd->end = e, cd->label = label;
		}
	}
	return best;
}

/* Spares: facts whose cues reach SPARE of a section's min_score but
 * not the whole of it. Selection takes them into the room their
 * sections have left, set aside (dropped); fitting brings them in, the
 * best first, only while the page has room (pipeline.c), so a brief
 * from few sources fills its page and a full one is unchanged. */
#define SPARE 0.5
#define SPARE_WORDS 10  /* a shorter spare is a link, not a fact */

/* A timeline spare opens a date of its own: its date's entry, if the
 * timeline has one, is better sourced already. */
static int
S_date_taken(const struct sel *s, const struct brief_section *bs, const struct cand *cd)
{
	if (s->covered.prec != DP_NONE && bdate_cmp(&cd->date, &s->covered) == 0)
		return 1;
	for (size_t j = 0; j < bs->n; j++)
		if (bdate_cmp(&bs->item[j].date, &cd->date) == 0)
			return 1;
	return 0;
}

/* A spare must stand alone more surely than a candidate, as it will
 * be printed (its lead trimmed): no opening pronoun; no "these" or "those" ("onto those islands"), nor "that"
 * closing a phrase on its noun ("rejected that argument,"), pointing
 * back; no pronoun before the first name ("None of them belongs to
 * the European Union"). */
static int
S_spare_ok(struct sel *s, size_t i)
{
	const struct sentence *se = &s->c->s.v[i];
	struct slice t = S_trim_lead(s, corpus_text(s->c, i), !!(se->flags & SF_BULLET));
	int named = 0, first = 1;

	if (s->c->info[i].flags & AF_ANAPHOR || S_points_back(t) != 0 ||
	    s->c->info[i].words < SPARE_WORDS)
		return 0;
	for (size_t k = 0; k < t.n; ) {
		size_t a = k;
		while (k < t.n && isalpha((unsigned char)t.p[k]))
			k++;
		size_t n = k - a;
		if (n > 0) {
			if (lex_is(LEX_BACK_DEMONSTRATIVE, t.p + a, n))
				return 0;
			if (n == 4 && memcmp(t.p + a, "that", 4) == 0 && k + 1 < t.n &&
			    t.p[k] == ' ' && islower((unsigned char)t.p[k + 1])) {
				size_t e = k + 1;
				while (e < t.n && isalpha((unsigned char)t.p[e]))
					e++;
				if (e < t.n && strchr(",.;:", t.p[e]) != NULL)
					return 0;
			}
			if (!first && isupper((unsigned char)t.p[a]))
				named = 1;
			if (!named && lex_is(LEX_BACK_PRONOUN, t.p + a, n))
				return 0;
			first = 0;
		}
		if (k == a)
			k++;
	}
	return 1;
}

static void
S_spares(struct sel *s, int si, struct brief_section *bs, cand_vec *cv)
{
	size_t n0 = bs->n;

	if (cv->n == 0 || bs->n >= (size_t)s->t->sec[si].max_items)
		return;
	if (s->t->sec[si].kind == SK_TIMELINE) {
		qsort(cv->v, cv->n, sizeof *cv->v, S_cmp_rank);
		for (size_t k = 0; k < cv->n; k++) {
			cand_vec one = { &cv->v[k], 1, 1 };
			if (cv->v[k].date.prec == DP_NONE || S_plan(s, &cv->v[k]) ||
			    S_date_taken(s, bs, &cv->v[k]))
				continue;
			S_take_n(s, si, bs, &one, 1);
		}
	} else {
		S_take_n(s, si, bs, cv, SIZE_MAX);
	}
	for (size_t j = n0; j < bs->n; j++) {
		bs->item[j].spare = 1;
		bs->item[j].dropped = 1;
	}
}

static void
S_facts(struct sel *s, struct brief *b)
{
	cand_vec *per = xcalloc(s->t->nsec, sizeof *per);
	cand_vec *spare = xcalloc(s->t->nsec, sizeof *spare);
	for (size_t f = 0; f < s->facts.n; f++) {
		if (s->fact_used[f])
			continue;
		struct cand cd = { s->facts.v[f].rep, (long)f, NULL, { 0 }, { 0 }, 0, NULL, 0, { 0 }, NULL, NULL };
		double aff = 0;
		int k = S_best_section(s, f, &cd, &aff, 1);
		cand_vec *to = per;
		if (k < 0) {
			S_note(s, cd.sent, -1, "fits no section (cue score below min_score)");
			if (!S_spare_ok(s, cd.sent) ||
			    (k = S_best_section(s, f, &cd, &aff, SPARE)) < 0)
				continue;
			if (s->t->sec[k].about && (s->c->info[cd.sent].ndate > 0 ||
			    (s->c->info[cd.sent].flags & (AF_VIEW | AF_REPORTED))))
				continue;   /* news of a date, or what someone
				             * said: not the agreement's terms */
			to = spare;
		}
		cd.rank = S_fact_rank(s, cd.sent, aff, s->facts.v[f].ndoc);
		if (s->t->sec[k].kind == SK_FACTS && S_stale(s, b, cd.sent))
			cd.rank *= 0.5;
		/* news of a status change belongs to the bottom line and timeline:
		 * never in a section of the agreement's terms */
		if (s->t->sec[k].kind == SK_FACTS && b->status.stage >= 0 &&
		    s->sc[cd.sent].stage >= b->status.stage - 1) {
			if (s->t->sec[k].about) {
				S_note(s, cd.sent, -1, "news of its status: the bottom line's");
				continue;
			}
			cd.rank *= 0.6;
		}
		VEC_PUSH(&to[k], cd);   /* citations made if taken */
	}
	for (size_t k = 0; k < s->t->nsec; k++) {
		if (s->t->sec[k].kind == SK_TIMELINE)
			S_timeline_take(s, (int)k, &b->sec[k], &per[k]);
		else if (s->t->sec[k].kind == SK_FACTS)
			S_take(s, (int)k, &b->sec[k], &per[k]);
		VEC_FREE(&per[k]);
	}
	/* spares last: they never stand in a candidate's way */
	for (size_t k = 0; k < s->t->nsec; k++) {
		if (s->t->sec[k].kind == SK_TIMELINE || s->t->sec[k].kind == SK_FACTS)
			S_spares(s, (int)k, &b->sec[k], &spare[k]);
		if (s->t->sec[k].kind == SK_TIMELINE)
			qsort(b->sec[k].item, b->sec[k].n, sizeof *b->sec[k].item, S_cmp_date);
		VEC_FREE(&spare[k]);
	}
	free(per);
	free(spare);
}

/* ---- supporting sources ------------------------------------------ */

/* Is most of sentence j (by weight) already said by item sentence i? */
static int
S_supports(const struct sel *s, size_t j, size_t i)
{
	const struct sent_info *in = &s->c->info[j];
	if (in->flags & (NOT_ITEM | AF_FIRST_PERSON) || in->words < 6)
		return 0;
	return cluster_novelty(s->c, j, &i, 1) <= SUPPORT;
}

/* Does sentence j report an event on the day of timeline item it? */
static int
S_same_day(const struct sel *s, int si, size_t j, const struct item *it)
{
	struct bdate d, e;
	int anchored = 0;
	if (it->date.prec != DP_DAY || (s->c->info[j].flags & (NOT_ITEM | AF_FIRST_PERSON)))
		return 0;
	if (S_timeline_event(s, si, j, &d, &e, &anchored, NULL) < 0 || !anchored)
		return 0;
	return bdate_cmp(&d, &it->date) == 0 && bdate_cmp(&e, &it->end) == 0;
}

/* Which sentences may support an item, without comparing the item with
 * every sentence: prefix filtering. A sentence supports an item when at
 * most SUPPORT of its stems' weight is missing from the item; so it
 * shares with the item at least one of its heaviest stems that
 * together weigh more than SUPPORT of the whole (its prefix), else the
 * missing weight would exceed that. Each sentence is indexed under its
 * prefix stems only (rare stems, few sentences each); an item's
 * candidates are the sentences indexed under its stems, plus those
 * with no stem weight at all (which nothing is missing from). Only the
 * candidates are then checked, in sentence order, as before. */
struct post {
	uint32_t stem;
	uint32_t sent;
};

static int
S_post_cmp(const void *pa, const void *pb)
{
	const struct post *a = pa, *b = pb;
	if (a->stem != b->stem)
		return a->stem < b->stem ? -1 : 1;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

static int
S_sw_heavier(const void *pa, const void *pb)
{
	const struct stem_weight *a = pa, *b = pb;
	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	return a->stem < b->stem ? -1 : a->stem > b->stem;
}

static int
S_size_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

typedef VEC(size_t) size_vec;

struct support_index {
	struct post *p;
	size_t n;
	size_vec weightless;     /* sentences with no stem weight */
};

static void
S_support_index(const struct sel *s, const unsigned char *eligible,
	struct support_index *x)
{
	VEC(struct post) p = { 0 };
	struct stem_weight tmp[CORPUS_MAX_STEMS];

	memset(x, 0, sizeof *x);
	for (size_t j = 0; j < s->c->s.n; j++) {
		const struct sent_info *in = &s->c->info[j];
		size_t n;
		double total = 0, cum = 0;

		if (!eligible[j] && !(in->flags & AF_VIEW))
			continue;
		if (in->flags & (NOT_ITEM | AF_FIRST_PERSON) || in->words < 6)
			continue;       /* never supports (S_supports) */
		const struct stem_weight *sw = corpus_stems(s->c, j, &n);
		for (size_t k = 0; k < n; k++)
			total += sw[k].w;
		if (!(total > 0)) {
			VEC_PUSH(&x->weightless, j);
			continue;
		}
		memcpy(tmp, sw, n * sizeof *tmp);
		qsort(tmp, n, sizeof *tmp, S_sw_heavier);
		/* past SUPPORT of the weight, with room for rounding */
		double need = SUPPORT * total * (1 + 1e-9);
		for (size_t k = 0; k < n && cum <= need; k++) {
			struct post q = { tmp[k].stem, (uint32_t)j };
			VEC_PUSH(&p, q);
			cum += tmp[k].w;
		}
	}
	if (p.n > 1)
		qsort(p.v, p.n, sizeof *p.v, S_post_cmp);
	x->p = p.v;
	x->n = p.n;
}

/* The candidates for item sentence i, ascending, into out. */
static void
S_support_candidates(const struct sel *s, const struct support_index *x,
	size_t i, size_vec *out)
{
	size_t n;
	const struct stem_weight *sw = corpus_stems(s->c, i, &n);

	out->n = 0;
	for (size_t k = 0; k < n; k++) {
		size_t lo = 0, hi = x->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (x->p[mid].stem < sw[k].stem)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < x->n && x->p[lo].stem == sw[k].stem; lo++)
			VEC_PUSH(out, (size_t)x->p[lo].sent);
	}
	for (size_t k = 0; k < x->weightless.n; k++)
		VEC_PUSH(out, x->weightless.v[k]);
}

/* Cite every source that says what an item says, in other words too:
 * a sentence most of whose content the item already carries (found
 * through the index above), or for a timeline item, a sentence that
 * reports an event on its day (one with a date mention of that day).
 * One mark per source. */
static void
S_support(struct sel *s, struct brief *b, const unsigned char *eligible)
{
	size_t nd = s->c->ndoc ? s->c->ndoc : 1;
	unsigned char *mark = xmalloc(nd);
	size_t *which = xmalloc(nd * sizeof *which);
	struct support_index x;
	size_vec cand = { 0 };

	S_support_index(s, eligible, &x);
	for (size_t k = 0; k < b->nsec; k++)
		for (size_t m = 0; m < b->sec[k].n; m++) {
			struct item *it = &b->sec[k].item[m];
			size_t added = 0;
			int timeline = b->sec[k].def->kind == SK_TIMELINE &&
			    it->date.prec == DP_DAY;
			memset(mark, 0, nd);
			for (size_t c = 0; c < it->ncite; c++) {
				mark[it->cite[c] - 1] = 1;   /* ids are doc index + 1 */
				which[it->cite[c] - 1] = it->support[c];
			}
			S_support_candidates(s, &x, it->sent, &cand);
			for (size_t j = 0; timeline && j < s->c->s.n; j++) {
				const struct sent_info *in = &s->c->info[j];
				for (size_t q = in->date0; q < in->date0 + in->ndate; q++)
					if (bdate_cmp(&s->c->dates.v[q].date, &it->date) == 0) {
						VEC_PUSH(&cand, j);
						break;
					}
			}
			if (cand.n > 1)
				qsort(cand.v, cand.n, sizeof *cand.v, S_size_cmp);
			for (size_t q = 0; q < cand.n; q++) {
				size_t j = cand.v[q];
				int doc = s->c->s.v[j].doc;
				if (q > 0 && cand.v[q - 1] == j)
					continue;
				if (mark[doc] || (!eligible[j] && !(s->c->info[j].flags & AF_VIEW)))
					continue;
				if (S_supports(s, j, it->sent) || (b->sec[k].def->kind == SK_TIMELINE &&
				    S_same_day(s, (int)k, j, it)))
					mark[doc] = 1, which[doc] = j, added++;
			}
			if (added == 0)
				continue;
			it->cite = arena_alloc(s->a, (it->ncite + added) * sizeof *it->cite);
			it->support = arena_alloc(s->a, (it->ncite + added) * sizeof *it->support);
			it->ncite = 0;
			for (size_t d = 0; d < s->c->ndoc; d++)
				if (mark[d]) {
					it->support[it->ncite] = which[d];
					it->cite[it->ncite++] = s->c->doc[d].id;
				}
		}
	free(x.p);
	VEC_FREE(&x.weightless);
	VEC_FREE(&cand);
	free(mark);
	free(which);
}

/* ---- explain ------------------------------------------------------ */

/* Print at most max bytes of s, never cutting a UTF-8 sequence. */
static void
S_put_prefix(FILE *fp, struct slice s, size_t max)
{
	size_t n = s.n > max ? utf_cut(s.p, s.n, max) : s.n;

	fprintf(fp, "%.*s%s", (int)n, s.p, n < s.n ? "\xE2\x80\xA6" : "");
}

static const struct item *
S_item_of(const struct brief *b, size_t i)
{
	for (size_t k = 0; k < b->nsec; k++)
		for (size_t j = 0; j < b->sec[k].n; j++)
			if (b->sec[k].item[j].sent == i)
				return &b->sec[k].item[j];
	return NULL;
}

void
select_explain(const struct brief *b, FILE *fp)
{
	const struct corpus *c = b->c;
	const struct template *t = b->t;
	fprintf(fp, "# source:line\tcentral\ttopic\t");
	for (size_t k = 0; k < t->nsec; k++)
		fprintf(fp, "%s\t", t->sec[k].id);
	fprintf(fp, "fact\trank\tdecision\ttext\n");
	for (size_t i = 0; i < c->s.n; i++) {
		const struct sentence *se = &c->s.v[i];
		fprintf(fp, "%s:%d\t%.2f\t%.1f\t", c->doc[se->doc].name, se->line,
		    b->sc[i].central, b->sc[i].topic);
		for (size_t k = 0; k < t->nsec; k++)
			fprintf(fp, "%.1f\t", b->sc[i].sec[k]);
		fprintf(fp, "%ld\t%.2f\t", b->why[i].fact, b->why[i].rank);
		const struct item *it = b->why[i].sec >= 0 ? S_item_of(b, i) : NULL;
		if (it != NULL && it->spare)
			fprintf(fp, it->dropped ? "dropped: a spare, for a page with room (%s)" :
			    "kept in %s (a spare: the page had room)", t->sec[b->why[i].sec].id);
		else if (it != NULL && it->dropped)
			fprintf(fp, "dropped: lowest ranked when fitting the page (%s)",
			    t->sec[b->why[i].sec].id);
		else if (b->why[i].sec >= 0)
			fprintf(fp, "kept in %s", t->sec[b->why[i].sec].id);
		else
			fprintf(fp, "dropped: %s", b->why[i].reason ? b->why[i].reason :
			    "not ranked");
		fputc('\t', fp);
		S_put_prefix(fp, corpus_text(c, i), 90);
		fputc('\n', fp);
	}
}

/* ---- entry points ------------------------------------------------- */

/* The newest date a source carries (its Date: header); none if no
 * source is dated. Dates inside the articles are not used: a scheduled
 * summit is not news of that day. */
static void
S_latest(struct brief *b)
{
	const struct corpus *c = b->c;
	memset(&b->latest, 0, sizeof b->latest);
	for (size_t k = 0; k < c->ndoc; k++)
		if (c->doc[k].date.prec != DP_NONE && bdate_cmp(&c->doc[k].date, &b->latest) > 0)
			b->latest = c->doc[k].date;
}

/* Hand the decisions (already in the arena) to the brief. */
static void
S_keep_why(struct sel *s, struct brief *out)
{
	out->sc = s->sc;
	for (size_t i = 0; i < s->c->s.n; i++)
		s->why[i].fact = s->fact_of[i];
	out->why = s->why;
}

void
select_brief(const struct corpus *c, const struct score *sc,
	const struct template *t, struct arena *a, struct brief *out)
{
	struct sel s = { c, sc, t, a, { 0 }, NULL, NULL, NULL, { 0 }, NULL, -1, { 0, 0, 0, DP_NONE }, NULL };
	size_t n = c->s.n ? c->s.n : 1;
	unsigned char *eligible = xcalloc(n, 1);

	s.why = arena_alloc(a, n * sizeof *s.why);
	for (size_t i = 0; i < c->s.n; i++) {
		s.why[i].sec = -1;
		s.why[i].reason = S_reject_reason(c->info[i].flags);
		if (c->info[i].flags & AF_VIEW)
			s.why[i].reason = "part of a view";
		eligible[i] = !(c->info[i].flags & (NOT_ITEM | AF_VIEW));
	}
	s.fact_of = xcalloc(n, sizeof *s.fact_of);
	cluster_corpus(c, sc, eligible, a, &s.facts, s.fact_of);
	for (size_t i = 0; i < c->s.n; i++)
		if (s.fact_of[i] >= 0 && s.facts.v[s.fact_of[i]].rep != i)
			s.why[i].reason = "same fact as a clearer sentence of its cluster";
	s.fact_used = xcalloc(s.facts.n ? s.facts.n : 1, 1);
	s.fact_sup = xcalloc(s.facts.n ? s.facts.n : 1, sizeof *s.fact_sup);
	s.doc_about = xcalloc(c->ndoc ? c->ndoc : 1, 1);
	for (size_t i = 0, lead = 0; i < c->s.n; i++) {
		int dk = c->s.v[i].doc;
		lead = (i == 0 || c->s.v[i - 1].doc != dk) ? 0 : lead + 1;
		if ((lead < 3 || (c->s.v[i].flags & SF_TITLE)) && sc[i].self == 2)
			s.doc_about[dk] = 1;   /* its headline or lead names it */
	}
	memset(out, 0, sizeof *out);
	out->status.stage = -1;
	out->status.contradicted = -1;
	out->t = t;
	out->c = c;
	out->nsec = t->nsec;
	out->sec = arena_alloc(a, (t->nsec ? t->nsec : 1) * sizeof *out->sec);
	for (size_t k = 0; k < t->nsec; k++)
		out->sec[k].def = &t->sec[k];
	for (size_t k = 0; k < t->nsec; k++)
		if (t->sec[k].kind == SK_SUMMARY)
			S_summary(&s, (int)k, &out->sec[k], out);
	for (size_t k = 0; k < t->nsec; k++)
		if (t->sec[k].kind == SK_QUOTES)
			S_views(&s, (int)k, &out->sec[k]);
	S_facts(&s, out);
	S_support(&s, out, eligible);
	S_latest(out);
	S_keep_why(&s, out);
	free(eligible);
	free(s.fact_of);
	free(s.fact_used);
	free(s.fact_sup);
	free(s.doc_about);
	VEC_FREE(&s.facts);
	VEC_FREE(&s.chosen);
}

/* A droppable item and what orders it. */
struct drop_key {
	struct item *it;
	double r;          /* rank relative to its section's best */
	size_t sec, pos;   /* ties: the earlier section and item first */
};

static int
S_drop_cmp(const void *a, const void *b)
{
	const struct drop_key *x = a, *y = b;

	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

size_t
select_drop_order(const struct brief *b, struct item **order)
{
	size_t total = 0, n = 0, got = 0;

	for (size_t k = 0; k < b->nsec; k++)
		total += b->sec[k].n;
	struct drop_key *key = xcalloc(total ? total : 1, sizeof *key);
	size_t *alive = xcalloc(b->nsec ? b->nsec : 1, sizeof *alive);
	for (size_t k = 0; k < b->nsec; k++) {
		const struct brief_section *bs = &b->sec[k];
		double top = 0;

		for (size_t j = 0; j < bs->n; j++) {
			alive[k] += !bs->item[j].dropped;
			if (bs->item[j].rank > top)
				top = bs->item[j].rank;
		}
		/* rank relative to the section's best, so sections compete fairly */
		for (size_t j = 0; j < bs->n; j++)
			if (!bs->item[j].dropped && !bs->item[j].pinned)
				key[n++] = (struct drop_key){ &bs->item[j],
				    bs->item[j].rank / (top > 0 ? top : 1), k, j };
	}
	qsort(key, n, sizeof *key, S_drop_cmp);
	for (size_t q = 0; q < n; q++) {
		size_t k = key[q].sec;

		if (alive[k] <= (size_t)b->sec[k].def->min_items)
			continue;      /* the section is down to its minimum */
		alive[k]--;
		order[got++] = key[q].it;
	}
	free(key);
	free(alive);
	return got;
}

int
select_drop_one(struct brief *b)
{
	size_t total = 0;

	for (size_t k = 0; k < b->nsec; k++)
		total += b->sec[k].n;
	struct item **order = xcalloc(total ? total : 1, sizeof *order);
	size_t n = select_drop_order(b, order);

	if (n > 0)
		order[0]->dropped = 1;
	free(order);
	return n > 0 ? 0 : -1;
}
