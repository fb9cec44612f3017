/*
 * quotes.c -- who said what: quotation spans, attribution clauses, and
 * speakers resolved through pronouns and surnames.
 *
 * Per paragraph: find the top-level quotations (curly, straight and
 * guillemet double quotes; nesting capped; an unclosed quote ends at the
 * last closing mark inside it, else at the paragraph end). Sentences are
 * grouped into units so that no quotation crosses a unit. Each unit is
 * tokenised with every top-level quotation collapsed into one token, and
 * attribution shapes are matched on the tokens:
 *
 *   after a quote:  Q, NAME[, ROLE,] VERB [OUTLET]    Q, VERB [ROLE] NAME
 *                   Q, PRONOUN VERB    Q, according to X    Q — NAME
 *   in the frame:   [ROLE] NAME VERB …    NAME, ROLE, VERB …
 *                   PRONOUN VERB …    According to X, …    In his words, Q
 *
 * A quote that is a full statement gives a VIEW_QUOTE view spanning the
 * quoted words; fragments woven into an attributed sentence give a
 * VIEW_PARAPHRASE view spanning the sentence. A bare quote takes its
 * speaker from a following "Smith said." or continues the previous
 * quote's speaker.
 *
 * Every scan is bounded (tokens, cues, nesting, people remembered), so
 * one pass over the article stays linear in its length.
 */
#include "brief/quotes.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <stdlib.h>
#include <string.h>

#define Q_MAXDEPTH 16     /* quotation nesting kept on the stack */
#define Q_WINDOW 80       /* tokens scanned before a quote for its cue */
#define Q_POSTWIN 40      /* tokens scanned after a quote for its verb */
#define Q_SUBJWIN 40      /* tokens scanned back from a verb for a subject */
#define Q_MAXCUES 8       /* attribution cues tried per window */
#define Q_MAXROLE 20      /* words in a role before a name */
#define Q_MAXAPPOS 30     /* words in an appositive role */
#define Q_MAXPHRASE 16    /* words after "according to" */
#define Q_MAXPEOPLE 128   /* people remembered per article */
#define Q_MAXOUTLETS 32   /* outlets remembered per article */

enum { T_WORD, T_PUNCT, T_QUOTE };

struct tok {
	size_t off, len;        /* bytes in the text; a quote: marks included */
	int kind;               /* T_* */
	unsigned cp;            /* T_PUNCT: the code point */
	size_t qi;              /* T_QUOTE: index into ctx.q */
};

struct qspan {
	size_t o, e;            /* opening mark .. after the closing mark */
	size_t co, ce;          /* the quoted words */
};

enum { A_NONE, A_NAME, A_PRONOUN, A_ROLE, A_REPORTED, A_ORG };

/* An attribution as written, before resolution. */
struct attr {
	int kind;               /* A_* */
	struct slice name;      /* A_NAME: honorific dropped */
	int nwords;             /* words in name */
	int honor;              /* an honorific came before the name */
	int poss;               /* the name was possessive ("Putin's") */
	int according;          /* from "according to" */
	struct slice role, outlet;
	size_t end;             /* token after the attribution */
};

/* An attribution after resolution: what a view carries. */
struct who {
	struct slice speaker, role, outlet;
	unsigned flags;
};

struct person {
	struct slice name, role, outlet;
};

struct pend {                   /* a bare quote waiting for its speaker */
	int on, has_prev;
	size_t first, last;
	struct slice words;
	struct who prev;
};

struct ctx {
	const char *x;          /* the article text */
	size_t xn;
	const struct sentence *s;
	view_vec *out;
	size_t added;
	VEC(struct qspan) q;    /* quotations of the current paragraph */
	VEC(struct tok) t;      /* tokens of the current unit */
	struct person ppl[Q_MAXPEOPLE];
	size_t nppl;
	long last_speaker;      /* index into ppl, -1 before the first */
	struct slice outlets[Q_MAXOUTLETS];
	size_t nout;
	struct slice last_reported;
	struct who prev;        /* the previous unit's view */
	int prev_ok, prev_quote;
	struct pend pend;
};

/* The word lists are lexicon.h's. */

/* ---- characters ----------------------------------------------------- */

/* The code point at p[0..n), n >= 1, and its length in bytes. */
static size_t
S_cp(const char *p, size_t n, unsigned *cp)
{
	size_t k = 0;

	*cp = (unsigned)utf_next(p, n, &k);
	return k;
}

/* The code point ending just before p (never before lo); ' ' at lo. */
static unsigned
S_prev_cp(const char *x, size_t lo, size_t p)
{
	UChar32 c = utf_before(x, lo, p);

	return c == UTF_END ? ' ' : (unsigned)c;
}

static int
S_space(unsigned cp)
{
	return utf_is_space((UChar32)cp);
}

static int
S_wordch(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			(cp >= '0' && cp <= '9');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F))
		return 0;
	if ((cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F))
		return 0;
	return !S_space(cp);
}

static int
S_upper(unsigned cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return !(cp & 1);
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return cp & 1;
	if (cp >= 0x1E00 && cp <= 0x1EFF)
		return !(cp & 1);
	return cp == 0x178 || (cp >= 0x391 && cp <= 0x3A9) ||
		(cp >= 0x400 && cp <= 0x42F);
}

/* Joins a word's parts: apostrophes, hyphens, inner periods ("U.S"). */
static int
S_joiner(unsigned cp)
{
	return utf_is_apostrophe((UChar32)cp) || utf_is_hyphen((UChar32)cp) ||
		cp == '.';
}

static int
S_dash(unsigned cp)
{
	return utf_is_dash((UChar32)cp);
}

/* ---- slices and word tests ----------------------------------------- */

static int
S_in(struct slice w, enum lex_list l, int fold)
{
	return lex_find(l, w.p, w.n, fold ? LEX_FOLD : LEX_EXACT) != 0;
}

/* A month or weekday name, a month's abbreviation, "today", "earlier"
 * and the like, in any case. */
static int
S_dateword(struct slice w)
{
	int abbr;

	return lex_month(w.p, w.n, LEX_FOLD, &abbr) != 0 ||
		lex_is_ci(LEX_WEEKDAY, w.p, w.n) || lex_is_ci(LEX_DAY_WORD, w.p, w.n);
}

static struct slice
S_ts(const struct ctx *c, size_t i)
{
	struct slice r = { c->x + c->t.v[i].off, c->t.v[i].len };
	return r;
}

/* Tokens [i, j), j > i, as one slice of the text. */
static struct slice
S_span(const struct ctx *c, size_t i, size_t j)
{
	const struct tok *a = &c->t.v[i], *b = &c->t.v[j - 1];
	struct slice r = { c->x + a->off, b->off + b->len - a->off };
	return r;
}

static int
S_word(const struct ctx *c, size_t i)
{
	return i < c->t.n && c->t.v[i].kind == T_WORD;
}

static int
S_isp(const struct ctx *c, size_t i, unsigned cp)
{
	return i < c->t.n && c->t.v[i].kind == T_PUNCT && c->t.v[i].cp == cp;
}

static int
S_lex(const struct ctx *c, size_t i, enum lex_list l, int fold)
{
	return S_word(c, i) && S_in(S_ts(c, i), l, fold);
}

static int
S_lexdate(const struct ctx *c, size_t i)
{
	return S_word(c, i) && S_dateword(S_ts(c, i));
}

static int
S_is(const struct ctx *c, size_t i, const char *w)
{
	return S_word(c, i) && slice_eq(S_ts(c, i), w);
}

static int
S_verb(const struct ctx *c, size_t i)
{
	return S_lex(c, i, LEX_SPEECH_VERB, 0);
}

static int
S_cap(const struct ctx *c, size_t i)
{
	unsigned cp;

	if (!S_word(c, i))
		return 0;
	S_cp(c->x + c->t.v[i].off, c->t.v[i].len, &cp);
	return S_upper(cp);
}

static int
S_lowerword(const struct ctx *c, size_t i)
{
	unsigned char b;

	if (!S_word(c, i))
		return 0;
	b = (unsigned char)c->x[c->t.v[i].off];
	return b >= 'a' && b <= 'z';
}

/* Two or more letters and none lower-case: "TASS", "RT". */
static int
S_allcaps_s(struct slice w)
{
	size_t i, up = 0;

	for (i = 0; i < w.n; i++) {
		unsigned char b = (unsigned char)w.p[i];
		if (b >= 'a' && b <= 'z')
			return 0;
		if (b >= 'A' && b <= 'Z')
			up++;
		if (b >= 0x80)
			return 0;
	}
	return up >= 2;
}

