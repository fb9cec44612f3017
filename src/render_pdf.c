/*
 * render_pdf.c -- typeset the brief's Markdown into a PDF with libharu.
 *
 * The Markdown is parsed with cmark and the AST walked with
 * cmark_iter_next, switching on node type as cmark's html.c does.
 * Blocks are laid out top to bottom in one column; a line that does not
 * fit starts a new page. Paragraphs and headings are handed whole to the
 * layout engine (layout.c), which measures, breaks and places words.
 *
 * Measuring (out == NULL) runs exactly the same layout with every
 * drawing call skipped, so it needs the same number of pages.
 *
 * libharu errors go to S_on_error, which records the first one (no
 * longjmp); every HPDF_STATUS is checked and turned into a brief_err.
 */
#include "brief/render_pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmark.h>
#include <hpdf.h>

#include "brief/fonts.h"
#include "brief/layout.h"

#define A4_W      595.276
#define A4_H      841.89
#define LETTER_W  612.0
#define LETTER_H  792.0
#define MAX_NEST  16         /* list and quote levels that indent */

#define INK       0x1A1A1Au  /* text */
#define NAVY      0x1F3A5Fu  /* headings, title rule */
#define LINK_INK  0x1F4E9Au
#define MARK_INK  0x4A5A70u  /* bullets and numbers */
#define RULE_INK  0xB4B9C0u
#define FOOT_INK  0x7A7A7Au

/* How a kind of block is set; sizes and spaces in units of body_pt. */
struct block_fmt {
	int face;
	double scale;        /* type size */
	double leading;      /* line advance / type size */
	unsigned color;
	int justify;
	int cite;            /* set [n] citations small */
	double before, after;
};

static const struct block_fmt S_fmt_title =
	{ FACE_SANS | FACE_BOLD, 1.9, 1.15, NAVY, 0, 0, 0, 0.3 };
static const struct block_fmt S_fmt_h2 =
	{ FACE_SANS | FACE_BOLD, 1.15, 1.2, NAVY, 0, 0, 0.95, 0.3 };
static const struct block_fmt S_fmt_h3 =
	{ FACE_SANS | FACE_BOLD, 1.0, 1.25, INK, 0, 0, 0.7, 0.2 };
static const struct block_fmt S_fmt_body =
	{ FACE_SERIF, 1.0, 1.3, INK, 1, 1, 0, 0.5 };
static const struct block_fmt S_fmt_code =
	{ FACE_SERIF, 0.95, 1.25, INK, 0, 0, 0.3, 0.5 };

struct list_ctx {
	int ordered, tight, number;
	char delim;
	double saved_indent;
};

struct quote_ctx {
	double x;            /* where the left rule goes */
	double saved_indent;
	int open;            /* a rule segment is running on this page */
	double y0, y1;
};

struct hpdf_status {
	HPDF_STATUS code, detail;
};

/* The renderer: page geometry, the cursor and the block context. */
struct rp {
	const struct pdf_opts *o;
	struct brief_err *err;
	HPDF_Doc pdf;
	struct hpdf_status herr;
	struct fonts *fonts;
	int draw;                    /* 0: measure only */
	VEC(HPDF_Page) pages;        /* drawing only */
	HPDF_Page page;
	int npages;
	double body, margin, pw, ph, left, right, top, bottom;
	double y;                    /* top of the next line */
	double pending;              /* space before the next line */
	int at_top;                  /* nothing placed on this page yet */
	double indent;
	struct list_ctx list[MAX_NEST];
	struct quote_ctx quote[MAX_NEST];
	int list_depth, quote_depth;
	int marker_on;               /* an item's marker awaits its line */
	char marker[24];
	double marker_x;
	struct lay_para para;
	struct buf tmp;
};

/* ---- errors --------------------------------------------------------- */

static void
S_on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct hpdf_status *st = data;

	if (st->code == HPDF_OK && code != HPDF_STREAM_EOF) {
		st->code = code;
		st->detail = detail;
	}
}

