/*
 * test_pdf_checks.c -- the PDF that `brief` makes of the seeds, checked
 * from the outside as the file that gets distributed: one page, small,
 * fonts embedded with every glyph drawn, text that reads back as the
 * Markdown's words in order, well formed, compressed, reproducible,
 * with metadata and an outline, no type under 8.5 pt; on letter paper
 * too. Tools: pdfinfo, pdffonts, pdftotext (poppler-utils), qpdf,
 * mutool (mupdf-tools), and cmark's library for the Markdown.
 */
#include "testutil.h"

#include <cmark.h>
#include <stdio.h>
#include <sys/stat.h>

#define MAX_BYTES  (60 * 1024)
#define MIN_PT     8.5
#define MAX_EXTRA  120    /* words the PDF adds: bullets, numbers, the
                           * timeline's labels and dates, the footer */

static char S_dir[64];             /* /tmp/brief-checks-XXXXXX */
static struct buf S_md;            /* brief.md of the seed run */
static int S_ran;                  /* the runs in S_setup succeeded */

/* ---- helpers -------------------------------------------------------- */

/* Run the command made from fmt (its %s: the test directory) into out;
 * it must exit 0. */
static void
S_tool(struct buf *out, const char *fmt)
{
	struct buf cmd = { 0 };

	buf_printf(&cmd, fmt, S_dir, S_dir, S_dir);
	if (out != NULL)
		out->n = 0;
	ck_assert_msg(test_try_run(cmd.p, out) == 0, "%s failed: %s", cmd.p,
		out ? buf_cstr(out) : "");
	buf_free(&cmd);
}

/* brief on the seeds (at TEST_EPOCH) into S_dir/sub with extra
 * arguments. */
static int
S_brief(const char *sub, const char *args)
{
	struct buf cmd = { 0 }, out = { 0 }, all = { 0 };
	int rc;

	buf_printf(&all, "%s -t templates/relos.yaml -o '%s/%s' seeds", args,
		S_dir, sub);
	rc = test_try_run(test_brief_cmd(&cmd, all.p), &out);
	if (rc != 0)
		fprintf(stderr, "%s: %s\n", cmd.p, buf_cstr(&out));
	buf_free(&cmd);
	buf_free(&out);
	buf_free(&all);
	return rc;
}

/* Once for the test case: the seed run, again for reproducibility,
 * and on letter paper. */
static void
S_setup(void)
{
	char path[256];
	char *p = NULL;
	size_t n = 0;

	if (test_mkdtemp(S_dir, sizeof S_dir, "brief-checks") == NULL)
		return;
	snprintf(path, sizeof path, "%s/a/brief.md", S_dir);
	S_ran = S_brief("a", "") == 0 && S_brief("b", "") == 0 &&
		S_brief("letter", "--paper letter") == 0 &&
		file_read(path, &p, &n, NULL) == 0;
	if (S_ran) {
		S_md.p = p;
		S_md.n = n;
		S_md.cap = n + 1;
	}
}

static void
S_teardown(void)
{
	test_rmtree(S_dir);
	buf_free(&S_md);
}

/* Whether s[0..n) contains needle. */
static int
S_has(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

/* ---- words ---------------------------------------------------------- */

typedef VEC(char *) words;

static void
S_words_free(words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	VEC_FREE(w);
}

/* A word as compared: without hyphens (ASCII, soft, U+2010/2011), as
 * pdftotext joins "long-\nstanding" into "longstanding". */
static void
S_push_word(words *w, const char *s, size_t n)
{
	struct buf b = { 0 };

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			continue;
		if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
		    (unsigned char)s[i + 1] == 0xAD) {
			i++;
			continue;
		}
		if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x90 ||
		    (unsigned char)s[i + 2] == 0x91)) {
			i += 2;
			continue;
		}
		buf_putc(&b, s[i]);
	}
	if (b.n > 0)
		VEC_PUSH(w, xstrndup(b.p, b.n));
	buf_free(&b);
}

/* Length of the white space at s, 0 if none: ASCII, a no-break space,
 * and the zero-width space the PDF reads for its graphic and its
 * gutter. */
static size_t
S_space(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	return u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B ? 3 : 0;
}

