/*
 * layout.c -- measuring words, breaking lines, placing words on a page.
 *
 * Words are placed one by one (text matrix per word) so the glue between
 * them can stretch: HPDF_Page_SetWordSpace does not apply to the 2-byte
 * codes of UTF-8 fonts. A real space is still drawn after each word so
 * that text extraction and copying see the spaces. The pieces of a
 * hyphenated word are shown one after the other in the same text
 * object, so the word still reads as one; the hyphen, when the line
 * breaks there, is a real "-" (pdftotext gives "hyphen-" and "ation").
 *
 * Penalties, as in TeX: \hyphenpenalty 50, \exhyphenpenalty 50; a
 * capitalised word 150 (hyphenated only when it clearly pays); after a
 * one- or two-letter word ("a", "I", "of") 100.
 */
#include "brief/layout.h"
#include "brief/hpdf_ext.h"
#include "brief/style.h"
#include "brief/utf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#define MAX_RATIO    4.0     /* stretch more than this: leave ragged */
#define SPLIT_COST   50      /* penalty for breaking inside a word */
#define HYPHEN_COST  50      /* at a hyphenation point */
#define PROPER_COST  150     /* ... in a capitalised word */
#define EXHYPHEN_COST 50     /* after a hyphen in the text */
#define SHORT_COST   100     /* after a one- or two-letter word */
#define RAGGED_STRETCH 2.0   /* em a ragged line may fall short by */
#define EMERGENCY_EM 2.0     /* em of extra stretch in the last pass */

/* ---- building a paragraph ------------------------------------------- */

void
lay_para_reset(struct lay_para *p, struct fonts *fonts, double width)
{
	for (size_t i = 0; i < p->links.n; i++)
		free(p->links.v[i]);
	p->fonts = fonts;
	p->width = width;
	p->align = LAY_AUTO;
	p->no_hyphens = 0;
	p->em = 0;
	p->ragged = 0;
	p->short_word = 0;
	p->min_size = 0;
	memset(&p->stats, 0, sizeof p->stats);
	p->lb.n = p->run.n = p->links.n = p->breaks.n = p->annots.n = 0;
	p->text.n = 0;
}

void
lay_para_free(struct lay_para *p)
{
	lay_para_reset(p, NULL, 0);
	VEC_FREE(&p->lb);
	VEC_FREE(&p->run);
	VEC_FREE(&p->links);
	VEC_FREE(&p->annots);
	VEC_FREE(&p->breaks);
	VEC_FREE(&p->points);
	buf_free(&p->text);
	buf_free(&p->scratch);
	buf_free(&p->covered);
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
	struct lb_item it = { LB_PENALTY, 0, 0, 0, -LB_INF, 0 };
	struct lay_run run = { 0, 0, FACE_SERIF, 0, 0, -1 };

	S_push(p, it, run);
	p->short_word = 0;
}

/* A space; after a one- or two-letter word, breaking there costs
 * SHORT_COST (a penalty before a glue takes the break from it). */
static void
S_add_glue(struct lay_para *p, const struct lay_style *st)
{
	double w = fonts_width(p->fonts, st->face, " ", 1, st->size);
	struct lb_item it = { LB_GLUE, w, w / 2, w / 3, 0, 0 };
	struct lb_item pen = { LB_PENALTY, 0, 0, 0, SHORT_COST, 0 };

	if (p->lb.n > 0 && p->lb.v[p->lb.n - 1].kind == LB_GLUE)
		return;
	if (p->short_word && p->lb.n > 0 &&
	    p->lb.v[p->lb.n - 1].kind == LB_BOX)
		S_push(p, pen, S_run(st, 0, 0));
	p->short_word = 0;
	S_push(p, it, S_run(st, 0, 0));
}

/* Forbid a break at the glue just added (keeps citations with their
 * word): a penalty of LB_INF before a glue makes it no break point;
 * it replaces a penalty already there. */
