/*
 * test_sources.c -- sources that are not plain UTF-8 text: an HTML page
 * (tests/html: a news page with navigation, scripts, a cookie banner,
 * share bar, figure, related stories, comments and a footer around an
 * article, and the same article copied as text), Markdown with YAML
 * front matter, and a Windows-1252 file.
 */
#include "testutil.h"

#include <stdio.h>

#include <jansson.h>

static char dir[64];

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(dir, sizeof dir, "brief-src"));
}

static void
S_teardown(void)
{
	test_rmtree(dir);
}

static int
S_brief(const char *args, struct buf *out)
{
	struct buf cmd = { 0 };
	int rc = test_run(test_brief_cmd(&cmd, args), out);

	buf_free(&cmd);
	return rc;
}

/* The items' texts of brief.json in d, one per line. */
static void
S_items(const char *d, struct buf *out)
{
	char path[512];
	json_error_t e;
	json_t *root, *sec, *it;
	size_t k, j;

	snprintf(path, sizeof path, "%s/brief.json", d);
	root = json_load_file(path, 0, &e);
	ck_assert_msg(root != NULL, "%s: %s", path, e.text);
	out->n = 0;
	json_array_foreach(json_object_get(root, "sections"), k, sec)
		json_array_foreach(json_object_get(sec, "items"), j, it) {
			buf_puts(out, json_string_value(json_object_get(it, "text")));
			buf_putc(out, '\n');
		}
	buf_cstr(out);
	json_decref(root);
}

/* The page gives what its text copy gives, and none of its furniture;
 * its headline, date, site, byline and address become metadata. */
