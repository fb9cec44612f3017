/*
 * test_outputs.c -- brief.json and brief.html, from the outside.
 *
 * JSON: parsed back with jansson; every item's citations have one
 * supporting sentence each, and every span (sentence and date phrase)
 * is checked against the bytes of the source file. HTML: loaded by
 * headless Chromium with no console message, printed to one page;
 * citations link to anchors that exist; source text never becomes
 * markup.
 */
#include "testutil.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>

#include <jansson.h>
#include <unicode/utf8.h>

/* Run brief with args; it must succeed. */
static void
S_brief(const char *args)
{
	struct buf cmd = { 0 }, out = { 0 };
	int rc = test_run(test_brief_cmd(&cmd, args), &out);

	ck_assert_msg(rc == 0, "brief %s: %s", args, buf_cstr(&out));
	buf_free(&cmd);
	buf_free(&out);
}

/* The topics: "-t TEMPLATE SOURCES" for the seeds and each test corpus
 * (a story that moves: both its parts). Returns how many. */
static int
S_topics(char args[][2600], int max)
{
	char dir[512];
	DIR *top;
	struct dirent *e;
	int n = 0;

	snprintf(args[n++], 2600, "-t '%s/templates/relos.yaml' '%s/seeds'",
	    test_top(), test_top());
	snprintf(dir, sizeof dir, "%s/tests/corpora", test_top());
	top = opendir(dir);
	ck_assert_ptr_nonnull(top);
	while ((e = readdir(top)) != NULL && n < max) {
		char tpl[1024], arts[1024];
		FILE *fp;
		DIR *a;

		if (e->d_name[0] == '.' || strcmp(e->d_name, "seeds") == 0)
			continue;
		snprintf(tpl, sizeof tpl, "%s/%s/template.yaml", dir, e->d_name);
		if ((fp = fopen(tpl, "r")) == NULL)
			continue;
		fclose(fp);
		snprintf(arts, sizeof arts, "%s/%s/articles", dir, e->d_name);
		if ((a = opendir(arts)) != NULL) {
			closedir(a);
			snprintf(args[n++], 2600, "-t '%s' '%s'", tpl, arts);
		} else {
			snprintf(args[n++], 2600, "-t '%s' '%s/%s/early' '%s/%s/late'",
			    tpl, dir, e->d_name, dir, e->d_name);
		}
	}
	closedir(top);
	return n;
}

/* The file's bytes [a, b) with line ends and tabs read as spaces, as
 * the brief reads them. */
static char *
S_span(const char *path, json_int_t a, json_int_t b)
{
	size_t n;
	char *all = test_read(&n, "%s", path), *out;
	size_t w = 0;

	ck_assert_msg(a >= 0 && a <= b && (size_t)b <= n, "%s: span %lld..%lld "
	    "outside %zu bytes", path, (long long)a, (long long)b, n);
	out = xmalloc(3 * (size_t)(b - a) + 1);
	for (int32_t i = (int32_t)a, end = (int32_t)b; i < end; ) {
		int32_t at = i;
		UChar32 c;

		U8_NEXT(all, i, end, c);
		if (c == '\r' && i < end && all[i] == '\n')
			continue;
		if (c == '\n' || c == '\r' || c == '\t')
			out[w++] = ' ';
		else if (c < 0x20 || c == 0x7F)   /* malformed, or a control */
			memcpy(out + w, "\xEF\xBF\xBD", 3), w += 3;
		else
			memcpy(out + w, all + at, (size_t)(i - at)), w += (size_t)(i - at);
	}
	out[w] = '\0';
	free(all);
	return out;
}

