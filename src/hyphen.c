/*
 * hyphen.c -- hyphenation points with libhyphen.
 *
 * A word is first reduced to its core: leading and trailing characters
 * that are neither letters nor digits are dropped, then a possessive
 * "'s". The core decides what may happen: digits or inner punctuation
 * (other than apostrophes and hyphens) rule hyphenation out; a hyphen
 * allows breaks after it only; otherwise the core, lower-cased, goes to
 * libhyphen, whose answer for a UTF-8 dictionary is indexed by code
 * point (hnj_hyphen_norm), and is mapped back to byte offsets.
 */
#include "brief/hyphen.h"
#include "brief/utf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define CP_MAX   (HYPHEN_MAXWORD + 8)  /* code points looked at */
#define TOK_MAX  (4 * CP_MAX)          /* bytes of a token, with punctuation */

struct hyphen {
	HyphenDict *dict;
};

/* Where else Debian and others put hyphenation dictionaries. */
static const char *const S_dirs[] = {
	"/usr/share/hyphen", "/usr/local/share/hyphen",
	"/usr/share/myspell/dicts", "/usr/share/myspell",
};

/* ---- loading -------------------------------------------------------- */

static int
S_load(const char *path, struct hyphen **h, struct brief_err *err)
{
	FILE *f = fopen(path, "r");
	HyphenDict *d;

	if (f == NULL)
		return brief_fail(err, "hyphen", path, 0, "%s",
			strerror(errno));
	d = hnj_hyphen_load_file(f);
	fclose(f);
	if (d == NULL)
		return brief_fail(err, "hyphen", path, 0,
			"not a hyphenation dictionary");
	if (!d->utf8) {
		hnj_hyphen_free(d);
		return brief_fail(err, "hyphen", path, 1,
			"dictionary is not UTF-8");
	}
	*h = xmalloc(sizeof **h);
	(*h)->dict = d;
	return 0;
}

int
hyphen_open(const char *path, struct hyphen **h, struct brief_err *err)
{
	const char *base = strrchr(BRIEF_HYPHEN_DICT, '/');
	char alt[512];

	*h = NULL;
	if (path != NULL)
		return S_load(path, h, err);
	if (S_load(BRIEF_HYPHEN_DICT, h, NULL) == 0)
		return 0;
	base = base != NULL ? base + 1 : BRIEF_HYPHEN_DICT;
	for (size_t i = 0; i < sizeof S_dirs / sizeof *S_dirs; i++) {
		snprintf(alt, sizeof alt, "%s/%s", S_dirs[i], base);
		if (S_load(alt, h, NULL) == 0)
			return 0;
	}
	return brief_fail(err, "hyphen", BRIEF_HYPHEN_DICT, 0,
		"no hyphenation dictionary %s (install hyphen-en-us)", base);
}

