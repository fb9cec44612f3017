/*
 * ingest.h -- read one article: decode, clean, header fields,
 * paragraphs, title, boilerplate removal.
 *
 * Input: plain text (.txt) in UTF-8. A BOM is stripped, CRLF and CR
 * become LF, invalid bytes become U+FFFD (with a warning naming
 * file:line). An optional header block of "Key: value" lines at the top
 * (Title, Date, Source/Outlet, URL, Author) sets metadata.
 *
 * Ownership: everything a struct doc points to lives in the arena passed
 * to ingest_*; the doc is valid until arena_free().
 */
#ifndef BRIEF_INGEST_H
#define BRIEF_INGEST_H

#include <stddef.h>

#include "brief/base.h"
#include "brief/dates.h"

enum {
	PARA_BULLET = 1 << 0,   /* a list item ("•", "*", "-" bullet) */
	PARA_HEADING = 1 << 1,  /* short line with no closing punctuation */
	PARA_TITLE = 1 << 2,    /* the article's title line */
	PARA_DEK = 1 << 3,      /* standfirst right under the title */
};

struct para {
	size_t off, len;        /* span in doc->text, bullet marker removed */
	int line;               /* 1-based line in the source file */
	unsigned flags;
};

struct doc {
	int id;                 /* 1-based citation number, set by caller */
	const char *path;       /* as given */
	const char *name;       /* base name of path */
	char *text;             /* cleaned UTF-8, NUL-terminated */
	size_t len;
	struct slice title;     /* into text, or the header's Title; may be empty */
	struct slice outlet;    /* from a Source:/Outlet: header; may be empty */
	struct slice url;       /* from a URL: header; may be empty */
	struct bdate date;      /* from a Date: header; prec DP_NONE if unknown */
	struct para *para;
	size_t npara;
	size_t dropped;         /* boilerplate paragraphs removed */
};

/* Read and ingest the file at path. Returns 0, or -1 with err filled
 * (unreadable file, empty article, not text). */
int ingest_file(struct arena *a, const char *path, struct doc *d,
	const struct brief_diag *diag, struct brief_err *err);

/* The same from memory; name is used in messages and as doc->name. */
int ingest_mem(struct arena *a, const char *name, const char *p, size_t n,
	struct doc *d, const struct brief_diag *diag, struct brief_err *err);

/* 1 if a paragraph reads as page furniture rather than article text
 * ("Leave a Reply", "Top", share/comment footers, lone "logo"). */
int ingest_is_boilerplate(const char *p, size_t n);

#endif
