/*
 * render_pdf.c -- typeset the brief's document tree into a PDF with
 * libharu.
 *
 * The tree (tree.h) is walked with cmark_iter_next, switching on node
 * type as cmark's html.c does, and on the bnode each node carries: a
 * section's kind decides its zone, an item node owns the lines set for
 * it, a view's quotation is set in italic and its attribution smaller.
 * The walk draws nothing: it builds a vertical list (layout.h) of
 * lines, rules, spaces and the timeline graphic, every paragraph broken
 * into lines by layout.c, each entry in one zone of the page:
 *
 *   head     the title and the dateline under it, full width, between
 *            a navy band and a navy rule;
 *   box      the summary section, full width on a tinted ground with a
 *            navy rule down its left side;
 *   columns  every other section, in two columns balanced at the end;
 *   sources  the source list, in small type under a full-width rule,
 *            in two balanced columns.
 *
 * lay_paginate places the list. Measuring (out == NULL) stops there,
 * and each item node gets the height its entries take; drawing then
 * goes over the placed entries: grounds first, then the text, rules
 * and graphics, then the rules beside block quotes and the footer of
 * every page. Measuring and drawing share everything up to the
 * placement, so they always need the same pages.
 *
 * The PDF is tagged. The walk declares the structure elements in
 * reading order (Document; Sect per section; H1, H2, P; L, LI, Lbl,
 * LBody; BlockQuote; a Figure with alternate text for the timeline
 * graphic) and each entry remembers its element; drawing wraps every
 * line in a marked-content sequence of its element, and the band,
 * rules, grounds, footer and gutter strut as artifacts (hpdf_ext.c).
 * Screen readers and pdfinfo -struct-text follow the structure.
 *
 * Tools that read a page by its layout (poppler's pdftotext, viewers'
 * copy) guess the reading order from where blocks of text lie; an
 * invisible strut in each gutter (S_gutter) keeps them reading column
 * 1 whole before column 2.
 *
 * Type never goes below pdf_opts.min_pt: sizes are multiples of the
 * body size with that floor. libharu errors go to S_on_error, which
 * records the first one (no longjmp); every HPDF_STATUS is checked and
 * turned into a brief_err.
 */
#include "brief/render_pdf.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <hpdf.h>

#include "brief/fonts.h"
#include "brief/hpdf_ext.h"
#include "brief/layout.h"
#include "brief/pdfdoc.h"
#include "brief/style.h"
#include "brief/timeline.h"
#include "brief/tree.h"

#define A4_W      595.276
#define A4_H      841.89
#define LETTER_W  612.0
#define LETTER_H  792.0
#define MAX_NEST  16         /* list and quote levels that indent */
#define MIN_PT    8.5        /* the type floor when none is given */
#define COL_EM    18         /* narrower columns: one column instead */
#define KEEP_LINES 3         /* paragraphs this short are not split */

/* How a kind of block is set; sizes and spaces in units of the body
 * size (a size never below the floor). */
struct block_fmt {
	int face;
	double scale;        /* type size */
	double leading;      /* line advance / type size */
	unsigned color;
	int align;           /* enum lay_align */
	double before, after;
};

static const struct block_fmt S_fmt_title =
	{ FACE_SANS | FACE_BOLD, 1.9, 1.12, STYLE_NAVY, LAY_RAGGED, 0, 0.1 };
static const struct block_fmt S_fmt_meta =
	{ FACE_SERIF, 0.95, 1.3, STYLE_SOFT_INK, LAY_RAGGED, 0, 0.1 };
static const struct block_fmt S_fmt_h2 =
	{ FACE_SANS | FACE_BOLD, 1.0, 1.25, STYLE_NAVY, LAY_RAGGED, 0.9, 0.15 };
static const struct block_fmt S_fmt_h3 =
	{ FACE_SANS | FACE_BOLD, 1.0, 1.25, STYLE_INK, LAY_RAGGED, 0.7, 0.2 };
static const struct block_fmt S_fmt_body =
	{ FACE_SERIF, 1.0, 1.27, STYLE_INK, LAY_JUSTIFY, 0, 0.45 };
static const struct block_fmt S_fmt_attrib =
	{ FACE_SERIF, 0.9, 1.28, STYLE_SOFT_INK, LAY_RAGGED, 0.15, 0.45 };
static const struct block_fmt S_fmt_source =
	{ FACE_SERIF, 0.0, 1.25, STYLE_INK, LAY_RAGGED, 0, 0.1 };
static const struct block_fmt S_fmt_code =
	{ FACE_SERIF, 0.95, 1.25, STYLE_INK, LAY_RAGGED, 0.3, 0.5 };

/* Zones of the page (see the top of the file). */
enum zone { Z_COLS, Z_HEAD, Z_BOX, Z_SOURCES, Z_SRCLIST };

/* What an entry of the vertical list draws. */
enum ent_kind {
	K_SPACE,             /* nothing: vertical glue */
	K_STRUT,             /* nothing, but never dropped */
	K_LINE,              /* a line of a paragraph */
	K_RULE,              /* a horizontal rule across w */
	K_BAR,               /* a filled band across w */
	K_TIMELINE           /* the timeline graphic */
};

/* Drawing data of one entry, parallel to the vertical list. */
struct ent {
	int kind;            /* enum ent_kind */
	int zone;
	size_t para, line;   /* K_LINE: which paragraph, which line */
	double x, w;         /* offset from the column's left; width */
	double size;         /* K_LINE: type size; K_RULE: line width */
	int justify;
	int side;            /* K_LINE: a side head, set on the baseline of
	                      * the next line */
	long marker;         /* K_LINE: list marker (offset in r->text), -1 */
	double marker_x;     /* its offset from the column's left */
	double marker_size;
	long outline;        /* K_LINE: bookmark title (offset), -1 */
	int quote;           /* innermost block quote, -1 */
	struct bnode *item;  /* the item it belongs to (a BN_ITEM), NULL */
	int elem;            /* structure element of its content, -1: an
	                      * artifact */
	int marker_elem;     /* the marker's (Lbl) */
	unsigned color;      /* K_RULE, K_BAR */
};

struct list_ctx {
	int ordered, tight, number;
	char delim;
	double saved_indent;
	double size;         /* type size of its markers */
};

struct quote_ctx {
	int parent;          /* enclosing quote, -1 */
	double x;            /* the rule's offset from the column's left */
};

/* An item set inside a paragraph with others (a summary sentence):
 * its share of the paragraph's lines. */
struct share {
	size_t para;
	struct bnode *item;
	double part;         /* fraction of the paragraph's text */
};

/* A document and its fonts, kept from one render to the next. */
struct pdf_press {
	struct pdfdoc doc;
	int open;
};

/* The renderer: page geometry, the vertical list and the walk's
 * context. */