static int
S_fail(struct rp *r, const char *what)
{
	HPDF_STATUS code = r->herr.code, detail = r->herr.detail;

	if (code == HPDF_OK && r->pdf != NULL) {
		code = HPDF_GetError(r->pdf);
		detail = HPDF_GetErrorDetail(r->pdf);
	}
	return brief_fail(r->err, "pdf", NULL, 0,
		"%s: libharu error 0x%04X detail %u", what, (unsigned)code,
		(unsigned)detail);
}

#define HP(r, call, what) do { \
	if ((call) != HPDF_OK) \
		return S_fail((r), (what)); \
} while (0)

/* ---- drawing helpers ------------------------------------------------ */

static HPDF_STATUS
S_stroke_rgb(HPDF_Page page, unsigned c, double width)
{
	HPDF_STATUS st = HPDF_Page_SetRGBStroke(page,
		(HPDF_REAL)((c >> 16 & 0xFF) / 255.0),
		(HPDF_REAL)((c >> 8 & 0xFF) / 255.0),
		(HPDF_REAL)((c & 0xFF) / 255.0));

	return st != HPDF_OK ? st :
		HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
}

static int
S_line(struct rp *r, double x0, double y0, double x1, double y1,
	unsigned color, double width)
{
	if (!r->draw)
		return 0;
	HP(r, S_stroke_rgb(r->page, color, width), "rule");
	HP(r, HPDF_Page_MoveTo(r->page, (HPDF_REAL)x0, (HPDF_REAL)y0), "rule");
	HP(r, HPDF_Page_LineTo(r->page, (HPDF_REAL)x1, (HPDF_REAL)y1), "rule");
	HP(r, HPDF_Page_Stroke(r->page), "rule");
	return 0;
}

/* Set text s (clean UTF-8, NUL-terminated) at x, y outside any line;
 * characters face lacks in a fallback face (fonts_show). */
static int
S_text_at(struct rp *r, const char *s, int face, double size,
	unsigned c, double x, double y)
{
	if (!r->draw)
		return 0;
	HP(r, HPDF_Page_BeginText(r->page), "text");
	HP(r, HPDF_Page_SetRGBFill(r->page, (HPDF_REAL)((c >> 16) / 255.0),
		(HPDF_REAL)((c >> 8 & 0xFF) / 255.0),
		(HPDF_REAL)((c & 0xFF) / 255.0)), "text");
	HP(r, HPDF_Page_SetTextMatrix(r->page, 1, 0, 0, 1, (HPDF_REAL)x,
		(HPDF_REAL)y), "text");
	if (fonts_show(r->fonts, r->page, face, size, s, strlen(s),
	    r->err) != 0)
		return -1;
	HP(r, HPDF_Page_EndText(r->page), "text");
	return 0;
}

/* ---- pages and vertical space --------------------------------------- */

/* Draw the running segments of the quote rules on the current page. */
static int
S_close_rules(struct rp *r)
{
	int n = r->quote_depth < MAX_NEST ? r->quote_depth : MAX_NEST;

	for (int i = 0; i < n; i++) {
		struct quote_ctx *q = &r->quote[i];

		if (q->open && S_line(r, q->x, q->y0, q->x, q->y1, RULE_INK,
		    1.4) != 0)
			return -1;
		q->open = 0;
	}
	return 0;
}

static int
S_new_page(struct rp *r)
{
	if (r->npages > 0 && S_close_rules(r) != 0)
		return -1;
	r->npages++;
	r->y = r->top;
	r->pending = 0;
	r->at_top = 1;
	if (!r->draw)
		return 0;
	r->page = HPDF_AddPage(r->pdf);
	if (r->page == NULL)
		return S_fail(r, "adding a page");
	HP(r, HPDF_Page_SetWidth(r->page, (HPDF_REAL)r->pw), "page size");
	HP(r, HPDF_Page_SetHeight(r->page, (HPDF_REAL)r->ph), "page size");
	VEC_PUSH(&r->pages, r->page);
	return 0;
}

