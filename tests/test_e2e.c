/*
 * test_e2e.c -- run the brief binary on the seeds and check what it
 * writes with real tools: pdfinfo, pdffonts, pdftotext, qpdf, cmark.
 */
#include "testutil.h"

#include <cmark.h>
#include <stdio.h>
#include <sys/stat.h>

static char dir[64];           /* /tmp/brief-e2e-XXXXXX */
static struct buf md;          /* out/brief.md of the seed run */

/* Run brief with args from the top of the source tree, output (stderr
 * too) appended to out. Returns the exit status. */
static int
S_brief(const char *args, struct buf *out)
{
	struct buf cmd = { 0 };
	int rc = test_run(test_brief_cmd(&cmd, args), out);
	buf_free(&cmd);
	return rc;
}

static void
S_setup(void)
{
	struct buf out = { 0 }, cmd = { 0 };
	ck_assert_ptr_nonnull(test_mkdtemp(dir, sizeof dir, "brief-e2e"));
	buf_printf(&cmd, "-t templates/relos.yaml -o '%s' seeds", dir);
	ck_assert_msg(S_brief(cmd.p, &out) == 0, "brief failed: %s", out.p);
	buf_free(&cmd);
	buf_free(&out);
	md.p = test_read(&md.n, "%s/brief.md", dir);
	md.cap = md.n + 1;
}

static void
S_teardown(void)
{
	test_rmtree(dir);
	buf_free(&md);
}

/* Run the command made from fmt (its %s: the test directory); its
 * stdout into out. Returns the exit status. */
static int
S_tool(const char *fmt, struct buf *out)
{
	struct buf cmd = { 0 };
	buf_printf(&cmd, fmt, dir);
	int rc = test_run(cmd.p, out);
	buf_free(&cmd);
	return rc;
}

/* The value of "Key:   value" in pdfinfo output ("" if absent). */
static const char *
S_field(const char *info, const char *key)
{
	static char val[256];
	return test_pdfinfo_field(info, key, val, sizeof val);
}

START_TEST(test_e2e_pdfinfo)
{
	struct buf out = { 0 };
	ck_assert_int_eq(S_tool("pdfinfo '%s/brief.pdf' 2>&1", &out), 0);
	ck_assert_msg(strcmp(S_field(out.p, "Pages"), "1") == 0, "%s", out.p);
	ck_assert_str_eq(S_field(out.p, "Title"), "India\xE2\x80\x93Russia RELOS Logistics Pact");
	ck_assert(strncmp(S_field(out.p, "Creator"), "brief ", 6) == 0);
	ck_assert_str_eq(S_field(out.p, "Author"), "brief");
	ck_assert(strncmp(S_field(out.p, "Page size"), "595.276 x 841.89 pts (A4)", 25) == 0);
	buf_free(&out);
}
END_TEST

START_TEST(test_e2e_fonts_embedded)
{
	struct buf out = { 0 };
	ck_assert_int_eq(S_tool("pdffonts '%s/brief.pdf' 2>&1", &out), 0);
	/* header, rule, then one line per font: column "emb" must be yes */
	char *line = strchr(out.p, '\n');
	ck_assert_ptr_nonnull(line);
	line = strchr(line + 1, '\n');
	ck_assert_ptr_nonnull(line);
	int fonts = 0;
	for (char *l = line + 1; *l; l = strchr(l, '\n') + 1) {
		char *end = strchr(l, '\n');
		ck_assert_ptr_nonnull(end);
		*end = '\0';
		ck_assert_msg(strstr(l, " yes ") != NULL, "not embedded: %s", l);
		*end = '\n';
		fonts++;
	}
	ck_assert_int_ge(fonts, 1);
	buf_free(&out);
}
END_TEST

START_TEST(test_e2e_qpdf)
{
	struct buf out = { 0 };
	ck_assert_msg(S_tool("qpdf --check '%s/brief.pdf' 2>&1", &out) == 0, "%s", out.p);
	buf_free(&out);
}
END_TEST