struct rp {
	const struct pdf_opts *o;
	struct brief_err *err;
	struct pdfdoc own;           /* the document, its fonts ... */
	struct pdfdoc *pd;           /* ... or the press's: the one used */
	struct fonts *fonts;         /* pd->fonts */
	int draw;                    /* 0: measure only */
	double body, minpt, margin, pw, ph, left, right, top, bottom;
	double gutter, colw, pad;    /* columns; the box's inner margin */
	int cols;                    /* columns of the body: 1 or 2 */
	/* the vertical list */
	VEC(struct lay_vent) v;
	VEC(struct ent) e;
	VEC(struct lay_region) rg;
	VEC(struct lay_para *) paras;
	VEC(struct quote_ctx) quotes;
	struct buf text;             /* markers and bookmark titles */
	/* the walk */
	int zone;
	double pending;              /* space before the next entry */
	int tie;                     /* entries still to keep with the next */
	double indent;               /* from the zone's text edge */
	double side;                 /* indent for the box's side head */
	struct list_ctx list[MAX_NEST];
	int list_depth, quote_depth, quote;
	long marker;                 /* awaiting its item's first line */
	double marker_x, marker_size;
	int timeline_done;
	struct timeline tl;
	int tl_elem;                 /* its Figure */
	VEC(struct tl_event) ev;     /* the timeline's events */
	/* the structure tree */
	struct hpx_tree st;
	VEC(int) est;                /* open container elements */
	const char *ctype;           /* type of the next block set */
	int content;                 /* element of the lines being set */
	int marker_elem;             /* the Lbl of the marker awaiting */
	/* what items cost */
	struct bnode *item;          /* the item being set, NULL */
	VEC(struct share) shares;    /* items sharing a paragraph */
	/* the placement and the drawing */
	int npages;
	double end;
	VEC(HPDF_Page) pages;
	struct buf tmp;
};

/* ---- errors ------------------------------------------------------- */

#define HP(r, call, what) do { \
	if ((call) != HPDF_OK) \
		return pdfdoc_fail((r)->pd, (what)); \
} while (0)

/* ---- sizes and text ------------------------------------------------- */

/* A type size: scale times the body size, never below the floor. */
static double
S_size(const struct rp *r, double scale)
{
	double s = scale * r->body;

	return s > r->minpt ? s : r->minpt;
}

/* Width of s in face at size; -1 when the face cannot be loaded. */
static double
S_measure(struct rp *r, const char *s, int face, double size)
{
	if (fonts_load(r->fonts, face, r->err) != 0)
		return -1;
	return fonts_width(r->fonts, face, s, strlen(s), size);
}

/* Keep s[0..n) (cleaned, NUL-terminated) in r->text; its offset. */
static long
S_keep_text(struct rp *r, const char *s, size_t n)
{
	long off = (long)r->text.n;
	struct buf clean = { 0 };

	lay_clean(&clean, s, n);
	buf_put(&r->text, clean.p, clean.n + 1);
	buf_free(&clean);
	return off;
}

/* The text of the inlines under node, cleaned, in r->tmp. */
static void
S_plain_text(struct rp *r, cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	struct buf raw = { 0 };
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			buf_puts(&raw, cmark_node_get_literal(n));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			buf_putc(&raw, ' ');
	}
	cmark_iter_free(it);
	lay_clean(&r->tmp, raw.p ? raw.p : "", raw.n);
	buf_free(&raw);
}

/* ---- the vertical list ---------------------------------------------- */

/* Left edge of the zone's text, from the column's left. */
static double
S_zone_x(const struct rp *r)
{
	return r->zone == Z_BOX ? r->pad : 0;
}

/* The measure at the current indent. */
static double
S_width(const struct rp *r)
{
	double w = r->right - r->left;

	if ((r->zone == Z_COLS || r->zone == Z_SRCLIST) && r->cols > 1)
		w = r->colw;
	else if (r->zone == Z_BOX)
		w -= 2 * r->pad;
	w -= r->indent;
	return w > 4 * r->body ? w : 4 * r->body;
}

/* Append an entry; a pending space goes before it. Entries tied by
 * r->tie are kept with the next one. Returns the entry. */
static struct ent *
S_push(struct rp *r, int kind, double h, int keep)
{
	struct ent e = { 0 };
	struct lay_vent v = { 0 };

	if (kind != K_SPACE && r->pending > 0) {
		double sp = r->pending;

		r->pending = 0;
		S_push(r, K_SPACE, sp, 0);
	}
	if (kind == K_SPACE)
		keep = r->v.n > 0 ? r->v.v[r->v.n - 1].keep : 0;
	else if (r->tie > 0) {
		keep = LAY_KEEP;
		r->tie--;
	}
	e.kind = kind;
	e.zone = r->zone;
	e.x = S_zone_x(r) + r->indent;
	e.w = S_width(r);
	e.marker = e.outline = -1;
	e.quote = r->quote;
	e.item = r->item;
	e.elem = kind == K_LINE ? r->content : -1;
	e.marker_elem = -1;
	v.kind = kind == K_SPACE ? LAY_VSPACE : LAY_VBOX;
	v.h = h;
	v.keep = keep;
	v.region = (int)r->rg.n - 1;
	VEC_PUSH(&r->v, v);
	VEC_PUSH(&r->e, e);
	return &r->e.v[r->e.n - 1];
}

/* Ask for space before the next entry (spaces collapse: the largest
 * wins). */
static void
S_vspace(struct rp *r, double units)
{
	double pt = units * r->body;

	if (pt > r->pending)
		r->pending = pt;
}

/* Keep the last entry with whatever comes next. */
static void
S_keep_last(struct rp *r)
{
	if (r->v.n > 0)
		r->v.v[r->v.n - 1].keep = LAY_KEEP;
}

/* ---- the structure tree --------------------------------------------- */

/* Begin content of element elem (-1: an artifact) on page page_no. */
static int
S_mc(struct rp *r, HPDF_Page page, int page_no, int elem)
{
	return hpx_mc_begin(&r->st, page, page_no, elem, r->err);
}

/* A new element of type in the open container. */
static int
S_struct(struct rp *r, const char *type)
{
	return hpx_elem(&r->st, r->est.n ? r->est.v[r->est.n - 1] : 0, type,
		NULL);
}

/* Open a container element of type. */
static void
S_open(struct rp *r, const char *type)
{
	int e = S_struct(r, type);

	VEC_PUSH(&r->est, e);
}

static void
S_close(struct rp *r, size_t n)
{
	r->est.n = r->est.n > n ? r->est.n - n : 0;
}

/* Close the zone being built: the box ends with its inner margin. */
static void
S_zone_close(struct rp *r)
{
	if (r->zone == Z_BOX && r->v.n > 0 && r->v.v[r->v.n - 1].region ==
	    (int)r->rg.n - 1) {
		r->pending = 0;
		S_push(r, K_STRUT, 0.6 * r->pad, 0);
	}
	r->indent -= r->side;
	r->side = 0;
}

/* Enter zone z: a new region when it changes. */
static void
S_zone(struct rp *r, int z)
{
	struct lay_region rg = { 0 };

	if (r->rg.n > 0 && r->zone == z)
		return;
	S_zone_close(r);
	r->zone = z;
	rg.cols = z == Z_COLS || z == Z_SRCLIST ? r->cols : 1;
	rg.balance = 1;
	VEC_PUSH(&r->rg, rg);
}

/* ---- paragraphs ----------------------------------------------------- */

static int
S_is_web(const char *url)
{
	return url != NULL && (strncmp(url, "http://", 7) == 0 ||
		strncmp(url, "https://", 8) == 0);
}

