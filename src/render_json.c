/*
 * render_json.c -- the document tree as JSON (jansson).
 *
 * The walk follows the tree: a section object per section heading, an
 * item object per item node, in document order; the status line and
 * the source list from their nodes. What each item is backed by comes
 * from selection (struct item.support: a sentence per citation), and
 * every span is given in the bytes of the source file, so a reader
 * can check it against the file itself.
 */
#include "brief/render_json.h"

#include <string.h>

#include <jansson.h>

#include "brief/convert.h"
#include "brief/edition.h"

static const char *const S_prec[] = {
	[DP_NONE] = NULL, [DP_YEAR] = "year", [DP_MONTH] = "month",
	[DP_DAY] = "day",
};

static json_t *
S_str_n(const char *s, size_t n)
{
	return json_stringn_nocheck(s, n);
}

static json_t *
S_slice(struct slice s)
{
	return s.n > 0 ? S_str_n(s.p, s.n) : json_null();
}

/* A file name as a JSON string: bytes that are not UTF-8 become "?". */
static json_t *
S_path(const char *path)
{
	json_t *j = json_string(path);
	char *c;

	if (j != NULL)
		return j;
	c = xstrndup(path, strlen(path));
	for (char *p = c; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
	j = json_string(c);
	free(c);
	return j;
}

static json_t *
S_iso(const struct bdate *d)
{
	struct buf b = { 0 };
	json_t *j;

	if (d->prec == DP_NONE)
		return json_null();
	bdate_format_iso(&b, d);
	j = json_string(buf_cstr(&b));
	buf_free(&b);
	return j;
}

/* {"start", "end", "precision"}; null without a date. */
static json_t *
S_date(const struct bdate *start, const struct bdate *end)
{
	json_t *o;

	if (start->prec == DP_NONE)
		return json_null();
	o = json_object();
	json_object_set_new(o, "start", S_iso(start));
	json_object_set_new(o, "end", S_iso(end && end->prec != DP_NONE ?
	    end : start));
	json_object_set_new(o, "precision", json_string(S_prec[start->prec]));
	json_object_set_new(o, "year_known", json_boolean(start->y != 0));
	return o;
}

static json_t *
S_ints(const int *v, size_t n)
{
	json_t *a = json_array();

	for (size_t k = 0; k < n; k++)
		json_array_append_new(a, json_integer(v[k]));
	return a;
}

/* The text under node n as printed, citations left out. */
static void
S_plain(cmark_node *n, struct buf *out)
{
	const struct bnode *bn = tree_node(n);

	if (bn != NULL && bn->kind == BN_CITE)
		return;
	if (cmark_node_get_type(n) == CMARK_NODE_TEXT ||
	    cmark_node_get_type(n) == CMARK_NODE_CODE)
		buf_puts(out, cmark_node_get_literal(n));
	else if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK)
		buf_putc(out, ' ');
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH && out->n > 0)
			buf_putc(out, '\n');
		S_plain(c, out);
	}
}

static json_t *
S_text_of(cmark_node *n)
{
	struct buf b = { 0 };
	json_t *j;

	S_plain(n, &b);
	while (b.n > 0 && b.p[b.n - 1] == ' ')
		b.n--;
	j = S_str_n(b.p ? b.p : "", b.n);
	buf_free(&b);
	return j;
}

/* The dates found in sentence j within its text's bytes [from, to):
 * each phrase, its offsets in the file and what it resolved to. */
static json_t *
S_sentence_dates(const struct corpus *c, size_t j, size_t from, size_t to)
{
	const struct sent_info *in = &c->info[j];
	const struct sentence *se = &c->s.v[j];
	const struct doc *d = &c->doc[se->doc];
	json_t *a = json_array();

	for (size_t k = in->date0; k < in->date0 + in->ndate; k++) {
		const struct date_mention *m = &c->dates.v[k];
		json_t *o = S_date(&m->date, &m->end);
		size_t off = se->off + m->off;

		if (json_is_null(o) || off < from || off + m->len > to) {
			json_decref(o);
			continue;
		}
		json_object_set_new(o, "text", S_str_n(d->text + off, m->len));
		json_object_set_new(o, "file_start",
		    json_integer((json_int_t)ingest_file_offset(d, off)));
		json_object_set_new(o, "file_end",
		    json_integer((json_int_t)ingest_file_offset(d, off + m->len)));
		json_object_set_new(o, "relative",
		    json_boolean((m->flags & DM_RELATIVE) != 0));
		json_object_set_new(o, "year_inferred",
		    json_boolean((m->flags & DM_YEAR_INFERRED) != 0));
		json_array_append_new(a, o);
	}
	return a;
}

