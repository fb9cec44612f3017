/*
 * test_render_md.c -- escaping: no source text can inject Markdown or
 * HTML; what cmark reads back is exactly the source text.
 */
#include "testutil.h"

#include <cmark.h>

#include "brief/render_md.h"

static const char *hostile[] = {
	"*bold* and _italic_ and **strong**",
	"<script>alert(1)</script> & <b>tags</b>",
	"# Not a heading",
	"1. Not a list",
	"2025) not a list either",
	"- not a bullet",
	"+ nor this",
	"> not a quote",
	"=== not a setext underline",
	"[link](http://example.com) and ![img](x.png)",
	"[1]: http://evil.example/ a reference definition",
	"`code` and ``more``",
	"back\\slash \\* escaped",
	"&amp; &#x27; entities",
	"pipes | and ~~strike~~",
	"Curly \xE2\x80\x9Cquotes\xE2\x80\x9D \xE2\x80\x94 and dashes \xE2\x80\x93 stay",
	"http://autolink.example/ and <http://x.example>",
	"trailing two spaces  ",
};

/* All text and code literals of the document, concatenated. */
static void
S_text(cmark_node *root, struct buf *b, int *blocks, int *html)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	*blocks = 0;
	*html = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			buf_puts(b, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_PARAGRAPH:
			(*blocks)++;
			break;
		case CMARK_NODE_HTML_INLINE: case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_LINK: case CMARK_NODE_IMAGE: case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG: case CMARK_NODE_CODE: case CMARK_NODE_HEADING:
		case CMARK_NODE_LIST: case CMARK_NODE_BLOCK_QUOTE: case CMARK_NODE_LINEBREAK:
			(*html)++;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	buf_cstr(b);
}

START_TEST(test_md_escape_roundtrip)
{
	const char *s = hostile[_i];
	struct buf md = { 0 }, text = { 0 };
	int blocks, markup;
	md_escape(&md, s, strlen(s));
	cmark_node *doc = cmark_parse_document(md.p, md.n, CMARK_OPT_DEFAULT);
	S_text(doc, &text, &blocks, &markup);
	ck_assert_int_eq(blocks, 1);
	ck_assert_msg(markup == 0, "markup from: %s -> %s", s, md.p);
	/* cmark strips trailing spaces of a paragraph */
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	ck_assert_uint_eq(text.n, n);
	ck_assert_msg(memcmp(text.p, s, n) == 0, "%s -> %s", s, text.p);
	cmark_node_free(doc);
	buf_free(&md);
	buf_free(&text);
}
END_TEST

START_TEST(test_md_escape_newlines)
{
	struct buf md = { 0 };
	md_escape(&md, "two\nlines", 9);
	ck_assert_str_eq(md.p, "two lines");
	buf_free(&md);
}
END_TEST

Suite *render_md_suite(void);

Suite *
render_md_suite(void)
{
	Suite *s = suite_create("render_md");
	TCase *tc = tcase_create("escape");
	tcase_add_loop_test(tc, test_md_escape_roundtrip, 0, sizeof hostile / sizeof *hostile);
	tcase_add_test(tc, test_md_escape_newlines);
	suite_add_tcase(s, tc);
	return s;
}
