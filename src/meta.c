/*
 * meta.c -- date lines, bylines, credits, captions, labels, furniture
 * and datelines: the lines of a news page that are not article text.
 *
 * A line is folded (ASCII letters and digits lower-cased, every other
 * run of bytes one space) and matched against a few word lists; shapes
 * with structure (a date with a time after it, a caption's closing
 * credit, a dateline's place, date and agency) are read from the raw
 * bytes. Each rule has a name that --dump ingest prints beside the line
 * it dropped. Rules that would also match a real sentence ("Follow the
 * money", "Share prices fell") apply only to lines that do not read as
 * one: short, or without closing punctuation.
 */
#include "brief/meta.h"
#include "brief/lexicon.h"
#include "brief/utf.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define FOLD_MAX 160      /* bytes of a folded key; longer lines are text */

/* ---- folding and small helpers ----------------------------------- */

/* Lower-cased ASCII words of s separated by single spaces; other bytes
 * (punctuation, non-ASCII) separate words. Returns the key's length. */
static size_t
S_fold(const char *p, size_t n, char *out, size_t cap)
{
	size_t j = 0;
	for (size_t i = 0; i < n && j + 1 < cap;) {
		unsigned char c = (unsigned char)p[i];
		if (isalnum(c)) {
			out[j++] = (char)tolower(c);
			i++;
		} else if (utf_is_apostrophe(utf_next(p, n, &i))) {
			/* "don't" folds to "dont" */
		} else if (j > 0 && out[j - 1] != ' ') {
			out[j++] = ' ';
		}
	}
	while (j > 0 && out[j - 1] == ' ')
		j--;
	out[j] = '\0';
	return j;
}

static size_t
S_nwords(const char *key)
{
	size_t w = 0;
	for (const char *s = key; *s; s++)
		if (*s != ' ' && (s == key || s[-1] == ' '))
			w++;
	return w;
}

static int
S_is(const char *key, const char *const *list)
{
	for (size_t k = 0; list[k] != NULL; k++)
		if (key[0] == list[k][0] && strcmp(key, list[k]) == 0)
			return 1;
	return 0;
}

/* Does key begin with one of list's phrases (as whole words)? */
static const char *
S_starts(const char *key, const char *const *list)
{
	for (size_t k = 0; list[k] != NULL; k++) {
		size_t m;

		if (key[0] != list[k][0])   /* most lines part here */
			continue;
		m = strlen(list[k]);
		if (strncmp(key, list[k], m) == 0 && (key[m] == '\0' || key[m] == ' '))
			return list[k];
	}
	return NULL;
}

static int
S_contains(const char *key, const char *const *list)
{
	for (size_t k = 0; list[k] != NULL; k++)
		if (strstr(key, list[k]) != NULL)
			return 1;
	return 0;
}

/* Closing punctuation: . ! ? … possibly before closing quotes/brackets. */
static int
S_ends_sentence(const char *p, size_t n)
{
	n = utf_trim_closing(p, n);
	if (n == 0)
		return 0;
	if (p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?')
		return 1;
	return n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0;
}

static struct slice
S_trim(const char *p, size_t n)
{
	return slice_trim((struct slice){ p, n });
}

/* News agencies: a line that is only one of these is a credit. */
static const char *const agencies[] = { "reuters", "ap", "afp", "pti",
	"ani", "ians", "uni", "xinhua", "bloomberg", "kyodo", "yonhap",
	"tass", "ria novosti", "sputnik", "agencies", "agency", "dpa", "efe",
	"bernama", "aap", "anadolu", "associated press", "agence france presse",
	"press trust of india", "asian news international", "wam", "irna",
	"apa", "bss", "ndtv", "afp jiji", "jiji", "jiji press", "nhk", NULL };

/* ---- date lines ---------------------------------------------------- */

struct S_label {
	const char *w;
	int updated, marker;
};

static const struct S_label date_labels[] = {
	{ "last updated on", 1, 0 }, { "last updated", 1, 0 },
	{ "last modified on", 1, 0 }, { "last modified", 1, 0 },
	{ "first published on", 0, 0 }, { "first published", 0, 0 },
	{ "originally published on", 0, 0 }, { "originally published", 0, 0 },
	{ "published on", 0, 0 }, { "published at", 0, 0 },
	{ "updated on", 1, 0 }, { "updated at", 1, 0 }, { "posted on", 0, 0 },
	{ "modified on", 1, 0 }, { "published", 0, 0 }, { "updated", 1, 0 },
	{ "posted", 0, 0 }, { "modified", 1, 0 }, { "created", 0, 0 },
	{ "released", 0, 0 }, { "dated", 0, 1 }, { "date", 0, 1 },
	{ NULL, 0, 0 },
};

/* A label at the start of p (any case, then space, ':' or a dash);
 * returns the bytes it covers with what separates it, or 0. */
static size_t
S_date_label(const char *p, size_t n, const struct S_label **lab)
{
	for (const struct S_label *l = date_labels; l->w != NULL; l++) {
		size_t m = strlen(l->w), i;
		if (n <= m || strncasecmp(p, l->w, m) != 0 || isalnum((unsigned char)p[m]))
			continue;
		i = m;
		while (i < n && (p[i] == ' ' || p[i] == ':' || p[i] == '-' ||
		    p[i] == '|' || p[i] == ','))
			i++;
		size_t j = i;
		if (utf_is_phrase_dash(utf_next(p, n, &j))) {
			i = j;
			while (i < n && p[i] == ' ')
				i++;
		}
		if (i == m)
			continue;
		*lab = l;
		return i;
	}
	return 0;
}

/* Is p[0..n) nothing but a time, a zone and separators: ", 10:12 AM
 * IST", " / 14:05 IST", "T10:12:00+05:30", " at 9.41 pm (GMT)"? */
static int
S_time_tail(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		if (c == ' ' || c == ',' || c == '/' || c == '|' || c == '(' ||
		    c == ')' || c == '-' || c == '+' || c == ':' || c == '.') {
			i++;
		} else if (c >= 0x80) {
			UChar32 u = utf_next(p, n, &i);
			/* U+0080..U+00BF: NBSP, middle dot; U+2000..U+203F:
			 * spaces, dashes, bullets */
			if (!((u >= 0x80 && u <= 0xBF) || (u >= 0x2000 && u <= 0x203F)))
				return 0;
		} else if (isdigit(c)) {
			while (i < n && (isdigit((unsigned char)p[i]) || p[i] == ':' ||
			    p[i] == '.'))
				i++;
		} else if (isalpha(c)) {
			size_t j = i;
			while (j < n && (isalpha((unsigned char)p[j]) || p[j] == '.'))
				j++;
			struct slice w = { p + i, j - i };
			int caps = 1;
			for (size_t k = i; k < j; k++)
				if (!isupper((unsigned char)p[k]))
					caps = 0;
			if (!(caps && j - i >= 1 && j - i <= 5) && !slice_ieq(w, "am") &&
			    !slice_ieq(w, "pm") && !slice_ieq(w, "a.m.") &&
			    !slice_ieq(w, "p.m.") && !slice_ieq(w, "at") &&
			    !slice_ieq(w, "hrs") && !slice_ieq(w, "hours") &&
			    !slice_ieq(w, "local") && !slice_ieq(w, "time") &&
			    !slice_ieq(w, "T"))
				return 0;
			i = j;
		} else {
			return 0;
		}
	}
	return 1;
}