/* Ask for space before the next line (collapsing, dropped at the top
 * of a page). */
static void
S_vspace(struct rp *r, double units)
{
	double pt = units * r->body;

	if (pt > r->pending)
		r->pending = pt;
}

/* Make room for h points (plus the pending space): a new page when
 * they do not fit. */
static int
S_room(struct rp *r, double h)
{
	if (!r->at_top && r->y - r->pending - h < r->bottom - 0.01 &&
	    S_new_page(r) != 0)
		return -1;
	if (!r->at_top)
		r->y -= r->pending;
	r->pending = 0;
	return 0;
}

/* Account for a line box from r->y down by adv: quote rules grow. */
static void
S_advance(struct rp *r, double adv)
{
	int n = r->quote_depth < MAX_NEST ? r->quote_depth : MAX_NEST;

	for (int i = 0; i < n; i++) {
		if (!r->quote[i].open) {
			r->quote[i].open = 1;
			r->quote[i].y0 = r->y;
		}
		r->quote[i].y1 = r->y - adv;
	}
	r->y -= adv;
	r->at_top = 0;
}

/* ---- lines ---------------------------------------------------------- */

/* The pending list marker, on the baseline of its item's first line. */
static int
S_draw_marker(struct rp *r, double baseline)
{
	if (!r->marker_on)
		return 0;
	r->marker_on = 0;
	return S_text_at(r, r->marker, FACE_SERIF, r->body, MARK_INK,
		r->marker_x, baseline);
}

/* Place the paragraph's lines, each on a new page when needed. */
static int
S_place_lines(struct rp *r, const struct block_fmt *f, size_t nlines)
{
	for (size_t k = 0; k < nlines; k++) {
		struct lay_line l;
		double size, adv, base;

		lay_line_get(&r->para, k, &l);
		size = l.size > 0 ? l.size : f->scale * r->body;
		adv = size * f->leading;
		if (S_room(r, adv) != 0)
			return -1;
		base = r->y - adv / 2 - 0.27 * size;
		if (S_draw_marker(r, base) != 0)
			return -1;
		if (r->draw && lay_line_draw(&r->para, k, r->page,
		    r->left + r->indent, base, f->justify) != 0)
			return S_fail(r, "setting text");
		S_advance(r, adv);
	}
	return 0;
}

/* ---- inline content ------------------------------------------------- */

static double
S_width(struct rp *r)
{
	double w = r->right - r->left - r->indent;

	return w > 4 * r->body ? w : 4 * r->body;
}

static int
S_is_web(const char *url)
{
	return url != NULL && (strncmp(url, "http://", 7) == 0 ||
		strncmp(url, "https://", 8) == 0);
}

/* Style changes at an inline container (emphasis, strong, link). */
static void
S_inline_style(struct rp *r, cmark_node *n, int enter, int *emph,
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
			lay_add_link(&r->para, cmark_node_get_url(n)) : -1;
		break;
	default:
		break;
	}
}

static int
S_inline_leaf(struct rp *r, cmark_node *n, const struct lay_style *st)
{
	const char *s;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		s = cmark_node_get_literal(n);
		return s ? lay_add_text(&r->para, s, strlen(s), st, r->err) : 0;
	case CMARK_NODE_SOFTBREAK:
		return lay_add_text(&r->para, " ", 1, st, r->err);
	case CMARK_NODE_LINEBREAK:
		lay_add_newline(&r->para);
		return 0;
	default:
		return 0;
	}
}

