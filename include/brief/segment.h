/*
 * segment.h -- paragraphs into sentences.
 *
 * ICU's sentence break iterator proposes boundaries; an abbreviation
 * layer removes false ones after titles and abbreviations (Dr., Mr.,
 * U.S., Feb., e.g.), initials, and inside decimals and money. Headings
 * without a period and bullet lines come through as one sentence each.
 *
 * Ownership: a struct segmenter is created once per run and freed with
 * segmenter_free(). Spans point into the caller's text.
 */
#ifndef BRIEF_SEGMENT_H
#define BRIEF_SEGMENT_H

#include <stddef.h>

#include "brief/base.h"
#include "brief/ingest.h"

enum {
	SF_HEADING = 1 << 0,    /* from a heading or title paragraph */
	SF_BULLET = 1 << 1,     /* from a bullet line */
	SF_QUESTION = 1 << 2,   /* ends with '?' */
	SF_NOTERM = 1 << 3,     /* no closing punctuation */
	SF_TITLE = 1 << 4,      /* the article's title */
	SF_DEK = 1 << 5,        /* the standfirst under the title */
	SF_LONG = 1 << 6,       /* longer than SEG_MAX_SENTENCE: passed over
	                         * by every later stage */
};

struct span {
	size_t off, len;        /* byte span, leading/trailing space trimmed */
};
typedef VEC(struct span) span_vec;

/* The longest sentence (bytes) the later stages read: one longer is no
 * sentence a brief could print (a page's text without punctuation),
 * and reading it would cost more than the rest of the article. */
#define SEG_MAX_SENTENCE 4096

struct sentence {
	int doc;                /* index of the doc in the corpus */
	int para;               /* index of the paragraph in the doc */
	size_t off, len;        /* byte span in doc->text */
	int line;               /* 1-based source line where it starts */
	unsigned flags;         /* SF_* */
};
typedef VEC(struct sentence) sentence_vec;

struct segmenter;

struct segmenter *segmenter_new(struct brief_err *err);
void segmenter_free(struct segmenter *sg);

/* Split p[0..n) into sentence spans appended to out (offsets relative
 * to p). Returns 0 or -1 with err filled. */
int segment_text(struct segmenter *sg, const char *p, size_t n,
	span_vec *out, struct brief_err *err);

/* Split every paragraph of d; sentences are appended to out with
 * doc = doc_index. */
int segment_doc(struct segmenter *sg, const struct doc *d, int doc_index,
	sentence_vec *out, struct brief_err *err);

#endif
