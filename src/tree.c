/*
 * tree.c -- build the brief's document tree (see tree.h).
 */
#include "brief/tree.h"
#include "brief/utf.h"

#include <string.h>

#define TITLE_WORDS 9   /* a source's title in the full list, at most */
#define TITLE_BYTES 90  /* and at most this many bytes */

/* ---- nodes -------------------------------------------------------- */

static struct bnode *
S_tag(struct btree *t, cmark_node *n, enum bn_kind kind)
{
	struct bnode *bn = arena_alloc(t->a, sizeof *bn);

	bn->kind = kind;
	bn->node = n;
	cmark_node_set_user_data(n, bn);
	if (kind == BN_ITEM) {
		if (t->nitems == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 16;
			t->items = xrealloc(t->items, t->cap * sizeof *t->items);
		}
		t->items[t->nitems++] = bn;
	}
	return bn;
}

static cmark_node *
S_add(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);

	cmark_node_append_child(parent, n);
	return n;
}

/* A text node with s[0..n): line breaks become spaces. */
static cmark_node *
S_text_n(cmark_node *parent, const char *s, size_t n)
{
	cmark_node *t = S_add(parent, CMARK_NODE_TEXT);
	char *c = xstrndup(s, n);

	for (size_t i = 0; i < n; i++)
		if (c[i] == '\n' || c[i] == '\r')
			c[i] = ' ';
	cmark_node_set_literal(t, c);
	free(c);
	return t;
}

static cmark_node *
S_text(cmark_node *parent, const char *s)
{
	return S_text_n(parent, s, strlen(s));
}

static cmark_node *
S_slice(cmark_node *parent, struct slice s)
{
	return S_text_n(parent, s.p, s.n);
}

static cmark_node *
S_buf_text(cmark_node *parent, struct buf *b)
{
	return S_text_n(parent, b->p ? b->p : "", b->n);
}

/* ---- citations ---------------------------------------------------- */

static void
S_num(struct buf *out, int id, tree_num_fn *num, void *ctx)
{
	if (num != NULL)
		num(out, id, ctx);
	else
		buf_printf(out, "%d", id);
}

void
tree_cite_text(struct buf *out, const int *cite, size_t n, tree_num_fn *num,
	void *ctx)
{
	size_t i = 0, shown = 0;

	buf_putc(out, '[');
	while (i < n && shown < 5) {
		size_t j = i;

		while (j + 1 < n && cite[j + 1] == cite[j] + 1)
			j++;
		if (i > 0)
			buf_puts(out, ", ");
		if (j - i >= 2) {
			S_num(out, cite[i], num, ctx);
			buf_puts(out, "\xE2\x80\x93");
			S_num(out, cite[j], num, ctx);
			shown += 2;
			i = j + 1;
		} else {
			S_num(out, cite[i], num, ctx);
			shown++;
			i++;
		}
	}
	if (i < n)
		buf_printf(out, " +%zu", n - i);
	buf_putc(out, ']');
}

/* " [2, 5]": a space, then the citation node. */
static void
S_cite(struct btree *t, cmark_node *parent, const int *cite, size_t n,
	struct item *it, const struct brief_section *bs)
{
	cmark_node *c;
	struct bnode *bn;

	if (n == 0)
		return;
	S_text(parent, " ");
	c = S_add(parent, CMARK_NODE_CUSTOM_INLINE);
	bn = S_tag(t, c, BN_CITE);
	bn->cite = cite;
	bn->ncite = n;
	bn->item = it;
	bn->bs = bs;
}

void
tree_plain_marks(struct btree *t)
{
	cmark_iter *it = cmark_iter_new(t->doc);
	cmark_event_type ev;
	struct buf b = { 0 };

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		struct bnode *bn = tree_node(n);

		if (ev != CMARK_EVENT_ENTER || bn == NULL)
			continue;
		if (bn->kind == BN_CITE) {
			b.n = 0;
			tree_cite_text(&b, bn->cite, bn->ncite, NULL, NULL);
			cmark_node_set_on_enter(n, buf_cstr(&b));
			cmark_node_set_on_exit(n, "");
		} else if (bn->kind == BN_NEW) {
			cmark_node_set_on_enter(n, "**new** ");
			cmark_node_set_on_exit(n, "");
		} else if (bn->kind == BN_ANCHOR || bn->kind == BN_PART) {
			cmark_node_set_on_enter(n, "");
			cmark_node_set_on_exit(n, "");
		}
	}
	cmark_iter_free(it);
	buf_free(&b);
}