/* One supporting sentence: where it is in its file, what it says. The
 * item's own sentence is given by the words printed (a quotation's
 * words, or two sentences joined). */
static json_t *
S_support(const struct brief *b, const struct item *it, int id, size_t j)
{
	const struct corpus *c = b->c;
	const struct sentence *se = &c->s.v[j];
	const struct doc *d = &c->doc[se->doc];
	size_t off = se->off, len = se->len;
	json_t *o = json_object();

	if (j == it->sent && it->text.p >= d->text &&
	    it->text.p + it->text.n <= d->text + d->len) {
		off = (size_t)(it->text.p - d->text);
		len = it->text.n;
	}
	json_object_set_new(o, "source", json_integer(id));
	json_object_set_new(o, "file", S_path(d->path));
	json_object_set_new(o, "sentence", json_integer((json_int_t)j));
	json_object_set_new(o, "line", json_integer(se->line));
	json_object_set_new(o, "file_start",
	    json_integer((json_int_t)ingest_file_offset(d, off)));
	json_object_set_new(o, "file_end",
	    json_integer((json_int_t)ingest_file_offset(d, off + len)));
	json_object_set_new(o, "text", S_str_n(d->text + off, len));
	/* the dates in the words given: a quotation's words may leave
	 * some of its sentence's out */
	json_object_set_new(o, "dates", S_sentence_dates(c, j, off, off + len));
	return o;
}

static json_t *
S_view(const struct view *v)
{
	json_t *o;

	if (v == NULL)
		return json_null();
	o = json_object();
	json_object_set_new(o, "speaker", S_slice(v->speaker));
	json_object_set_new(o, "role", S_slice(v->role));
	json_object_set_new(o, "outlet", S_slice(v->outlet));
	json_object_set_new(o, "outlet_prep", v->outlet_prep ?
	    json_string(v->outlet_prep) : json_null());
	json_object_set_new(o, "kind", json_string(v->flags & VIEW_QUOTE ?
	    "quotation" : "reported"));
	json_object_set_new(o, "organisation", json_boolean((v->flags & VIEW_ORG) != 0));
	return o;
}

static json_t *
S_item(const struct brief *b, const struct bnode *bn, size_t rank_no)
{
	const struct item *it = bn->item;
	const struct score *sc = &b->sc[it->sent];
	size_t si = (size_t)(bn->bs - b->sec);
	json_t *o = json_object(), *scores = json_object(), *sup = json_array();
	char id[17];

	edition_fact_id(id, it->text.p, it->text.n);
	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "text", S_text_of(bn->node));
	json_object_set_new(o, "new", json_boolean(it->fresh));
	json_object_set_new(o, "cites", S_ints(it->cite, it->ncite));
	if (bn->bs->def->kind == SK_TIMELINE) {
		json_object_set_new(o, "date", S_date(&it->date, &it->end));
		json_object_set_new(o, "label", it->label ? json_string(it->label) :
		    json_null());
	}
	if (it->view != NULL)
		json_object_set_new(o, "view", S_view(it->view));
	json_object_set_new(o, "rank", json_real(it->rank));
	json_object_set_new(o, "order", json_integer((json_int_t)rank_no));
	json_object_set_new(scores, "central", json_real(sc->central));
	json_object_set_new(scores, "topic", json_real(sc->topic));
	if (si < b->nsec)
		json_object_set_new(scores, "section", json_real(sc->sec[si]));
	json_object_set_new(scores, "self", json_integer(sc->self));
	json_object_set_new(o, "scores", scores);
	for (size_t k = 0; it->support != NULL && k < it->ncite; k++)
		json_array_append_new(sup, S_support(b, it, it->cite[k], it->support[k]));
	json_object_set_new(o, "support", sup);
	return o;
}

