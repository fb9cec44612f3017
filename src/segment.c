/*
 * segment.c -- paragraphs into sentences.
 *
 * ICU's sentence break iterator (UAX #29) proposes boundaries over a
 * UTF-16 copy of the text; a UTF-16 -> UTF-8 offset map brings them back
 * to byte offsets. An abbreviation layer then decides, per boundary,
 * whether it stands:
 *
 *   - next word starts lower-case            -> no boundary ("?” he asked")
 *   - token before is a title or e.g./i.e.   -> no boundary ("Dr. Rao")
 *   - token is No./Fig./Rs. and a digit follows  -> no boundary ("No. 5")
 *   - token is U.S./Inc./etc./a month/an initial/a dotted acronym
 *                                            -> no boundary, unless the next
 *     word is a common sentence starter ("...from the U.S. The deal ...")
 *   - token is a free-standing "..."         -> no boundary (an elision)
 *   - "?”" / "!”" followed by a short attribution ("Peskov asked")
 *                                            -> no boundary
 * Two kinds of boundary ICU never proposes are added (and then go
 * through the same rules): after an attached "…" followed by space and a
 * capital ("He paused… Then"), as ICU does for "..."; and before a year
 * opening a sentence ("in 2018. 2019 saw"). Any other digit after ". "
 * continues the sentence ("No. 5 in", "rose 5. 4 units"), as ICU has it.
 *
 * The iterator is opened for plain "en", not "en@ss=standard": ICU's
 * suppression list both misses cases ("Dr. Rao" at the start of a text,
 * "Gen. Lee") and removes true boundaries this layer cannot restore
 * ("It is OK. The deal held.", "in Dec. The talks").
 */
#include "brief/segment.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#define SEG_LOCALE "en"
#define SEG_MAX_LEN ((size_t)INT32_MAX - 1) /* ICU indexes with int32_t */
#define ABBR_MAX 32     /* longest token looked up as an abbreviation */
#define LOOK_MAX 64     /* code points skipped looking for a word */
#define WORD_MAX 16     /* longest word compared with the word lists */

struct segmenter {
	UBreakIterator *bi;
	VEC(size_t) cut;        /* candidate boundaries, byte offsets */
	span_vec spans;         /* scratch for segment_doc */
};

/* ---- characters ---------------------------------------------------- */

static int
S_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ---- word lists lookups ---------------------------------------------- */

/* t in list l; an entry written in lower case also matches with its
 * first letter capitalised ("E.g.", "Etc."). */
static int
S_in_list(struct slice t, enum lex_list l)
{
	return lex_find(l, t.p, t.n, LEX_CAP) != 0;
}

/* "U.S.", "a.m.", "J.R.R.": two or more single letters, each dotted. */
static int
S_is_dotted(struct slice t)
{
	size_t i;
	if (t.n < 4 || t.n % 2 != 0)
		return 0;
	for (i = 0; i < t.n; i += 2) {
		unsigned char c = (unsigned char)t.p[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ||
		    t.p[i + 1] != '.')
			return 0;
	}
	return 1;
}

/* One capital letter and a period: "J.", "K.", "Ó.". */
static int
S_is_initial(struct slice t)
{
	size_t i = 0;
	UChar32 c = utf_next(t.p, t.n, &i);
	return u_isupper(c) && i + 1 == t.n && t.p[i] == '.';
}

enum { AB_NONE, AB_ALWAYS, AB_NUMBER, AB_ENDABLE, AB_ELISION };

/* The class of token t, which ends in '.'. The lists hold abbreviations
 * without that period; a month is endable when abbreviated ("Dec."),
 * not as a full name ("May."). */
static int
S_abbr_class(struct slice t)
{
	struct slice w = { t.p, t.n - 1 };
	int abbr;

	if (S_in_list(w, LEX_HONORIFIC_ABBR) || S_in_list(w, LEX_ABBR_NEVER_END))
		return AB_ALWAYS;
	if (S_in_list(w, LEX_ABBR_NUMBER))
		return AB_NUMBER;
	if (S_in_list(w, LEX_ABBR_ENDABLE) ||
	    (lex_month(w.p, w.n, LEX_CAP, &abbr) && abbr) || S_is_dotted(t) ||
	    S_is_initial(t))
		return AB_ENDABLE;
	if (slice_eq(t, "..."))
		return AB_ELISION;
	return AB_NONE;
}

/* ---- looking around a boundary --------------------------------------- */

/* The word after b: spaces and opening quotes/brackets skipped. first is
 * its first code point (-1 if none); w its ASCII letters (may be empty);
 * after the code point following them. */