/* A time before a date line's date: "10:26 PM GMT+3, ", "9:12 AM EDT
 * Monday, " (a weekday with it). Returns the bytes it covers up to the
 * date, or 0: it opens with digits, holds ':' or am/pm, and the rest
 * is a zone, separators and a weekday. */
static size_t
S_time_head(const char *p, size_t n)
{
	size_t i = 0, last = 0;
	int clock = 0;

	if (n == 0 || !isdigit((unsigned char)p[0]))
		return 0;
	while (i < n && (isdigit((unsigned char)p[i]) || p[i] == ':' || p[i] == '.'))
		clock |= p[i++] == ':';
	for (;;) {
		while (i < n && (p[i] == ' ' || p[i] == ',' || p[i] == '|' ||
		    ((p[i] == '+' || p[i] == '-') && last > 0))) {
			if (p[i] == '+' || p[i] == '-')   /* a zone's offset: GMT+3 */
				while (i + 1 < n && (isdigit((unsigned char)p[i + 1]) ||
				    p[i + 1] == ':'))
					i++;
			i++;
		}
		size_t j = i;
		while (j < n && (isalpha((unsigned char)p[j]) || p[j] == '.'))
			j++;
		if (j == i)
			break;
		struct slice w = { p + i, j - i };
		int caps = 1;
		for (size_t k = i; k < j; k++)
			caps &= isupper((unsigned char)p[k]) != 0;
		if (slice_ieq(w, "am") || slice_ieq(w, "pm") || slice_ieq(w, "a.m.") ||
		    slice_ieq(w, "p.m."))
			clock = 1;
		else if (!(caps && j - i <= 5) && !lex_is_ci(LEX_WEEKDAY, w.p, w.n) &&
		    !lex_is_ci(LEX_WEEKDAY_ABBR, w.p, w.n))
			break;
		i = last = j;
	}
	return clock && last > 0 ? i : 0;
}

/* Is p[0..n) a time, then "Updated N hours ago" (or minutes, days)? */
static int
S_ago_tail(const char *p, size_t n)
{
	static const char *const units[] = { "min", "mins", "minute", "minutes",
		"hr", "hrs", "hour", "hours", "day", "days", NULL };
	size_t u = 0;

	while (u + 7 <= n && strncasecmp(p + u, "updated", 7) != 0)
		u++;
	if (u + 7 > n || !S_time_tail(p, u))
		return 0;
	size_t i = u + 7;
	while (i < n && p[i] == ' ')
		i++;
	if (i >= n || !isdigit((unsigned char)p[i]))
		return 0;
	while (i < n && isdigit((unsigned char)p[i]))
		i++;
	while (i < n && p[i] == ' ')
		i++;
	size_t j = i;
	while (j < n && isalpha((unsigned char)p[j]))
		j++;
	int unit = 0;
	for (size_t q = 0; units[q] != NULL; q++)
		unit |= j - i == strlen(units[q]) && strncasecmp(p + i, units[q], j - i) == 0;
	while (j < n && p[j] == ' ')
		j++;
	return unit && n - j >= 3 && strncasecmp(p + j, "ago", 3) == 0 &&
	    S_time_tail(p + j + 3, n - j - 3);
}

static int
S_date_line(const char *p, size_t n, unsigned where, struct meta_line *out)
{
	const struct S_label *lab = NULL;
	size_t i = S_date_label(p, n, &lab), k;
	struct bdate d;
	if (i == 0 && !(where & META_HEAD))
		return 0;
	k = dates_lead(p + i, n - i, &d);
	if (k == 0) {
		size_t t = S_time_head(p + i, n - i);
		if (t > 0 && (k = dates_lead(p + i + t, n - i - t, &d)) > 0)
			i += t;
	}
	if (k == 0 && lab != NULL && !lab->marker && i < n &&
	    isdigit((unsigned char)p[i]) && S_time_tail(p + i, n - i)) {
		/* "First published on: 11-12-2023 at 12:05 IST": day and month
		 * cannot be told apart; the line goes, the date stays unknown */
		out->kind = MK_DATE;
		out->rule = "date-line";
		out->date.prec = DP_NONE;
		return 1;
	}
	if (k == 0 || d.y == 0 || d.prec != DP_DAY)
		return 0;
	k += i;
	if (!S_time_tail(p + k, n - k) && !S_ago_tail(p + k, n - k)) {
		/* "date 2025-12-05 Russian President ...": a clipper's marker
		 * before the text itself */
		if (lab == NULL || !lab->marker || k >= n || p[k] != ' ')
			return 0;
		while (k < n && p[k] == ' ')
			k++;
		out->rest = k;
	}
	out->kind = MK_DATE;
	out->rule = "date-line";
	out->date = d;
	out->updated = lab != NULL && lab->updated;
	return 1;
}

/* ---- reading time, credits, bylines ------------------------------- */

static int
S_readtime(const char *key)
{
	static const char *const lead[] = { "reading time", "read time",
		"estimated reading time", "time to read", NULL };
	static const char *const units[] = { "min", "mins", "minute",
		"minutes", NULL };
	const char *s = key, *l = S_starts(key, lead);
	char w[16];
	if (l != NULL)
		s += strlen(l) + (key[strlen(l)] == ' ');
	if (!isdigit((unsigned char)*s))
		return 0;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s++ != ' ')
		return 0;
	size_t k = 0;
	while (*s && *s != ' ' && k + 1 < sizeof w)
		w[k++] = *s++;
	w[k] = '\0';
	if (!S_is(w, units))
		return 0;
	if (*s == ' ')
		s++;
	return *s == '\0' || strcmp(s, "read") == 0 || strcmp(s, "listen") == 0 ||
	    strcmp(s, "left") == 0;
}

/* Strip one pair of enclosing brackets: "(Source: Reuters)". */
static struct slice
S_unbracket(struct slice s)
{
	if (s.n >= 2 && ((s.p[0] == '(' && s.p[s.n - 1] == ')') ||
	    (s.p[0] == '[' && s.p[s.n - 1] == ']')))
		return S_trim(s.p + 1, s.n - 2);
	return s;
}