/* Length of a possessive ending ("'s", "’s", "s’"), else 0. */
static size_t
S_posslen(struct slice w)
{
	size_t k = w.n - 1;

	if (w.n < 3 || w.p[w.n - 1] != 's' ||
		!utf_is_apostrophe(utf_prev(w.p, 0, &k)) || k == 0)
		return 0;
	return w.n - k;
}

static struct slice
S_nodot(struct slice w)
{
	if (w.n > 1 && w.p[w.n - 1] == '.')
		w.n--;
	return w;
}

static int
S_honor(const struct ctx *c, size_t i)
{
	return S_word(c, i) && S_in(S_nodot(S_ts(c, i)), LEX_HONORIFIC, 0);
}

/* A title word, or a hyphenated word ending in one ("Vice-President"). */
static int
S_title_s(struct slice w)
{
	size_t k;

	if (S_in(w, LEX_TITLE, 1))
		return 1;
	for (k = w.n; k > 0; k--)
		if (w.p[k - 1] == '-') {
			struct slice tail = { w.p + k, w.n - k };
			return S_in(tail, LEX_TITLE, 1);
		}
	return 0;
}

static int
S_title(const struct ctx *c, size_t i)
{
	if (!S_word(c, i) || !S_title_s(S_ts(c, i)))
		return 0;
	if (!S_in(S_ts(c, i), LEX_TITLE_ADJ, 1) || !S_lowerword(c, i + 1))
		return 1;
	return S_title_s(S_ts(c, i + 1)) || S_lex(c, i + 1, LEX_NAME_CONNECTOR, 0) ||
		S_lex(c, i + 1, LEX_SPEECH_VERB, 0) || S_lex(c, i + 1, LEX_SUBORD, 0) ||
		S_lex(c, i + 1, LEX_SPEECH_ADVERB, 0);
}

static int
S_has_digit(struct slice w)
{
	size_t i;

	for (i = 0; i < w.n; i++)
		if (w.p[i] >= '0' && w.p[i] <= '9')
			return 1;
	return 0;
}

/* A word that quantifies or negates the noun after it ("Neither
 * government", "Each side", "Both navies", "No official"): the phrase
 * it opens names no one in particular. */
static int
S_quant_s(struct slice w)
{
	static const char *const q[] = { "neither", "either", "each", "both",
		"no", "every", "all", "some", "any", "many", "most", "several",
		"few", "none", "another", "other", "such", "various", "numerous" };
	for (size_t k = 0; k < sizeof q / sizeof *q; k++)
		if (slice_ieq(w, q[k]))
			return 1;
	return 0;
}

static int
S_quant(const struct ctx *c, size_t i)
{
	return S_word(c, i) && S_quant_s(S_ts(c, i));
}

/* A capitalised word that can be part of a personal name. With poss,
 * a possessive word counts (its ending is not part of the name). */
static int
S_nameword_x(const struct ctx *c, size_t i, int poss)
{
	struct slice w;
	size_t pl;

	if (!S_cap(c, i))
		return 0;
	w = S_ts(c, i);
	pl = S_posslen(w);
	if (pl && !poss)
		return 0;
	w.n -= pl;
	if (S_allcaps_s(w) || S_has_digit(w) || S_title_s(w))
		return 0;
	if (S_in(w, LEX_NAME_STOP, 1) || S_dateword(w) ||
		S_in(w, LEX_ORG_WORD, 1) || S_quant_s(w))
		return 0;
	return !S_in(S_nodot(w), LEX_HONORIFIC, 0);
}

static int
S_nameword(const struct ctx *c, size_t i)
{
	return S_nameword_x(c, i, 0);
}

static int
S_particle(const struct ctx *c, size_t i)
{
	return S_lex(c, i, LEX_NAME_PARTICLE, 0);
}

/* Particles from i ("von der") followed by a name word before hi:
 * how many, else 0. */
static size_t
S_particles_fwd(const struct ctx *c, size_t i, size_t hi)
{
	size_t j = i;

	while (j < hi && j < i + 3 && S_particle(c, j))
		j++;
	return j > i && j < hi && S_nameword(c, j) ? j - i : 0;
}

/* Particles ending at token r - 1, preceded by a name word at or after
 * lo: how many, else 0. */
static size_t
S_particles_back(const struct ctx *c, size_t lo, size_t r)
{
	size_t k = r;

	while (k > lo && r - k < 3 && S_particle(c, k - 1))
		k--;
	return k < r && k > lo && S_nameword(c, k - 1) ? r - k : 0;
}

/* A clause may start at k: the window start, or after punctuation or a
 * conjunction (unless anchored to the window start). */
static int
S_clause_start(const struct ctx *c, size_t lo, size_t k, int anchored)
{
	const struct tok *p;

	if (k == lo)
		return 1;
	if (anchored || k < lo + 1)
		return 0;
	p = &c->t.v[k - 1];
	if (p->kind == T_PUNCT)
		return p->cp == ',' || p->cp == ';' || p->cp == ':' ||
			p->cp == '(' || S_dash(p->cp);
	return S_lex(c, k - 1, LEX_CLAUSE_WORD, 1);
}

/* ---- quotation spans -------------------------------------------------- */

enum { M_NONE, M_OPEN, M_CLOSE };

/* A straight double quote opens after space or opening punctuation and
 * before a non-space; otherwise it closes. */
static int
S_straight(const struct ctx *c, size_t lo, size_t p, size_t hi)
{
	unsigned prev = S_prev_cp(c->x, lo, p), next = ' ';
	int open_ctx;

	if (p + 1 < hi)
		S_cp(c->x + p + 1, hi - p - 1, &next);
	open_ctx = S_space(prev) || prev == '(' || prev == '[' ||
		prev == '/' || prev == ':' || S_dash(prev) ||
		utf_dquote((UChar32)prev) == UTF_QUOTE_OPEN;
	if (open_ctx && !S_space(next))
		return M_OPEN;
	return M_CLOSE;
}

static int
S_mark(const struct ctx *c, size_t lo, size_t p, size_t hi, unsigned cp)
{
	switch (utf_dquote((UChar32)cp)) {
	case UTF_QUOTE_OPEN:
		return M_OPEN;
	case UTF_QUOTE_CLOSE:
		return M_CLOSE;
	case UTF_QUOTE_EITHER:
		return S_straight(c, lo, p, hi);
	default:
		return M_NONE;
	}
}

struct qstack {
	size_t o[Q_MAXDEPTH], ol[Q_MAXDEPTH];  /* opener offset, length */
	size_t depth;
	size_t lc, lce;         /* last closer inside the outermost quote */
};

static void
S_qpush(struct ctx *c, size_t o, size_t ol, size_t ce, size_t e)
{
	struct qspan q = { o, e, o + ol, ce };
	VEC_PUSH(&c->q, q);
}

static void
S_qclose(struct ctx *c, struct qstack *st, size_t p, size_t k)
{
	st->depth--;
	if (st->depth == 0) {
		S_qpush(c, st->o[0], st->ol[0], p, p + k);
		st->lc = st->lce = 0;
	} else {
		st->lc = p;
		st->lce = p + k;
	}
}

/* Top-level quotations of text[lo..hi) into c->q, in order. */
static void
S_quotes(struct ctx *c, size_t lo, size_t hi)
{
	struct qstack st = { { 0 }, { 0 }, 0, 0, 0 };
	size_t p = lo, k;
	unsigned cp, next;
	int m;

	c->q.n = 0;
	for (; p < hi; p += k) {
		k = S_cp(c->x + p, hi - p, &cp);
		m = S_mark(c, lo, p, hi, cp);
		if (m == M_CLOSE && st.depth == 0 && cp == '"' && p + 1 < hi) {
			S_cp(c->x + p + 1, hi - p - 1, &next);
			if (S_wordch(next))         /* said,"We … */
				m = M_OPEN;
		}
		if (m == M_OPEN && st.depth < Q_MAXDEPTH) {
			st.o[st.depth] = p;
			st.ol[st.depth++] = k;
		} else if (m == M_CLOSE && st.depth > 0) {
			S_qclose(c, &st, p, k);
		}
	}
	if (st.depth > 0 && st.lce > 0)
		S_qpush(c, st.o[0], st.ol[0], st.lc, st.lce);
	else if (st.depth > 0)
		S_qpush(c, st.o[0], st.ol[0], hi, hi);
}

/* ---- tokens ----------------------------------------------------------- */

static void
S_tpush(struct ctx *c, size_t off, size_t len, int kind, unsigned cp,
	size_t qi)
{
	struct tok t = { off, len, kind, cp, qi };
	VEC_PUSH(&c->t, t);
}