/* Every support entry and date phrase of item it points at its text. */
static int
S_check_item(json_t *it, size_t nsources)
{
	json_t *cites = json_object_get(it, "cites");
	json_t *sup = json_object_get(it, "support");
	size_t k;
	json_t *s;
	int spans = 0;

	ck_assert(json_is_string(json_object_get(it, "text")));
	ck_assert(json_is_array(cites) && json_array_size(cites) > 0);
	ck_assert_msg(json_array_size(sup) == json_array_size(cites),
	    "%zu citations, %zu supporting sentences", json_array_size(cites),
	    json_array_size(sup));
	json_array_foreach(sup, k, s) {
		const char *file = json_string_value(json_object_get(s, "file"));
		const char *text = json_string_value(json_object_get(s, "text"));
		json_int_t src = json_integer_value(json_object_get(s, "source"));
		json_t *dates = json_object_get(s, "dates"), *d;
		size_t q;
		char *got;

		ck_assert_int_eq(src, json_integer_value(json_array_get(cites, k)));
		ck_assert(src >= 1 && (size_t)src <= nsources);
		ck_assert(k == 0 || src > json_integer_value(json_array_get(cites, k - 1)));
		ck_assert_int_gt(json_integer_value(json_object_get(s, "line")), 0);
		got = S_span(file, json_integer_value(json_object_get(s, "file_start")),
		    json_integer_value(json_object_get(s, "file_end")));
		ck_assert_msg(strcmp(got, text) == 0, "%s: span reads\n%s\nnot\n%s",
		    file, got, text);
		free(got);
		spans++;
		json_array_foreach(dates, q, d) {
			got = S_span(file, json_integer_value(json_object_get(d, "file_start")),
			    json_integer_value(json_object_get(d, "file_end")));
			ck_assert_str_eq(got, json_string_value(json_object_get(d, "text")));
			ck_assert(strstr(text, got) != NULL);
			free(got);
			spans++;
		}
	}
	return spans;
}

/* Check brief.json in dir; returns the spans checked. */
static int
S_check_json(const char *dir, int *items)
{
	json_error_t e;
	char path[512];
	json_t *root, *secs, *srcs, *sec, *it;
	size_t k, j;
	int spans = 0;

	snprintf(path, sizeof path, "%s/brief.json", dir);
	root = json_load_file(path, 0, &e);
	ck_assert_msg(root != NULL, "%s:%d: %s", path, e.line, e.text);
	ck_assert_str_eq(json_string_value(json_object_get(root, "format")),
	    "brief-json/1");
	secs = json_object_get(root, "sections");
	srcs = json_object_get(root, "sources");
	ck_assert(json_array_size(secs) >= 1);
	ck_assert(json_array_size(srcs) >= 1);
	json_array_foreach(srcs, k, it) {
		ck_assert_int_eq(json_integer_value(json_object_get(it, "id")), (json_int_t)k + 1);
		ck_assert(json_is_string(json_object_get(it, "file")));
	}
	json_array_foreach(secs, k, sec) {
		const char *kind = json_string_value(json_object_get(sec, "kind"));

		json_array_foreach(json_object_get(sec, "items"), j, it) {
			spans += S_check_item(it, json_array_size(srcs));
			(*items)++;
			if (strcmp(kind, "views") == 0)
				ck_assert(json_is_string(json_object_get(
				    json_object_get(it, "view"), "speaker")));
			if (strcmp(kind, "timeline") == 0)
				ck_assert(json_is_string(json_object_get(
				    json_object_get(it, "date"), "start")));
		}
	}
	json_decref(root);
	return spans;
}

/* Every topic's brief.json: parsed back, every span on its sentence. */
START_TEST(test_json_spans)
{
	char args[16][2600], tmp[256];
	int n = S_topics(args, 16), spans = 0, items = 0;

	ck_assert_ptr_nonnull(test_mkdtemp(tmp, sizeof tmp, "brief-json"));
	for (int k = 0; k < n; k++) {
		struct buf a = { 0 };

		buf_printf(&a, "-q -f json,md -o '%s' %s", tmp, args[k]);
		S_brief(a.p);
		spans += S_check_json(tmp, &items);
		buf_free(&a);
	}
	ck_assert_int_ge(n, 7);
	ck_assert_int_gt(items, 8 * n);
	fprintf(stderr, "brief.json: %d topics, %d items, %d spans checked "
	    "against the source bytes\n", n, items, spans);
	test_rmtree(tmp);
}
END_TEST

/* Offsets are the file's, when the text is not: a BOM, CRLF line ends,
 * a malformed byte, tabs. */
