/*
 * render_md.c -- the document tree as CommonMark (cmark's renderer,
 * no line wrapping).
 */
#include "brief/render_md.h"

#include <stdlib.h>

void
render_md(struct btree *t, struct buf *out)
{
	char *s;

	tree_plain_marks(t);
	s = cmark_render_commonmark(t->doc, CMARK_OPT_DEFAULT, 0);
	buf_puts(out, s);
	free(s);
}
