/*
 * edition.h -- editions of a brief: every run keeps its record (the
 * brief as JSON, render_json.h) under OUTDIR/editions/, named by its
 * as-of date ("2025-12-05.json"; "undated.json"); the next run reads
 * the newest record of the same brief (its title) at or before its own
 * as-of date, or the one --since names, and says what is new.
 *
 * Each item has an id derived from its words (edition_fact_id), so the
 * same fact keeps its id when it gains citations. An item matches a
 * previous one when the ids are equal, when they are the same timeline
 * date, or when most of its words are the previous item's (another
 * source's wording of the same fact now represents it); an item that
 * matches none is new. Unchanged items of the fact and view sections
 * keep the previous edition's order, new ones follow.
 *
 * Ownership: struct edition owns what it holds; edition_free()
 * releases it.
 */
#ifndef BRIEF_EDITION_H
#define BRIEF_EDITION_H

#include <stdio.h>

#include "brief/base.h"
#include "brief/dates.h"
#include "brief/select.h"

struct edition_item {
	char *id;               /* edition_fact_id of its words */
	char *text;             /* as printed */
	char *section;          /* section id */
	char *date;             /* timeline: ISO start date; else NULL */
	int matched;            /* an item of the new brief is this one */
	struct slice by;        /* that item's words, when they changed */
};

struct edition {
	char *path;
	char *title;            /* the brief's title; NULL */
	struct bdate as_of;     /* DP_NONE: undated */
	char *status;           /* its latest stage; NULL */
	VEC(struct edition_item) items;
};

/* The file name of the edition as of as_of: "2025-12-05.json",
 * "undated.json". */
void edition_name(struct buf *out, const struct bdate *as_of);

/* A fact's id from its words: 16 hex digits of a hash of its letters
 * and digits, case folded (punctuation and spacing do not count). */
void edition_fact_id(char out[17], const char *text, size_t n);

/* Read the edition at path. Returns 0, or -1 with err. */
int edition_load(const char *path, struct edition *e, struct brief_err *err);

/* The newest edition in dir dated at or before as_of (an undated
 * brief takes the undated record, else the newest). Returns 0 with e
 * filled, 1 when there is none, -1 with err on a record that cannot be
 * read. */
int edition_find(const char *dir, const struct bdate *as_of,
	struct edition *e, struct brief_err *err);

void edition_free(struct edition *e);

/* Mark b's items new since prev (struct item.fresh), keep the order of
 * unchanged items, and fill b->since. */
void edition_compare(struct brief *b, struct edition *prev);

/* For --explain: the comparison, the items gone or reworded since prev,
 * the status change. */
void edition_explain(const struct brief *b, const struct edition *prev,
	FILE *fp);

#endif
