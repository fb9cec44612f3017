/*
 * score.h -- how central each sentence is across all sources, how much
 * it is on the subject, and how well it fits each template section.
 *
 * Centrality weighs a sentence's content words by how many sources use
 * them (document frequency), so a sentence that says what most sources
 * say ranks above a digression. Cue scores come from the template.
 */
#ifndef BRIEF_SCORE_H
#define BRIEF_SCORE_H

#include <stddef.h>

#include "brief/annotate.h"
#include "brief/template.h"

struct score {
	double central;     /* 0..1, 1 = the most central sentence */
	double topic;       /* sum of the template's topic cue weights */
	double *sec;        /* per template section: affinity (cues+features) */
	int stage;          /* highest status stage asserted as done, -1: none */
	int pending;        /* highest stage spoken of as still to come, -1 */
	unsigned done;      /* bit g: stage g asserted as done */
	int self;           /* about the template's own agreement: 2 names
	                     * it or a party, 1 says "the pact", 0 not
	                     * plainly, -1 speaks of another agreement */
};

/* Score every sentence of c against t: an array of c->s.n scores,
 * which (with their sec arrays) live in the arena. The sentences are
 * scored on up to `threads` threads (the same scores for any number). */
struct score *score_corpus(const struct corpus *c, const struct template *t,
	struct arena *a, int threads);

/* Sum of the weights of the cues present in tokens tok[0..n). */
double score_cues(const struct cue_set *cs, const struct token *tok, size_t n);

/* Where cue set cs first matches in tok[0..n): token index, or -1. */
long score_cue_at(const struct cue_set *cs, const struct token *tok, size_t n);

/* Is the word before token k of sentence i a sign that what follows is
 * still to come ("set to ratify", "will sign", "for ratification")? */
int score_prospective(const struct corpus *c, size_t i, size_t k);

#endif
