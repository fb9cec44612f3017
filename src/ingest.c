/*
 * ingest.c -- read one article: decode, clean, header fields,
 * paragraphs, title, boilerplate removal.
 *
 * Decoding keeps the line structure of the file (only a BOM and CR bytes
 * go), so every paragraph keeps the line it came from. Invalid UTF-8 and
 * control bytes become U+FFFD with a warning naming file:line.
 */
#include "brief/ingest.h"
#include "brief/convert.h"
#include "brief/lexicon.h"
#include "brief/meta.h"
#include "brief/text.h"
#include "brief/utf.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include <unicode/ucnv.h>

#define MAX_ARTICLE (64u << 20)  /* refuse inputs over 64 MiB */
#define MAX_TITLE 250            /* bytes; a longer first line is text */

/* ---- decoding ------------------------------------------------------ */

static void
S_put_fffd(struct buf *b)
{
	buf_put(b, "\xEF\xBF\xBD", 3);
}

typedef VEC(struct off_shift) shift_vec;

/* From here on, text offset b->n is file offset raw. */
static void
S_shift(shift_vec *sv, const struct buf *b, size_t raw)
{
	struct off_shift sh = { b->n, raw };

	if (sv->n > 0 && sv->v[sv->n - 1].text == b->n)
		sv->v[sv->n - 1].raw = raw;
	else
		VEC_PUSH(sv, sh);
}

/* A binary file, not text: a known file signature (images, PDF,
 * archives, executables), or more than one byte in ten of its first
 * 4 KiB a NUL or another control byte. Text with a few such bytes is
 * text: they become U+FFFD, with a warning. */
static int
S_binary(const char *p, size_t n)
{
	static const struct { const char *magic; size_t n; } sig[] = {
		{ "\x89PNG", 4 }, { "%PDF-", 5 }, { "PK\x03\x04", 4 },
		{ "\xFF\xD8\xFF", 3 }, { "GIF8", 4 }, { "\x7F" "ELF", 4 },
		{ "\x1F\x8B", 2 }, { "BZh", 3 }, { "\xFD" "7zXZ", 5 },
		{ "RIFF", 4 }, { "\x00\x00\x01\x00", 4 },
	};
	size_t m = n < 4096 ? n : 4096, ctl = 0;

	for (size_t k = 0; k < sizeof sig / sizeof *sig; k++)
		if (n >= sig[k].n && memcmp(p, sig[k].magic, sig[k].n) == 0)
			return 1;
	for (size_t i = 0; i < m; i++) {
		unsigned char c = (unsigned char)p[i];

		ctl += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
	}
	return ctl * 10 > m;
}

/* Windows-1252: the code point of each byte, from ICU's converter
 * (bytes it leaves undefined read as U+FFFD); made once, for every
 * thread. */
static UChar32 S_cp1252_map[256];
static pthread_once_t S_cp1252_once = PTHREAD_ONCE_INIT;

static void
S_cp1252_make(void)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cv = ucnv_open("windows-1252", &st);

	for (int c = 0; c < 256; c++) {
		UChar u[4];
		char byte = (char)c;
		UErrorCode e = U_ZERO_ERROR;
		int32_t k = cv ? ucnv_toUChars(cv, u, 4, &byte, 1, &e) : 0;

		S_cp1252_map[c] = c < 0x80 ? c : U_SUCCESS(e) && k == 1 &&
			u[0] != 0xFFFD && u[0] != 0x1A ? u[0] : 0xFFFD;
	}
	ucnv_close(cv);
}

static const UChar32 *
S_cp1252(void)
{
	pthread_once(&S_cp1252_once, S_cp1252_make);
	return S_cp1252_map;
}

/* Whether p[0..n), not valid UTF-8, reads as Windows-1252: malformed
 * sequences, and at most one well-formed multi-byte sequence for every
 * four of them (a UTF-8 file with a stray byte stays UTF-8). */
static int
S_looks_cp1252(const char *p, size_t n)
{
	size_t bad = 0, multi = 0;

	for (size_t i = 0; i < n; ) {
		size_t at = i;
		UChar32 c = utf_decode(p, n, &i);

		if (c < 0)
			bad++;
		else if (i - at > 1)
			multi++;
	}
	return bad > 0 && multi * 4 <= bad;
}

/* Decode p[0..n) into b: BOM stripped, CRLF/CR -> LF, invalid UTF-8 and
 * C0 controls other than LF and TAB -> U+FFFD, TAB -> space; with
 * cp1252, every byte as Windows-1252. Where the text's offsets part
 * from the file's, sv gets a shift. */