static json_t *
S_status(const struct brief *b)
{
	const struct status_note *st = &b->status;
	json_t *o, *stages;

	if (st->stage < 0 || (size_t)st->stage >= st->nstages)
		return json_null();
	o = json_object();
	stages = json_array();
	for (size_t g = 0; g <= (size_t)st->stage && g < st->nstages; g++) {
		const struct stage_note *sn = &st->stages[g];
		json_t *s;

		if (sn->ncite == 0)
			continue;
		s = json_object();
		json_object_set_new(s, "name", json_string(sn->name));
		json_object_set_new(s, "date", S_date(&sn->when, NULL));
		json_object_set_new(s, "cites", S_ints(sn->cite, sn->ncite));
		json_array_append_new(stages, s);
	}
	json_object_set_new(o, "stages", stages);
	json_object_set_new(o, "latest", json_string(st->stages[st->stage].name));
	json_object_set_new(o, "stale", S_ints(st->stale, st->nstale));
	if (st->contradicted >= 0 && (size_t)st->contradicted < st->nstages &&
	    st->nlater > 0) {
		json_t *x = json_object();

		json_object_set_new(x, "stage",
		    json_string(st->stages[st->contradicted].name));
		json_object_set_new(x, "later", S_ints(st->later, st->nlater));
		json_object_set_new(o, "contradicted", x);
	}
	return o;
}

static json_t *
S_source(const struct doc *d)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(d->id));
	json_object_set_new(o, "file", S_path(d->path));
	json_object_set_new(o, "form", json_string(d->form == SF_HTML ? "html" :
	    d->form == SF_MARKDOWN ? "markdown" : "text"));
	json_object_set_new(o, "encoding", json_string(d->cp1252 ?
	    "windows-1252" : "utf-8"));
	json_object_set_new(o, "title", S_slice(d->title));
	json_object_set_new(o, "outlet", S_slice(d->outlet));
	json_object_set_new(o, "byline", S_slice(d->byline));
	json_object_set_new(o, "place", S_slice(d->place));
	json_object_set_new(o, "date", S_iso(&d->date));
	json_object_set_new(o, "date_from", d->date.prec != DP_NONE ?
	    json_string(ingest_date_source(d->date_src)) : json_null());
	json_object_set_new(o, "url", S_slice(d->url));
	return o;
}

/* ---- writing, one item at a time -----------------------------------
 * The document is written as json_dumps(root, JSON_INDENT(2)) would
 * write it, but a part at a time: each item and each source is made,
 * written and freed before the next, so a brief of 10,000 sources
 * never holds its whole JSON tree (hundreds of megabytes) at once. A
 * part dumped alone is indented as at its depth by adding the indent
 * after each of its newlines: JSON strings escape their newlines, so
 * every newline of a dump is jansson's own. */

#define DUMP_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(6) | JSON_ENCODE_ANY)

static void
S_indent(struct buf *out, int depth)
{
	buf_putc(out, '\n');
	for (int k = 0; k < depth; k++)
		buf_put(out, "  ", 2);
}

/* v as at depth; with open, an object without its closing "\n}" (more
 * members follow). Takes v. */
static int
S_put(struct buf *out, json_t *v, int depth, int open)
{
	char *s = json_dumps(v, DUMP_FLAGS);
	size_t n;

	json_decref(v);
	if (s == NULL)
		return -1;
	n = strlen(s);
	if (open && n >= 2 && s[n - 1] == '}' && s[n - 2] == '\n')
		n -= 2;
	for (const char *p = s, *end = s + n; p < end; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		buf_put(out, p, (size_t)((nl ? nl : end) - p));
		if (nl == NULL)
			break;
		S_indent(out, depth);
		p = nl + 1;
	}
	free(s);
	return 0;
}

/* A member "key": of an object at depth, after the members before it. */
static void
S_key(struct buf *out, const char *key, int depth, int first)
{
	if (!first)
		buf_putc(out, ',');
	S_indent(out, depth + 1);
	buf_printf(out, "\"%s\": ", key);
}

