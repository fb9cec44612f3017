/*
 * select.h -- choose the items of each section: the bottom line, facts,
 * a chronological timeline and attributed views; no fact twice; every
 * item cites all the sources that say it.
 *
 * Ownership: arrays live in the arena given to select_brief().
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
	size_t ncite;
	struct bdate date, end; /* timeline: event date (end for ranges) */
	const struct view *view;/* quotes: the attribution */
	double rank;            /* higher is more important */
	int dropped;            /* removed to fit the page */
};

struct brief_section {
	const struct section_def *def;
	struct item *item;
	size_t n;
};

struct brief {
	const struct template *t;
	const struct corpus *c;
	struct brief_section *sec;   /* parallel to t->sec */
	size_t nsec;
	struct bdate as_of;
	struct bdate latest;         /* latest date any source gives */
};

/* Select the brief's items. explain, when not NULL, receives one line
 * per candidate: scores, section, fact and why it was kept or dropped. */
void select_brief(const struct corpus *c, const struct score *sc,
	const struct template *t, struct arena *a, struct brief *out,
	FILE *explain);

/* Mark the lowest-ranked droppable item dropped (never below a
 * section's min_items). Returns 0, or -1 when nothing can be dropped. */
int select_drop_one(struct brief *b);

#endif