static void
S_tie_last_glue(struct lay_para *p)
{
	struct lb_item glue, tie = { LB_PENALTY, 0, 0, 0, LB_INF, 0 };
	struct lay_run run;

	if (p->lb.n == 0 || p->lb.v[p->lb.n - 1].kind != LB_GLUE)
		return;
	glue = p->lb.v[--p->lb.n];
	run = p->run.v[--p->run.n];
	while (p->lb.n > 0 && p->lb.v[p->lb.n - 1].kind == LB_PENALTY &&
	    p->lb.v[p->lb.n - 1].penalty > -LB_INF) {
		p->lb.n--;
		p->run.n--;
	}
	S_push(p, tie, run);
	S_push(p, glue, run);
}

void
lay_clean(struct buf *out, const char *s, size_t n)
{
	out->n = 0;
	for (size_t i = 0; i < n; ) {
		size_t j = i;
		UChar32 cp = utf_next(s, n, &j);
		size_t k = j - i;

		if (cp >= 0x10000 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
		    cp == 0xFFFD)
			buf_puts(out, "\xEF\xBF\xBD");
		else
			buf_put(out, s + i, k);
		i += k;
	}
	buf_cstr(out);
}

/* Append one box for s[0..n) (already clean) measuring w points; one
 * box per run when the face lacks some characters, each run in the
 * fallback face that has them (fonts_run), measured alone. */
static void
S_add_box(struct lay_para *p, const char *s, size_t n, double w,
	const struct lay_style *st)
{
	struct lb_item it = { LB_BOX, w, 0, 0, 0, 0 };
	struct lay_style rs = *st;
	size_t off = p->text.n, k;

	if ((k = fonts_run(p->fonts, st->face, s, n, &rs.face)) < n ||
	    rs.face != st->face) {
		for (size_t i = 0; i < n; i += k) {
			k = fonts_run(p->fonts, st->face, s + i, n - i, &rs.face);
			S_add_box(p, s + i, k, fonts_width(p->fonts, rs.face,
				s + i, k, st->size), &rs);
		}
		return;
	}
	buf_put(&p->text, s, n);
	buf_putc(&p->text, '\0');
	S_push(p, it, S_run(st, off, n));
}

/* A word wider than the line: pieces that fit, with break points
 * between them. */
/* Whether a combining mark starts at byte i of s: no piece of a word
 * starts with one (it belongs to the letter before it). */
static int
S_mark_at(const char *s, size_t n, size_t i)
{
	int8_t t = u_charType(utf_at(s, n, i));

	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
		t == U_COMBINING_SPACING_MARK;
}