/* ---- lookups ------------------------------------------------------ */

const char *
tree_kind_name(int kind)
{
	static const char *const names[] = {
		[SK_SUMMARY] = "summary", [SK_FACTS] = "facts",
		[SK_TIMELINE] = "timeline", [SK_QUOTES] = "views",
		[SK_SOURCES] = "sources",
	};

	return kind >= 0 && (size_t)kind < sizeof names / sizeof *names &&
		names[kind] ? names[kind] : "facts";
}

struct bnode *
tree_node(cmark_node *n)
{
	return n ? cmark_node_get_user_data(n) : NULL;
}

struct bnode *
tree_owner(cmark_node *n)
{
	for (; n != NULL; n = cmark_node_parent(n))
		if (cmark_node_get_user_data(n) != NULL)
			return cmark_node_get_user_data(n);
	return NULL;
}

/* ---- items -------------------------------------------------------- */

/* The tag of an item new since the previous edition, at the start of
 * p. */
static void
S_new(struct btree *t, cmark_node *p, struct item *it,
	const struct brief_section *bs)
{
	struct bnode *bn;

	if (!it->fresh)
		return;
	bn = S_tag(t, S_add(p, CMARK_NODE_CUSTOM_INLINE), BN_NEW);
	bn->item = it;
	bn->bs = bs;
}

static size_t
S_alive(const struct brief_section *bs)
{
	size_t n = 0;

	for (size_t j = 0; j < bs->n; j++)
		n += !bs->item[j].dropped;
	return n;
}

/* A quotation's words without the trailing comma it carried from its
 * sentence ("…,” he said). */
static struct slice
S_quote_words(struct slice s)
{
	s = slice_trim(s);
	while (s.n > 0 && (s.p[s.n - 1] == ',' || s.p[s.n - 1] == ' '))
		s.n--;
	return s;
}

/* A view: a block quote of its words (in quotation marks) or of the
 * reporter's sentence, then "— *Name*, role, to Outlet [n]". */
static void
S_view(struct btree *t, cmark_node *parent, const struct brief_section *bs,
	struct item *it)
{
	const struct view *v = it->view;
	cmark_node *q = S_add(parent, CMARK_NODE_BLOCK_QUOTE);
	cmark_node *p = S_add(q, CMARK_NODE_PARAGRAPH), *e;
	struct bnode *bn = S_tag(t, q, BN_ITEM);
	struct buf b = { 0 };

	bn->item = it;
	bn->bs = bs;
	S_new(t, p, it, bs);
	if (v->flags & VIEW_QUOTE) {
		struct slice w = S_quote_words(it->text);

		buf_puts(&b, "\xE2\x80\x9C");
		buf_put(&b, w.p, w.n);
		buf_puts(&b, "\xE2\x80\x9D");
		S_buf_text(p, &b);
		bn = S_tag(t, p, BN_QUOTATION);
	} else {
		S_slice(p, it->text);
		bn = S_tag(t, p, BN_REPORTED);
	}
	bn->item = it;
	bn->bs = bs;
	p = S_add(q, CMARK_NODE_PARAGRAPH);
	bn = S_tag(t, p, BN_ATTRIBUTION);
	bn->item = it;
	bn->bs = bs;
	S_text(p, "\xE2\x80\x94 ");
	e = S_add(p, CMARK_NODE_EMPH);
	S_slice(e, v->speaker);
	if (v->role.n > 0) {
		S_text(p, ", ");
		S_slice(p, v->role);
	}
	if (v->outlet.n > 0) {
		b.n = 0;
		buf_printf(&b, ", %s ", v->outlet_prep ? v->outlet_prep : "in");
		buf_put(&b, v->outlet.p, v->outlet.n);
		S_buf_text(p, &b);
	}
	S_cite(t, p, it->cite, it->ncite, it, bs);
	buf_free(&b);
}

/* A list item: "**4–5 Dec 2025** — text [n]" on the timeline, else
 * "text [n]". */
static void
S_list_item(struct btree *t, cmark_node *list, const struct brief_section *bs,
	struct item *it)
{
	cmark_node *li = S_add(list, CMARK_NODE_ITEM);
	cmark_node *p = S_add(li, CMARK_NODE_PARAGRAPH);
	struct bnode *bn = S_tag(t, li, BN_ITEM);

