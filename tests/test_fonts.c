/*
 * test_fonts.c -- font subsetting and fallback faces (fonts.c), alone
 * and through render_pdf, checked from the outside with HarfBuzz,
 * poppler-utils (pdffonts, pdftotext) and mupdf-tools (mutool).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <hb.h>
#include <hpdf.h>

#include "brief/base.h"
#include "brief/fonts.h"
#include "brief/render_pdf.h"
#include "brief/utf.h"
#include "testutil.h"

#define MAX_PDF (60 * 1024)          /* the one-page brief's budget */

/* Curly quotes, dashes, é, bullets, the ellipsis and a hyphen. */
static const char S_md[] =
	"# Brief – Subsets\n"
	"\n"
	"*As of 1 May 2024*\n"
	"\n"
	"## Key facts\n"
	"\n"
	"- It’s a “quoted” phrase, 2019–2023 — and café…[1]\n"
	"- A bullet • inside, **bold** text and a well-known term.[2]\n"
	"\n"
	"> ‘Single quotes’ stay exact, said an analyst.\n";

static const char *const S_md_lines[] = {
	"Brief – Subsets",
	"As of 1 May 2024",
	"It’s a “quoted” phrase, 2019–2023 — and café…[1]",
	"• A bullet • inside, bold text and a well-known term.[2]",
	"‘Single quotes’ stay exact, said an analyst.",
	"Page 1 of 1",
};

/* Characters Noto lacks (✓ check mark, → arrow, ⌘ place of interest)
 * between ones it has (Cyrillic, Greek). */
static const char S_fallback_md[] =
	"# Fallbacks\n"
	"\n"
	"Привет, мир — Καλημέρα κόσμε.\n"
	"\n"
	"- Done ✓ then → next, press ⌘ to copy.\n"
	"- **Bold → arrow** and *italic ✓ mark*.\n";

static const char *const S_fallback_lines[] = {
	"Привет, мир — Καλημέρα κόσμε.",
	"Done ✓ then → next, press ⌘ to copy.",
	"Bold → arrow and italic ✓ mark.",
};

/* ---- helpers -------------------------------------------------------- */

static struct pdf_opts
S_opts(void)
{
	struct pdf_opts o = {
		.title = "Brief – Subsets", .author = "brief tests",
		.creator = "test_fonts", .serif = "Noto Serif",
		.sans = "Noto Sans", .body_pt = 9.5, .margin_pt = 40,
		.epoch = 1714521600,
	};
	return o;
}

static char S_dir[64];        /* the test files, made per test case */

/* Entries in dir besides . and .. */
static int
S_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(S_dir, sizeof S_dir, "brief-fonts"));
}

static void
S_teardown(void)
{
	test_rmtree(S_dir);
}

/* Render md (NUL-terminated) to dir/name.pdf; the size in *size. */
static void
S_render(const char *md, const char *dir, const char *name, char *path,
	size_t pathsz, size_t *size)
{
	struct pdf_opts o = S_opts();
	struct buf out = { 0 };
	struct pdf_result res = { 0 };
	struct brief_err err = { 0 };

	ck_assert_msg(test_pdf_md(md, NULL, 0, &o, &out, &res, &err) == 0,
		"render_pdf: %s", err.msg);
	ck_assert_int_eq(res.pages, 1);
	snprintf(path, pathsz, "%s/%s.pdf", dir, name);
	ck_assert_int_eq(file_write_atomic(path, out.p, out.n, &err), 0);
	if (size != NULL)
		*size = out.n;
	buf_free(&out);
}

/* What S_fonts_subset looks for in the fonts' names. */
struct font_want {
	const char *with;
	int *found;
};

/* A pdffonts row: a subset with a ToUnicode map; whether its name
 * contains what->with (NULL: no check) in *what->found. */
static void
S_subset_row(char **tok, int n, void *ctx)
{
	const struct font_want *what = ctx;

	ck_assert_str_eq(tok[n - 4], "yes");          /* sub */
	ck_assert_str_eq(tok[n - 3], "yes");          /* uni */
	/* a subset's name: six capitals and a plus sign */
	ck_assert_int_eq(tok[0][6], '+');
	if (what->found != NULL && what->with != NULL &&
	    strstr(tok[0], what->with))
		*what->found = 1;
}