struct word {
	UChar32 first, after;
	struct slice w;
};

static struct word
S_word_at(const char *p, size_t n, size_t b)
{
	struct word r = { -1, -1, { p + b, 0 } };
	size_t i = b, k, j;
	UChar32 c = -1;
	for (k = 0; k < LOOK_MAX; k++) {
		j = i;
		c = utf_next(p, n, &i);
		if (!utf_is_space(c) && !utf_is_opening(c)) {
			i = j;
			break;
		}
	}
	r.first = c;
	r.w.p = p + i;
	while (i < n && r.w.n <= WORD_MAX && ((p[i] >= 'A' && p[i] <= 'Z') ||
	    (p[i] >= 'a' && p[i] <= 'z'))) {
		r.w.n++;
		i++;
	}
	r.after = utf_next(p, n, &i);
	return r;
}

static int
S_is_starter(struct word w)
{
	if (w.w.n == 0 || w.w.n > WORD_MAX || w.after == '.')
		return 0;
	return S_in_list(w.w, LEX_SENTENCE_STARTER);
}

/* The whitespace-delimited token ending before b (spaces before b
 * skipped), opening quotes/brackets removed. Empty if longer than
 * ABBR_MAX bytes or if there is none. */
static struct slice
S_token_before(const char *p, size_t b)
{
	size_t e = b, s, j, k;
	for (k = 0; k < LOOK_MAX && e > 0; k++) {
		j = e;
		if (!utf_is_space(utf_prev(p, 0, &j)))
			break;
		e = j;
	}
	for (s = e; s > 0; s = j) {
		j = s;
		if (utf_is_space(utf_prev(p, 0, &j)))
			break;
		if (e - j > ABBR_MAX)
			return (struct slice){ p + b, 0 };
	}
	while (s < e) {
		j = s;
		if (!utf_is_opening(utf_next(p, e, &j)))
			break;
		s = j;
	}
	return (struct slice){ p + s, e - s };
}

/* After "?”" or "!”": does a short attribution follow ("Peskov asked",
 * "Kremlin spokesman Dmitry Peskov said")? The first word must not be a
 * sentence starter; a speech verb must come within six words, before
 * any sentence punctuation or quote. */
static int
S_attribution_follows(const char *p, size_t n, size_t b)
{
	size_t i = b, k;
	struct word w = S_word_at(p, n, b);
	if (S_is_starter(w))
		return 0;
	for (k = 0; k < 6; k++) {
		w = S_word_at(p, n, i);
		if (w.w.n == 0)
			return 0;
		if (S_in_list(w.w, LEX_QUOTE_VERB))
			return 1;
		i = (size_t)(w.w.p - p) + w.w.n;
		if (i < n && p[i] != ' ' && p[i] != ',' && p[i] != '-')
			return 0;
	}
	return 0;
}

/* Does t end in '?' or '!' and then closing quote marks? */
static int
S_quoted_exclaim(struct slice t)
{
	size_t i = t.n;
	UChar32 c;
	int quotes = 0;
	while ((c = utf_prev(t.p, 0, &i)) >= 0 && utf_is_closing(c))
		quotes++;
	return quotes > 0 && (c == '?' || c == '!');
}

/* Should the proposed boundary at byte b stand? */
static int
S_keep(const char *p, size_t n, size_t b)
{
	struct word w = S_word_at(p, n, b);
	struct slice t = S_token_before(p, b);
	if (w.first >= 0 && u_islower(w.first))
		return 0;
	if (t.n == 0)
		return 1;
	if (S_quoted_exclaim(t))
		return !S_attribution_follows(p, n, b);
	if (t.p[t.n - 1] != '.')
		return 1;
	switch (S_abbr_class(t)) {
	case AB_ALWAYS:
	case AB_ELISION:
		return 0;
	case AB_NUMBER:
		return !(w.first >= 0 && u_isdigit(w.first));
	case AB_ENDABLE:
		return S_is_starter(w);
	default:
		return 1;
	}
}

/* ---- candidates -------------------------------------------------------- */

/* ICU's boundaries, as byte offsets strictly inside (0, n): the break
 * iterator reads the UTF-8 text in place (a UText), so no copy of it
 * is made, whatever its size. */
