/*
 * test_cluster.c -- near-duplicate facts: paraphrases across sources
 * join, unrelated sentences never chain through a compound one, and a
 * sentence repeated by many sources (wire copy) stays one fact.
 */
#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

#include "brief/annotate.h"
#include "brief/cluster.h"
#include "brief/score.h"
#include "brief/segment.h"
#include "brief/template.h"

struct world {
	struct arena *a;
	struct stemmer *st;
	struct template t;
	struct corpus c;
	struct score *sc;
	fact_vec facts;
	long *fact_of;
};

/* Docs texts[0..n) (one sentence or more each), annotated, scored and
 * clustered with every sentence eligible. */
static void
S_world(struct world *w, const char *const *texts, size_t n)
{
	static const char yaml[] = "title: T\nsections:\n  - {id: a, heading: A, kind: facts}\n";
	struct brief_err err;
	char path[] = "/tmp/brief-cluster-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq((int)write(fd, yaml, sizeof yaml - 1), (int)(sizeof yaml - 1));
	close(fd);
	memset(w, 0, sizeof *w);
	w->a = arena_new();
	w->st = stemmer_new();
	ck_assert_int_eq(template_load(w->a, w->st, path, &w->t, &err), 0);
	unlink(path);
	struct segmenter *sg = segmenter_new(&err);
	w->c.doc = xcalloc(n ? n : 1, sizeof *w->c.doc);
	for (size_t k = 0; k < n; k++) {
		char name[32];
		snprintf(name, sizeof name, "d%zu.txt", k);
		ck_assert_int_eq(ingest_mem(w->a, name, texts[k], strlen(texts[k]),
		    &w->c.doc[k], NULL, &err), 0);
		w->c.doc[k].id = (int)k + 1;
		w->c.ndoc = k + 1;
		ck_assert_int_eq(segment_doc(sg, &w->c.doc[k], (int)k, &w->c.s, &err), 0);
	}
	segmenter_free(sg);
	annotate_corpus(&w->c, w->st);
	w->sc = score_corpus(&w->c, &w->t, w->a, 1);
	unsigned char *eligible = malloc(w->c.s.n);
	memset(eligible, 1, w->c.s.n);
	w->fact_of = calloc(w->c.s.n, sizeof *w->fact_of);
	cluster_corpus(&w->c, w->sc, eligible, w->a, &w->facts, w->fact_of);
	free(eligible);
}

static void
S_free(struct world *w)
{
	free(w->fact_of);
	VEC_FREE(&w->facts);
	corpus_free(&w->c);
	stemmer_free(w->st);
	arena_free(w->a);
}

START_TEST(test_cluster_paraphrase_joins)
{
	static const char *const texts[] = {
		"The State Duma ratified the military logistics agreement with India on Tuesday after a short debate.",
		"On Tuesday the State Duma ratified the military logistics agreement with India after a brief debate.",
		"Fishing quotas in the northern sea were cut by a third for the coming season.",
	};
	struct world w;
	S_world(&w, texts, 3);
	ck_assert_uint_eq(w.c.s.n, 3);
	ck_assert_int_eq(w.fact_of[0], w.fact_of[1]);
	ck_assert_int_ne(w.fact_of[0], w.fact_of[2]);
	ck_assert_uint_eq(w.facts.v[w.fact_of[0]].ndoc, 2);
	S_free(&w);
}
END_TEST

/* A compound sentence resembling two unrelated ones must not make them
 * one fact. */
START_TEST(test_cluster_no_chains)
{
	static const char *const texts[] = {
		"Duma deputies ratified the logistics pact by a large majority in the chamber.",
		"Duma deputies ratified the logistics pact by a large majority in the chamber, and Indian warships gained refuelling access at Russian naval ports.",
		"Indian warships gained refuelling access at Russian naval ports.",
	};
	struct world w;
	S_world(&w, texts, 3);
	ck_assert_uint_eq(w.c.s.n, 3);
	ck_assert_int_ne(w.fact_of[0], w.fact_of[2]);
	S_free(&w);
}
END_TEST

/* Wire copy: the same sentence in 90 sources is one fact citing 90. */
START_TEST(test_cluster_crowded_bucket)
{
	enum { N = 90 };
	const char *texts[N];
	for (size_t k = 0; k < N; k++)
		texts[k] = "The two navies will hold their first joint patrol in the southern sea lanes next spring.";
	struct world w;
	S_world(&w, texts, N);
	ck_assert_uint_eq(w.c.s.n, N);
	for (size_t k = 1; k < N; k++)
		ck_assert_int_eq(w.fact_of[k], w.fact_of[0]);
	ck_assert_uint_eq(w.facts.v[w.fact_of[0]].ndoc, N);
	S_free(&w);
}
END_TEST

Suite *cluster_suite(void);

Suite *
cluster_suite(void)
{
	Suite *s = suite_create("cluster");
	TCase *tc = tcase_create("facts");
	tcase_add_test(tc, test_cluster_paraphrase_joins);
	tcase_add_test(tc, test_cluster_no_chains);
	tcase_add_test(tc, test_cluster_crowded_bucket);
	suite_add_tcase(s, tc);
	return s;
}
