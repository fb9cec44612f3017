/*
 * test_editions.c -- regenerating after new sources: the edition's
 * record, what is new, the status that moved, the order kept; make
 * knowing the brief's inputs; the progress line; install and
 * uninstall.
 *
 * The story that moves is the RAA test corpus: its early articles
 * (talks, signing) first, then the late ones (ratification, entry into
 * force) added. Source ids: early articles 1-5, late ones 6-11.
 */
#include "testutil.h"

#include <stdio.h>

#include <jansson.h>

static char dir[64];

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(dir, sizeof dir, "brief-ed"));
}

static void
S_teardown(void)
{
	test_rmtree(dir);
}

/* Run brief on the RAA corpus (late: with the late articles) into
 * dir/out with extra args; stdout into out (may be NULL). */
static void
S_raa(int late, const char *extra, struct buf *out)
{
	struct buf a = { 0 }, cmd = { 0 }, o = { 0 };
	int rc;

	buf_printf(&a, "-q -f md,json,pdf -t '%s/tests/corpora/raa/template.yaml' "
	    "-o '%s/out' %s '%s/tests/corpora/raa/early'", test_top(), dir,
	    extra ? extra : "", test_top());
	if (late)
		buf_printf(&a, " '%s/tests/corpora/raa/late'", test_top());
	rc = test_run(test_brief_cmd(&cmd, a.p), &o);
	ck_assert_msg(rc == 0, "brief: %s", buf_cstr(&o));
	if (out != NULL) {
		out->n = 0;
		buf_put(out, o.p ? o.p : "", o.n);
		buf_cstr(out);
	}
	buf_free(&a);
	buf_free(&cmd);
	buf_free(&o);
}

static json_t *
S_json(const char *fmt, const char *name)
{
	char path[512];
	json_error_t e;
	json_t *j;

	snprintf(path, sizeof path, fmt, dir, name);
	j = json_load_file(path, 0, &e);
	ck_assert_msg(j != NULL, "%s: %s", path, e.text);
	return j;
}

static size_t
S_count(const char *s, const char *what)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
		n++;
	return n;
}

/* Whether the item's id, or its timeline date, is in edition e. */
static int
S_in_edition(json_t *e, json_t *it)
{
	const char *id = json_string_value(json_object_get(it, "id"));
	const char *date = json_string_value(json_object_get(
	    json_object_get(it, "date"), "start"));
	json_t *sec, *x;
	size_t k, j;

	json_array_foreach(json_object_get(e, "sections"), k, sec)
		json_array_foreach(json_object_get(sec, "items"), j, x) {
			if (strcmp(json_string_value(json_object_get(x, "id")), id) == 0)
				return 1;
			if (date && json_is_object(json_object_get(x, "date")) &&
			    strcmp(json_string_value(json_object_get(
			    json_object_get(x, "date"), "start")), date) == 0)
				return 1;
		}
	return 0;
}

/* The story moves: the late articles' facts are new and marked so in
 * every format, the header counts them, the status says what it was,
 * the previous edition was read; old facts are not new and keep their
 * order. */
