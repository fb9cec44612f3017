/*
 * layout.c -- measuring words, breaking lines, placing words on a page.
 *
 * Words are placed one by one (text matrix per word) so the glue between
 * them can stretch: HPDF_Page_SetWordSpace does not apply to the 2-byte
 * codes of UTF-8 fonts. A real space is still drawn after each word so
 * that text extraction and copying see the spaces.
 */
#include "brief/layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CITE_SCALE   0.8     /* citation size relative to the text */
#define CITE_COLOR   0x6B6B6Bu
#define MAX_RATIO    4.0     /* stretch more than this: leave ragged */
#define SPLIT_COST   50      /* penalty for breaking inside a word */

/* ---- line breaking -------------------------------------------------- */

/* Skip discardable items from i: glue and optional penalties. */
static size_t
S_skip(const struct lb_item *it, size_t n, size_t i)
{
	while (i < n && (it[i].kind == LB_GLUE ||
	    (it[i].kind == LB_PENALTY && it[i].penalty > -LB_INF)))
		i++;
	return i;
}

size_t
lb_next_start(const struct lb_item *it, size_t n, size_t b)
{
	if (b >= n)
		return n;
	return S_skip(it, n, it[b].kind == LB_BOX ? b : b + 1);
}

/* Where the line starting at i ends: the last feasible break before the
 * first item that does not fit, or a box when none exists. */
static size_t
S_fit(const struct lb_item *it, size_t n, size_t i, double width)
{
	size_t best = SIZE_MAX;
	double w = 0;

	for (size_t j = i; j < n; j++) {
		if (it[j].kind == LB_PENALTY) {
			if (it[j].penalty <= -LB_INF)
				return j;
			if (it[j].penalty < LB_INF && w + it[j].width <= width)
				best = j;
		} else if (it[j].kind == LB_GLUE) {
			if (j > i && it[j - 1].kind == LB_BOX)
				best = j;
			w += it[j].width;
		} else {
			if (j > i && w + it[j].width > width)
				return best != SIZE_MAX ? best : j;
			w += it[j].width;
		}
	}
	return n;
}

size_t
lb_greedy(const struct lb_item *it, size_t n, double width, size_t *breaks)
{
	size_t lines = 0, i = S_skip(it, n, 0);

	for (;;) {
		size_t b = S_fit(it, n, i, width);

		breaks[lines++] = b;
		if (b >= n)
			return lines;
		i = lb_next_start(it, n, b);
		if (i >= n)
			return lines;
	}
}

/* ---- building a paragraph ------------------------------------------- */

void
lay_para_reset(struct lay_para *p, struct fonts *fonts, double width)
{
	for (size_t i = 0; i < p->links.n; i++)
		free(p->links.v[i]);
	p->fonts = fonts;
	p->width = width;
	if (p->breaker == NULL)
		p->breaker = lb_greedy;
	p->lb.n = p->run.n = p->links.n = p->breaks.n = 0;
	p->text.n = 0;
}

void
lay_para_free(struct lay_para *p)
{
	lay_para_reset(p, NULL, 0);
	VEC_FREE(&p->lb);
	VEC_FREE(&p->run);
	VEC_FREE(&p->links);
	VEC_FREE(&p->breaks);
	buf_free(&p->text);
	buf_free(&p->scratch);
}

int
lay_add_link(struct lay_para *p, const char *url)
{
	VEC_PUSH(&p->links, xstrndup(url, strlen(url)));
	return (int)p->links.n - 1;
}

static void
S_push(struct lay_para *p, struct lb_item it, struct lay_run run)
{
	VEC_PUSH(&p->lb, it);
	VEC_PUSH(&p->run, run);
}

static struct lay_run
S_run(const struct lay_style *st, size_t off, size_t len)
{
	struct lay_run r = { off, len, st->face, st->size, st->color,
		st->link };
	return r;
}

void
lay_add_newline(struct lay_para *p)
{
	struct lb_item it = { LB_PENALTY, 0, 0, 0, -LB_INF };
	struct lay_run run = { 0, 0, FACE_SERIF, 0, 0, -1 };

	S_push(p, it, run);
}

