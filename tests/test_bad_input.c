/*
 * test_bad_input.c -- broken and hostile source folders, each with the
 * exit code and the message it must give, timed. A bad source is
 * skipped with a warning naming it; the brief is made from the rest;
 * --strict makes such a warning an error; nothing crashes.
 */
#include "testutil.h"

#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

static char dir[64];

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(dir, sizeof dir, "brief-bad"));
}

static void
S_teardown(void)
{
	test_rmtree(dir);
}

/* Write n bytes of p to dir/src/name. */
static void
S_file(const char *name, const char *p, size_t n)
{
	char path[1024];
	FILE *fp;

	snprintf(path, sizeof path, "%s/src/%s", dir, name);
	ck_assert_ptr_nonnull(fp = fopen(path, "wb"));
	ck_assert_uint_eq(fwrite(p, 1, n, fp), n);
	fclose(fp);
}

static void
S_str(const char *name, const char *s)
{
	S_file(name, s, strlen(s));
}

static const char S_good[] = "Title: Ports deal signed\nDate: 2024-03-05\n\n"
	"The ports agreement was signed on March 4, 2024, by the two ministers "
	"in Lisbon, officials said.\n\nThe ports agreement lets each navy use the "
	"other's ports for refuelling and repairs during exercises.\n";

/* The case's folder: dir/src, fresh, with a good article unless
 * alone. */
static void
S_folder(int alone)
{
	test_cmd(NULL, NULL, "rm -rf '%s/src' '%s/out' && mkdir -p '%s/src'", dir,
	    dir, dir);
	if (!alone)
		S_str("good.txt", S_good);
}

/* Run brief on dir/src with extra args; its exit status, stdout and
 * stderr in out, its time in *ms. */
static int
S_run(const char *extra, struct buf *out, double *ms)
{
	struct buf a = { 0 }, cmd = { 0 };
	struct timespec t0, t1;
	int rc;

	buf_printf(&a, "-t '%s/templates/agreement.yaml' -o '%s/out' %s '%s/src'",
	    test_top(), dir, extra, dir);
	out->n = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = test_run(test_brief_cmd(&cmd, a.p), out);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	buf_free(&a);
	buf_free(&cmd);
	return rc;
}

static void
S_row(const char *what, int rc, double ms)
{
	fprintf(stderr, "bad input: %-44s exit %d  %7.0f ms\n", what, rc, ms);
}

/* Each case: its folder, the exit code, a message that must be in the
 * output (NULL: none), one that must not. */