/* Style changes at an inline container (emphasis, strong, link). */
static void
S_inline_style(struct lay_para *p, cmark_node *n, int enter, int *emph,
	int *strong, int *link)
{
	int d = enter ? 1 : -1;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_EMPH:
		*emph += d;
		break;
	case CMARK_NODE_STRONG:
		*strong += d;
		break;
	case CMARK_NODE_LINK:
		*link = enter && S_is_web(cmark_node_get_url(n)) ?
			lay_add_link(p, cmark_node_get_url(n)) : -1;
		break;
	default:
		break;
	}
}

static int
S_inline_leaf(struct rp *r, struct lay_para *p, cmark_node *n,
	const struct lay_style *st)
{
	const struct bnode *bn = tree_node(n);
	const char *s;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_CUSTOM_INLINE:
		if (bn != NULL && bn->kind == BN_NEW) {
			/* new since the last edition: a small tag */
			struct lay_style tag = *st;

			tag.face = FACE_SANS | FACE_BOLD;
			tag.size = fmax(st->size * 0.72, r->minpt);
			tag.color = STYLE_NEW_INK;
			return lay_add_text(p, "NEW", 3, &tag, r->err) != 0 ? -1 :
				lay_add_text(p, " ", 1, st, r->err);
		}
		if (bn == NULL || bn->kind != BN_CITE)
			return 0;
		r->tmp.n = 0;
		tree_cite_text(&r->tmp, bn->cite, bn->ncite, NULL, NULL);
		return lay_add_cite(p, r->tmp.p, r->tmp.n, st, r->err);
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		s = cmark_node_get_literal(n);
		return s ? lay_add_text(p, s, strlen(s), st, r->err) : 0;
	case CMARK_NODE_SOFTBREAK:
		return lay_add_text(p, " ", 1, st, r->err);
	case CMARK_NODE_LINEBREAK:
		lay_add_newline(p);
		return 0;
	default:
		return 0;
	}
}

/* A new paragraph, r->paras.v[*idx], as wide as the current measure. */
static struct lay_para *
S_para_new(struct rp *r, size_t *idx)
{
	struct lay_para *p = xcalloc(1, sizeof *p);

	lay_para_reset(p, r->fonts, S_width(r));
	p->min_size = r->minpt;
	VEC_PUSH(&r->paras, p);
	*idx = r->paras.n - 1;
	return p;
}

/* The text bytes under inline node n. */
static size_t
S_inline_bytes(cmark_node *n)
{
	size_t len = 0;

	if (cmark_node_get_literal(n) != NULL)
		len += strlen(cmark_node_get_literal(n));
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
		len += S_inline_bytes(c);
	return len;
}

/* Items inside paragraph idx (summary sentences): each one's share of
 * its text, by bytes. */
static void
S_shares(struct rp *r, cmark_node *block, size_t idx)
{
	size_t total = S_inline_bytes(block), first = r->shares.n;

	for (cmark_node *c = cmark_node_first_child(block); c && total > 0;
	     c = cmark_node_next(c)) {
		struct bnode *bn = tree_node(c);
		struct share sh = { idx, NULL, 0 };

		if (bn != NULL && bn->kind == BN_ITEM) {
			sh.item = bn;
			VEC_PUSH(&r->shares, sh);
		}
		if (bn != NULL && bn->item != NULL && r->shares.n > first &&
		    r->shares.v[r->shares.n - 1].item->item == bn->item)
			r->shares.v[r->shares.n - 1].part +=
				(double)S_inline_bytes(c) / (double)total;
	}
}

/* Build the paragraph items for the inlines under block. */
static int
S_collect(struct rp *r, struct lay_para *p, cmark_node *block,
	const struct block_fmt *f, int italic)
{
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	int emph = 0, strong = 0, link = -1, rc = 0;

	p->align = f->align;
	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		struct lay_style st = { f->face, S_size(r, f->scale), f->color,
			link };

		if (n == block)
			continue;
		S_inline_style(p, n, ev == CMARK_EVENT_ENTER, &emph, &strong,
			&link);
		st.link = link;
		st.face |= (strong > 0 ? FACE_BOLD : 0) |
			((italic != 0) != (emph > 0) ? FACE_ITALIC : 0);
		if (link >= 0)
			st.color = STYLE_LINK_INK;
		if (ev == CMARK_EVENT_ENTER)
			rc = S_inline_leaf(r, p, n, &st);
	}
	cmark_iter_free(it);
	return rc;
}

/* The lines of paragraph idx as entries. Headings keep all their lines
 * with what follows; a paragraph keeps its first two lines together
 * and its last two (no orphans, no widows); softly (when it costs no
 * page), a short paragraph stays whole and no column ends on a
 * hyphen. */
static struct ent *
S_push_lines(struct rp *r, size_t idx, const struct block_fmt *f,
	int heading)
{
	struct lay_para *p = r->paras.v[idx];
	size_t n = lay_break(p);
	struct ent *first = NULL;

	for (size_t k = 0; k < n; k++) {
		struct lay_line l;
		struct ent *e;
		double size;
		int keep = heading || (k + 1 < n && (k == 0 || k + 2 == n)) ?
			LAY_KEEP : k + 1 < n && n <= KEEP_LINES ? LAY_KEEP_SOFT : 0;

		lay_line_get(p, k, &l);
		if (keep == 0 && l.to < p->lb.n &&
		    p->lb.v[l.to].kind == LB_PENALTY &&
		    (p->lb.v[l.to].flags & LB_FLAGGED))
			keep = LAY_KEEP_SOFT;  /* no column ends on a hyphen */
		size = l.size > 0 ? l.size : S_size(r, f->scale);
		e = S_push(r, K_LINE, size * f->leading, keep);
		e->para = idx;
		e->line = k;
		e->size = size;
		e->justify = f->align != LAY_RAGGED;
		if (r->marker >= 0) {
			e->marker = r->marker;
			e->marker_x = r->marker_x;
			e->marker_size = r->marker_size;
			e->marker_elem = r->marker_elem;
			r->marker = -1;
		}
		if (first == NULL)
			first = e;
	}
	return first;
}

/* Set the inlines of node as a paragraph in format f. */
static int
S_set(struct rp *r, cmark_node *node, const struct block_fmt *f,
	int italic, int heading, struct ent **first)
{
	size_t idx;
	struct lay_para *p = S_para_new(r, &idx);
	struct ent *e;

	r->content = S_struct(r, r->ctype ? r->ctype : "P");
	r->ctype = NULL;
	if (S_collect(r, p, node, f, italic) != 0)
		return -1;
	if (p->lb.n == 0)
		return 0;
	S_shares(r, node, idx);
	e = S_push_lines(r, idx, f, heading);
	if (first != NULL)
		*first = e;
	return 0;
}

/* ---- blocks --------------------------------------------------------- */

/* Space between the items of a tight list, in body units. */
static double
S_item_gap(const struct rp *r)
{
	return r->zone == Z_SOURCES || r->zone == Z_SRCLIST ? 0.1 : 0.22;
}

/* Body text; in a block quote, a quotation is set in italic and its
 * attribution smaller on a line of its own, kept with it; the dateline
 * under the title in the head; the sources small and ragged. */