static void
S_add_glue(struct lay_para *p, const struct lay_style *st)
{
	double w = fonts_width(p->fonts, st->face, " ", 1, st->size);
	struct lb_item it = { LB_GLUE, w, w / 2, w / 3, 0 };

	if (p->lb.n > 0 && p->lb.v[p->lb.n - 1].kind == LB_GLUE)
		return;
	S_push(p, it, S_run(st, 0, 0));
}

/* Forbid a break at the glue just added (keeps citations with their
 * word): a penalty of LB_INF before a glue makes it no break point. */
static void
S_tie_last_glue(struct lay_para *p)
{
	struct lb_item glue, tie = { LB_PENALTY, 0, 0, 0, LB_INF };
	struct lay_run run;

	if (p->lb.n == 0 || p->lb.v[p->lb.n - 1].kind != LB_GLUE)
		return;
	glue = p->lb.v[--p->lb.n];
	run = p->run.v[--p->run.n];
	S_push(p, tie, run);
	S_push(p, glue, run);
}

void
lay_clean(struct buf *out, const char *s, size_t n)
{
	out->n = 0;
	for (size_t i = 0; i < n; ) {
		unsigned cp;
		size_t k = fonts_utf8_next(s + i, n - i, &cp);

		if (cp >= 0x10000 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
		    cp == 0xFFFD)
			buf_puts(out, "\xEF\xBF\xBD");
		else
			buf_put(out, s + i, k);
		i += k;
	}
	buf_cstr(out);
}

/* Append one box for s[0..n) (already clean) measuring w points. */
static void
S_add_box(struct lay_para *p, const char *s, size_t n, double w,
	const struct lay_style *st)
{
	struct lb_item it = { LB_BOX, w, 0, 0, 0 };
	size_t off = p->text.n;

	buf_put(&p->text, s, n);
	buf_putc(&p->text, '\0');
	S_push(p, it, S_run(st, off, n));
}

/* A word wider than the line: pieces that fit, with break points
 * between them. */
static void
S_add_split(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st)
{
	struct lb_item brk = { LB_PENALTY, 0, 0, 0, SPLIT_COST };
	size_t from = 0;
	double w = 0;

	for (size_t i = 0; i < n; ) {
		unsigned cp;
		size_t k = fonts_utf8_next(s + i, n - i, &cp);
		double cw = fonts_width(p->fonts, st->face, s + i, k, st->size);

		if (i > from && w + cw > p->width) {
			S_add_box(p, s + from, i - from, w, st);
			S_push(p, brk, S_run(st, 0, 0));
			from = i;
			w = 0;
		}
		w += cw;
		i += k;
	}
	S_add_box(p, s + from, n - from, w, st);
}

static void
S_add_word(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st)
{
	double w;

	lay_clean(&p->scratch, s, n);
	w = fonts_width(p->fonts, st->face, p->scratch.p, p->scratch.n,
		st->size);
	if (w > p->width)
		S_add_split(p, p->scratch.p, p->scratch.n, st);
	else
		S_add_box(p, p->scratch.p, p->scratch.n, w, st);
}

/* ---- text and citations --------------------------------------------- */

static int
S_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

/* Length of a run of citations "[12][3]" at s, 0 if none. */
static size_t
S_cite_len(const char *s, size_t n)
{
	size_t i = 0, end = 0;

	while (i < n && s[i] == '[') {
		size_t j = i + 1;

		while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 6)
			j++;
		if (j == i + 1 || j >= n || s[j] != ']')
			break;
		i = end = j + 1;
	}
	return end;
}

static int
S_add_cite(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st, struct brief_err *err)
{
	struct lay_style cs = *st;

	cs.face = st->face & FACE_SANS;
	cs.size = st->size * CITE_SCALE;
	cs.color = CITE_COLOR;
	if (fonts_load(p->fonts, cs.face, err) != 0)
		return -1;
	S_tie_last_glue(p);
	S_add_word(p, s, n, &cs);
	return 0;
}

