/*
 * ingest.c -- read one article: decode, clean, header fields,
 * paragraphs, title, boilerplate removal.
 *
 * Decoding keeps the line structure of the file (only a BOM and CR bytes
 * go), so every paragraph keeps the line it came from. Invalid UTF-8 and
 * control bytes become U+FFFD with a warning naming file:line.
 */
#include "brief/ingest.h"
#include "brief/text.h"

#include <ctype.h>
#include <string.h>
#include <unicode/utf8.h>

#define MAX_ARTICLE (64u << 20)  /* refuse inputs over 64 MiB */
#define MAX_TITLE 250            /* bytes; a longer first line is text */

/* ---- decoding ------------------------------------------------------ */

static void
S_put_fffd(struct buf *b)
{
	buf_put(b, "\xEF\xBF\xBD", 3);
}

/* Decode p[0..n) into b: BOM stripped, CRLF/CR -> LF, invalid UTF-8 and
 * C0 controls other than LF and TAB -> U+FFFD, TAB -> space. */
static void
S_decode(const char *name, const char *p, size_t n, struct buf *b,
	const struct brief_diag *diag)
{
	int32_t i = 0, len = (int32_t)n;
	int line = 1, warned_line = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	buf_grow(b, n);
	while (i < len) {
		int32_t start = i;
		UChar32 c;
		U8_NEXT(p, i, len, c);
		if (c == '\r') {
			if (i < len && p[i] == '\n')
				continue;
			c = '\n';
		}
		if (c == '\n') {
			buf_putc(b, '\n');
			line++;
		} else if (c == '\t') {
			buf_putc(b, ' ');
		} else if (c < 0 || c < 0x20 || c == 0x7F) {
			S_put_fffd(b);
			if (warned_line != line) {
				brief_warn(diag, name, line,
				    "invalid or control byte replaced by U+FFFD");
				warned_line = line;
			}
		} else {
			buf_put(b, p + start, (size_t)(i - start));
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
	default: break;   /* author/byline: accepted, not used yet */
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
		size_t m = strlen(marks[k]);
		if (n > m + 1 && memcmp(p, marks[k], m) == 0 &&
		    (p[m] == ' ' || ((unsigned char)p[m] == 0xC2 &&
		    (unsigned char)p[m + 1] == 0xA0)))
			return m + (p[m] == ' ' ? 1 : 2);
	}
	return 0;
}

/* Does s end a sentence: . ! ? … or one of those before closing quotes
 * or brackets? */
static int
S_ends_sentence(struct slice s)
{
	while (s.n > 0) {
		unsigned char c = (unsigned char)s.p[s.n - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']')
			s.n--;
		else if (s.n >= 3 && (unsigned char)s.p[s.n - 3] == 0xE2 &&
		    (unsigned char)s.p[s.n - 2] == 0x80 &&
		    ((unsigned char)s.p[s.n - 1] == 0x9D ||
		    (unsigned char)s.p[s.n - 1] == 0x99))
			s.n -= 3;   /* ” or ’ */
		else
			break;
	}
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

static int
S_has_letter(struct slice s)
{
	for (size_t i = 0; i < s.n; i++)
		if (isalpha((unsigned char)s.p[i]) || (unsigned char)s.p[i] >= 0xC3)
			return 1;
	return 0;
}

/* Case-folded, punctuation-free comparison key of a short line. */
static void
S_fold(struct slice s, char *out, size_t cap)
{
	size_t j = 0;
	for (size_t i = 0; i < s.n && j + 1 < cap; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (isalnum(c))
			out[j++] = (char)tolower(c);
		else if ((c == ' ' || c == '-') && j > 0 && out[j - 1] != ' ')
			out[j++] = ' ';
	}
	while (j > 0 && out[j - 1] == ' ')
		j--;
	out[j] = '\0';
}

/* Page furniture: navigation, logos, share and comment widgets. These are
 * web-page conventions, not article content. Each entry matches the
 * whole (folded) paragraph. */
static const char *const furniture[] = {
	"logo", "top", "back to top", "menu", "home", "search", "share",
	"share this", "share this article", "share this story", "tweet",
	"print", "email", "advertisement", "sponsored", "related",
	"related articles", "related posts", "read more", "read also",
	"see also", "comments", "comment", "leave a comment",
	"leave your comment", "leave a reply", "post a comment", "reply",
	"subscribe", "sign up", "log in", "login", "follow us", "newsletter",
	"skip to content", "skip to main content", "previous article",
	"next article", "previous post", "next post", "tags", "loading",
	"cancel reply", "post comment", "submit", "like this", "photo",
	"image", "video", "listen", "listen to this article",
};

/* Phrases that mark the start of a comment form or footer: the
 * paragraph and everything after it are not article text. */
static const char *const footer_start[] = {
	"leave a reply", "leave your comment", "leave a comment",
	"post a comment", "comments", "your email address will not be published",
	"you must be logged in to post a comment", "related articles",
	"related posts", "read more", "more from",
};

static int
S_in_list(const char *key, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(key, list[k]) == 0)
			return 1;
	return 0;
}

static int
S_has_prefix(const char *key, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		size_t m = strlen(list[k]);
		if (strncmp(key, list[k], m) == 0 && (key[m] == '\0' || key[m] == ' '))
			return 1;
	}
	return 0;
}