/* Split s into words; a word ending a line in "-" goes on with the
 * first word of the next line (a word hyphenated at a line end, or at
 * the foot of a column). */
static void
S_split(words *w, const char *s)
{
	struct buf word = { 0 };

	while (*s) {
		size_t k = S_space(s), run = 0;
		int newline = 0;

		if (k == 0) {
			buf_putc(&word, *s++);
			continue;
		}
		while ((k = S_space(s + run)) > 0) {
			newline |= s[run] == '\n';
			run += k;
		}
		s += run;
		if (newline && word.n > 0 && word.p[word.n - 1] == '-')
			continue;
		if (word.n > 0)
			S_push_word(w, word.p, word.n);
		word.n = 0;
	}
	if (word.n > 0)
		S_push_word(w, word.p, word.n);
	buf_free(&word);
}

/* The text of the Markdown: its text and code nodes, block by block. */
static void
S_md_text(const char *md, size_t n, struct buf *out)
{
	cmark_node *doc = cmark_parse_document(md, n, CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);

		if (ev != CMARK_EVENT_ENTER) {
			if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING)
				buf_putc(out, ' ');
			continue;
		}
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			buf_puts(out, cmark_node_get_literal(node));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			buf_putc(out, ' ');
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	buf_cstr(out);
}

/* ---- the checks ----------------------------------------------------- */

START_TEST(test_one_page_small)
{
	struct buf out = { 0 };
	struct stat sb;
	char path[256], val[256];

	ck_assert_msg(S_ran, "brief failed on the seeds");
	S_tool(&out, "pdfinfo '%s/a/brief.pdf'");
	ck_assert_str_eq(test_pdfinfo_field(out.p, "Pages", val, sizeof val),
		"1");
	ck_assert_str_eq(test_pdfinfo_field(out.p, "Page size", val,
		sizeof val),
		"595.276 x 841.89 pts (A4)");
	snprintf(path, sizeof path, "%s/a/brief.pdf", S_dir);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_msg(sb.st_size <= MAX_BYTES, "brief.pdf is %ld bytes",
		(long)sb.st_size);
	buf_free(&out);
}
END_TEST

START_TEST(test_letter)
{
	struct buf out = { 0 };
	char val[256];

	ck_assert(S_ran);
	S_tool(&out, "pdfinfo '%s/letter/brief.pdf'");
	ck_assert_str_eq(test_pdfinfo_field(out.p, "Pages", val, sizeof val),
		"1");
	ck_assert_str_eq(test_pdfinfo_field(out.p, "Page size", val,
		sizeof val),
		"612 x 792 pts (letter)");
	buf_free(&out);
}
END_TEST

START_TEST(test_metadata_and_outline)
{
	struct buf out = { 0 }, want = { 0 };
	static const char *const keys[] = { "Title", "Author", "Subject",
		"Keywords", "Creator" };
	char val[256];
	int h2 = 0;

	ck_assert(S_ran);
	S_tool(&out, "pdfinfo '%s/a/brief.pdf'");
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		ck_assert_msg(*test_pdfinfo_field(out.p, keys[k], val,
			sizeof val) != '\0', "no %s in:\n%s", keys[k], out.p);
	ck_assert_str_eq(test_pdfinfo_field(out.p, "Title", val,
		sizeof val),
		"India\xE2\x80\x93Russia RELOS Logistics Pact");
	ck_assert_str_eq(test_pdfinfo_field(out.p, "CreationDate", val,
		sizeof val),
		"Fri Nov 21 00:00:00 2025 UTC");
	/* a bookmark per section heading, to page 1 */
	S_tool(&out, "mutool show '%s/a/brief.pdf' outline");
	for (const char *l = S_md.p; l && *l; l = strchr(l, '\n') ?
	    strchr(l, '\n') + 1 : NULL) {
		if (strncmp(l, "## ", 3) != 0)
			continue;
		want.n = 0;
		buf_printf(&want, "\"%.*s\"\t#page=1", (int)strcspn(l + 3, "\n"),
			l + 3);
		ck_assert_msg(strstr(out.p, want.p) != NULL, "no bookmark %s "
			"in:\n%s", want.p, out.p);
		h2++;
	}
	ck_assert_int_ge(h2, 5);
	buf_free(&out);
	buf_free(&want);
}
END_TEST

