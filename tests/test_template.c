/*
 * test_template.c -- loading templates, and errors that name file:line.
 */
#include "testutil.h"

#include <stdio.h>

#include "brief/template.h"

static char tmpdir[64];         /* /tmp/brief-tpl-XXXXXX */

static const char *
S_write(const char *name, const char *text)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static int
S_load(const char *text, struct template *t, struct brief_err *err,
	struct arena *a, struct stemmer *st)
{
	return template_load(a, st, S_write("t.yaml", text), t, err);
}

START_TEST(test_template_relos)
{
	struct arena *a = arena_new();
	struct stemmer *st = stemmer_new();
	struct template t;
	struct brief_err err = { 0 };
	char path[512];
	snprintf(path, sizeof path, "%s/templates/relos.yaml", test_top());
	ck_assert_msg(template_load(a, st, path, &t, &err) == 0, "%s:%d: %s",
	    err.file, err.line, err.msg);
	ck_assert_uint_ge(t.nsec, 5);
	ck_assert_ptr_nonnull(template_section(&t, "timeline"));
	ck_assert_int_eq(template_section(&t, "timeline")->kind, SK_TIMELINE);
	ck_assert_int_eq(template_section(&t, "views")->kind, SK_QUOTES);
	ck_assert_ptr_null(template_section(&t, "nope"));
	ck_assert_ptr_nonnull(strstr(t.skeleton, "{{"));
	ck_assert_int_eq(t.layout.max_pages, 1);
	ck_assert(t.layout.body_pt >= t.layout.min_pt);
	stemmer_free(st);
	arena_free(a);
}
END_TEST

/* A template that extends the general one: its own title and topic
 * words, every base section, an overridden heading and ladder. */
START_TEST(test_template_extends)
{
	struct arena *a = arena_new();
	struct stemmer *st = stemmer_new();
	struct template base, t;
	struct brief_err err = { 0 };
	char path[512];
	snprintf(path, sizeof path, "%s/templates/agreement.yaml", test_top());
	ck_assert_msg(template_load(a, st, path, &base, &err) == 0, "%s", err.msg);
	snprintf(path, sizeof path, "%s/tests/corpora/art370/template.yaml", test_top());
	ck_assert_msg(template_load(a, st, path, &t, &err) == 0, "%s:%d: %s",
	    err.file, err.line, err.msg);
	ck_assert_str_eq(t.title, "Supreme Court Ruling on Article 370");
	ck_assert_uint_eq(t.nsec, base.nsec);
	for (size_t k = 0; k < t.nsec; k++)
		ck_assert_str_eq(t.sec[k].id, base.sec[k].id);
	/* the topic: the base's words and the new ones */
	ck_assert_uint_gt(t.topic.n, base.topic.n);
	int has_treaty = 0, has_verdict = 0;
	for (size_t k = 0; k < t.topic.n; k++) {
		has_treaty |= strcmp(t.topic.v[k].text, "treaty") == 0;
		has_verdict |= strcmp(t.topic.v[k].text, "verdict") == 0;
	}
	ck_assert(has_treaty && has_verdict);
	/* a section overridden by id: heading replaced, cues kept */
	const struct section_def *pv = template_section(&t, "provisions");
	ck_assert_str_eq(pv->heading, "What the court decided");
	ck_assert_uint_eq(pv->cues.n, template_section(&base, "provisions")->cues.n);
	/* a status ladder replaced whole */
	const struct section_def *bl = template_section(&t, "bottom");
	ck_assert_uint_eq(bl->nstage, 3);
	ck_assert_str_eq(bl->stage[2].name, "verdict delivered");
	ck_assert_str_eq(t.sec[t.nsec - 1].id, "sources");
	stemmer_free(st);
	arena_free(a);
}
END_TEST

/* Cue words are stemmed like article words. */
START_TEST(test_template_cues_stemmed)
{
	struct arena *a = arena_new();
	struct stemmer *st = stemmer_new();
	struct template t;
	struct brief_err err;
	ck_assert_int_eq(S_load("title: T\nsections:\n  - id: a\n    heading: A\n"
	    "    kind: facts\n    cues: {ratify: 2, port calls: 1}\n", &t, &err, a, st), 0);
	const struct cue_set *cs = &t.sec[0].cues;
	ck_assert_uint_eq(cs->n, 2);
	ck_assert_uint_eq(cs->v[0].stem[0], text_stem_hash(st, "ratified", 8));
	ck_assert_int_eq(cs->v[1].nstem, 2);
	ck_assert_uint_eq(cs->v[1].stem[1], text_stem_hash(st, "call", 4));
	ck_assert(cs->v[0].weight == 2.0);
	stemmer_free(st);
	arena_free(a);
}
END_TEST