static void
S_decode(const char *name, const char *p, size_t n, struct buf *b,
	shift_vec *sv, int cp1252, const struct brief_diag *diag)
{
	const UChar32 *map = cp1252 ? S_cp1252() : NULL;
	size_t i = 0;
	int line = 1, warned_line = 0, crlf = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		i = 3;
		S_shift(sv, b, 3);
	}
	buf_grow(b, n);
	while (i < n) {
		size_t start = i;
		UChar32 c = map ? map[(unsigned char)p[i++]] : utf_decode(p, n, &i);

		if (map != NULL && c >= 0x80) {   /* one byte, two or three out */
			char u[4];
			int32_t k = 0;

			U8_APPEND_UNSAFE(u, k, c);
			buf_put(b, u, (size_t)k);
			S_shift(sv, b, i);
			continue;
		}
		if (c == '\r') {
			if (i < n && p[i] == '\n') {
				crlf = 1;   /* the CR goes; the LF stays */
				continue;
			}
			c = '\n';
		}
		if (c == '\n') {
			buf_putc(b, '\n');
			line++;
			if (crlf)   /* after the line end: a span ending at it
			             * ends before the CR */
				S_shift(sv, b, i);
			crlf = 0;
		} else if (c == '\t') {
			buf_putc(b, ' ');
		} else if (c < 0 || c < 0x20 || c == 0x7F) {
			S_put_fffd(b);
			S_shift(sv, b, i);
			if (warned_line != line) {
				brief_warn(diag, name, line,
				    "invalid or control byte replaced by U+FFFD");
				warned_line = line;
			}
		} else {
			buf_put(b, p + start, i - start);
		}
	}
	buf_cstr(b);
}

/* ---- lines and header fields ------------------------------------- */

struct line {
	size_t off, len;   /* trimmed span */
	int no;            /* 1-based line number */
};
typedef VEC(struct line) line_vec;

static void
S_split_lines(const char *t, size_t n, line_vec *out)
{
	size_t i = 0;
	int no = 1;
	while (i < n) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - t) : n;
		struct slice s = slice_trim((struct slice){ t + i, end - i });
		struct line l = { (size_t)(s.p - t), s.n, no };
		VEC_PUSH(out, l);
		i = end + 1;
		no++;
	}
}

/* "Key: value" with a known key; sets d's fields. Returns 1 if it was
 * a header line. */
static int
S_header_line(const char *t, const struct line *l, struct doc *d)
{
	static const char *keys[] = { "title", "date", "source", "outlet",
		"publication", "publisher", "url", "author", "byline" };
	const char *p = t + l->off, *colon = memchr(p, ':', l->len);
	size_t k;

	if (colon == NULL || colon == p || colon - p > 12)
		return 0;
	struct slice key = { p, (size_t)(colon - p) };
	struct slice val = slice_trim((struct slice){ colon + 1,
		l->len - (size_t)(colon - p) - 1 });
	for (k = 0; k < sizeof keys / sizeof *keys; k++)
		if (slice_ieq(key, keys[k]))
			break;
	if (k == sizeof keys / sizeof *keys || val.n == 0)
		return 0;
	switch (k) {
	case 0: d->title = val; break;
	case 1:
		if (dates_parse(val.p, val.n, &d->date) != 0)
			return 0;
		break;
	case 2: case 3: case 4: case 5: d->outlet = val; break;
	case 6: d->url = val; break;
	default: d->byline = val; break;
	}
	return 1;
}

/* ---- paragraph classification ------------------------------------ */

/* Byte length of a bullet marker plus following space at p, or 0. */
static size_t
S_bullet_len(const char *p, size_t n)
{
	static const char *marks[] = { "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA",
		"\xE2\x80\x93", "\xE2\x97\x8F", "*", "-" };
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t m = strlen(marks[k]), e = m;
		if (n > m + 1 && memcmp(p, marks[k], m) == 0 &&
		    utf_is_space(utf_next(p, n, &e)))
			return e;
	}
	return 0;
}

/* Does s end a sentence: . ! ? … or one of those before closing quotes
 * or brackets? */
