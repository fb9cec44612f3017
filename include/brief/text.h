/*
 * text.h -- words: tokens with case-folded Snowball stems, stopwords,
 * hashing. Shared by the template (cue words), scoring and clustering,
 * so a cue in a template and a word in an article meet as one stem.
 *
 * Ownership: a struct stemmer is made once per run (not thread-safe;
 * one per thread) and freed with stemmer_free().
 */
#ifndef BRIEF_TEXT_H
#define BRIEF_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base.h"

enum {
	TK_NUMBER = 1 << 0,     /* digits, with , or . inside: 5.4, 2,000 */
	TK_CAP = 1 << 1,        /* starts with an upper-case letter */
	TK_STOP = 1 << 2,       /* English stopword */
	TK_DESIGNATOR = 1 << 3, /* letters and digits: S-400, Su-30MKI, AK-203 */
	TK_ALLCAPS = 1 << 4,    /* two or more capitals, no lower case: RELOS */
	TK_CAMEL = 1 << 5,      /* inner capital: BrahMos */
	TK_CURRENCY = 1 << 6,   /* number preceded by a currency sign */
	TK_NUMWORD = 1 << 7,    /* a spelled-out count: three, twelve, hundred */
};

/* 12 bytes: a corpus holds one per word. A word longer than
 * TOKEN_MAX_LEN bytes is cut (at a character) into tokens that long. */
#define TOKEN_MAX_LEN 0xFFFF
struct token {
	uint32_t off;           /* byte span in the text given */
	uint16_t len;
	uint16_t flags;         /* TK_* */
	uint32_t stem;          /* hash of the lower-cased stem */
};
typedef VEC(struct token) token_vec;

struct stemmer;

struct stemmer *stemmer_new(void);       /* aborts if no English stemmer */
void stemmer_free(struct stemmer *st);

/* Append the tokens of p[0..n) to out. */
void text_tokens(struct stemmer *st, const char *p, size_t n, token_vec *out);

/* Stem hash of the first word of w[0..n), as text_tokens computes it;
 * 0 when w holds no word. */
uint32_t text_stem_hash(struct stemmer *st, const char *w, size_t n);

/* FNV-1a, 32 bit. */
uint32_t text_hash(const void *p, size_t n);

/* Count content words (tokens that are not stopwords or punctuation). */
size_t text_content_words(const token_vec *t, size_t from, size_t to);

/* Bytes of a leading attributive or linking clause that a brief may cut
 * at its clause boundary ("According to TASS, ", "Notably, "), else 0.
 * What follows starts with a lower-case word. */
size_t text_lead_clause(const char *p, size_t n);

/* Bytes of a list item's leading label ("Operational Readiness: "): at
 * most five words, capitalised, up to a colon; else 0. */
size_t text_lead_label(const char *p, size_t n);

#endif