START_TEST(test_json_file_offsets)
{
	char tmp[256], *text;
	struct buf a = { 0 }, art = { 0 };
	int items = 0;

	ck_assert_ptr_nonnull(test_mkdtemp(tmp, sizeof tmp, "brief-json-off"));
	for (int k = 0; k < 2; k++) {
		FILE *fp;
		char path[512];

		art.n = 0;
		buf_puts(&art, "\xEF\xBB\xBFTitle: Ports deal \xFF signed\r\n"
		    "Date: 2024-03-05\r\n\r\n");
		buf_printf(&art, "The logistics agreement was signed on March 4, 2024,"
		    " in Lisb\xF6n\tby the two ministers. [%d]\r\n\r\n", k);
		buf_puts(&art, "The logistics agreement \xE2\x80\x94 a \xE2\x80\x9C"
		    "first\xE2\x80\x9D \xE2\x80\x94 lets each navy use the other\xE2"
		    "\x80\x99s p\xF6rts for refuelling and repairs.\r\n\r\n"
		    "\xC3 The logistics agreement will be ratified by parliament"
		    " in June 2024, officials said.\r\n");
		snprintf(path, sizeof path, "%s/a%d.txt", tmp, k);
		ck_assert_ptr_nonnull(fp = fopen(path, "wb"));
		fwrite(art.p, 1, art.n, fp);
		fclose(fp);
	}
	buf_printf(&a, "-q -f json -t '%s/templates/agreement.yaml' -o '%s/out' "
	    "'%s/a0.txt' '%s/a1.txt'", test_top(), tmp, tmp, tmp);
	S_brief(a.p);
	snprintf(a.p, a.cap, "%s/out", tmp);
	ck_assert_int_ge(S_check_json(a.p, &items), 2);
	/* the malformed byte is in a span checked: U+FFFD in the text */
	text = test_read(NULL, "%s/out/brief.json", tmp);
	ck_assert_ptr_nonnull(strstr(text, "p\xEF\xBF\xBDrts"));
	free(text);
	ck_assert_int_gt(items, 0);
	test_rmtree(tmp);
	buf_free(&a);
	buf_free(&art);
}
END_TEST

/* Whether the HTML's citations all lead to anchors that exist. */
static void
S_check_links(const char *html)
{
	int links = 0;

	for (const char *p = html; (p = strstr(p, "href=\"#src-")) != NULL; p++) {
		char want[48];
		int id = atoi(p + 11);

		snprintf(want, sizeof want, "id=\"src-%d\"", id);
		ck_assert_msg(strstr(html, want) != NULL, "no anchor for source %d", id);
		links++;
	}
	ck_assert_int_gt(links, 3);
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_null(strstr(html, "<!-- raw HTML omitted -->"));
}

/* Chromium: no console message loading it, one page printing it. */
static void
S_browser(const char *dir)
{
	struct buf out = { 0 }, err = { 0 }, info = { 0 };
	char pages[32];
	const char *flags = "--headless --no-sandbox --disable-gpu "
		"--no-first-run --user-data-dir";

	test_cmd(&out, NULL, "cd '%s' && chromium %s='%s/profile' "
	    "--enable-logging=stderr --v=0 --dump-dom brief.html "
	    "2>console.log >dom.html; grep -c ':CONSOLE' console.log || true",
	    dir, flags, dir);
	ck_assert_msg(atoi(out.p) == 0, "console messages:\n%s",
	    test_read(NULL, "%s/console.log", dir));
	test_cmd(NULL, NULL, "cd '%s' && chromium %s='%s/profile' "
	    "--no-pdf-header-footer --print-to-pdf=printed.pdf brief.html "
	    "2>/dev/null", dir, flags, dir);
	test_cmd(&info, &err, "pdfinfo '%s/printed.pdf'", dir);
	ck_assert_str_eq(test_pdfinfo_field(info.p, "Pages", pages, sizeof pages), "1");
	buf_free(&out);
	buf_free(&err);
	buf_free(&info);
}

/* brief.html for the seeds and every topic: links whole, loads clean
 * in a real browser, prints on one page. */