/* The value after the first ':' (or "from"/"by"), trimmed. */
static struct slice
S_after(struct slice s, const char *word)
{
	const char *c = memchr(s.p, ':', s.n);
	if (c != NULL)
		return S_trim(c + 1, s.n - (size_t)(c + 1 - s.p));
	for (size_t i = 0; i + strlen(word) < s.n; i++)
		if (strncasecmp(s.p + i, word, strlen(word)) == 0 &&
		    s.p[i + strlen(word)] == ' ')
			return S_trim(s.p + i + strlen(word), s.n - i - strlen(word));
	return (struct slice){ s.p + s.n, 0 };
}

/* A wire desk's sign-off: an agency and capital initials ("PTI RR SMN
 * ANU"), or initials alone ("abh/dan", "sk/arm"). */
static int
S_initials(struct slice s)
{
	size_t i = 0, toks = 0, caps = 0, lows = 0;
	char first[16] = "";
	while (i < s.n) {
		while (i < s.n && (s.p[i] == ' ' || s.p[i] == '/'))
			i++;
		size_t j = i;
		while (j < s.n && s.p[j] != ' ' && s.p[j] != '/')
			j++;
		if (j == i)
			break;
		size_t up = 0, lo = 0;
		for (size_t q = i; q < j; q++) {
			up += isupper((unsigned char)s.p[q]) != 0;
			lo += islower((unsigned char)s.p[q]) != 0;
		}
		if (up + lo != j - i)
			return 0;
		if (toks == 0 && j - i < sizeof first) {
			for (size_t q = i; q < j; q++)
				first[q - i] = (char)tolower((unsigned char)s.p[q]);
			first[j - i] = '\0';
		}
		if (j - i <= 4 && up == j - i)
			caps++;
		else if (j - i <= 4 && lo == j - i)
			lows++;
		else if (toks > 0 || !S_is(first, agencies))
			return 0;
		toks++;
		i = j;
	}
	if (toks >= 2 && S_is(first, agencies) && caps + 1 >= toks && lows == 0)
		return 1;
	return toks >= 2 && lows == toks && memchr(s.p, '/', s.n) != NULL;
}

static int
S_credit(struct slice raw, const char *key, struct meta_line *out)
{
	static const char *const lead[] = { "source", "sources", "with inputs from",
		"inputs from", "with agency inputs", "with inputs from agencies",
		"agency inputs", "with pti inputs", "with ani inputs",
		"with ians inputs", "reporting by", "additional reporting by",
		"editing by", "writing by", "compiled by", "compiled from",
		"this story has not been edited", "this article has not been edited",
		"this is an auto generated", "this story is auto generated",
		"published from a wire agency feed", "only the headline",
		"this article was originally published", "courtesy", NULL };
	struct slice s = S_unbracket(raw);
	const char *l = S_starts(key, lead);
	size_t w = S_nwords(key);
	if (l != NULL && (w <= 12 || strncmp(l, "this", 4) == 0 ||
	    strncmp(l, "only", 4) == 0 || strncmp(l, "published", 9) == 0 ||
	    strncmp(l, "reporting", 9) == 0 || strncmp(l, "additional", 10) == 0)) {
		/* "Source: Reuters" is a credit; "Sources said the talks ..." is
		 * a sentence */
		if ((strcmp(l, "source") == 0 || strcmp(l, "sources") == 0) &&
		    memchr(s.p, ':', s.n < 10 ? s.n : 10) == NULL)
			return 0;
		out->kind = MK_CREDIT;
		out->rule = "credit";
		if (strcmp(l, "source") == 0 || strcmp(l, "sources") == 0 ||
		    strcmp(l, "courtesy") == 0)
			out->outlet = S_after(s, "from");
		if (strcmp(l, "with inputs from") == 0 || strcmp(l, "inputs from") == 0) {
			struct slice o = S_after(s, "from");   /* one agency only */
			char ok[48];
			S_fold(o.p, o.n, ok, sizeof ok);
			if (S_is(ok, agencies) && strcmp(ok, "agencies") != 0 &&
			    strcmp(ok, "agency") != 0)
				out->outlet = o;
		}
		if (strcmp(l, "reporting by") == 0) {
			/* "(Reporting by A in Tokyo and B; Editing by C)": the
			 * reporters are the byline */
			struct slice r = S_after(s, "by");
			size_t e = 0;
			while (e < r.n && r.p[e] != ';' && r.p[e] != ')')
				e++;
			out->byline = S_trim(r.p, e);
		}
		return 1;
	}
	/* "(Reuters)", "— AFP", "PTI" alone; "PTI RR SMN" with the desk's
	 * initials; "abh/dan" */
	const char *k = key;
	if (S_initials(s)) {
		out->kind = MK_CREDIT;
		out->rule = "credit";
		return 1;
	}
	if (*k && S_is(k, agencies) && w <= 3) {
		out->kind = MK_CREDIT;
		out->rule = "credit";
		struct slice v = s;
		while (v.n > 0 && !isalpha((unsigned char)v.p[0]))
			v.p++, v.n--;
		if (strcmp(k, "agencies") != 0 && strcmp(k, "agency") != 0)
			out->outlet = S_trim(v.p, v.n);
		return 1;
	}
	return 0;
}

/* Desks and staff lines: "Express News Service", "HT Correspondent". */
static int
S_desk(const char *key)
{
	static const char *const tails[] = { "news service", "news network",
		"news desk", "web desk", "online desk", "digital desk", "desk",
		"bureau", "correspondent", "staff reporter", "staff writer",
		"staff", "reporter", "news bureau", "web team", "news team",
		"editorial team", "editorial board", NULL };
	size_t n = strlen(key), w = S_nwords(key);
	if (w == 0 || w > 5)
		return 0;
	for (size_t k = 0; tails[k] != NULL; k++) {
		size_t m = strlen(tails[k]);
		if (n >= m && strcmp(key + n - m, tails[k]) == 0 &&
		    (n == m || key[n - m - 1] == ' '))
			return 1;
	}
	return 0;
}

/* Words of s that begin with a capital letter, of all words; a name
 * has only capitalised words (and a few particles). */
static int
S_name_like(struct slice s, size_t max_words)
{
	size_t i = 0, words = 0;
	while (i < s.n) {
		while (i < s.n && (s.p[i] == ' ' || s.p[i] == ','))
			i++;
		if (i >= s.n)
			break;
		size_t j = i;
		while (j < s.n && s.p[j] != ' ' && s.p[j] != ',')
			j++;
		struct slice w = { s.p + i, j - i };
		unsigned char c = (unsigned char)s.p[i];
		/* a capital, a letter beyond ASCII (from U+00C0), a particle
		 * ("de", "van"), "and", "&" */
		if (!(isupper(c) || utf_at(s.p, s.n, i) >= 0xC0 ||
		    lex_is_ci(LEX_NAME_PARTICLE, w.p, w.n) || slice_ieq(w, "and") ||
		    slice_eq(w, "&")))
			return 0;
		/* and letters only, with . ' - inside ("O'Neill", "J.",
		 * "Al-Sayed"): "A+A-", a text-size widget, is no name */
		for (size_t k = 0; k < w.n && !slice_eq(w, "&"); k++) {
			unsigned char b = (unsigned char)w.p[k];
			if (!(isalpha(b) || b >= 0x80 || b == '.' || b == '\'' ||
			    b == '-'))
				return 0;
		}
		words++;
		i = j;
	}
	return words >= 1 && words <= max_words;
}

