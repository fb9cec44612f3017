/*
 * cluster.h -- near-duplicate sentences across (and within) sources
 * become one fact, with every source that says it.
 *
 * MinHash signatures over content-word stems, banded (LSH) so only
 * sentences sharing a band are compared: near-linear in the corpus,
 * never all pairs. Candidates are confirmed by exact overlap.
 */
#ifndef BRIEF_CLUSTER_H
#define BRIEF_CLUSTER_H

#include <stddef.h>

#include "brief/annotate.h"
#include "brief/score.h"

struct fact {
	size_t rep;             /* representative sentence (clearest) */
	size_t *member;         /* all sentences, rep included */
	size_t nmember;
	int *doc;               /* distinct doc indices, ascending */
	size_t ndoc;
};
typedef VEC(struct fact) fact_vec;

/* Cluster the sentences for which eligible[i] is non-zero. Results live
 * in the arena (arrays) and out (the vector, caller frees). fact_of[i]
 * receives the fact index of sentence i, or -1. */
void cluster_corpus(const struct corpus *c, const struct score *sc,
	const unsigned char *eligible, struct arena *a, fact_vec *out,
	long *fact_of);

/* Share of sentence i's content (idf-weighted) that none of the
 * sentences set[0..n) has: 1 = all new, 0 = nothing new. */
double cluster_novelty(const struct corpus *c, size_t i, const size_t *set,
	size_t n);

#endif