static int
S_paragraph(struct rp *r, cmark_node *node)
{
	cmark_node *parent = cmark_node_parent(node);
	const struct bnode *bn = tree_node(node);
	enum bn_kind kind = bn ? bn->kind : BN_NONE;
	struct block_fmt f = S_fmt_body;
	int italic = 0, tight = 0;

	if (kind == BN_DATELINE)
		f = S_fmt_meta;
	else if (kind == BN_MORE) {
		S_zone(r, Z_SOURCES);   /* "And N further sources": full width */
		f = S_fmt_source;
	} else if (r->zone == Z_SOURCES || r->zone == Z_SRCLIST)
		f = S_fmt_source;
	else if (kind == BN_ATTRIBUTION) {
		f = S_fmt_attrib;
		S_keep_last(r);
		r->pending = f.before * r->body;
	} else if (kind == BN_QUOTATION)
		italic = 1;
	if ((r->list_depth > 0 && r->list_depth <= MAX_NEST &&
	    r->list[r->list_depth - 1].ordered) ||
	    S_width(r) < COL_EM * r->body * 0.8)
		f.align = LAY_RAGGED;
	if (S_set(r, node, &f, italic, 0, NULL) != 0)
		return -1;
	if (cmark_node_get_type(parent) == CMARK_NODE_ITEM)
		tight = cmark_node_get_list_tight(cmark_node_parent(parent));
	S_vspace(r, tight ? S_item_gap(r) : f.after);
	return 0;
}

static int S_timeline(struct rp *r, cmark_node *heading);

/* The title: a navy band above it, a rule under the head. */
static int
S_title(struct rp *r, cmark_node *node)
{
	struct ent *e, *first = NULL;

	S_zone(r, Z_HEAD);
	e = S_push(r, K_BAR, 0.42 * r->body, LAY_KEEP);
	e->color = STYLE_NAVY;
	e->x = 0;
	e->w = r->right - r->left;
	S_push(r, K_STRUT, 0.75 * r->body, LAY_KEEP);
	S_plain_text(r, node);
	r->ctype = "H1";
	if (S_set(r, node, &S_fmt_title, 0, 1, &first) != 0)
		return -1;
	if (first != NULL)
		first->outline = S_keep_text(r, r->tmp.p, r->tmp.n);
	r->tie = 0;
	S_vspace(r, S_fmt_title.after);
	return 0;
}

/* The head ends: a rule across the page. */
static void
S_head_close(struct rp *r)
{
	struct ent *e;

	if (r->zone != Z_HEAD)
		return;
	r->pending = 0;
	S_push(r, K_STRUT, 0.45 * r->body, LAY_KEEP);
	e = S_push(r, K_RULE, 0.6, 0);
	e->color = STYLE_NAVY;
	e->size = 0.6;
	e->x = 0;
	e->w = r->right - r->left;
	S_vspace(r, 1.1);
}

/* The box's heading beside its text, on the baseline of its first
 * line, when it is short: its line takes no height, and the box's text
 * is indented past it. (Not the sources': a heading at the left below
 * the columns would be read between them by pdftotext.) */
static int
S_side_head(struct rp *r, struct ent *first, long title)
{
	size_t i = (size_t)(first - r->e.v);
	double w = S_measure(r, r->text.p + title, FACE_SANS | FACE_BOLD,
		S_size(r, S_fmt_h2.scale));
	double side = w + 1.4 * r->body;

	if (w < 0)
		return -1;
	if (i + 1 != r->e.n || side > 0.25 * S_width(r)) {
		S_vspace(r, S_fmt_h2.after);
		return 0;
	}
	r->v.v[i].h = 0;
	r->e.v[i].side = 1;
	r->side = side;
	r->indent += side;
	return 0;
}

/* A section heading: its zone, its bookmark, the box's inner margin,
 * the rule over the sources, the timeline graphic under it. */
static int
S_h2(struct rp *r, cmark_node *node)
{
	const struct block_fmt *f = &S_fmt_h2;
	const struct bnode *bn = tree_node(node);
	int kind = bn && bn->kind == BN_SECTION && bn->bs ? (int)bn->bs->def->kind : -1;
	struct ent *first = NULL;
	long title;
	int z = Z_COLS, opened = 0;

	S_plain_text(r, node);
	title = S_keep_text(r, r->tmp.p, r->tmp.n);
	if (kind == SK_SUMMARY)
		z = Z_BOX;
	else if (kind == SK_SOURCES)
		z = Z_SOURCES;
	S_head_close(r);
	if (z != r->zone) {
		S_zone(r, z);
		opened = 1;
	}
	if (z == Z_BOX && opened) {
		S_push(r, K_STRUT, r->pad, LAY_KEEP);
	} else if (z == Z_SOURCES && opened) {
		struct ent *e;

		S_vspace(r, 0.9);
		e = S_push(r, K_RULE, 0.5 * r->body, LAY_KEEP);
		e->color = STYLE_RULE_INK;
		e->size = 0.5;
		S_push(r, K_STRUT, 0.3 * r->body, LAY_KEEP);
	} else {
		S_vspace(r, f->before);
	}
	r->ctype = "H2";
	if (S_set(r, node, f, 0, 1, &first) != 0)
		return -1;
	if (first != NULL)
		first->outline = title;
	r->tie = 1;           /* and two lines of what follows */
	if (z == Z_BOX && opened && first != NULL)
		return S_side_head(r, first, title);
	S_vspace(r, f->after);
	if (kind == SK_TIMELINE && !r->timeline_done) {
		r->timeline_done = 1;
		return S_timeline(r, node);
	}
	return 0;
}

static int
S_heading(struct rp *r, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node);
	struct ent *first = NULL;
	long title;

	if (level == 1)
		return S_title(r, node);
	if (level == 2)
		return S_h2(r, node);
	S_head_close(r);
	if (r->zone == Z_HEAD)
		S_zone(r, Z_COLS);
	S_plain_text(r, node);
	title = S_keep_text(r, r->tmp.p, r->tmp.n);
	S_vspace(r, S_fmt_h3.before);
	r->ctype = "H3";
	if (S_set(r, node, &S_fmt_h3, 0, 1, &first) != 0)
		return -1;
	if (first != NULL)
		first->outline = title;
	r->tie = 1;
	S_vspace(r, S_fmt_h3.after);
	return 0;
}

static int
S_code_block(struct rp *r, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	const struct block_fmt *f = &S_fmt_code;
	struct lay_style st = { f->face, S_size(r, f->scale), f->color, -1 };
	size_t n = s ? strlen(s) : 0, idx;
	struct lay_para *p;

	S_vspace(r, f->before);
	r->indent += r->body;
	r->content = S_struct(r, "P");
	p = S_para_new(r, &idx);
	p->align = LAY_RAGGED;
	p->no_hyphens = 1;
	for (size_t i = 0, k; i < n; i += k + 1) {
		for (k = 0; i + k < n && s[i + k] != '\n'; k++)
			;
		if (lay_add_text(p, s + i, k, &st, r->err) != 0)
			return -1;
		lay_add_newline(p);
	}
	if (p->lb.n > 0)
		S_push_lines(r, idx, f, 0);
	r->indent -= r->body;
	S_vspace(r, f->after);
	return 0;
}

static void
S_thematic_break(struct rp *r)
{
	struct ent *e;

	S_vspace(r, 0.6);
	e = S_push(r, K_RULE, 0.5, 0);
	e->color = STYLE_RULE_INK;
	e->size = 0.5;
	S_vspace(r, 0.6);
}

/* ---- lists and quotes ----------------------------------------------- */