static int
S_byline(struct slice s, const char *key, struct meta_line *out)
{
	static const char *const lead[] = { "by", "written by", "reported by",
		"posted by", "story by", "words by", "text by", "authored by",
		"author", "authors", "edited by", NULL };
	const char *l = S_starts(key, lead);
	if (l != NULL && S_nwords(key) <= 12 && !S_ends_sentence(s.p, s.n)) {
		size_t i = 0, skip = 0;
		/* the raw text after the lead words */
		while (i < s.n && skip < S_nwords(l)) {
			while (i < s.n && !isalpha((unsigned char)s.p[i]))
				i++;
			while (i < s.n && isalpha((unsigned char)s.p[i]))
				i++;
			skip++;
		}
		while (i < s.n && (s.p[i] == ' ' || s.p[i] == ':'))
			i++;
		struct slice v = { s.p + i, s.n - i };
		size_t cut = v.n;
		for (size_t q = 0; q < v.n; q++)
			if (v.p[q] == ',' || v.p[q] == '|' || v.p[q] == ';' || (v.p[q] == ' ' &&
			    q + 2 < v.n && v.p[q + 1] == '-' && v.p[q + 2] == ' ')) {
				cut = q;
				break;
			}
		struct slice name = S_trim(v.p, cut);
		if (name.n == 0 || !S_name_like(name, 8))
			return 0;
		char nk[64];
		S_fold(name.p, name.n, nk, sizeof nk);
		if (S_desk(nk) && S_byline(name, nk, out)) {
			out->byline = name;     /* "By HT Correspondent" */
			return 1;
		}
		out->kind = MK_BYLINE;
		out->rule = "byline";
		out->byline = name;
		if (cut < v.n) {
			struct slice o = S_trim(v.p + cut + 1, v.n - cut - 1);
			char ok[48];
			S_fold(o.p, o.n, ok, sizeof ok);
			if (S_is(ok, agencies) && strcmp(ok, "agencies") != 0 &&
			    strcmp(ok, "agency") != 0)
				out->outlet = o;
		}
		return 1;
	}
	if (S_desk(key) && !S_ends_sentence(s.p, s.n)) {
		static const char *const house[] = { "news service", "news network",
			"news desk", "web desk", "online desk", "digital desk", "bureau",
			"news bureau", NULL };
		out->kind = MK_BYLINE;
		out->rule = "byline";
		out->byline = s;
		for (size_t k = 0; house[k] != NULL; k++) {
			size_t m = strlen(house[k]), n = strlen(key);
			if (n > m && strcmp(key + n - m, house[k]) == 0)
				out->outlet = s;    /* "Express News Service" */
		}
		size_t a = 0;               /* "HT Correspondent": HT */
		while (a < s.n && isupper((unsigned char)s.p[a]))
			a++;
		if (out->outlet.n == 0 && a >= 2 && a <= 5 && a < s.n && s.p[a] == ' ')
			out->outlet = (struct slice){ s.p, a };
		return 1;
	}
	return 0;
}

/* ---- captions ------------------------------------------------------ */

/* Does the bracketed credit that ends s say it is a picture's? */
static int
S_photo_paren(struct slice s)
{
	static const char *const lead[] = { "photo", "photos", "image", "images",
		"file photo", "file image", "file", "representational",
		"representative", "picture", "pic", "pics", "photograph",
		"photo credit", "image credit", "image source", "credit",
		"courtesy", "ap photo", "reuters photo", "pti photo", "ani photo",
		"afp photo", "ians photo", "getty", "getty images", "screengrab",
		"screenshot", "video grab", "twitter", "x", "instagram",
		"facebook", "via", NULL };
	if (s.n < 3 || s.p[s.n - 1] != ')')
		return 0;
	size_t i = s.n - 1;
	while (i > 0 && s.p[i - 1] != '(')
		i--;
	if (i == 0)
		return 0;
	char key[64];
	S_fold(s.p + i, s.n - 1 - i, key, sizeof key);
	if (S_starts(key, lead) != NULL)
		return 1;
	/* "(PTI Photo)", "(Reuters file photo)" */
	return S_nwords(key) <= 5 && (strstr(key, "photo") || strstr(key, "image") ||
	    strstr(key, "pic"));
}

/* A line of at most 30 words closing on a bare agency in brackets:
 * "People celebrate in Jammu after the verdict. (PTI)". */
static int
S_agency_paren(struct slice s, const char *key)
{
	if (s.n < 4 || s.p[s.n - 1] != ')' || S_nwords(key) > 30)
		return 0;
	size_t i = s.n - 1;
	while (i > 0 && s.p[i - 1] != '(')
		i--;
	if (i < 2)
		return 0;
	char k[32];
	S_fold(s.p + i, s.n - 1 - i, k, sizeof k);
	return S_is(k, agencies);
}

static int
S_ends_with_ci(struct slice s, const char *w)
{
	size_t m = strlen(w);
	return s.n >= m && strncasecmp(s.p + s.n - m, w, m) == 0;
}

/* A picture credit chained at the end: "... summit. / AFP / POOL /
 * Mark Hollis": short " / "-separated parts, one an agency, a pool or a
 * file mark. */
static int
S_credit_chain(struct slice s)
{
	size_t end = s.n, parts = 0;
	int credit = 0;
	while (end > 0 && parts < 5) {
		size_t i = end;
		while (i >= 3 && !(s.p[i - 3] == ' ' && s.p[i - 2] == '/' && s.p[i - 1] == ' '))
			i--;
		if (i < 3)
			break;
		char key[48];
		struct slice part = S_trim(s.p + i, end - i);
		S_fold(part.p, part.n, key, sizeof key);
		if (part.n == 0 || part.n > 40 || S_nwords(key) > 4 ||
		    S_ends_sentence(part.p, part.n) || !isupper((unsigned char)part.p[0]))
			break;
		if (S_is(key, agencies) || strcmp(key, "pool") == 0 ||
		    strcmp(key, "file") == 0 || strcmp(key, "file photo") == 0 ||
		    strcmp(key, "getty images") == 0 || strstr(key, "photo") != NULL)
			credit = 1;
		parts++;
		end = i - 3;
	}
	return credit && parts > 0;
}

