/*
 * utf.h -- the one Unicode layer: stepping through UTF-8 text and the
 * character classes the text stages share (spaces, dashes, hyphens,
 * apostrophes, quotation marks, opening and closing punctuation,
 * currency signs), on ICU's unicode/utf8.h macros and unicode/uchar.h
 * properties.
 *
 * Stepping works on byte offsets into p[0..n) and never reads outside
 * it: utf_next() decodes forwards, utf_prev() backwards (never before a
 * lower bound), utf_cut() moves an offset back to a character boundary
 * (to cut a string at some number of bytes without splitting a
 * character). An ill-formed sequence reads as U+FFFD (UTF_BAD), stepped
 * over as ICU's U8_NEXT / U8_PREV do; utf_decode() reports it instead.
 *
 * Quotation: the double quotation marks " “ ” « » each have a
 * direction (utf_dquote). Two readings of "inside quotes" use them:
 * quotes.c pairs opening and closing marks with nesting (its own
 * state machine, for quotations with speakers); the plain toggle
 * reading here (utf_next_dquote, utf_in_dquotes), where every mark
 * opens or closes in turn whatever its direction, is the one annotate.c
 * and score.c use for "this byte is quoted".
 *
 * Ownership: nothing is allocated; all functions are pure and
 * thread-safe.
 */
#ifndef BRIEF_UTF_H
#define BRIEF_UTF_H

#include <stddef.h>

#include <unicode/umachine.h>

#define UTF_END (-1)            /* no code point: at the end (or start) */
#define UTF_BAD 0xFFFD          /* what an ill-formed sequence reads as */

/* ---- stepping --------------------------------------------------------- */

/* The code point at byte *i of p[0..n), *i moved past it; UTF_BAD for
 * an ill-formed sequence, UTF_END when *i >= n. */
UChar32 utf_next(const char *p, size_t n, size_t *i);

/* As utf_next(), but a negative value for an ill-formed sequence (for
 * callers that replace or refuse it). *i must be < n. */
UChar32 utf_decode(const char *p, size_t n, size_t *i);

/* The code point ending just before byte *i, *i moved back to its
 * start, never below lo; UTF_BAD for an ill-formed sequence, UTF_END
 * when *i <= lo. */
UChar32 utf_prev(const char *p, size_t lo, size_t *i);

/* The code point at byte i (UTF_END at n) and the one ending before
 * byte i (UTF_END at lo), without moving. */
UChar32 utf_at(const char *p, size_t n, size_t i);
UChar32 utf_before(const char *p, size_t lo, size_t i);

/* Offset at most k (and at most len) where p[0..len) may be cut
 * without splitting a character: k moved back over UTF-8 trail bytes. */
size_t utf_cut(const char *p, size_t len, size_t k);

/* ---- character classes ---------------------------------------------- */

/* White space: Unicode White_Space (ASCII blanks, NBSP U+00A0, U+2000
 * to U+200A such as the thin space U+2009, U+202F, U+205F, U+3000, the
 * line and paragraph separators), and the zero-width space U+200B and
 * U+FEFF that pasted web text leaves between words. */
int utf_is_space(UChar32 c);

/* A dash: Unicode Dash (hyphen-minus, U+2010 to U+2015 with the en and
 * em dashes, the minus sign U+2212, ...). */
int utf_is_dash(UChar32 c);

/* The dashes that set a phrase off in running text: en dash U+2013,
 * em dash U+2014 (not hyphens, not the minus sign). */
int utf_is_phrase_dash(UChar32 c);

/* A hyphen joining a word's parts: '-', U+2010, and the non-breaking
 * U+2011 (UTF_NB_HYPHEN: a line never breaks after it). */
#define UTF_NB_HYPHEN 0x2011
int utf_is_hyphen(UChar32 c);

/* An apostrophe: ' or the typographic U+2019. */
int utf_is_apostrophe(UChar32 c);

/* Opening punctuation (Ps, Pi: ( [ { “ ‘ « ...) and closing (Pe, Pf:
 * ) ] } ” ’ » ...); the ASCII quotes " and ' count as both. */
int utf_is_opening(UChar32 c);
int utf_is_closing(UChar32 c);

/* Length of p[0..n) without the closing punctuation at its end
 * ("end.”)" -> "end."). */
size_t utf_trim_closing(const char *p, size_t n);

/* A currency sign (Sc: $ £ ¥ € ₹ ...). */
int utf_is_currency(UChar32 c);

/* Any quotation mark (Unicode Quotation_Mark: " ' « » ‘ ’ “ ” „ ...). */
int utf_is_quote(UChar32 c);

/* ---- double quotation marks ------------------------------------------ */

enum utf_quote {
	UTF_QUOTE_NONE = 0,     /* not a double quotation mark */
	UTF_QUOTE_OPEN,         /* “ « */
	UTF_QUOTE_CLOSE,        /* ” » */
	UTF_QUOTE_EITHER        /* " : its place tells */
};

enum utf_quote utf_dquote(UChar32 c);

/* Bytes of a double quotation mark (" “ ” « ») starting at p[0..n),
 * else 0. */
size_t utf_dquote_len(const char *p, size_t n);

/* The toggle reading: the first double quotation mark at or after byte
 * from of p[0..n) (n when none), its length in *len. */
size_t utf_next_dquote(const char *p, size_t n, size_t from, size_t *len);

/* Is byte off of p inside quotation marks, every mark before it
 * opening or closing in turn? */
int utf_in_dquotes(const char *p, size_t off);

#endif