START_TEST(test_html_browser)
{
	char args[16][2600], tmp[256];
	int n = S_topics(args, 16);

	ck_assert_ptr_nonnull(test_mkdtemp(tmp, sizeof tmp, "brief-html"));
	for (int k = 0; k < n; k++) {
		struct buf a = { 0 };
		char *html;

		buf_printf(&a, "-q -f html -o '%s' %s", tmp, args[k]);
		S_brief(a.p);
		html = test_read(NULL, "%s/brief.html", tmp);
		ck_assert_ptr_nonnull(strstr(html, "<!DOCTYPE html>"));
		ck_assert_ptr_nonnull(strstr(html, "<html lang=\"en\">"));
		ck_assert_ptr_nonnull(strstr(html, "<section class=\"summary\">"));
		ck_assert_ptr_nonnull(strstr(html, "<div class=\"cols\">"));
		S_check_links(html);
		free(html);
		S_browser(tmp);
		buf_free(&a);
	}
	test_rmtree(tmp);
}
END_TEST

/* Markup in a source is text in the page; a source's URL is a link,
 * in the PDF too. */
START_TEST(test_html_source_text_is_text)
{
	char tmp[256], path[512];
	struct buf a = { 0 };
	FILE *fp;
	char *html;

	ck_assert_ptr_nonnull(test_mkdtemp(tmp, sizeof tmp, "brief-html-x"));
	snprintf(path, sizeof path, "%s/a.txt", tmp);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs("Title: The <b>ports</b> agreement & more\n"
	    "URL: https://example.org/news/ports-deal?id=1&x=2\n"
	    "Date: 2024-03-05\n\n"
	    "The ports agreement <script>alert(1)</script> was signed on "
	    "March 4, 2024, by the two ministers in Lisbon.\n\n"
	    "The ports agreement lets each navy use the other's ports for "
	    "refuelling and repairs, [officials](javascript:alert(2)) said.\n", fp);
	fclose(fp);
	buf_printf(&a, "-q -f html,pdf -t '%s/templates/agreement.yaml' -o '%s' '%s'",
	    test_top(), tmp, path);
	S_brief(a.p);
	html = test_read(NULL, "%s/brief.html", tmp);
	ck_assert_ptr_null(strstr(html, "<script>alert"));
	ck_assert_ptr_null(strstr(html, "<b>ports"));
	ck_assert_ptr_null(strstr(html, "href=\"javascript"));
	ck_assert_ptr_nonnull(strstr(html, "&lt;script&gt;"));
	ck_assert_ptr_nonnull(strstr(html,
	    "href=\"https://example.org/news/ports-deal?id=1&amp;x=2\""));
	free(html);
	S_browser(tmp);
	/* in the PDF the source's link is a Link element of the structure */
	a.n = 0;
	test_cmd(&a, NULL, "pdfinfo -struct-text '%s/brief.pdf'", tmp);
	ck_assert_ptr_nonnull(strstr(a.p, "Link (inline)"));
	test_rmtree(tmp);
	buf_free(&a);
}
END_TEST

/* s with only its letters and digits kept (ASCII case-folded, other
 * bytes of UTF-8 letters kept as they are): text as two layouts of it
 * both read it, line breaks and hyphens aside. */
static char *
S_letters(const char *s, size_t n)
{
	char *o = xmalloc(n + 1);
	size_t w = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isalnum(c))
			o[w++] = (char)tolower(c);
		else if (c >= 0x80 && !(c == 0xE2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80))   /* not U+2000-203F */
			o[w++] = (char)c;
		else if (c == 0xE2 && i + 2 < n)
			i += 2;
	}
	o[w] = '\0';
	return o;
}

/* The quoted text lines of pdfinfo -struct-text, one after another. */
static void
S_struct_text(struct buf *b)
{
	struct buf t = { 0 };

	for (const char *p = b->p; (p = strchr(p, '"')) != NULL; ) {
		const char *e = strchr(p, '\n') ? strchr(p, '\n') : p + strlen(p);
		const char *q = e;

		while (q > p + 1 && q[-1] != '"')
			q--;
		if (q > p + 1)
			buf_put(&t, p + 1, (size_t)(q - 1 - (p + 1)));
		buf_putc(&t, '\n');
		p = *e ? e + 1 : e;
	}
	b->n = 0;
	buf_put(b, t.p ? t.p : "", t.n);
	buf_cstr(b);
	buf_free(&t);
}