int
render_json(const struct btree *t, const struct brief *b, struct buf *out,
	struct brief_err *err)
{
	json_t *root = json_object();
	VEC(const struct bnode *) secs = { 0 }, srcs = { 0 };
	VEC(size_t) first_item = { 0 };       /* per section, into items */
	VEC(const struct bnode *) items = { 0 };
	cmark_iter *it;
	cmark_event_type ev;
	int have_status = 0, rc = 0;

	json_object_set_new(root, "format", json_string("brief-json/1"));
	json_object_set_new(root, "generator", json_string("brief " BRIEF_VERSION));
	json_object_set_new(root, "title", json_string(b->t->title));
	json_object_set_new(root, "as_of", S_iso(&b->as_of));
	json_object_set_new(root, "newest_source", S_iso(&b->latest));
	if (b->since.have) {
		json_t *x = json_object();

		json_object_set_new(x, "as_of", S_iso(&b->since.as_of));
		json_object_set_new(x, "status_was", b->since.status_was ?
		    json_string(b->since.status_was) : json_null());
		json_object_set_new(root, "since", x);
	}
	it = cmark_iter_new(t->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const struct bnode *x = tree_node(n);

		if (ev != CMARK_EVENT_ENTER || x == NULL)
			continue;
		if (x->kind == BN_DATELINE) {
			json_object_set_new(root, "dateline", S_text_of(n));
		} else if (x->kind == BN_SECTION) {
			VEC_PUSH(&secs, x);
			VEC_PUSH(&first_item, items.n);
		} else if (x->kind == BN_ITEM && x->item != NULL && secs.n > 0) {
			VEC_PUSH(&items, x);
		} else if (x->kind == BN_STATUS) {
			json_object_set_new(root, "status", S_status(b));
			have_status = 1;
		} else if (x->kind == BN_SOURCE && x->src != NULL) {
			VEC_PUSH(&srcs, x);
		}
	}
	cmark_iter_free(it);
	if (!have_status)
		json_object_set_new(root, "status", json_null());
	rc |= S_put(out, root, 0, 1);

	/* "sections": [ { id, heading, kind, "items": [ ... ] }, ... ] */
	S_key(out, "sections", 0, 0);
	buf_putc(out, '[');
	for (size_t k = 0; k < secs.n; k++) {
		const struct bnode *x = secs.v[k];
		size_t from = first_item.v[k];
		size_t to = k + 1 < secs.n ? first_item.v[k + 1] : items.n;
		json_t *sec = json_object();

		json_object_set_new(sec, "id", json_string(x->bs->def->id));
		json_object_set_new(sec, "heading", json_string(x->bs->def->heading));
		json_object_set_new(sec, "kind",
		    json_string(tree_kind_name((int)x->bs->def->kind)));
		if (k > 0)
			buf_putc(out, ',');
		S_indent(out, 2);
		rc |= S_put(out, sec, 2, 1);
		S_key(out, "items", 2, 0);
		if (from == to) {
			buf_put(out, "[]", 2);
		} else {
			buf_putc(out, '[');
			for (size_t j = from; j < to; j++) {
				if (j > from)
					buf_putc(out, ',');
				S_indent(out, 4);
				rc |= S_put(out, S_item(b, items.v[j], j), 4, 0);
			}
			S_indent(out, 3);
			buf_putc(out, ']');
		}
		S_indent(out, 2);
		buf_putc(out, '}');
	}
	if (secs.n > 0)
		S_indent(out, 1);
	buf_putc(out, ']');

	/* "sources": [ ... ] */
	S_key(out, "sources", 0, 0);
	buf_putc(out, '[');
	for (size_t k = 0; k < srcs.n; k++) {
		if (k > 0)
			buf_putc(out, ',');
		S_indent(out, 2);
		rc |= S_put(out, S_source(srcs.v[k]->src), 2, 0);
	}
	if (srcs.n > 0)
		S_indent(out, 1);
	buf_putc(out, ']');
	buf_put(out, "\n}\n", 3);
	VEC_FREE(&secs);
	VEC_FREE(&srcs);
	VEC_FREE(&items);
	VEC_FREE(&first_item);
	if (rc != 0)
		return brief_fail(err, "json", NULL, 0, "cannot write the JSON");
	return 0;
}
