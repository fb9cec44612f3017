/*
 * test_render_pdf.c -- the PDF renderer, checked from the outside with
 * poppler-utils (pdfinfo, pdffonts, pdftotext) and qpdf, plus unit
 * tests of the line breaker and the fonts module.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "brief/base.h"
#include "brief/fonts.h"
#include "brief/layout.h"
#include "brief/render_pdf.h"
#include "brief/timeline.h"
#include "brief/utf.h"
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

/* Events dating the first S_nev timeline items (below). */
static const struct tl_event S_events[] = {
	{ { 2018, 0, 0, DP_YEAR }, { 2018, 0, 0, DP_YEAR }, "signed" },
	{ { 2024, 6, 0, DP_MONTH }, { 2024, 6, 0, DP_MONTH }, "talks" },
	{ { 2025, 2, 18, DP_DAY }, { 2025, 2, 18, DP_DAY }, "ratified" },
	{ { 2025, 12, 4, DP_DAY }, { 2025, 12, 5, DP_DAY }, "summit" },
};
static size_t S_nev;

/* ---- helpers -------------------------------------------------------- */

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(S_dir, sizeof S_dir, "brief-pdf"));
}

static void
S_teardown(void)
{
	test_rmtree(S_dir);
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
	int rc = test_pdf_md(md, S_events, S_nev, o, &out, &res, &err);

	ck_assert_msg(rc == 0, "render_pdf: %s", err.msg);
	ck_assert_uint_gt(out.n, 1000);
	ck_assert_mem_eq(out.p, "%PDF-", 5);
	snprintf(path, pathsz, "%s/%s", S_dir, name);
	ck_assert_int_eq(file_write_atomic(path, out.p, out.n, &err), 0);
	buf_free(&out);
	return res;
}

/* A pdffonts row: the encoding. */
static void
S_identity_h(char **tok, int n, void *ctx)
{
	ck_assert_str_eq(tok[n - 6], "Identity-H");
}

/* Check with pdffonts that every font is embedded; returns how many. */
static int
S_embedded_fonts(const char *path)
{
	struct buf out = { 0 };
	int fonts;

	test_cmd(&out, &out, "pdffonts '%s'", path);
	fonts = test_pdffonts_rows(out.p, S_identity_h, NULL);
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
	test_cmd(&out, &out, "pdfinfo '%s'", path);
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
	test_cmd(&out, &out, "pdftotext -enc UTF-8 '%s' -", path);
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
	test_cmd(&out, &out, "qpdf --check '%s'", path);
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
	test_cmd(&out, &out, "pdfinfo -url '%s'", path);
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
	ck_assert_int_eq(test_pdf_md(md.p, NULL, 0, &o, NULL, &measured, &err), 0);
	ck_assert_int_eq(measured.pages, drawn.pages);
	ck_assert_double_eq_tol(measured.last_fill, drawn.last_fill, 1e-9);
	test_cmd(&out, &out, "pdfinfo '%s'", path);
	snprintf(want, sizeof want, "Pages:           %d\n", drawn.pages);
	ck_assert_ptr_nonnull(strstr(out.p, want));
	snprintf(want, sizeof want, "Page %d of %d", drawn.pages, drawn.pages);
	test_cmd(&out, &out, "pdftotext -enc UTF-8 '%s' -", path);
	ck_assert_ptr_nonnull(strstr(out.p, want));
	test_cmd(&out, &out, "qpdf --check '%s'", path);
	ck_assert_int_ge(S_embedded_fonts(path), 2);
	buf_free(&out);
	buf_free(&md);
}
END_TEST

/* What measuring reports is where drawing put the text: the last
 * line's foot as poppler reads it from the page matches the measured
 * fill (within a line), and the page count matches. */