START_TEST(test_edition_new_facts)
{
	struct buf md = { 0 }, ex = { 0 };
	json_t *old, *now, *sec, *it;
	size_t k, j, fresh = 0, kept = 0, late_only = 0, same_id = 0;
	char *text;

	S_raa(0, NULL, NULL);
	text = test_read(NULL, "%s/out/editions/2024-07-09.json", dir);
	free(text);
	old = S_json("%s/out/editions/%s", "2024-07-09.json");
	S_raa(1, "--explain", &ex);
	/* the previous edition was read, and --explain says what changed */
	ck_assert_ptr_nonnull(strstr(ex.p, "# edition: since 9 Jul 2024 ("));
	ck_assert_ptr_nonnull(strstr(ex.p, "editions/2024-07-09.json"));
	ck_assert_ptr_nonnull(strstr(ex.p, "# status was: signed"));
	now = S_json("%s/out/%s", "brief.json");
	text = test_read(NULL, "%s/out/brief.md", dir);
	json_array_foreach(json_object_get(now, "sections"), k, sec)
		json_array_foreach(json_object_get(sec, "items"), j, it) {
			json_t *cites = json_object_get(it, "cites"), *c;
			size_t q;
			int early = 0;

			json_array_foreach(cites, q, c)
				early |= json_integer_value(c) <= 5;
			if (json_is_true(json_object_get(it, "new"))) {
				fresh++;
				ck_assert_msg(!S_in_edition(old, it), "marked new but in "
				    "the last edition: %s", json_string_value(
				    json_object_get(it, "text")));
			} else {
				kept++;
				same_id += S_in_edition(old, it);
			}
			if (!early) {   /* only the new articles say it */
				late_only++;
				ck_assert_msg(json_is_true(json_object_get(it, "new")),
				    "not marked new: %s", json_string_value(
				    json_object_get(it, "text")));
			}
		}
	ck_assert_uint_ge(fresh, 3);
	ck_assert_uint_ge(kept, 3);
	ck_assert_uint_ge(late_only, 2);
	ck_assert_uint_ge(same_id, 2);
	/* the header counts them; Markdown tags each */
	{
		char want[96];

		snprintf(want, sizeof want, "%zu new since 9 Jul 2024", fresh);
		ck_assert_msg(strstr(text, want) != NULL, "no \"%s\" in:\n%s", want, text);
	}
	ck_assert_uint_eq(S_count(text, "**new** "), fresh);
	/* the status moved: said plainly */
	ck_assert_ptr_nonnull(strstr(text, "(was: signed)"));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(now,
	    "since"), "status_was")), "signed");
	/* the PDF tags them too */
	test_cmd(&md, NULL, "pdftotext -enc UTF-8 '%s/out/brief.pdf' -", dir);
	ck_assert_uint_ge(S_count(md.p, "NEW "), fresh > 2 ? fresh - 2 : 1);
	free(text);
	json_decref(old);
	json_decref(now);
	buf_free(&md);
	buf_free(&ex);
}
END_TEST

/* The same sources again: nothing is new; the items and their order
 * are the same. */
START_TEST(test_edition_nothing_new)
{
	char *a, *b;

	S_raa(1, NULL, NULL);
	a = test_read(NULL, "%s/out/brief.md", dir);
	S_raa(1, NULL, NULL);
	b = test_read(NULL, "%s/out/brief.md", dir);
	ck_assert_ptr_nonnull(strstr(b, "0 new since 4 Nov 2025"));
	ck_assert_ptr_null(strstr(b, "**new**"));
	ck_assert_ptr_null(strstr(b, "(was:"));
	/* the first run had no edition to compare with */
	ck_assert_ptr_null(strstr(a, " new since "));
	ck_assert_str_eq(strstr(a, "## "), strstr(b, "## "));
	free(a);
	free(b);
}
END_TEST

/* A fact that only gains a citation is not new; unchanged facts and
 * views keep their order; --since compares with a named edition. */