/* A word ending at p takes the period after it when it is an
 * abbreviation: an initial ("K"), an honorific, or dotted ("U.S"). */
static int
S_abbrev(const struct ctx *c, size_t from, size_t p)
{
	struct slice w = { c->x + from, p - from };

	if (w.n == 1 && w.p[0] >= 'A' && w.p[0] <= 'Z')
		return 1;
	if (memchr(w.p, '.', w.n) != NULL)
		return 1;
	return S_in(w, LEX_HONORIFIC, 0) || S_in(w, LEX_ABBR_NAME, 0);
}

static size_t
S_scan_word(struct ctx *c, size_t pos, size_t end)
{
	size_t p = pos, k;
	unsigned cp, next;

	while (p < end) {
		k = S_cp(c->x + p, end - p, &cp);
		if (S_wordch(cp)) {
			p += k;
			continue;
		}
		if (!S_joiner(cp) || p + k >= end)
			break;
		S_cp(c->x + p + k, end - p - k, &next);
		if (!S_wordch(next))
			break;
		p += k;
	}
	if (p < end && c->x[p] == '.' && S_abbrev(c, pos, p))
		p++;
	S_tpush(c, pos, p - pos, T_WORD, 0, 0);
	return p;
}

/* First quotation starting at or after off (binary search). */
static size_t
S_qfind(const struct ctx *c, size_t off)
{
	size_t lo = 0, hi = c->q.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->q.v[mid].o < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Tokens of text[pos..end) into c->t; top-level quotes become one token. */
static void
S_tokenize(struct ctx *c, size_t pos, size_t end)
{
	size_t qi = S_qfind(c, pos), k;
	unsigned cp;

	c->t.n = 0;
	while (pos < end) {
		k = S_cp(c->x + pos, end - pos, &cp);
		while (qi < c->q.n && c->q.v[qi].o < pos)
			qi++;
		if (qi < c->q.n && c->q.v[qi].o == pos) {
			S_tpush(c, pos, c->q.v[qi].e - pos, T_QUOTE, 0, qi);
			pos = c->q.v[qi++].e;
		} else if (S_space(cp)) {
			pos += k;
		} else if (S_wordch(cp)) {
			pos = S_scan_word(c, pos, end);
		} else {
			S_tpush(c, pos, k, T_PUNCT, cp, 0);
			pos += k;
		}
	}
}

/* The quoted words of quote token i: trimmed, without a trailing comma. */
static struct slice
S_qwords(const struct ctx *c, size_t i)
{
	const struct qspan *q = &c->q.v[c->t.v[i].qi];
	struct slice w = { c->x + q->co, q->ce > q->co ? q->ce - q->co : 0 };

	w = slice_trim(w);
	while (w.n > 0 && w.p[w.n - 1] == ',')
		w = slice_trim((struct slice){ w.p, w.n - 1 });
	return w;
}

/* The quoted words start like a statement: capital letter or digit. */
static int
S_upper_start(struct slice w)
{
	size_t i = 0, k;
	unsigned cp = 0;

	while (i < w.n && i < 12) {
		k = S_cp(w.p + i, w.n - i, &cp);
		if (S_wordch(cp))
			break;
		i += k;
	}
	return i < w.n && (S_upper(cp) || (cp >= '0' && cp <= '9'));
}

/* The quoted words end like a statement: . ? ! … or a comma. */
static int
S_quote_ends(const struct ctx *c, size_t i, int comma)
{
	const struct qspan *q = &c->q.v[c->t.v[i].qi];
	struct slice w = { c->x + q->co, q->ce > q->co ? q->ce - q->co : 0 };
	char e;

	w = slice_trim(w);
	if (w.n >= 3 && memcmp(w.p + w.n - 3, "\xE2\x80\xA6", 3) == 0)
		return 1;
	e = w.n ? w.p[w.n - 1] : 0;
	return e == '.' || e == '?' || e == '!' || (comma && e == ',');
}

/* Words in the quotation, roughly (spaces between word characters). */
static size_t
S_quote_words(const struct ctx *c, size_t i)
{
	struct slice w = S_qwords(c, i);
	size_t k, n = w.n > 0;

	for (k = 0; k < w.n; k++)
		n += w.p[k] == ' ';
	return n;
}

/* A full quotation rather than a phrase in scare quotes: it opens the
 * unit, or it starts with a capital after a comma, colon, dash or verb
 * and reads as a statement (four words or closing punctuation). */
static int
S_quote_full(const struct ctx *c, size_t i)
{
	const struct tok *p;

	if (i == 0)
		return 1;
	if (!S_upper_start(S_qwords(c, i)))
		return 0;
	if (S_quote_words(c, i) < 4 && !S_quote_ends(c, i, 1))
		return 0;
	p = &c->t.v[i - 1];
	if (p->kind == T_PUNCT)
		return p->cp == ',' || p->cp == ':' || p->cp == ';' ||
			p->cp == '(' || S_dash(p->cp);
	return S_verb(c, i - 1) || S_is(c, i - 1, "that");
}

/* ---- names and roles -------------------------------------------------- */

/* Name words forward from i, after an optional honorific: one to four
 * capitalised words, particles inside, a possessive may end it.
 * Returns the tokens consumed, or 0. */
static size_t
S_name_fwd(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t j = i, start, end = 0, np;
	int words = 0;

	a->honor = a->poss = 0;
	if (j < hi && S_honor(c, j)) {
		a->honor = 1;
		j++;
	}
	start = j;
	while (j < hi && words <= 4) {
		if (S_nameword(c, j)) {
			words++;
			end = ++j;
		} else if (words && (np = S_particles_fwd(c, j, hi)) > 0) {
			j += np;
		} else {
			if (words && S_nameword_x(c, j, 1)) {
				words++;
				end = ++j;
				a->poss = 1;
			}
			break;
		}
	}
	if (!words || words > 4 || S_lex(c, start, LEX_PLACE_FIRST, 1))
		return 0;
	a->name = S_span(c, start, end);
	if (a->poss)
		a->name.n -= S_posslen(S_ts(c, end - 1));
	a->nwords = words;
	return end - i;
}

/* Index of the token starting the last `keep` name words ending at j. */
static size_t
S_keep_last(const struct ctx *c, size_t r, size_t j, int keep)
{
	size_t k = j + 1;

	while (k > r && keep > 0) {
		k--;
		if (S_nameword(c, k))
			keep--;
	}
	return k;
}

/* A name ending at token j, found backwards but not before lo. A run
 * after a preposition keeps its last two words ("expert on India Alexey
 * Kupriyanov"); a shorter one is the preposition's object. *ns gets
 * the name's first token (its honorific if any). */
static int
S_name_back(const struct ctx *c, size_t lo, size_t j, struct attr *a,
	size_t *ns)
{
	size_t r = j + 1, np;
	int words = 0;

	while (r > lo && j + 1 - r < 10) {
		if (S_nameword(c, r - 1)) {
			words++;
			r--;
		} else if (words && (np = S_particles_back(c, lo, r)) > 0) {
			r -= np;
		} else {
			break;
		}
	}
	if (!words)
		return 0;
	if (r > lo && S_lex(c, r - 1, LEX_NAME_CONNECTOR, 1)) {
		if (words < 3)
			return 0;
		r = S_keep_last(c, r, j, 2);
		words = 2;
	} else if (words > 4) {
		r = S_keep_last(c, r, j, 2);
		words = 2;
	}
	if (S_lex(c, r, LEX_PLACE_FIRST, 1))
		return 0;
	a->name = S_span(c, r, j + 1);
	a->nwords = words;
	a->poss = 0;
	a->honor = r > lo && S_honor(c, r - 1);
	*ns = a->honor ? r - 1 : r;
	return 1;
}

/* Words a role before a name never crosses. */
static int
S_rolestop(const struct ctx *c, size_t t)
{
	struct slice w;

	if (!S_word(c, t) || S_verb(c, t) || S_lex(c, t, LEX_SUBORD, 0))
		return 1;
	w = S_ts(c, t);
	return S_lowerword(c, t) && w.n > 3 && w.p[w.n - 2] == 'e' &&
		w.p[w.n - 1] == 'd';
}

static int
S_has_title(const struct ctx *c, size_t i, size_t j)
{
	for (; i < j; i++)
		if (S_title(c, i))
			return 1;
	return 0;
}

/* Drop a leading "a"/"an" from a role ("a political analyst"). */
static size_t
S_skip_indef(const struct ctx *c, size_t i, size_t j)
{
	if (i + 1 < j && (S_is(c, i, "a") || S_is(c, i, "an")))
		return i + 1;
	return i;
}

static long S_lookup(const struct ctx *c, struct slice name, int nwords);

/* Does another person's name end at token t (not before lo): name
 * words after a title or an honorific ("Minister Arvid Kallen"), or
 * the name of someone already met ("Kallen"), and no title after them
 * (else they are a role's words)? */
static int
S_person_ends(const struct ctx *c, size_t lo, size_t t)
{
	size_t r = t + 1;

	while (r > lo && t + 1 - r < 4 && S_nameword(c, r - 1))
		r--;
	if (r == t + 1 || S_title(c, t + 1) || S_nameword(c, t + 1))
		return 0;       /* "Valdorian Defence Minister": role words */
	if (r > lo && (S_title(c, r - 1) || S_honor(c, r - 1)))
		return 1;
	return S_lookup(c, S_span(c, r, t + 1), (int)(t + 1 - r)) >= 0;
}

/* A plural title at t with a capitalised word after it: "Defence
 * ministers Valdorian Defence Minister A and …" lists people, each
 * with a role of their own. */
static int
S_plural_title(const struct ctx *c, size_t t)
{
	struct slice w;

	if (!S_title(c, t) || !S_cap(c, t + 1))
		return 0;
	w = S_ts(c, t);
	return w.n > 3 && w.p[w.n - 1] == 's' && w.p[w.n - 2] != 's';
}

/* Role words before a name ("Kremlin spokesperson", "State Duma
 * Speaker"), back to a boundary; kept only when a title is among them.
 * A role never crosses a preposition after a common noun ("in the
 * presence of Prime Minister"), never takes in another person's name ("talks between
 * Valdorian Defence Minister Arvid Kallen and Norvenian Defence
 * Minister Petra Lundgaard": Lundgaard's role is "Norvenian Defence
 * Minister"), "between", or a plural title that lists people.
 * Returns where the scan stopped (the subject's start). */
static size_t
S_role_back(const struct ctx *c, size_t lo, size_t ns, struct slice *role)
{
	size_t k = ns, n = 0;

	role->p = NULL;
	role->n = 0;
	while (k > lo && !S_rolestop(c, k - 1)) {
		if (k < ns && (S_is(c, k - 1, "between") ||
		    S_person_ends(c, lo, k - 1) || S_plural_title(c, k - 1)))
			break;
		/* "signed the documents in the presence of Prime Minister
		 * NAME": a preposition after a common noun ends a role
		 * that has its title after it; after a title it is the
		 * role's ("Minister of State"), and before a place the
		 * role goes on ("member of the delegation in Riyadh") */
		if (k < ns && k - 1 > lo && S_lex(c, k - 1, LEX_SOURCE_PREP, 0) &&
		    S_lowerword(c, k - 2) && !S_title(c, k - 2) &&
		    S_has_title(c, k, ns))
			break;
		if (++n > Q_MAXROLE)
			return ns;
		k--;
	}
	if (!S_has_title(c, k, ns))
		return ns;
	{
		size_t r = k;
		while (r < ns && (S_lex(c, r, LEX_NAME_STOP, 1) ||
			S_lexdate(c, r)))
			r++;
		if (r < ns)
			*role = S_span(c, r, ns);
	}
	return k;
}

/* ---- attribution clauses ---------------------------------------------- */

/* First token at or after i that ends a clause; hi when none within max. */
static size_t
S_clause_end(const struct ctx *c, size_t i, size_t hi, size_t max)
{
	size_t j;

	for (j = i; j < hi && j < i + max; j++) {
		const struct tok *t = &c->t.v[j];
		if (t->kind == T_QUOTE)
			return j;
		if (t->kind == T_PUNCT && !utf_is_apostrophe((UChar32)t->cp) &&
			t->cp != '&' && t->cp != '/')
			return j;
	}
	return j < hi ? i : hi;
}

/* Capitalised run naming an outlet: "Sputnik India", "the Times of X",
 * "USA Today" (a capitalised "Today" after a word of the name is part
 * of it; a weekday or month is not: "told the AP Monday"). */
static size_t
S_caprun(const struct ctx *c, size_t i, size_t hi)
{
	size_t j = i;
	int words = 0;

	if (j + 1 < hi && S_lex(c, j, LEX_DETERMINER, 1) && S_cap(c, j + 1))
		j++;
	while (j < hi && words < 6) {
		if (S_cap(c, j) && !S_lex(c, j, LEX_NAME_STOP, 1) &&
			(!S_lexdate(c, j) || (words && S_is(c, j, "Today")))) {
			words++;
			j++;
		} else if (words && j + 1 < hi && (S_is(c, j, "of") ||
			S_is(c, j, "for")) && S_cap(c, j + 1)) {
			j++;
		} else {
			break;
		}
	}
	return words ? j - i : 0;
}

/* A venue phrase after "during"/"at": "the plenary session". */
static size_t
S_phrase(const struct ctx *c, size_t i, size_t hi)
{
	size_t j = i;

	if (!S_lex(c, i, LEX_DETERMINER, 1) && !S_cap(c, i))
		return 0;
	while (j < hi && j < i + 8 && S_word(c, j) && !S_verb(c, j) &&
		!S_lex(c, j, LEX_SUBORD, 0) && !S_lex(c, j, LEX_CLAUSE_WORD, 0))
		j++;
	return j > i + 1 || (j > i && S_cap(c, i)) ? j - i : 0;
}

static void
S_set_outlet(const struct ctx *c, struct attr *a, size_t i, size_t n)
{
	if (!a->outlet.n && n > 0)
		a->outlet = S_span(c, i, i + n);
}

/* Where it was said: "in an interview with Z", "to Z", "on Z",
 * "during the plenary session", "at a press conference". */
static size_t
S_venue(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t n;

	if (S_is(c, i, "on") && S_lexdate(c, i + 1))
		i += 2;
	else if (S_lexdate(c, i))
		i++;
	if (S_is(c, i, "in") && S_lex(c, i + 1, LEX_DETERMINER, 1) &&
		S_is(c, i + 2, "interview")) {
		i += 3;
		if (!S_is(c, i, "with") && !S_is(c, i, "to"))
			return i;
		n = S_caprun(c, i + 1, hi);
		S_set_outlet(c, a, i + 1, n);
		return i + 1 + n;
	}
	if ((S_is(c, i, "to") || S_is(c, i, "on")) &&
		(n = S_caprun(c, i + 1, hi)) > 0) {
		S_set_outlet(c, a, i + 1, n);
		return i + 1 + n;
	}
	if ((S_is(c, i, "during") || S_is(c, i, "at")) &&
		(n = S_phrase(c, i + 1, hi)) > 0) {
		S_set_outlet(c, a, i + 1, n);
		return i + 1 + n;
	}
	return i;
}

static long S_lookup(const struct ctx *c, struct slice name, int nwords);

/* After the verb: "told Sputnik India", then a venue. */
static size_t
S_outlet_after(const struct ctx *c, size_t v, size_t hi, struct attr *a)
{
	size_t i = v + 1, n;

	if (S_is(c, v, "told") || S_is(c, v, "tells")) {
		n = S_caprun(c, i, hi);
		if (n > 0 && i + n < hi && S_is(c, i + n, "that") &&
		    S_lookup(c, S_span(c, i, i + n), (int)n) >= 0)
			n = 0;   /* "Modi told Morrison that ...": whom, not where */
		S_set_outlet(c, a, i, n);
		i += n;
		if (!n && S_lex(c, i, LEX_AUDIENCE, 0))
			i++;
	}
	return S_venue(c, i, hi, a);
}

/* A lower-case word that can open a role with no article ("opposition
 * leader in the assembly"): not a verb, a subordinator, a relative
 * ("who", "which") or an "-ing" form ("adding that …"). */
static int
S_bare_role_start(const struct ctx *c, size_t s)
{
	struct slice w;

	if (!S_lowerword(c, s) || S_rolestop(c, s) || S_lex(c, s, LEX_NAME_STOP, 1))
		return 0;
	w = S_ts(c, s);
	return !(w.n > 4 && memcmp(w.p + w.n - 3, "ing", 3) == 0);
}

/* ", a senior fellow at X" after a name: the role up to the next comma. */
static size_t
S_appos(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t e, s;

	if (!S_isp(c, i, ',') || i + 1 >= hi)
		return i;
	s = i + 1;
	if (!S_lex(c, s, LEX_DETERMINER, 1) && !S_title(c, s) && !S_cap(c, s) &&
	    !S_bare_role_start(c, s))
		return i;
	e = S_clause_end(c, s, hi, Q_MAXAPPOS);
	/* a title makes it a role; so does "a"/"an" opening an
	 * apposition that a quotation or the sentence's end closes
	 * ("said Sirajul Islam, a 62-year-old farmer in Dasiar Chhara,
	 * “and …”") */
	if (e == s || (S_has_title(c, s, e) == 0 &&
	    !(S_lex(c, s, LEX_INDEFINITE, 1) && e > s + 1 &&
	      (e >= hi || c->t.v[e].kind == T_QUOTE || S_isp(c, e, '.') ||
	       (S_isp(c, e, ',') && e + 1 < hi && c->t.v[e + 1].kind == T_QUOTE)))))
		return i;
	if (!a->role.n)
		a->role = S_span(c, S_skip_indef(c, s, e), e);
	return S_isp(c, e, ',') ? e + 1 : e;
}

/* A role with no name after the verb: "said a senior official". */
static size_t
S_role_after(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t e = i;

	while (e < hi && e < i + 8 && S_word(c, e) && !S_rolestop(c, e) &&
		!S_lex(c, e, LEX_CLAUSE_WORD, 0))
		e++;
	if (e == i || !S_title(c, e - 1))
		return 0;
	a->kind = A_ROLE;
	a->role = S_span(c, S_skip_indef(c, i, e), e);
	return e;
}

/* Verb first: "said State Duma Speaker Vyacheslav Volodin during …",
 * "said Jane Doe, a senior fellow at X". Returns the end, 0 if none. */
static size_t
S_subject_after(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t r = i, ns;

	if (S_lex(c, i, LEX_PERSONAL_PRONOUN, 1)) {
		a->kind = A_PRONOUN;
		return i + 1;
	}
	if (r + 1 < hi && S_lex(c, r, LEX_DETERMINER, 1) &&
		(S_cap(c, r + 1) || S_title(c, r + 1)))
		r++;
	while (r < hi && r - i < Q_MAXROLE) {
		if (S_title(c, r) || S_honor(c, r) || S_cap(c, r))
			r++;
		else if (S_particles_fwd(c, r, hi))
			r += S_particles_fwd(c, r, hi);
		else if (r + 1 < hi && S_lex(c, r, LEX_NAME_CONNECTOR, 0) &&
			(S_cap(c, r + 1) || S_title(c, r + 1)))
			r++;
		else
			break;
	}
	if (r == i || !S_name_back(c, i, r - 1, a, &ns))
		return S_role_after(c, i, hi, a);
	a->kind = A_NAME;
	/* an appositive says more than a title before the name:
	 * "said Admiral Rosa Lindqvist, chief of the naval staff" */
	size_t end = S_appos(c, r, hi, a);
	if (a->role.n == 0 && ns > i && S_has_title(c, i, ns))
		a->role = S_span(c, i, ns);
	return end;
}

static int
S_has_letter_word(const struct ctx *c, size_t i, size_t j)
{
	for (; i < j; i++)
		if (S_word(c, i) && !S_has_digit(S_ts(c, i)))
			return 1;
	return 0;
}

/* Subject "ROLE, NAME, VERB": j is the comma before the verb. */
static int
S_subj_inverted(const struct ctx *c, size_t lo, size_t j, struct attr *a)
{
	size_t ns, r;

	if (j < lo + 3 || !S_isp(c, j, ',') ||
		!S_name_back(c, lo, j - 1, a, &ns) || a->nwords < 2 ||
		ns < lo + 2 || !S_isp(c, ns - 1, ','))
		return 0;
	r = ns - 1;
	while (r > lo && ns - 1 - r < Q_MAXROLE && !S_rolestop(c, r - 1))
		r--;
	if (!S_clause_start(c, lo, r, 0) || !S_title(c, ns - 2))
		return 0;
	while (r < ns - 1 && (S_lex(c, r, LEX_NAME_STOP, 1) || S_lexdate(c, r)))
		r++;
	if (r == ns - 1)
		return 0;
	a->role = S_span(c, r, ns - 1);
	a->kind = A_NAME;
	return 1;
}

/* Subject "NAME, ROLE, VERB" (the second comma may be missing). */
static int
S_subj_appos(const struct ctx *c, size_t lo, size_t v, int anchored,
	struct attr *a)
{
	size_t k, n, s, e, j;

	for (k = lo; k < v; k++) {
		if (!S_clause_start(c, lo, k, anchored))
			continue;
		n = S_name_fwd(c, k, v, a);
		if (!n || a->poss || !S_isp(c, k + n, ','))
			continue;
		s = k + n + 1;
		e = S_isp(c, v - 1, ',') ? v - 1 : v;
		if (e <= s || e - s > Q_MAXAPPOS || S_lex(c, s, LEX_SUBORD, 1))
			continue;       /* "Jane Doe, who said …": not hers */
		for (j = s; j < e && S_word(c, j); j++)
			;
		if (j < e)
			continue;
		if (S_has_letter_word(c, s, e))   /* not "Jane Doe, 45," */
			a->role = S_span(c, S_skip_indef(c, s, e), e);
		a->kind = A_NAME;
		return 1;
	}
	return 0;
}

/* Subject "[ROLE] NAME" ending at token j. */
static int
S_subj_name(const struct ctx *c, size_t lo, size_t j, int anchored,
	struct attr *a)
{
	size_t ns, start;

	if (!S_name_back(c, lo, j, a, &ns))
		return 0;
	start = S_role_back(c, lo, ns, &a->role);
	if (!a->role.n)
		start = ns;
	if (!S_clause_start(c, lo, start, anchored) &&
		(anchored || a->nwords < 2))
		return 0;
	a->kind = A_NAME;
	return 1;
}

/* Subject "[TITLE] NAME of/at/from ORG" ending at token j: "Analyst
 * Jonas Berg of the Kolven Security Forum believes …". The role given is
 * the affiliation (a slice cannot hold the title and it both). */
static int
S_subj_affil(const struct ctx *c, size_t lo, size_t j, int anchored,
	struct attr *a)
{
	size_t p = j + 1, ns, start;

	while (p > lo && j + 1 - p < 8 && (S_cap(c, p - 1) ||
		S_lex(c, p - 1, LEX_DETERMINER, 1)))
		p--;
	if (p <= lo + 1 || p > j || !(S_is(c, p - 1, "of") || S_is(c, p - 1, "at") ||
		S_is(c, p - 1, "from")))
		return 0;
	if (!S_name_back(c, lo, p - 2, a, &ns) || a->nwords < 2 || a->poss)
		return 0;
	start = S_role_back(c, lo, ns, &a->role);
	if (!a->role.n)
		start = ns;
	if (!S_clause_start(c, lo, start, anchored))
		return 0;
	/* the affiliation names the speaker best: "Kolven Security Forum" */
	a->role = S_span(c, S_lex(c, p, LEX_DETERMINER, 1) ? p + 1 : p, j + 1);
	a->kind = A_NAME;
	return 1;
}

/* An outlet as subject: "TASS", "The Daily X", "the agency". */
static int
S_outlet_subject(const struct ctx *c, size_t k, size_t j)
{
	size_t i;

	for (i = k; i <= j; i++)
		if (!S_cap(c, i) && !S_lex(c, i, LEX_DETERMINER, 1) &&
			!S_lex(c, i, LEX_OUTLET_NOUN, 1) && !S_is(c, i, "of"))
			return 0;
	return 1;
}

/* Subject that is not a name: an outlet ("TASS reported", "the agency
 * reported"), a body ("the CPI(M) Politburo said") or a role ("a senior
 * official said"). */
static int
S_subj_phrase(const struct ctx *c, size_t lo, size_t j, size_t v,
	int anchored, struct attr *a)
{
	size_t k = j + 1;

	while (k > lo && j + 1 - k < 8 && !S_rolestop(c, k - 1))
		k--;
	if (!S_clause_start(c, lo, k, anchored) || S_quant(c, k))
		return 0;       /* "Neither government has said": no one */
	if (j + 1 - k <= 5 && S_outlet_subject(c, k, j) &&
		(S_is(c, v, "reported") || S_is(c, v, "reports") ||
		(k == j && S_allcaps_s(S_ts(c, j)) &&
		S_lex(c, v, LEX_SAY_VERB, 0)))) {
		a->kind = A_REPORTED;
		a->outlet = S_span(c, k, j + 1);
		return 1;
	}
	if (j + 1 - k <= 9 && S_lex(c, j, LEX_ORG_NOUN, 1) && !S_has_title(c, k, j + 1) &&
	    S_lex(c, v, LEX_SAY_VERB, 0) && S_clause_start(c, lo, k, anchored)) {
		size_t s0 = S_lex(c, k, LEX_DETERMINER, 1) ? k + 1 : k;
		int named = 0;
		for (size_t q = s0; q <= j; q++)
			named |= S_cap(c, q) && (q > k || !S_lex(c, q, LEX_DETERMINER, 1));
		/* a named body, not "its foreign ministry" or "her party" */
		if (s0 <= j && named && !S_lex(c, k, LEX_POSSESSIVE, 1)) {
			a->kind = A_ORG;
			a->name = S_span(c, s0, j + 1);
			return 1;
		}
	}
	if (!S_has_title(c, k, j + 1) || S_lex(c, j, LEX_NAME_STOP, 1))
		return 0;
	a->kind = A_ROLE;
	a->role = S_span(c, S_skip_indef(c, k, j + 1), j + 1);
	return 1;
}

/* The subject of the speech verb at v, within [lo, v). */
static int
S_subject_before(const struct ctx *c, size_t lo, size_t v, int anchored,
	struct attr *a)
{
	size_t j = v;

	memset(a, 0, sizeof *a);
	if (!anchored && v > lo + Q_SUBJWIN)
		lo = v - Q_SUBJWIN;
	while (j > lo && S_lex(c, j - 1, LEX_SPEECH_ADVERB, 0))
		j--;
	if (j == lo)
		return 0;
	j--;
	if (S_lex(c, j, LEX_PERSONAL_PRONOUN, 1) && S_clause_start(c, lo, j, anchored)) {
		a->kind = A_PRONOUN;
		return 1;
	}
	if (S_subj_appos(c, lo, v, anchored, a))
		return 1;
	memset(a, 0, sizeof *a);
	if (!anchored && S_subj_inverted(c, lo, j, a))
		return 1;
	memset(a, 0, sizeof *a);
	if (S_subj_affil(c, lo, j, anchored, a))
		return 1;
	memset(a, 0, sizeof *a);
	if (S_subj_name(c, lo, j, anchored, a))
		return 1;
	memset(a, 0, sizeof *a);
	return S_subj_phrase(c, lo, j, v, anchored, a);
}

static int
S_according_at(const struct ctx *c, size_t i)
{
	return (S_is(c, i, "according") || S_is(c, i, "According")) &&
		S_is(c, i + 1, "to");
}

/* "According to Russia's official news agency, TASS, …": the outlet in
 * the appositive. */
static int
S_according_appos(const struct ctx *c, size_t s, size_t e, size_t hi,
	struct attr *a)
{
	size_t i, n;

	for (i = s; i < e; i++)
		if (S_lex(c, i, LEX_OUTLET_NOUN, 1))
			break;
	if (i == e || !S_isp(c, e, ','))
		return 0;
	n = S_caprun(c, e + 1, hi);
	if (!n || !S_isp(c, e + 1 + n, ','))
		return 0;
	a->kind = A_REPORTED;
	a->outlet = S_span(c, e + 1, e + 1 + n);
	return 1;
}

static long S_lookup(const struct ctx *c, struct slice name, int nwords);

/* "According to [ROLE] NAME[, ROLE,]": a person only when the name is
 * known, or comes with an honorific or a role; else it is a source. */
static int
S_according_person(const struct ctx *c, size_t s, size_t e, size_t hi,
	struct attr *a)
{
	size_t ns, start;

	if (!S_name_back(c, s, e - 1, a, &ns))
		return 0;
	start = S_role_back(c, s, ns, &a->role);
	if ((a->role.n ? start : ns) != s)
		return 0;
	if (!a->role.n)
		S_appos(c, e, hi, a);
	if (S_lookup(c, a->name, a->nwords) < 0 && !a->honor && !a->role.n)
		return 0;
	a->kind = A_NAME;
	return 1;
}

/* The attribution in "according to X" (X from token i). */
static int
S_according(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t e = S_clause_end(c, i, hi, Q_MAXPHRASE), s = i, k;

	memset(a, 0, sizeof *a);
	a->according = 1;
	for (k = i; k + 1 < e && k < i + 6; k++)
		if (S_lex(c, k, LEX_SOURCE_NOUN, 1) &&
			S_lex(c, k + 1, LEX_SOURCE_PREP, 0)) {
			s = k + 2;
			break;
		}
	if (s >= e)
		return 0;
	a->end = e;
	if (S_according_appos(c, s, e, hi, a) ||
		S_according_person(c, s, e, hi, a))
		return 1;
	a->role.n = 0;
	if (S_title(c, e - 1)) {
		a->kind = A_ROLE;
		a->role = S_span(c, S_skip_indef(c, s, e), e);
		return 1;
	}
	/* a source is a name ("Reuters", "the Norvenian defence ministry"),
	 * the outlet named before ("the agency") or a body ("the court");
	 * "official figures", "the resolution" and "officials" are none */
	for (k = s; k < e && !S_cap(c, k); k++)
		;
	if (k == e && !(S_lex(c, s, LEX_DETERMINER, 1) &&
	    (S_lex(c, e - 1, LEX_OUTLET_NOUN, 1) || S_lex(c, e - 1, LEX_ORG_NOUN, 1))))
		return 0;
	a->kind = A_REPORTED;
	a->outlet = S_span(c, s, e);
	return 1;
}

/* "In his words," / "In her words," before a quote. */
static int
S_words_cue(const struct ctx *c, size_t i, struct attr *a)
{
	if (!(S_is(c, i, "In") || S_is(c, i, "in")))
		return 0;
	if (!(S_is(c, i + 1, "his") || S_is(c, i + 1, "her")) ||
		!S_is(c, i + 2, "words"))
		return 0;
	memset(a, 0, sizeof *a);
	a->kind = A_PRONOUN;
	a->end = i + 3;
	return 1;
}

/* "told"/"tells": the words after it are whom or where it was told
 * ("Jane Doe, an analyst, told Defence Weekly that …"), never its
 * subject, as they can be after "said" (", said Jane Doe"). */
static int
S_tell(const struct ctx *c, size_t v)
{
	return S_is(c, v, "told") || S_is(c, v, "tells");
}

/* Attribution around the speech verb at v: ", said NAME" or
 * "SUBJECT VERB [OUTLET]". */
static int
S_verb_attr(const struct ctx *c, size_t lo, size_t v, size_t hi,
	struct attr *a)
{
	size_t end;

	if (v > lo && S_isp(c, v - 1, ',') && !S_tell(c, v)) {
		memset(a, 0, sizeof *a);
		if ((end = S_subject_after(c, v + 1, hi, a)) > 0) {
			a->end = S_venue(c, end, hi, a);
			return 1;
		}
	}
	if (!S_subject_before(c, lo, v, 0, a))
		return 0;
	a->end = S_outlet_after(c, v, hi, a);
	return 1;
}

/* The first attribution cue in tokens [lo, hi). */
static int
S_frame_attr(const struct ctx *c, size_t lo, size_t hi, struct attr *a)
{
	size_t i, cues = 0;

	for (i = lo; i < hi && cues < Q_MAXCUES; i++) {
		if (S_words_cue(c, i, a))
			return 1;
		if (S_according_at(c, i)) {
			cues++;
			if (S_according(c, i + 2, hi, a))
				return 1;
		} else if (S_verb(c, i)) {
			cues++;
			if (S_verb_attr(c, lo, i, hi, a))
				return 1;
		}
	}
	return 0;
}

/* "— John Smith[, ROLE]" after a quote. */
static int
S_dash_attr(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t n = S_name_fwd(c, i, hi, a);

	if (!n || a->poss)
		return 0;
	a->kind = A_NAME;
	a->end = S_appos(c, i + n, hi, a);
	return 1;
}

/* Attribution right after a quote (tokens from i): the clause must
 * start there. */
static int
S_post_attr(const struct ctx *c, size_t i, size_t hi, struct attr *a)
{
	size_t v, lim, end;

	memset(a, 0, sizeof *a);
	if (S_isp(c, i, ','))
		i++;
	if (i >= hi || c->t.v[i].kind == T_QUOTE)
		return 0;
	if (c->t.v[i].kind == T_PUNCT && S_dash(c->t.v[i].cp))
		return S_dash_attr(c, i + 1, hi, a);
	if (S_according_at(c, i))
		return S_according(c, i + 2, hi, a);
	if (S_verb(c, i) && !S_tell(c, i) &&
	    (end = S_subject_after(c, i + 1, hi, a)) > 0) {
		a->end = S_venue(c, end, hi, a);
		return 1;
	}
	lim = hi < i + Q_POSTWIN ? hi : i + Q_POSTWIN;
	for (v = i; v < lim && c->t.v[v].kind != T_QUOTE; v++) {
		if (S_isp(c, v, '.') || S_isp(c, v, '?') || S_isp(c, v, '!'))
			return 0;
		if (S_verb(c, v))
			break;
	}
	if (v >= lim || !S_verb(c, v) || !S_subject_before(c, i, v, 1, a))
		return 0;
	a->end = S_outlet_after(c, v, hi, a);
	return 1;
}

/* ---- people ----------------------------------------------------------- */

static struct slice
S_lastword(struct slice n)
{
	size_t k = n.n;

	while (k > 0 && n.p[k - 1] != ' ')
		k--;
	return (struct slice){ n.p + k, n.n - k };
}

static int
S_same(struct slice a, struct slice b)
{
	return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

/* The person a name refers to: the exact full name, or for one word the
 * latest person with that surname. -1 when unknown. */
static long
S_lookup(const struct ctx *c, struct slice name, int nwords)
{
	size_t i;

	for (i = c->nppl; i > 0; i--) {
		struct slice p = c->ppl[i - 1].name;
		if (S_same(p, name) ||
			(nwords == 1 && S_same(S_lastword(p), name)))
			return (long)(i - 1);
	}
	return -1;
}

static int
S_known_outlet(const struct ctx *c, struct slice w)
{
	size_t i;

	for (i = 0; i < c->nout; i++)
		if (S_same(c->outlets[i], w))
			return 1;
	return 0;
}

/* Remember a person (or fill the blanks of one already known). */
static long
S_register(struct ctx *c, struct slice name, struct slice role,
	struct slice outlet)
{
	long p = -1;
	size_t i;

	for (i = 0; i < c->nppl && p < 0; i++)
		if (S_same(c->ppl[i].name, name))
			p = (long)i;
	if (p < 0 && c->nppl == Q_MAXPEOPLE)
		return -1;
	if (p < 0) {
		p = (long)c->nppl++;
		memset(&c->ppl[p], 0, sizeof c->ppl[p]);
		c->ppl[p].name = name;
	}
	if (!c->ppl[p].role.n)
		c->ppl[p].role = role;
	if (!c->ppl[p].outlet.n)
		c->ppl[p].outlet = outlet;
	return p;
}

/* "Jane Doe, a researcher at X, …" at a clause start. */
static void
S_mention_appos(struct ctx *c, size_t i)
{
	struct attr a;
	size_t n;

	memset(&a, 0, sizeof a);
	if (!S_clause_start(c, 0, i, 0))
		return;
	n = S_name_fwd(c, i, c->t.n, &a);
	if (!n || a.nwords < 2 || a.poss || !S_isp(c, i + n, ','))
		return;
	S_appos(c, i + n, c->t.n, &a);
	if (a.role.n)
		S_register(c, a.name, a.role, (struct slice){ NULL, 0 });
}

/* Names introduced with a role anywhere ("Prime Minister Jane Doe",
 * "Jane Doe, a researcher at X,"), so a later "Doe said" resolves. */
static void
S_mentions(struct ctx *c)
{
	struct attr a;
	struct slice role;
	size_t i;

	for (i = 0; i + 1 < c->t.n; i++) {
		S_mention_appos(c, i);
		if (!S_title(c, i) || S_title(c, i + 1))
			continue;
		memset(&a, 0, sizeof a);
		if (!S_name_fwd(c, i + 1, c->t.n, &a) || a.nwords < 2)
			continue;
		S_role_back(c, 0, i + 1, &role);
		S_register(c, a.name, role, (struct slice){ NULL, 0 });
	}
}

static void
S_who_person(const struct ctx *c, long p, struct who *w, int resolved)
{
	if (p < 0)
		return;
	w->speaker = c->ppl[p].name;
	if (!w->role.n)
		w->role = c->ppl[p].role;
	if (resolved) {
		if (!w->outlet.n)
			w->outlet = c->ppl[p].outlet;
		w->flags |= VIEW_RESOLVED;
	}
}

static void
S_who_name(const struct ctx *c, const struct attr *a, struct who *w)
{
	long p = S_lookup(c, a->name, a->nwords);

	if (p < 0 && S_known_outlet(c, a->name)) {
		w->outlet = a->name;
		w->flags |= VIEW_REPORTED;
	} else if (p >= 0) {
		S_who_person(c, p, w, a->nwords == 1);
	} else if (a->nwords >= 2 || a->honor) {
		w->speaker = a->name;
	} else if (!w->role.n) {
		w->role = a->name;      /* a lone unknown word: not a person */
	}
}

/* "the agency reported" refers to the outlet last named. */
static void
S_who_reported(const struct ctx *c, const struct attr *a, struct who *w)
{
	struct slice o = a->outlet;

	w->flags |= VIEW_REPORTED;
	if (o.n > 4 && (memcmp(o.p, "the ", 4) == 0 ||
		memcmp(o.p, "The ", 4) == 0) &&
		S_in(S_lastword(o), LEX_OUTLET_NOUN, 1) && c->last_reported.n) {
		w->outlet = c->last_reported;
		w->flags |= VIEW_RESOLVED;
	}
}

static void
S_who(const struct ctx *c, const struct attr *a, struct who *w)
{
	memset(w, 0, sizeof *w);
	w->role = a->role;
	w->outlet = a->outlet;
	if (a->kind == A_PRONOUN)
		S_who_person(c, c->last_speaker, w, 1);
	else if (a->kind == A_NAME)
		S_who_name(c, a, w);
	else if (a->kind == A_REPORTED)
		S_who_reported(c, a, w);
	else if (a->kind == A_ORG) {
		w->speaker = a->name;
		w->flags |= VIEW_ORG;
	}
}

/* ---- views ------------------------------------------------------------ */

static void
S_remember(struct ctx *c, const struct who *w)
{
	long p;

	if (w->speaker.n && !(w->flags & VIEW_ORG)) {
		p = S_register(c, w->speaker, w->role, w->outlet);
		if (p >= 0)
			c->last_speaker = p;
	}
	if (w->outlet.n && !S_known_outlet(c, w->outlet) &&
		c->nout < Q_MAXOUTLETS)
		c->outlets[c->nout++] = w->outlet;
	if ((w->flags & VIEW_REPORTED) && w->outlet.n)
		c->last_reported = w->outlet;
}

/* A role shared by two names ("Prime Ministers A and B") is each one's
 * in the singular: the plural title loses its "s". */
static struct slice
S_one_role(struct slice r)
{
	size_t k = r.n;
	if (r.n == 0)
		return r;
	while (k > 0 && r.p[k - 1] != ' ')
		k--;
	struct slice last = { r.p + k, r.n - k };
	if (last.n > 3 && last.p[last.n - 1] == 's' && last.p[last.n - 2] != 's' &&
	    S_in(last, LEX_TITLE, 1) && last.p[last.n - 2] != 'e')
		r.n--;
	return r;
}

/* How the article introduces the outlet, from the word before it:
 * "told Sputnik" -> "to", "during the plenary session" -> "during". */
static const char *
S_outlet_prep(const struct ctx *c, struct slice outlet)
{
	static const struct { const char *word, *prep; } preps[] = {
		{ "told ", "to" }, { "during ", "during" }, { "at ", "at" },
		{ "in ", "in" }, { "to ", "to" }, { "interview with ", "to" },
		{ "with ", "with" }, { "on ", "on" },
	};
	size_t back;

	if (outlet.n == 0)
		return NULL;
	back = outlet.p >= c->x && outlet.p <= c->x + c->xn ?
		(size_t)(outlet.p - c->x) : 0;
	for (size_t k = 0; k < sizeof preps / sizeof *preps; k++) {
		size_t m = strlen(preps[k].word);

		if (back >= m && memcmp(outlet.p - m, preps[k].word, m) == 0)
			return preps[k].prep;
	}
	return "in";
}

static void
S_emit(struct ctx *c, size_t first, size_t last, struct slice span,
	const struct who *w, unsigned flags)
{
	struct view v;

	memset(&v, 0, sizeof v);
	v.doc = c->s[first].doc;
	v.first = first;
	v.last = last;
	v.off = (size_t)(span.p - c->x);
	v.len = span.n;
	v.speaker = w->speaker;
	v.role = S_one_role(w->role);
	v.outlet = w->outlet;
	v.outlet_prep = S_outlet_prep(c, w->outlet);
	v.flags = flags | w->flags;
	VEC_PUSH(c->out, v);
	c->added++;
	S_remember(c, w);
	c->prev = *w;
	c->prev_ok = w->speaker.n > 0;
	c->prev_quote = (flags & VIEW_QUOTE) != 0;
}

/* Resolve a and emit. A paraphrase, or a sentence quoting fragments
 * (strict), needs a speaker, a source, or "according to ROLE". */
static int
S_emit_attr(struct ctx *c, size_t first, size_t last, struct slice span,
	const struct attr *a, unsigned flags, int strict)
{
	struct who w;

	S_who(c, a, &w);
	if (strict && !w.speaker.n && !(w.flags & VIEW_REPORTED) &&
		!(a->according && w.role.n))
		return 0;
	S_emit(c, first, last, span, &w, flags);
	return 1;
}

static struct slice
S_sentspan(const struct ctx *c, size_t first, size_t last)
{
	struct slice r = { c->x + c->s[first].off,
		c->s[last].off + c->s[last].len - c->s[first].off };
	return r;
}

/* The author speaking: "I think …", "In my view, …". */
static int
S_first_person(const struct ctx *c)
{
	size_t i, n = c->t.n < 14 ? c->t.n : 14;
	struct slice w;

	for (i = 0; i < n; i++) {
		if (!S_word(c, i))
			continue;
		w = S_ts(c, i);
		if (slice_eq(w, "I") && S_lowerword(c, i + 1) &&
			(i == 0 || !S_cap(c, i - 1) || S_lex(c, i - 1, LEX_NAME_STOP, 1)))
			return 1;
		if (w.n > 2 && w.p[0] == 'I' &&
			utf_is_apostrophe(utf_at(w.p, w.n, 1)))
			return 1;
		if (slice_ieq(w, "my") && S_lex(c, i + 1, LEX_OPINION_NOUN, 0))
			return 1;
	}
	return 0;
}

/* Does a quotation go on at token e, after its attribution: a quote
 * mark, after a comma, opening lowercase words ("and tonight …")? */
static int
S_quote_goes_on(const struct ctx *c, size_t e)
{
	if (e < c->t.n && S_isp(c, e, ','))
		e++;
	return e < c->t.n && c->t.v[e].kind == T_QUOTE &&
	    !S_upper_start(S_qwords(c, e));
}

/* Quotes of a unit: each full quote with an attribution after or before
 * it is a view of its words (VIEW_QUOTE); else an attributed sentence
 * holding quoted fragments is a view of the sentence (VIEW_PARAPHRASE). */
static size_t
S_unit_quotes(struct ctx *c, size_t first, size_t last)
{
	size_t i, made = 0;
	struct attr a;

	for (i = 0; i < c->t.n; i++) {
		if (c->t.v[i].kind != T_QUOTE || !S_quote_full(c, i))
			continue;
		if (S_post_attr(c, i + 1, c->t.n, &a) && S_quote_goes_on(c, a.end)) {
			/* “…,” said NAME, ROLE, “and …”: one quotation in two
			 * pieces; the sentence, whole, is the view */
			made += (size_t)S_emit_attr(c, first, last,
				S_sentspan(c, first, last), &a, VIEW_PARAPHRASE, 0);
			break;
		}
		if (!S_post_attr(c, i + 1, c->t.n, &a) &&
			!S_frame_attr(c, i > Q_WINDOW ? i - Q_WINDOW : 0, i, &a))
			continue;
		made += (size_t)S_emit_attr(c, first, last, S_qwords(c, i), &a,
			VIEW_QUOTE, 0);
	}
	if (made || !S_frame_attr(c, 0, c->t.n, &a))
		return made;
	return (size_t)S_emit_attr(c, first, last, S_sentspan(c, first, last),
		&a, VIEW_PARAPHRASE, 1);
}

/* A unit that is one full quote and nothing else. */
static int
S_bare(const struct ctx *c)
{
	size_t i;

	if (c->t.n == 0 || c->t.v[0].kind != T_QUOTE)
		return 0;
	for (i = 1; i < c->t.n; i++)
		if (c->t.v[i].kind != T_PUNCT)
			return 0;
	return 1;
}

/* A bare quote with no speaker of its own: continue the previous view's
 * speaker, if it had one. */
static void
S_flush(struct ctx *c)
{
	struct pend p = c->pend;

	c->pend.on = 0;
	if (!p.on || !p.has_prev)
		return;
	p.prev.flags |= VIEW_RESOLVED;
	S_emit(c, p.first, p.last, p.words, &p.prev, VIEW_QUOTE);
}

/* The unit after a bare quote is only "Smith said.": that is its speaker. */
static int
S_pending_attr(struct ctx *c, size_t last)
{
	struct attr a;
	size_t i;

	if (!S_post_attr(c, 0, c->t.n, &a) || a.end == 0)
		return 0;
	for (i = a.end; i < c->t.n; i++)
		if (c->t.v[i].kind != T_PUNCT)
			return 0;
	c->pend.on = 0;
	S_emit_attr(c, c->pend.first, last, c->pend.words, &a, VIEW_QUOTE, 0);
	return 1;
}

static void
S_stash(struct ctx *c, size_t first, size_t last)
{
	c->pend.on = 1;
	c->pend.first = first;
	c->pend.last = last;
	c->pend.words = S_qwords(c, 0);
	c->pend.has_prev = c->prev_ok && S_quote_ends(c, 0, 0);
	c->pend.prev = c->prev;
	c->prev_ok = 0;
}

static size_t
S_count_quotes(const struct ctx *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->t.n; i++)
		n += c->t.v[i].kind == T_QUOTE;
	return n;
}

/* One unit: sentences [first, last], text [off, end). */
static void
S_unit(struct ctx *c, size_t first, size_t last, size_t off, size_t end)
{
	size_t made = 0, nq;
	struct attr a;
	unsigned sf = c->s[first].flags;

	S_tokenize(c, off, end);
	if (sf & (SF_HEADING | SF_TITLE)) {
		S_flush(c);
		c->prev_ok = 0;
		return;
	}
	S_mentions(c);
	nq = S_count_quotes(c);
	if (c->pend.on && nq == 0 && S_pending_attr(c, last))
		return;
	S_flush(c);
	if (nq)
		made = S_unit_quotes(c, first, last);
	else if (S_frame_attr(c, 0, c->t.n, &a))
		made = (size_t)S_emit_attr(c, first, last,
			S_sentspan(c, first, last), &a, VIEW_PARAPHRASE, 1);
	if (made)
		return;
	if (S_first_person(c)) {
		struct who w = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 }, 0 };
		S_emit(c, first, last, S_sentspan(c, first, last), &w,
			VIEW_FIRST_PERSON);
	} else if (nq && S_bare(c) && !(sf & SF_BULLET)) {
		S_stash(c, first, last);
	} else {
		c->prev_ok = 0;
	}
}