/* pdffonts: every font embedded and a subset; returns how many, and
 * whether one's name contains with (NULL: no check) in *found. */
static int
S_fonts_subset(const char *path, const char *with, int *found)
{
	struct buf out = { 0 };
	struct font_want what = { with, found };
	int fonts;

	if (found != NULL)
		*found = 0;
	test_cmd(&out, NULL, "pdffonts '%s'", path);
	fonts = test_pdffonts_rows(out.p, S_subset_row, &what);
	buf_free(&out);
	return fonts;
}

/* pdftotext: no warnings, and every line of want in the text. */
static void
S_text_exact(const char *path, const char *const *want, size_t n)
{
	struct buf out = { 0 }, err = { 0 };

	test_cmd(&out, &err, "pdftotext -enc UTF-8 '%s' -", path);
	ck_assert_msg(err.n == 0, "pdftotext says: %s", err.p);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(strstr(out.p, want[i]) != NULL,
			"missing \"%s\" in:\n%s", want[i], out.p);
	ck_assert_ptr_null(strstr(out.p, "\xEF\xBF\xBD"));
	buf_free(&out);
	buf_free(&err);
}

/* mutool's structured text: no replacement characters; out keeps it. */
static void
S_stext(const char *path, struct buf *out)
{
	test_cmd(out, NULL, "mutool draw -q -F stext -o - '%s'", path);
	ck_assert_ptr_nonnull(strstr(out->p, "<char "));
	ck_assert_ptr_null(strstr(out->p, "\xEF\xBF\xBD"));
	ck_assert_ptr_null(strstr(out->p, "c=\"&#xfffd;\""));
	ck_assert_ptr_null(strstr(out->p, "c=\"&#xFFFD;\""));
}

/* The code points of the UTF-8 string s, each once. */
static size_t
S_cps(const char *s, uint32_t *cps, size_t max)
{
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len; ) {
		unsigned cp = (unsigned)utf_next(s, len, &i);
		size_t k;

		for (k = 0; k < n && cps[k] != cp; k++)
			;
		if (k == n && n < max)
			cps[n++] = cp;
	}
	return n;
}

static char *
S_find(const char *family, int bold, int italic)
{
	struct brief_err err = { 0 };
	char *path = NULL;

	ck_assert_int_eq(fonts_find(family, bold, italic, &path, &err), 0);
	return path;
}

/* ---- subsets -------------------------------------------------------- */

START_TEST(test_subset_small_and_mapped)
{
	static const char text[] = "The RELOS pact’s “reciprocal” access — "
		"2019–2025, café, naïve… • well-known ‘terms’ [1][23]";
	char *path = S_find("Noto Serif", 0, 0);
	hb_blob_t *whole = hb_blob_create_from_file_or_fail(path), *part, *glyf;
	hb_face_t *wface = hb_face_create(whole, 0), *sface;
	hb_font_t *wfont = hb_font_create(wface), *sfont;
	struct brief_err err = { 0 };
	unsigned char *data = NULL;
	uint32_t cps[128];
	size_t n = S_cps(text, cps, 128), len = 0;
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(fonts_subset(path, cps, n, &data, &len, &err), 0);
	/* some 7 KB of a 589 KB font */
	ck_assert_msg(len * 25 < (size_t)st.st_size, "subset %zu of %ld",
		len, (long)st.st_size);
	part = hb_blob_create((const char *)data, (unsigned)len,
		HB_MEMORY_MODE_READONLY, NULL, NULL);
	sface = hb_face_create(part, 0);
	sfont = hb_font_create(sface);
	ck_assert_uint_eq(hb_face_get_upem(sface), hb_face_get_upem(wface));
	for (size_t i = 0; i < n; i++) {
		hb_codepoint_t wg, sg;

		ck_assert(hb_font_get_nominal_glyph(wfont, cps[i], &wg));
		ck_assert_msg(hb_font_get_nominal_glyph(sfont, cps[i], &sg),
			"U+%04X lost", (unsigned)cps[i]);
		/* the same advance: measuring equals drawing */
		ck_assert_int_eq(hb_font_get_glyph_h_advance(sfont, sg),
			hb_font_get_glyph_h_advance(wfont, wg));
	}
	/* the glyphs asked for, .notdef and the components of accented
	 * letters (é, ï), not GSUB's ligatures and alternates */
	ck_assert_uint_le(hb_face_get_glyph_count(sface), n + 8);
	/* the tables libharu copies, and nothing else */
	ck_assert_uint_eq(hb_face_get_table_tags(sface, 0, NULL, NULL), 10);
	glyf = hb_face_reference_table(sface, HB_TAG('g', 'l', 'y', 'f'));
	ck_assert_uint_gt(hb_blob_get_length(glyf), 0);
	hb_blob_destroy(glyf);
	hb_font_destroy(sfont);
	hb_face_destroy(sface);
	hb_blob_destroy(part);
	hb_font_destroy(wfont);
	hb_face_destroy(wface);
	hb_blob_destroy(whole);
	free(data);
	free(path);
}
END_TEST