static int
S_caption(struct slice s, const char *key)
{
	static const char *const lead[] = { "file photo", "file image",
		"a file photo", "a file image", "file pic", "representational image",
		"representative image", "representational photo",
		"representative photo", "in this file photo", "in this photo",
		"this photo", "in this image", "photo", "photos", "image", "picture",
		"photograph", "photo credit", "image credit", "image courtesy",
		"photo courtesy", "credit", "caption", NULL };
	static const char *const tails[] = { "/ reuters", "/reuters", "/ afp",
		"/afp", "/ ap", "/ pti", "/pti", "/ ani", "/ani", "/ ians",
		"getty images", "/ bloomberg", "/bloomberg", "/ file photo",
		"/file photo", "/file", "(file)", NULL };
	const char *l = S_starts(key, lead);
	if (l != NULL) {
		size_t m = strlen(l);
		/* "Photo: PIB", "FILE PHOTO: ..."; not "Photographs of the
		 * signing were released." */
		const char *c = memchr(s.p, ':', s.n < 40 ? s.n : 40);
		if (c != NULL || strncmp(l, "file", 4) == 0 ||
		    strncmp(l, "a file", 6) == 0 || strncmp(l, "represent", 9) == 0 ||
		    strncmp(l, "in this", 7) == 0 || key[m] == '\0')
			return 1;
	}
	if (S_photo_paren(s) || S_agency_paren(s, key))
		return 1;
	for (size_t i = s.n > 48 ? s.n - 48 : 0; i + 1 < s.n; i++)
		if ((unsigned char)s.p[i] == 0xC2 && (unsigned char)s.p[i + 1] == 0xA9 &&
		    i > 0)
			return 1;                   /* "... verdict. © Rafiq Dar, AFP" */
	for (size_t k = 0; tails[k] != NULL; k++)
		if (S_ends_with_ci(s, tails[k]))
			return 1;
	/* "| Photo Credit: AFP", "Photo: PTI" at the end; "REUTERS/Name" */
	if (strstr(key, "photo credit") || strstr(key, "image credit") ||
	    strstr(key, "photo courtesy") || strstr(key, "image courtesy"))
		return 1;
	for (size_t i = 0; i + 8 < s.n; i++)
		if ((memcmp(s.p + i, "REUTERS/", 8) == 0 ||
		    memcmp(s.p + i, "Reuters/", 8) == 0) && i + 8 < s.n &&
		    isupper((unsigned char)s.p[i + 8]))
			return 1;
	if (S_credit_chain(s))
		return 1;
	const char *bar = NULL;
	for (size_t i = 0; i + 1 < s.n; i++)
		if (s.p[i] == '|')
			bar = s.p + i;
	if (bar != NULL) {
		char tk[48];
		S_fold(bar + 1, (size_t)(s.p + s.n - bar - 1), tk, sizeof tk);
		if (S_starts(tk, lead) != NULL)
			return 1;
	}
	return 0;
}

/* ---- furniture, link lists, comments ------------------------------ */

/* Whole lines (folded) that are page furniture. */
static const char *const furniture[] = {
	"logo", "top", "back to top", "menu", "home", "search", "share",
	"share this", "share this article", "share this story", "share article",
	"share via", "tweet", "print", "email", "e mail", "advertisement",
	"advertisements", "advertising", "ad", "ads", "sponsored",
	"sponsored content", "promoted", "promoted content", "partner content",
	"story continues below this ad", "story continues below advertisement",
	"article continues below", "article continues below this ad",
	"continue reading below", "continue reading", "scroll to continue",
	"scroll to continue with content", "skip ad", "read more", "read also",
	"see also", "comment", "reply", "subscribe", "subscribe now",
	"sign up", "sign in", "log in", "login", "register", "follow us",
	"newsletter", "skip to content", "skip to main content",
	"previous article", "next article", "previous post", "next post",
	"previous", "next", "tags", "topics", "loading", "cancel reply",
	"post comment", "submit", "like this", "photo", "image", "video",
	"listen", "listen to this article", "listen to this story",
	"listen to article", "audio", "play", "close", "expand",
	"download app", "download the app", "get the app", "open in app",
	"read in app", "copy link", "link copied", "whatsapp", "facebook",
	"twitter", "x", "linkedin", "telegram", "reddit", "pinterest",
	"font size", "a a", "text size", "view comments", "show comments",
	"be the first to comment", "first published", "trending", "watch",
	"watch video", "watch live", "live tv", "latest e books",
	"latest ebooks", "e paper", "epaper", "premium", "story saved",
	"save story", "save article", "bookmark", "gift this article",
	"gift article", "view all", "see all", "show more", "load more",
	"more", "enlarge", "zoom", "full screen", "exit full screen",
	"cookie settings", "accept", "accept all", "manage preferences",
	"sign in to read", "unlock", "unlock this story", "unlock now",
	"buy now", "shop now", "learn more", "breadcrumb", "navigation",
	"you are here", "ad feedback", "report an error", "report a correction",
	"feedback", "summary", "highlights", "key highlights", "in short",
	"quick read", "toggle", "select language", "language", NULL,
};

/* Lines that begin so are furniture whatever follows (up to 45 words):
 * paywalls, sign-in, newsletters, comment rules, disclaimers, cookies,
 * syndication notes. */
static const char *const furniture_strong[] = {
	"sign in to", "sign up for", "sign up to", "log in to", "login to",
	"subscribe to", "subscribe for", "subscribe and", "subscribe now",
	"already a subscriber", "already have an account",
	"create a free account", "get unlimited access", "get full access",
	"unlock this", "unlock unlimited", "this article is for subscribers",
	"this content is for", "this story is for", "exclusive for subscribers",
	"you have reached", "youve reached", "you ve reached", "become a member",
	"join our", "follow us", "download the", "download our",
	"get the latest", "get breaking", "get real time", "enable notifications",
	"allow notifications", "scroll to load", "scroll down to", "loading tweet",
	"view this post on", "a post shared by", "we use cookies",
	"this website uses", "this site uses", "by continuing to",
	"by using this site", "comments are moderated", "comments have to be",
	"comments must be", "comments should be", "comment moderation",
	"we have migrated to", "please read our comment", "read our comment",
	"the views expressed", "views expressed are", "views expressed in",
	"disclaimer", "tags", "topics", "filed under", "spread the love",
	"this story has not been edited", "this article has not been edited",
	"this article first appeared", "this story first appeared",
	"first appeared on", "originally appeared", "catch all the",
	"catch the latest", "stay updated", "stay informed", "for more news",
	"share on", "share this", "share via", "click here", "tap here",
	"print edition", "listen to this", "trending topics", "our standards",
	"get our", "sign up", "like loading", "this report is published",
	"this report has been published", "this story is published",
	"this article is published", "published from a syndicated",
	"the writer is", "the author is", "the writer was", "the author was",
	"the writers are", "the authors are", NULL,
};

/* Lines that begin so are furniture when they do not read as a
 * sentence, or when a colon or bar follows the lead ("Also read: ..."). */
static const char *const furniture_lead[] = {
	"also read", "read also", "also see", "also watch", "read more",
	"read next", "read", "watch", "must read", "must watch",
	"recommended", "related", "check out", "for the latest", "top stories",
	"trending now", "most read", "most popular", "latest news",
	"editor s picks", "editors picks", "you may also like",
	"you might also like", "we recommend", "next story", "up next",
	"don t miss", "dont miss", "embed", NULL,
};