/* How far list text is indented: room for the widest marker. */
static double
S_hang(struct rp *r, cmark_node *list, const struct list_ctx *c)
{
	char s[24];
	int items = 0;
	double w;

	if (!c->ordered)
		return 0.95 * r->body;
	for (cmark_node *i = cmark_node_first_child(list); i;
	     i = cmark_node_next(i))
		items++;
	snprintf(s, sizeof s, "%d%c", c->number + (items ? items - 1 : 0),
		c->delim);
	if ((w = S_measure(r, s, FACE_SERIF, c->size)) < 0)
		return -1;
	w += 0.45 * c->size;
	return w > 1.4 * c->size ? w : 1.4 * c->size;
}

static int
S_list_enter(struct rp *r, cmark_node *node)
{
	struct list_ctx *c;
	double hang;

	if (r->zone == Z_HEAD) {
		S_head_close(r);
		S_zone(r, Z_COLS);
	}
	if (r->list_depth++ >= MAX_NEST)
		return 0;
	c = &r->list[r->list_depth - 1];
	c->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	c->tight = cmark_node_get_list_tight(node);
	c->number = cmark_node_get_list_start(node);
	c->delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ?
		')' : '.';
	c->saved_indent = r->indent;
	if (r->zone == Z_SOURCES && r->list_depth == 1 && r->cols > 1)
		S_zone(r, Z_SRCLIST);   /* the source list in two columns */
	c->size = r->zone == Z_SOURCES || r->zone == Z_SRCLIST ?
		S_size(r, S_fmt_source.scale) : S_size(r, 1);
	if ((hang = S_hang(r, node, c)) < 0)
		return -1;
	r->indent += hang;
	return 0;
}

static void
S_list_exit(struct rp *r)
{
	int outer_tight;

	if (r->list_depth-- > MAX_NEST)
		return;
	r->indent = r->list[r->list_depth].saved_indent;
	/* a nested list ends its item: the outer list's item spacing */
	outer_tight = r->list_depth > 0 && r->list[r->list_depth - 1].tight;
	S_vspace(r, outer_tight ? S_item_gap(r) : S_fmt_body.after);
}

/* The item's marker, drawn with its first line. */
static int
S_item_enter(struct rp *r)
{
	struct list_ctx *c;
	char s[24];
	double w;

	if (r->list_depth == 0 || r->list_depth > MAX_NEST)
		return 0;
	c = &r->list[r->list_depth - 1];
	if (c->ordered)
		snprintf(s, sizeof s, "%d%c", c->number++, c->delim);
	else
		snprintf(s, sizeof s, "\xE2\x80\xA2");
	if ((w = S_measure(r, s, FACE_SERIF, c->size)) < 0)
		return -1;
	r->marker = S_keep_text(r, s, strlen(s));
	r->marker_elem = hpx_elem(&r->st, r->est.n ? r->est.v[r->est.n - 1] : 0,
		"Lbl", NULL);
	r->marker_size = c->size;
	r->marker_x = S_zone_x(r) + (c->ordered ?
		r->indent - 0.4 * c->size - w :
		c->saved_indent + 0.15 * r->body);
	return 0;
}

static int
S_item_exit(struct rp *r)
{
	int tight = r->list_depth > 0 && r->list_depth <= MAX_NEST &&
		r->list[r->list_depth - 1].tight;

	if (r->marker >= 0) {          /* an empty item: the marker alone */
		size_t idx;
		struct lay_para *p = S_para_new(r, &idx);
		struct lay_style st = { FACE_SERIF, S_size(r, 1), STYLE_INK, -1 };

		r->content = S_struct(r, "P");
		if (lay_add_text(p, "\xC2\xA0", 2, &st, r->err) != 0)
			return -1;
		S_push_lines(r, idx, &S_fmt_body, 0);
	}
	S_vspace(r, tight ? S_item_gap(r) : S_fmt_body.after);
	return 0;
}

static void
S_quote_enter(struct rp *r)
{
	struct quote_ctx q;

	if (r->zone == Z_HEAD) {
		S_head_close(r);
		S_zone(r, Z_COLS);
	}
	S_vspace(r, 0.55);
	r->quote_depth++;
	q.parent = r->quote;
	q.x = S_zone_x(r) + r->indent + 0.1 * r->body;
	VEC_PUSH(&r->quotes, q);
	r->quote = (int)r->quotes.n - 1;
	r->indent += 0.85 * r->body;
}

static void
S_quote_exit(struct rp *r)
{
	const struct quote_ctx *q = &r->quotes.v[r->quote];

	r->quote_depth--;
	r->indent -= 0.85 * r->body;
	r->quote = q->parent;
	S_vspace(r, 0.55);
}

/* ---- the timeline graphic ------------------------------------------- */





/* The events of the timeline section whose heading is h: its dated
 * items, in order. */
static void
S_tl_events(struct rp *r, cmark_node *h)
{
	for (cmark_node *n = cmark_node_next(h); n != NULL &&
	     cmark_node_get_type(n) != CMARK_NODE_HEADING; n = cmark_node_next(n))
		for (cmark_node *c = cmark_node_first_child(n); c != NULL;
		     c = cmark_node_next(c)) {
			const struct bnode *bn = tree_node(c);
			struct tl_event e;

			if (bn == NULL || bn->kind != BN_ITEM || bn->item == NULL ||
			    bn->item->date.prec == DP_NONE)
				continue;
			e.date = bn->item->date;
			e.end = bn->item->end;
			e.label = bn->item->label ? bn->item->label : "";
			VEC_PUSH(&r->ev, e);
		}
}

/* Lay out the graphic of the timeline under heading h at the measure
 * and add it to the list. */
static int
S_timeline(struct rp *r, cmark_node *h)
{
	struct buf alt = { 0 };

	S_tl_events(r, h);
	if (r->ev.n == 0)
		return 0;
	if (tl_layout(&r->tl, r->fonts, r->ev.v, r->ev.n, S_width(r),
	    S_size(r, 0.85), r->err) != 0)
		return -1;
	/* a figure, described for those who do not see it */
	tl_describe(&alt, r->ev.v, r->ev.n);
	r->tl_elem = hpx_elem(&r->st, r->est.n ? r->est.v[r->est.n - 1] : 0,
		"Figure", buf_cstr(&alt));
	buf_free(&alt);
	S_push(r, K_TIMELINE, r->tl.h, 0)->elem = r->tl_elem;
	S_vspace(r, 0.35);
	return 0;
}

/* ---- the walk ------------------------------------------------------- */

static int
S_enter(struct rp *r, cmark_iter *it, cmark_node *node)
{
	cmark_node_type t = cmark_node_get_type(node);
	struct bnode *bn = tree_node(node);
	int rc;

	if (bn != NULL && bn->kind == BN_ITEM && r->item == NULL)
		r->item = bn;
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		rc = t == CMARK_NODE_HEADING ? S_heading(r, node) :
			S_paragraph(r, node);
		/* the inlines are done: skip to the block's exit */
		cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
		return rc;
	case CMARK_NODE_BLOCK_QUOTE:
		S_open(r, "BlockQuote");
		S_quote_enter(r);
		return 0;
	case CMARK_NODE_LIST:
		S_open(r, "L");
		return S_list_enter(r, node);
	case CMARK_NODE_ITEM:
		S_open(r, "LI");
		rc = S_item_enter(r);
		S_open(r, "LBody");
		return rc;
	case CMARK_NODE_CUSTOM_BLOCK:
		if (bn != NULL && bn->kind == BN_PART)
			S_open(r, "Sect");
		return 0;
	case CMARK_NODE_CODE_BLOCK:
		if (r->zone == Z_HEAD) {
			S_head_close(r);
			S_zone(r, Z_COLS);
		}
		return S_code_block(r, node);
	case CMARK_NODE_THEMATIC_BREAK:
		S_thematic_break(r);
		return 0;
	default:
		return 0;
	}
}

