/*
 * score.c -- centrality, topic and per-section cue affinity.
 *
 * Document frequencies come from the corpus's stem table (annotate.c).
 */
#include "brief/score.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <math.h>
#include <string.h>

/* Sum over distinct content stems of (share of sources using it) x
 * log(1 + sentences using it), over sqrt(length): raw centrality. */
static double
S_central(const struct corpus *c, size_t i)
{
	const struct sent_info *in = &c->info[i];
	double sum = 0, ndoc = (double)(c->ndoc ? c->ndoc : 1);
	size_t content = 0;
	if (in->flags & AF_TOO_LONG)   /* never an item; and the loop below is per word pair */
		return 0;
	for (size_t k = in->tok0; k < in->tok0 + in->ntok; k++) {
		const struct token *t = &c->tok.v[k];
		if (t->flags & TK_STOP)
			continue;
		int seen = 0;
		for (size_t j = in->tok0; j < k && !seen; j++)
			seen = c->tok.v[j].stem == t->stem;
		if (seen)
			continue;
		content++;
		const struct stem_stat *d = corpus_stem(c, t->stem);
		if (d)
			sum += ((double)d->docs / ndoc) * log1p((double)d->sents - 1);
	}
	return content ? sum / sqrt((double)content + 4) : 0;
}

/* Where one cue first matches in tok[0..n): token index, or -1. */
static long
S_cue_match(const struct cue *cue, const struct token *tok, size_t n)
{
	for (size_t k = 0; k + (size_t)cue->nstem <= n; k++) {
		int j = 0;
		while (j < cue->nstem && tok[k + (size_t)j].stem == cue->stem[j])
			j++;
		if (j == cue->nstem)
			return (long)k;
	}
	return -1;
}

double
score_cues(const struct cue_set *cs, const struct token *tok, size_t n)
{
	unsigned char small[256], *hit = small;
	double sum = 0;

	if (cs->nslot == 0 || cs->n == 0) {   /* a set not indexed */
		for (size_t q = 0; q < cs->n; q++)
			if (S_cue_match(&cs->v[q], tok, n) >= 0)
				sum += cs->v[q].weight;
		return sum;
	}
	if (cs->n > sizeof small)
		hit = xcalloc(cs->n, 1);
	else
		memset(small, 0, cs->n);
	/* the cues that start with each token's stem, tried there */
	for (size_t k = 0; k < n; k++)
		for (uint32_t q = cs->slot[tok[k].stem & (cs->nslot - 1)]; q != 0;
		     q = cs->next[q - 1]) {
			const struct cue *c = &cs->v[q - 1];
			int j = 0;

			if (hit[q - 1] || k + (size_t)c->nstem > n)
				continue;
			while (j < c->nstem && tok[k + (size_t)j].stem == c->stem[j])
				j++;
			hit[q - 1] = j == c->nstem;
		}
	for (size_t q = 0; q < cs->n; q++)   /* summed in cue order */
		if (hit[q])
			sum += cs->v[q].weight;
	if (hit != small)
		free(hit);
	return sum;
}

long
score_cue_at(const struct cue_set *cs, const struct token *tok, size_t n)
{
	long first = -1;

	if (cs->nslot > 0 && cs->n > 0) {   /* the first token a cue starts at */
		for (size_t k = 0; k < n; k++)
			for (uint32_t q = cs->slot[tok[k].stem & (cs->nslot - 1)];
			     q != 0; q = cs->next[q - 1]) {
				const struct cue *c = &cs->v[q - 1];
				int j = 0;

				if (k + (size_t)c->nstem > n)
					continue;
				while (j < c->nstem && tok[k + (size_t)j].stem == c->stem[j])
					j++;
				if (j == c->nstem)
					return (long)k;
			}
		return -1;
	}
	for (size_t q = 0; q < cs->n; q++) {
		long k = S_cue_match(&cs->v[q], tok, n);
		if (k >= 0 && (first < 0 || k < first))
			first = k;
	}
	return first;
}

/* Is token t (of sentence text s) in list l, in any case? */
static int
S_word_in(struct slice s, const struct token *t, enum lex_list l)
{
	return lex_is_ci(l, s.p + t->off, t->len);
}

/* Is there clause punctuation between tokens a and b: , ; : ( ) or a
 * character of U+2000..U+2FFF (dashes, curly quotes, ellipsis, and the
 * symbol blocks after them)? */
static int
S_gap_breaks(struct slice s, const struct token *a, const struct token *b)
{
	size_t end = b->off < s.n ? b->off : s.n;

	for (size_t k = a->off + a->len; k < end;) {
		UChar32 c = utf_next(s.p, end, &k);
		if ((c > 0 && c < 0x80 && strchr(",;:()", c) != NULL) ||
		    (c >= 0x2000 && c <= 0x2FFF))
			return 1;
	}
	return 0;
}