void
hyphen_close(struct hyphen *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

static struct hyphen *S_shared;
static int S_shared_state;             /* 0: not tried, 1: loaded, -1: failed */
static struct brief_err S_shared_err;

static void
S_shared_release(void)
{
	hyphen_close(S_shared);
	S_shared = NULL;
}

int
hyphen_shared(struct hyphen **h, struct brief_err *err)
{
	if (S_shared_state == 0) {
		S_shared_state = hyphen_open(NULL, &S_shared,
			&S_shared_err) == 0 ? 1 : -1;
		if (S_shared_state == 1)
			atexit(S_shared_release);
	}
	*h = S_shared;
	if (S_shared_state > 0)
		return 0;
	if (err != NULL)
		*err = S_shared_err;
	return -1;
}

/* ---- the word's core ------------------------------------------------ */

/* A word decoded: code points and the byte offset of each (off[k] for
 * k = count is the end). */
struct word {
	UChar32 cp[CP_MAX];
	size_t off[CP_MAX + 1];
	size_t count;
	size_t lo, hi;           /* the core: cp[lo..hi) */
};

/* A hyphen a line may break after (not the non-breaking U+2011). */
static int
S_is_hyphen(UChar32 c)
{
	return utf_is_hyphen(c) && c != UTF_NB_HYPHEN;
}

/* Decode s[0..n); -1 when malformed or too long. */
static int
S_decode(const char *s, size_t n, struct word *w)
{
	size_t i = 0;

	if (n > TOK_MAX)
		return -1;
	w->count = 0;
	while (i < n) {
		UChar32 c;

		if (w->count == CP_MAX)
			return -1;
		w->off[w->count] = i;
		c = utf_decode(s, n, &i);
		if (c < 0)
			return -1;
		w->cp[w->count++] = c;
	}
	w->off[w->count] = n;
	return 0;
}

/* Strip what surrounds the core: punctuation and a possessive 's. */
static void
S_core(struct word *w)
{
	size_t lo = 0, hi = w->count;

	while (lo < hi && !u_isalnum(w->cp[lo]))
		lo++;
	while (hi > lo && !u_isalnum(w->cp[hi - 1]))
		hi--;
	if (hi - lo > 2 && (w->cp[hi - 1] == 's' || w->cp[hi - 1] == 'S') &&
	    utf_is_apostrophe(w->cp[hi - 2]))
		hi -= 2;
	w->lo = lo;
	w->hi = hi;
}

/* What the core holds. */
struct shape {
	size_t letters, upper, lower, hyphens;
	int other;               /* digits or inner punctuation */
};

static struct shape
S_shape(const struct word *w)
{
	struct shape sh = { 0, 0, 0, 0, 0 };

	for (size_t k = w->lo; k < w->hi; k++) {
		UChar32 c = w->cp[k];

		if (u_isalpha(c)) {
			sh.letters++;
			sh.upper += u_isupper(c) || u_istitle(c);
			sh.lower += u_islower(c) != 0;
		} else if (S_is_hyphen(c)) {
			sh.hyphens++;
		} else if (!utf_is_apostrophe(c)) {
			sh.other = 1;
		}
	}
	return sh;
}

/* Letters in cp[from..to). */
static size_t
S_letters(const struct word *w, size_t from, size_t to)
{
	size_t n = 0;

	for (size_t k = from; k < to; k++)
		n += u_isalpha(w->cp[k]) != 0;
	return n;
}

/* ---- points --------------------------------------------------------- */

/* "long-term": a break after each hyphen with enough letters around. */
static size_t
S_explicit(const struct word *w, unsigned char *out)
{
	size_t seg = w->lo, count = 0;

	for (size_t k = w->lo; k < w->hi; k++) {
		size_t next;

		if (!S_is_hyphen(w->cp[k]))
			continue;
		for (next = k + 1; next < w->hi && !S_is_hyphen(w->cp[next]);
		    next++)
			;
		if (S_letters(w, seg, k) >= HYPHEN_LEFTMIN &&
		    S_letters(w, k + 1, next) >= HYPHEN_RIGHTMIN) {
			out[w->off[k + 1]] = HYPHEN_EXPLICIT;
			count++;
		}
		seg = k + 1;
	}
	return count;
}

/* The core lower-cased into buf (NUL-terminated), apostrophes as '. */
static int32_t
S_lower(const struct word *w, char *buf, int32_t cap)
{
	int32_t n = 0;

	for (size_t k = w->lo; k < w->hi; k++) {
		UChar32 c = utf_is_apostrophe(w->cp[k]) ? '\'' : u_tolower(w->cp[k]);
		UBool bad = 0;

		U8_APPEND(buf, n, cap - 1, c, bad);
		if (bad)
			return -1;
	}
	buf[n] = '\0';
	return n;
}

static void
S_free_rep(char **rep, int *pos, int *cut, int n)
{
	if (rep != NULL)
		for (int i = 0; i < n; i++)
			free(rep[i]);
	free(rep);
	free(pos);
	free(cut);
}

/* libhyphen's points for the core, kept only between two letters with
 * the minimums met on both sides. */
static size_t
S_patterns(struct hyphen *h, const struct word *w, unsigned flag,
	unsigned char *out)
{
	char lw[TOK_MAX + 1], hy[TOK_MAX + 8];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int32_t n = S_lower(w, lw, (int32_t)sizeof lw);
	size_t count = 0, len = w->hi - w->lo;

	if (n <= 0)
		return 0;
	memset(hy, 0, sizeof hy);
	hnj_hyphen_hyphenate3(h->dict, lw, (int)n, hy, NULL, &rep, &pos,
		&cut, HYPHEN_LEFTMIN, HYPHEN_RIGHTMIN, HYPHEN_LEFTMIN,
		HYPHEN_RIGHTMIN);
	for (size_t k = 0; k + 1 < len; k++) {
		size_t at = w->lo + k + 1;

		if (!(hy[k] & 1) || (rep != NULL && rep[k] != NULL) ||
		    !u_isalpha(w->cp[at - 1]) || !u_isalpha(w->cp[at]) ||
		    S_letters(w, w->lo, at) < HYPHEN_LEFTMIN ||
		    S_letters(w, at, w->hi) < HYPHEN_RIGHTMIN)
			continue;
		out[w->off[at]] = (unsigned char)(HYPHEN_SOFT | flag);
		count++;
	}
	S_free_rep(rep, pos, cut, (int)n);
	return count;
}

size_t
hyphen_points(struct hyphen *h, const char *word, size_t n,
	unsigned char *out)
{
	struct word w;
	struct shape sh;

	memset(out, 0, n);
	if (h == NULL || S_decode(word, n, &w) != 0)
		return 0;
	S_core(&w);
	sh = S_shape(&w);
	if (sh.other || w.off[w.hi] - w.off[w.lo] > HYPHEN_MAXWORD)
		return 0;
	if (sh.hyphens > 0)
		return S_explicit(&w, out);
	if (sh.letters < HYPHEN_MINWORD || sh.lower == 0)
		return 0;
	return S_patterns(h, &w, sh.upper > 0 ? HYPHEN_PROPER : 0, out);
}