static int
S_exit(struct rp *r, cmark_node *node)
{
	int rc = 0;

	const struct bnode *bn = tree_node(node);

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		S_quote_exit(r);
		S_close(r, 1);
		break;
	case CMARK_NODE_LIST:
		S_list_exit(r);
		S_close(r, 1);
		break;
	case CMARK_NODE_ITEM:
		rc = S_item_exit(r);
		S_close(r, 2);
		break;
	case CMARK_NODE_CUSTOM_BLOCK:
		if (bn != NULL && bn->kind == BN_PART)
			S_close(r, 1);
		break;
	default:
		break;
	}
	if (r->item != NULL && tree_node(node) == r->item)
		r->item = NULL;
	return rc;
}

static int
S_walk(struct rp *r, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int rc = 0;

	r->zone = Z_COLS;
	r->quote = -1;
	r->item = NULL;
	r->content = -1;
	hpx_tree_init(&r->st);
	r->marker = -1;
	S_zone(r, Z_COLS);
	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		rc = ev == CMARK_EVENT_ENTER ? S_enter(r, it, node) :
			S_exit(r, node);
	}
	cmark_iter_free(it);
	if (rc == 0) {
		S_head_close(r);
		S_zone_close(r);
	}
	return rc;
}

/* ---- drawing -------------------------------------------------------- */






/* Left edge of column col of the region of entry i. */
static double
S_col_x(const struct rp *r, size_t i)
{
	const struct lay_vent *v = &r->v.v[i];

	return r->left + (r->rg.v[v->region].cols > 1 ?
		v->col * (r->colw + r->gutter) : 0);
}

/* The tinted ground and left rule of the box, page by page, under its
 * text. */
static int
S_box_grounds(struct rp *r)
{
	for (int pg = 0; pg < r->npages; pg++) {
		double hi = -1, lo = 1e9;

		for (size_t i = 0; i < r->v.n; i++) {
			const struct lay_vent *v = &r->v.v[i];

			if (r->e.v[i].zone != Z_BOX || !v->placed ||
			    v->kind != LAY_VBOX || v->page != pg)
				continue;
			hi = fmax(hi, v->y);
			lo = fmin(lo, v->y - v->h);
		}
		if (hi < 0)
			continue;
		if (S_mc(r, r->pages.v[pg], pg, -1) != 0 ||
		    pdf_rect(r->pd, r->pages.v[pg], r->left, lo, r->right - r->left,
		    hi - lo, STYLE_BOX_TINT) != 0 ||
		    pdf_rect(r->pd, r->pages.v[pg], r->left, lo, 0.25 * r->body,
		    hi - lo, STYLE_NAVY) != 0 || hpx_mc_end(r->pages.v[pg], r->err) != 0)
			return -1;
	}
	return 0;
}

/* A bookmark to the top of entry i. */
static int
S_outline(struct rp *r, size_t i, HPDF_Page page)
{
	HPDF_Outline ol = HPDF_CreateOutline(r->pd->pdf, NULL,
		r->text.p + r->e.v[i].outline, HPDF_GetEncoder(r->pd->pdf, "UTF-8"));
	HPDF_Destination dst = HPDF_Page_CreateDestination(page);

	if (ol == NULL || dst == NULL)
		return pdfdoc_fail(r->pd, "outline");
	HP(r, HPDF_Destination_SetFitH(dst, (HPDF_REAL)(r->v.v[i].y +
		0.5 * r->body)), "outline");
	HP(r, HPDF_Outline_SetDestination(ol, dst), "outline");
	return 0;
}

static int
S_draw_line(struct rp *r, size_t i, HPDF_Page page, double x)
{
	const struct ent *e = &r->e.v[i];
	const struct lay_vent *v = &r->v.v[i];
	double base = v->y - v->h / 2 - 0.27 * e->size;

	for (size_t j = i + 1; e->side && j < r->v.n; j++) {
		const struct lay_vent *n = &r->v.v[j];

		if (n->placed && n->page == v->page &&
		    r->e.v[j].kind == K_LINE && !r->e.v[j].side) {
			base = n->y - n->h / 2 - 0.27 * r->e.v[j].size;
			break;
		}
	}

	if (e->outline >= 0 && S_outline(r, i, page) != 0)
		return -1;
	if (e->marker >= 0 && (S_mc(r, page, v->page, e->marker_elem) != 0 ||
	    pdf_text_at(r->pd, page, r->text.p + e->marker, FACE_SERIF,
	    e->marker_size, STYLE_MARK_INK, x + e->marker_x, base) != 0 ||
	    hpx_mc_end(page, r->err) != 0))
		return -1;
	struct lay_para *p = r->paras.v[e->para];
	size_t annots = p->annots.n;

	if (S_mc(r, page, v->page, e->elem) != 0)
		return -1;
	if (lay_line_draw(p, e->line, page, x + e->x, base, e->justify) != 0)
		return pdfdoc_fail(r->pd, "setting text");
	/* the line's links, in its element */
	for (size_t k = annots; e->elem >= 0 && k < p->annots.n; k++)
		hpx_link(&r->st, e->elem, p->annots.v[k], v->page);
	return hpx_mc_end(page, r->err);
}





static int
S_draw_entry(struct rp *r, size_t i)
{
	const struct ent *e = &r->e.v[i];
	const struct lay_vent *v = &r->v.v[i];
	HPDF_Page page = r->pages.v[v->page];
	double x = S_col_x(r, i);

	if (e->kind == K_LINE)
		return S_draw_line(r, i, page, x);
	if (e->kind != K_RULE && e->kind != K_BAR && e->kind != K_TIMELINE)
		return 0;
	/* rules and bands are artifacts; the graphic is its figure */
	if (S_mc(r, page, v->page, e->elem) != 0)
		return -1;
	if ((e->kind == K_RULE && pdf_line(r->pd, page, x + e->x, v->y - v->h / 2,
	    x + e->x + e->w, v->y - v->h / 2, e->color, e->size) != 0) ||
	    (e->kind == K_BAR && pdf_rect(r->pd, page, x + e->x, v->y - v->h, e->w,
	    v->h, e->color) != 0) ||
	    (e->kind == K_TIMELINE && tl_draw(&r->tl, r->pd, page, x + e->x,
	    v->y) != 0))
		return -1;
	return hpx_mc_end(page, r->err);
}

/* Whether entry i is inside block quote q. */
static int
S_in_quote(const struct rp *r, size_t i, int q)
{
	for (int k = r->e.v[i].quote, d = 0; k >= 0 && d < MAX_NEST;
	     k = r->quotes.v[k].parent, d++)
		if (k == q)
			return 1;
	return 0;
}

/* The rule beside each block quote: one stroke per column it is in,
 * from its first line to its last. */