static size_t
S_send(const struct ctx *c, size_t i)
{
	return c->s[i].off + c->s[i].len;
}

/* Sentences [a, b) of one paragraph: quotations, then units. */
static void
S_para(struct ctx *c, size_t a, size_t b)
{
	size_t lo = c->s[a].off, hi = lo, i, j, end, qi = 0;

	for (i = a; i < b; i++)
		if (S_send(c, i) > hi)
			hi = S_send(c, i);
	S_quotes(c, lo, hi);
	if (!c->prev_quote)
		c->prev_ok = 0;
	for (i = a; i < b; i = j + 1) {
		j = i;
		end = S_send(c, i);
		for (;;) {
			for (; qi < c->q.n && c->q.v[qi].o < end; qi++)
				if (c->q.v[qi].e > end)
					end = c->q.v[qi].e;
			if (j + 1 >= b || c->s[j + 1].off >= end)
				break;
			j++;
			if (S_send(c, j) > end)
				end = S_send(c, j);
		}
		S_unit(c, i, j, c->s[i].off, end);
	}
	S_flush(c);
}

static int
S_sent_ok(const struct ctx *c, size_t i)
{
	return c->s[i].off <= c->xn && c->s[i].len <= c->xn - c->s[i].off &&
		!(c->s[i].flags & SF_LONG);
}

size_t
quotes_find(const struct doc *d, const struct sentence *s, size_t n,
	view_vec *out)
{
	struct ctx *c;
	size_t i = 0, j, added;

	if (d == NULL || d->text == NULL || s == NULL || out == NULL)
		return 0;
	c = xcalloc(1, sizeof *c);
	c->x = d->text;
	c->xn = d->len;
	c->s = s;
	c->out = out;
	c->last_speaker = -1;
	while (i < n) {
		if (!S_sent_ok(c, i)) {
			i++;
			continue;
		}
		for (j = i + 1; j < n && S_sent_ok(c, j) &&
			s[j].para == s[i].para && s[j].doc == s[i].doc &&
			s[j].off >= S_send(c, j - 1); j++)
			;
		S_para(c, i, j);
		i = j;
	}
	added = c->added;
	VEC_FREE(&c->q);
	VEC_FREE(&c->t);
	free(c);
	return added;
}