START_TEST(test_subset_without_hinting_and_gsub)
{
	static const uint32_t cps[] = { 'f', 'i', 'l' };
	char *path = S_find("Noto Serif", 1, 0);
	struct brief_err err = { 0 };
	unsigned char *data = NULL;
	size_t len = 0;
	hb_blob_t *part;
	hb_face_t *face;
	static const char *const gone[] = { "GSUB", "GPOS", "GDEF", "fpgm",
		"prep", "cvt ", "hdmx", "DSIG" };

	ck_assert_int_eq(fonts_subset(path, cps, 3, &data, &len, &err), 0);
	part = hb_blob_create((const char *)data, (unsigned)len,
		HB_MEMORY_MODE_READONLY, NULL, NULL);
	face = hb_face_create(part, 0);
	/* .notdef, f, i, l: no fi or fl ligature pulled in */
	ck_assert_uint_eq(hb_face_get_glyph_count(face), 4);
	for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
		hb_blob_t *t = hb_face_reference_table(face,
			hb_tag_from_string(gone[i], 4));

		ck_assert_msg(hb_blob_get_length(t) == 0, "%s kept", gone[i]);
		hb_blob_destroy(t);
	}
	hb_face_destroy(face);
	hb_blob_destroy(part);
	free(data);
	free(path);
}
END_TEST

START_TEST(test_subset_empty_and_bad)
{
	char *path = S_find("Noto Sans", 1, 0);
	struct brief_err err = { 0 };
	unsigned char *data = NULL;
	size_t len = 0;
	char other[512];

	/* nothing drawn: .notdef alone is still a font */
	ck_assert_int_eq(fonts_subset(path, NULL, 0, &data, &len, &err), 0);
	ck_assert_uint_gt(len, 0);
	free(data);
	ck_assert_int_eq(fonts_subset("/nonexistent/font.ttf", NULL, 0,
		&data, &len, &err), -1);
	ck_assert_ptr_null(data);
	ck_assert_str_eq(err.stage, "pdf");
	ck_assert_str_eq(err.file, "/nonexistent/font.ttf");
	snprintf(other, sizeof other, "%s/README.md", test_top());
	ck_assert_int_eq(fonts_subset(other, NULL, 0, &data, &len, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot subset"));
	free(path);
}
END_TEST

/* Drawing after finishing: libharu's widths come from the subset and
 * equal what fonts_width measured on the whole font. */
START_TEST(test_subset_widths_match_measure)
{
	static const char s[] = "It’s “RELOS” – 2019—23, café • x…";
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	struct brief_err err = { 0 };
	struct fonts *f;
	HPDF_Font font;
	HPDF_Page page;
	HPDF_TextWidth tw;
	double measured;
	char path[128];
	struct stat st;

	ck_assert_int_eq(HPDF_UseUTFEncodings(pdf), HPDF_OK);
	ck_assert_int_eq(HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL), HPDF_OK);
	f = fonts_new(pdf, "Noto Serif", "Noto Sans");
	ck_assert_int_eq(fonts_load(f, FACE_ITALIC, &err), 0);
	measured = fonts_width(f, FACE_ITALIC, s, sizeof s - 1, 10);
	page = HPDF_AddPage(pdf);
	ck_assert_int_eq(HPDF_Page_BeginText(page), HPDF_OK);
	ck_assert_int_eq(fonts_show(f, page, FACE_ITALIC, 10, s, sizeof s - 1,
		&err), 0);
	ck_assert_int_eq(HPDF_Page_EndText(page), HPDF_OK);
	ck_assert_int_eq(fonts_finish(f, &err), 0);
	ck_assert_int_eq(fonts_get(f, FACE_ITALIC, &font, &err), 0);
	tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, sizeof s - 1);
	ck_assert_double_eq_tol(measured, tw.width * 10 / 1000.0, 1e-9);
	snprintf(path, sizeof path, "%s/w.pdf", S_dir);
	ck_assert_int_eq(HPDF_SaveToFile(pdf, path), HPDF_OK);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_lt(st.st_size, 16 * 1024);      /* was ~45 KB */
	ck_assert_int_eq(S_fonts_subset(path, NULL, NULL), 1);
	fonts_free(f);
	HPDF_Free(pdf);
}
END_TEST