static int
S_quote_rules(struct rp *r)
{
	for (size_t q = 0; q < r->quotes.n; q++) {
		size_t from = 0, to = 0;
		int open = 0;

		for (size_t i = 0; i <= r->v.n; i++) {
			const struct lay_vent *v = i < r->v.n ? &r->v.v[i] : NULL;
			int in = v != NULL && S_in_quote(r, i, (int)q);

			if (in && !(v->placed && r->e.v[i].kind == K_LINE))
				continue;    /* a space inside: the rule goes on */
			if (open && (!in || v->page != r->v.v[from].page ||
			    v->col != r->v.v[from].col)) {
				const struct lay_vent *a = &r->v.v[from],
					*b = &r->v.v[to];
				double x = S_col_x(r, from) + r->quotes.v[q].x;

				if (S_mc(r, r->pages.v[a->page], a->page, -1) != 0 ||
				    pdf_line(r->pd, r->pages.v[a->page], x, a->y - 1.5, x,
				    b->y - b->h + 1.5, STYLE_QUOTE_INK, 1.3) != 0 ||
				    hpx_mc_end(r->pages.v[a->page], r->err) != 0)
					return -1;
				open = 0;
			}
			if (in && !open) {
				open = 1;
				from = i;
			}
			if (in)
				to = i;
		}
	}
	return 0;
}

/* "Generated 21 Nov 2026" from the epoch; "" without one. */
static void
S_generated(const struct rp *r, struct buf *b)
{
	struct bdate d;

	if (r->o->epoch < 0)
		return;
	bdate_from_days(r->o->epoch / 86400, &d);
	buf_puts(b, "Generated ");
	bdate_format(b, &d);
}

/* Under the text area of every page, over a hairline: the title and
 * the generation date, and the page number. */
static int
S_footers(struct rp *r)
{
	double size = r->minpt, y = r->bottom / 2 - 0.3 * size, wn, wl;
	struct buf left = { 0 };
	char s[48];
	int rc = -1;

	if (r->o->title != NULL) {
		lay_clean(&r->tmp, r->o->title, strlen(r->o->title));
		buf_puts(&left, r->tmp.p);
	}
	if (r->o->epoch >= 0 && left.n > 0)
		buf_puts(&left, "  \xC2\xB7  ");
	S_generated(r, &left);
	for (int i = 0; i < r->npages; i++) {
		HPDF_Page page = r->pages.v[i];

		snprintf(s, sizeof s, "Page %d of %d", i + 1, r->npages);
		if ((wn = S_measure(r, s, FACE_SERIF, size)) < 0 ||
		    (wl = S_measure(r, buf_cstr(&left), FACE_SERIF, size)) < 0)
			goto out;
		/* the running footer is page furniture: an artifact */
		if (S_mc(r, page, i, -1) != 0 ||
		    pdf_line(r->pd, page, r->left, y + 1.45 * size, r->right,
		    y + 1.45 * size, STYLE_RULE_INK, 0.4) != 0 ||
		    pdf_text_at(r->pd, page, s, FACE_SERIF, size, STYLE_FOOT_INK,
		    r->right - wn, y) != 0)
			goto out;
		if (r->left + wl + 2 * size < r->right - wn &&
		    pdf_text_at(r->pd, page, left.p, FACE_SERIF, size, STYLE_FOOT_INK,
		    r->left, y) != 0)
			goto out;
		if (hpx_mc_end(page, r->err) != 0)
			goto out;
	}
	rc = 0;
out:
	buf_free(&left);
	return rc;
}

/* An invisible strut in the gutter of region rg on page pg, from the
 * top of its columns to their foot: one glyph, as tall as they are and
 * squeezed thin (Tz 10%), drawn invisible (Tr 3), an artifact whose
 * /ActualText is empty, so text extraction reads nothing for it but
 * still sees where it lies. Text extraction by layout (poppler's reading order)
 * takes what lies left of a block and level with it as read before
 * it, and lets a block with nothing level with it on one side reach
 * across to what lies below: the strut is level with every block of
 * both columns, so column 1 is read whole before column 2, and nothing
 * reaches across the gutter. */
static int
S_gutter(struct rp *r, int pg, int rg)
{
	HPDF_Page page = r->pages.v[pg];
	HPDF_Font font;
	double hi = -1e9, lo = 1e9, size, asc, desc, w, tz;

	for (size_t i = 0; i < r->v.n; i++) {
		const struct lay_vent *v = &r->v.v[i];

		if (v->placed && v->kind == LAY_VBOX && v->page == pg &&
		    v->region == rg) {
			hi = fmax(hi, v->y);
			lo = fmin(lo, v->y - v->h);
		}
	}
	if (hi - lo < r->body || fonts_get(r->fonts, FACE_SERIF, &font,
	    r->err) != 0)
		return hi - lo < r->body ? 0 : -1;
	asc = HPDF_Font_GetAscent(font) / 1000.0;
	desc = HPDF_Font_GetDescent(font) / 1000.0;
	if (asc - desc <= 0)
		return 0;
	size = (hi - lo) / (asc - desc);
	if (size < r->minpt)
		size = r->minpt;   /* a short region: the type floor holds */
	/* squeezed to a sliver, but never below the floor as a reader's
	 * tools measure it (the size times the root of the squeeze) */
	tz = 100.0 * (r->minpt / size) * (r->minpt / size) * 1.02;
	tz = tz < 10 ? 10 : tz > 100 ? 100 : tz;   /* libharu: 10 to 300 */
	w = fonts_width(r->fonts, FACE_SERIF, ".", 1, size) * tz / 100;
	if (hpx_content(page, "/Artifact <</ActualText ()>> BDC\n", r->err) != 0)
		return -1;
	HP(r, HPDF_Page_BeginText(page), "strut");
	HP(r, HPDF_Page_SetTextRenderingMode(page, HPDF_INVISIBLE), "strut");
	HP(r, HPDF_Page_SetHorizontalScalling(page, (HPDF_REAL)tz), "strut");
	HP(r, HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, (HPDF_REAL)(r->left +
		r->colw + (r->gutter - w) / 2), (HPDF_REAL)(lo - desc * size)),
		"strut");
	if (fonts_show(r->fonts, page, FACE_SERIF, size, ".", 1, r->err) != 0)
		return -1;
	HP(r, HPDF_Page_SetHorizontalScalling(page, 100), "strut");
	HP(r, HPDF_Page_SetTextRenderingMode(page, HPDF_FILL), "strut");
	HP(r, HPDF_Page_EndText(page), "strut");
	return hpx_mc_end(page, r->err);
}

static int
S_draw(struct rp *r)
{
	for (int i = 0; i < r->npages; i++) {
		HPDF_Page page = HPDF_AddPage(r->pd->pdf);

		if (page == NULL)
			return pdfdoc_fail(r->pd, "adding a page");
		HP(r, HPDF_Page_SetWidth(page, (HPDF_REAL)r->pw), "page size");
		HP(r, HPDF_Page_SetHeight(page, (HPDF_REAL)r->ph), "page size");
		VEC_PUSH(&r->pages, page);
	}
	if (S_box_grounds(r) != 0)
		return -1;
	for (size_t i = 0; i < r->v.n; i++)
		if (r->v.v[i].placed && S_draw_entry(r, i) != 0)
			return -1;
	for (int pg = 0; pg < r->npages; pg++)
		for (size_t k = 0; k < r->rg.n; k++)
			if (r->rg.v[k].cols > 1 && r->rg.v[k].page0 <= pg &&
			    pg <= r->rg.v[k].page1 && S_gutter(r, pg, (int)k) != 0)
				return -1;
	if (S_quote_rules(r) != 0 || S_footers(r) != 0)
		return -1;
	return hpx_finish(&r->st, r->pd->pdf, r->pages.v, (size_t)r->npages,
		r->o->lang, r->err);
}