/* Collapse runs of white space so line wrapping does not matter. */
static void
S_squash(char *s)
{
	char *w = s;
	int sp = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\f') {
			sp = 1;
			continue;
		}
		if (sp && w != s)
			*w++ = ' ';
		sp = 0;
		*w++ = *s;
	}
	*w = '\0';
}

/* The PDF's text comes back exactly: curly quotes, dashes and all. */
START_TEST(test_e2e_pdftotext)
{
	struct buf out = { 0 };
	ck_assert_int_eq(S_tool("pdftotext -enc UTF-8 '%s/brief.pdf' - 2>&1", &out), 0);
	S_squash(out.p);
	static const char *want[] = {
		"India\xE2\x80\x93Russia RELOS Logistics Pact",   /* en dash */
		"\xE2\x80\x9C",                                    /* “ */
		"\xE2\x80\x9D",                                    /* ” */
		"\xE2\x80\x99",                                    /* ’ */
		"Bottom line", "Timeline", "Analyst views", "Sources",
		"Kupriyanov",
	};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++)
		ck_assert_msg(strstr(out.p, want[k]) != NULL, "missing %s", want[k]);
	ck_assert_ptr_null(strstr(out.p, "Leave a Reply"));
	buf_free(&out);
}
END_TEST

static void
S_collect_text(cmark_node *root, struct buf *b)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(n) == CMARK_NODE_TEXT ||
		    cmark_node_get_type(n) == CMARK_NODE_CODE)) {
			buf_puts(b, cmark_node_get_literal(n));
			buf_putc(b, '|');
		}
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE)
			buf_puts(b, "<HTML>");
	}
	cmark_iter_free(it);
	buf_cstr(b);
}

/* The Markdown parses with cmark, carries no raw HTML, and survives
 * cmark -t commonmark with the same text. */
START_TEST(test_e2e_markdown_roundtrip)
{
	cmark_node *doc = cmark_parse_document(md.p, md.n, CMARK_OPT_DEFAULT);
	struct buf a = { 0 }, b = { 0 }, out = { 0 };
	S_collect_text(doc, &a);
	ck_assert_ptr_null(strstr(a.p, "<HTML>"));
	ck_assert_int_eq(S_tool("cmark -t commonmark '%s/brief.md'", &out), 0);
	cmark_node *doc2 = cmark_parse_document(out.p, out.n, CMARK_OPT_DEFAULT);
	S_collect_text(doc2, &b);
	ck_assert_str_eq(a.p, b.p);
	/* structure: one H1, section H2s */
	ck_assert(strncmp(md.p, "# ", 2) == 0);
	ck_assert_ptr_nonnull(strstr(md.p, "\n## Timeline\n"));
	cmark_node_free(doc);
	cmark_node_free(doc2);
	buf_free(&a);
	buf_free(&b);
	buf_free(&out);
}
END_TEST

/* Every item cites its sources; the source list numbers them all. */
START_TEST(test_e2e_citations)
{
	int items = 0;
	for (char *l = md.p; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		/* bullet items, and the last line of each quoted view */
		int quote_end = strncmp(l, "> ", 2) == 0 &&
		    (strchr(l, '\n') == NULL || strchr(l, '\n')[1] != '>');
		if (strncmp(l, "  - ", 4) != 0 && !quote_end)
			continue;
		char *end = strchr(l, '\n');
		size_t n = end ? (size_t)(end - l) : strlen(l);
		ck_assert_msg(n > 3 && l[n - 1] == ']', "item without citation: %.*s", (int)n, l);
		items++;
	}
	ck_assert_int_ge(items, 8);
	for (int k = 1; k <= 5; k++) {
		char want[32];
		snprintf(want, sizeof want, "\n%d. ", k);
		ck_assert_msg(strstr(md.p, want) != NULL, "source %d missing", k);
	}
}
END_TEST