/* Build the paragraph items for the inlines under block. */
static int
S_collect(struct rp *r, cmark_node *block, const struct block_fmt *f,
	int italic)
{
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	int emph = 0, strong = 0, link = -1, rc = 0;

	lay_para_reset(&r->para, r->fonts, S_width(r));
	r->para.align = f->justify ? LAY_AUTO : LAY_RAGGED;
	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		struct lay_style st = { f->face, f->scale * r->body, f->color,
			link, f->cite };

		if (n == block)
			continue;
		S_inline_style(r, n, ev == CMARK_EVENT_ENTER, &emph, &strong,
			&link);
		st.link = link;
		st.face |= (strong > 0 ? FACE_BOLD : 0) |
			((italic != 0) != (emph > 0) ? FACE_ITALIC : 0);
		if (link >= 0)
			st.color = LINK_INK;
		if (ev == CMARK_EVENT_ENTER)
			rc = S_inline_leaf(r, n, &st);
	}
	cmark_iter_free(it);
	return rc;
}

/* ---- blocks --------------------------------------------------------- */

/* Body text; ragged right in numbered lists (the sources: titles and
 * addresses break badly), justified elsewhere. */
static int
S_paragraph(struct rp *r, cmark_node *node)
{
	cmark_node *parent = cmark_node_parent(node);
	struct block_fmt f = S_fmt_body;
	int tight = 0;

	if (r->list_depth > 0 && r->list_depth <= MAX_NEST &&
	    r->list[r->list_depth - 1].ordered)
		f.justify = 0;
	if (S_collect(r, node, &f, r->quote_depth > 0) != 0)
		return -1;
	if (r->para.lb.n > 0 &&
	    S_place_lines(r, &f, lay_break(&r->para)) != 0)
		return -1;
	if (cmark_node_get_type(parent) == CMARK_NODE_ITEM)
		tight = cmark_node_get_list_tight(cmark_node_parent(parent));
	S_vspace(r, tight ? 0.2 : S_fmt_body.after);
	return 0;
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

/* A bookmark for the heading, pointing at the cursor. */
static int
S_outline(struct rp *r, cmark_node *node)
{
	HPDF_Outline ol;
	HPDF_Destination dst;

	if (!r->draw)
		return 0;
	S_plain_text(r, node);
	ol = HPDF_CreateOutline(r->pdf, NULL, r->tmp.p,
		HPDF_GetEncoder(r->pdf, "UTF-8"));
	dst = HPDF_Page_CreateDestination(r->page);
	if (ol == NULL || dst == NULL)
		return S_fail(r, "outline");
	HP(r, HPDF_Destination_SetFitH(dst, (HPDF_REAL)r->y), "outline");
	HP(r, HPDF_Outline_SetDestination(ol, dst), "outline");
	return 0;
}

static int
S_heading(struct rp *r, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node);
	const struct block_fmt *f = level == 1 ? &S_fmt_title :
		level == 2 ? &S_fmt_h2 : &S_fmt_h3;
	size_t n;

	S_vspace(r, f->before);
	if (S_collect(r, node, f, 0) != 0)
		return -1;
	if (r->para.lb.n == 0)
		return 0;
	n = lay_break(&r->para);
	/* keep the heading with two lines of what follows */
	if (S_room(r, n * f->scale * r->body * f->leading +
	    2.6 * r->body) != 0 || S_outline(r, node) != 0 ||
	    S_place_lines(r, f, n) != 0)
		return -1;
	if (level == 1) {
		S_vspace(r, 0.25);
		if (S_room(r, 0.8) != 0 || S_line(r, r->left, r->y - 0.4,
		    r->right, r->y - 0.4, NAVY, 0.8) != 0)
			return -1;
		S_advance(r, 0.8);
	}
	S_vspace(r, level == 1 ? 0.7 : f->after);
	return 0;
}

static int
S_code_block(struct rp *r, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	const struct block_fmt *f = &S_fmt_code;
	struct lay_style st = { f->face, f->scale * r->body, f->color, -1, 0 };
	size_t n = s ? strlen(s) : 0;

	S_vspace(r, f->before);
	r->indent += r->body;
	lay_para_reset(&r->para, r->fonts, S_width(r));
	r->para.align = LAY_RAGGED;
	r->para.no_hyphens = 1;
	for (size_t i = 0, k; i < n; i += k + 1) {
		for (k = 0; i + k < n && s[i + k] != '\n'; k++)
			;
		if (lay_add_text(&r->para, s + i, k, &st, r->err) != 0)
			return -1;
		lay_add_newline(&r->para);
	}
	if (r->para.lb.n > 0 &&
	    S_place_lines(r, f, lay_break(&r->para)) != 0)
		return -1;
	r->indent -= r->body;
	S_vspace(r, f->after);
	return 0;
}