static int
S_ends_sentence(struct slice s)
{
	s.n = utf_trim_closing(s.p, s.n);
	if (s.n == 0)
		return 0;
	char c = s.p[s.n - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
		return 1;
	return s.n >= 3 && memcmp(s.p + s.n - 3, "\xE2\x80\xA6", 3) == 0;
}

static size_t
S_words(struct slice s)
{
	size_t w = 0, i;
	int in = 0;
	for (i = 0; i < s.n; i++) {
		int sp = s.p[i] == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* An ASCII letter, or any character from U+00C0 on (U+FFFD too). */
static int
S_has_letter(struct slice s)
{
	for (size_t i = 0; i < s.n;) {
		UChar32 c = utf_next(s.p, s.n, &i);
		if ((c < 0x80 && isalpha(c)) || c >= 0xC0)
			return 1;
	}
	return 0;
}

int
ingest_is_boilerplate(const char *p, size_t n)
{
	struct meta_line ml;
	struct slice s = slice_trim((struct slice){ p, n });
	if (s.n == 0 || !S_has_letter(s))
		return 1;
	meta_line(s.p, s.n, 0, &ml);
	return ml.kind != MK_TEXT && ml.kind != MK_DATE && ml.kind != MK_BYLINE &&
	    ml.kind != MK_CREDIT;
}

/* ---- paragraphs --------------------------------------------------- */

typedef VEC(struct para) para_vec;

/* Hard-wrapped files (lines broken at a fixed width, blank lines between
 * paragraphs) join their lines; otherwise every line is a paragraph. A
 * wrapped line runs on into the next and fills most of the width; a
 * list of short headlines also lacks closing punctuation but does not. */
static int
S_is_wrapped(const char *t, const line_vec *ls, size_t first)
{
	size_t blank = 0, text = 0, open = 0, longest = 0;
	for (size_t i = first; i < ls->n; i++) {
		if (ls->v[i].len == 0)
			blank++;
		else
			text++;
		if (ls->v[i].len > longest)
			longest = ls->v[i].len;
	}
	for (size_t i = first; i + 1 < ls->n; i++) {
		const struct line *l = &ls->v[i];
		if (l->len == 0 || ls->v[i + 1].len == 0)
			continue;
		if (l->len * 10 >= longest * 6 &&
		    !S_ends_sentence((struct slice){ t + l->off, l->len }))
			open++;
	}
	return blank > 0 && longest <= 100 && text >= 4 && open * 3 >= text;
}

static void
S_push_para(para_vec *ps, const char *t, size_t off, size_t end, int no)
{
	struct slice s = slice_trim((struct slice){ t + off, end - off });
	unsigned flags = 0;
	size_t bl = S_bullet_len(s.p, s.n);
	if (bl) {
		s.p += bl;
		s.n -= bl;
		s = slice_trim(s);
		flags |= PARA_BULLET;
	}
	if (s.n == 0)
		return;
	struct para p = { (size_t)(s.p - t), s.n, no, flags };
	VEC_PUSH(ps, p);
}

static void
S_paragraphs(const char *t, const line_vec *ls, size_t first, para_vec *ps)
{
	int wrapped = S_is_wrapped(t, ls, first);
	size_t i = first;
	while (i < ls->n) {
		const struct line *l = &ls->v[i];
		if (l->len == 0) {
			i++;
			continue;
		}
		size_t j = i + 1;
		if (wrapped)
			while (j < ls->n && ls->v[j].len > 0 &&
			    !S_bullet_len(t + ls->v[j].off, ls->v[j].len))
				j++;
		const struct line *e = &ls->v[j - 1];
		S_push_para(ps, t, l->off, e->off + e->len, l->no);
		i = j;
	}
}

/* Hard-wrapped paragraphs contain newlines: make them spaces so every
 * later stage sees one line of text per paragraph. */
static void
S_unwrap(char *t, const para_vec *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		for (size_t k = 0; k < ps->v[i].len; k++)
			if (t[ps->v[i].off + k] == '\n')
				t[ps->v[i].off + k] = ' ';
}

static int
S_same(const char *t, const struct para *a, const struct para *b)
{
	return a->len == b->len && memcmp(t + a->off, t + b->off, a->len) == 0;
}

/* Paragraphs seen so far, by content hash (open addressing): a repeated
 * paragraph (a title printed twice) is found in constant time. */
struct seen {
	size_t *slot;           /* index + 1 into the kept paragraphs, 0: empty */
	size_t cap;
};

/* Is p a repeat of a kept paragraph? If not, remember it as kept[k]. */
static int
S_seen(struct seen *h, const char *t, const struct para *kept, size_t k,
	const struct para *p)
{
	size_t i = text_hash(t + p->off, p->len) & (h->cap - 1);
	while (h->slot[i] != 0) {
		if (S_same(t, &kept[h->slot[i] - 1], p))
			return 1;
		i = (i + 1) & (h->cap - 1);
	}
	h->slot[i] = k + 1;
	return 0;
}

/* ---- classification ----------------------------------------------- */

typedef VEC(struct drop) drop_vec;

/* What the page said about the article, gathered while classifying. */
struct found {
	struct bdate pub, upd;      /* date lines: published (or bare), updated */
	int pub_line, upd_line;
	struct dateline dl;         /* the first paragraph's dateline */
	int dl_line;
	struct slice dl_text;       /* the dateline's own words */
	size_t dl_para;             /* its paragraph, among the kept ones */
};

static void
S_drop(struct doc *d, drop_vec *dv, const struct para *p, const char *rule)
{
	struct drop x = { p->line, rule, { d->text + p->off, p->len } };
	VEC_PUSH(dv, x);
	d->dropped++;
}

/* A paragraph that reads as a heading: no closing punctuation, or a
 * short question. */
static int
S_heading_like(struct slice s, const struct para *p)
{
	if (p->flags & PARA_BULLET || s.n > MAX_TITLE)
		return 0;
	return !S_ends_sentence(s) || (s.p[s.n - 1] == '?' && S_words(s) <= 12);
}

static struct slice
S_para_text(const struct doc *d, const struct para *p)
{
	return (struct slice){ d->text + p->off, p->len };
}

/* Metadata a line gave: the first date of each kind, byline, outlet. */
static void
S_note_meta(struct doc *d, struct found *f, const struct meta_line *ml,
	const struct para *p)
{
	if (ml->kind == MK_DATE && ml->date.prec == DP_NONE) {
		/* a date line whose date cannot be read */
	} else if (ml->kind == MK_DATE && !ml->updated && f->pub.prec == DP_NONE) {
		f->pub = ml->date;
		f->pub_line = p->line;
	} else if (ml->kind == MK_DATE && ml->updated && f->upd.prec == DP_NONE) {
		f->upd = ml->date;
		f->upd_line = p->line;
	}
	if (ml->byline.n > 0 && d->byline.n == 0)
		d->byline = ml->byline;
	if (ml->outlet.n > 0 && d->outlet.n == 0)
		d->outlet = ml->outlet;
}

/* The link list after a list head at ps[i]: headline-like lines and the
 * furniture among them. Returns the index after it. */
static size_t
S_link_list(struct doc *d, para_vec *ps, size_t i, drop_vec *dv)
{
	size_t j = i + 1;
	S_drop(d, dv, &ps->v[i], "link-list");
	while (j < ps->n && j - i <= 30) {
		const struct para *q = &ps->v[j];
		struct slice t = S_para_text(d, q);
		struct meta_line ml;
		meta_line(t.p, t.n, 0, &ml);
		if (ml.kind == MK_COMMENTS)
			break;
		if (ml.kind == MK_TEXT && !meta_link_like(t.p, t.n))
			break;
		S_drop(d, dv, q, ml.kind == MK_TEXT || ml.kind == MK_LIST_HEAD ?
		    "link-list" : ml.rule);
		j++;
	}
	return j;
}

/* A run of three or more headline-like lines of 6+ words each: a list
 * of links without a head. Returns the run's length. */
static size_t
S_headless_list(const struct doc *d, const para_vec *ps, size_t i)
{
	size_t j = i;
	while (j < ps->n) {
		const struct para *q = &ps->v[j];
		struct slice t = S_para_text(d, q);
		size_t w = S_words(t);
		if ((q->flags & PARA_BULLET) || w < 6 || !meta_link_like(t.p, t.n) ||
		    !S_heading_like(t, q))
			break;
		j++;
	}
	return j - i >= 3 ? j - i : 0;
}

/* A short line before the title whose next line is the headline: a
 * section label ("World", "Defence Pacts"). */
static int
S_head_label(const struct doc *d, const para_vec *ps, size_t i)
{
	struct slice t = S_para_text(d, &ps->v[i]);
	if (i + 1 >= ps->n || S_words(t) > 3 || !S_heading_like(t, &ps->v[i]))
		return 0;
	struct slice nx = S_para_text(d, &ps->v[i + 1]);
	struct meta_line ml;
	meta_line(nx.p, nx.n, META_HEAD, &ml);
	return ml.kind == MK_TEXT && S_heading_like(nx, &ps->v[i + 1]) &&
	    S_words(nx) >= 3 && S_words(nx) > S_words(t);
}

/* An all-caps line at the head, with a headline after it: the
 * publication's masthead ("THE HARBOUR TIMES"). */
static int
S_masthead(const struct doc *d, const para_vec *ps, size_t i)
{
	struct slice t = S_para_text(d, &ps->v[i]);
	size_t lower = 0, upper = 0;
	if (S_words(t) > 6 || !S_heading_like(t, &ps->v[i]))
		return 0;
	for (size_t k = 0; k < t.n; k++) {
		lower += islower((unsigned char)t.p[k]) != 0;
		upper += isupper((unsigned char)t.p[k]) != 0;
	}
	if (lower > 0 || upper < 2)
		return 0;
	for (size_t j = i + 1; j < ps->n && j <= i + 4; j++) {
		struct slice nx = S_para_text(d, &ps->v[j]);
		struct meta_line ml;
		meta_line(nx.p, nx.n, META_HEAD, &ml);
		if (ml.kind != MK_TEXT)
			continue;
		return S_heading_like(nx, &ps->v[j]) && S_words(nx) >= 3;
	}
	return 0;
}

/* A bare name of two or three capitalised words between the headline
 * and the text: the author's ("Nandini Kapoor"). */
static int
S_name_line(const struct doc *d, const struct para *p)
{
	struct slice t = S_para_text(d, p);
	size_t w = S_words(t), lower = 0;
	if (w < 2 || w > 3 || t.n > 40 || !S_heading_like(t, p))
		return 0;
	for (size_t i = 0; i < t.n; i++) {
		unsigned char c = (unsigned char)t.p[i];
		if (c == ' ') {
			if (i + 1 < t.n && !isupper((unsigned char)t.p[i + 1]))
				return 0;
		} else if (!isalpha(c) && c != '.' && c != '-' && c != '\'') {
			return 0;
		}
		lower += islower(c) != 0;
	}
	return isupper((unsigned char)t.p[0]) && lower > 0;
}

/* Drop metadata, furniture, link lists, repeats and the comment
 * section; strip a dateline; flag title, dek and headings. */
static void
S_classify(struct doc *d, para_vec *ps, drop_vec *dv, struct found *f)
{
	size_t i, k = 0;
	int ntext = 0;
	struct seen h = { NULL, 16 };

	while (h.cap < 2 * ps->n)
		h.cap *= 2;
	h.slot = xcalloc(h.cap, sizeof *h.slot);
	for (i = 0; i < ps->n; i++) {
		struct para *p = &ps->v[i];
		struct slice s = S_para_text(d, p);
		struct meta_line ml;
		size_t run;
		meta_line(s.p, s.n, ntext < 2 ? META_HEAD : 0, &ml);
		if (ml.kind == MK_COMMENTS && ntext > 0) {
			for (; i < ps->n; i++)
				S_drop(d, dv, &ps->v[i], "comments");
			break;
		}
		if (ml.kind == MK_LIST_HEAD) {
			i = S_link_list(d, ps, i, dv) - 1;
			continue;
		}
		S_note_meta(d, f, &ml, p);
		if (ml.credit_only && k > 0 && ps->v[k - 1].line + 1 >= p->line - 1 &&
		    !(ps->v[k - 1].flags & PARA_TITLE) && ntext > 0 &&
		    S_words(S_para_text(d, &ps->v[k - 1])) <= 35) {
			/* "Photo: Reuters" under a line: that line is its caption */
			S_drop(d, dv, &ps->v[k - 1], "caption");
			if (f->dl.len > 0 && f->dl_para == k - 1)
				f->dl_para = (size_t)-1;
			if (!(ps->v[k - 1].flags & (PARA_HEADING | PARA_BULLET)))
				ntext--;
			k--;
		}
		if (ml.kind == MK_DATE && ml.rest > 0 && ml.rest < p->len) {
			/* "date 2025-12-05 Text ...": the marker goes */
			struct drop x = { p->line, "date-line", { s.p, ml.rest } };
			VEC_PUSH(dv, x);
			p->off += ml.rest;
			p->len -= ml.rest;
			s = S_para_text(d, p);
		} else if (ml.kind != MK_TEXT) {
			S_drop(d, dv, p, ml.rule);
			continue;
		}
		if (!S_has_letter(s)) {
			S_drop(d, dv, p, "no-words");
			continue;
		}
		if (S_seen(&h, d->text, ps->v, k, p)) {
			S_drop(d, dv, p, "repeat");
			continue;
		}
		if (k == 0 && ntext == 0 && S_masthead(d, ps, i)) {
			if (d->outlet.n == 0)
				d->outlet = s;
			S_drop(d, dv, p, "masthead");
			continue;
		}
		if (k == 0 && ntext == 0 && S_head_label(d, ps, i)) {
			S_drop(d, dv, p, "label");
			continue;
		}
		if (k > 0 && ntext == 0 && S_name_line(d, &ps->v[i])) {
			if (d->byline.n == 0)
				d->byline = s;
			S_drop(d, dv, p, "byline");
			continue;
		}
		if (ntext > 0 && (run = S_headless_list(d, ps, i)) > 0) {
			for (size_t r = 0; r < run; r++)
				S_drop(d, dv, &ps->v[i + r], "link-list");
			i += run - 1;
			continue;
		}
		if (S_heading_like(s, p)) {
			p->flags |= PARA_HEADING;
		} else if (ntext < 2 && f->dl.len == 0 &&
		    meta_dateline(s.p, s.n, ntext > 0, &f->dl)) {
			struct drop x = { p->line, "dateline", { s.p, f->dl.len } };
			VEC_PUSH(dv, x);
			f->dl_line = p->line;
			f->dl_text = x.text;
			f->dl_para = k;
			p->off += f->dl.len;
			p->len -= f->dl.len;
		}
		if (!(p->flags & (PARA_HEADING | PARA_BULLET)))
			ntext++;
		ps->v[k++] = *p;
	}
	free(h.slot);
	ps->n = k;
	if (k > 0 && (ps->v[0].flags & PARA_HEADING) && S_words((struct slice){
	    d->text + ps->v[0].off, ps->v[0].len }) >= 3) {
		ps->v[0].flags |= PARA_TITLE;
		if (d->title.n == 0)
			d->title = (struct slice){ d->text + ps->v[0].off, ps->v[0].len };
		if (k > 1 && !(ps->v[1].flags & (PARA_HEADING | PARA_BULLET)))
			ps->v[1].flags |= PARA_DEK;
	}
}

/* ---- the article's date -------------------------------------------- */

/* A date in a URL: ".../2025/12/05/...", "...-2025-12-05-...",
 * ".../20251205...", else a year ".../2025/...". */
static int
S_url_date(struct slice u, struct bdate *out)
{
	for (size_t i = 0; i + 4 <= u.n; i++) {
		const char *q = u.p + i;
		if (!(q[0] == '1' || q[0] == '2') || (i > 0 && isdigit((unsigned char)q[-1])))
			continue;
		size_t nd = 0;
		while (i + nd < u.n && isdigit((unsigned char)q[nd]))
			nd++;
		int y = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 +
		    (q[3] - '0');
		if (nd < 4 || y < 1990 || y > 2100)
			continue;
		if (nd == 8) {
			char t[9];
			memcpy(t, q, 8);
			t[8] = '\0';
			int m = (t[4] - '0') * 10 + t[5] - '0', dd = (t[6] - '0') * 10 + t[7] - '0';
			if (m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
				*out = (struct bdate){ y, m, dd, DP_DAY };
				return 1;
			}
		}
		if (nd != 4 || i + 4 >= u.n || (q[4] != '/' && q[4] != '-'))
			continue;
		char sep = q[4];
		if (i + 10 <= u.n && isdigit((unsigned char)q[5]) &&
		    isdigit((unsigned char)q[6]) && q[7] == sep &&
		    isdigit((unsigned char)q[8]) && isdigit((unsigned char)q[9]) &&
		    (i + 10 == u.n || !isdigit((unsigned char)q[10]))) {
			int m = (q[5] - '0') * 10 + q[6] - '0', dd = (q[8] - '0') * 10 + q[9] - '0';
			if (m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
				*out = (struct bdate){ y, m, dd, DP_DAY };
				return 1;
			}
		}
		if (sep == '/' && i > 0 && q[-1] == '/') {
			*out = (struct bdate){ y, 0, 0, DP_YEAR };
			return 1;
		}
	}
	return 0;
}

/* One of the article's own dates with a year: evidence for the year of
 * a dateline's month-day. */
struct S_evid {
	long a, b;              /* its first and last day */
	int y, prec;
	int tense;              /* -1 told as past, +1 as future, 0 */
	int since;              /* "since …": where a span began, not news */
	int attrib;             /* "the March 2024 talks": no tense of its own */
	int lead;               /* in the dateline's paragraph: the news */
};
typedef VEC(struct S_evid) evid_vec;

static int
S_month_days(int y, int m)
{
	return (int)(bdate_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
	    bdate_days(y, m, 1));
}

/* Is the word ending at s[e] (before a '.') an abbreviation: a short
 * capitalised word ("Feb", "Dr") or a letter of initials ("U.S")? */
static int
S_abbrev_before(const char *s, size_t e)
{
	size_t b = e;
	while (b > 0 && isalpha((unsigned char)s[b - 1]))
		b--;
	if (e == b)
		return 0;
	if (b > 0 && s[b - 1] == '.')
		return 1;
	return e - b <= 4 && isupper((unsigned char)s[b]) &&
		(e - b <= 3 || s[b + 1] == 'e');    /* "Sept", not "Oslo" */
}

/* A sentence end at s[i]: '.', '!' or '?' then a space and a capital or
 * a quotation mark, not after an abbreviation. */
static int
S_sentence_end_at(const char *s, size_t n, size_t i)
{
	if ((s[i] != '.' && s[i] != '!' && s[i] != '?') || i + 2 >= n ||
	    s[i + 1] != ' ')
		return 0;
	unsigned char c = (unsigned char)s[i + 2];
	if (!isupper(c) && c != '"' && c != 0xE2)
		return 0;
	return s[i] != '.' || !S_abbrev_before(s, i);
}

/* The sentence of paragraph t[0..n) that holds t[off..end), near enough
 * for reading a clause's tense (the segmenter runs later). */
static struct slice
S_sentence_around(const char *t, size_t n, size_t off, size_t end, size_t *at)
{
	size_t a = off, b = end;
	while (a > 0 && !(a >= 2 && S_sentence_end_at(t, n, a - 2)))
		a--;
	while (b < n && !S_sentence_end_at(t, n, b))
		b++;
	if (b < n)
		b++;
	*at = a;
	return (struct slice){ t + a, b - a };
}

/* Does "since" open the clause of the mention at s[off]: no comma or
 * semicolon between? */
static int
S_since_before(const char *s, size_t off)
{
	size_t i = off;
	while (i > 0 && s[i - 1] != ',' && s[i - 1] != ';' && off - i < 160) {
		i--;
		if ((i == 0 || !isalpha((unsigned char)s[i - 1])) &&
		    off - i >= 5 && tolower((unsigned char)s[i]) == 's' &&
		    memcmp(s + i + 1, "ince", 4) == 0 &&
		    !isalpha((unsigned char)s[i + 5]))
			return 1;
	}
	return 0;
}

/* The article's dates that carry a year (not relative, not inferred),
 * each with its clause's tense. */
static void
S_evidence(const struct doc *d, const para_vec *ps, size_t lead,
	evid_vec *ev)
{
	for (size_t i = 0; i < ps->n; i++) {
		const char *t = d->text + ps->v[i].off;
		size_t n = ps->v[i].len;
		struct date_mention dm[16];
		size_t nm = dates_find(t, n, NULL, dm, 16);
		for (size_t j = 0; j < nm; j++) {
			const struct date_mention *x = &dm[j];
			if (x->date.y == 0 || x->end.y == 0 ||
			    (x->flags & (DM_RELATIVE | DM_YEAR_INFERRED)))
				continue;
			struct S_evid e = { 0 };
			int m1 = x->date.prec >= DP_MONTH ? x->date.m : 1;
			int d1 = x->date.prec == DP_DAY ? x->date.d : 1;
			int m2 = x->end.prec >= DP_MONTH ? x->end.m : 12;
			int d2 = x->end.prec == DP_DAY ? x->end.d :
			    S_month_days(x->end.y, m2);
			e.a = bdate_days(x->date.y, m1, d1);
			e.b = bdate_days(x->end.y, m2, d2);
			e.y = x->date.y;
			e.prec = (int)x->date.prec;
			e.attrib = (x->flags & DM_ATTRIB) != 0;
			e.lead = i == lead;
			size_t at;
			struct slice sn = S_sentence_around(t, n, x->off,
			    x->off + x->len, &at);
			e.tense = dates_tense(sn.p, sn.n, x->off - at,
			    x->off + x->len - at);
			e.since = S_since_before(sn.p, x->off - at);
			VEC_PUSH(ev, e);
		}
	}
}

/* A weekday the lead gives a month-day: "on Wednesday (March 12)". */
struct S_wday {
	int m, d, wd;           /* wd: 0 = Monday */
};

/* The weekdays that the dateline or its paragraph gives month-days:
 * "SEOUL, Wednesday, March 12 (Reuters)", "… ratified the pact on
 * Wednesday (March 12)", "… entered into force on Tuesday (July 1)".
 * Up to max; returns how many. */
static size_t
S_lead_weekdays(const struct doc *d, const para_vec *ps,
	const struct found *f, struct S_wday *out, size_t max)
{
	struct slice part[2] = { f->dl_text, { NULL, 0 } };
	size_t n = 0;
	if (f->dl_para < ps->n)
		part[1] = (struct slice){ d->text + ps->v[f->dl_para].off,
		    ps->v[f->dl_para].len };
	for (int k = 0; k < 2; k++) {
		struct date_mention dm[16];
		size_t nm = part[k].n > 0 ?
		    dates_find(part[k].p, part[k].n, NULL, dm, 16) : 0;
		for (size_t j = 0; j < nm && n < max; j++) {
			const char *w = part[k].p + dm[j].off;
			size_t wl = 0;
			if (dm[j].date.prec != DP_DAY || (dm[j].flags & DM_RANGE))
				continue;
			while (wl < dm[j].len && isalpha((unsigned char)w[wl]))
				wl++;
			int wd = wl >= 3 ? lex_weekday_prefix(w, wl) : 0;
			if (wd > 0)
				out[n++] = (struct S_wday){ dm[j].date.m, dm[j].date.d,
				    wd - 1 };
		}
	}
	return n;
}

/* Does year y of the dateline's day (at: its days) agree with the
 * lead's weekdays w[0..n): each month-day, in the year that puts it
 * nearest the dateline's day, falls on its weekday? 1: yes, 0: no, -1:
 * none of them lies between 60 days before and 30 after the day, so
 * they say nothing. */
static int
S_weekdays_fit(const struct S_wday *w, size_t n, int y, long at)
{
	int said = -1;
	for (size_t k = 0; k < n; k++) {
		long best = 0, dist = -1;
		int by = 0;
		for (int y2 = y - 1; y2 <= y + 1; y2++) {
			if (w[k].d > S_month_days(y2, w[k].m))
				continue;
			long v = bdate_days(y2, w[k].m, w[k].d);
			long dv = v > at ? v - at : at - v;
			if (dist < 0 || dv < dist)
				dist = dv, best = v, by = y2;
		}
		if (dist < 0 || best < at - 60 || best > at + 30)
			continue;
		if (bdate_weekday(by, w[k].m, w[k].d) != w[k].wd)
			return 0;
		said = 1;
	}
	return said;
}

/* The year of a dateline's month m, day dd from the article's own dates
 * (docs/ingest.md). A year is ruled out when a date told as past falls
 * after that day, or one told as future before it. A weekday the lead
 * gives that day, or another near it ("on Tuesday (July 1)" under
 * "Jul 6"), keeps only the years it falls on in; when that leaves one
 * year of those the article's dates span, it is the year. Otherwise the
 * year must be the only one with a date between 60 days before and 30
 * after the day: a day date, or a month not told as past outside the
 * lead ("in June 2019" further down is background), never one after
 * "since". 0 when no year or several fit: a wrong date is worse than
 * none. */
static int
S_year_near(const struct doc *d, const para_vec *ps, const struct found *f,
	int m, int dd)
{
	evid_vec ev = { 0 };
	int lo = 0, hi = 0, pick = 0, npick = 0, wpick = 0, nweek = 0;
	S_evidence(d, ps, f->dl_para, &ev);
	for (size_t i = 0; i < ev.n; i++) {
		if (lo == 0 || ev.v[i].y < lo)
			lo = ev.v[i].y;
		if (ev.v[i].y > hi)
			hi = ev.v[i].y;
	}
	struct S_wday wk[8];
	size_t nwk = ev.n > 0 ? S_lead_weekdays(d, ps, f, wk, 8) : 0;
	int fit = -1;
	for (int y = lo - 1; ev.n > 0 && y <= hi + 1; y++) {
		if (dd > S_month_days(y, m))
			continue;
		long at = bdate_days(y, m, dd);
		if ((fit = S_weekdays_fit(wk, nwk, y, at)) == 0)
			continue;
		int ruled_out = 0, near = 0;
		for (size_t i = 0; i < ev.n && !ruled_out; i++) {
			const struct S_evid *e = &ev.v[i];
			if (e->prec < DP_MONTH)
				continue;
			if (!e->attrib && ((e->tense < 0 && e->a > at) ||
			    (e->tense > 0 && e->b < at)))
				ruled_out = 1;
			long v = e->prec == DP_DAY ? e->a : e->a + 14;
			if (v < at - 60 || v > at + 30 || e->since ||
			    (e->prec == DP_MONTH && e->tense < 0 && !e->attrib &&
			    !e->lead))
				continue;
			near = 1;
		}
		if (ruled_out)
			continue;
		if (fit > 0)
			nweek++, wpick = y;
		if (near)
			npick++, pick = y;
	}
	VEC_FREE(&ev);
	if (nweek == 1)
		return wpick;
	return npick == 1 ? pick : 0;
}

/* The year for a dateline's month-day: nearest to (not after) a known
 * date, else the URL's year, else the article's own dates near it. */
static int
S_dateline_year(const struct doc *d, const para_vec *ps, const struct found *f,
	const struct bdate *dl, const struct bdate *near)
{
	struct bdate u;
	if (near->prec == DP_DAY && near->y != 0) {
		long r = bdate_days(near->y, near->m, near->d);
		return bdate_days(near->y, dl->m, dl->d) <= r ? near->y : near->y - 1;
	}
	if (S_url_date(d->url, &u))
		return u.y;
	return S_year_near(d, ps, f, dl->m, dl->d);
}

static void
S_article_date(struct doc *d, const para_vec *ps, const struct found *f)
{
	struct bdate u;
	if (d->date.prec != DP_NONE) {
		d->date_src = DS_HEADER;
		return;
	}
	if (f->pub.prec != DP_NONE) {
		d->date = f->pub;
		d->date_src = DS_DATE_LINE;
		d->date_line = f->pub_line;
	} else if (f->upd.prec != DP_NONE) {
		d->date = f->upd;
		d->date_src = DS_UPDATED;
		d->date_line = f->upd_line;
	} else if (f->dl.len > 0 && f->dl.date.prec == DP_DAY) {
		struct bdate x = f->dl.date;
		if (x.y == 0)
			x.y = S_dateline_year(d, ps, f, &x, &f->pub);
		if (x.y != 0 && x.d <= 31) {
			d->date = x;
			d->date_src = DS_DATELINE;
			d->date_line = f->dl_line;
		}
	}
	if (d->date.prec == DP_NONE && S_url_date(d->url, &u) && u.prec == DP_DAY) {
		d->date = u;
		d->date_src = DS_URL;
	}
	if (f->dl.len > 0) {
		d->place = f->dl.place;
		if (d->outlet.n == 0 && f->dl.agency.n > 0)
			d->outlet = f->dl.agency;
	}
}

const char *
ingest_date_source(enum date_source s)
{
	switch (s) {
	case DS_HEADER: return "header";
	case DS_DATE_LINE: return "date line";
	case DS_UPDATED: return "updated line";
	case DS_DATELINE: return "dateline";
	case DS_URL: return "url";
	default: return "none";
	}
}

/* ---- entry points ------------------------------------------------- */

static const char *
S_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int
ingest_mem(struct arena *a, const char *name, const char *p, size_t n,
	struct doc *d, const struct brief_diag *diag, struct brief_err *err)
{
	struct buf b = { 0 };
	line_vec ls = { 0 };
	para_vec ps = { 0 };
	drop_vec dv = { 0 };
	shift_vec sv = { 0 };
	struct found f;
	size_t first = 0;
	int rc = -1;

	memset(d, 0, sizeof *d);
	memset(&f, 0, sizeof f);
	d->path = arena_strndup(a, name, strlen(name));
	d->name = S_basename(d->path);
	if (n > MAX_ARTICLE) {
		brief_fail(err, "ingest", name, 0, "file too large (%zu bytes)", n);
		goto out;
	}
	if (S_binary(p, n)) {
		brief_fail(err, "ingest", name, 0, "binary file, not text");
		goto out;
	}
	d->cp1252 = S_looks_cp1252(p, n);
	if (d->cp1252)
		brief_warn(diag, name, 0, "not UTF-8: read as Windows-1252");
	S_decode(name, p, n, &b, &sv, d->cp1252, diag);
	buf_cstr(&b);
	d->len = b.n;
	d->text = arena_adopt(a, b.p);   /* no copy of a large article */
	b.p = NULL;
	b.n = b.cap = 0;
	if (sv.n > 0) {
		d->shift = arena_alloc(a, sv.n * sizeof *d->shift);
		memcpy(d->shift, sv.v, sv.n * sizeof *d->shift);
		d->nshift = sv.n;
	}
	S_split_lines(d->text, d->len, &ls);
	while (first < ls.n && ls.v[first].len > 0 &&
	    S_header_line(d->text, &ls.v[first], d))
		first++;
	S_paragraphs(d->text, &ls, first, &ps);
	S_unwrap(d->text, &ps);
	S_classify(d, &ps, &dv, &f);
	S_article_date(d, &ps, &f);
	if (dv.n > 0) {
		d->drops = arena_alloc(a, dv.n * sizeof *d->drops);
		memcpy(d->drops, dv.v, dv.n * sizeof *d->drops);
		d->ndrops = dv.n;
	}
	if (ps.n == 0) {
		brief_fail(err, "ingest", name, 0, "no article text");
		goto out;
	}
	d->para = arena_alloc(a, ps.n * sizeof *d->para);
	memcpy(d->para, ps.v, ps.n * sizeof *d->para);
	d->npara = ps.n;
	rc = 0;
out:
	buf_free(&b);
	VEC_FREE(&ls);
	VEC_FREE(&ps);
	VEC_FREE(&dv);
	VEC_FREE(&sv);
	return rc;
}

size_t
ingest_file_offset(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nshift;

	while (lo < hi) {   /* the last shift at or before off */
		size_t mid = (lo + hi) / 2;

		if (d->shift[mid].text <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return off;
	return d->shift[lo - 1].raw + (off - d->shift[lo - 1].text);
}

int
ingest_file(struct arena *a, const char *path, struct doc *d,
	const struct brief_diag *diag, struct brief_err *err)
{
	char *p;
	size_t n;
	struct buf text = { 0 }, utf8 = { 0 };
	shift_vec sv = { 0 };
	enum source_form form;
	int rc;

	if (file_read(path, &p, &n, err) != 0)
		return -1;
	form = convert_form(path, p, n);
	if (form == SF_TEXT) {
		rc = ingest_mem(a, path, p, n, d, diag, err);
		free(p);
		return rc;
	}
	if (S_looks_cp1252(p, n)) {   /* the converters read UTF-8 */
		brief_warn(diag, path, 0, "not UTF-8: read as Windows-1252");
		S_decode(path, p, n, &utf8, &sv, 1, diag);
		free(p);
		p = xstrndup(utf8.p, utf8.n);
		n = utf8.n;
	}
	rc = form == SF_HTML ? convert_html(path, p, n, &text, err) :
		convert_markdown(path, p, n, &text, err);
	if (rc == 0)
		rc = ingest_mem(a, path, text.p, text.n, d, diag, err);
	if (rc == 0) {
		d->form = (int)form;
		d->cp1252 = utf8.n > 0;
	}
	free(p);
	buf_free(&text);
	buf_free(&utf8);
	VEC_FREE(&sv);
	return rc;
}
