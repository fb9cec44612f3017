/*
 * annotate.h -- the corpus and what is known about each sentence: its
 * tokens, dates, who says it, and flags that keep junk out of a brief.
 *
 * Ownership: a struct corpus owns its vectors (corpus_free); the docs
 * themselves live in the run's arena.
 */
#ifndef BRIEF_ANNOTATE_H
#define BRIEF_ANNOTATE_H

#include <stddef.h>

#include "brief/base.h"
#include "brief/dates.h"
#include "brief/ingest.h"
#include "brief/quotes.h"
#include "brief/segment.h"
#include "brief/text.h"

enum {
	AF_HEADING = 1 << 0,      /* title or heading: never an item */
	AF_FIRST_PERSON = 1 << 1, /* the author's own "I think …" */
	AF_FRAGMENT = 1 << 2,     /* too short, a lead-in ("…:"), or a stub */
	AF_QUOTED_TITLE = 1 << 3, /* mostly a quoted title or scare quote */
	AF_QUESTION = 1 << 4,
	AF_DESIGNATOR = 1 << 5,   /* names a system/platform: S-400, Su-57 */
	AF_AMOUNT = 1 << 6,       /* a money amount: $5.4 billion */
	AF_NUMBER = 1 << 7,       /* another figure: 200 helicopters */
	AF_ANAPHOR = 1 << 8,      /* opens with a pronoun ("It", "This") */
	AF_VIEW = 1 << 9,         /* part of an attributed view */
	AF_REPORTED = 1 << 10,    /* "according to OUTLET" / "TASS reported" */
	AF_TOO_LONG = 1 << 11,    /* over the sentence length cap */
};

struct sent_info {
	size_t tok0, ntok;        /* tokens: corpus->tok.v[tok0 .. tok0+ntok) */
	size_t date0, ndate;      /* dates: corpus->dates.v[date0 .. +ndate) */
	long view;                /* index into corpus->views, or -1 */
	size_t words;             /* word count */
	unsigned flags;           /* AF_* */
};

typedef VEC(struct date_mention) date_vec;

/* Per distinct content stem: how many sources and sentences use it. */
struct stem_stat {
	uint32_t stem;
	uint32_t docs;
	uint32_t sents;
	float idf;                /* log((sentences + 1) / (sents + 0.5)) */
};

/* A run's articles and everything found in them. Ownership: the corpus
 * owns its arrays (heap; corpus_free releases them all, the doc array
 * included); what a doc points to (its text, paragraphs, metadata)
 * lives in the arena it was ingested into. */
struct corpus {
	struct doc *doc;          /* docs[i].id == i + 1; xcalloc'd */
	size_t ndoc;
	sentence_vec s;
	struct sent_info *info;   /* parallel to s */
	token_vec tok;
	date_vec dates;
	view_vec views;
	struct stem_stat *stats;  /* sorted by stem */
	size_t nstats;
	float *tokw;              /* per token: its stem's idf, 0 for stopwords */
	struct stem_weight *sw;   /* per sentence, from sw0[i]: its distinct
	                           * content stems (at most CORPUS_MAX_STEMS)
	                           * with their weights, sorted by stem */
	size_t *sw0;              /* per sentence + 1: offsets into sw */
};

/* A content stem of a sentence and its idf weight. */
struct stem_weight {
	uint32_t stem;
	float w;
};

/* Content stems kept per sentence for comparing sentences. */
#define CORPUS_MAX_STEMS 128

/* Sentence i's distinct content stems, sorted; their number in *n. */
const struct stem_weight *corpus_stems(const struct corpus *c, size_t i,
	size_t *n);

/* Annotate every sentence of c (docs and sentences already filled):
 * tokens, dates (years inferred within and across sources), views,
 * flags. */
void annotate_corpus(struct corpus *c, struct stemmer *st);

/* annotate_corpus in two steps. The first, per sentence and needing
 * only the sentence's own article, can run on each article apart (on
 * its own thread, with its own stemmer): tokens and dates of the
 * sentences from `from` on. The second works across articles
 * (frequencies, years from other sources, views, flags) once every
 * sentence is in. */
void annotate_words(struct corpus *c, size_t from, struct stemmer *st);
void annotate_finish(struct corpus *c);

/* Move src's articles, sentences, tokens and dates (annotate_words
 * done, annotate_finish not) to the end of dst, whose doc array has
 * room for them; src is left empty. The docs get ids in dst. */
void corpus_append(struct corpus *dst, struct corpus *src);

/* The text of sentence i. */
struct slice corpus_text(const struct corpus *c, size_t i);

/* Statistics of a content stem; NULL if no sentence uses it. */
const struct stem_stat *corpus_stem(const struct corpus *c, uint32_t stem);

void corpus_free(struct corpus *c);

#endif