static int
S_icu_cuts(struct segmenter *sg, const char *p, size_t n, struct brief_err *err)
{
	UErrorCode e = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, p, (int64_t)n, &e);
	int32_t q;

	if (U_SUCCESS(e))
		ubrk_setUText(sg->bi, ut, &e);
	if (U_FAILURE(e)) {
		utext_close(ut);
		return brief_fail(err, "segment", NULL, 0,
		    "ICU sentence iterator: %s", u_errorName(e));
	}
	ubrk_first(sg->bi);
	while ((q = ubrk_next(sg->bi)) != UBRK_DONE && (size_t)q < n)
		if (q > 0)
			VEC_PUSH(&sg->cut, (size_t)q);
	utext_close(ut);
	return 0;
}

/* Where an attached "…" at i ends a sentence ("paused… Then"), the
 * offset just after it (where its trailing space starts); 0 if not. */
static size_t
S_ellipsis_cut(const char *p, size_t n, size_t i)
{
	size_t j = i, at, k;
	UChar32 c = utf_prev(p, 0, &j);
	if (c < 0 || utf_is_space(c))
		return 0;
	j = i + 3;
	for (k = 0; k < LOOK_MAX; k++) {
		at = j;
		c = utf_next(p, n, &j);
		if (c != 0x2026 && !utf_is_closing(c))
			break;
	}
	if (!utf_is_space(c))
		return 0;
	c = S_word_at(p, n, at).first;
	return c >= 0 && u_isupper(c) ? at : 0;
}

static int
S_cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Where "." at i is followed by space and a year opening a sentence
 * ("in 2018. 2019 saw"), the offset after the "."; 0 if not. ICU never
 * breaks before a digit when a lower-case word follows it. */
static size_t
S_year_cut(const char *p, size_t n, size_t dot)
{
	size_t j = dot + 1, at, k;
	for (k = 0; k < LOOK_MAX; k++) {
		at = j;
		if (!utf_is_space(utf_next(p, n, &j))) {
			j = at;
			break;
		}
	}
	if (j == dot + 1 || n - j < 4 || (p[j] != '1' && p[j] != '2'))
		return 0;
	for (k = 1; k < 4; k++)
		if (p[j + k] < '0' || p[j + k] > '9')
			return 0;
	if (n - j > 4 && S_is_digit(p[j + 4]))
		return 0;
	if (n - j > 5 && (p[j + 4] == '.' || p[j + 4] == ',') &&
	    S_is_digit(p[j + 5]))
		return 0;
	return dot + 1;
}

/* Add the cuts ICU does not propose (attached ellipses, years), then
 * sort and drop duplicates. */
static void
S_add_cuts(struct segmenter *sg, const char *p, size_t n)
{
	size_t i, nicu = sg->cut.n, k, m;
	for (i = 0; i < n; i++) {
		k = 0;
		if (p[i] == '.')
			k = S_year_cut(p, n, i);
		else if (p[i] == '\xE2' && n - i >= 3 &&
		    memcmp(p + i, "\xE2\x80\xA6", 3) == 0)
			k = S_ellipsis_cut(p, n, i);
		if (k > 0)
			VEC_PUSH(&sg->cut, k);
	}
	if (sg->cut.n == nicu)
		return;
	qsort(sg->cut.v, sg->cut.n, sizeof *sg->cut.v, S_cmp_size);
	for (k = m = 0; k < sg->cut.n; k++)
		if (m == 0 || sg->cut.v[m - 1] != sg->cut.v[k])
			sg->cut.v[m++] = sg->cut.v[k];
	sg->cut.n = m;
}

/* ---- spans ------------------------------------------------------------- */

/* Trim Unicode white space from [*off, *off + *len) of p. */
static void
S_trim(const char *p, size_t *off, size_t *len)
{
	size_t s = *off, e = *off + *len, j;
	while (s < e) {
		j = s;
		if (!utf_is_space(utf_next(p, e, &j)))
			break;
		s = j;
	}
	while (e > s) {
		j = e;
		if (!utf_is_space(utf_prev(p, 0, &j)))
			break;
		e = j;
	}
	*off = s;
	*len = e - s;
}

static void
S_emit(const char *p, size_t from, size_t to, span_vec *out)
{
	size_t off = from, len = to - from;
	S_trim(p, &off, &len);
	if (len > 0)
		VEC_PUSH(out, ((struct span){ off, len }));
}

/* ---- API --------------------------------------------------------------- */

struct segmenter *
segmenter_new(struct brief_err *err)
{
	UErrorCode e = U_ZERO_ERROR;
	struct segmenter *sg = xcalloc(1, sizeof *sg);
	sg->bi = ubrk_open(UBRK_SENTENCE, SEG_LOCALE, NULL, 0, &e);
	if (U_FAILURE(e)) {
		free(sg);
		brief_fail(err, "segment", NULL, 0,
		    "cannot open ICU sentence iterator: %s", u_errorName(e));
		return NULL;
	}
	return sg;
}

