/*
 * test_ingest.c -- decoding, header fields, paragraphs, title, dek,
 * headings, bullets and boilerplate removal.
 */
#include "testutil.h"

#include <stdio.h>

#include "brief/ingest.h"

struct warns {
	int n;
	int line;
};

static void
S_warn(void *ctx, const char *file, int line, const char *msg)
{
	struct warns *w = ctx;
	(void)file;
	(void)msg;
	w->n++;
	w->line = line;
}

/* Ingest s; paragraphs joined with " | ", flags as prefixes. */
static int
S_ingest(const char *s, size_t n, struct doc *d, struct arena *a, struct warns *w)
{
	struct brief_diag diag = { S_warn, w };
	struct brief_err err;
	return ingest_mem(a, "t.txt", s, n, d, &diag, &err);
}

static void
S_paras(const struct doc *d, struct buf *b)
{
	for (size_t i = 0; i < d->npara; i++) {
		const struct para *p = &d->para[i];
		if (i)
			buf_puts(b, " | ");
		if (p->flags & PARA_TITLE) buf_puts(b, "T:");
		else if (p->flags & PARA_HEADING) buf_puts(b, "H:");
		if (p->flags & PARA_DEK) buf_puts(b, "D:");
		if (p->flags & PARA_BULLET) buf_puts(b, "B:");
		buf_put(b, d->text + p->off, p->len);
	}
	buf_cstr(b);
}

static const struct {
	const char *in;
	const char *out;
} cases[] = {
	{ "One sentence here.\nAnother paragraph.\n",
	  "One sentence here. | Another paragraph." },
	{ "\xEF\xBB\xBFWith a BOM.\r\nCRLF lines.\r\n",
	  "With a BOM. | CRLF lines." },
	{ "logo\n\nA Title For The Story\n\nA Title For The Story\n\nThe dek says this.\n\nBody text.\n\nLeave Your Comment\n\n \n\nTop\n",
	  "T:A Title For The Story | D:The dek says this. | Body text." },
	{ "Headline Without A Period\nFirst paragraph of text.\nSub heading\nMore text here.\n",
	  "T:Headline Without A Period | D:First paragraph of text. | H:Sub heading | More text here." },
	{ "Text before list.\n  \xE2\x80\xA2 First bullet item.\n* Second bullet item.\nAfter.\n",
	  "Text before list. | B:First bullet item. | B:Second bullet item. | After." },
	{ "Body text.\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nGreat article!\n",
	  "Body text." },
	{ "Body text.\nShare this article\nAdvertisement\nMore body text.\n",
	  "Body text. | More body text." },
	{ "Why Now?\nThe reason is simple.\n",
	  "H:Why Now? | The reason is simple." },
	{ "Title: Given Title\nDate: 2025-03-04\nSource: Example Wire\n\nThe body starts here.\n",
	  "The body starts here." },
	{ "This article was hard wrapped at a fixed width by its\npublisher so every line ends without punctuation and\nthe reader must join them.\n\nA second paragraph that is also wrapped at a narrow\nwidth and continues here on the next line of the file.\n",
	  "This article was hard wrapped at a fixed width by its publisher so every line ends without punctuation and the reader must join them. | A second paragraph that is also wrapped at a narrow width and continues here on the next line of the file." },
};