/* ---- document set-up and output ------------------------------------- */

static int
S_geometry(struct rp *r, const struct pdf_opts *o)
{
	r->minpt = o->min_pt > 0 ? o->min_pt : MIN_PT;
	r->body = o->body_pt > 0 ? o->body_pt : 9.5;
	if (r->minpt > r->body)
		r->minpt = r->body;
	r->margin = o->margin_pt > 0 ? o->margin_pt : 40;
	r->pw = o->letter ? LETTER_W : A4_W;
	r->ph = o->letter ? LETTER_H : A4_H;
	r->left = r->margin;
	r->right = r->pw - r->margin;
	r->top = r->ph - r->margin;
	r->bottom = r->margin;
	if (r->body > 72 || r->right - r->left < 12 * r->body ||
	    r->top - r->bottom < 8 * r->body)
		return brief_fail(r->err, "pdf", NULL, 0, "body size %.1fpt "
			"and margin %.1fpt leave no room for text", r->body,
			r->margin);
	r->gutter = 1.8 * r->body;
	r->colw = (r->right - r->left - r->gutter) / 2;
	r->cols = r->colw >= COL_EM * r->body ? 2 : 1;
	r->pad = 0.95 * r->body;
	return 0;
}





/* Column points entry i takes: a full-width entry takes its height in
 * every column. */
static double
S_cost(const struct rp *r, size_t i)
{
	const struct lay_vent *v = &r->v.v[i];

	return v->placed ? v->h * r->cols / r->rg.v[v->region].cols : 0;
}

/* What each item costs, reported on its node (an item sharing a
 * paragraph: its share of the paragraph's lines). */
static void
S_heights(const struct rp *r)
{
	for (size_t i = 0; i < r->v.n; i++) {
		const struct ent *e = &r->e.v[i];

		if (e->item != NULL)
			e->item->height += S_cost(r, i);
		for (size_t k = 0; e->kind == K_LINE && k < r->shares.n; k++)
			if (r->shares.v[k].para == e->para)
				r->shares.v[k].item->height += S_cost(r, i) *
					r->shares.v[k].part;
	}
}

/* The pages, and what is over the budget: the column points on pages
 * past it, less the room left at the foot of its last page. */
static void
S_result(const struct rp *r, struct pdf_result *res)
{
	double used = r->top - r->end, area = r->top - r->bottom;
	int budget = r->o->max_pages > 0 ? r->o->max_pages : 1;
	double over = 0, low = r->top;

	if (res == NULL)
		return;
	memset(res, 0, sizeof *res);
	res->pages = r->npages;
	res->last_fill = used <= 0 ? 0 : used >= area ? 1 : used / area;
	for (size_t i = 0; i < r->v.n; i++) {
		const struct lay_vent *v = &r->v.v[i];

		if (v->page >= budget)
			over += S_cost(r, i);
		else if (v->page == budget - 1 && v->placed &&
		    v->kind == LAY_VBOX)
			low = fmin(low, v->y - v->h);
	}
	if (r->npages > budget) {
		over -= r->cols * (low - r->bottom);
		res->overflow = over > 0 ? over : 0.5 * r->body;
	}
}

static void
S_free(struct rp *r)
{
	for (size_t i = 0; i < r->paras.n; i++) {
		lay_para_free(r->paras.v[i]);
		free(r->paras.v[i]);
	}
	VEC_FREE(&r->paras);
	VEC_FREE(&r->v);
	VEC_FREE(&r->e);
	VEC_FREE(&r->rg);
	VEC_FREE(&r->quotes);
	VEC_FREE(&r->pages);
	VEC_FREE(&r->ev);
	VEC_FREE(&r->shares);
	VEC_FREE(&r->est);
	hpx_tree_free(&r->st);
	tl_free(&r->tl);
	buf_free(&r->text);
	buf_free(&r->tmp);
	if (r->pd == &r->own)
		pdfdoc_close(&r->own);
}

/* The document, its fonts, and (drawing) its metadata. */
static int
S_setup(struct rp *r)
{
	const struct pdf_opts *o = r->o;
	struct pdfdoc_info in = { o->title, o->author, o->subject,
		o->keywords, o->creator, o->epoch };

	struct pdf_press *press = o->press;

	if (press == NULL) {
		r->pd = &r->own;
		if (pdfdoc_open(r->pd, o->serif, o->sans, r->err) != 0)
			return -1;
	} else {
		r->pd = &press->doc;
		if (!press->open && pdfdoc_open(r->pd, o->serif, o->sans,
		    r->err) != 0) {
			pdfdoc_close(r->pd);
			return -1;
		}
		press->open = 1;
		r->pd->err = r->err;
	}
	r->fonts = r->pd->fonts;
	return r->draw ? pdfdoc_info(r->pd, &in) : 0;
}

/* One pass: lay out, and (out) draw and save. Returns 0, -1, or -2
 * when only saving failed. */
static int
S_pass(struct btree *t, const struct pdf_opts *o, struct buf *out,
	struct pdf_result *res, int whole, struct brief_err *err)
{
	struct rp r = { .o = o, .err = err, .draw = out != NULL };
	int rc = -1;

	for (size_t k = 0; k < t->nitems; k++)
		t->items[k]->height = 0;
	if (S_geometry(&r, o) != 0 || S_setup(&r) != 0)
		goto out;
	if (whole)
		fonts_embed_whole(r.fonts);
	if (S_walk(&r, t->doc) != 0)
		goto out;
	r.npages = lay_paginate(r.v.v, r.v.n, r.rg.v, r.rg.n, r.top,
		r.bottom, &r.end);
	if (r.draw && S_draw(&r) != 0)
		goto out;
	if (r.draw && pdfdoc_save(r.pd, out) != 0) {
		rc = -2;
		goto out;
	}
	S_heights(&r);
	S_result(&r, res);
	rc = 0;
out:
	/* a drawn document is used up; after a failure the press's may be
	 * half made: either way the next render starts a new one */
	if (o->press != NULL && (r.draw || rc != 0))
		pdf_press_reset(o->press);
	S_free(&r);
	return rc;
}

struct pdf_press *
pdf_press_new(void)
{
	return xcalloc(1, sizeof(struct pdf_press));
}

void
pdf_press_reset(struct pdf_press *p)
{
	if (p != NULL && p->open) {
		pdfdoc_close(&p->doc);
		p->open = 0;
	}
}

void
pdf_press_free(struct pdf_press *p)
{
	pdf_press_reset(p);
	free(p);
}

int
render_pdf(struct btree *t, const struct pdf_opts *o, struct buf *out,
	struct pdf_result *res, struct brief_err *err)
{
	size_t start = out ? out->n : 0;
	int rc = S_pass(t, o, out, res, 0, err);

	/* libharu 2.3 cannot write some subsets it loaded (it seeks past
	 * the end of the glyph data): the same page with whole fonts */
	if (rc == -2) {
		out->n = start;
		rc = S_pass(t, o, out, res, 1, err);
	}
	return rc == 0 ? 0 : -1;
}
