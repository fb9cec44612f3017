/*
 * score.c -- centrality, topic and per-section cue affinity.
 *
 * Document frequencies come from the corpus's stem table (annotate.c).
 */
#include "brief/score.h"

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

double
score_cues(const struct cue_set *cs, const struct token *tok, size_t n)
{
	double sum = 0;
	for (size_t q = 0; q < cs->n; q++) {
		const struct cue *cue = &cs->v[q];
		for (size_t k = 0; k + (size_t)cue->nstem <= n; k++) {
			int j = 0;
			while (j < cue->nstem && tok[k + (size_t)j].stem == cue->stem[j])
				j++;
			if (j == cue->nstem) {
				sum += cue->weight;
				break;
			}
		}
	}
	return sum;
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

void
score_corpus(const struct corpus *c, const struct template *t,
	struct arena *a, struct score *out)
{
	double top = 0;
	for (size_t i = 0; i < c->s.n; i++) {
		const struct sent_info *in = &c->info[i];
		out[i].central = S_central(c, i);
		if (out[i].central > top)
			top = out[i].central;
		out[i].topic = score_cues(&t->topic, c->tok.v + in->tok0, in->ntok);
		out[i].sec = arena_alloc(a, (t->nsec ? t->nsec : 1) * sizeof(double));
		for (size_t s = 0; s < t->nsec; s++)
			out[i].sec[s] = S_affinity(c, i, &t->sec[s]);
	}
	for (size_t i = 0; top > 0 && i < c->s.n; i++)
		out[i].central /= top;
}
