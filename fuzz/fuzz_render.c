/*
 * fuzz_render.c -- arbitrary text through the brief's tree: written as
 * Markdown it must come back from cmark as the same text (no markup
 * made of it), and set in the PDF without an error.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmark.h>

#include "brief/render_md.h"
#include "brief/render_pdf.h"
#include "brief/tree.h"
#include "brief/utf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text of every text node under n. */
static void
S_text(cmark_node *n, struct buf *b)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(c) == CMARK_NODE_TEXT)
			buf_puts(b, cmark_node_get_literal(c));
	}
	cmark_iter_free(it);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct btree t = { 0 };
	struct buf s = { 0 }, md = { 0 }, back = { 0 }, pdf = { 0 };
	struct pdf_opts o = { .serif = "Noto Serif", .sans = "Noto Sans",
		.body_pt = 9.5, .margin_pt = 40, .epoch = 0 };
	struct brief_err err;
	cmark_node *p, *txt, *doc;

	if (size > 4096)
		return 0;
	/* what a source's text can hold: UTF-8 without controls, one line */
	for (size_t i = 0; i < size; ) {
		size_t at = i;
		UChar32 c = utf_decode((const char *)data, size, &i);

		if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))
			buf_put(&s, data + at, i - at);
	}
	while (s.n > 0 && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\t'))
		s.n--;
	while (s.n > 0 && (s.p[0] == ' ' || s.p[0] == '\t'))
		memmove(s.p, s.p + 1, --s.n);
	buf_cstr(&s);
	t.a = arena_new();
	t.doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	p = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node_append_child(t.doc, p);
	txt = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(txt, s.p);
	cmark_node_append_child(p, txt);
	render_md(&t, &md);
	doc = cmark_parse_document(md.p, md.n, CMARK_OPT_DEFAULT);
	S_text(doc, &back);
	/* cmark collapses nothing inside a line but tabs and runs of spaces
	 * at the ends, which were trimmed above */
	if (s.n > 0 && strcmp(buf_cstr(&back), s.p) != 0 &&
	    strchr(s.p, '\t') == NULL && strstr(s.p, "  ") == NULL) {
		fprintf(stderr, "IN [%s]\nMD [%s]\nBACK [%s]\n", s.p, md.p, back.p);
		__builtin_trap();
	}
	cmark_node_free(doc);
	if (render_pdf(&t, &o, &pdf, NULL, &err) != 0) {
		fprintf(stderr, "render_pdf: %s\n", err.msg);
		__builtin_trap();
	}
	tree_free(&t);
	buf_free(&s);
	buf_free(&md);
	buf_free(&back);
	buf_free(&pdf);
	return 0;
}