void
segmenter_free(struct segmenter *sg)
{
	if (sg == NULL)
		return;
	ubrk_close(sg->bi);
	VEC_FREE(&sg->cut);
	VEC_FREE(&sg->spans);
	free(sg);
}

int
segment_text(struct segmenter *sg, const char *p, size_t n,
	span_vec *out, struct brief_err *err)
{
	size_t i, prev = 0;
	if (n > SEG_MAX_LEN)
		return brief_fail(err, "segment", NULL, 0,
		    "text of %zu bytes is too long to segment", n);
	if (n == 0)
		return 0;
	sg->cut.n = 0;
	if (S_icu_cuts(sg, p, n, err) < 0)
		return -1;
	S_add_cuts(sg, p, n);
	for (i = 0; i < sg->cut.n; i++) {
		size_t b = sg->cut.v[i];
		if (b <= prev || b >= n || !S_keep(p, n, b))
			continue;
		S_emit(p, prev, b, out);
		prev = b;
	}
	S_emit(p, prev, n, out);
	return 0;
}

/* ---- documents --------------------------------------------------------- */

/* SF_QUESTION / SF_NOTERM from how p[0..n) ends, closing quotes and
 * brackets skipped. */
static unsigned
S_end_flags(const char *p, size_t n)
{
	size_t i = n, k;
	UChar32 c = -1, before;
	for (k = 0; k < LOOK_MAX; k++)
		if (!utf_is_closing(c = utf_prev(p, 0, &i)))
			break;
	before = utf_prev(p, 0, &i);
	if (c == '?' || c == 0xFF1F || (c == '!' && before == '?'))
		return SF_QUESTION;
	if (c == '.' || c == '!' || c == 0x2026 || c == 0xFF01 ||
	    c == 0x3002 || c == 0xFF0E)
		return 0;
	return SF_NOTERM;
}

static unsigned
S_para_flags(unsigned pf)
{
	unsigned f = 0;
	if (pf & PARA_TITLE)
		f |= SF_TITLE | SF_HEADING;
	if (pf & PARA_HEADING)
		f |= SF_HEADING | SF_NOTERM;
	if (pf & PARA_DEK)
		f |= SF_DEK;
	if (pf & PARA_BULLET)
		f |= SF_BULLET;
	return f;
}

/* Sentences of paragraph pi from the spans in sg->spans. */
static void
S_push_sentences(struct segmenter *sg, const struct doc *d, size_t pi,
	int doc_index, sentence_vec *out)
{
	const struct para *pa = &d->para[pi];
	const char *t = d->text + pa->off;
	size_t i, from = 0;
	int line = pa->line;
	for (i = 0; i < sg->spans.n; i++) {
		struct span s = sg->spans.v[i];
		struct sentence st;
		const char *nl;
		while ((nl = memchr(t + from, '\n', s.off - from)) != NULL) {
			line++;
			from = (size_t)(nl - t) + 1;
		}
		from = s.off;
		st.doc = doc_index;
		st.para = (int)pi;
		st.off = pa->off + s.off;
		st.len = s.len;
		st.line = line;
		st.flags = S_para_flags(pa->flags) | S_end_flags(t + s.off, s.len);
		if (s.len > SEG_MAX_SENTENCE)
			st.flags |= SF_LONG;
		VEC_PUSH(out, st);
	}
}

/* Put file and line on an error segment_text reported. */
static int
S_refail(struct brief_err *err, const char *path, int line)
{
	char msg[sizeof err->msg];
	if (err == NULL)
		return -1;
	memcpy(msg, err->msg, sizeof msg);
	msg[sizeof msg - 1] = '\0';
	return brief_fail(err, "segment", path, line, "%s", msg);
}

int
segment_doc(struct segmenter *sg, const struct doc *d, int doc_index,
	sentence_vec *out, struct brief_err *err)
{
	size_t i;
	for (i = 0; i < d->npara; i++) {
		const struct para *pa = &d->para[i];
		const char *t = d->text + pa->off;
		if (pa->off > d->len || pa->len > d->len - pa->off)
			return brief_fail(err, "segment", d->path, pa->line,
			    "paragraph %zu lies outside the text", i);
		sg->spans.n = 0;
		if (pa->flags & (PARA_HEADING | PARA_TITLE))
			S_emit(t, 0, pa->len, &sg->spans);
		else if (segment_text(sg, t, pa->len, &sg->spans, err) < 0)
			return S_refail(err, d->path, pa->line);
		S_push_sentences(sg, d, i, doc_index, out);
	}
	return 0;
}
