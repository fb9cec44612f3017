/*
 * render_md.c -- the document tree as CommonMark (cmark's renderer,
 * no line wrapping).
 *
 * Long lists. cmark's CommonMark renderer numbers an ordered list's
 * item by counting the items before it, so a list of n items costs
 * n^2/2 steps: half a second for the source list of 10,000 articles.
 * A long tight ordered list is therefore rendered an item at a time,
 * each as a one-item list starting at its own number, and the items'
 * lines take the place of a placeholder paragraph in the rendered
 * document. The bytes are the same: cmark sets a tight list's items
 * one per line, and a list, like a paragraph, is a block between
 * blank lines.
 */
#include "brief/render_md.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LONG_LIST 32          /* items; shorter lists render as they are */

/* A long list taken out of the tree, and the paragraph in its place. */
struct held {
	cmark_node *list, *mark;
	char tag[48];             /* the placeholder's text */
};

static int
S_long_list(cmark_node *n)
{
	int k = 0;

	if (cmark_node_get_type(n) != CMARK_NODE_LIST ||
	    cmark_node_get_list_type(n) != CMARK_ORDERED_LIST ||
	    !cmark_node_get_list_tight(n))
		return 0;
	for (cmark_node *c = cmark_node_first_child(n); c && k < LONG_LIST;
	    c = cmark_node_next(c))
		k++;
	return k >= LONG_LIST;
}

/* Render list's items one by one into out. */
static void
S_items(cmark_node *list, struct buf *out)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *one = cmark_node_new(CMARK_NODE_LIST);
	int num = cmark_node_get_list_start(list);

	cmark_node_set_list_type(one, CMARK_ORDERED_LIST);
	cmark_node_set_list_delim(one, cmark_node_get_list_delim(list));
	cmark_node_set_list_tight(one, 1);
	cmark_node_append_child(doc, one);
	for (cmark_node *it = cmark_node_first_child(list); it != NULL; num++) {
		cmark_node *next = cmark_node_next(it);
		char *s;

		cmark_node_set_list_start(one, num);
		cmark_node_append_child(one, it);      /* moved out ... */
		s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
		buf_puts(out, s);
		free(s);
		if (next != NULL)
			cmark_node_insert_before(next, it); /* ... and back */
		else
			cmark_node_append_child(list, it);
		it = next;
	}
	cmark_node_free(doc);
}

void
render_md(struct btree *t, struct buf *out)
{
	VEC(struct held) held = { 0 };
	struct buf items = { 0 };
	char *s;

	tree_plain_marks(t);
	/* long lists out, placeholders in: lists in the document or in
	 * custom blocks, whose lines have no prefix */
	VEC(cmark_node *) found = { 0 };
	cmark_iter *it = cmark_iter_new(t->doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type pt = cmark_node_get_type(cmark_node_parent(n));

		if (ev == CMARK_EVENT_ENTER && (pt == CMARK_NODE_DOCUMENT ||
		    pt == CMARK_NODE_CUSTOM_BLOCK) && S_long_list(n))
			VEC_PUSH(&found, n);
	}
	cmark_iter_free(it);
	for (size_t k = 0; k < found.n; k++) {
		cmark_node *n = found.v[k];
		struct held h;

		h.list = n;
		h.mark = cmark_node_new(CMARK_NODE_PARAGRAPH);
		snprintf(h.tag, sizeof h.tag, "BRIEFLIST%zuPLACEHOLDER", held.n);
		cmark_node *txt = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(txt, h.tag);
		cmark_node_append_child(h.mark, txt);
		cmark_node_insert_before(n, h.mark);
		cmark_node_unlink(n);
		VEC_PUSH(&held, h);
	}
	VEC_FREE(&found);
	s = cmark_render_commonmark(t->doc, CMARK_OPT_DEFAULT, 0);
	/* the document, each placeholder line replaced by its list */
	const char *p = s;
	for (size_t k = 0; k < held.n; k++) {
		char line[64];
		const char *at;

		snprintf(line, sizeof line, "\n%s\n", held.v[k].tag);
		at = strstr(p, line);
		if (at == NULL)
			continue;       /* not reached: the tag is plain text */
		at++;
		buf_put(out, p, (size_t)(at - p));
		buf_reset(&items);
		S_items(held.v[k].list, &items);
		buf_put(out, items.p ? items.p : "", items.n);
		p = at + strlen(line) - 1;
	}
	buf_puts(out, p);
	free(s);
	/* the tree as it was */
	for (size_t k = 0; k < held.n; k++) {
		cmark_node_insert_before(held.v[k].mark, held.v[k].list);
		cmark_node_free(held.v[k].mark);
	}
	VEC_FREE(&held);
	buf_free(&items);
}