/* A modal or future verb in sentence i after token k. */
static int
S_future_after(const struct corpus *c, size_t i, size_t k)
{
	const struct sent_info *in = &c->info[i];
	struct slice s = corpus_text(c, i);
	for (size_t j = k + 1; j < in->ntok; j++)
		if (S_word_in(s, &c->tok.v[in->tok0 + j], LEX_MODAL))
			return 1;
	return 0;
}

int
score_prospective(const struct corpus *c, size_t i, size_t k)
{
	const struct sent_info *in = &c->info[i];
	struct slice s = corpus_text(c, i);
	const struct token *t = c->tok.v + in->tok0;
	/* look back and ahead within the clause only */
	for (size_t back = 1; back <= 3 && back <= k; back++) {
		if (S_gap_breaks(s, &t[k - back], &t[k - back + 1]))
			break;
		if (S_word_in(s, &t[k - back], LEX_PROSPECTIVE))
			return 1;
	}
	for (size_t back = 1; back <= 3 && back <= k; back++) {
		if (S_gap_breaks(s, &t[k - back], &t[k - back + 1]))
			break;
		if (S_word_in(s, &t[k - back], LEX_NEGATION))
			return 1;
	}
	/* a condition: "once ratified", "after it is signed" (not "after it
	 * was signed") */
	for (size_t back = 1; back <= 10 && back <= k; back++) {
		if (S_gap_breaks(s, &t[k - back], &t[k - back + 1]))
			break;
		if (S_word_in(s, &t[k - back], LEX_PAST_AUX))
			break;
		if (S_word_in(s, &t[k - back], LEX_CONDITIONAL))
			return 1;
	}
	/* a purpose or a supposition: "by signing the pact, both will be
	 * able to", "passing the bill would put Britain in breach" */
	if (t[k].len > 3 && memcmp(s.p + t[k].off + t[k].len - 3, "ing", 3) == 0 &&
	    S_future_after(c, i, k))
		return 1;
	for (size_t fwd = 1; fwd <= 4 && k + fwd < in->ntok; fwd++) {
		if (S_gap_breaks(s, &t[k + fwd - 1], &t[k + fwd]))
			break;
		if (S_word_in(s, &t[k + fwd], LEX_MODAL) &&
		    !(t[k + fwd].flags & TK_CAP))   /* "in May" is a month */
			return 1;
	}
	return 0;
}

/* Is sentence i about the template's own agreement? -1: it speaks of
 * another agreement; 0: not plainly; 1: it speaks of "the pact" (a definite agreement noun or "the
 * document"); 2: it names the agreement (a topic cue of weight 2.5 or
 * more) or a party to it (a capitalised topic cue). Never when it speaks
 * of another agreement: an agreement noun in the plural or marked as
 * another ("similar", "earlier", "interim"), or owned by someone the
 * topic does not know ("Australia's visiting forces agreement"). A
 * template whose topic names nobody asks for no name. */
static int
S_about_self(const struct corpus *c, size_t i, const struct cue_set *topic,
	long cue)
{
	const struct sent_info *in = &c->info[i];
	struct slice s = corpus_text(c, i);
	const struct token *t = c->tok.v + in->tok0;
	size_t lo = 0, hi = in->ntok;
	int named = 0, names = 0, refers = 0, strong = 0;
	if (cue >= 0) {
		/* a stage cue: its own clause only ("signed an arrangement ...,
		 * and sealed six other agreements") */
		lo = hi = (size_t)cue;
		while (lo > 0 && cue - (long)lo < 14 && !S_gap_breaks(s, &t[lo - 1], &t[lo]))
			lo--;
		while (hi + 1 < in->ntok && (long)hi - cue < 14 &&
		    !S_gap_breaks(s, &t[hi], &t[hi + 1]))
			hi++;
		hi++;
	}
	for (size_t q = 0; q < topic->n; q++) {
		const struct cue *cu = &topic->v[q];
		int proper = cu->text[0] >= 'A' && cu->text[0] <= 'Z';
		if (cu->weight >= 2.5 || (proper && cu->weight >= 0.5)) {
			names = 1;
			if (S_cue_match(cu, t + lo, hi - lo) >= 0) {
				named = 1;
				strong |= cu->weight >= 2.5;
			}
		}
	}
	int nouns = 0, indefinite = 0;
	for (size_t k = lo; k < hi; k++) {
		if (S_word_in(s, &t[k], LEX_AGREEMENT_PLURAL))
			return -1;
		int noun = S_word_in(s, &t[k], LEX_AGREEMENT_NOUN);
		if (!noun && !(t[k].len == 8 && memcmp(s.p + t[k].off, "document", 8) == 0))
			continue;
		nouns++;
		/* "the Visiting Forces Agreement": another agreement's name,
		 * unless this one is named too */
		if (noun && k > lo && (t[k].flags & TK_CAP) && (t[k - 1].flags & TK_CAP) &&
		    score_cues(topic, &t[k - 1], 1) <= 0 && !strong)
			return -1;
		for (size_t back = 1; back <= 5 && back <= k - lo; back++) {
			const struct token *b = &t[k - back];
			if (back <= 3 && S_word_in(s, b, LEX_OTHER_MARK))
				return -1;
			if (S_word_in(s, b, LEX_DEFINITE)) {
				refers = 1;
				break;
			}
			if (S_word_in(s, b, LEX_INDEFINITE)) {
				indefinite = 1;   /* "a visiting forces deal" */
				break;
			}
			/* "Australia's ... agreement": an owner the topic lacks */
			if (b->off + b->len + 2 <= s.n && s.p[b->off + b->len] == '\'' &&
			    s.p[b->off] >= 'A' && s.p[b->off] <= 'Z' &&
			    score_cues(topic, b, 1) <= 0)
				return -1;
		}
	}
	if (named)
		return 2;
	if (cue >= 0 && nouns == 0 && !indefinite)
		return S_about_self(c, i, topic, -1);   /* "The pact, forwarded
		                                         * for ratification by X," */
	if (refers || !names)
		return 1;
	return 0;
}

