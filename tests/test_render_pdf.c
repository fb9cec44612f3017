/*
 * test_render_pdf.c -- the PDF renderer, checked from the outside with
 * poppler-utils (pdfinfo, pdffonts, pdftotext) and qpdf, plus unit
 * tests of the line breaker and the fonts module.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hpdf.h>

#include "brief/base.h"
#include "brief/fonts.h"
#include "brief/layout.h"
#include "brief/render_pdf.h"
#include "testutil.h"

static const char S_small_md[] =
	"# Brief – Test\n"
	"\n"
	"*As of 1 May 2024*\n"
	"\n"
	"## First section\n"
	"\n"
	"- It’s a “quoted” phrase, 2019–2023 — and café.[1][3]\n"
	"- A bullet • inside the text, **bold** and `code`.[2]\n"
	"\n"
	"> “Quotes stay exact,” said an analyst.\n"
	"\n"
	"## Sources\n"
	"\n"
	"1. [First source](https://example.com/a) — Outlet, 1 May 2024\n"
	"2. Second source — Other Outlet\n";

static char S_dir[64];

/* ---- helpers -------------------------------------------------------- */

static void
S_setup(void)
{
	snprintf(S_dir, sizeof S_dir, "/tmp/brief-pdf-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(S_dir));
}

static void
S_teardown(void)
{
	DIR *d = opendir(S_dir);
	struct dirent *e;
	char path[512];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", S_dir, e->d_name);
		remove(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(S_dir);
}

static struct pdf_opts
S_opts(void)
{
	struct pdf_opts o = {
		.title = "Brief – Test", .author = "brief tests",
		.subject = "RELOS", .keywords = "India, Russia",
		.creator = "test_render_pdf", .serif = "Noto Serif",
		.sans = "Noto Sans", .letter = 0, .body_pt = 9.5,
		.margin_pt = 40, .epoch = 1714521600,
	};
	return o;
}

/* Render md to dir/name; returns the result. */
static struct pdf_result
S_render_file(const char *md, const struct pdf_opts *o, const char *name,
	char *path, size_t pathsz)
{
	struct buf out = { 0 };
	struct pdf_result res = { 0 };
	struct brief_err err = { 0 };
	int rc = render_pdf(md, strlen(md), o, &out, &res, &err);

	ck_assert_msg(rc == 0, "render_pdf: %s", err.msg);
	ck_assert_uint_gt(out.n, 1000);
	ck_assert_mem_eq(out.p, "%PDF-", 5);
	snprintf(path, pathsz, "%s/%s", S_dir, name);
	ck_assert_int_eq(file_write_atomic(path, out.p, out.n, &err), 0);
	buf_free(&out);
	return res;
}

/* Run cmd (stderr merged) into out; returns its exit status. */
static int
S_run(const char *cmd, struct buf *out)
{
	char line[4096];
	struct buf full = { 0 };
	FILE *p;
	size_t k;
	int st;

	buf_printf(&full, "%s 2>&1", cmd);
	p = popen(full.p, "r");
	ck_assert_ptr_nonnull(p);
	while ((k = fread(line, 1, sizeof line, p)) > 0)
		buf_put(out, line, k);
	buf_cstr(out);
	st = pclose(p);
	buf_free(&full);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Run the command made from fmt; it must exit 0. Output in out. */
static void
S_cmd(struct buf *out, const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	out->n = 0;
	ck_assert_msg(S_run(cmd, out) == 0, "%s failed: %s", cmd,
		buf_cstr(out));
}

/* Check with pdffonts that every font is embedded; returns how many. */
static int
S_embedded_fonts(const char *path)
{
	struct buf out = { 0 };
	int fonts = 0;
	char *l;

	S_cmd(&out, "pdffonts '%s'", path);
	/* two header lines, then: name type... encoding emb sub uni id gen */
	l = strchr(strchr(out.p, '\n') + 1, '\n') + 1;
	for (char *end; *l != '\0'; l = end + 1) {
		char *tok[32];
		int n = 0;

		if ((end = strchr(l, '\n')) == NULL)
			end = l + strlen(l) - 1;
		*end = '\0';
		for (char *t = strtok(l, " "); t && n < 32; t = strtok(NULL, " "))
			tok[n++] = t;
		ck_assert_int_ge(n, 7);
		ck_assert_str_eq(tok[n - 5], "yes");          /* emb */
		ck_assert_str_eq(tok[n - 6], "Identity-H");
		fonts++;
	}
	buf_free(&out);
	return fonts;
}

static const char *
S_long_md(struct buf *b)
{
	buf_puts(b, "# Long\n\n");
	for (int i = 0; i < 40; i++)
		buf_printf(b, "## Section %d\n\n- Lorem ipsum dolor sit amet, "
			"consectetur adipiscing elit, sed do eiusmod tempor "
			"incididunt ut labore et dolore magna aliqua.[%d]\n"
			"- Ut enim ad minim veniam, quis nostrud exercitation "
			"ullamco laboris nisi ut aliquip ex ea commodo.\n\n"
			"> Duis aute irure dolor in reprehenderit in voluptate "
			"velit esse cillum dolore eu fugiat nulla pariatur.\n\n",
			i, i + 1);
	return buf_cstr(b);
}

/* ---- the whole document --------------------------------------------- */

START_TEST(test_small_pdfinfo)
{
	struct pdf_opts o = S_opts();
	char path[512];
	struct buf out = { 0 };
	struct pdf_result res = S_render_file(S_small_md, &o, "s.pdf", path,
		sizeof path);

	ck_assert_int_eq(res.pages, 1);
	ck_assert(res.last_fill > 0 && res.last_fill < 0.5);
	S_cmd(&out, "pdfinfo '%s'", path);
	ck_assert_ptr_nonnull(strstr(out.p, "Pages:           1\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "595.276 x 841.89 pts (A4)"));
	ck_assert_ptr_nonnull(strstr(out.p, "Title:           Brief – Test"));
	ck_assert_ptr_nonnull(strstr(out.p, "Author:          brief tests"));
	ck_assert_ptr_nonnull(strstr(out.p, "Keywords:        India, Russia"));
	ck_assert_ptr_nonnull(strstr(out.p, "CreationDate:    Wed May  1 "
		"00:00:00 2024 UTC"));
	buf_free(&out);
}
END_TEST

START_TEST(test_small_fonts_embedded)
{
	struct pdf_opts o = S_opts();
	char path[512];
	int fonts;

	S_render_file(S_small_md, &o, "f.pdf", path, sizeof path);
	fonts = S_embedded_fonts(path);
	/* sans bold (headings), serif regular, italic, bold: no more */
	ck_assert_int_ge(fonts, 3);
	ck_assert_int_le(fonts, 5);
}
END_TEST

START_TEST(test_small_text_exact)
{
	struct pdf_opts o = S_opts();
	char path[512];
	struct buf out = { 0 };
	static const char *const want[] = {
		"Brief – Test",
		"It’s a “quoted” phrase, 2019–2023 — and café.[1][3]",
		"• A bullet • inside the text, bold and code.[2]",
		"“Quotes stay exact,” said an analyst.",
		"1. First source — Outlet, 1 May 2024",
		"2. Second source — Other Outlet",
		"Page 1 of 1",
	};

	S_render_file(S_small_md, &o, "t.pdf", path, sizeof path);
	S_cmd(&out, "pdftotext -enc UTF-8 '%s' -", path);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(out.p, want[i]) != NULL,
			"missing \"%s\" in:\n%s", want[i], out.p);
	/* the repaired ToUnicode CMap: no "Invalid 'begincidrange'" */
	ck_assert_ptr_null(strstr(out.p, "Syntax Warning"));
	ck_assert_ptr_null(strstr(out.p, "Syntax Error"));
	buf_free(&out);
}
END_TEST

START_TEST(test_small_qpdf_check)
{
	struct pdf_opts o = S_opts();
	char path[512];
	struct buf out = { 0 };

	S_render_file(S_small_md, &o, "q.pdf", path, sizeof path);
	S_cmd(&out, "qpdf --check '%s'", path);
	ck_assert_ptr_nonnull(strstr(out.p, "No syntax or stream encoding "
		"errors"));
	buf_free(&out);
}
END_TEST

START_TEST(test_link_annotation)
{
	struct pdf_opts o = S_opts();
	char path[512];
	struct buf out = { 0 };

	S_render_file(S_small_md, &o, "u.pdf", path, sizeof path);
	S_cmd(&out, "pdfinfo -url '%s'", path);
	ck_assert_msg(strstr(out.p, "Annotation    https://example.com/a\n")
		!= NULL, "no URI link annotation in:\n%s", out.p);
	buf_free(&out);
}
END_TEST

START_TEST(test_long_pages_and_measure)
{
	struct pdf_opts o = S_opts();
	struct buf md = { 0 }, out = { 0 };
	struct pdf_result drawn, measured = { 0 };
	struct brief_err err = { 0 };
	char path[512], want[64];

	drawn = S_render_file(S_long_md(&md), &o, "l.pdf", path, sizeof path);
	ck_assert_int_gt(drawn.pages, 1);
	ck_assert_int_eq(render_pdf(md.p, md.n, &o, NULL, &measured, &err), 0);
	ck_assert_int_eq(measured.pages, drawn.pages);
	ck_assert_double_eq_tol(measured.last_fill, drawn.last_fill, 1e-9);
	S_cmd(&out, "pdfinfo '%s'", path);
	snprintf(want, sizeof want, "Pages:           %d\n", drawn.pages);
	ck_assert_ptr_nonnull(strstr(out.p, want));
	snprintf(want, sizeof want, "Page %d of %d", drawn.pages, drawn.pages);
	S_cmd(&out, "pdftotext -enc UTF-8 '%s' -", path);
	ck_assert_ptr_nonnull(strstr(out.p, want));
	S_cmd(&out, "qpdf --check '%s'", path);
	ck_assert_int_ge(S_embedded_fonts(path), 2);
	buf_free(&out);
	buf_free(&md);
}
END_TEST

START_TEST(test_measure_matches_small)
{
	struct pdf_opts o = S_opts();
	struct pdf_result a = { 0 }, b = { 0 };
	struct brief_err err = { 0 };
	struct buf out = { 0 };

	ck_assert_int_eq(render_pdf(S_small_md, strlen(S_small_md), &o, NULL,
		&a, &err), 0);
	ck_assert_int_eq(render_pdf(S_small_md, strlen(S_small_md), &o, &out,
		&b, &err), 0);
	ck_assert_int_eq(a.pages, 1);
	ck_assert_int_eq(a.pages, b.pages);
	ck_assert_double_eq_tol(a.last_fill, b.last_fill, 1e-9);
	buf_free(&out);
}
END_TEST

START_TEST(test_letter)
{
	struct pdf_opts o = S_opts();
	char path[512];
	struct buf out = { 0 };

	o.letter = 1;
	S_render_file(S_small_md, &o, "letter.pdf", path, sizeof path);
	S_cmd(&out, "pdfinfo '%s'", path);
	ck_assert_ptr_nonnull(strstr(out.p, "612 x 792 pts (letter)"));
	buf_free(&out);
}
END_TEST

START_TEST(test_unknown_family_falls_back)
{
	struct pdf_opts o = S_opts();
	char path[512];
	struct buf out = { 0 };

	o.serif = "No Such Family Brief";
	o.sans = "";
	S_render_file(S_small_md, &o, "fb.pdf", path, sizeof path);
	ck_assert_int_ge(S_embedded_fonts(path), 2);
	S_cmd(&out, "pdftotext -enc UTF-8 '%s' -", path);
	ck_assert_ptr_nonnull(strstr(out.p, "It’s a “quoted” phrase"));
	buf_free(&out);
}
END_TEST

START_TEST(test_reproducible)
{
	struct pdf_opts o = S_opts();
	struct buf a = { 0 }, b = { 0 };
	struct pdf_result res;
	struct brief_err err = { 0 };

	ck_assert_int_eq(render_pdf(S_small_md, strlen(S_small_md), &o, &a,
		&res, &err), 0);
	ck_assert_int_eq(render_pdf(S_small_md, strlen(S_small_md), &o, &b,
		&res, &err), 0);
	ck_assert_uint_eq(a.n, b.n);
	ck_assert_int_eq(memcmp(a.p, b.p, a.n), 0);
	buf_free(&a);
	buf_free(&b);
}
END_TEST

START_TEST(test_empty_and_odd_input)
{
	struct pdf_opts o = S_opts();
	struct pdf_result res = { 0 };
	struct brief_err err = { 0 };
	struct buf out = { 0 };
	static const char odd[] = "Bad \xff\xfe bytes, emoji \xF0\x9F\x98\x80,"
		" tab\tand <b>html</b>\n\n<div>block</div>\n\n---\n\n"
		"```\ncode\n```\n\n-\n\n1.\n";

	ck_assert_int_eq(render_pdf("", 0, &o, &out, &res, &err), 0);
	ck_assert_int_eq(res.pages, 1);
	ck_assert_double_eq(res.last_fill, 0);
	out.n = 0;
	ck_assert_int_eq(render_pdf(odd, sizeof odd - 1, &o, &out, &res,
		&err), 0);
	ck_assert_int_eq(res.pages, 1);
	buf_free(&out);
}
END_TEST

START_TEST(test_bad_geometry_fails_cleanly)
{
	struct pdf_opts o = S_opts();
	struct pdf_result res = { 0 };
	struct brief_err err = { 0 };
	struct buf out = { 0 };

	o.margin_pt = 290;
	ck_assert_int_eq(render_pdf(S_small_md, strlen(S_small_md), &o, &out,
		&res, &err), -1);
	ck_assert_str_eq(err.stage, "pdf");
	ck_assert_ptr_nonnull(strstr(err.msg, "no room"));
	ck_assert_uint_eq(out.n, 0);
	buf_free(&out);
}
END_TEST

/* ---- line breaking and fonts ---------------------------------------- */

static struct lb_item
S_box(double w)
{
	struct lb_item it = { LB_BOX, w, 0, 0, 0 };
	return it;
}

static struct lb_item
S_glue(double w)
{
	struct lb_item it = { LB_GLUE, w, w / 2, w / 3, 0 };
	return it;
}

START_TEST(test_greedy_breaks)
{
	/* aaa bbb ccc dddddddddddddddddddd e, width 25: boxes 5, glue 1 */
	struct lb_item it[] = { S_box(5), S_glue(1), S_box(5), S_glue(1),
		S_box(5), S_glue(1), S_box(20), S_glue(1), S_box(5) };
	size_t n = sizeof it / sizeof it[0], br[16];
	size_t lines = lb_greedy(it, n, 25, br);

	ck_assert_uint_eq(lines, 3);
	ck_assert_uint_eq(br[0], 5);         /* at the glue after ccc */
	ck_assert_uint_eq(lb_next_start(it, n, br[0]), 6);
	ck_assert_uint_eq(br[1], 7);         /* 20 + 1 + 5 > 25 */
	ck_assert_uint_eq(br[2], n);
	ck_assert_uint_eq(lb_greedy(it, n, 100, br), 1);
}
END_TEST

START_TEST(test_greedy_forced_and_overfull)
{
	struct lb_item force = { LB_PENALTY, 0, 0, 0, -LB_INF };
	struct lb_item tie = { LB_PENALTY, 0, 0, 0, LB_INF };
	struct lb_item it[] = { S_box(5), force, S_box(50), S_box(50),
		S_glue(1), S_box(5), tie, S_glue(1), S_box(20) };
	size_t n = sizeof it / sizeof it[0], br[16];
	size_t lines = lb_greedy(it, n, 30, br);

	/* a forced break; an overfull box alone; a box that must start a
	 * line though no break point precedes it; then "5~20" stays whole
	 * as the tie forbids the break at the glue after it */
	ck_assert_uint_eq(lines, 4);
	ck_assert_uint_eq(br[0], 1);
	ck_assert_uint_eq(br[1], 3);
	ck_assert_uint_eq(br[2], 4);
	ck_assert_uint_eq(br[3], n);
	ck_assert_uint_eq(lb_greedy(it, 0, 30, br), 1);
	ck_assert_uint_eq(br[0], 0);
}
END_TEST

START_TEST(test_para_split_and_cite)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	struct fonts *f;
	struct lay_para p = { 0 };
	struct lay_style st = { FACE_SERIF, 10, 0, -1, 1 };
	struct brief_err err = { 0 };
	struct buf word = { 0 };
	size_t lines;

	ck_assert_ptr_nonnull(pdf);
	ck_assert_int_eq(HPDF_UseUTFEncodings(pdf), HPDF_OK);
	f = fonts_new(pdf, "Noto Serif", "Noto Sans");
	lay_para_reset(&p, f, 100);
	for (int i = 0; i < 60; i++)
		buf_putc(&word, 'm');
	ck_assert_int_eq(lay_add_text(&p, word.p, word.n, &st, &err), 0);
	ck_assert_int_eq(lay_add_text(&p, " end. [1][23]", 13, &st, &err), 0);
	lines = lay_break(&p);
	ck_assert_uint_ge(lines, 5);         /* 60 em-wide m's at 10pt */
	for (size_t k = 0; k < lines; k++) {
		struct lay_line l;

		lay_line_get(&p, k, &l);
		ck_assert(l.natural <= 100 + 1e-9);
	}
	/* the citation is one small box, tied to "end." */
	ck_assert_int_eq(p.lb.v[p.lb.n - 1].kind, LB_BOX);
	ck_assert_double_eq(p.run.v[p.run.n - 1].size, 8);
	ck_assert_str_eq(p.text.p + p.run.v[p.run.n - 1].off, "[1][23]");
	ck_assert_int_eq(p.lb.v[p.lb.n - 3].kind, LB_PENALTY);
	ck_assert_int_ge(p.lb.v[p.lb.n - 3].penalty, LB_INF);
	lay_para_free(&p);
	fonts_free(f);
	HPDF_Free(pdf);
	buf_free(&word);
}
END_TEST

START_TEST(test_fonts_find_ttf)
{
	char *path = NULL;
	struct brief_err err = { 0 };

	ck_assert_int_eq(fonts_find("Noto Serif", 1, 0, &path, &err), 0);
	ck_assert_ptr_nonnull(strstr(path, "NotoSerif-Bold.ttf"));
	free(path);
	ck_assert_int_eq(fonts_find("Surely Not A Font", 0, 1, &path, &err),
		0);
	ck_assert_str_eq(path + strlen(path) - 4, ".ttf");
	free(path);
}
END_TEST

START_TEST(test_width_matches_libharu)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	struct fonts *f;
	struct brief_err err = { 0 };
	HPDF_Font font;
	HPDF_TextWidth tw;
	static const char s[] = "It’s “RELOS” – 2019—23, café • x";

	ck_assert_int_eq(HPDF_UseUTFEncodings(pdf), HPDF_OK);
	f = fonts_new(pdf, "Noto Serif", "Noto Sans");
	ck_assert_int_eq(fonts_get(f, FACE_ITALIC, &font, &err), 0);
	tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, sizeof s - 1);
	ck_assert_uint_gt(tw.width, 0);
	ck_assert_double_eq_tol(fonts_width(f, FACE_ITALIC, s, sizeof s - 1,
		9.5), tw.width * 9.5 / 1000, 1e-9);
	fonts_free(f);
	HPDF_Free(pdf);
}
END_TEST

START_TEST(test_fonts_libharu_error)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);    /* no UTF-8 encodings */
	struct fonts *f = fonts_new(pdf, "Noto Serif", "Noto Sans");
	struct brief_err err = { 0 };
	HPDF_Font font = NULL;

	ck_assert_int_eq(fonts_load(f, FACE_SANS | FACE_BOLD, &err), 0);
	ck_assert_double_gt(fonts_width(f, FACE_SANS | FACE_BOLD, "Brief", 5,
		10), 10);
	ck_assert_int_eq(fonts_get(f, FACE_SANS | FACE_BOLD, &font, &err), -1);
	ck_assert_str_eq(err.stage, "pdf");
	ck_assert_ptr_nonnull(strstr(err.msg, "libharu error 0x"));
	ck_assert_int_eq(fonts_load(f, FACE_COUNT, &err), -1);
	fonts_free(f);
	HPDF_Free(pdf);
}
END_TEST