START_TEST(test_fonts_embedded_all_glyphs)
{
	struct buf fonts = { 0 }, trace = { 0 };
	int n = 0;
	char *l;

	ck_assert(S_ran);
	S_tool(&fonts, "pdffonts '%s/a/brief.pdf'");
	S_tool(&trace, "mutool trace '%s/a/brief.pdf' 2>/dev/null");
	/* every glyph drawn is a real one: no .notdef, no U+FFFD */
	ck_assert_ptr_nonnull(strstr(trace.p, "<g unicode="));
	ck_assert_ptr_null(strstr(trace.p, "glyph=\"0\""));
	ck_assert_ptr_null(strstr(trace.p, "unicode=\"\xEF\xBF\xBD\""));
	ck_assert_ptr_null(strstr(trace.p, "&#xfffd;"));
	/* two header lines; then each font: embedded, and drawn */
	l = strchr(strchr(fonts.p, '\n') + 1, '\n') + 1;
	for (char *end; *l; l = end + 1) {
		char name[128], span[160];

		ck_assert_ptr_nonnull(end = strchr(l, '\n'));
		*end = '\0';
		ck_assert_msg(strstr(l, " yes yes yes ") != NULL,
			"not embedded as a subset with a map: %s", l);
		ck_assert_int_eq(sscanf(l, "%127s", name), 1);
		snprintf(span, sizeof span, "<span font=\"%s\"", name);
		ck_assert_msg(strstr(trace.p, span) != NULL, "%s draws nothing",
			name);
		n++;
	}
	ck_assert_int_ge(n, 3);
	buf_free(&fonts);
	buf_free(&trace);
}
END_TEST

/* No type under 8.5 pt: the sizes mutool reports for every font run. */
START_TEST(test_min_type_size)
{
	struct buf out = { 0 };
	double min = 1e9;
	int runs = 0;

	ck_assert(S_ran);
	S_tool(&out, "mutool draw -q -F stext -o - '%s/a/brief.pdf' "
		"2>/dev/null");
	for (const char *s = out.p; (s = strstr(s, " size=\"")) != NULL;
	    s++) {
		double size = strtod(s + 7, NULL);

		if (size < min)
			min = size;
		runs++;
	}
	ck_assert_int_gt(runs, 10);
	ck_assert_msg(min >= MIN_PT - 1e-6, "type at %.3f pt", min);
	buf_free(&out);
}
END_TEST

START_TEST(test_well_formed_compressed)
{
	struct buf out = { 0 };
	char *pdf = NULL;
	size_t n = 0;
	int streams = 0;

	ck_assert(S_ran);
	S_tool(&out, "qpdf --check '%s/a/brief.pdf' 2>&1");
	ck_assert_ptr_nonnull(strstr(out.p, "No syntax or stream encoding "
		"errors"));
	ck_assert_ptr_null(strstr(out.p, "WARNING"));
	/* every stream deflated */
	pdf = test_read(&n, "%s/a/brief.pdf", S_dir);
	/* (binary: stream data may hold NUL bytes) */
	for (size_t i = 3; i + 7 <= n; i++) {
		size_t d = i;

		if (memcmp(pdf + i, "stream", 6) != 0 ||
		    (pdf[i + 6] != '\r' && pdf[i + 6] != '\n') ||
		    memcmp(pdf + i - 3, "end", 3) == 0)
			continue;
		while (d > 0 && memcmp(pdf + d, "<<", 2) != 0)
			d--;
		ck_assert_msg(S_has(pdf + d, i - d, "/FlateDecode"),
			"an uncompressed stream at byte %zu", i);
		ck_assert(!S_has(pdf + d, i - d, "/ID"));
		streams++;
	}
	/* a document ID in the trailer, derived from the content */
	ck_assert(S_has(pdf + n - (n > 400 ? 400 : n), n > 400 ? 400 : n,
		"trailer\n<<\n/ID [<"));
	ck_assert_int_gt(streams, 4);
	free(pdf);
	buf_free(&out);
}
END_TEST

START_TEST(test_reproducible)
{
	struct buf out = { 0 };

	ck_assert(S_ran);
	S_tool(&out, "cmp '%s/a/brief.pdf' '%s/b/brief.pdf' 2>&1");
	S_tool(&out, "cmp '%s/a/brief.md' '%s/b/brief.md' 2>&1");
	buf_free(&out);
}
END_TEST