START_TEST(test_e2e_no_junk)
{
	static const char *junk[] = { "Leave a Reply", "Leave Your Comment", "\nlogo",
		"email address will not be published", "I think", "\n  - Top" };
	for (size_t k = 0; k < sizeof junk / sizeof *junk; k++)
		ck_assert_msg(strstr(md.p, junk[k]) == NULL, "junk: %s", junk[k]);
}
END_TEST

/* Bad input: non-zero exit, a message naming the file, old outputs kept. */
START_TEST(test_e2e_bad_input)
{
	struct buf out = { 0 }, cmd = { 0 };
	struct stat before, after;
	buf_printf(&cmd, "%s/brief.md", dir);
	ck_assert_int_eq(stat(cmd.p, &before), 0);
	buf_free(&cmd);
	buf_printf(&cmd, "-t templates/relos.yaml -o '%s' seeds /nonexistent/article.txt", dir);
	ck_assert_int_ne(S_brief(cmd.p, &out), 0);
	ck_assert_msg(strstr(out.p, "/nonexistent/article.txt") != NULL, "%s", out.p);
	ck_assert_ptr_null(strchr(strchr(out.p, '\n') + 1, '\n'));   /* one line */
	buf_free(&cmd);
	buf_printf(&cmd, "%s/brief.md", dir);
	ck_assert_int_eq(stat(cmd.p, &after), 0);
	ck_assert_int_eq(before.st_size, after.st_size);
	buf_free(&cmd);
	out.n = 0;
	ck_assert_int_ne(S_brief("-t /nonexistent.yaml seeds", &out), 0);
	ck_assert_ptr_nonnull(strstr(out.p, "/nonexistent.yaml"));
	out.n = 0;
	ck_assert_int_eq(S_brief("--format docx seeds", &out), 2);
	out.n = 0;
	ck_assert_int_eq(S_brief("--help", &out), 0);
	ck_assert_ptr_nonnull(strstr(out.p, "usage:"));
	out.n = 0;
	ck_assert_int_eq(S_brief("--version", &out), 0);
	ck_assert(strncmp(out.p, "brief ", 6) == 0);
	buf_free(&out);
}
END_TEST

/* The same inputs give byte-identical outputs. */
START_TEST(test_e2e_reproducible)
{
	struct buf out = { 0 }, cmd = { 0 };
	buf_printf(&cmd, "-t templates/relos.yaml -o '%s/again' seeds", dir);
	ck_assert_int_eq(S_brief(cmd.p, &out), 0);
	buf_free(&cmd);
	buf_printf(&cmd, "cmp '%s/brief.md' '%s/again/brief.md' 2>&1", dir, dir);
	ck_assert_msg(test_run(cmd.p, &out) == 0, "%s", out.p);
	buf_free(&cmd);
	buf_free(&out);
}
END_TEST

/* A hostile file name cannot inject Markdown or HTML into the source
 * list: it stays inside its code span. */
START_TEST(test_e2e_hostile_file_name)
{
	char tmp[256];
	struct buf out = { 0 }, cmd = { 0 };
	ck_assert_ptr_nonnull(test_mkdtemp(tmp, sizeof tmp, "brief-name"));
	buf_printf(&cmd, "cp '%s/seeds/000_e06d71125e4aec73.txt' '%s/evil`<b>x<i>`.txt'",
	    test_top(), tmp);
	ck_assert_int_eq(test_run(cmd.p, NULL), 0);
	cmd.n = 0;
	buf_printf(&cmd, "-f md -o '%s/out' '%s'", tmp, tmp);
	struct buf run = { 0 };
	ck_assert_int_eq(test_run(test_brief_cmd(&run, cmd.p), &out), 0);
	char *mdtext = test_read(NULL, "%s/out/brief.md", tmp);
	cmark_node *doc = cmark_parse_document(mdtext, strlen(mdtext), CMARK_OPT_DEFAULT);
	struct buf text = { 0 };
	S_collect_text(doc, &text);
	ck_assert_ptr_null(strstr(text.p, "<HTML>"));
	ck_assert_ptr_nonnull(strstr(text.p, "evil`<b>x<i>`.txt"));
	cmark_node_free(doc);
	free(mdtext);
	test_rmtree(tmp);
	buf_free(&out);
	buf_free(&cmd);
	buf_free(&run);
	buf_free(&text);
}
END_TEST