int
ingest_is_boilerplate(const char *p, size_t n)
{
	char key[96];
	struct slice s = slice_trim((struct slice){ p, n });
	if (s.n == 0 || !S_has_letter(s))
		return 1;
	if (s.n > 200)
		return 0;
	S_fold(s, key, sizeof key);
	if (S_in_list(key, furniture, sizeof furniture / sizeof *furniture))
		return 1;
	if (strstr(key, "email address will not be published") ||
	    strstr(key, "required fields are marked") ||
	    strstr(key, "all rights reserved") ||
	    strncmp(key, "share on ", 9) == 0 || strncmp(key, "follow us on ", 13) == 0 ||
	    strncmp(key, "click here", 10) == 0 || strncmp(key, "copyright ", 10) == 0)
		return 1;
	return 0;
}

static int
S_is_footer_start(struct slice s)
{
	char key[96];
	if (s.n > 200)
		return 0;
	S_fold(s, key, sizeof key);
	if (strstr(key, "email address will not be published"))
		return 1;
	if (s.n > 80 || S_ends_sentence(s))
		return 0;
	return S_has_prefix(key, footer_start,
	    sizeof footer_start / sizeof *footer_start);
}

/* ---- paragraphs --------------------------------------------------- */

typedef VEC(struct para) para_vec;

/* Hard-wrapped files (lines broken at a fixed width, blank lines between
 * paragraphs) join their lines; otherwise every line is a paragraph. */
static int
S_is_wrapped(const char *t, const line_vec *ls, size_t first)
{
	size_t blank = 0, text = 0, open = 0, longest = 0;
	for (size_t i = first; i < ls->n; i++) {
		const struct line *l = &ls->v[i];
		if (l->len == 0) {
			blank++;
			continue;
		}
		text++;
		if (l->len > longest)
			longest = l->len;
		/* a line that stops mid-sentence and runs on in the next line */
		if (i + 1 < ls->n && ls->v[i + 1].len > 0 &&
		    !S_ends_sentence((struct slice){ t + l->off, l->len }))
			open++;
	}
	return blank > 0 && longest <= 100 && text >= 4 && open * 2 >= text;
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

/* Drop furniture, repeats and the comment footer; flag title, dek and
 * headings. */
static void
S_classify(struct doc *d, para_vec *ps)
{
	size_t i, k = 0;
	int seen_text = 0;
	struct seen h = { NULL, 16 };

	while (h.cap < 2 * ps->n)
		h.cap *= 2;
	h.slot = xcalloc(h.cap, sizeof *h.slot);
	for (i = 0; i < ps->n; i++) {
		struct para *p = &ps->v[i];
		struct slice s = { d->text + p->off, p->len };
		if (S_is_footer_start(s) && seen_text) {
			d->dropped += ps->n - i;
			break;
		}
		if (ingest_is_boilerplate(s.p, s.n) || S_seen(&h, d->text, ps->v, k, p)) {
			d->dropped++;
			continue;
		}
		if (!S_ends_sentence(s) || (s.p[s.n - 1] == '?' && S_words(s) <= 12))
			if (!(p->flags & PARA_BULLET) && s.n <= MAX_TITLE)
				p->flags |= PARA_HEADING;
		if (!(p->flags & PARA_HEADING))
			seen_text = 1;
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
	size_t first = 0;
	int rc = -1;

	memset(d, 0, sizeof *d);
	d->path = arena_strndup(a, name, strlen(name));
	d->name = S_basename(d->path);
	if (n > MAX_ARTICLE) {
		brief_fail(err, "ingest", name, 0, "file too large (%zu bytes)", n);
		goto out;
	}
	if (memchr(p, '\0', n < 4096 ? n : 4096) && n > 0) {
		brief_fail(err, "ingest", name, 0, "binary file, not text");
		goto out;
	}
	S_decode(name, p, n, &b, diag);
	d->text = arena_strndup(a, b.p, b.n);
	d->len = b.n;
	S_split_lines(d->text, d->len, &ls);
	while (first < ls.n && ls.v[first].len > 0 &&
	    S_header_line(d->text, &ls.v[first], d))
		first++;
	S_paragraphs(d->text, &ls, first, &ps);
	S_unwrap(d->text, &ps);
	S_classify(d, &ps);
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
	return rc;
}

int
ingest_file(struct arena *a, const char *path, struct doc *d,
	const struct brief_diag *diag, struct brief_err *err)
{
	char *p;
	size_t n;
	if (file_read(path, &p, &n, err) != 0)
		return -1;
	int rc = ingest_mem(a, path, p, n, d, diag, err);
	free(p);
	return rc;
}