START_TEST(test_edition_cites_order_since)
{
	char path[512];
	struct buf a = { 0 }, cmd = { 0 }, o = { 0 };
	json_t *old, *now, *sec, *it;
	size_t k, j, gained = 0;
	char *text;

	/* the early articles but one, then all of them */
	test_cmd(NULL, NULL, "mkdir -p '%s/part' && cp '%s/tests/corpora/raa/early/'* "
	    "'%s/part/' && rm '%s/part/nichiyo-signing-beijing-reacts.txt'", dir,
	    test_top(), dir, dir);
	buf_printf(&a, "-q -f json,md -t '%s/tests/corpora/raa/template.yaml' -o "
	    "'%s/out' '%s/part'", test_top(), dir, dir);
	ck_assert_int_eq(test_run(test_brief_cmd(&cmd, a.p), &o), 0);
	snprintf(path, sizeof path, "%s/first.json", dir);
	test_cmd(NULL, NULL, "cp '%s/out/brief.json' '%s'", dir, path);
	old = S_json("%s/%s", "first.json");
	S_raa(0, NULL, NULL);
	now = S_json("%s/out/%s", "brief.json");
	json_array_foreach(json_object_get(now, "sections"), k, sec)
		json_array_foreach(json_object_get(sec, "items"), j, it) {
			json_t *osec, *x;
			size_t q, r;

			json_array_foreach(json_object_get(old, "sections"), q, osec)
				json_array_foreach(json_object_get(osec, "items"), r, x)
					if (strcmp(json_string_value(json_object_get(x, "id")),
					    json_string_value(json_object_get(it, "id"))) == 0 &&
					    json_array_size(json_object_get(it, "cites")) >
					    json_array_size(json_object_get(x, "cites"))) {
						ck_assert(json_is_false(json_object_get(it, "new")));
						gained++;
					}
		}
	ck_assert_uint_ge(gained, 1);
	/* unchanged items of facts and views sections keep their order */
	json_array_foreach(json_object_get(now, "sections"), k, sec) {
		const char *kind = json_string_value(json_object_get(sec, "kind"));
		long last = -1;

		if (strcmp(kind, "facts") != 0 && strcmp(kind, "views") != 0)
			continue;
		json_array_foreach(json_object_get(sec, "items"), j, it) {
			json_t *osec = NULL, *x;
			size_t q, r;

			json_array_foreach(json_object_get(old, "sections"), q, osec)
				if (strcmp(json_string_value(json_object_get(osec, "id")),
				    json_string_value(json_object_get(sec, "id"))) == 0)
					json_array_foreach(json_object_get(osec, "items"), r, x)
						if (strcmp(json_string_value(json_object_get(x, "id")),
						    json_string_value(json_object_get(it, "id"))) == 0) {
							ck_assert_int_gt((long)r, last);
							last = (long)r;
						}
		}
	}
	/* --since: against the first record, whatever the newest is */
	S_raa(1, NULL, NULL);
	a.n = 0;
	buf_printf(&a, "--since '%s'", path);
	S_raa(1, a.p, NULL);
	text = test_read(NULL, "%s/out/brief.md", dir);
	ck_assert_ptr_nonnull(strstr(text, " new since "));
	free(text);
	json_decref(now);
	now = S_json("%s/out/%s", "brief.json");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(now,
	    "since"), "as_of")), json_string_value(json_object_get(old, "as_of")));
	/* a --since that is not a record stops the run, naming it */
	a.n = 0;
	buf_printf(&a, "-q -t '%s/tests/corpora/raa/template.yaml' -o '%s/out' "
	    "--since '%s/part/apw-japan-philippines-open-talks.txt' '%s/part'",
	    test_top(), dir, dir, dir);
	cmd.n = 0;
	ck_assert_int_eq(test_run(test_brief_cmd(&cmd, a.p), &o), 1);
	json_decref(old);
	json_decref(now);
	buf_free(&a);
	buf_free(&cmd);
	buf_free(&o);
}
END_TEST

/* make brief remakes the brief when a source changes, is added or is
 * removed, and not otherwise. */
START_TEST(test_make_knows_inputs)
{
	struct buf out = { 0 };
	const char *make = "make -C '%s' brief SEEDS_DIR='%s/seeds' OUT='%s/o' "
		"2>&1";
	int runs[5];

	test_cmd(NULL, NULL, "cp -r '%s/seeds' '%s/seeds'", test_top(), dir);
	for (int k = 0; k < 5; k++) {
		if (k == 2)
			test_cmd(NULL, NULL, "cp '%s/tests/corpora/raa/early/"
			    "apw-japan-philippines-open-talks.txt' '%s/seeds/'",
			    test_top(), dir);
		if (k == 3)
			test_cmd(NULL, NULL, "rm '%s/seeds/apw-japan-philippines-"
			    "open-talks.txt'", dir);
		if (k == 4)
			test_cmd(NULL, NULL, "sleep 1; touch '%s/seeds/'*", dir);
		out.n = 0;
		test_cmd(&out, NULL, make, test_top(), dir, dir);
		runs[k] = (int)S_count(out.p, "/brief -t ");   /* any build dir */
	}
	ck_assert_int_eq(runs[0], 1);   /* first: made */
	ck_assert_int_eq(runs[1], 0);   /* again: nothing to do */
	ck_assert_int_eq(runs[2], 1);   /* an article added */
	ck_assert_int_eq(runs[3], 1);   /* removed */
	ck_assert_int_eq(runs[4], 1);   /* changed */
	buf_free(&out);
}
END_TEST

