/*
 * render_json.h -- the brief's document tree (tree.h) as JSON, with the
 * provenance of every item: its section, text and citations, and for
 * each source that says it the sentence's file, byte span, line and
 * dates, the view's speaker, role and outlet, its rank and scores.
 * Written with jansson; the schema is in docs/brief-json.md.
 */
#ifndef BRIEF_RENDER_JSON_H
#define BRIEF_RENDER_JSON_H

#include "brief/base.h"
#include "brief/select.h"
#include "brief/tree.h"

/* Append the JSON of t (built from b) to out. Returns 0, or -1 with err
 * filled. */
int render_json(const struct btree *t, const struct brief *b,
	struct buf *out, struct brief_err *err);

#endif