START_TEST(test_pdftotext_quiet)
{
	struct buf out = { 0 };

	ck_assert(S_ran);
	S_tool(&out, "pdftotext -enc UTF-8 '%s/a/brief.pdf' /dev/null 2>&1");
	ck_assert_msg(out.n == 0, "pdftotext says: %s", out.p);
	buf_free(&out);
}
END_TEST

/* pdftotext gives back the Markdown's words in reading order: they
 * are a subsequence of the PDF's words, which add only a few of their
 * own (list markers, the timeline's labels, the footer). */
START_TEST(test_words_in_order)
{
	struct buf text = { 0 }, mdtext = { 0 };
	words pw = { 0 }, mw = { 0 };
	size_t j = 0;

	ck_assert(S_ran);
	S_tool(&text, "pdftotext -enc UTF-8 '%s/a/brief.pdf' - 2>/dev/null");
	/* the page lists its sources shortly; brief.md in full */
	const char *src = strstr(S_md.p, "\n## Sources");
	S_md_text(S_md.p, src ? (size_t)(src - S_md.p) : S_md.n, &mdtext);
	S_split(&pw, text.p);
	S_split(&mw, mdtext.p);
	ck_assert_uint_gt(mw.n, 300);
	for (size_t i = 0; i < mw.n; i++, j++) {
		size_t from = j;

		while (j < pw.n && strcmp(pw.v[j], mw.v[i]) != 0)
			j++;
		if (j == pw.n) {
			struct buf ctx = { 0 };

			for (size_t k = from; k < pw.n && k < from + 16; k++)
				buf_printf(&ctx, " %s", pw.v[k]);
			ck_abort_msg("word %zu \"%s\" (after \"%s %s\") is not in "
				"the PDF's text after word %zu:%.300s", i, mw.v[i],
				i > 1 ? mw.v[i - 2] : "", i > 0 ? mw.v[i - 1] : "",
				from, buf_cstr(&ctx));
		}
	}
	ck_assert_msg(pw.n - mw.n <= MAX_EXTRA, "the PDF has %zu words more "
		"than the Markdown", pw.n - mw.n);
	S_words_free(&pw);
	S_words_free(&mw);
	buf_free(&text);
	buf_free(&mdtext);
}
END_TEST

/* The word splitter itself: hyphens at line ends join, hyphens go. */
START_TEST(test_split_words)
{
	words w = { 0 };

	S_split(&w, "a long-\nstanding, well-known\xC2\xA0" "co\xC2\xADop "
		"[5]\n\xE2\x80\x94 en-\n\n\xE2\x80\x8B\n\nd- \xE2\x80\x8B");
	ck_assert_uint_eq(w.n, 7);
	ck_assert_str_eq(w.v[0], "a");
	ck_assert_str_eq(w.v[1], "longstanding,");
	ck_assert_str_eq(w.v[2], "wellknown");
	ck_assert_str_eq(w.v[3], "coop");
	ck_assert_str_eq(w.v[4], "[5]");
	ck_assert_str_eq(w.v[5], "\xE2\x80\x94");
	ck_assert_str_eq(w.v[6], "end");
	S_words_free(&w);
}
END_TEST

Suite *pdf_checks_suite(void);

Suite *
pdf_checks_suite(void)
{
	Suite *s = suite_create("pdf_checks");
	TCase *tc = tcase_create("seeds");
	TCase *unit = tcase_create("words");

	tcase_add_unchecked_fixture(tc, S_setup, S_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_one_page_small);
	tcase_add_test(tc, test_letter);
	tcase_add_test(tc, test_metadata_and_outline);
	tcase_add_test(tc, test_fonts_embedded_all_glyphs);
	tcase_add_test(tc, test_min_type_size);
	tcase_add_test(tc, test_well_formed_compressed);
	tcase_add_test(tc, test_reproducible);
	tcase_add_test(tc, test_pdftotext_quiet);
	tcase_add_test(tc, test_words_in_order);
	suite_add_tcase(s, tc);
	tcase_add_test(unit, test_split_words);
	suite_add_tcase(s, unit);
	return s;
}