static int
S_thematic_break(struct rp *r)
{
	S_vspace(r, 0.6);
	if (S_room(r, 0.5) != 0 || S_line(r, r->left + r->indent,
	    r->y - 0.25, r->right, r->y - 0.25, RULE_INK, 0.5) != 0)
		return -1;
	S_advance(r, 0.5);
	S_vspace(r, 0.6);
	return 0;
}

/* ---- lists and quotes ----------------------------------------------- */

/* Width of s in face at size; -1 when the face cannot be loaded. */
static double
S_measure(struct rp *r, const char *s, int face, double size)
{
	if (fonts_load(r->fonts, face, r->err) != 0)
		return -1;
	return fonts_width(r->fonts, face, s, strlen(s), size);
}

/* How far list text is indented: room for the widest marker. */
static double
S_hang(struct rp *r, cmark_node *list, const struct list_ctx *c)
{
	char s[24];
	int items = 0;
	double w;

	if (!c->ordered)
		return 1.1 * r->body;
	for (cmark_node *i = cmark_node_first_child(list); i;
	     i = cmark_node_next(i))
		items++;
	snprintf(s, sizeof s, "%d%c", c->number + (items ? items - 1 : 0),
		c->delim);
	if ((w = S_measure(r, s, FACE_SERIF, r->body)) < 0)
		return -1;
	w += 0.45 * r->body;
	return w > 1.4 * r->body ? w : 1.4 * r->body;
}

static int
S_list_enter(struct rp *r, cmark_node *node)
{
	struct list_ctx *c;
	double hang;

	if (r->list_depth++ >= MAX_NEST)
		return 0;
	c = &r->list[r->list_depth - 1];
	c->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	c->tight = cmark_node_get_list_tight(node);
	c->number = cmark_node_get_list_start(node);
	c->delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ?
		')' : '.';
	c->saved_indent = r->indent;
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
	S_vspace(r, outer_tight ? 0.2 : S_fmt_body.after);
}

/* The item's marker, drawn with its first line. */
static int
S_item_enter(struct rp *r)
{
	struct list_ctx *c;
	double w;

	if (r->list_depth == 0 || r->list_depth > MAX_NEST)
		return 0;
	c = &r->list[r->list_depth - 1];
	if (c->ordered)
		snprintf(r->marker, sizeof r->marker, "%d%c", c->number++,
			c->delim);
	else
		snprintf(r->marker, sizeof r->marker, "\xE2\x80\xA2");
	if ((w = S_measure(r, r->marker, FACE_SERIF, r->body)) < 0)
		return -1;
	r->marker_x = c->ordered ? r->left + r->indent - 0.4 * r->body - w :
		r->left + c->saved_indent + 0.2 * r->body;
	r->marker_on = 1;
	return 0;
}

static int
S_item_exit(struct rp *r)
{
	int tight = r->list_depth > 0 && r->list_depth <= MAX_NEST &&
		r->list[r->list_depth - 1].tight;
	double adv = r->body * S_fmt_body.leading;

	if (r->marker_on) {         /* an empty item: the marker alone */
		if (S_room(r, adv) != 0 ||
		    S_draw_marker(r, r->y - adv / 2 - 0.27 * r->body) != 0)
			return -1;
		S_advance(r, adv);
	}
	S_vspace(r, tight ? 0.2 : S_fmt_body.after);
	return 0;
}

