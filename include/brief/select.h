/*
 * select.h -- choose the items of each section: the bottom line, facts,
 * a chronological timeline and attributed views; no fact twice; every
 * item cites all the sources that say it.
 *
 * Ownership: everything a struct brief points to lives in the arena
 * given to select_brief(); its scratch is freed before it returns.
 */
#ifndef BRIEF_SELECT_H
#define BRIEF_SELECT_H

#include <stdio.h>

#include "brief/annotate.h"
#include "brief/cluster.h"
#include "brief/score.h"
#include "brief/template.h"

struct item {
	size_t sent;            /* representative sentence */
	struct slice text;      /* the words to print (verbatim source text) */
	int *cite;              /* 1-based source numbers, ascending */
	size_t *support;        /* per citation: the sentence of that source
	                         * that says it (parallel to cite) */
	size_t ncite;
	struct bdate date, end; /* timeline: event date (end for ranges) */
	const struct view *view;/* quotes: the attribution */
	const char *label;      /* timeline: the cue that dates it ("signed") */
	double rank;            /* higher is more important */
	int pinned;             /* never dropped to fit (the status) */
	int dropped;            /* removed to fit the page */
	int spare;              /* below its section's min_score: on the
	                         * page only if it has room (dropped until
	                         * fitting brings it in) */
	int fresh;              /* new since the previous edition
	                         * (edition.c) */
};

struct brief_section {
	const struct section_def *def;
	struct item *item;
	size_t n;
};

/* One stage of the agreement's life as the sources report it. */
struct stage_note {
	const char *name;       /* from the template */
	int *cite;              /* sources asserting it as done, ascending */
	size_t ncite;
	struct bdate when;      /* its date, when a source gives one */
};

/* The agreement's status: every stage reached, the latest last, and the
 * sources still reporting the latest stage as to come. */
struct status_note {
	int stage;              /* latest stage reached, -1: none */
	struct stage_note *stages;  /* the template's stages, in order */
	size_t nstages;
	int *stale;             /* sources still reporting it as to come */
	size_t nstale;
	int contradicted;       /* a stage some reported done that later
	                         * reports say is still to come, -1: none */
	int *later;             /* those later reports */
	size_t nlater;
};

/* What selection decided about one sentence, for --explain. */
struct decision {
	int sec;                /* section kept in, -1: none */
	const char *reason;     /* why not (static text); NULL: not ranked */
	double rank;            /* its rank in the last section that
	                         * considered it */
	long fact;              /* its fact cluster, -1 */
};

/* What changed since the previous edition (edition.c). */
struct since {
	int have;               /* compared with an earlier edition */
	struct bdate as_of;     /* its as-of date (DP_NONE: undated) */
	const char *status_was; /* its latest stage, when the status moved;
	                         * NULL */
};

struct brief {
	const struct template *t;
	const struct corpus *c;
	struct brief_section *sec;   /* parallel to t->sec */
	size_t nsec;
	struct bdate as_of;
	struct bdate latest;         /* newest source date (Date: header) */
	struct status_note status;
	const struct score *sc;
	const struct decision *why;  /* per sentence, for --explain */
	struct since since;          /* against the previous edition */
	int page_sources;            /* sources the page lists at most; 0:
	                              * MD_PAGE_CITED (render_md.h) */
};

/* Select the brief's items. */
void select_brief(const struct corpus *c, const struct score *sc,
	const struct template *t, struct arena *a, struct brief *out);

/* One line per sentence: scores, fact, section and why it was kept or
 * dropped (including items dropped to fit the page). */
void select_explain(const struct brief *b, FILE *fp);

/* The order in which items give way to fit the page: the lowest
 * ranked first (rank relative to the section's best), never a pinned
 * item, never a section below its min_items. order has room for every
 * item; returns how many it holds. Nothing is changed. */
size_t select_drop_order(const struct brief *b, struct item **order);

/* Mark the lowest-ranked droppable item dropped (never below a
 * section's min_items). Returns 0, or -1 when nothing can be dropped. */
int select_drop_one(struct brief *b);

#endif