START_TEST(test_html_page_as_text)
{
	static const char *const furniture[] = { "Advertisement", "cookies",
		"Accept", "Subscribe", "Facebook", "WhatsApp", "Related Stories",
		"Rafale", "Trending", "Sensex", "Rakesh", "bullet train",
		"Comments", "Sign up", "Copyright", "About us", "gtag",
		"dataLayer", "Jaishankar", "Photo | PIB", "A+", "Home",
		"Search", "inbox", NULL };
	struct buf a = { 0 }, out = { 0 }, html = { 0 }, text = { 0 };
	char *md;

	buf_printf(&a, "-q -f json,md -t '%s/tests/corpora/acsa/template.yaml' "
	    "-o '%s/h' '%s/tests/html/express_nation_acsa.html'", test_top(), dir,
	    test_top());
	ck_assert_int_eq(S_brief(a.p, &out), 0);
	a.n = 0;
	buf_printf(&a, "-q -f json,md -t '%s/tests/corpora/acsa/template.yaml' "
	    "-o '%s/t' '%s/tests/html/express_nation_acsa.txt'", test_top(), dir,
	    test_top());
	ck_assert_int_eq(S_brief(a.p, &out), 0);
	snprintf(a.p, a.cap, "%s/h", dir);
	S_items(a.p, &html);
	snprintf(a.p, a.cap, "%s/t", dir);
	S_items(a.p, &text);
	ck_assert_uint_gt(html.n, 200);
	ck_assert_str_eq(html.p, text.p);
	md = test_read(NULL, "%s/h/brief.md", dir);
	for (size_t k = 0; furniture[k]; k++)
		ck_assert_msg(strstr(md, furniture[k]) == NULL, "\"%s\" in:\n%s",
		    furniture[k], md);
	free(md);
	/* the metadata */
	a.n = 0;
	buf_printf(&a, "--dump ingest -t '%s/tests/corpora/acsa/template.yaml' "
	    "'%s/tests/html/express_nation_acsa.html'", test_top(), test_top());
	ck_assert_int_eq(S_brief(a.p, &out), 0);
	ck_assert_ptr_nonnull(strstr(out.p, "title: India, Japan ink logistics pact "
	    "for armed forces\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "date: 2020-09-10 (header)"));
	ck_assert_ptr_nonnull(strstr(out.p, "outlet: The New Indian Express\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "byline: Express News Service\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "url: https://www.newindianexpress.example/"));
	buf_free(&a);
	buf_free(&out);
	buf_free(&html);
	buf_free(&text);
}
END_TEST

/* A page found in a directory is read as a page; a page without an
 * <article> is read from <main> or <body>. */
START_TEST(test_html_in_directory)
{
	struct buf a = { 0 }, out = { 0 };
	FILE *fp;
	char path[256];

	snprintf(path, sizeof path, "%s/p/page.htm", dir);
	test_cmd(NULL, NULL, "mkdir -p '%s/p'", dir);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs("<html><head><title>Ports deal signed | Daily Harbour</title>"
	    "<meta name=\"date\" content=\"2024-03-05\"></head><body>"
	    "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
	    "<div class=\"content\"><h1>Ports deal signed</h1>"
	    "<p>The ports agreement was signed on March 4, 2024, by the two "
	    "ministers in Lisbon.</p><p>The ports agreement lets each navy use "
	    "the other&rsquo;s ports for refuelling and repairs, officials "
	    "said.</p></div><div id=\"comments\"><p>First!</p></div>"
	    "<footer>All rights reserved</footer></body></html>", fp);
	fclose(fp);
	buf_printf(&a, "--dump ingest -t '%s/templates/agreement.yaml' '%s/p'",
	    test_top(), dir);
	ck_assert_int_eq(S_brief(a.p, &out), 0);
	ck_assert_ptr_nonnull(strstr(out.p, "title: Ports deal signed\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "date: 2024-03-05 (header)"));
	ck_assert_ptr_nonnull(strstr(out.p, "other\xE2\x80\x99s ports"));
	ck_assert_ptr_null(strstr(out.p, "First!"));
	ck_assert_ptr_null(strstr(out.p, "World"));
	ck_assert_ptr_null(strstr(out.p, "rights reserved"));
	buf_free(&a);
	buf_free(&out);
}
END_TEST

/* Markdown: the front matter is the header, the markup goes. */
START_TEST(test_markdown_front_matter)
{
	struct buf a = { 0 }, out = { 0 };
	FILE *fp;
	char path[256];

	snprintf(path, sizeof path, "%s/a.md", dir);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs("---\ntitle: \"Ports deal: what it allows\"\ndate: 2024-03-05\n"
	    "source: Daily Harbour\nauthor: A. Writer\n"
	    "url: https://harbour.example/ports-deal\n---\n\n"
	    "# Ports deal: what it allows\n\n"
	    "The **ports agreement** was signed on March 4, 2024, by the two "
	    "ministers in [Lisbon](https://example.org/lisbon).\n\n"
	    "- It lets each navy use the other's ports for refuelling.\n"
	    "- It covers repairs\n  during exercises.\n", fp);
	fclose(fp);
	buf_printf(&a, "--dump ingest -t '%s/templates/agreement.yaml' '%s'",
	    test_top(), path);
	ck_assert_int_eq(S_brief(a.p, &out), 0);
	ck_assert_ptr_nonnull(strstr(out.p, "title: Ports deal: what it allows\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "date: 2024-03-05 (header)"));
	ck_assert_ptr_nonnull(strstr(out.p, "outlet: Daily Harbour\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "byline: A. Writer\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "The ports agreement was signed on "
	    "March 4, 2024, by the two ministers in Lisbon."));
	ck_assert_ptr_nonnull(strstr(out.p, "It covers repairs during exercises."));
	ck_assert_ptr_null(strstr(out.p, "**"));
	ck_assert_ptr_null(strstr(out.p, "](http"));
	/* front matter that is not a mapping: named with its line */
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs("---\n- just\n- a list\n---\n\nText.\n", fp);
	fclose(fp);
	ck_assert_int_eq(S_brief(a.p, &out), 1);   /* the only source */
	ck_assert_ptr_nonnull(strstr(out.p, "a.md:2: warning: skipped: front matter "
	    "is not a mapping"));
	ck_assert_ptr_nonnull(strstr(out.p, "no usable source"));
	buf_free(&a);
	buf_free(&out);
}
END_TEST

/* A Windows-1252 file: decoded, with a warning, no U+FFFD; its spans in
 * brief.json count the file's single bytes. */
START_TEST(test_windows_1252)
{
	struct buf a = { 0 }, out = { 0 };
	FILE *fp;
	char path[256];
	char *md, *json;

	snprintf(path, sizeof path, "%s/w.txt", dir);
	ck_assert_ptr_nonnull(fp = fopen(path, "wb"));
	fputs("Title: Caf\xE9 owners back the ports deal\nDate: 2024-03-05\n\n"
	    "The ports agreement was signed on March 4, 2024, in Lisbon "
	    "\x96 a \x93historic\x94 step, the ministers said.\n\n"
	    "The ports agreement lets each navy use the other\x92s ports for "
	    "refuelling and repairs during exercises.\n", fp);
	fclose(fp);
	buf_printf(&a, "-f md,json -t '%s/templates/agreement.yaml' -o '%s/o' '%s'",
	    test_top(), dir, path);
	ck_assert_int_eq(S_brief(a.p, &out), 0);
	ck_assert_ptr_nonnull(strstr(out.p, "w.txt: warning: not UTF-8: read as "
	    "Windows-1252"));
	md = test_read(NULL, "%s/o/brief.md", dir);
	ck_assert_ptr_null(strstr(md, "\xEF\xBF\xBD"));
	ck_assert_ptr_nonnull(strstr(md, "Caf\xC3\xA9 owners"));
	ck_assert_ptr_nonnull(strstr(md, "other\xE2\x80\x99s ports"));
	json = test_read(NULL, "%s/o/brief.json", dir);
	ck_assert_ptr_nonnull(strstr(json, "\"encoding\": \"windows-1252\""));
	/* "other’s ports for refuelling …": its span is as long in the file
	 * as it has characters */
	{
		json_error_t e;
		json_t *root = json_loads(json, 0, &e), *sec, *it, *sp;
		size_t k, j, q;
		int checked = 0;

		ck_assert_ptr_nonnull(root);
		json_array_foreach(json_object_get(root, "sections"), k, sec)
			json_array_foreach(json_object_get(sec, "items"), j, it)
				json_array_foreach(json_object_get(it, "support"), q, sp) {
					const char *t = json_string_value(json_object_get(sp, "text"));
					size_t chars = 0;

					for (const char *c = t; *c; c++)
						chars += ((unsigned char)*c & 0xC0) != 0x80;
					ck_assert_int_eq(json_integer_value(json_object_get(sp,
					    "file_end")) - json_integer_value(json_object_get(sp,
					    "file_start")), (json_int_t)chars);
					checked += strstr(t, "\xE2\x80\x99") != NULL ||
					    strstr(t, "\xE2\x80\x93") != NULL;
				}
		ck_assert_int_gt(checked, 0);
		json_decref(root);
	}
	free(md);
	free(json);
	buf_free(&a);
	buf_free(&out);
}
END_TEST

Suite *sources_suite(void);

Suite *
sources_suite(void)
{
	Suite *s = suite_create("sources");
	TCase *tc = tcase_create("sources");

	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_add_test(tc, test_html_page_as_text);
	tcase_add_test(tc, test_html_in_directory);
	tcase_add_test(tc, test_markdown_front_matter);
	tcase_add_test(tc, test_windows_1252);
	suite_add_tcase(s, tc);
	return s;
}