/* ---- fallback faces ------------------------------------------------- */

START_TEST(test_fallback_same_face_when_present)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	struct fonts *f;
	static const uint32_t have[] = { 'a', 0xE9, 0x2019, 0x201C, 0x2014,
		0x2022, 0x2026, 0x0416, 0x03A9, 0xFFFD };

	ck_assert_int_eq(HPDF_UseUTFEncodings(pdf), HPDF_OK);
	f = fonts_new(pdf, "Noto Serif", "Noto Sans");
	for (size_t i = 0; i < sizeof have / sizeof have[0]; i++) {
		ck_assert_int_eq(fonts_face_for(f, FACE_SERIF, have[i]),
			FACE_SERIF);
		ck_assert_int_eq(fonts_face_for(f, FACE_SANS | FACE_BOLD,
			have[i]), FACE_SANS | FACE_BOLD);
	}
	/* nothing was looked up */
	ck_assert_ptr_null(fonts_path(f, FACE_COUNT));
	fonts_free(f);
	HPDF_Free(pdf);
}
END_TEST

START_TEST(test_fallback_for_missing)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	struct fonts *f;
	int cmd, check, arrow, bold;

	ck_assert_int_eq(HPDF_UseUTFEncodings(pdf), HPDF_OK);
	f = fonts_new(pdf, "Noto Serif", "Noto Sans");
	/* ⌘ and → are in DejaVu Serif; ✓ only in DejaVu Sans */
	cmd = fonts_face_for(f, FACE_SERIF, 0x2318);
	ck_assert_int_ge(cmd, FACE_COUNT);
	ck_assert_ptr_nonnull(strstr(fonts_path(f, cmd), "DejaVuSerif.ttf"));
	arrow = fonts_face_for(f, FACE_SERIF, 0x2192);
	ck_assert_int_eq(arrow, cmd);        /* the face already made */
	check = fonts_face_for(f, FACE_SERIF, 0x2713);
	ck_assert_int_ge(check, FACE_COUNT);
	ck_assert_int_ne(check, cmd);
	ck_assert_ptr_nonnull(strstr(fonts_path(f, check), "DejaVuSans.ttf"));
	ck_assert_int_eq(fonts_face_for(f, FACE_SERIF, 0x2713), check);
	/* the style carries over */
	bold = fonts_face_for(f, FACE_SANS | FACE_BOLD, 0x2192);
	ck_assert_ptr_nonnull(strstr(fonts_path(f, bold),
		"DejaVuSans-Bold.ttf"));
	/* a fallback face asked for what it has answers itself */
	ck_assert_int_eq(fonts_face_for(f, check, 0x2713), check);
	/* measured in the face that draws it */
	ck_assert_double_gt(fonts_width(f, FACE_SERIF, "\xE2\x86\x92", 3, 10),
		0);
	ck_assert_double_eq(fonts_width(f, FACE_SERIF, "\xE2\x86\x92", 3, 10),
		fonts_width(f, arrow, "\xE2\x86\x92", 3, 10));
	/* no font has U+E000 (private use): the face itself, box and all */
	ck_assert_int_eq(fonts_face_for(f, FACE_SERIF, 0xE000), FACE_SERIF);
	ck_assert_int_eq(fonts_face_for(f, FACE_ITALIC, 0xE000), FACE_ITALIC);
	fonts_free(f);
	HPDF_Free(pdf);
}
END_TEST