	bn->item = it;
	bn->bs = bs;
	if (bs->def->kind != SK_TIMELINE)
		S_new(t, p, it, bs);
	if (bs->def->kind == SK_TIMELINE) {
		cmark_node *s = S_add(p, CMARK_NODE_STRONG);
		struct buf b = { 0 };

		bdate_format_range(&b, &it->date, &it->end);
		S_buf_text(s, &b);
		buf_free(&b);
		bn = S_tag(t, s, BN_DATE);
		bn->item = it;
		bn->bs = bs;
		S_text(p, " \xE2\x80\x94 ");
		S_new(t, p, it, bs);
	}
	S_slice(p, it->text);
	S_cite(t, p, it->cite, it->ncite, it, bs);
}

/* "**Status:** negotiated [1, 3] → signed 18 Feb 2025 [2–5]. Earlier
 * reports [2] still had this stage to come." */
static void
S_status(struct btree *t, cmark_node *parent, const struct brief *b,
	const struct brief_section *bs)
{
	const struct status_note *st = &b->status;
	cmark_node *p, *s;
	struct buf w = { 0 };
	int any = 0;

	if (st->stage < 0 || (size_t)st->stage >= st->nstages ||
	    st->stages[st->stage].ncite == 0)
		return;
	p = S_add(parent, CMARK_NODE_PARAGRAPH);
	S_tag(t, p, BN_STATUS)->bs = bs;
	s = S_add(p, CMARK_NODE_STRONG);
	S_text(s, "Status:");
	for (size_t g = 0; g <= (size_t)st->stage && g < st->nstages; g++) {
		const struct stage_note *sn = &st->stages[g];

		if (sn->ncite == 0)
			continue;
		w.n = 0;
		buf_puts(&w, any ? " \xE2\x86\x92 " : " ");
		buf_puts(&w, sn->name);
		/* earlier stages' dates are the timeline's; the latest's is news */
		if (sn->when.prec != DP_NONE && g == (size_t)st->stage) {
			buf_putc(&w, ' ');
			bdate_format(&w, &sn->when);
		}
		S_buf_text(p, &w);
		S_cite(t, p, sn->cite, sn->ncite, NULL, bs);
		if (g == (size_t)st->stage && b->since.status_was != NULL) {
			w.n = 0;   /* the status moved since the last edition */
			buf_printf(&w, " (was: %s)", b->since.status_was);
			S_buf_text(p, &w);
		}
		any = 1;
	}
	S_text(p, ".");
	if (st->nstale > 0) {
		S_text(p, " Earlier reports");
		S_cite(t, p, st->stale, st->nstale, NULL, bs);
		S_text(p, " still had this stage to come.");
	}
	if (st->contradicted >= 0 && (size_t)st->contradicted < st->nstages &&
	    st->nlater > 0) {
		const struct stage_note *sn = &st->stages[st->contradicted];

		w.n = 0;
		buf_printf(&w, " Reports that it was %s", sn->name);
		S_buf_text(p, &w);
		S_cite(t, p, sn->cite, sn->ncite, NULL, bs);
		S_text(p, " are older than reports");
		S_cite(t, p, st->later, st->nlater, NULL, bs);
		S_text(p, " that it is still to come.");
	}
	buf_free(&w);
}

/* ---- sources ------------------------------------------------------ */

/* A source's title, or its first words, cut to max_words words (and
 * max_bytes bytes), with "…" when cut. */
static void
S_title_cut(struct buf *out, const struct doc *d, size_t max_words,
	size_t max_bytes)
{
	struct slice t = d->title;
	size_t words = 0, i = 0;

	if (t.n == 0 && d->npara > 0)
		t = (struct slice){ d->text + d->para[0].off, d->para[0].len };
	while (i < t.n && words < max_words) {
		while (i < t.n && t.p[i] != ' ')
			i++;
		words++;
		if (i < t.n)
			i++;
	}
	if (i > max_bytes)   /* one huge "word": cut on a character boundary */
		i = utf_cut(t.p, t.n, max_bytes);
	struct slice cut = slice_trim((struct slice){ t.p, i });
	while (cut.n > 0 && strchr(",;:", cut.p[cut.n - 1]))
		cut.n--;   /* no dangling punctuation before the ellipsis */
	buf_put(out, cut.p, cut.n);
	if (i < t.n)
		buf_puts(out, "\xE2\x80\xA6");
}

