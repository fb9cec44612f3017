/*
 * text.c -- tokenizer, case folding (ICU), stemming (Snowball via
 * libstemmer), stopwords.
 */
#include "brief/text.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <libstemmer.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>

#define MAX_WORD 64   /* longer "words" are cut: hostile input cap */

/* A word already stemmed: its bytes as written (in pool), whether it
 * was read as a figure, and what that gave. */
struct stem_memo {
	uint32_t hash;          /* of the bytes; 0: an empty slot */
	uint32_t len;
	size_t off;             /* in the pool */
	uint32_t stem;
	unsigned char figure;   /* read with TK_NUMBER or TK_DESIGNATOR */
	unsigned char flags;    /* TK_STOP, TK_NUMWORD it added */
};

#define MEMO_SLOTS (1u << 18)   /* words remembered, at most half of it */

struct stemmer {
	struct sb_stemmer *sb;
	UCaseMap *cm;
	struct stem_memo *memo; /* MEMO_SLOTS, open addressing; made on
	                         * first use */
	size_t nmemo;
	struct buf pool;        /* the words' bytes */
};

struct stemmer *
stemmer_new(void)
{
	struct stemmer *st = xcalloc(1, sizeof *st);
	UErrorCode ec = U_ZERO_ERROR;
	st->sb = sb_stemmer_new("english", "UTF_8");
	st->cm = ucasemap_open("en", 0, &ec);
	if (st->sb == NULL || U_FAILURE(ec)) {
		fputs("brief: cannot open the English stemmer\n", stderr);
		abort();
	}
	return st;
}

void
stemmer_free(struct stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	ucasemap_close(st->cm);
	free(st->memo);
	buf_free(&st->pool);
	free(st);
}

uint32_t
text_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 16777619u;
	}
	return h;
}

/* ---- scanning ----------------------------------------------------- */

static int
S_is_word_cp(UChar32 c)
{
	return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC));
}

/* A word ends at i; extend over inner joiners: "5.4", "2,000",
 * "S-400", "Su-30MKI". Hyphens join only when digits are involved. */
static size_t
S_word_end(const char *p, size_t n, size_t i, int *has_digit, int *has_alpha)
{
	for (;;) {
		size_t next = i;
		UChar32 c = utf_next(p, n, &next);
		if (S_is_word_cp(c)) {
			if (c < 128 && c >= '0' && c <= '9')
				*has_digit = 1;
			else
				*has_alpha = 1;
			i = next;
			continue;
		}
		if ((c == '.' || c == ',') && *has_digit && !*has_alpha &&
		    i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9') {
			i++;
			continue;
		}
		if (c == '-' && i + 1 < n && i > 0 &&
		    ((p[i + 1] >= '0' && p[i + 1] <= '9') || *has_digit) &&
		    S_is_word_cp(utf_at(p, n, i + 1))) {
			i++;
			continue;
		}
		return i;
	}
}

static unsigned
S_shape(const char *w, size_t n, int has_digit, int has_alpha)
{
	unsigned f = 0, upper = 0, lower = 0, inner_upper = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'A' && c <= 'Z') {
			upper++;
			if (i > 0 && lower)
				inner_upper = 1;
		} else if (c >= 'a' && c <= 'z') {
			lower++;
		}
	}
	if (has_digit && !has_alpha)
		f |= TK_NUMBER;
	if (has_digit && has_alpha)
		f |= TK_DESIGNATOR;
	if (n > 0 && w[0] >= 'A' && w[0] <= 'Z')
		f |= TK_CAP;
	if (upper >= 2 && lower == 0 && !has_digit)
		f |= TK_ALLCAPS;
	if (inner_upper && !has_digit)
		f |= TK_CAMEL;
	return f;
}

/* Lower-case w into out (NUL-terminated); returns length. */
static size_t
S_lower(struct stemmer *st, const char *w, size_t n, char *out, size_t cap)
{
	UErrorCode ec = U_ZERO_ERROR;
	int32_t k = ucasemap_utf8ToLower(st->cm, out, (int32_t)cap - 1, w,
	    (int32_t)n, &ec);
	if (U_FAILURE(ec) || k < 0 || (size_t)k >= cap) {
		k = (int32_t)(n < cap - 1 ? n : cap - 1);
		memcpy(out, w, (size_t)k);
	}
	out[k] = '\0';
	return (size_t)k;
}

static uint32_t S_stem_word(struct stemmer *st, const char *w, size_t n,
	unsigned *flags);

/* The stem of w, remembered: a word is stemmed once per run, however
 * often it comes (until MEMO_SLOTS / 2 distinct words are known). */