/* The stages sentence i reports: the highest asserted as done, and the
 * highest spoken of as still to come. */
static void
S_stages(const struct corpus *c, size_t i, const struct section_def *d,
	const struct cue_set *topic, struct score *out)
{
	const struct sent_info *in = &c->info[i];
	struct slice s = corpus_text(c, i);
	if (in->flags & (AF_QUESTION | AF_FRAGMENT))   /* "Has it been ratified?" */
		return;
	/* the reporter's own words only: not quotes */
	if (in->view >= 0 && (c->views.v[in->view].flags & VIEW_QUOTE))
		return;
	/* and about the agreement: "signed similar deals" is someone else's */
	if (out->topic < d->status_topic)
		return;
	for (size_t g = 0; g < d->nstage; g++) {
		long k = score_cue_at(&d->stage[g].cues, c->tok.v + in->tok0, in->ntok);
		if (k < 0 || utf_in_dquotes(s.p, c->tok.v[in->tok0 + (size_t)k].off) ||
		    S_about_self(c, i, topic, k) <= 0)
			continue;
		if (score_prospective(c, i, (size_t)k)) {
			out->pending = (int)g;
		} else {
			out->stage = (int)g;
			if (g < 32)
				out->done |= 1u << g;
		}
	}
}

static int
S_has_date(const struct corpus *c, size_t i)
{
	const struct sent_info *in = &c->info[i];
	for (size_t j = in->date0; j < in->date0 + in->ndate; j++)
		if (c->dates.v[j].date.prec != DP_NONE && c->dates.v[j].date.y != 0)
			return 1;
	return 0;
}

static double
S_affinity(const struct corpus *c, size_t i, const struct section_def *d)
{
	const struct sent_info *in = &c->info[i];
	double a = score_cues(&d->cues, c->tok.v + in->tok0, in->ntok);
	if (in->flags & AF_DESIGNATOR)
		a += d->w_designator;
	if (in->flags & AF_AMOUNT)
		a += d->w_amount;
	if (in->flags & AF_NUMBER)
		a += d->w_number;
	if (S_has_date(c, i))
		a += d->w_date;
	return a;
}

struct score_part {
	const struct corpus *c;
	const struct template *t;
	struct score *out;
};

static void
S_score_range(void *ctx, size_t from, size_t to)
{
	const struct score_part *p = ctx;
	const struct corpus *c = p->c;
	const struct template *t = p->t;
	struct score *out = p->out;

	for (size_t i = from; i < to; i++) {
		const struct sent_info *in = &c->info[i];
		out[i].central = S_central(c, i);
		out[i].topic = score_cues(&t->topic, c->tok.v + in->tok0, in->ntok);
		out[i].stage = out[i].pending = -1;
		out[i].done = 0;
		out[i].self = S_about_self(c, i, &t->topic, -1);
		for (size_t s = 0; s < t->nsec; s++) {
			out[i].sec[s] = S_affinity(c, i, &t->sec[s]);
			if (t->sec[s].kind == SK_SUMMARY)
				S_stages(c, i, &t->sec[s], &t->topic, &out[i]);
		}
	}
}

struct score *
score_corpus(const struct corpus *c, const struct template *t,
	struct arena *a, int threads)
{
	size_t nsec = t->nsec ? t->nsec : 1;
	struct score *out = arena_alloc(a, (c->s.n ? c->s.n : 1) * sizeof *out);
	double *sec = arena_alloc(a, (c->s.n ? c->s.n : 1) * nsec * sizeof *sec);
	struct score_part p = { c, t, out };
	double top = 0;

	for (size_t i = 0; i < c->s.n; i++)
		out[i].sec = sec + i * nsec;
	par_for(c->s.n, c->s.n >= 4096 ? threads : 1, S_score_range, &p);
	for (size_t i = 0; i < c->s.n; i++)
		if (out[i].central > top)
			top = out[i].central;
	for (size_t i = 0; top > 0 && i < c->s.n; i++)
		out[i].central /= top;
	return out;
}