/* An http(s) URL with no spaces, controls, angle brackets or
 * backslashes: safe as a link target in every output. */
static int
S_safe_url(struct slice u)
{
	if (!(u.n > 8 && (memcmp(u.p, "https://", 8) == 0 ||
	    memcmp(u.p, "http://", 7) == 0)) || u.n > 2000)
		return 0;
	for (size_t i = 0; i < u.n; i++) {
		unsigned char c = (unsigned char)u.p[i];

		if (c <= ' ' || c == '<' || c == '>' || c == '\\' || c == 0x7F)
			return 0;
	}
	return 1;
}

/* Where a source comes from, for the page: its outlet, else its URL's
 * host, else its file name without the extension. */
static void
S_outlet(struct buf *out, const struct doc *d)
{
	struct slice u = d->url;
	const char *p = u.n ? memchr(u.p, ':', u.n) : NULL;

	if (d->outlet.n > 0) {
		buf_put(out, d->outlet.p, d->outlet.n);
		return;
	}
	if (p != NULL && (size_t)(u.p + u.n - p) > 3 && p[1] == '/' && p[2] == '/') {
		const char *h = p + 3, *e = h;

		while (e < u.p + u.n && *e != '/' && *e != ':' && *e != '?')
			e++;
		if (e - h > 4 && strncmp(h, "www.", 4) == 0)
			h += 4;
		if (e > h) {
			buf_put(out, h, (size_t)(e - h));
			return;
		}
	}
	const char *dot = strrchr(d->name, '.');
	size_t n = dot && dot > d->name ? (size_t)(dot - d->name) : strlen(d->name);
	if (n > 16) {   /* a long file name: its head */
		n = utf_cut(d->name, n, 14);
		buf_put(out, d->name, n);
		buf_puts(out, "\xE2\x80\xA6");
		return;
	}
	buf_put(out, d->name, n);
}

static void
S_date_or_undated(struct buf *out, const struct doc *d)
{
	if (d->date.prec != DP_NONE)
		bdate_format(out, &d->date);
	else
		buf_puts(out, "undated");
}

/* Per source id (1..ndoc): is it cited by an item still on the page or
 * by the status line? Caller frees. */
static unsigned char *
S_cited_ids(const struct brief *b)
{
	size_t nd = b->c->ndoc;
	unsigned char *cited = xcalloc(nd + 1, 1);
	const struct status_note *st = &b->status;

	for (size_t k = 0; k < b->nsec; k++)
		for (size_t j = 0; j < b->sec[k].n; j++) {
			const struct item *it = &b->sec[k].item[j];

			for (size_t q = 0; !it->dropped && q < it->ncite; q++)
				if (it->cite[q] >= 1 && (size_t)it->cite[q] <= nd)
					cited[it->cite[q]] = 1;
		}
	for (size_t g = 0; st->stage >= 0 && g <= (size_t)st->stage &&
	    g < st->nstages; g++)
		for (size_t q = 0; q < st->stages[g].ncite; q++)
			if (st->stages[g].cite[q] >= 1 &&
			    (size_t)st->stages[g].cite[q] <= nd)
				cited[st->stages[g].cite[q]] = 1;
	return cited;
}

/* One entry of the source list, in a list that starts a new run when
 * the ids are not consecutive (an ordered list counts on by itself). */
static cmark_node *
S_source_item(struct btree *t, cmark_node *parent, cmark_node *list,
	const struct doc *d, const struct brief_section *bs)
{
	cmark_node *li, *p;
	struct bnode *bn;

	if (list == NULL || cmark_node_last_child(list) == NULL ||
	    tree_node(cmark_node_last_child(list))->src->id + 1 != d->id) {
		list = S_add(parent, CMARK_NODE_LIST);
		cmark_node_set_list_type(list, CMARK_ORDERED_LIST);
		cmark_node_set_list_delim(list, CMARK_PERIOD_DELIM);
		cmark_node_set_list_start(list, d->id);
		cmark_node_set_list_tight(list, 1);
		S_tag(t, list, BN_SOURCES)->bs = bs;
	}
	li = S_add(list, CMARK_NODE_ITEM);
	bn = S_tag(t, li, BN_SOURCE);
	bn->src = d;
	bn->bs = bs;
	p = S_add(li, CMARK_NODE_PARAGRAPH);
	bn = S_tag(t, S_add(p, CMARK_NODE_CUSTOM_INLINE), BN_ANCHOR);
	bn->src = d;
	bn->bs = bs;
	return list;
}