START_TEST(test_utf8_next)
{
	unsigned cp;

	ck_assert_uint_eq(fonts_utf8_next("\xE2\x80\x99", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x2019);
	ck_assert_uint_eq(fonts_utf8_next("\xC3\xA9x", 3, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_uint_eq(fonts_utf8_next("\xE2\x80", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(fonts_utf8_next("\xC0\xAF", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(fonts_utf8_next("\xED\xA0\x80", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0xFFFD);       /* a surrogate */
	ck_assert_uint_eq(fonts_utf8_next("\xF0\x9F\x98\x80", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
}
END_TEST

Suite *render_pdf_suite(void);

Suite *
render_pdf_suite(void)
{
	Suite *s = suite_create("render_pdf");
	TCase *doc = tcase_create("document");
	TCase *unit = tcase_create("layout");

	/* unchecked: the directory goes away even when a test fails */
	tcase_add_unchecked_fixture(doc, S_setup, S_teardown);
	tcase_set_timeout(doc, 60);
	tcase_add_test(doc, test_small_pdfinfo);
	tcase_add_test(doc, test_small_fonts_embedded);
	tcase_add_test(doc, test_small_text_exact);
	tcase_add_test(doc, test_small_qpdf_check);
	tcase_add_test(doc, test_link_annotation);
	tcase_add_test(doc, test_long_pages_and_measure);
	tcase_add_test(doc, test_measure_matches_small);
	tcase_add_test(doc, test_letter);
	tcase_add_test(doc, test_unknown_family_falls_back);
	tcase_add_test(doc, test_reproducible);
	tcase_add_test(doc, test_empty_and_odd_input);
	tcase_add_test(doc, test_bad_geometry_fails_cleanly);
	suite_add_tcase(s, doc);
	tcase_add_test(unit, test_greedy_breaks);
	tcase_add_test(unit, test_greedy_forced_and_overfull);
	tcase_add_test(unit, test_para_split_and_cite);
	tcase_add_test(unit, test_fonts_find_ttf);
	tcase_add_test(unit, test_width_matches_libharu);
	tcase_add_test(unit, test_fonts_libharu_error);
	tcase_add_test(unit, test_utf8_next);
	suite_add_tcase(s, unit);
	return s;
}