static const struct {
	const char *yaml;
	int line;
	const char *msg;
} bad[] = {
	{ "title: T\nsections: []\n", 2, "at least one section" },
	{ "title: T\nsection:\n  - id: a\n", 2, "unknown template key" },
	{ "title: T\nsections:\n  - id: a\n    heading: A\n    kind: list\n", 5, "kind must be" },
	{ "title: T\nsections:\n  - id: a\n    heading: A\n    max_items: many\n", 5, "number" },
	{ "title: T\nlayout:\n  paper: a3\nsections:\n  - {id: a, heading: A, kind: facts}\n", 3, "paper" },
	{ "title: T\nsections:\n  - {id: a, heading: A, kind: facts}\n  - {id: a, heading: B, kind: facts}\n", 4, "duplicate" },
	{ "title: [unclosed\n", 2, "YAML" },
	{ "sections:\n  - {id: a, heading: A, kind: facts}\n", 1, "needs a title" },
	{ "title: T\nmarkdown: missing.md\nsections:\n  - {id: a, heading: A, kind: facts}\n", 2, "skeleton" },
	{ "title: T\nsections:\n  - id: a\n    heading: A\n    cues: {one two three four five: 1}\n", 5, "1 to 4 words" },
	{ "title: T\ntitle: U\nsections:\n  - {id: a, heading: A, kind: facts}\n", 2, "key given twice" },
	{ "title: T\nsections:\n  - {id: a, heading: A}\n", 3, "needs an id, a heading and a kind" },
	{ "title: T\nsections:\n  - {id: a, heading: A, kind: summary}\n  - {id: b, heading: B, kind: summary}\n",
	  4, "at most one summary" },
	{ "title: T\nsections:\n  - id: a\n    heading: A\n    kind: facts\n    status: [{stage: s, cues: [sign]}]\n",
	  6, "no effect in a section of this kind" },
	{ "title: T\nsections:\n  - id: s\n    heading: S\n    kind: sources\n    cues: {deal: 1}\n",
	  6, "no effect in a section of this kind" },
	{ "title: T\nsections:\n  - id: v\n    heading: V\n    kind: quotes\n    min_score: 2\n",
	  6, "no effect in a section of this kind" },
	{ "title: T\nsections:\n  - id: a\n    heading: A\n    kind: facts\n    cues: {deal: -1}\n",
	  6, "out of range" },
	{ "title: T\nsections:\n  - id: a\n    heading: A\n    kind: facts\n    weights: {date: -2}\n",
	  6, "out of range" },
	{ "title: T\nextends: ../nowhere\nsections:\n  - {id: a, heading: A, kind: facts}\n",
	  2, "extends must name a template" },
	{ "title: T\nextends: no-such-template\nsections:\n  - {id: a, heading: A, kind: facts}\n",
	  2, "no such template" },
	{ "title: T\nsections:\n  - id: a\n    heading: A\n    kind: summary\n    cues: [x]\n    cues: [y]\n",
	  7, "key given twice" },
};

START_TEST(test_template_errors)
{
	struct arena *a = arena_new();
	struct stemmer *st = stemmer_new();
	struct template t;
	struct brief_err err = { 0 };
	ck_assert_int_eq(S_load(bad[_i].yaml, &t, &err, a, st), -1);
	ck_assert_msg(err.line == bad[_i].line, "case %d: line %d, want %d (%s)",
	    _i, err.line, bad[_i].line, err.msg);
	ck_assert_msg(strstr(err.msg, bad[_i].msg) != NULL, "case %d: %s", _i, err.msg);
	ck_assert_ptr_nonnull(strstr(err.file, "t.yaml"));
	stemmer_free(st);
	arena_free(a);
}
END_TEST

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(tmpdir, sizeof tmpdir, "brief-tpl"));
}

static void
S_teardown(void)
{
	test_rmtree(tmpdir);
}

Suite *template_suite(void);

Suite *
template_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_add_test(tc, test_template_relos);
	tcase_add_test(tc, test_template_cues_stemmed);
	tcase_add_test(tc, test_template_extends);
	tcase_add_loop_test(tc, test_template_errors, 0, sizeof bad / sizeof *bad);
	suite_add_tcase(s, tc);
	return s;
}