/* Length of the word at s: up to white space or a citation. */
static size_t
S_word_len(const char *s, size_t n, int cite)
{
	size_t j = 0;

	while (j < n && !S_is_space(s[j]) &&
	    !(cite && j > 0 && s[j] == '[' && S_cite_len(s + j, n - j) > 0))
		j++;
	return j;
}

int
lay_add_text(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st, struct brief_err *err)
{
	if (fonts_load(p->fonts, st->face, err) != 0)
		return -1;
	for (size_t i = 0, k; i < n; i += k) {
		if (S_is_space(s[i])) {
			for (k = 1; i + k < n && S_is_space(s[i + k]); k++)
				;
			S_add_glue(p, st);
		} else if (st->cite && (k = S_cite_len(s + i, n - i)) > 0) {
			if (S_add_cite(p, s + i, k, st, err) != 0)
				return -1;
		} else {
			k = S_word_len(s + i, n - i, st->cite);
			S_add_word(p, s + i, k, st);
		}
	}
	return 0;
}

/* ---- lines ---------------------------------------------------------- */

size_t
lay_break(struct lay_para *p)
{
	while (p->lb.n > 0 && p->lb.v[p->lb.n - 1].kind != LB_BOX) {
		p->lb.n--;
		p->run.n--;
	}
	p->breaks.n = 0;
	while (p->breaks.cap < p->lb.n + 1)
		p->breaks.v = vec_grow_(p->breaks.v, &p->breaks.cap,
			sizeof *p->breaks.v);
	p->breaks.n = p->breaker(p->lb.v, p->lb.n, p->width, p->breaks.v);
	return p->breaks.n;
}

void
lay_line_get(const struct lay_para *p, size_t k, struct lay_line *l)
{
	const struct lb_item *it = p->lb.v;
	size_t n = p->lb.n;

	l->from = k == 0 ? S_skip(it, n, 0) :
		lb_next_start(it, n, p->breaks.v[k - 1]);
	l->to = p->breaks.v[k];
	if (l->from > l->to)
		l->from = l->to;
	l->natural = l->stretch = l->size = 0;
	for (size_t i = l->from; i < l->to; i++) {
		if (it[i].kind == LB_PENALTY)
			continue;
		l->natural += it[i].width;
		l->stretch += it[i].stretch;
		if (it[i].kind == LB_BOX && p->run.v[i].size > l->size)
			l->size = p->run.v[i].size;
	}
	if (l->to < n && it[l->to].kind == LB_PENALTY)
		l->natural += it[l->to].width;
	l->last = l->to >= n || (it[l->to].kind == LB_PENALTY &&
		it[l->to].penalty <= -LB_INF);
}

/* How far each unit of glue stretch goes on line l. */
static double
S_ratio(const struct lay_para *p, const struct lay_line *l, int justify)
{
	double r;

	if (!justify || l->last || l->stretch <= 0)
		return 0;
	r = (p->width - l->natural) / l->stretch;
	return r > 0 && r <= MAX_RATIO ? r : 0;
}

/* Pen state while drawing a line. */
struct pen {
	HPDF_Page page;
	double x, y, ratio;
	int face;
	double size;
	unsigned color;
	int in_word;         /* the text position follows the last box */
};

static int
S_set_style(struct lay_para *p, struct pen *pen, const struct lay_run *r)
{
	HPDF_Font font;

	if (r->face != pen->face || r->size != pen->size) {
		if (fonts_get(p->fonts, r->face, &font, NULL) != 0 ||
		    HPDF_Page_SetFontAndSize(pen->page, font,
		    (HPDF_REAL)r->size) != HPDF_OK)
			return -1;
		pen->face = r->face;
		pen->size = r->size;
	}
	if (r->color != pen->color) {
		if (HPDF_Page_SetRGBFill(pen->page,
		    (HPDF_REAL)((r->color >> 16 & 0xFF) / 255.0),
		    (HPDF_REAL)((r->color >> 8 & 0xFF) / 255.0),
		    (HPDF_REAL)((r->color & 0xFF) / 255.0)) != HPDF_OK)
			return -1;
		pen->color = r->color;
	}
	return 0;
}

