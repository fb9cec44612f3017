/*
 * render_md.h -- the brief's document tree (tree.h) as CommonMark,
 * written by cmark's own renderer: every text node is escaped by it, so
 * no source can inject Markdown or HTML, and the output parses back to
 * the same tree.
 */
#ifndef BRIEF_RENDER_MD_H
#define BRIEF_RENDER_MD_H

#include "brief/base.h"
#include "brief/tree.h"

/* Append the Markdown of t to out (citations as "[2, 5]"). */
void render_md(struct btree *t, struct buf *out);

#endif