static uint32_t
S_stem(struct stemmer *st, const char *w, size_t n, unsigned *flags)
{
	unsigned char figure = (*flags & (TK_NUMBER | TK_DESIGNATOR)) != 0;
	uint32_t h = (text_hash(w, n) ^ figure) | 1u, i;
	struct stem_memo *m;
	unsigned before = *flags;
	uint32_t stem;

	if (st->memo == NULL)
		st->memo = xcalloc(MEMO_SLOTS, sizeof *st->memo);
	for (i = h & (MEMO_SLOTS - 1); (m = &st->memo[i])->hash != 0;
	     i = (i + 1) & (MEMO_SLOTS - 1))
		if (m->hash == h && m->len == n && m->figure == figure &&
		    memcmp(st->pool.p + m->off, w, n) == 0) {
			*flags |= m->flags;
			return m->stem;
		}
	stem = S_stem_word(st, w, n, flags);
	if (st->nmemo < MEMO_SLOTS / 2 && n < 256) {
		m->hash = h;
		m->len = (uint32_t)n;
		m->off = st->pool.n;
		m->stem = stem;
		m->figure = figure;
		m->flags = (unsigned char)(*flags & ~before);
		buf_put(&st->pool, w, n);
		st->nmemo++;
	}
	return stem;
}

static uint32_t
S_stem_word(struct stemmer *st, const char *w, size_t n, unsigned *flags)
{
	char low[MAX_WORD * 4];
	size_t k = S_lower(st, w, n < MAX_WORD ? n : MAX_WORD, low, sizeof low);
	if (lex_is(LEX_STOPWORD, low, k))
		*flags |= TK_STOP;
	if (lex_is(LEX_COUNT_WORD, low, k))
		*flags |= TK_NUMWORD;
	if (*flags & (TK_NUMBER | TK_DESIGNATOR))
		return text_hash(low, k);
	const sb_symbol *s = sb_stemmer_stem(st->sb, (const sb_symbol *)low, (int)k);
	if (s == NULL)
		return text_hash(low, k);
	return text_hash(s, (size_t)sb_stemmer_length(st->sb));
}

uint32_t
text_stem_hash(struct stemmer *st, const char *w, size_t n)
{
	/* the tokenizer's own reading of the word, so a cue and a word of
	 * an article always meet as one stem */
	token_vec t = { 0 };
	text_tokens(st, w, n, &t);
	uint32_t h = t.n > 0 ? t.v[0].stem : 0;
	VEC_FREE(&t);
	return h;
}

/* Is there a currency sign ($ £ € ₹ ¥ ...) right before byte i? */
static int
S_currency_before(const char *p, size_t i)
{
	return utf_is_currency(utf_before(p, 0, i));
}

void
text_tokens(struct stemmer *st, const char *p, size_t n, token_vec *out)
{
	size_t i = 0;
	while (i < n) {
		size_t next = i;
		UChar32 c = utf_next(p, n, &next);
		if (!S_is_word_cp(c)) {
			i = next;
			continue;
		}
		int has_digit = 0, has_alpha = 0;
		size_t end = S_word_end(p, n, i, &has_digit, &has_alpha);
		if (end - i > TOKEN_MAX_LEN) {
			end = i + TOKEN_MAX_LEN;
			while (end > i + 1 && ((unsigned char)p[end] & 0xC0) == 0x80)
				end--;
		}
		unsigned flags = S_shape(p + i, end - i, has_digit, has_alpha);
		if (S_currency_before(p, i) && p[i] >= '0' && p[i] <= '9') {
			/* "$5.4", "€3", "$2bn": an amount, not a designator */
			flags &= ~(unsigned)TK_DESIGNATOR;
			flags |= TK_NUMBER | TK_CURRENCY;
		}
		struct token t;
		t.off = (uint32_t)i;
		t.len = (uint16_t)(end - i);
		t.stem = S_stem(st, p + i, end - i, &flags);
		t.flags = (uint16_t)flags;
		VEC_PUSH(out, t);
		i = end;
	}
}

size_t
text_content_words(const token_vec *t, size_t from, size_t to)
{
	size_t k = 0;
	for (size_t i = from; i < to && i < t->n; i++)
		if (!(t->v[i].flags & TK_STOP))
			k++;
	return k;
}

/* The first ", " in p[from..n) followed by a lower-case word. */
static size_t
S_clause_end(const char *p, size_t n, size_t from, size_t max)
{
	for (size_t i = from; i + 2 < n && i < max; i++)
		if (p[i] == ',' && p[i + 1] == ' ' && p[i + 2] >= 'a' && p[i + 2] <= 'z')
			return i + 2;
	return 0;
}

size_t
text_lead_clause(const char *p, size_t n)
{
	static const char acc[] = "According to ";
	if (n > sizeof acc && memcmp(p, acc, sizeof acc - 1) == 0)
		return S_clause_end(p, n, sizeof acc - 1, 120);
	/* a linking opener (no opener holds a comma) and ", " */
	const char *comma = memchr(p, ',', n);
	size_t m = comma != NULL ? (size_t)(comma - p) : n;
	if (n > m + 2 && p[m + 1] == ' ' && lex_is(LEX_LINK_OPENER, p, m))
		return m + 2;
	return 0;
}

size_t
text_lead_label(const char *p, size_t n)
{
	size_t words = 1;
	if (n == 0 || !(p[0] >= 'A' && p[0] <= 'Z'))
		return 0;
	for (size_t i = 0; i + 2 < n && i < 60; i++) {
		if (p[i] == ' ')
			words++;
		if (p[i] == '.' || p[i] == ',' || words > 5)
			return 0;
		if (p[i] == ':' && p[i + 1] == ' ')
			return i + 2;
	}
	return 0;
}