/* A link to the source's URL around text, or the text alone. */
static void
S_maybe_link(cmark_node *p, const struct doc *d, struct buf *text)
{
	if (S_safe_url(d->url)) {
		cmark_node *l = S_add(p, CMARK_NODE_LINK);
		char *u = xstrndup(d->url.p, d->url.n);

		cmark_node_set_url(l, u);
		free(u);
		S_buf_text(l, text);
	} else {
		S_buf_text(p, text);
	}
}

/* Every source: "Title… — `file.txt`, Outlet, 18 Feb 2025, <url>". */
static void
S_sources_full(struct btree *t, cmark_node *parent, const struct brief *b,
	const struct brief_section *bs)
{
	const struct corpus *c = b->c;
	cmark_node *list = NULL;
	struct buf w = { 0 };

	for (size_t k = 0; k < c->ndoc; k++) {
		const struct doc *d = &c->doc[k];
		cmark_node *p, *code;

		list = S_source_item(t, parent, list, d, bs);
		p = cmark_node_first_child(cmark_node_last_child(list));
		w.n = 0;
		S_title_cut(&w, d, TITLE_WORDS, TITLE_BYTES);
		buf_puts(&w, " \xE2\x80\x94 ");
		S_buf_text(p, &w);
		code = S_add(p, CMARK_NODE_CODE);
		cmark_node_set_literal(code, d->name);
		w.n = 0;
		if (d->outlet.n > 0) {
			buf_puts(&w, ", ");
			buf_put(&w, d->outlet.p, d->outlet.n);
		}
		buf_puts(&w, ", ");
		S_date_or_undated(&w, d);
		if (S_safe_url(d->url))
			buf_puts(&w, ", ");
		S_buf_text(p, &w);
		if (S_safe_url(d->url)) {
			w.n = 0;
			buf_put(&w, d->url.p, d->url.n);
			S_maybe_link(p, d, &w);
		}
	}
	buf_free(&w);
}

/* The page's list: "Outlet, 18 Feb 2025: Short title…" (the title
 * linked to the URL); past TREE_PAGE_SOURCES sources only the cited
 * ones, at most b->page_sources, and a line for the rest. */
static void
S_sources_page(struct btree *t, cmark_node *parent, const struct brief *b,
	const struct brief_section *bs)
{
	const struct corpus *c = b->c;
	size_t cap = b->page_sources > 0 ? (size_t)b->page_sources :
		TREE_PAGE_CITED;
	int all = c->ndoc <= TREE_PAGE_SOURCES && c->ndoc <= cap;
	unsigned char *cited = all ? NULL : S_cited_ids(b);
	cmark_node *list = NULL;
	struct buf w = { 0 };
	size_t shown = 0;

	for (size_t k = 0; k < c->ndoc; k++) {
		const struct doc *d = &c->doc[k];
		cmark_node *p;

		if (!all && (shown >= cap || d->id < 1 ||
		    (size_t)d->id > c->ndoc || !cited[d->id]))
			continue;
		list = S_source_item(t, parent, list, d, bs);
		p = cmark_node_first_child(cmark_node_last_child(list));
		w.n = 0;
		S_outlet(&w, d);
		buf_puts(&w, ", ");
		S_date_or_undated(&w, d);
		buf_puts(&w, ": ");
		S_buf_text(p, &w);
		w.n = 0;
		S_title_cut(&w, d, 5, 34);
		S_maybe_link(p, d, &w);
		shown++;
	}
	free(cited);
	if (shown < c->ndoc) {
		cmark_node *p = S_add(parent, CMARK_NODE_PARAGRAPH);

		S_tag(t, p, BN_MORE)->bs = bs;
		w.n = 0;
		buf_printf(&w, "And %zu further source%s, listed in brief.md.",
		    c->ndoc - shown, c->ndoc - shown == 1 ? "" : "s");
		S_buf_text(p, &w);
	}
	buf_free(&w);
}

/* ---- sections ----------------------------------------------------- */

