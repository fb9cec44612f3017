/*
 * meta.h -- what a line of a web page or clipping is, when it is not
 * article text: a date line, byline, credit, reading time, section
 * label, breadcrumb, caption, page furniture, the head of a link list,
 * the start of a comment section; and the dateline that opens an
 * article's first paragraph ("NEW DELHI, Dec 5 (PTI) —").
 *
 * The rules are general shapes of news pages (docs/ingest.md lists
 * them), not a list of one site's lines. Every function reads a line
 * span p[0..n) (trimmed, one paragraph) and allocates nothing; slices in
 * the results point into p.
 */
#ifndef BRIEF_META_H
#define BRIEF_META_H

#include <stddef.h>

#include "brief/base.h"
#include "brief/dates.h"

enum meta_kind {
	MK_TEXT = 0,     /* article text */
	MK_DATE,         /* a date line: date (and maybe byline/outlet) */
	MK_BYLINE,       /* "By Jane Doe", "Express News Service" */
	MK_CREDIT,       /* "(Source: Reuters)", "With inputs from PTI" */
	MK_READTIME,     /* "4 min read" */
	MK_LABEL,        /* a section label: "Explainer", "Opinion" */
	MK_BREADCRUMB,   /* "Home / World / Asia" */
	MK_CAPTION,      /* a photo caption or photo credit */
	MK_FURNITURE,    /* ads, share, sign-in, subscription, embeds, ... */
	MK_LIST_HEAD,    /* "More From This Section": a link list follows */
	MK_COMMENTS,     /* a comment form or section: nothing after is text */
};

/* Where a line stands: at the head of the article (before its first
 * paragraph of text) some short lines mean more than elsewhere. */
enum { META_HEAD = 1 };

struct meta_line {
	enum meta_kind kind;
	const char *rule;        /* the rule's name, for --dump ingest */
	struct bdate date;       /* MK_DATE */
	int updated;             /* MK_DATE: an "Updated" date */
	size_t rest;             /* MK_DATE: where text after a leading
	                          * "date YYYY-MM-DD" marker starts, else 0 */
	int credit_only;         /* MK_CAPTION: only a picture credit ("Photo:
	                          * Reuters"): the line before is its caption */
	struct slice byline;     /* a person or desk, may be empty */
	struct slice outlet;     /* an agency or outlet, may be empty */
};

/* Classify one line; where is 0 or META_HEAD. */
void meta_line(const char *p, size_t n, unsigned where, struct meta_line *out);

/* Is the line shaped like a headline in a list of links: short, no
 * closing punctuation (or a short question)? */
int meta_link_like(const char *p, size_t n);

struct dateline {
	size_t len;              /* bytes of the prefix with its separator */
	struct slice place;      /* "NEW DELHI", "Canberra/New Delhi" */
	struct slice agency;     /* "PTI", "Reuters"; may be empty */
	struct bdate date;       /* DP_NONE when absent; y may be 0 */
};

/* A dateline at the start of a first paragraph. strict: accept only a
 * dateline that has an all-caps place, a date or an agency (a title-case
 * place and a colon are accepted too when strict is 0). Returns 1 and
 * fills *out, else 0. */
int meta_dateline(const char *p, size_t n, int strict, struct dateline *out);

#endif
