/*
 * utf.c -- stepping through UTF-8 and Unicode character classes (ICU).
 *
 * Every decode looks at no more than the four bytes a UTF-8 sequence
 * can take, so offsets stay size_t while ICU's macros index with
 * int32_t.
 */
#include "brief/utf.h"

#include <stdint.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* ---- stepping --------------------------------------------------------- */

UChar32
utf_decode(const char *p, size_t n, size_t *i)
{
	const uint8_t *s = (const uint8_t *)p + *i;
	int32_t len = n - *i > 4 ? 4 : (int32_t)(n - *i), k = 0;
	UChar32 c;

	U8_NEXT(s, k, len, c);
	*i += (size_t)k;
	return c;
}

UChar32
utf_next(const char *p, size_t n, size_t *i)
{
	UChar32 c;

	if (*i >= n)
		return UTF_END;
	c = utf_decode(p, n, i);
	return c < 0 ? UTF_BAD : c;
}

UChar32
utf_prev(const char *p, size_t lo, size_t *i)
{
	size_t from;
	int32_t k;
	UChar32 c;

	if (*i <= lo)
		return UTF_END;
	from = *i - lo > 4 ? *i - 4 : lo;
	k = (int32_t)(*i - from);
	U8_PREV((const uint8_t *)p + from, 0, k, c);
	*i = from + (size_t)k;
	return c < 0 ? UTF_BAD : c;
}

UChar32
utf_at(const char *p, size_t n, size_t i)
{
	return utf_next(p, n, &i);
}

UChar32
utf_before(const char *p, size_t lo, size_t i)
{
	return utf_prev(p, lo, &i);
}

size_t
utf_cut(const char *p, size_t len, size_t k)
{
	if (k >= len)
		return len;
	while (k > 0 && U8_IS_TRAIL((uint8_t)p[k]))
		k--;
	return k;
}

/* ---- character classes ---------------------------------------------- */

int
utf_is_space(UChar32 c)
{
	return c >= 0 && (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF);
}

int
utf_is_dash(UChar32 c)
{
	return c >= 0 && u_hasBinaryProperty(c, UCHAR_DASH);
}

int
utf_is_phrase_dash(UChar32 c)
{
	return c == 0x2013 || c == 0x2014;
}

int
utf_is_hyphen(UChar32 c)
{
	return c == '-' || c == 0x2010 || c == UTF_NB_HYPHEN;
}

int
utf_is_apostrophe(UChar32 c)
{
	return c == '\'' || c == 0x2019;
}

int
utf_is_opening(UChar32 c)
{
	int8_t t;

	if (c < 0)
		return 0;
	t = u_charType(c);
	return t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION ||
	    c == '"' || c == '\'';
}

int
utf_is_closing(UChar32 c)
{
	int8_t t;

	if (c < 0)
		return 0;
	t = u_charType(c);
	return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION ||
	    c == '"' || c == '\'';
}

size_t
utf_trim_closing(const char *p, size_t n)
{
	size_t k = n;

	while (utf_is_closing(utf_prev(p, 0, &k)))
		n = k;
	return n;
}

int
utf_is_currency(UChar32 c)
{
	return c >= 0 && u_charType(c) == U_CURRENCY_SYMBOL;
}

int
utf_is_quote(UChar32 c)
{
	return c >= 0 && u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK);
}

/* ---- double quotation marks ------------------------------------------ */

enum utf_quote
utf_dquote(UChar32 c)
{
	switch (c) {
	case 0x201C: case 0xAB:
		return UTF_QUOTE_OPEN;
	case 0x201D: case 0xBB:
		return UTF_QUOTE_CLOSE;
	case '"':
		return UTF_QUOTE_EITHER;
	default:
		return UTF_QUOTE_NONE;
	}
}

size_t
utf_dquote_len(const char *p, size_t n)
{
	size_t k = 0;

	return utf_dquote(utf_next(p, n, &k)) != UTF_QUOTE_NONE ? k : 0;
}

size_t
utf_next_dquote(const char *p, size_t n, size_t from, size_t *len)
{
	for (size_t i = from; i < n; i++) {
		unsigned char b = (unsigned char)p[i];

		/* the marks start with these bytes: " (U+0022), C2 (« »),
		 * E2 (“ ”) */
		if (b != '"' && b != 0xC2 && b != 0xE2)
			continue;
		if ((*len = utf_dquote_len(p + i, n - i)) > 0)
			return i;
	}
	*len = 0;
	return n;
}

int
utf_in_dquotes(const char *p, size_t off)
{
	size_t i = 0, len;
	int in = 0;

	while ((i = utf_next_dquote(p, off, i, &len)) < off) {
		in = !in;
		i += len;
	}
	return in;
}
