/*
 * pipeline.h -- one run: sources -> ingest -> segment -> annotate ->
 * score -> cluster/select -> fit to the page -> render -> write.
 *
 * Outputs are rendered in memory first and written with an atomic
 * rename, so a failed run leaves the previous outputs intact.
 */
#ifndef BRIEF_PIPELINE_H
#define BRIEF_PIPELINE_H

#include <stdio.h>

#include "brief/base.h"
#include "brief/dates.h"

enum {
	FMT_MD = 1 << 0,
	FMT_PDF = 1 << 1,
	FMT_HTML = 1 << 2,
	FMT_JSON = 1 << 3,
};

struct brief_opts {
	const char *template_path;
	const char *outdir;
	unsigned formats;          /* FMT_* */
	int paper;                 /* -1: template's, 0: A4, 1: Letter */
	int max_pages;             /* 0: template's */
	struct bdate as_of;        /* prec DP_NONE: from SOURCE_DATE_EPOCH or today */
	FILE *explain;             /* --explain: candidate table, or NULL */
	int strict;                /* --strict: a warning about a source
	                            * stops the run */
	const char *since;         /* --since: the edition to compare with;
	                            * NULL: the newest in OUTDIR/editions */
	const char *dump;          /* --dump STAGE, or NULL */
	int jobs;                  /* -j: threads reading sources; 0: one
	                            * per processor. Outputs are the same
	                            * for any number. */
	FILE *dump_fp;
	char *const *sources;      /* files or directories */
	size_t nsources;
	struct brief_diag diag;    /* warnings */
	/* Progress: called as each stage starts and as articles are read
	 * (done of total; total 0 when it does not apply); NULL: none. */
	void (*progress)(void *ctx, const char *stage, size_t done,
		size_t total);
	void *progress_ctx;
};

/* The stages a run times, in order, for -v and the benchmark. */
enum brief_stage {
	STAGE_TEMPLATE, STAGE_READ, STAGE_SEGMENT, STAGE_ANNOTATE,
	STAGE_SCORE, STAGE_SELECT, STAGE_FIT, STAGE_WRITE, STAGE_COUNT
};
extern const char *const brief_stage_names[STAGE_COUNT];

struct brief_stats {
	size_t docs, sentences, items, dropped;
	int pages;
	size_t md_bytes, pdf_bytes, html_bytes, json_bytes;
	double ms[STAGE_COUNT];   /* wall-clock milliseconds per stage */
};

/* Run the whole pipeline. Returns 0, or -1 with err filled. */
int brief_run(const struct brief_opts *o, struct brief_stats *st,
	struct brief_err *err);

/* The stage names --dump accepts, separated by '|'. */
extern const char brief_dump_stages[];

#endif