static void
S_add_split(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st)
{
	struct lb_item brk = { LB_PENALTY, 0, 0, 0, SPLIT_COST, 0 };
	size_t from = 0;
	double w = 0;

	for (size_t i = 0; i < n; ) {
		size_t j = i;
		size_t k = (utf_next(s, n, &j), j - i);
		double cw = fonts_width(p->fonts, st->face, s + i, k, st->size);

		if (i > from && w + cw > p->width && !S_mark_at(s, n, i)) {
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

/* The break at a hyphenation point: a flagged penalty that draws "-"
 * when the line ends there; after a hyphen in the text, nothing. */
static void
S_add_hyphen(struct lay_para *p, unsigned kind, const struct lay_style *st)
{
	struct lb_item it = { LB_PENALTY, 0, 0, 0, EXHYPHEN_COST,
		LB_FLAGGED };
	struct lay_run run = S_run(st, 0, 0);

	if (kind & HYPHEN_SOFT) {
		it.width = fonts_width(p->fonts, st->face, "-", 1, st->size);
		it.penalty = kind & HYPHEN_PROPER ? PROPER_COST : HYPHEN_COST;
		it.flags |= LB_HYPHEN;
		run.off = p->text.n;
		run.len = 1;
		buf_put(&p->text, "-", 2);
	}
	S_push(p, it, run);
}

/* s[0..n) (clean, fits the line) as pieces between its hyphenation
 * points. */
static void
S_add_pieces(struct lay_para *p, const char *s, size_t n, double w,
	const struct lay_style *st)
{
	size_t from = 0;

	p->points.n = 0;
	while (p->points.cap < n)
		p->points.v = vec_grow_(p->points.v, &p->points.cap, 1);
	if (p->hy == NULL || p->no_hyphens ||
	    hyphen_points(p->hy, s, n, p->points.v) == 0) {
		S_add_box(p, s, n, w, st);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		if (p->points.v[i] == HYPHEN_NONE || S_mark_at(s, n, i))
			continue;
		S_add_box(p, s + from, i - from, fonts_width(p->fonts,
			st->face, s + from, i - from, st->size), st);
		S_add_hyphen(p, p->points.v[i], st);
		from = i;
	}
	S_add_box(p, s + from, n - from, fonts_width(p->fonts, st->face,
		s + from, n - from, st->size), st);
}

/* One or two letters and nothing else: "a", "I", "of". */
static int
S_is_short(const char *s, size_t n)
{
	size_t letters = 0;

	for (size_t i = 0; i < n; ) {
		UChar32 cp = utf_next(s, n, &i);

		if (!u_isalpha(cp) || ++letters > 2)
			return 0;
	}
	return letters > 0;
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
		S_add_pieces(p, p->scratch.p, p->scratch.n, w, st);
	p->short_word = S_is_short(p->scratch.p, p->scratch.n);
}

/* ---- text and citations --------------------------------------------- */

/* A space a line may break at: ASCII blanks only. A no-break space
 * (U+00A0, U+202F) binds the words beside it, so it is part of a word
 * here, whatever utf_is_space() says of it as white space. */
static int
S_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

int
lay_add_cite(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st, struct brief_err *err)
{
	struct lay_style cs = *st;

	cs.face = st->face & FACE_SANS;
	cs.size = st->size * STYLE_CITE_SCALE;
	if (cs.size < p->min_size)
		cs.size = p->min_size < st->size ? p->min_size : st->size;
	cs.color = STYLE_CITE_INK;
	if (fonts_load(p->fonts, cs.face, err) != 0)
		return -1;
	S_tie_last_glue(p);
	S_add_word(p, s, n, &cs);
	return 0;
}

/* Length of the word at s: up to white space. */
static size_t
S_word_len(const char *s, size_t n)
{
	size_t j = 0;

	while (j < n && !S_is_space(s[j]))
		j++;
	return j;
}

/* s with every character no face has (no glyph in face or its
 * fallbacks) as U+FFFD, which the page shows and text extraction
 * reads, instead of a glyph libharu would leave out of the text;
 * returns s itself when all are covered (the common case), else the
 * copy in p->covered, with *n its length. */
static const char *
S_covered_n(struct lay_para *p, const char *s, size_t *n, int face)
{
	size_t i = 0;

	for (; i < *n; ) {
		size_t at = i;
		UChar32 c = utf_next(s, *n, &i);

		if (c >= 0x80 && !fonts_covers(p->fonts, face, (uint32_t)c)) {
			i = at;
			break;
		}
	}
	if (i >= *n)
		return s;
	p->covered.n = 0;
	buf_put(&p->covered, s, i);
	while (i < *n) {
		size_t at = i;
		UChar32 c = utf_next(s, *n, &i);

		if (c >= 0x80 && !fonts_covers(p->fonts, face, (uint32_t)c))
			buf_puts(&p->covered, "\xEF\xBF\xBD");
		else
			buf_put(&p->covered, s + at, i - at);
	}
	*n = p->covered.n;
	return buf_cstr(&p->covered);
}

int
lay_add_text(struct lay_para *p, const char *s, size_t n,
	const struct lay_style *st, struct brief_err *err)
{
	if (fonts_load(p->fonts, st->face, err) != 0)
		return -1;
	if (!p->no_hyphens && p->hy == NULL && hyphen_shared(&p->hy, err) != 0)
		return -1;
	if (st->size > p->em)
		p->em = st->size;
	s = S_covered_n(p, s, &n, st->face);
	for (size_t i = 0, k; i < n; i += k) {
		if (S_is_space(s[i])) {
			for (k = 1; i + k < n && S_is_space(s[i + k]); k++)
				;
			S_add_glue(p, st);
		} else {
			k = S_word_len(s + i, n - i);
			S_add_word(p, s + i, k, st);
		}
	}
	return 0;
}

/* ---- lines ---------------------------------------------------------- */

/* The breaker's settings for p: TeX's, with ragged right chosen by
 * p->align, and stretch in ems of the paragraph's largest type. */
static void
S_params(struct lay_para *p, struct lb_params *prm)
{
	double em = p->em > 0 ? p->em : 10;

	p->ragged = p->align == LAY_RAGGED || (p->align == LAY_AUTO &&
		p->width < STYLE_RAGGED_EM * em);
	lb_params_default(prm, p->width);
	prm->ragged = p->ragged;
	prm->ragged_stretch = RAGGED_STRETCH * em;
	prm->emergency_stretch = EMERGENCY_EM * em;
}

size_t
lay_break(struct lay_para *p)
{
	struct lb_params prm;

	while (p->lb.n > 0 && p->lb.v[p->lb.n - 1].kind != LB_BOX) {
		p->lb.n--;
		p->run.n--;
	}
	p->breaks.n = 0;
	while (p->breaks.cap < p->lb.n + 1)
		p->breaks.v = vec_grow_(p->breaks.v, &p->breaks.cap,
			sizeof *p->breaks.v);
	S_params(p, &prm);
	memset(&p->stats, 0, sizeof p->stats);
	if (p->breaker != NULL)
		p->breaks.n = p->breaker(p->lb.v, p->lb.n, p->width,
			p->breaks.v);
	else
		p->breaks.n = lb_knuth_plass(p->lb.v, p->lb.n, &prm,
			p->breaks.v, &p->stats);
	return p->breaks.n;
}

void
lay_line_get(const struct lay_para *p, size_t k, struct lay_line *l)
{
	const struct lb_item *it = p->lb.v;
	size_t n = p->lb.n;

	l->from = k == 0 ? lb_first_start(it, n) :
		lb_next_start(it, n, p->breaks.v[k - 1]);
	l->to = p->breaks.v[k];
	if (l->from > l->to)
		l->from = l->to;
	l->natural = l->stretch = l->shrink = l->size = 0;
	for (size_t i = l->from; i < l->to; i++) {
		if (it[i].kind == LB_PENALTY)
			continue;
		l->natural += it[i].width;
		l->stretch += it[i].stretch;
		l->shrink += it[i].shrink;
		if (it[i].kind == LB_BOX && p->run.v[i].size > l->size)
			l->size = p->run.v[i].size;
	}
	if (l->to < n && it[l->to].kind == LB_PENALTY)
		l->natural += it[l->to].width;
	l->last = l->to >= n || (it[l->to].kind == LB_PENALTY &&
		it[l->to].penalty <= -LB_INF);
}

/* How far each unit of glue stretch (r > 0) or shrink (r < 0) goes on
 * line l. A line wider than the width shrinks even when not justified. */
static double
S_ratio(const struct lay_para *p, const struct lay_line *l, int justify)
{
	double room = p->width - l->natural, r;

	if (room < 0)
		return l->shrink > 0 && room / l->shrink > -1 ?
			room / l->shrink : l->shrink > 0 ? -1 : 0;
	if (!justify || p->ragged || l->last || l->stretch <= 0)
		return 0;
	r = room / l->stretch;
	return r <= MAX_RATIO ? r : 0;
}

/* What a glue adds to its width on a line set with ratio. */
static double
S_glue_adjust(const struct lb_item *it, double ratio)
{
	return ratio * (ratio > 0 ? it->stretch : it->shrink);
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
	/* a piece of no width (a mark on its own) libharu would leave out */
	if (HPDF_Page_TextWidth(pen->page, s) == 0)
		return hpx_show_codes(pen->page, s, n, NULL);
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
		pen->x += it->width + S_glue_adjust(it, pen->ratio);
		pen->in_word = 0;
	}
	/* a penalty not broken at: the word goes on (a hyphenation point) */
	return 0;
}

/* Advance of item i on a line set with ratio. */
static double
S_advance(const struct lay_para *p, size_t i, double ratio)
{
	const struct lb_item *it = &p->lb.v[i];

	if (it->kind == LB_PENALTY)
		return 0;
	return it->width + (it->kind == LB_GLUE ? S_glue_adjust(it, ratio) : 0);
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
	VEC_PUSH(&p->annots, a);
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

/* ---- pages ---------------------------------------------------------- */

#define PAGE_EPS 0.01        /* points of slack when testing a fit */
#define BALANCE_STEPS 40     /* bisection steps when balancing columns */

/* Where S_fill puts entries: cols columns from top down to bottom on
 * page; fresh: the first column starts at a break (the top of a page),
 * so spaces there are dropped and anything may be placed there. */
struct frame {
	double top, bottom;
	int cols, page, fresh;
	int keep;                /* keeps this strong are honoured */
};

/* The chunk at v[i..n): entries up to and including the first one not
 * kept with the next. Its height, without leading spaces when skip;
 * *end gets the index after it. */
static double
S_chunk(const struct lay_vent *v, size_t i, size_t n, int skip, int keep,
	size_t *end)
{
	double h = 0;

	for (; i < n; i++) {
		if (!(skip && v[i].kind == LAY_VSPACE)) {
			h += v[i].h;
			skip = 0;
		}
		if (v[i].keep < keep) {
			i++;
			break;
		}
	}
	*end = i;
	return h;
}

/* A chunk taller than an empty column: as many of v[i..end) as fit
 * from y down to bottom, at least one box. */
static size_t
S_split(const struct lay_vent *v, size_t i, size_t end, double y,
	double bottom, int skip)
{
	int boxes = 0;

	for (; i < end; i++) {
		if (skip && v[i].kind == LAY_VSPACE)
			continue;
		skip = 0;
		if (boxes > 0 && y - v[i].h < bottom - PAGE_EPS)
			break;
		y -= v[i].h;
		boxes += v[i].kind == LAY_VBOX;
	}
	return i;
}

/* Place v[i..n) in the columns of f; returns the index of the first
 * entry that did not fit (n: all did). *low gets the lowest bottom
 * edge of a box placed (f->top when none). */
static size_t
S_fill(struct lay_vent *v, size_t i, size_t n, const struct frame *f,
	double *low)
{
	int col = 0, boxes = 0, fresh = f->fresh, skip = f->fresh;
	double y = f->top;

	*low = f->top;
	while (i < n) {
		size_t end;
		double h = S_chunk(v, i, n, skip, f->keep, &end);

		if (y - h < f->bottom - PAGE_EPS) {
			if (boxes == 0 && !fresh)
				return i;    /* nothing here yet: a new page */
			if (boxes > 0) {
				if (++col >= f->cols)
					return i;
				y = f->top;
				boxes = 0;
				fresh = skip = 1;
				continue;
			}
			end = S_split(v, i, end, y, f->bottom, skip);
		}
		for (; i < end; i++) {
			struct lay_vent *e = &v[i];

			e->page = f->page;
			e->col = col;
			e->y = y;
			e->placed = !(skip && e->kind == LAY_VSPACE);
			if (!e->placed)
				continue;
			skip = 0;
			y -= e->h;
			if (e->kind == LAY_VBOX) {
				boxes++;
				if (y < *low)
					*low = y;
			}
		}
	}
	return n;
}

/* The last page of a region of columns: the smallest column height that
 * still holds v[i..n), found by bisection; places them so and returns
 * the lowest box bottom. */
static double
S_balance(struct lay_vent *v, size_t i, size_t n, const struct frame *f)
{
	struct frame g = *f;
	double lo = 0, hi = f->top - f->bottom, low;

	for (int k = 0; k < BALANCE_STEPS && hi - lo > 0.05; k++) {
		double mid = (lo + hi) / 2;

		g.bottom = f->top - mid;
		if (S_fill(v, i, n, &g, &low) == n)
			hi = mid;
		else
			lo = mid;
	}
	g.bottom = f->top - hi;
	if (S_fill(v, i, n, &g, &low) != n)      /* cannot happen: hi fits */
		S_fill(v, i, n, f, &low);
	return low;
}

/* Where the last box of column col in v[i..j) ends; 1e9 if none. */
static double
S_col_end(const struct lay_vent *v, size_t i, size_t j, int col)
{
	double end = 1e9;

	for (; i < j; i++)
		if (v[i].placed && v[i].kind == LAY_VBOX && v[i].col == col)
			end = v[i].y - v[i].h;
	return end;
}

/* Columns flush at the bottom (TeX's \flushbottom): the spaces of the
 * shorter column on a page, v[i..j), stretch to make it end where the
 * other does, when they need no more than to double. */
static void
S_flush(struct lay_vent *v, size_t i, size_t j)
{
	double e0 = S_col_end(v, i, j, 0), e1 = S_col_end(v, i, j, 1);
	int col = e0 > e1 ? 0 : 1;
	double extra = fabs(e0 - e1), glue = 0, shift = 0;
	int boxes = 0;

	if (e0 >= 1e9 || e1 >= 1e9 || extra < PAGE_EPS)
		return;
	for (size_t k = i; k < j; k++) {
		if (v[k].col != col || !v[k].placed)
			continue;
		if (v[k].kind == LAY_VBOX)
			boxes++;
		else if (boxes > 0)
			glue += v[k].h;
	}
	if (glue <= 0 || extra > glue)
		return;
	for (size_t k = i, seen = 0; k < j; k++) {
		if (v[k].col != col || !v[k].placed)
			continue;
		v[k].y -= shift;
		if (v[k].kind == LAY_VBOX)
			seen++;
		else if (seen > 0)
			shift += extra * v[k].h / glue;
	}
}

/* lay_paginate honouring keeps of strength keep and more. */
static int
S_paginate(struct lay_vent *v, size_t n, struct lay_region *rg,
	size_t nrg, double top, double bottom, int keep, double *end)
{
	int page = 0;
	double y = top;
	size_t i = 0;

	for (size_t r = 0; r < nrg; r++) {
		size_t b = i;

		while (b < n && v[b].region <= (int)r)
			b++;
		rg[r].page0 = page;
		/* the space before a region spans its columns; none at the
		 * top of a page */
		for (; i < b && v[i].kind == LAY_VSPACE; i++) {
			v[i].page = page;
			v[i].col = 0;
			v[i].y = y;
			v[i].placed = y < top - PAGE_EPS;
			if (v[i].placed)
				y -= v[i].h;
		}
		while (i < b) {
			struct frame f = { y, bottom, rg[r].cols > 1 ? 2 : 1,
				page, y >= top - PAGE_EPS, keep };
			double low;
			size_t j = S_fill(v, i, b, &f, &low);

			if (j == b) {
				if (f.cols > 1 && rg[r].balance)
					low = S_balance(v, i, b, &f);
				if (f.cols > 1)
					S_flush(v, i, b);
				y = low;
				break;
			}
			if (f.cols > 1)
				S_flush(v, i, j);
			page++;
			y = top;
			i = j;
		}
		i = b;
		rg[r].page1 = page;
		rg[r].end = y;
	}
	*end = y;
	return page + 1;
}

int
lay_paginate(struct lay_vent *v, size_t n, struct lay_region *rg,
	size_t nrg, double top, double bottom, double *end)
{
	double e, e2;
	int soft = S_paginate(v, n, rg, nrg, top, bottom, LAY_KEEP_SOFT, &e);

	/* soft keeps only when they cost no page */
	if (soft > 1) {
		int hard = S_paginate(v, n, rg, nrg, top, bottom, LAY_KEEP,
			&e2);

		if (hard < soft) {
			soft = hard;
			e = e2;
		} else {
			S_paginate(v, n, rg, nrg, top, bottom, LAY_KEEP_SOFT, &e);
		}
	}
	if (end != NULL)
		*end = e;
	return soft;
}