/* Furniture wherever it stands in a short line. */
static const char *const furniture_inside[] = {
	"email address will not be published", "required fields are marked",
	"all rights reserved", "comment policy", "community guidelines",
	"pic twitter com", "privacy policy", "terms of use", "terms of service",
	"terms and conditions", "cookie policy", "subscribe to our",
	"our newsletter", "whatsapp channel", "google news",
	"push notifications", "turn on notifications",
	"sign in to", "log in to", "register to", "syndicated feed",
	"syndicated news feed", "has not been edited by", NULL,
};

/* Heads of link lists: the short lines after them are headlines. */
static const char *const list_heads[] = {
	"more from this section", "more from", "more in", "more on",
	"more stories", "more news", "more like this", "related",
	"related news", "related stories", "related articles", "related posts",
	"related topics", "related coverage", "related content", "also read",
	"read also", "read more", "read next", "you may also like",
	"you might also like", "you may like", "recommended",
	"recommended for you", "recommended stories", "recommended articles",
	"trending", "trending now", "trending news", "trending stories",
	"top stories", "top news", "latest news", "latest stories",
	"latest", "most read", "most popular", "most viewed", "popular",
	"popular stories", "don t miss", "dont miss", "must read",
	"editor s picks", "editors picks", "in other news", "also on",
	"further reading", "keep reading", "latest e books", "latest ebooks",
	"what to read next", "around the web", "from the web", "more videos",
	"top videos", "in case you missed it", "stories you may like", NULL,
};

/* A comment section starts: everything after it is readers' text. */
static const char *const comment_heads[] = {
	"leave a reply", "leave your comment", "leave a comment",
	"post a comment", "post your comment", "add a comment",
	"add your comment", "comments", "comment", "join the conversation",
	"join the discussion", "reader comments", "readers comments",
	"you must be logged in to post a comment", "write a comment",
	"what do you think", "have your say", NULL,
};

int
meta_link_like(const char *p, size_t n)
{
	char key[FOLD_MAX];
	struct slice s = S_trim(p, n);
	if (s.n == 0 || s.n > 200)
		return 0;
	size_t w = S_nwords((S_fold(s.p, s.n, key, sizeof key), key));
	if (w == 0 || w > 22)
		return 0;
	if (s.p[s.n - 1] == ':' || s.p[s.n - 1] == ',' || s.p[s.n - 1] == ';')
		return 0;
	if (s.p[s.n - 1] == '?')
		return w <= 16;
	return !S_ends_sentence(s.p, s.n);
}

/* Does a ':' or '|' follow the first words of s (a lead and its
 * link: "Also read: ...", "READ | ...")? */
static int
S_lead_mark(struct slice s)
{
	for (size_t i = 0; i < s.n && i < 24; i++)
		if (s.p[i] == ':' || s.p[i] == '|')
			return 1;
	return 0;
}

static int
S_furniture(struct slice s, const char *key)
{
	size_t w = S_nwords(key);
	int sentence = S_ends_sentence(s.p, s.n) && w > 6;
	if (S_is(key, furniture))
		return 1;
	if (s.n >= 2 && s.p[0] == '[' && s.p[s.n - 1] == ']' && w <= 5)
		return 1;                           /* "[Embedded tweet]" */
	if (s.n >= 2 && ((unsigned char)s.p[0] == 0xC2 && (unsigned char)s.p[1] == 0xA9))
		return 1;                           /* "© 2025 ..." */
	if (strncmp(key, "copyright ", 10) == 0 && (isdigit((unsigned char)key[10]) ||
	    strncmp(key + 10, "c ", 2) == 0 || S_lead_mark(s)))
		return 1;                           /* "Copyright 2025", "(c)" */
	if (w <= 45 && S_starts(key, furniture_strong) != NULL)
		return 1;
	if (w <= 30 && S_starts(key, furniture_lead) != NULL &&
	    (!sentence || S_lead_mark(s)))
		return 1;
	if (w <= 40 && S_contains(key, furniture_inside))
		return 1;
	/* an embedded post's closing line: "— Name (@handle) May 5, 2025" */
	for (size_t i = 0; i + 1 < s.n; i++)
		if (s.p[i] == '(' && s.p[i + 1] == '@' && w <= 16)
			return 1;
	return 0;
}

/* ---- breadcrumbs and labels ---------------------------------------- */

static const char *const labels[] = {
	"explainer", "explained", "opinion", "analysis", "editorial",
	"commentary", "column", "columns", "interview", "feature", "features",
	"exclusive", "breaking", "breaking news", "live", "live updates",
	"news", "world", "world news", "nation",
	"national", "international", "politics", "business", "economy",
	"defence", "defense", "diplomacy", "asia", "asia pacific", "south asia",
	"europe", "americas", "middle east", "africa", "top news", "premium",
	"fact check", "in depth", "long read", "perspective", "view", "views",
	"op ed", "oped", "guest column", "blog", "blogs", "report", "reports",
	"special report", "security", "military", "geopolitics", "strategy",
	"trade", "markets", "foreign affairs", "world affairs", "global",
	"nation world", "latest", "today", "update", "updated",
	"watch", "podcast", "video", "photos", "gallery", "sports", "science",
	"technology", "tech", "environment", "climate", "law", "courts",
	"legal", "elections", "election", "policy", "government", "data",
	"insight", "insights", "briefing", "newsletter", "the big story",
	"big story", "cover story", "spotlight", "focus", "explainers",
	"analysis opinion", "news analysis", "national news", "regional",
	NULL,
};

static int
S_breadcrumb(struct slice s, unsigned where)
{
	static const char *const seps[] = { " / ", " > ", " \xC2\xBB ",
		" \xE2\x80\xBA ", "\xC2\xBB", "\xE2\x80\xBA", " | ", NULL };
	if (s.n > 240 || S_ends_sentence(s.p, s.n))
		return 0;
	for (size_t k = 0; seps[k] != NULL; k++) {
		size_t m = strlen(seps[k]), segs = 1, words = 0, maxw = 0;
		int found = 0;
		for (size_t i = 0; i + m <= s.n; i++)
			if (memcmp(s.p + i, seps[k], m) == 0)
				found = 1, segs++;
		if (!found)
			continue;
		for (size_t i = 0; i < s.n; i++) {
			if (s.p[i] != ' ' && (i == 0 || s.p[i - 1] == ' '))
				words++;
			if (i + m <= s.n && memcmp(s.p + i, seps[k], m) == 0) {
				if (words > maxw)
					maxw = words;
				words = 0;
			}
		}
		if (words > maxw)
			maxw = words;
		int home = s.n >= 4 && strncasecmp(s.p, "home", 4) == 0 &&
		    (s.n == 4 || !isalpha((unsigned char)s.p[4]));
		if (home && segs >= 2)
			return 1;               /* "Home / India News / <headline>" */
		if (s.n <= 100 && maxw <= 4 && (home || ((where & META_HEAD) &&
		    segs >= (strcmp(seps[k], " | ") == 0 ? 3u : 2u))))
			return 1;
		/* a bar of topic links anywhere: "Trade deal | GST | Gold price" */
		if (s.n <= 120 && maxw <= 4 && segs >= 3 && strcmp(seps[k], " | ") == 0)
			return 1;
	}
	return 0;
}