START_TEST(test_measure_matches_small)
{
	struct pdf_opts o = S_opts();
	struct pdf_result a = { 0 };
	struct brief_err err = { 0 };
	struct buf out = { 0 };
	char path[512];
	double foot = 0, area = 841.89 - 2 * 40, drawn;

	ck_assert_int_eq(test_pdf_md(S_small_md, NULL, 0, &o, NULL,
		&a, &err), 0);
	ck_assert_int_eq(a.pages, 1);
	S_render_file(S_small_md, &o, "m.pdf", path, sizeof path);
	test_cmd(&out, NULL, "pdftotext -bbox '%s' -", path);
	/* the lowest word above the bottom margin (the footer is below) */
	for (const char *p = out.p; (p = strstr(p, "yMax=\"")) != NULL; p++) {
		double y = strtod(p + 6, NULL);

		if (y < 841.89 - 40 && y > foot)
			foot = y;
	}
	drawn = (foot - 40) / area;
	ck_assert_double_gt(drawn, 0.05);
	ck_assert_msg(fabs(drawn - a.last_fill) < 1.5 * 9.5 * 1.27 / area,
		"measured fill %.4f, drawn %.4f", a.last_fill, drawn);
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
	test_cmd(&out, &out, "pdfinfo '%s'", path);
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
	test_cmd(&out, &out, "pdftotext -enc UTF-8 '%s' -", path);
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

	ck_assert_int_eq(test_pdf_md(S_small_md, NULL, 0, &o, &a,
		&res, &err), 0);
	ck_assert_int_eq(test_pdf_md(S_small_md, NULL, 0, &o, &b,
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

	ck_assert_int_eq(test_pdf_md("", NULL, 0, &o, &out, &res, &err), 0);
	ck_assert_int_eq(res.pages, 1);
	ck_assert_double_eq(res.last_fill, 0);
	out.n = 0;
	ck_assert_int_eq(test_pdf_md(odd, NULL, 0, &o, &out, &res,
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
	ck_assert_int_eq(test_pdf_md(S_small_md, NULL, 0, &o, &out,
		&res, &err), -1);
	ck_assert_str_eq(err.stage, "pdf");
	ck_assert_ptr_nonnull(strstr(err.msg, "no room"));
	ck_assert_uint_eq(out.n, 0);
	buf_free(&out);
}
END_TEST

/* ---- the page: zones, the timeline, what blocks cost ---------------- */

static const char S_brief_md[] =
	"# Brief – Zones\n"
	"\n"
	"*As of 1 May 2024 · 2 sources*\n"
	"\n"
	"## Bottom line\n"
	"\n"
	"The pact lets each side use the other’s bases. [1]\n"
	"\n"
	"**Status:** signed [1] → ratified [2].\n"
	"\n"
	"## Timeline\n"
	"\n"
	"- **2018** — Talks began. [1]\n"
	"- **Jun 2024** — Talks resumed. [1]\n"
	"- **18 Feb 2025** — Signed in Moscow. [2]\n"
	"- **4–5 Dec 2025** — Leaders met. [2]\n"
	"\n"
	"## Analyst views\n"
	"\n"
	"> “It is a step toward deeper cooperation.”\n"
	">\n"
	"> — *An Analyst*, expert, to Outlet [1]\n"
	"\n"
	"## Sources\n"
	"\n"
	"1. First source — `a.txt`\n"
	"2. Second source — `b.txt`\n";

static struct pdf_opts
S_brief_opts(void)
{
	struct pdf_opts o = S_opts();

	o.min_pt = 8.5;
	S_nev = sizeof S_events / sizeof S_events[0];
	return o;
}

/* The characters of the glyphs in mutool trace's output, in drawing
 * order, in place of it. */
static void
S_glyphs(struct buf *b)
{
	struct buf g = { 0 };

	for (const char *s = b->p; (s = strstr(s, "<g unicode=\"")) != NULL;
	    s++) {
		const char *v = s + 12;
		size_t n = strcspn(v, "\"");

		if (n == 6 && strncmp(v, "&quot;", 6) == 0)
			buf_putc(&g, '"');
		else if (n == 5 && strncmp(v, "&amp;", 5) == 0)
			buf_putc(&g, '&');
		else
			buf_put(&g, v, n);
	}
	b->n = 0;
	buf_put(b, g.p ? g.p : "", g.n);
	buf_cstr(b);
	buf_free(&g);
}

/* Reading order, the header's dateline, the attribution, the footer's
 * date; the graphic's labels and dates drawn and read. */
START_TEST(test_zones_text)
{
	struct pdf_opts o = S_brief_opts();
	char path[512];
	struct buf out = { 0 };
	const char *p = NULL, *q;
	static const char *const order[] = {
		"Brief – Zones", "As of 1 May 2024 · 2 sources", "Bottom line",
		"The pact lets each side", "Status: signed [1] → ratified [2].",
		"Timeline", "2018 — Talks began. [1]", "Analyst views",
		"“It is a step toward deeper cooperation.”",
		"— An Analyst, expert, to Outlet [1]", "Sources",
		"1. First source — a.txt", "Generated 1 May 2024", "Page 1 of 1",
	};

	S_render_file(S_brief_md, &o, "z.pdf", path, sizeof path);
	test_cmd(&out, &out, "pdftotext -enc UTF-8 '%s' -", path);
	p = out.p;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *at = strstr(p, order[i]);

		ck_assert_msg(at != NULL, "\"%s\" missing or out of order in:\n%s",
			order[i], out.p);
		p = at + strlen(order[i]);
	}
	/* the graphic's labels are real text, read between the heading
	 * and the list; nothing invisible is read (no zero-width space
	 * from the gutter strut) */
	q = strstr(out.p, "summit");
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(strstr(out.p, "Timeline"));
	ck_assert(q > strstr(out.p, "Timeline") && q < strstr(out.p, "2018 — Talks"));
	ck_assert_ptr_null(strstr(out.p, "\xE2\x80\x8B"));
	test_cmd(&out, &out, "mutool trace '%s'", path);
	S_glyphs(&out);
	ck_assert_msg(strstr(out.p, "summit") != NULL, "%s", out.p);
	ck_assert_ptr_nonnull(strstr(out.p, "4–5 Dec 2025"));
	ck_assert_ptr_nonnull(strstr(out.p, "ratified"));
	buf_free(&out);
}
END_TEST

/* The structure tree: every block in reading order, with its type;
 * the figure's alternate text; the furniture left out. */
START_TEST(test_zones_structure)
{
	struct pdf_opts o = S_brief_opts();
	char path[512];
	struct buf out = { 0 };
	const char *p;
	static const char *const order[] = {
		"Document", "H1", "Brief – Zones", "P", "As of 1 May 2024",
		"H2", "Bottom line", "P", "The pact lets each side",
		"P", "Status: signed [1] → ratified [2].", "H2",
		"Timeline", "Figure", "L", "LI", "Lbl", "•", "LBody", "P",
		"2018 — Talks began. [1]", "H2", "Analyst views",
		"BlockQuote", "P", "“It is a step toward deeper cooperation.”",
		"P", "— An Analyst, expert, to Outlet [1]", "H2",
		"Sources", "L", "LI", "Lbl", "1.", "LBody", "P",
		"First source — a.txt",
	};

	S_render_file(S_brief_md, &o, "st.pdf", path, sizeof path);
	test_cmd(&out, NULL, "pdfinfo -struct-text '%s'", path);
	p = out.p;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *q = strstr(p, order[i]);

		ck_assert_msg(q != NULL, "\"%s\" missing or out of order in:\n%s",
			order[i], out.p);
		p = q + strlen(order[i]);
	}
	ck_assert_ptr_null(strstr(out.p, "Generated"));   /* the footer */
	ck_assert_ptr_null(strstr(out.p, "Page 1 of 1"));
	test_cmd(&out, NULL, "pdfinfo '%s'", path);
	ck_assert_ptr_nonnull(strstr(out.p, "Tagged:          yes"));
	/* /Lang, /MarkInfo, the title shown, the figure described */
	test_cmd(&out, NULL, "qpdf --qdf --object-streams=disable '%s' - | "
		"grep -a -E '/Lang|/Marked|/DisplayDocTitle|/Alt|/StructParents' "
		"| sort -u", path);
	ck_assert_ptr_nonnull(strstr(out.p, "/Lang (en)"));
	ck_assert_ptr_nonnull(strstr(out.p, "/Marked true"));
	ck_assert_ptr_nonnull(strstr(out.p, "/DisplayDocTitle true"));
	ck_assert_ptr_nonnull(strstr(out.p, "/Alt"));
	ck_assert_ptr_nonnull(strstr(out.p, "/StructParents 0"));
	buf_free(&out);
}
END_TEST

/* The box's ground and the timeline's markers are drawn as vectors;
 * no type below the floor. */
START_TEST(test_zones_drawing)
{
	struct pdf_opts o = S_brief_opts();
	char path[512];
	struct buf out = { 0 };
	double min = 1e9;

	S_render_file(S_brief_md, &o, "d.pdf", path, sizeof path);
	test_cmd(&out, &out, "mutool trace '%s'", path);
	/* the tint 0xECF0F6 and navy 0x1F3A5F fills */
	ck_assert_ptr_nonnull(strstr(out.p, "color=\".92549 .94118 .96471\""));
	ck_assert_ptr_nonnull(strstr(out.p, "<fill_path"));
	ck_assert_ptr_nonnull(strstr(out.p, "<stroke_path"));
	test_cmd(&out, &out, "mutool draw -q -F stext -o - '%s'", path);
	for (const char *s = out.p; (s = strstr(s, " size=\"")) != NULL; s++)
		if (strtod(s + 7, NULL) < min)
			min = strtod(s + 7, NULL);
	ck_assert_double_ge(min, 8.5 - 1e-6);
	o.min_pt = 0;             /* unset: the floor is 8.5 all the same */
	S_render_file(S_brief_md, &o, "d0.pdf", path, sizeof path);
	test_cmd(&out, &out, "mutool draw -q -F stext -o - '%s'", path);
	for (const char *s = out.p; (s = strstr(s, " size=\"")) != NULL; s++)
		ck_assert_double_ge(strtod(s + 7, NULL), 8.5 - 1e-6);
	buf_free(&out);
}
END_TEST

/* The graphic takes room in measuring as in drawing; more events, or
 * crowded ones, never less room. */
START_TEST(test_timeline_measured)
{
	struct pdf_opts o = S_brief_opts();
	struct pdf_result none = { 0 }, two = { 0 }, four = { 0 }, drawn;
	struct brief_err err = { 0 };
	char path[512];

	ck_assert_int_eq(test_pdf_md(S_brief_md, S_events, 0, &o, NULL,
		&none, &err), 0);
	ck_assert_int_eq(test_pdf_md(S_brief_md, S_events, 2, &o, NULL,
		&two, &err), 0);
	ck_assert_int_eq(test_pdf_md(S_brief_md, S_events, 4, &o, NULL,
		&four, &err), 0);
	drawn = S_render_file(S_brief_md, &o, "t.pdf", path, sizeof path);
	ck_assert_double_gt(two.last_fill, none.last_fill);
	ck_assert_double_ge(four.last_fill, two.last_fill);
	ck_assert_double_eq_tol(drawn.last_fill, four.last_fill, 1e-9);
	ck_assert_int_eq(drawn.pages, 1);
}
END_TEST

/* Every item (list item, view, summary sentence) gets its measured
 * height on its node, past the 64 items a fixed table once held; the
 * overflow is what will not go on the budget's pages. */
START_TEST(test_item_heights_and_overflow)
{
	static const struct test_kind kinds[] = { { "Bottom line", SK_SUMMARY } };
	struct pdf_opts o = S_opts();
	struct pdf_result res = { 0 }, drawn = { 0 };
	struct brief_err err = { 0 };
	struct buf md = { 0 }, out = { 0 };
	struct btree t;
	double *h;
	double share;

	buf_puts(&md, "# Heights\n\n*undated*\n\n## Bottom line\n\n"
		"One short sentence. [1] A much longer sentence that runs on "
		"for a good many words, so that it takes more of the "
		"paragraph than the first one does, by far. [2]\n\n");
	S_long_md(&md);
	test_tree_md(&t, md.p, kinds, 1, NULL, 0);
	ck_assert_uint_eq(t.nitems, 2 + 40 * 3);   /* two sentences, 3 per section */
	o.max_pages = 1;
	ck_assert_int_eq(render_pdf(&t, &o, NULL, &res, &err), 0);
	ck_assert_int_gt(res.pages, 1);
	ck_assert_double_gt(res.overflow, 100);
	h = xcalloc(t.nitems, sizeof *h);
	for (size_t i = 0; i < t.nitems; i++)
		h[i] = t.items[i]->height;
	/* list items and quotes: their lines and the space before them */
	for (size_t i = 0; i < 120; i++)
		ck_assert_msg(h[i] > 9.5, "item %zu: height %g", i, h[i]);
	/* the two sentences (tagged last) share their paragraph by length:
	 * the short one less than a line, together the paragraph */
	ck_assert_ptr_eq(cmark_node_get_type(t.items[120]->node) ==
		CMARK_NODE_TEXT ? t.items[120] : NULL, t.items[120]);
	ck_assert_double_gt(h[120], 0);
	ck_assert_double_lt(h[120], 12.1 * 2);
	ck_assert_double_gt(h[121], 2 * h[120]);
	share = h[120] + h[121];
	ck_assert_double_lt(share, 6 * 12.1 * 2);
	/* drawing measures the same; as many pages as it needs: nothing over */
	o.max_pages = res.pages;
	ck_assert_int_eq(render_pdf(&t, &o, &out, &drawn, &err), 0);
	ck_assert_double_eq(drawn.overflow, 0);
	for (size_t i = 0; i < t.nitems; i++)
		ck_assert_double_eq_tol(t.items[i]->height, h[i], 1e-9);
	tree_free(&t);
	free(h);
	/* the small brief fits: no overflow */
	ck_assert_int_eq(test_pdf_md(S_small_md, NULL, 0, &o, NULL,
		&res, &err), 0);
	ck_assert_double_eq(res.overflow, 0);
	buf_free(&md);
	buf_free(&out);
}
END_TEST

/* ---- pagination ----------------------------------------------------- */

static void
S_boxes(struct lay_vent *v, size_t n, double h, int region)
{
	for (size_t i = 0; i < n; i++) {
		struct lay_vent e = { LAY_VBOX, h, 0, region, 0, 0, 0, 0 };
		v[i] = e;
	}
}

START_TEST(test_paginate_balance)
{
	struct lay_vent v[21];
	struct lay_region rg[1] = { { 2, 1, 0, 0, 0 } };
	double end;
	int col1 = 0;

	S_boxes(v, 21, 10, 0);
	ck_assert_int_eq(lay_paginate(v, 21, rg, 1, 500, 0, &end), 1);
	for (size_t i = 0; i < 21; i++) {
		ck_assert(v[i].placed);
		col1 += v[i].col;
	}
	/* 11 lines and 10: the first column the longer */
	ck_assert_int_eq(col1, 10);
	ck_assert_double_eq_tol(end, 500 - 110, 1e-6);
	ck_assert_double_eq_tol(v[11].y, 500, 1e-6);
}
END_TEST

START_TEST(test_paginate_keeps_spaces)
{
	struct lay_vent v[8];
	struct lay_region rg[2] = { { 1, 1, 0, 0, 0 }, { 1, 1, 0, 0, 0 } };
	double end;

	/* a page of 100: 60, then a space and a chunk of 2 x 30 kept */
	S_boxes(v, 8, 30, 0);
	v[0].h = 60;
	v[1].kind = LAY_VSPACE;
	v[1].h = 5;
	v[2].keep = LAY_KEEP;
	v[4].kind = LAY_VSPACE;
	v[5].region = v[6].region = v[7].region = 1;
	v[6].keep = LAY_KEEP_SOFT;
	ck_assert_int_eq(lay_paginate(v, 8, rg, 2, 100, 0, &end), 3);
	ck_assert_int_eq(v[2].page, 1);      /* the kept pair moves on */
	ck_assert_int_eq(v[3].page, 1);
	ck_assert_double_eq(v[2].y, 100);
	ck_assert_int_eq(v[4].page, 1);      /* the space fits after it */
	ck_assert_int_eq(v[4].placed, 1);
	/* region 1 starts below on page 1: 30 fits, then the soft-kept
	 * pair does not and goes on alone: soft keeps cost no page here */
	ck_assert_int_eq(v[5].page, 1);
	ck_assert_int_eq(v[6].page, 2);
	ck_assert_int_eq(v[7].page, 2);
	/* a soft keep that costs a page is broken: 60, 30 ~ 30, 70 */
	S_boxes(v, 4, 30, 0);
	v[0].h = 60;
	v[1].keep = LAY_KEEP_SOFT;
	v[3].h = 70;
	ck_assert_int_eq(lay_paginate(v, 4, rg, 1, 100, 0, &end), 2);
	ck_assert_int_eq(v[1].page, 0);
	ck_assert_int_eq(v[2].page, 1);
	ck_assert_double_eq_tol(end, 0, 1e-9);
	/* and held when it costs none */
	v[3].h = 80;
	ck_assert_int_eq(lay_paginate(v, 4, rg, 1, 100, 0, &end), 3);
	ck_assert_int_eq(v[1].page, 1);
	ck_assert_int_eq(v[2].page, 1);
}
END_TEST

/* ---- line breaking and fonts ---------------------------------------- */

static struct lb_item
S_box(double w)
{
	struct lb_item it = { LB_BOX, w, 0, 0, 0, 0 };
	return it;
}

static struct lb_item
S_glue(double w)
{
	struct lb_item it = { LB_GLUE, w, w / 2, w / 3, 0, 0 };
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
	struct lb_item force = { LB_PENALTY, 0, 0, 0, -LB_INF, 0 };
	struct lb_item tie = { LB_PENALTY, 0, 0, 0, LB_INF, 0 };
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
	struct lay_style st = { FACE_SERIF, 10, 0, -1 };
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
	ck_assert_int_eq(lay_add_text(&p, " end. ", 6, &st, &err), 0);
	ck_assert_int_eq(lay_add_cite(&p, "[1][23]", 7, &st, &err), 0);
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

/* The text the page sets is read with the one UTF-8 layer: what it
 * cannot take reads as U+FFFD, never past the end. */
START_TEST(test_utf8_next)
{
	static const struct { const char *s; size_t n; UChar32 cp; } t[] = {
		{ "\xE2\x80\x99", 3, 0x2019 }, { "\xC3\xA9x", 3, 0xE9 },
		{ "\xE2\x80", 2, 0xFFFD }, { "\xC0\xAF", 2, 0xFFFD },
		{ "\xED\xA0\x80", 3, 0xFFFD },   /* a surrogate */
		{ "\xF0\x9F\x98\x80", 4, 0x1F600 },
	};

	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		size_t i = 0;

		ck_assert_int_eq(utf_next(t[k].s, t[k].n, &i), t[k].cp);
		ck_assert_uint_gt(i, 0);
		ck_assert_uint_le(i, t[k].n);
	}
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
	tcase_add_test(doc, test_zones_text);
	tcase_add_test(doc, test_zones_drawing);
	tcase_add_test(doc, test_timeline_measured);
	tcase_add_test(doc, test_item_heights_and_overflow);
	tcase_add_test(doc, test_zones_structure);
	suite_add_tcase(s, doc);
	tcase_add_test(unit, test_paginate_balance);
	tcase_add_test(unit, test_paginate_keeps_spaces);
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