START_TEST(test_ingest_cases)
{
	struct arena *a = arena_new();
	struct doc d;
	struct warns w = { 0, 0 };
	struct buf b = { 0 };
	ck_assert_int_eq(S_ingest(cases[_i].in, strlen(cases[_i].in), &d, a, &w), 0);
	S_paras(&d, &b);
	ck_assert_str_eq(b.p, cases[_i].out);
	buf_free(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_ingest_header)
{
	static const char s[] = "Title: Given Title\nDate: 18 February 2025\n"
		"Outlet: Example Wire\nURL: https://example.org/a\n\nBody text here.\n";
	struct arena *a = arena_new();
	struct doc d;
	struct warns w = { 0, 0 };
	ck_assert_int_eq(S_ingest(s, sizeof s - 1, &d, a, &w), 0);
	ck_assert(slice_eq(d.title, "Given Title"));
	ck_assert(slice_eq(d.outlet, "Example Wire"));
	ck_assert(slice_eq(d.url, "https://example.org/a"));
	ck_assert_int_eq(d.date.y, 2025);
	ck_assert_int_eq(d.date.m, 2);
	ck_assert_int_eq(d.date.d, 18);
	ck_assert_int_eq(d.para[0].line, 6);
	arena_free(a);
}
END_TEST

/* A UTF-8 file (its “quotes” and dashes — well formed) with a corrupt
 * byte and a cut sequence: U+FFFD, a warning per line. */
START_TEST(test_ingest_invalid_utf8)
{
	static const char s[] = "Good \xE2\x80\x9Cline\xE2\x80\x9D \xE2\x80\x94 "
		"fine.\nBad \xFF byte and \xC3 cut.\nCtrl \x01 char.\n";
	struct arena *a = arena_new();
	struct doc d;
	struct warns w = { 0, 0 };
	ck_assert_int_eq(S_ingest(s, sizeof s - 1, &d, a, &w), 0);
	ck_assert_int_eq(w.n, 2);          /* one warning per line */
	ck_assert_int_eq(w.line, 3);
	ck_assert_ptr_nonnull(strstr(d.text, "Bad \xEF\xBF\xBD byte"));
	ck_assert_ptr_null(strchr(d.text, '\x01'));
	ck_assert_int_eq(d.para[1].line, 2);
	arena_free(a);
}
END_TEST

START_TEST(test_ingest_rejects)
{
	struct arena *a = arena_new();
	struct doc d;
	struct warns w = { 0, 0 };
	struct brief_err err;
	ck_assert_int_eq(ingest_mem(a, "e.txt", "", 0, &d, NULL, &err), -1);
	ck_assert_str_eq(err.file, "e.txt");
	ck_assert_int_eq(ingest_mem(a, "b.bin", "\x00\x01\x02", 3, &d, NULL, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "binary"));
	ck_assert_int_eq(S_ingest("Top\nlogo\n", 9, &d, a, &w), -1);
	ck_assert_int_eq(ingest_file(a, "/nonexistent/x.txt", &d, NULL, &err), -1);
	ck_assert_str_eq(err.file, "/nonexistent/x.txt");
	arena_free(a);
}
END_TEST

START_TEST(test_ingest_boilerplate)
{
	static const char *junk[] = { "Leave a Reply", "Leave Your Comment", "Top",
		"logo", "Share this", "Your email address will not be published.",
		"\xC2\xA0", "Advertisement", "Back to top" };
	static const char *text[] = { "Top officials met on Monday.",
		"The logo was unveiled.", "Leave" };
	for (size_t k = 0; k < sizeof junk / sizeof *junk; k++)
		ck_assert_msg(ingest_is_boilerplate(junk[k], strlen(junk[k])), "%s", junk[k]);
	for (size_t k = 0; k < sizeof text / sizeof *text; k++)
		ck_assert_msg(!ingest_is_boilerplate(text[k], strlen(text[k])), "%s", text[k]);
}
END_TEST

/* The seeds: titles found where they exist, no junk paragraph kept. */
START_TEST(test_ingest_seeds)
{
	static const struct { const char *file; const char *title; } seeds[] = {
		{ "000_e06d71125e4aec73.txt", "" },
		{ "001_d1373d20fc389b3c.txt", "Russian Duma Poised to Ratify" },
		{ "002_dde24e71c098dbc8.txt", "" },
		{ "003_9a179c9fdcd98e99.txt", "Deepening Defense Ties" },
		{ "004_3bd4bcd970557f1d.txt", "Russia Ratifies RELOS Defence Pact" },
	};
	struct arena *a = arena_new();
	for (size_t k = 0; k < sizeof seeds / sizeof *seeds; k++) {
		char path[512];
		struct doc d;
		struct brief_err err;
		snprintf(path, sizeof path, "%s/seeds/%s", test_top(), seeds[k].file);
		ck_assert_int_eq(ingest_file(a, path, &d, NULL, &err), 0);
		ck_assert_msg(strncmp(d.title.p ? d.title.p : "", seeds[k].title,
		    strlen(seeds[k].title)) == 0, "%s title", seeds[k].file);
		if (seeds[k].title[0] == '\0')
			ck_assert_uint_eq(d.title.n, 0);
		for (size_t i = 0; i < d.npara; i++) {
			struct slice p = { d.text + d.para[i].off, d.para[i].len };
			ck_assert_msg(!slice_ieq(p, "logo") && !slice_ieq(p, "top") &&
			    !slice_ieq(p, "leave a reply") && !slice_ieq(p, "leave your comment"),
			    "%s kept junk", seeds[k].file);
			ck_assert_msg(strstr(p.p, "email address will not") == NULL ||
			    (size_t)(strstr(p.p, "email address will not") - p.p) > p.n,
			    "%s kept the comment form", seeds[k].file);
		}
	}
	arena_free(a);
}
END_TEST

Suite *ingest_suite(void);

Suite *
ingest_suite(void)
{
	Suite *s = suite_create("ingest");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_ingest_cases, 0, sizeof cases / sizeof *cases);
	tcase_add_test(tc, test_ingest_header);
	tcase_add_test(tc, test_ingest_invalid_utf8);
	tcase_add_test(tc, test_ingest_rejects);
	tcase_add_test(tc, test_ingest_boilerplate);
	tcase_add_test(tc, test_ingest_seeds);
	suite_add_tcase(s, tc);
	return s;
}