START_TEST(test_fonts_run)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	struct fonts *f;
	static const char s[] = "ab\xE2\x9C\x93\xE2\x9C\x93" "cd";   /* ab✓✓cd */
	int face;
	size_t k;

	ck_assert_int_eq(HPDF_UseUTFEncodings(pdf), HPDF_OK);
	f = fonts_new(pdf, "Noto Serif", "Noto Sans");
	k = fonts_run(f, FACE_SERIF, s, sizeof s - 1, &face);
	ck_assert_uint_eq(k, 2);
	ck_assert_int_eq(face, FACE_SERIF);
	k = fonts_run(f, FACE_SERIF, s + 2, sizeof s - 3, &face);
	ck_assert_uint_eq(k, 6);
	ck_assert_int_ge(face, FACE_COUNT);
	k = fonts_run(f, FACE_SERIF, s + 8, sizeof s - 9, &face);
	ck_assert_uint_eq(k, 2);
	ck_assert_int_eq(face, FACE_SERIF);
	ck_assert_uint_eq(fonts_run(f, FACE_SERIF, s, 0, &face), 0);
	ck_assert_int_eq(face, FACE_SERIF);
	fonts_free(f);
	HPDF_Free(pdf);
}
END_TEST

/* ---- through render_pdf --------------------------------------------- */

START_TEST(test_pdf_subset_exact_text)
{
	char path[128];
	struct buf st = { 0 };
	size_t size;

	S_render(S_md, S_dir, "s", path, sizeof path, &size);
	/* four subset faces, and the structure tree (its dictionaries are
	 * not compressed: about 80 bytes an element) */
	ck_assert_uint_le(size, 24 * 1024);
	/* sans bold, serif regular, italic, bold */
	ck_assert_int_eq(S_fonts_subset(path, NULL, NULL), 4);
	S_text_exact(path, S_md_lines, sizeof S_md_lines /
		sizeof S_md_lines[0]);
	S_stext(path, &st);
	/* mutool writes characters beyond ASCII as references */
	ck_assert_ptr_nonnull(strstr(st.p, "c=\"&#x201c;\""));      /* “ */
	ck_assert_ptr_nonnull(strstr(st.p, "c=\"&#x2026;\""));      /* … */
	buf_free(&st);
}
END_TEST

/* The brief of the RELOS seeds as make brief wrote it, in one page and
 * 60 KB. */
START_TEST(test_pdf_brief_sample_size)
{
	char path[128];
	char *md = NULL;
	size_t size;
	static const char *const want[] = {
		"India–Russia RELOS Logistics Pact",     /* the title, one line */
		"Page 1 of 1",
	};

	md = test_read(NULL, "%s/tests/data/brief_sample.md", test_top());
	S_render(md, S_dir, "brief", path, sizeof path, &size);
	ck_assert_msg(size <= MAX_PDF, "brief.pdf is %zu bytes", size);
	ck_assert_int_ge(S_fonts_subset(path, NULL, NULL), 3);
	S_text_exact(path, want, sizeof want / sizeof want[0]);
	free(md);
}
END_TEST