static void
S_quote_enter(struct rp *r)
{
	struct quote_ctx *q;

	S_vspace(r, 0.4);
	if (r->quote_depth++ >= MAX_NEST)
		return;
	q = &r->quote[r->quote_depth - 1];
	q->x = r->left + r->indent + 0.3 * r->body;
	q->saved_indent = r->indent;
	q->open = 0;
	r->indent += 1.3 * r->body;
}

static int
S_quote_exit(struct rp *r)
{
	struct quote_ctx *q;

	if (r->quote_depth-- > MAX_NEST)
		return 0;
	q = &r->quote[r->quote_depth];
	if (q->open && S_line(r, q->x, q->y0, q->x, q->y1, RULE_INK,
	    1.4) != 0)
		return -1;
	r->indent = q->saved_indent;
	S_vspace(r, 0.4);
	return 0;
}

/* ---- the walk ------------------------------------------------------- */

static int
S_enter(struct rp *r, cmark_iter *it, cmark_node *node)
{
	int rc = 0;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		rc = cmark_node_get_type(node) == CMARK_NODE_HEADING ?
			S_heading(r, node) : S_paragraph(r, node);
		/* the inlines are done: skip to the block's exit */
		cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
		return rc;
	case CMARK_NODE_BLOCK_QUOTE:
		S_quote_enter(r);
		return 0;
	case CMARK_NODE_LIST:
		return S_list_enter(r, node);
	case CMARK_NODE_ITEM:
		return S_item_enter(r);
	case CMARK_NODE_CODE_BLOCK:
		return S_code_block(r, node);
	case CMARK_NODE_THEMATIC_BREAK:
		return S_thematic_break(r);
	default:
		return 0;
	}
}

static int
S_exit(struct rp *r, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		return S_quote_exit(r);
	case CMARK_NODE_LIST:
		S_list_exit(r);
		return 0;
	case CMARK_NODE_ITEM:
		return S_item_exit(r);
	default:
		return 0;
	}
}

static int
S_walk(struct rp *r, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int rc = 0;

	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		rc = ev == CMARK_EVENT_ENTER ? S_enter(r, it, node) :
			S_exit(r, node);
	}
	cmark_iter_free(it);
	return rc;
}

/* ---- document set-up and output ------------------------------------- */

static int
S_geometry(struct rp *r, const struct pdf_opts *o)
{
	r->body = o->body_pt > 0 ? o->body_pt : 9.5;
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
	return 0;
}

static int
S_info(struct rp *r)
{
	const struct pdf_opts *o = r->o;
	const struct { HPDF_InfoType type; const char *v; } f[] = {
		{ HPDF_INFO_TITLE, o->title }, { HPDF_INFO_AUTHOR, o->author },
		{ HPDF_INFO_SUBJECT, o->subject },
		{ HPDF_INFO_KEYWORDS, o->keywords },
		{ HPDF_INFO_CREATOR, o->creator },
	};

	/* UTF-8 as the current encoder makes libharu write UTF-16BE */
	HP(r, HPDF_SetCurrentEncoder(r->pdf, "UTF-8"), "metadata");
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (f[i].v == NULL)
			continue;
		lay_clean(&r->tmp, f[i].v, strlen(f[i].v));
		HP(r, HPDF_SetInfoAttr(r->pdf, f[i].type, r->tmp.p), "metadata");
	}
	return 0;
}

static int
S_date(struct rp *r)
{
	time_t t = (time_t)r->o->epoch;
	struct tm tm;
	HPDF_Date d;

	if (r->o->epoch < 0)
		return 0;
	if (gmtime_r(&t, &tm) == NULL)
		return brief_fail(r->err, "pdf", NULL, 0, "bad date %ld",
			r->o->epoch);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	d.ind = 'Z';
	d.off_hour = d.off_minutes = 0;
	HP(r, HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_CREATION_DATE, d),
		"creation date");
	HP(r, HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_MOD_DATE, d), "date");
	return 0;
}