static int
S_show(struct lay_para *p, struct pen *pen, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	fonts_mark_used(p->fonts, pen->face, s, n);
	return HPDF_Page_ShowText(pen->page, s) == HPDF_OK ? 0 : -1;
}

static int
S_draw_box(struct lay_para *p, struct pen *pen, size_t i)
{
	const struct lay_run *r = &p->run.v[i];

	if (S_set_style(p, pen, r) != 0)
		return -1;
	if (!pen->in_word && HPDF_Page_SetTextMatrix(pen->page, 1, 0, 0, 1,
	    (HPDF_REAL)pen->x, (HPDF_REAL)pen->y) != HPDF_OK)
		return -1;
	pen->in_word = 1;
	pen->x += p->lb.v[i].width;
	return S_show(p, pen, p->text.p + r->off, r->len);
}

static int
S_draw_item(struct lay_para *p, struct pen *pen, size_t i)
{
	const struct lb_item *it = &p->lb.v[i];

	if (it->kind == LB_BOX)
		return S_draw_box(p, pen, i);
	if (it->kind == LB_GLUE) {
		if (pen->in_word && S_show(p, pen, " ", 1) != 0)
			return -1;
		pen->x += it->width + pen->ratio * it->stretch;
	}
	pen->in_word = 0;
	return 0;
}

/* Advance of item i on a line set with ratio. */
static double
S_advance(const struct lay_para *p, size_t i, double ratio)
{
	const struct lb_item *it = &p->lb.v[i];

	if (it->kind == LB_PENALTY)
		return 0;
	return it->width + (it->kind == LB_GLUE ? ratio * it->stretch : 0);
}

static int
S_annot(struct lay_para *p, HPDF_Page page, int link, double x0,
	double x1, double y, double size)
{
	HPDF_Rect rect = { (HPDF_REAL)x0, (HPDF_REAL)(y - 0.25 * size),
		(HPDF_REAL)x1, (HPDF_REAL)(y + 0.85 * size) };
	HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, rect,
		p->links.v[link]);

	if (a == NULL)
		return -1;
	return HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0) == HPDF_OK ? 0 : -1;
}

/* One annotation per stretch of a link on the line. */
static int
S_links(struct lay_para *p, HPDF_Page page, const struct lay_line *l,
	double x, double y, double ratio)
{
	int cur = -1;
	double x0 = x, x1 = x;

	for (size_t i = l->from; i < l->to; i++) {
		if (p->lb.v[i].kind == LB_PENALTY)
			continue;
		if (p->run.v[i].link != cur) {
			if (cur >= 0 &&
			    S_annot(p, page, cur, x0, x1, y, l->size) != 0)
				return -1;
			cur = p->run.v[i].link;
			x0 = x;
		}
		x += S_advance(p, i, ratio);
		if (p->lb.v[i].kind == LB_BOX)
			x1 = x;
	}
	if (cur >= 0 && S_annot(p, page, cur, x0, x1, y, l->size) != 0)
		return -1;
	return 0;
}

int
lay_line_draw(struct lay_para *p, size_t k, HPDF_Page page, double x,
	double y, int justify)
{
	struct lay_line l;
	struct pen pen = { page, x, y, 0, -1, 0, ~0u, 0 };

	lay_line_get(p, k, &l);
	pen.ratio = S_ratio(p, &l, justify);
	if (HPDF_Page_BeginText(page) != HPDF_OK)
		return -1;
	for (size_t i = l.from; i < l.to; i++)
		if (S_draw_item(p, &pen, i) != 0)
			return -1;
	if (l.to < p->lb.n && p->lb.v[l.to].kind == LB_PENALTY &&
	    p->run.v[l.to].len > 0 && S_draw_box(p, &pen, l.to) != 0)
		return -1;
	if (HPDF_Page_EndText(page) != HPDF_OK)
		return -1;
	return S_links(p, page, &l, x, y, pen.ratio);
}