START_TEST(test_bad_sources)
{
	struct buf out = { 0 }, big = { 0 };
	double ms;
	int rc;

	/* a binary file named .txt, a PNG, beside a good article */
	S_folder(0);
	S_file("img.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
	S_file("photo.png.txt", "\xFF\xD8\xFF\xE0\0\x10JFIF", 10);
	rc = S_run("", &out, &ms);
	S_row("binary .txt files beside a good one", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(out.p, "img.txt: warning: skipped: binary file"));
	/* --strict: the same warning is an error */
	rc = S_run("--strict", &out, &ms);
	S_row("the same with --strict", rc, ms);
	ck_assert_int_eq(rc, 1);
	ck_assert_ptr_nonnull(strstr(out.p, "binary file, not text"));
	/* empty, blank, no article text */
	S_folder(0);
	S_str("empty.txt", "");
	S_str("blank.txt", "\n\n   \n\t\n");
	S_str("furniture.txt", "Share this article\nLeave a Reply\nAdvertisement\n");
	rc = S_run("", &out, &ms);
	S_row("empty, blank and furniture-only files", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(out.p, "empty.txt: warning: skipped: no article text"));
	ck_assert_ptr_nonnull(strstr(out.p, "blank.txt: warning: skipped"));
	/* a file gone (a dangling link) */
	S_folder(0);
	test_cmd(NULL, NULL, "ln -s '%s/nowhere.txt' '%s/src/gone.txt'", dir, dir);
	rc = S_run("", &out, &ms);
	S_row("a file that is gone", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(out.p, "gone.txt: warning: skipped:"));
	/* no usable source at all */
	S_folder(1);
	S_str("empty.txt", "");
	S_file("img.txt", "\x89PNG\r\n\x1a\n", 8);
	rc = S_run("", &out, &ms);
	S_row("no usable source", rc, ms);
	ck_assert_int_eq(rc, 1);
	ck_assert_ptr_nonnull(strstr(out.p, "no usable source: 2 of 2 skipped"));
	/* NUL and control bytes inside good text */
	S_folder(1);
	S_file("nul.txt", "Title: Ports\n\nThe ports agreement was \0signed on "
	    "March 4, 2024, by the \x01ministers in Lisbon, officials said.\n", 97);
	rc = S_run("", &out, &ms);
	S_row("NUL and control bytes in good text", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(out.p, "nul.txt:3: warning: invalid or control "
	    "byte replaced by U+FFFD"));
	/* invalid UTF-8 in UTF-8 text; Latin-1; CRLF and BOM */
	S_folder(1);
	S_str("bad.txt", "Title: Ports \xE2\x80\x94 deal\n\nThe ports agreement "
	    "\xE2\x80\x94 \xFF\xFE signed on March 4, 2024 \xE2\x80\x94 lets each navy "
	    "use the other\xE2\x80\x99s ports for repairs.\n");
	S_str("latin1.txt", "Title: Caf\xE9 talk\n\nThe ports agreement was signed "
	    "in Lisbon on March 4, 2024 \x96 a \x93good\x94 deal, officials said.\n");
	S_str("crlf.txt", "\xEF\xBB\xBFTitle: Ports deal\r\n\r\nThe ports agreement "
	    "lets each navy use the other's ports for refuelling.\r\n");
	rc = S_run("", &out, &ms);
	S_row("invalid UTF-8, Latin-1, CRLF and BOM", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(out.p, "bad.txt:3: warning: invalid or control byte"));
	ck_assert_ptr_nonnull(strstr(out.p, "latin1.txt: warning: not UTF-8: read as "
	    "Windows-1252"));
	ck_assert_ptr_null(strstr(out.p, "crlf.txt"));
	/* unbalanced and nested quotes */
	S_folder(0);
	S_str("quotes.txt", "Title: Quotes\n\n\xE2\x80\x9CThe deal \xE2\x80\x98is a "
	    "\xE2\x80\x9Cstep\xE2\x80\x9D forward, said Ana Ruiz, a minister.\n\n"
	    "\"Unclosed quote goes on and on, she said.\n\n\xE2\x80\x9D\xE2\x80\x9D"
	    "\xE2\x80\x9C\xE2\x80\x9C\"\"'' said\n");
	rc = S_run("", &out, &ms);
	S_row("unbalanced and nested quotes", rc, ms);
	ck_assert_int_eq(rc, 0);
	/* a sentence of 20,000 words */
	S_folder(0);
	buf_puts(&big, "Title: Long\n\nThe ports agreement");
	for (int k = 0; k < 20000; k++)
		buf_puts(&big, k % 7 ? " and ports" : " signed");
	buf_puts(&big, ".\n");
	S_file("long.txt", big.p, big.n);
	rc = S_run("", &out, &ms);
	S_row("a sentence of 20,000 words", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_double_lt(ms, 10000);
	/* 3,000 small files */
	S_folder(0);
	for (int k = 0; k < 3000; k++) {
		char name[32];

		snprintf(name, sizeof name, "a%04d.txt", k);
		S_str(name, k % 2 ? S_good : "Title: x\n\nThe ports agreement lets "
		    "each navy use the other's ports for repairs, officials said.\n");
	}
	rc = S_run("-q", &out, &ms);
	S_row("3,000 small files", rc, ms);
	ck_assert_int_eq(rc, 0);
	/* hostile file names */
	S_folder(0);
	S_str("-o.txt", S_good);
	S_str("--help.txt", S_good);
	S_str("with space.txt", S_good);
	S_str("new\nline.txt", S_good);
	S_str("`$(touch pwned)`.txt", S_good);
	rc = S_run("-f md,pdf,html,json", &out, &ms);
	S_row("hostile file names", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_ne(access("pwned", F_OK), 0);
	/* a file over the size limit (sparse: no disk) */
	S_folder(0);
	test_cmd(NULL, NULL, "truncate -s 65M '%s/src/huge.txt'", dir);
	rc = S_run("", &out, &ms);
	S_row("a file over 64 MiB", rc, ms);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(out.p, "huge.txt: warning: skipped: file too large"));
	buf_free(&out);
	buf_free(&big);
}
END_TEST

/* Markdown and HTML in a source are text in every output: brief.md
 * read by cmark makes no raw HTML, image, script, or heading of it;
 * brief.html has none of it as markup; brief.json is valid JSON. */
START_TEST(test_injection)
{
	static const char *const markup[] = { "<script", "<img", "<iframe",
		"href=\"javascript", "<h1>Injected", "<h2>Injected",
		NULL };
	struct buf out = { 0 }, html = { 0 };
	double ms;
	char *page;

	S_folder(1);
	S_str("inj.txt", "Title: <script>alert(1)</script> # Injected\n\n"
	    "# Injected heading: the ports agreement was signed on March 4, 2024, "
	    "in Lisbon <img src=x onerror=alert(1)>, officials said.\n\n"
	    "The ports agreement lets each navy use [the ports](javascript:alert(2)) "
	    "for refuelling <iframe src=//evil.example></iframe> and repairs.\n");
	ck_assert_int_eq(S_run("-f md,pdf,html,json", &out, &ms), 0);
	S_row("Markdown and HTML injection", 0, ms);
	test_cmd(&html, NULL, "cmark '%s/out/brief.md'", dir);
	ck_assert_ptr_nonnull(strstr(html.p, "Injected"));   /* the text is there */
	page = test_read(NULL, "%s/out/brief.html", dir);
	for (size_t k = 0; markup[k]; k++) {
		ck_assert_msg(strstr(html.p, markup[k]) == NULL, "brief.md makes "
		    "\"%s\":\n%s", markup[k], html.p);
		ck_assert_msg(strstr(page, markup[k]) == NULL, "brief.html has "
		    "\"%s\"", markup[k]);
	}
	{
		char path[512];
		json_error_t e;
		json_t *j;

		snprintf(path, sizeof path, "%s/out/brief.json", dir);
		j = json_load_file(path, 0, &e);
		ck_assert_msg(j != NULL, "%s: %s", path, e.text);
		json_decref(j);
	}
	free(page);
	buf_free(&out);
	buf_free(&html);
}
END_TEST

/* Template errors name the file and line. */
START_TEST(test_template_errors)
{
	static const struct { const char *yaml, *want; } t[] = {
		{ "title: x\nsections: [\n", "t.yaml:3:" },
		{ "title: x\nsections:\n  - id: a\n    kind: nonsense\n", "t.yaml:4:" },
		{ "title: x\nbogus_key: 1\nsections: []\n", "t.yaml:2:" },
		{ "title: [1, 2]\nsections: []\n", "t.yaml:1:" },
	};
	struct buf out = { 0 }, a = { 0 }, cmd = { 0 };

	S_folder(0);
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		char path[512];
		FILE *fp;

		snprintf(path, sizeof path, "%s/t.yaml", dir);
		ck_assert_ptr_nonnull(fp = fopen(path, "w"));
		fputs(t[k].yaml, fp);
		fclose(fp);
		a.n = 0;
		buf_printf(&a, "-t '%s' -o '%s/out' '%s/src'", path, dir, dir);
		cmd.n = 0;
		out.n = 0;
		ck_assert_int_eq(test_run(test_brief_cmd(&cmd, a.p), &out), 1);
		ck_assert_msg(strstr(out.p, t[k].want) != NULL, "case %zu: %s", k, out.p);
	}
	S_row("template syntax errors (4 kinds)", 1, 0);
	buf_free(&out);
	buf_free(&a);
	buf_free(&cmd);
}
END_TEST

/* Hostile shapes cost little: one 20 MB line within 2 s and three
 * times its size in memory (over the run's base); 100,000 one-line
 * sentences within 3 s. Timings are not held to under sanitizers or
 * valgrind (BRIEF_NO_TIMING). */
START_TEST(test_bounded_cost)
{
	struct buf big = { 0 }, out = { 0 };
	struct rusage ru;
	double ms, base_kb;
	int rc;
	uint32_t seed = 7;
	static const char *const words[] = { "the", "agreement", "was",
		"signed", "by", "ministers", "in", "Lisbon", "on", "March", "four",
		"and", "it", "lets", "each", "navy", "use", "ports", "for",
		"repairs" };
	int timing = getenv("BRIEF_NO_TIMING") == NULL;

	S_folder(1);
	S_str("small.txt", S_good);
	rc = S_run("-q", &out, &ms);
	ck_assert_int_eq(rc, 0);
	getrusage(RUSAGE_CHILDREN, &ru);
	base_kb = (double)ru.ru_maxrss;
	S_folder(1);
	buf_puts(&big, "Title: One line\n\n");
	test_random_text(&out, &seed, words, sizeof words / sizeof *words, 4600000);
	buf_put(&big, out.p, out.n);
	buf_puts(&big, "\n");
	S_file("line.txt", big.p, big.n);
	rc = S_run("-f md", &out, &ms);
	getrusage(RUSAGE_CHILDREN, &ru);
	fprintf(stderr, "bad input: one %.1f MB line: exit %d, %.0f ms, peak %.0f MB "
	    "(base %.0f MB)\n", (double)big.n / 1e6, rc, ms,
	    (double)ru.ru_maxrss / 1024, base_kb / 1024);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(out.p, "bytes passed over (the limit is 4096)"));
	if (timing) {
		ck_assert_double_lt(ms, 2000);
		ck_assert_double_lt((double)ru.ru_maxrss * 1024 - base_kb * 1024,
		    3.0 * (double)big.n);
	}
	/* 100,000 one-line sentences */
	S_folder(1);
	big.n = 0;
	buf_puts(&big, "Title: Many\n\n");
	for (int k = 0; k < 100000; k++)
		buf_printf(&big, "The ports agreement was discussed in Lisbon on day "
		    "%d by officials number %d.\n\n", k % 28 + 1, k);
	S_file("many.txt", big.p, big.n);
	rc = S_run("-q -f md", &out, &ms);
	fprintf(stderr, "bad input: 100,000 one-line sentences (%.1f MB): exit %d, "
	    "%.0f ms\n", (double)big.n / 1e6, rc, ms);
	ck_assert_int_eq(rc, 0);
	if (timing)
		ck_assert_double_lt(ms, 3000);
	buf_free(&big);
	buf_free(&out);
}
END_TEST