/* The progress line: on a terminal (script(1) gives one), not off it,
 * not with -q. */
START_TEST(test_progress_line)
{
	struct buf out = { 0 };
	const char *run = "cd '%s' && BRIEF_PROGRESS_DELAY=0 SOURCE_DATE_EPOCH="
		TEST_EPOCH " script -qec \"'%s' %s -t templates/relos.yaml -o "
		"'%s/p' seeds\" /dev/null";

	test_cmd(&out, NULL, run, test_top(), test_bin(), "", dir);
	ck_assert_msg(strstr(out.p, "brief: reading, 0 of 5 articles") != NULL,
	    "%s", out.p);
	ck_assert_ptr_nonnull(strstr(out.p, "\r\033[K"));
	test_cmd(&out, NULL, run, test_top(), test_bin(), "-q", dir);
	ck_assert_ptr_null(strstr(out.p, "articles"));
	test_cmd(&out, &out, "cd '%s' && BRIEF_PROGRESS_DELAY=0 '%s' -t "
	    "templates/relos.yaml -o '%s/p' seeds", test_top(), test_bin(), dir);
	ck_assert_ptr_null(strstr(out.p, "articles"));
	buf_free(&out);
}
END_TEST

/* make install into a DESTDIR: the installed brief, run from another
 * directory, finds its templates (beside it, however the tree moved);
 * make uninstall leaves no file. */
START_TEST(test_install_uninstall)
{
	struct buf out = { 0 };

	test_cmd(NULL, NULL, "make -s -C '%s' install DESTDIR='%s/dest' >/dev/null",
	    test_top(), dir);
	test_cmd(&out, NULL, "cd / && '%s/dest/usr/local/bin/brief' --list-templates",
	    dir);
	ck_assert_ptr_nonnull(strstr(out.p, "relos "));
	ck_assert_ptr_nonnull(strstr(out.p, "/dest/usr/local/share/brief/templates/"
	    "relos.yaml"));
	test_cmd(&out, NULL, "cd / && SOURCE_DATE_EPOCH=" TEST_EPOCH " '%s/dest/usr/"
	    "local/bin/brief' -q -o '%s/o' '%s/seeds' && ls '%s/o'", dir, dir,
	    test_top(), dir);
	ck_assert_ptr_nonnull(strstr(out.p, "brief.pdf"));
	test_cmd(&out, NULL, "grep -c -- 'list-templates' '%s/dest/usr/local/share/"
	    "man/man1/brief.1'", dir);
	ck_assert_int_gt(atoi(out.p), 0);
	test_cmd(NULL, NULL, "make -s -C '%s' uninstall DESTDIR='%s/dest' >/dev/null",
	    test_top(), dir);
	test_cmd(&out, NULL, "find '%s/dest' -type f | wc -l", dir);
	ck_assert_int_eq(atoi(out.p), 0);
	buf_free(&out);
}
END_TEST

Suite *editions_suite(void);

Suite *
editions_suite(void)
{
	Suite *s = suite_create("editions");
	TCase *tc = tcase_create("editions");

	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_edition_new_facts);
	tcase_add_test(tc, test_edition_nothing_new);
	tcase_add_test(tc, test_edition_cites_order_since);
	tcase_add_test(tc, test_make_knows_inputs);
	tcase_add_test(tc, test_progress_line);
	tcase_add_test(tc, test_install_uninstall);
	suite_add_tcase(s, tc);
	return s;
}