/* ---- one line ------------------------------------------------------ */

static void
S_set(struct meta_line *out, enum meta_kind k, const char *rule)
{
	out->kind = k;
	out->rule = rule;
}

static void
S_one(const char *p, size_t n, unsigned where, struct meta_line *out)
{
	char key[FOLD_MAX];
	struct slice s = S_trim(p, n);
	memset(out, 0, sizeof *out);
	if (s.n == 0) {
		S_set(out, MK_FURNITURE, "empty");
		return;
	}
	if (s.n >= FOLD_MAX * 2) {
		/* a long line is text, unless it is a comment-policy notice */
		S_fold(s.p, s.n, key, sizeof key);
		if (strstr(key, "email address will not be published") ||
		    strstr(key, "comment policy") || strstr(key, "comments are moderated"))
			S_set(out, MK_FURNITURE, "comment-policy");
		if (S_caption(s, key) && S_photo_paren(s))
			S_set(out, MK_CAPTION, "caption");
		return;
	}
	S_fold(s.p, s.n, key, sizeof key);
	size_t w = S_nwords(key);
	int sentence = S_ends_sentence(s.p, s.n);
	if (key[0] == '\0') {
		S_set(out, MK_FURNITURE, "no-words");
		return;
	}
	if ((w <= 8 && !sentence && S_is(key, comment_heads)) ||
	    (w <= 8 && !sentence && isdigit((unsigned char)key[0]) &&
	    (strstr(key, " comments") || strstr(key, " comment"))) ||
	    strstr(key, "email address will not be published") ||
	    strstr(key, "you must be logged in to post a comment")) {
		S_set(out, MK_COMMENTS, "comments");
		return;
	}
	if (w <= 8 && !sentence && (S_is(key, list_heads) ||
	    ((strncmp(key, "more from ", 10) == 0 || strncmp(key, "more in ", 8) == 0 ||
	    strncmp(key, "also on ", 8) == 0) && w <= 6))) {
		S_set(out, MK_LIST_HEAD, "link-list");
		return;
	}
	if (S_date_line(s.p, s.n, where, out))
		return;
	if (S_readtime(key)) {
		S_set(out, MK_READTIME, "read-time");
		return;
	}
	if (S_caption(s, key)) {
		static const char *const credits[] = { "photo", "photos", "image",
			"images", "picture", "photograph", "photo credit", "image credit",
			"image courtesy", "photo courtesy", "credit", "courtesy", NULL };
		const char *c = memchr(s.p, ':', s.n < 24 ? s.n : 24);
		S_set(out, MK_CAPTION, "caption");
		if (c != NULL && w <= 8 && !sentence) {
			char lk[32];
			S_fold(s.p, (size_t)(c - s.p), lk, sizeof lk);
			out->credit_only = S_is(lk, credits);
		}
		return;
	}
	if (S_credit(s, key, out) || S_byline(s, key, out))
		return;
	if (S_breadcrumb(s, where)) {
		S_set(out, MK_BREADCRUMB, "breadcrumb");
		return;
	}
	if (S_furniture(s, key)) {
		S_set(out, MK_FURNITURE, "furniture");
		return;
	}
	if ((where & META_HEAD) && !sentence && w <= 3 && S_is(key, labels)) {
		S_set(out, MK_LABEL, "label");
		return;
	}
}

static int
S_is_meta(enum meta_kind k)
{
	return k == MK_DATE || k == MK_BYLINE || k == MK_CREDIT ||
	    k == MK_READTIME || k == MK_LABEL || k == MK_BREADCRUMB;
}

/* "By Jane Doe | Updated: Sep 9, 2020 10:30 IST | 4 min read": each
 * part metadata (a bare name counts as the byline). */
static int
S_parts(const char *p, size_t n, unsigned where, struct meta_line *out)
{
	static const char *const seps[] = { " | ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
		NULL };
	const char *sep = NULL;
	for (size_t k = 0; seps[k] != NULL && sep == NULL; k++)
		for (size_t i = 0; i + strlen(seps[k]) <= n; i++)
			if (memcmp(p + i, seps[k], strlen(seps[k])) == 0) {
				sep = seps[k];
				break;
			}
	if (sep == NULL)
		return 0;
	struct meta_line all, part;
	size_t m = strlen(sep), i = 0;
	int facts = 0, labels_only = 1;
	memset(&all, 0, sizeof all);
	while (i <= n) {
		size_t j = i;
		while (j < n && !(j + m <= n && memcmp(p + j, sep, m) == 0))
			j++;
		struct slice seg = S_trim(p + i, j - i);
		char key[64];
		S_fold(seg.p, seg.n, key, sizeof key);
		S_one(seg.p, seg.n, where | META_HEAD, &part);
		if (S_is_meta(part.kind) && part.rest == 0) {
			if (part.kind != MK_LABEL && part.kind != MK_BREADCRUMB)
				facts++, labels_only = 0;
			if (part.kind == MK_DATE && (all.date.prec == DP_NONE ||
			    (all.updated && !part.updated))) {
				all.date = part.date;
				all.updated = part.updated;
			}
			if (part.byline.n > 0 && all.byline.n == 0)
				all.byline = part.byline;
			if (part.outlet.n > 0 && all.outlet.n == 0)
				all.outlet = part.outlet;
		} else if (seg.n > 0 && seg.n <= 40 && !S_ends_sentence(seg.p, seg.n) &&
		    S_nwords(key) <= 4 && S_name_like(seg, 4)) {
			/* a bare name beside a date is the byline; beside labels,
			 * another label ("Politique | Politics") */
			if (S_nwords(key) >= 2 && all.byline.n == 0)
				all.byline = seg;
		} else if (seg.n > 0 && seg.n <= 30 && S_nwords(key) <= 3 &&
		    !S_ends_sentence(seg.p, seg.n) && (where & META_HEAD)) {
			/* "Foreign affairs": a label */
		} else {
			return 0;
		}
		i = j + m;
	}
	if (facts == 0 && !(labels_only && (where & META_HEAD)))
		return 0;
	if (all.date.prec != DP_NONE)
		S_set(&all, MK_DATE, "date-line");
	else if (facts == 0)
		S_set(&all, MK_LABEL, "label"), all.byline = (struct slice){ NULL, 0 };
	else if (all.byline.n > 0)
		S_set(&all, MK_BYLINE, "byline");
	else
		S_set(&all, MK_CREDIT, "credit");
	*out = all;
	return 1;
}