/* -f md writes the same brief.md as -f md,pdf: every format is the
 * brief fitted to the page. */
START_TEST(test_e2e_md_alone_same)
{
	struct buf cmd = { 0 }, out = { 0 };
	char other[128];
	snprintf(other, sizeof other, "%s/mdonly", dir);
	buf_printf(&cmd, "-q -f md -t templates/relos.yaml -o '%s' seeds", other);
	ck_assert_msg(S_brief(cmd.p, &out) == 0, "%s", out.p);
	size_t n;
	char *alone = test_read(&n, "%s/brief.md", other);
	ck_assert_uint_eq(n, md.n);
	ck_assert_mem_eq(alone, md.p, n);
	free(alone);
	buf_free(&cmd);
	buf_free(&out);
}
END_TEST

/* Hundreds of sources: still one page, the page lists the cited ones
 * and counts the rest, brief.md lists them all; citations compact. */
START_TEST(test_e2e_many_sources_one_page)
{
	struct buf cmd = { 0 }, out = { 0 };
	char src[128], res[128];
	snprintf(src, sizeof src, "%s/many", dir);
	snprintf(res, sizeof res, "%s/many-out", dir);
	ck_assert_int_eq(mkdir(src, 0777), 0);
	/* 300 sources: each seed under 60 names */
	buf_printf(&cmd, "cd '%s' && for i in $(seq -w 1 60); do for f in seeds/*.txt; do "
	    "cp \"$f\" '%s'/\"s${i}_$(basename \"$f\")\"; done; done", test_top(), src);
	ck_assert_int_eq(test_run(cmd.p, NULL), 0);
	cmd.n = 0;
	buf_printf(&cmd, "-q -t templates/relos.yaml -o '%s' '%s'", res, src);
	ck_assert_msg(S_brief(cmd.p, &out) == 0, "%s", out.p);
	out.n = 0;
	test_cmd(&out, NULL, "pdfinfo '%s/brief.pdf'", res);
	ck_assert_ptr_nonnull(strstr(out.p, "Pages:           1\n"));
	test_cmd(&out, NULL, "pdftotext -enc UTF-8 '%s/brief.pdf' -", res);
	ck_assert_ptr_nonnull(strstr(out.p, "further sources, listed in brief.md"));
	size_t n;
	char *full = test_read(&n, "%s/brief.md", res);
	ck_assert_ptr_nonnull(strstr(full, "\n300. "));
	ck_assert_ptr_null(strstr(full, "][")); /* compact: "[1–5, 9 +3]" */
	ck_assert_ptr_nonnull(strstr(full, " +"));
	free(full);
	buf_free(&cmd);
	buf_free(&out);
}
END_TEST

/* The number of lines of --explain output ex that contain what. */
static int
S_count(const char *ex, const char *what)
{
	int n = 0;
	for (const char *p = ex; (p = strstr(p, what)) != NULL; p += strlen(what))
		n++;
	return n;
}

/* Spares: facts under their section's min_score fill a page that has
 * room, the best first, and never push the brief past its page. The
 * seeds fill their page without them; tepa leaves room at 9 pt, all of
 * its spares come in; at 10 pt some do and the lowest ranked stay out;
 * at 11 pt none does. Each time the brief is one page and brief.md
 * holds exactly the spares kept. */