START_TEST(test_pdf_fallback_glyphs)
{
	char path[128];
	struct buf st = { 0 };
	int dejavu = 0;
	const char *p;

	S_render(S_fallback_md, S_dir, "fb", path, sizeof path, NULL);
	ck_assert_int_ge(S_fonts_subset(path, "DejaVu", &dejavu), 5);
	ck_assert(dejavu);
	S_text_exact(path, S_fallback_lines, sizeof S_fallback_lines /
		sizeof S_fallback_lines[0]);
	S_stext(path, &st);
	/* ✓ set in a DejaVu face, Cyrillic in Noto */
	p = strstr(st.p, "c=\"&#x2713;\"");
	ck_assert_ptr_nonnull(p);
	while (p > st.p && strncmp(p, "<font name=", 11) != 0)
		p--;
	ck_assert_int_eq(strncmp(p, "<font name=\"DejaVuSans", 22), 0);
	p = strstr(st.p, "c=\"&#x41f;\"");                          /* П */
	ck_assert_ptr_nonnull(p);
	while (p > st.p && strncmp(p, "<font name=", 11) != 0)
		p--;
	ck_assert_int_eq(strncmp(p, "<font name=\"NotoSerif", 21), 0);
	buf_free(&st);
}
END_TEST

/* A combining mark with no letter to sit on (after a space, at the
 * start of a line) has no width: libharu would write nothing for it.
 * It is on the page all the same. */
START_TEST(test_pdf_mark_alone)
{
	char path[128];
	struct buf st = { 0 };

	S_render("# Marks\n\nA mark alone \xcc\x81 here, two \xcc\x88\xcc\x83 "
	    "there.\n\n\xcc\x82 starts this line.\n", S_dir, "mk", path,
	    sizeof path, NULL);
	S_stext(path, &st);
	ck_assert_ptr_nonnull(strstr(st.p, "c=\"&#x301;\""));
	ck_assert_ptr_nonnull(strstr(st.p, "c=\"&#x308;\""));
	ck_assert_ptr_nonnull(strstr(st.p, "c=\"&#x303;\""));
	ck_assert_ptr_nonnull(strstr(st.p, "c=\"&#x302;\""));
	buf_free(&st);
}
END_TEST

START_TEST(test_pdf_temp_files_removed)
{
	char tmp[128], path[128];

	snprintf(tmp, sizeof tmp, "%s/tmp", S_dir);
	ck_assert_int_eq(mkdir(tmp, 0700), 0);
	ck_assert_int_eq(setenv("TMPDIR", tmp, 1), 0);
	S_render(S_fallback_md, S_dir, "t", path, sizeof path, NULL);
	ck_assert_int_eq(S_entries(tmp), 0);
	/* an unusable TMPDIR: /tmp instead */
	ck_assert_int_eq(setenv("TMPDIR", "/nonexistent/brief", 1), 0);
	S_render(S_md, S_dir, "u", path, sizeof path, NULL);
	ck_assert_int_eq(S_fonts_subset(path, NULL, NULL), 4);
	unsetenv("TMPDIR");
}
END_TEST

Suite *fonts_suite(void);

Suite *
fonts_suite(void)
{
	Suite *s = suite_create("fonts");
	TCase *sub = tcase_create("subset");
	TCase *fb = tcase_create("fallback");
	TCase *pdf = tcase_create("pdf");

	/* unchecked: the directory goes away even when a test fails */
	tcase_add_unchecked_fixture(sub, S_setup, S_teardown);
	tcase_add_unchecked_fixture(pdf, S_setup, S_teardown);
	tcase_add_test(sub, test_subset_small_and_mapped);
	tcase_add_test(sub, test_subset_without_hinting_and_gsub);
	tcase_add_test(sub, test_subset_empty_and_bad);
	tcase_add_test(sub, test_subset_widths_match_measure);
	suite_add_tcase(s, sub);
	tcase_add_test(fb, test_fallback_same_face_when_present);
	tcase_add_test(fb, test_fallback_for_missing);
	tcase_add_test(fb, test_fonts_run);
	suite_add_tcase(s, fb);
	tcase_set_timeout(pdf, 60);
	tcase_add_test(pdf, test_pdf_subset_exact_text);
	tcase_add_test(pdf, test_pdf_brief_sample_size);
	tcase_add_test(pdf, test_pdf_fallback_glyphs);
	tcase_add_test(pdf, test_pdf_mark_alone);
	tcase_add_test(pdf, test_pdf_temp_files_removed);
	suite_add_tcase(s, pdf);
	return s;
}