static void
S_section(struct btree *t, cmark_node *parent, const struct brief *b,
	const struct brief_section *bs, enum tree_sources mode)
{
	const struct section_def *d = bs->def;
	cmark_node *h, *list = NULL, *p = NULL;

	if (d->kind != SK_SOURCES && S_alive(bs) == 0)
		return;
	parent = S_add(parent, CMARK_NODE_CUSTOM_BLOCK);
	S_tag(t, parent, BN_PART)->bs = bs;
	h = S_add(parent, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, 2);
	S_text(h, d->heading);
	S_tag(t, h, BN_SECTION)->bs = bs;
	for (size_t j = 0; j < bs->n; j++) {
		struct item *it = &bs->item[j];

		if (it->dropped)
			continue;
		if (d->kind == SK_QUOTES && it->view != NULL) {
			S_view(t, parent, bs, it);
		} else if (d->kind == SK_SUMMARY) {
			struct bnode *bn;

			if (p == NULL)
				p = S_add(parent, CMARK_NODE_PARAGRAPH);
			else
				S_text(p, " ");
			S_new(t, p, it, bs);
			bn = S_tag(t, S_slice(p, it->text), BN_ITEM);
			bn->item = it;
			bn->bs = bs;
			S_cite(t, p, it->cite, it->ncite, it, bs);
		} else {
			if (list == NULL) {
				list = S_add(parent, CMARK_NODE_LIST);
				cmark_node_set_list_type(list, CMARK_BULLET_LIST);
				cmark_node_set_list_tight(list, 1);
			}
			S_list_item(t, list, bs, it);
		}
	}
	if (d->kind == SK_SOURCES && mode == TREE_SOURCES_PAGE)
		S_sources_page(t, parent, b, bs);
	else if (d->kind == SK_SOURCES)
		S_sources_full(t, parent, b, bs);
	if (d->kind == SK_SUMMARY)
		S_status(t, parent, b, bs);
}

/* ---- the skeleton ------------------------------------------------- */

static void
S_dateline(struct buf *out, const struct brief *b)
{
	size_t undated = 0;

	for (size_t k = 0; k < b->c->ndoc; k++)
		undated += b->c->doc[k].date.prec == DP_NONE;
	if (b->as_of.prec == DP_NONE) {
		buf_puts(out, "Sources undated");
	} else {
		buf_puts(out, "As of ");
		bdate_format(out, &b->as_of);
	}
	buf_printf(out, " \xC2\xB7 %zu source%s", b->c->ndoc,
	    b->c->ndoc == 1 ? "" : "s");
	if (undated > 0 && b->as_of.prec != DP_NONE)
		buf_printf(out, " (%zu undated)", undated);
	if (b->latest.prec != DP_NONE && b->latest.y != 0 &&
	    bdate_cmp(&b->latest, &b->as_of) != 0) {
		buf_puts(out, " \xC2\xB7 newest source ");
		bdate_format(out, &b->latest);
	}
	if (b->since.have) {
		size_t fresh = 0;

		for (size_t k = 0; k < b->nsec; k++)
			for (size_t j = 0; j < b->sec[k].n; j++)
				fresh += b->sec[k].item[j].fresh &&
				    !b->sec[k].item[j].dropped;
		buf_printf(out, " \xC2\xB7 %zu new since ", fresh);
		if (b->since.as_of.prec != DP_NONE)
			bdate_format(out, &b->since.as_of);
		else
			buf_puts(out, "the last edition");
	}
}

/* The block n is in. */
static cmark_node *
S_block_of(cmark_node *n)
{
	while (n != NULL && cmark_node_get_type(n) >= CMARK_NODE_FIRST_INLINE &&
	    cmark_node_get_type(n) <= CMARK_NODE_LAST_INLINE)
		n = cmark_node_parent(n);
	return n;
}

/* Whether the skeleton places section id itself. */
static int
S_placed(const char *skel, const char *id)
{
	char key[160];

	snprintf(key, sizeof key, "{{section %s}}", id);
	return strstr(skel, key) != NULL;
}

/* A paragraph that is only {{sections}} or {{section ID}}: the
 * sections, in its place. Returns 1 when it was one. */
static int
S_section_slot(struct btree *t, cmark_node *text, const struct brief *b,
	enum tree_sources mode)
{
	cmark_node *para = cmark_node_parent(text), *doc;
	struct slice s = { cmark_node_get_literal(text), 0 };
	cmark_node *tmp;

