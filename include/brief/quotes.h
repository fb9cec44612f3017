/*
 * quotes.h -- who said what: direct quotes and reported views with their
 * speaker, the speaker's role or affiliation, and where they said it.
 *
 * Attribution shapes handled (per article, in order):
 *   “…,” NAME, ROLE, told OUTLET.        “…,” said ROLE NAME.
 *   NAME said/stated/noted/emphasized (that) …     In his words, “…”
 *   He added that …   (pronoun -> the last named speaker)
 *   “…,” Dr. Kupriyanov noted.   (surname -> the full name given earlier)
 *   NAME, ROLE, views the agreement in the context of …  (paraphrase)
 *   According to OUTLET, …  (a reported statement, not a person's view)
 * A quote whose speaker cannot be identified gets no speaker. First-person
 * commentary by the article's author ("I think …") is flagged, never
 * attributed.
 *
 * Conventions: speaker is the personal name without honorific ("Dr.
 * Alexey Kupriyanov" -> "Alexey Kupriyanov"). When no personal name is
 * found ("a senior official said", "according to the Speaker"), speaker
 * is empty and role holds the phrase. VIEW_QUOTE means off/len are the
 * quoted words (marks and a trailing comma left out); a sentence that
 * only quotes fragments ("said it was “dead on arrival”") is a
 * VIEW_PARAPHRASE spanning the sentence. VIEW_REPORTED views name an
 * outlet or source and never a speaker. Quoted titles and scare quotes
 * give no view.
 *
 * Ownership: views are appended to a caller-owned vector; their slices
 * point into doc->text.
 */
#ifndef BRIEF_QUOTES_H
#define BRIEF_QUOTES_H

#include <stddef.h>

#include "brief/base.h"
#include "brief/ingest.h"
#include "brief/segment.h"

enum {
	VIEW_QUOTE = 1 << 0,       /* off/len: words in quotation marks */
	VIEW_PARAPHRASE = 1 << 1,  /* reported speech without quote marks */
	VIEW_RESOLVED = 1 << 2,    /* speaker came from a pronoun or surname */
	VIEW_FIRST_PERSON = 1 << 3,/* the author's own "I think …": no speaker */
	VIEW_REPORTED = 1 << 4,    /* "according to OUTLET": outlet, no person */
	VIEW_ORG = 1 << 5,         /* the speaker is a body: "the CPI(M)
	                            * Politburo said", "the foreign ministry" */
};

struct view {
	int doc;                   /* doc index, as in the sentences */
	size_t first, last;        /* sentence indices covered (inclusive) */
	size_t off, len;           /* span of the view in doc->text: the quoted
	                              words, or the paraphrasing sentence */
	struct slice speaker;      /* full name; empty if unknown */
	struct slice role;         /* role/affiliation; may be empty */
	struct slice outlet;       /* "Sputnik", "RT", "the plenary session" */
	const char *outlet_prep;   /* how the outlet is introduced: "to"
	                            * ("told Sputnik"), "during", "at", "in",
	                            * "with", "on"; static; NULL without one */
	unsigned flags;            /* VIEW_* */
};
typedef VEC(struct view) view_vec;

/* Find the views in the sentences s[0..n) of one document d (all with
 * the same doc index). Indices in the results are into s. Appends to
 * out; returns the number appended. */
size_t quotes_find(const struct doc *d, const struct sentence *s, size_t n,
	view_vec *out);

#endif
