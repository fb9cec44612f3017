/*
 * test_render_md.c -- the tree as Markdown: no source text can inject
 * Markdown or HTML; what cmark reads back is exactly the source text;
 * citations read as written.
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

/* A tree of one paragraph (or list item, when in_list): s, then the
 * citation [1, 2]. */
static void
S_tree(struct btree *t, const char *s, int in_list)
{
	static const int cite[] = { 1, 2 };
	cmark_node *parent, *p, *txt, *c;
	struct bnode *bn;

	memset(t, 0, sizeof *t);
	t->a = arena_new();
	t->doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	parent = t->doc;
	if (in_list) {
		cmark_node *l = cmark_node_new(CMARK_NODE_LIST);

		cmark_node_set_list_type(l, CMARK_BULLET_LIST);
		cmark_node_append_child(t->doc, l);
		parent = cmark_node_new(CMARK_NODE_ITEM);
		cmark_node_append_child(l, parent);
	}
	p = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node_append_child(parent, p);
	txt = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(txt, s);
	cmark_node_append_child(p, txt);
	txt = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(txt, " ");
	cmark_node_append_child(p, txt);
	c = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
	cmark_node_append_child(p, c);
	bn = arena_alloc(t->a, sizeof *bn);
	bn->kind = BN_CITE;
	bn->node = c;
	bn->cite = cite;
	bn->ncite = 2;
	cmark_node_set_user_data(c, bn);
}

/* Source text in a paragraph and in a list item comes back as that text
 * and its citation, and nothing else: no markup, one block. */
START_TEST(test_md_roundtrip)
{
	const char *s = hostile[_i];

	for (int in_list = 0; in_list < 2; in_list++) {
		struct btree t;
		struct buf md = { 0 }, text = { 0 }, want = { 0 };
		int blocks, markup;
		size_t n = strlen(s);

		S_tree(&t, s, in_list);
		render_md(&t, &md);
		cmark_node *doc = cmark_parse_document(md.p, md.n, CMARK_OPT_DEFAULT);
		S_text(doc, &text, &blocks, &markup);
		ck_assert_int_eq(blocks, 1);
		ck_assert_msg(markup == in_list, "markup from: %s -> %s", s, md.p);
		/* cmark strips trailing spaces of a paragraph, and collapses
		 * them before the citation */
		while (n > 0 && s[n - 1] == ' ')
			n--;
		buf_put(&want, s, n);
		buf_puts(&want, " [1, 2]");
		ck_assert_msg(strcmp(text.p, want.p) == 0 ||
			(n < strlen(s) && strstr(text.p, "[1, 2]") != NULL),
			"%s -> %s -> %s", s, md.p, text.p);
		cmark_node_free(doc);
		tree_free(&t);
		buf_free(&md);
		buf_free(&text);
		buf_free(&want);
	}
}
END_TEST

/* A citation is written as it reads: "[1, 2]", unescaped. */
START_TEST(test_md_cite_plain)
{
	struct btree t;
	struct buf md = { 0 };

	S_tree(&t, "Text", 0);
	render_md(&t, &md);
	ck_assert_str_eq(md.p, "Text [1, 2]\n");
	tree_free(&t);
	buf_free(&md);
}
END_TEST

/* The compact citation text. */
START_TEST(test_cite_text)
{
	static const int a[] = { 2 }, b[] = { 2, 5 }, c[] = { 2, 3, 4, 5, 9 },
		d[] = { 1, 2, 3, 4, 5, 7, 9, 11, 12, 13, 20 };
	struct buf o = { 0 };

	tree_cite_text(&o, a, 1, NULL, NULL);
	ck_assert_str_eq(buf_cstr(&o), "[2]");
	o.n = 0;
	tree_cite_text(&o, b, 2, NULL, NULL);
	ck_assert_str_eq(buf_cstr(&o), "[2, 5]");
	o.n = 0;
	tree_cite_text(&o, c, 5, NULL, NULL);
	ck_assert_str_eq(buf_cstr(&o), "[2\xE2\x80\x93" "5, 9]");
	o.n = 0;
	tree_cite_text(&o, d, 11, NULL, NULL);
	ck_assert_str_eq(buf_cstr(&o), "[1\xE2\x80\x93" "5, 7, 9, 11\xE2\x80\x93" "13 +1]");
	buf_free(&o);
}
END_TEST

Suite *render_md_suite(void);

Suite *
render_md_suite(void)
{
	Suite *s = suite_create("render_md");
	TCase *tc = tcase_create("escape");
	tcase_add_loop_test(tc, test_md_roundtrip, 0, sizeof hostile / sizeof *hostile);
	tcase_add_test(tc, test_md_cite_plain);
	tcase_add_test(tc, test_cite_text);
	suite_add_tcase(s, tc);
	return s;
}