void
meta_line(const char *p, size_t n, unsigned where, struct meta_line *out)
{
	struct slice s = S_trim(p, n);
	S_one(s.p, s.n, where, out);
	if (out->kind == MK_TEXT && s.n <= 200 && S_parts(s.p, s.n, where, out))
		return;
	if (out->rest > 0)   /* rest is relative to p, not the trimmed s */
		out->rest += (size_t)(s.p - p);
}

/* ---- datelines ----------------------------------------------------- */

/* A place word: a capital letter, then letters, '.', '-' or '\''. */
static size_t
S_place_word(const char *p, size_t n, int *caps)
{
	size_t i = 0;
	if (n == 0 || !isupper((unsigned char)p[0]))
		return 0;
	while (i < n && (isalpha((unsigned char)p[i]) || p[i] == '.' ||
	    p[i] == '-' || p[i] == '\'')) {
		if (islower((unsigned char)p[i]))
			*caps = 0;
		i++;
	}
	if (i > 0 && p[i - 1] == '-')
		i--;
	return i;
}

/* Separator after a dateline: " — ", " – ", " - ", " -- ", ": ". */
static size_t
S_dl_sep(const char *p, size_t n, int *colon)
{
	size_t i = 0;
	while (i < n && p[i] == ' ')
		i++;
	size_t s = i;
	if (i < n && p[i] == ':') {
		*colon = 1;
		i++;
	} else if (i + 1 < n && p[i] == '-' && p[i + 1] == '-') {
		i += 2;
	} else if (i < n && p[i] == '-') {
		i++;
	} else if (utf_is_phrase_dash(utf_at(p, n, i))) {
		utf_next(p, n, &i);
	} else {
		return 0;
	}
	if (!*colon && s == 0 && i < n && p[i] != ' ' &&
	    !(i >= 2 && p[i - 1] == '-' && p[i - 2] == '-'))
		return 0;                   /* "Indo-Pacific" (but "(Agency)--Text") */
	if (i >= n || (p[i] != ' ' && !(i >= 2 && p[i - 1] == '-' && p[i - 2] == '-')))
		return 0;
	while (i < n && p[i] == ' ')
		i++;
	if (i >= n)
		return 0;
	unsigned char c = (unsigned char)p[i];
	/* or beyond ASCII from U+00C0: a letter, a curly quote */
	if (!(isupper(c) || isdigit(c) || c == '"' || c == '\'' ||
	    utf_at(p, n, i) >= 0xC0))
		return 0;
	return i;
}

int
meta_dateline(const char *p, size_t n, int strict, struct dateline *out)
{
	static const char *const not_places[] = { "note", "update", "updated",
		"editor", "editors", "editor's note", "watch", "read", "photo",
		"source", "breaking", "exclusive", "opinion", "analysis", "explainer",
		"warning", "disclaimer", "correction", "clarification", "summary",
		"highlights", "background", "context", "why", "what", "how",
		"the", "a", "an", "q", "a:", "question", "answer", "key", NULL };
	size_t i = 0, words = 0;
	int caps = 1, colon = 0;
	memset(out, 0, sizeof *out);
	out->date.prec = DP_NONE;
	/* the place: capitalised words joined by spaces, '/' or ", " */
	size_t place_end = 0;
	while (i < n && words < 6 && i < 48) {
		size_t k = S_place_word(p + i, n - i, &caps);
		if (k == 0)
			break;
		i += k;
		words++;
		place_end = i;
		if (i < n && p[i] == '/' && i + 1 < n && isupper((unsigned char)p[i + 1])) {
			i++;
			continue;
		}
		if (i < n && p[i] == ' ' && i + 1 < n && isupper((unsigned char)p[i + 1])) {
			struct bdate d;
			if (dates_lead(p + i + 1, n - i - 1, &d) > 0)
				break;
			i++;
			continue;
		}
		if (i + 2 < n && p[i] == ' ' && p[i + 1] == '[') {
			size_t e = i + 2;       /* "New Delhi [India], ..." */
			while (e < n && p[e] != ']' && e - i < 24)
				e++;
			if (e < n && p[e] == ']')
				i = e + 1;
		}
		if (i + 1 < n && p[i] == ',' && p[i + 1] == ' ') {
			struct bdate d;
			size_t dl = dates_lead(p + i + 2, n - i - 2, &d);
			if (dl > 0 && d.prec == DP_DAY) {
				out->date = d;
				i += 2 + dl;
				break;
			}
			if (i + 2 < n && isupper((unsigned char)p[i + 2])) {
				i += 2;   /* "Canberra, Australia" */
				continue;
			}
		}
		break;
	}
	if (words == 0 || place_end > 48)
		return 0;
	if (out->date.prec == DP_NONE && i < n && p[i] == ' ') {
		struct bdate d;       /* "MOSCOW Dec 2 (Reuters) -" */
		size_t dl = dates_lead(p + i + 1, n - i - 1, &d);
		if (dl > 0 && d.prec == DP_DAY) {
			out->date = d;
			i += 1 + dl;
		}
	}
	if (out->date.prec == DP_NONE)
		i = place_end;
	/* the agency: "(PTI)", "(Reuters)" */
	size_t j = i;
	while (j < n && p[j] == ' ')
		j++;
	if (j < n && p[j] == '(') {
		size_t e = j + 1;
		while (e < n && p[e] != ')' && e - j < 32)
			e++;
		if (e < n && p[e] == ')' && e > j + 1 && isupper((unsigned char)p[j + 1])) {
			out->agency = S_trim(p + j + 1, e - j - 1);
			i = e + 1;
		}
	}
	size_t body = S_dl_sep(p + i, n - i, &colon);
	if (body == 0 && out->agency.n > 0 && i + 1 < n && p[i] == ' ' &&
	    isupper((unsigned char)p[i + 1]))
		body = 1;               /* "New Delhi, Oct 1 (IANS) India's ..." */
	if (body == 0)
		return 0;
	out->place = S_trim(p, place_end);
	char key[64];
	S_fold(out->place.p, out->place.n, key, sizeof key);
	int label = S_is(key, not_places) || S_is(key, labels);
	/* "MANILA, Philippines —": a capital first word is enough */
	size_t w0 = 0;
	while (w0 < out->place.n && isalpha((unsigned char)out->place.p[w0]))
		w0++;
	int allcaps = out->place.n >= 2 && (caps || (w0 >= 3 &&
	    isupper((unsigned char)out->place.p[w0 - 1]) &&
	    isupper((unsigned char)out->place.p[1])));
	int strong = (allcaps && !label) || out->agency.n > 0 ||
	    out->date.prec != DP_NONE;
	if (!strong && (strict || !colon || words > 3 || label))
		return 0;
	if (!strong && words == 1 && out->place.n < 3)
		return 0;
	out->len = i + body;
	return 1;
}