static int
S_setup(struct rp *r)
{
	const char *serif = r->o->serif ? r->o->serif : "Noto Serif";
	const char *sans = r->o->sans ? r->o->sans : "Noto Sans";

	r->pdf = HPDF_New(S_on_error, &r->herr);
	if (r->pdf == NULL)
		return brief_fail(r->err, "pdf", NULL, 0,
			"cannot create a libharu document");
	HP(r, HPDF_UseUTFEncodings(r->pdf), "UTF-8 encodings");
	HP(r, HPDF_SetCompressionMode(r->pdf, HPDF_COMP_ALL), "compression");
	r->fonts = fonts_new(r->pdf, serif, sans);
	if (r->draw && (S_info(r) != 0 || S_date(r) != 0))
		return -1;
	return 0;
}

/* Under the text area of every page: the title (when it fits) and the
 * page number. */
static int
S_footers(struct rp *r)
{
	double size = 0.75 * r->body, y = r->bottom / 2 - 0.3 * size;
	double wn, wt = -1;
	char s[48];

	if (r->o->title != NULL) {
		lay_clean(&r->tmp, r->o->title, strlen(r->o->title));
		wt = S_measure(r, r->tmp.p, FACE_SERIF, size);
	}
	for (int i = 0; i < r->npages; i++) {
		r->page = r->pages.v[i];
		snprintf(s, sizeof s, "Page %d of %d", i + 1, r->npages);
		if ((wn = S_measure(r, s, FACE_SERIF, size)) < 0 ||
		    S_text_at(r, s, FACE_SERIF, size, FOOT_INK, r->right - wn,
		    y) != 0)
			return -1;
		if (wt >= 0 && r->left + wt + 2 * size < r->right - wn &&
		    S_text_at(r, r->tmp.p, FACE_SERIF, size, FOOT_INK, r->left,
		    y) != 0)
			return -1;
	}
	return 0;
}

static int
S_save(struct rp *r, struct buf *out)
{
	HPDF_UINT32 size, got;

	if (fonts_finish(r->fonts, r->err) != 0)
		return -1;
	HP(r, HPDF_SaveToStream(r->pdf), "saving");
	got = size = HPDF_GetStreamSize(r->pdf);
	if (size == 0)
		return S_fail(r, "saving");
	buf_grow(out, size);
	/* a read that empties the stream may report HPDF_STREAM_EOF */
	(void)HPDF_ReadFromStream(r->pdf, (HPDF_BYTE *)out->p + out->n, &got);
	if (got != size)
		return S_fail(r, "reading the saved PDF");
	out->n += got;
	out->p[out->n] = '\0';
	return 0;
}

static void
S_result(const struct rp *r, struct pdf_result *res)
{
	double used = r->top - r->y, area = r->top - r->bottom;

	if (res == NULL)
		return;
	res->pages = r->npages;
	res->last_fill = used <= 0 ? 0 : used >= area ? 1 : used / area;
}

int
render_pdf(const char *md, size_t n, const struct pdf_opts *o,
	struct buf *out, struct pdf_result *res, struct brief_err *err)
{
	struct rp r = { .o = o, .err = err, .draw = out != NULL };
	cmark_node *doc = NULL;
	int rc = -1;

	if (S_geometry(&r, o) != 0 || S_setup(&r) != 0)
		goto out;
	doc = cmark_parse_document(md ? md : "", md ? n : 0,
		CMARK_OPT_DEFAULT);
	cmark_consolidate_text_nodes(doc);
	if (S_new_page(&r) != 0 || S_walk(&r, doc) != 0 ||
	    S_close_rules(&r) != 0)
		goto out;
	if (r.draw && (S_footers(&r) != 0 || S_save(&r, out) != 0))
		goto out;
	S_result(&r, res);
	rc = 0;
out:
	if (doc != NULL)
		cmark_node_free(doc);
	lay_para_free(&r.para);
	fonts_free(r.fonts);
	VEC_FREE(&r.pages);
	buf_free(&r.tmp);
	if (r.pdf != NULL)
		HPDF_Free(r.pdf);
	return rc;
}