START_TEST(test_e2e_spares_fill_room)
{
	struct buf cmd = { 0 }, out = { 0 };
	static const char *const pts[] = { "9", "10", "11" };
	int kept[3], left[3];

	buf_printf(&cmd, "-q --explain -t templates/relos.yaml -o '%s/sp-seeds' seeds", dir);
	ck_assert_msg(S_brief(cmd.p, &out) == 0, "%s", out.p);
	ck_assert_int_eq(S_count(out.p, "a spare"), 0);
	for (int k = 0; k < 3; k++) {
		char tpl[128], res[128];
		snprintf(tpl, sizeof tpl, "%s/sp%d.yaml", dir, k);
		snprintf(res, sizeof res, "%s/sp%d", dir, k);
		test_cmd(NULL, NULL, "(cat '%s/tests/corpora/tepa/template.yaml'; printf "
		    "'layout:\n  body_pt: %s\n  min_pt: %s\n') > '%s'", test_top(),
		    pts[k], pts[k], tpl);
		cmd.n = 0, out.n = 0;
		buf_printf(&cmd, "-q --explain -t '%s' -o '%s' tests/corpora/tepa/articles",
		    tpl, res);
		ck_assert_msg(S_brief(cmd.p, &out) == 0, "%s", out.p);
		kept[k] = S_count(out.p, "(a spare: the page had room)");
		left[k] = S_count(out.p, "dropped: a spare, for a page with room");
		/* every spare kept is in brief.md, none left out is */
		char *bmd = test_read(NULL, "%s/brief.md", res);
		for (char *line = strtok(out.p, "\n"); line != NULL; line = strtok(NULL, "\n")) {
			const char *tab = strrchr(line, '\t');
			if (strstr(line, "a spare") == NULL || tab == NULL)
				continue;
			/* the text's last 24 bytes before explain's "…" (its
			 * lead may be trimmed in the brief) */
			const char *end = strstr(tab + 1, "\xE2\x80\xA6");
			size_t n = end ? (size_t)(end - tab - 1) : strlen(tab + 1);
			char tail[32];
			ck_assert_uint_ge(n, 24);
			snprintf(tail, sizeof tail, "%.*s", 24, tab + 1 + n - 24);
			ck_assert_msg((strstr(bmd, tail) != NULL) == (strstr(line, "page had room") != NULL),
			    "%s pt: %s", pts[k], line);
		}
		free(bmd);
		test_cmd(&out, NULL, "pdfinfo '%s/brief.pdf'", res);
		ck_assert_ptr_nonnull(strstr(out.p, "Pages:           1\n"));
	}
	ck_assert_int_gt(kept[0], 0);
	ck_assert_int_eq(left[0], 0);
	ck_assert_int_gt(kept[1], 0);
	ck_assert_int_gt(left[1], 0);
	ck_assert_int_eq(kept[2], 0);
	ck_assert_int_eq(kept[0], kept[1] + left[1]);
	buf_free(&cmd);
	buf_free(&out);
}
END_TEST

Suite *e2e_suite(void);

Suite *
e2e_suite(void)
{
	Suite *s = suite_create("e2e");
	TCase *tc = tcase_create("seeds");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_add_test(tc, test_e2e_pdfinfo);
	tcase_add_test(tc, test_e2e_fonts_embedded);
	tcase_add_test(tc, test_e2e_qpdf);
	tcase_add_test(tc, test_e2e_pdftotext);
	tcase_add_test(tc, test_e2e_markdown_roundtrip);
	tcase_add_test(tc, test_e2e_citations);
	tcase_add_test(tc, test_e2e_no_junk);
	tcase_add_test(tc, test_e2e_bad_input);
	tcase_add_test(tc, test_e2e_reproducible);
	tcase_add_test(tc, test_e2e_hostile_file_name);
	tcase_add_test(tc, test_e2e_md_alone_same);
	tcase_add_test(tc, test_e2e_many_sources_one_page);
	tcase_add_test(tc, test_e2e_spares_fill_room);
	suite_add_tcase(s, tc);
	return s;
}
