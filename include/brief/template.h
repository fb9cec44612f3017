/*
 * template.h -- a brief's definition as data: title, sections with their
 * kind, cue words and limits, page layout, and the Markdown skeleton.
 *
 * Format: YAML (see docs/template.md). Cue words are stemmed with the
 * same stemmer as the articles, so "ratify" also matches "ratified" and
 * "ratification". Errors name the template file and line.
 *
 * Ownership: everything lives in the arena given to template_load().
 */
#ifndef BRIEF_TEMPLATE_H
#define BRIEF_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base.h"
#include "brief/text.h"

#define CUE_MAX_WORDS 4

/* One cue: a word or a phrase of up to CUE_MAX_WORDS stems, weighted. */
struct cue {
	uint32_t stem[CUE_MAX_WORDS];
	int nstem;
	double weight;
	const char *text;          /* as written in the template */
};

struct cue_set {
	struct cue *v;
	size_t n;
	/* by first stem (template_load builds it): slot[h] is 1 + the
	 * first cue whose first stem hashes there, next[q] 1 + the next
	 * such cue; 0 ends */
	uint32_t *slot;
	uint32_t *next;
	size_t nslot;             /* a power of two; 0: no index */
};

enum section_kind {
	SK_SUMMARY,    /* the bottom line: a short paragraph */
	SK_FACTS,      /* bullet items */
	SK_TIMELINE,   /* dated items, chronological */
	SK_QUOTES,     /* attributed views */
	SK_SOURCES,    /* the numbered source list */
};

/* One stage of an agreement's life ("signed", "ratified", ...): the
 * summary reports the latest stage any source asserts as done. */
struct status_stage {
	const char *name;
	struct cue_set cues;
	int line;
};

struct section_def {
	const char *id;
	const char *heading;
	enum section_kind kind;
	int max_items;             /* upper bound before fitting to the page */
	int min_items;             /* fitting never drops below this */
	double min_score;          /* cue score a sentence needs to qualify */
	struct cue_set cues;
	double w_designator;       /* weight of systems like "S-400" */
	double w_amount;           /* weight of amounts like "$5.4 billion" */
	double w_number;           /* weight of other figures */
	double w_date;             /* weight of a dated mention */
	struct status_stage *stage;/* summary: stages, earliest first */
	size_t nstage;
	double status_topic;       /* topic score a sentence needs to report a stage */
	int about;                 /* facts: only sentences about the agreement
	                            * itself, never another one */
	int line;                  /* where it is defined, for messages */
};

struct layout_def {
	int letter;                /* 0: A4, 1: US Letter */
	double body_pt, min_pt, margin_pt;
	int max_pages;
	const char *serif, *sans;
};

struct template {
	const char *path;
	const char *title, *subject, *keywords, *author;
	const char *lang;          /* the brief's language, BCP 47 ("en") */
	const char *skeleton;      /* Markdown with {{placeholders}} */
	const char *skeleton_path;
	struct cue_set topic;      /* words that make a sentence on-subject */
	struct section_def *sec;
	size_t nsec;
	struct layout_def layout;
};

/* Where the installed templates are: PREFIX/share/brief beside the
 * running binary (PREFIX/bin/brief) when it holds templates, so an
 * installed tree can move; else the directory the build was configured
 * with (BRIEF_DATADIR). */
const char *template_datadir(void);

/* Load the template at path (YAML). Returns 0 or -1 with err naming
 * path:line. */
int template_load(struct arena *a, struct stemmer *st, const char *path,
	struct template *t, struct brief_err *err);

/* Find a section by id; NULL if none. */
const struct section_def *template_section(const struct template *t,
	const char *id);

#endif
