/*
 * render_md.h -- the brief as CommonMark, by filling the template's
 * Markdown skeleton. All text taken from sources is escaped, so no
 * source can inject Markdown or HTML.
 */
#ifndef BRIEF_RENDER_MD_H
#define BRIEF_RENDER_MD_H

#include "brief/base.h"
#include "brief/select.h"

/* Append the Markdown of b (items not dropped) to out. */
void render_md(const struct brief *b, struct buf *out);

/* Append s[0..n) to out with every character that could start Markdown
 * or HTML syntax escaped. */
void md_escape(struct buf *out, const char *s, size_t n);

#endif