/* -j: any number of threads reads the same sources into the same
 * briefs, with the same warnings in the same order, and --strict stops
 * on the same first warning. */
START_TEST(test_jobs_same)
{
	struct buf out = { 0 }, first = { 0 }, md1 = { 0 }, cmd = { 0 };
	char *md, *json, *json1 = NULL;
	size_t n;
	double ms;

	S_folder(0);
	test_cmd(NULL, NULL, "cp '%s'/tests/corpora/*/articles/* '%s/src/' && "
	    "cp '%s'/tests/corpora/raa/early/* '%s'/tests/corpora/raa/late/* "
	    "'%s/src/'", test_top(), dir, test_top(), test_top(), dir);
	S_file("img.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
	S_str("empty.txt", "");
	S_file("latin1.txt", "Title: Caf\xe9 talks\n\nThe ports agreement was "
	    "signed in the caf\xe9 on 3 May 2024, officials said.\n", 88);
	S_file("nul.txt", "Title: Nul\n\nThe ports agreement\0 was signed "
	    "on 4 May 2024 in Lisbon, officials said.\n", 81);
	for (int j = 1; j <= 5; j += 2) {
		buf_reset(&cmd);
		buf_printf(&cmd, "-j %d -f md,json", j);
		test_cmd(NULL, NULL, "rm -rf '%s/out'", dir);
		ck_assert_int_eq(S_run(cmd.p, &out, &ms), 0);
		md = test_read(&n, "%s/out/brief.md", dir);
		json = test_read(&n, "%s/out/brief.json", dir);
		ck_assert_ptr_nonnull(md);
		ck_assert_ptr_nonnull(json);
		ck_assert_ptr_nonnull(strstr(out.p, "img.txt: warning: skipped"));
		ck_assert_ptr_nonnull(strstr(out.p, "latin1.txt: warning"));
		if (j == 1) {
			buf_puts(&first, out.p ? out.p : "");
			buf_puts(&md1, md);
			json1 = json;
		} else {
			ck_assert_str_eq(out.p ? out.p : "", first.p ? first.p : "");
			ck_assert_str_eq(md, md1.p);
			ck_assert_str_eq(json, json1);
			free(json);
		}
		free(md);
	}
	/* --strict: the first warning, whatever the threads */
	ck_assert_int_eq(S_run("-j 1 --strict", &out, &ms), 1);
	buf_reset(&first);
	buf_puts(&first, out.p);
	ck_assert_int_eq(S_run("-j 4 --strict", &out, &ms), 1);
	ck_assert_str_eq(out.p, first.p);
	free(json1);
	buf_free(&out);
	buf_free(&first);
	buf_free(&md1);
	buf_free(&cmd);
}
END_TEST

Suite *bad_input_suite(void);

Suite *
bad_input_suite(void)
{
	Suite *s = suite_create("bad_input");
	TCase *tc = tcase_create("bad_input");

	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_bad_sources);
	tcase_add_test(tc, test_injection);
	tcase_add_test(tc, test_template_errors);
	tcase_add_test(tc, test_bounded_cost);
	tcase_add_test(tc, test_jobs_same);
	suite_add_tcase(s, tc);
	return s;
}
