/*
 * fuzz_render.c -- arbitrary text through the brief's tree: written as
 * Markdown it must come back from cmark as the same text (no markup
 * made of it), and set in the PDF it must come back from the page: the
 * page's text (its content streams inflated, the hex strings of its
 * text operators read as code points, as the UTF-8 encoder writes
 * them) holds every character of it, in order, spaces and hyphens
 * aside.
 */
#define _GNU_SOURCE 1   /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cmark.h>
#include <zlib.h>

#include "brief/fonts.h"
#include "brief/render_md.h"
#include "brief/render_pdf.h"
#include "brief/tree.h"
#include "brief/utf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Append code point c as UTF-8, spaces and hyphens left out (line
 * breaking adds and removes them). */
static void
S_put(struct buf *b, UChar32 c)
{
	char u[4];
	int32_t k = 0;

	if (c == ' ' || c == '-' || c == 0xA0 || c == 0x200B)
		return;
	if (c > 0xFFFF || c < 0)
		c = 0xFFFD;   /* what the page draws for it */
	U8_APPEND_UNSAFE(u, k, c);
	buf_put(b, u, (size_t)k);
}

/* The text drawn on the page: every content stream inflated, the hex
 * strings of its text operators as UTF-16 code units. */
static void
S_page_text(const char *pdf, size_t n, struct buf *out)
{
	const char *p = pdf, *end = pdf + n;

	while ((p = memmem(p, (size_t)(end - p), "stream\r\n", 8)) != NULL) {
		const char *q = p + 8, *e = memmem(q, (size_t)(end - q), "endstream", 9);
		z_stream z;
		struct buf raw = { 0 };
		unsigned char chunk[65536];
		int zr;

		if (e == NULL)
			break;
		memset(&z, 0, sizeof z);
		if (inflateInit(&z) != Z_OK)
			break;
		z.next_in = (unsigned char *)(uintptr_t)q;
		z.avail_in = (unsigned)(e - q);
		do {
			z.next_out = chunk;
			z.avail_out = sizeof chunk;
			zr = inflate(&z, Z_NO_FLUSH);
			buf_put(&raw, chunk, sizeof chunk - z.avail_out);
		} while (zr == Z_OK && z.avail_out == 0);
		inflateEnd(&z);
		if (raw.n > 0 && memmem(raw.p, raw.n, "BT", 2) &&
		    !memmem(raw.p, raw.n, "begincmap", 9)) {
			for (size_t i = 0; i < raw.n; i++) {
				unsigned v = 0;
				int k = 0;

				if (raw.p[i] != '<' || (i + 1 < raw.n && raw.p[i + 1] == '<'))
					continue;
				for (i++; i < raw.n && raw.p[i] != '>'; i++) {
					char c = raw.p[i];

					if (c >= '0' && c <= '9')
						v = v * 16 + (unsigned)(c - '0');
					else if (c >= 'A' && c <= 'F')
						v = v * 16 + (unsigned)(c - 'A' + 10);
					else if (c >= 'a' && c <= 'f')
						v = v * 16 + (unsigned)(c - 'a' + 10);
					else
						continue;
					if (++k == 4) {
						S_put(out, (UChar32)v);
						v = 0;
						k = 0;
					}
				}
			}
		}
		buf_free(&raw);
		p = e + 9;
	}
	buf_cstr(out);
}

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
	/* the text comes back from the page */
	{
		struct buf want = { 0 }, page = { 0 };

		HPDF_Doc fdoc = HPDF_New(NULL, NULL);
		struct fonts *fc;

		HPDF_UseUTFEncodings(fdoc);
		fc = fonts_new(fdoc, "Noto Serif", "Noto Sans");
		for (size_t i = 0; i < s.n; ) {
			UChar32 c = utf_next(s.p, s.n, &i);

			/* every character comes back, combining marks too
			 * (a run of no width is written by hpx_show_codes);
			 * what no face has, the page shows as U+FFFD */
			S_put(&want, c >= 0x80 && !fonts_covers(fc, FACE_SERIF,
			    (uint32_t)c) ? 0xFFFD : c);
		}
		S_page_text(pdf.p, pdf.n, &page);
		if (want.n > 0 && strstr(page.p, buf_cstr(&want)) == NULL) {
			fprintf(stderr, "WANT [%s]\nPAGE [%s]\n", want.p, page.p);
			__builtin_trap();
		}
		buf_free(&want);
		buf_free(&page);
		fonts_free(fc);
		HPDF_Free(fdoc);
	}
	tree_free(&t);
	buf_free(&s);
	buf_free(&md);
	buf_free(&back);
	buf_free(&pdf);
	return 0;
}