/* Every item of brief.json in dir, by its first five words, comes in
 * order in text (from the PDF); returns the items found. */
static int
S_in_order(const char *dir, const char *what, const char *text)
{
	json_error_t e;
	char path[512];
	json_t *root, *sec, *it;
	size_t k, j;
	char *hay = S_letters(text, strlen(text));
	const char *at = hay;
	int n = 0;

	snprintf(path, sizeof path, "%s/brief.json", dir);
	root = json_load_file(path, 0, &e);
	ck_assert_ptr_nonnull(root);
	json_array_foreach(json_object_get(root, "sections"), k, sec)
		json_array_foreach(json_object_get(sec, "items"), j, it) {
			const char *t = json_string_value(json_object_get(it, "text"));
			size_t len = 0;
			char *key;
			const char *f;

			for (int words = 0; t[len] && words < 5; len++)
				words += t[len] == ' ';
			key = S_letters(t, len);
			f = strstr(at, key);
			ck_assert_msg(f != NULL, "%s, %s: \"%.*s\" %s", dir, what,
			    (int)len, t, strstr(hay, key) ? "out of order" : "missing");
			at = f + strlen(key);
			free(key);
			n++;
		}
	json_decref(root);
	free(hay);
	return n;
}

/* The PDF of every topic reads in the brief's order: by layout
 * (pdftotext, with nothing invisible read) and by structure (pdfinfo
 * -struct-text), which also has its sections and figure. */
START_TEST(test_pdf_reading_order)
{
	char args[16][2600], tmp[256];
	int n = S_topics(args, 16), items = 0;

	ck_assert_ptr_nonnull(test_mkdtemp(tmp, sizeof tmp, "brief-order"));
	for (int k = 0; k < n; k++) {
		struct buf a = { 0 }, out = { 0 };

		buf_printf(&a, "-q -f json,pdf -o '%s' %s", tmp, args[k]);
		S_brief(a.p);
		test_cmd(&out, NULL, "pdftotext -enc UTF-8 '%s/brief.pdf' -", tmp);
		ck_assert_ptr_null(strstr(out.p, "\xE2\x80\x8B"));
		items += S_in_order(tmp, "pdftotext", out.p);
		test_cmd(&out, NULL, "pdfinfo -struct-text '%s/brief.pdf'", tmp);
		ck_assert_ptr_nonnull(strstr(out.p, "Document\n"));
		ck_assert_ptr_nonnull(strstr(out.p, "  Sect\n"));
		ck_assert_ptr_nonnull(strstr(out.p, "    H2 (block)\n"));
		ck_assert_ptr_nonnull(strstr(out.p, "LBody (block)\n"));
		S_struct_text(&out);
		S_in_order(tmp, "structure", out.p);
		buf_free(&a);
		buf_free(&out);
	}
	fprintf(stderr, "brief.pdf: %d topics, %d items read in order by "
	    "layout and by structure\n", n, items);
	test_rmtree(tmp);
}
END_TEST

Suite *outputs_suite(void);

Suite *
outputs_suite(void)
{
	Suite *s = suite_create("outputs");
	TCase *j = tcase_create("json");
	TCase *h = tcase_create("html");
	TCase *p = tcase_create("pdf");

	tcase_set_timeout(j, 120);
	tcase_set_timeout(h, 300);
	tcase_add_test(j, test_json_spans);
	tcase_add_test(j, test_json_file_offsets);
	tcase_add_test(h, test_html_browser);
	tcase_add_test(h, test_html_source_text_is_text);
	tcase_set_timeout(p, 120);
	tcase_add_test(p, test_pdf_reading_order);
	suite_add_tcase(s, j);
	suite_add_tcase(s, h);
	suite_add_tcase(s, p);
	return s;
}
