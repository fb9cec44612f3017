/*
 * ingest.h -- read one article: decode, clean, header fields,
 * paragraphs, title, boilerplate removal.
 *
 * Input: plain text (.txt) in UTF-8. A BOM is stripped, CRLF and CR
 * become LF, invalid bytes become U+FFFD (with a warning naming
 * file:line). An optional header block of "Key: value" lines at the top
 * (Title, Date, Source/Outlet, URL, Author) sets metadata.
 *
 * The lines real pages and clippers put around an article become
 * metadata, never text (meta.h reads them): date lines, a dateline
 * opening the first paragraph, bylines, credits, reading time, section
 * labels; captions, furniture and link lists are dropped. Every dropped
 * line is kept in doc->drops with the rule that dropped it.
 *
 * The article's date, in order: the Date: header; a "Published" (or
 * unlabelled, or "date") date line; an "Updated" line; the dateline's
 * date; a date in the URL. A dateline date without a year takes the
 * year that puts it nearest to (not after) a date line's date, else the
 * URL's year, else the one year of the article's own full dates that
 * fall within 60 days before or 30 after it; otherwise the article stays
 * undated.
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

/* A line that is not article text, and why. */
struct drop {
	int line;               /* 1-based line in the source file */
	const char *rule;       /* static rule name: "caption", "byline", ... */
	struct slice text;      /* into doc->text */
};

enum date_source { DS_NONE = 0, DS_HEADER, DS_DATE_LINE, DS_UPDATED,
	DS_DATELINE, DS_URL };

struct doc {
	int id;                 /* 1-based citation number, set by caller */
	const char *path;       /* as given */
	const char *name;       /* base name of path */
	char *text;             /* cleaned UTF-8, NUL-terminated */
	size_t len;
	struct slice title;     /* into text, or the header's Title; may be empty */
	struct slice outlet;    /* from a Source:/Outlet: header; may be empty */
	struct slice url;       /* from a URL: header; may be empty */
	struct slice byline;    /* author or desk; may be empty */
	struct slice place;     /* the dateline's place; may be empty */
	struct bdate date;      /* the article's date; prec DP_NONE if unknown */
	enum date_source date_src;
	int date_line;          /* line the date came from, 0 if none */
	struct para *para;
	size_t npara;
	size_t dropped;         /* paragraphs removed (ndrops of them listed) */
	struct drop *drops;
	size_t ndrops;
	struct off_shift *shift;/* where text offsets part from the file's */
	size_t nshift;
	int form;               /* enum source_form (convert.h): a page or
	                         * Markdown is read as the text convert.c
	                         * makes of it; offsets are into that text */
	int cp1252;             /* the file was not UTF-8: read as
	                         * Windows-1252 */
};

/* From text offset text on, the file offset is raw + (offset - text):
 * a BOM, a CR before LF, a malformed byte made U+FFFD move them. */
struct off_shift {
	size_t text, raw;
};

/* The byte offset in the file of offset off of d->text. */
size_t ingest_file_offset(const struct doc *d, size_t off);

/* Name of a date source for messages: "header", "date line", ... */
const char *ingest_date_source(enum date_source s);

/* Read and ingest the file at path: a plain article, or an HTML page or
 * Markdown file made plain by convert.c. A file that is not UTF-8 but
 * reads as Windows-1252 (single bytes from 0x80 where UTF-8 would have
 * sequences) is decoded as such, with a warning. Returns 0, or -1 with
 * err filled (unreadable file, empty article, not text). */
int ingest_file(struct arena *a, const char *path, struct doc *d,
	const struct brief_diag *diag, struct brief_err *err);

/* The same from memory; name is used in messages and as doc->name. */
int ingest_mem(struct arena *a, const char *name, const char *p, size_t n,
	struct doc *d, const struct brief_diag *diag, struct brief_err *err);

/* 1 if a paragraph reads as page furniture rather than article text
 * ("Leave a Reply", "Top", share/comment footers, lone "logo"). */
int ingest_is_boilerplate(const char *p, size_t n);

#endif