	s.n = strlen(s.p);
	s = slice_trim(s);
	if (para == NULL || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
	    cmark_node_first_child(para) != text || cmark_node_next(text) != NULL ||
	    s.n < 4 || memcmp(s.p, "{{", 2) != 0 ||
	    memcmp(s.p + s.n - 2, "}}", 2) != 0)
		return 0;
	s = slice_trim((struct slice){ s.p + 2, s.n - 4 });
	doc = cmark_node_parent(para);
	tmp = cmark_node_new(CMARK_NODE_DOCUMENT);
	if (slice_eq(s, "sections")) {
		for (size_t k = 0; k < b->nsec; k++)
			if (!S_placed(b->t->skeleton, b->sec[k].def->id))
				S_section(t, tmp, b, &b->sec[k], mode);
	} else if (s.n > 8 && memcmp(s.p, "section ", 8) == 0) {
		struct slice id = slice_trim((struct slice){ s.p + 8, s.n - 8 });

		for (size_t k = 0; k < b->nsec; k++)
			if (slice_eq(id, b->sec[k].def->id))
				S_section(t, tmp, b, &b->sec[k], mode);
	} else {
		cmark_node_free(tmp);
		return 0;
	}
	while (cmark_node_first_child(tmp) != NULL)
		cmark_node_insert_before(para, cmark_node_first_child(tmp));
	cmark_node_free(tmp);
	cmark_node_free(para);
	(void)doc;
	return 1;
}

/* Fill the placeholders of one text node: {{title}} (its block becomes
 * the title), {{dateline}} (the dateline), {{as_of}}, {{nsources}}. */
static void
S_fill(struct btree *t, cmark_node *text, const struct brief *b)
{
	const char *s = cmark_node_get_literal(text);
	struct buf out = { 0 };
	enum bn_kind tag = BN_NONE;

	while (*s) {
		const char *open = strstr(s, "{{");
		const char *close = open ? strstr(open + 2, "}}") : NULL;
		struct slice name;

		if (open == NULL || close == NULL) {
			buf_puts(&out, s);
			break;
		}
		buf_put(&out, s, (size_t)(open - s));
		name = slice_trim((struct slice){ open + 2, (size_t)(close - open - 2) });
		if (slice_eq(name, "title")) {
			buf_puts(&out, b->t->title);
			tag = BN_TITLE;
		} else if (slice_eq(name, "dateline")) {
			S_dateline(&out, b);
			tag = BN_DATELINE;
		} else if (slice_eq(name, "as_of")) {
			if (b->as_of.prec == DP_NONE)
				buf_puts(&out, "undated");
			else
				bdate_format(&out, &b->as_of);
		} else if (slice_eq(name, "nsources")) {
			buf_printf(&out, "%zu", b->c->ndoc);
		} else {
			buf_put(&out, open, (size_t)(close + 2 - open));
		}
		s = close + 2;
	}
	cmark_node_set_literal(text, buf_cstr(&out));
	buf_free(&out);
	if (tag != BN_NONE && tree_node(S_block_of(text)) == NULL)
		S_tag(t, S_block_of(text), tag);
}

void
tree_build(const struct brief *b, enum tree_sources mode, struct btree *t)
{
	const char *skel = b->t->skeleton;
	cmark_iter *it;
	cmark_event_type ev;
	VEC(cmark_node *) slots = { 0 };

	memset(t, 0, sizeof *t);
	t->a = arena_new();
	t->doc = cmark_parse_document(skel, strlen(skel), CMARK_OPT_DEFAULT);
	cmark_consolidate_text_nodes(t->doc);
	it = cmark_iter_new(t->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT &&
		    strstr(cmark_node_get_literal(n), "{{") != NULL)
			VEC_PUSH(&slots, n);
	}
	cmark_iter_free(it);
	/* in document order, so the items are listed in reading order */
	for (size_t k = 0; k < slots.n; k++)
		if (!S_section_slot(t, slots.v[k], b, mode))
			S_fill(t, slots.v[k], b);
	VEC_FREE(&slots);
	tree_plain_marks(t);
}

void
tree_free(struct btree *t)
{
	if (t->doc != NULL)
		cmark_node_free(t->doc);
	if (t->a != NULL)
		arena_free(t->a);
	free(t->items);
	memset(t, 0, sizeof *t);
}
