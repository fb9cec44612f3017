/*
 * main.c -- command line. The only place that prints errors.
 *
 *   brief [-t TEMPLATE] [-o OUTDIR] [-f md,pdf] [--paper a4|letter]
 *         [--max-pages N] [--as-of YYYY-MM-DD] [--explain]
 *         [--dump STAGE] [-q|-v] SOURCE...
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief/pipeline.h"
#include "brief/template.h"
#include "brief/text.h"

#ifndef BRIEF_VERSION
#define BRIEF_VERSION "dev"
#endif
#ifndef BRIEF_DEFAULT_TEMPLATE
#define BRIEF_DEFAULT_TEMPLATE "default.yaml"
#endif

static const char *progname = "brief";
static int verbosity = 1;    /* 0 quiet, 1 normal, 2 verbose */

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-t TEMPLATE] [-o OUTDIR] [-f FORMATS] [--paper a4|letter]\n"
	    "             [--max-pages N] [--as-of YYYY-MM-DD] [--since EDITION]\n"
	    "             [--explain] [--strict] [-j N]\n"
	    "             [--dump %s] [-q|-v] SOURCE...\n"
	    "\n"
	    "Turn news articles about one subject into a one-page brief:\n"
	    "OUTDIR/brief.md (CommonMark) and OUTDIR/brief.pdf, and on request\n"
	    "OUTDIR/brief.html and OUTDIR/brief.json.\n"
	    "\n"
	    "  SOURCE              an article (.txt, .md) or a directory of them\n"
	    "  -t, --template FILE brief template (default: templates/%s)\n"
	    "  -o, --outdir DIR    where to write the outputs (default: out)\n"
	    "  -f, --format LIST   md, pdf, html, json, comma-separated, or all\n"
	    "                      (default: md,pdf)\n"
	    "      --paper SIZE    a4 or letter (default: the template's)\n"
	    "      --max-pages N   page budget (default: the template's, 1)\n"
	    "      --as-of DATE    the brief's as-of date (default: the newest\n"
	    "                      source date, else today)\n"
	    "      --since FILE    compare with this edition (default: the newest\n"
	    "                      in OUTDIR/editions at or before the as-of date)\n"
	    "      --explain       print every candidate sentence's scores and\n"
	    "                      why it was kept or dropped\n"
	    "      --dump STAGE    print one stage's output and stop\n"
	    "      --strict        a warning about a source (skipped, re-encoded,\n"
	    "                      bytes replaced) stops the run\n"
	    "  -j, --jobs N        read and annotate sources on N threads\n"
	    "                      (default: one per processor from 64 sources\n"
	    "                      up, else one; the outputs are the same for\n"
	    "                      any N)\n"
	    "      --list-templates  the templates found, with their titles\n"
	    "  -q, --quiet         no warnings or summary\n"
	    "  -v, --verbose       print a summary of the run\n"
	    "  -h, --help          this help\n"
	    "  -V, --version       print the version\n",
	    progname, brief_dump_stages, BRIEF_DEFAULT_TEMPLATE);
}

/* The progress line: on a terminal only, from one second into the run
 * (BRIEF_PROGRESS_DELAY seconds when set), at most ten times a second,
 * overwritten in place and cleared at the end. */
struct progress {
	struct timespec t0, last;
	double delay;
	int shown;
};
static struct progress prog;

static double
secs(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
progress_cb(void *ctx, const char *stage, size_t done, size_t total)
{
	struct progress *p = ctx;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (secs(&p->t0, &now) < p->delay ||
	    (p->shown && secs(&p->last, &now) < 0.1))
		return;
	p->last = now;
	p->shown = 1;
	fprintf(stderr, "\r\033[K%s: %s, %zu of %zu articles, %.1f s",
	    progname, stage, done, total, secs(&p->t0, &now));
	fflush(stderr);
}

static void
progress_end(struct progress *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
	p->shown = 0;
}

static void
warn_cb(void *ctx, const char *file, int line, const char *msg)
{
	(void)ctx;
	if (verbosity == 0)
		return;
	progress_end(&prog);   /* a warning takes the line */
	if (file && line > 0)
		fprintf(stderr, "%s: %s:%d: warning: %s\n", progname, file, line, msg);
	else if (file)
		fprintf(stderr, "%s: %s: warning: %s\n", progname, file, msg);
	else
		fprintf(stderr, "%s: warning: %s\n", progname, msg);
}

static int
parse_formats(const char *s, unsigned *out)
{
	unsigned f = 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		if (n == 2 && strncmp(s, "md", 2) == 0)
			f |= FMT_MD;
		else if (n == 3 && strncmp(s, "pdf", 3) == 0)
			f |= FMT_PDF;
		else if (n == 4 && strncmp(s, "html", 4) == 0)
			f |= FMT_HTML;
		else if (n == 4 && strncmp(s, "json", 4) == 0)
			f |= FMT_JSON;
		else if (n == 3 && strncmp(s, "all", 3) == 0)
			f |= FMT_MD | FMT_PDF | FMT_HTML | FMT_JSON;
		else
			return -1;
		s += n;
		if (*s == ',')
			s++;
	}
	*out = f;
	return f ? 0 : -1;
}

/* The default template: ./templates/NAME if present, else the installed
 * one. */
static const char *
default_template(void)
{
	static char path[512];
	snprintf(path, sizeof path, "templates/%s", BRIEF_DEFAULT_TEMPLATE);
	FILE *f = fopen(path, "r");
	if (f) {
		fclose(f);
		return path;
	}
	snprintf(path, sizeof path, "%s/templates/%s", template_datadir(),
	    BRIEF_DEFAULT_TEMPLATE);
	return path;
}

/* The templates in dir (*.yaml) with their titles; returns how many. */
static int
list_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char path[1024];
		struct arena *a;
		struct stemmer *st;
		struct template t;
		struct brief_err err = { 0 };

		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		a = arena_new();
		st = stemmer_new();
		if (template_load(a, st, path, &t, &err) == 0)
			printf("%-16.*s %s\n%-16s %s\n", (int)(len - 5), e->d_name,
			    t.title, "", path);
		else
			printf("%-16.*s (unreadable: %s)\n%-16s %s\n", (int)(len - 5),
			    e->d_name, err.msg, "", path);
		stemmer_free(st);
		arena_free(a);
		n++;
	}
	closedir(d);
	return n;
}

/* --list-templates: those in ./templates, then the installed ones. */
static int
list_templates(void)
{
	char inst[512];
	int n = list_dir("templates");

	snprintf(inst, sizeof inst, "%s/templates", template_datadir());
	n += list_dir(inst);
	if (n == 0)
		fprintf(stderr, "%s: no templates in ./templates or %s\n",
		    progname, inst);
	return n > 0 ? 0 : 1;
}

static void
die_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", progname);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry '%s --help'.\n", progname);
	exit(2);
}

enum { OPT_PAPER = 256, OPT_MAX_PAGES, OPT_AS_OF, OPT_EXPLAIN, OPT_DUMP,
	OPT_SINCE, OPT_LIST_TEMPLATES, OPT_STRICT };

static void
parse_args(int argc, char **argv, struct brief_opts *o)
{
	static const struct option longopts[] = {
		{ "template", required_argument, NULL, 't' },
		{ "outdir", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "paper", required_argument, NULL, OPT_PAPER },
		{ "max-pages", required_argument, NULL, OPT_MAX_PAGES },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "list-templates", no_argument, NULL, OPT_LIST_TEMPLATES },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "jobs", required_argument, NULL, 'j' },
		{ "dump", required_argument, NULL, OPT_DUMP },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;
	char *end;
	while ((ch = getopt_long(argc, argv, "t:o:f:j:qvhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 't': o->template_path = optarg; break;
		case 'o': o->outdir = optarg; break;
		case 'f':
			if (parse_formats(optarg, &o->formats) != 0)
				die_usage("bad --format '%s' (use md, pdf or md,pdf)", optarg);
			break;
		case OPT_PAPER:
			if (strcmp(optarg, "a4") == 0)
				o->paper = 0;
			else if (strcmp(optarg, "letter") == 0)
				o->paper = 1;
			else
				die_usage("bad --paper '%s' (use a4 or letter)", optarg);
			break;
		case OPT_MAX_PAGES: {
			long v = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || v < 1 || v > 100)
				die_usage("bad --max-pages '%s' (1 to 100)", optarg);
			o->max_pages = (int)v;
			break;
		}
		case OPT_AS_OF:
			if (dates_parse(optarg, strlen(optarg), &o->as_of) != 0 ||
			    o->as_of.prec != DP_DAY)
				die_usage("bad --as-of '%s' (use YYYY-MM-DD)", optarg);
			break;
		case OPT_EXPLAIN: o->explain = stdout; break;
		case OPT_SINCE: o->since = optarg; break;
		case OPT_STRICT: o->strict = 1; break;
		case 'j': {
			long v = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || v < 1 || v > 64)
				die_usage("bad --jobs '%s' (1 to 64)", optarg);
			o->jobs = (int)v;
			break;
		}
		case OPT_LIST_TEMPLATES: exit(list_templates());
		case OPT_DUMP: o->dump = optarg; break;
		case 'q': verbosity = 0; break;
		case 'v': verbosity = 2; break;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("brief %s\n", BRIEF_VERSION); exit(0);
		default: usage(stderr); exit(2);
		}
	}
}

int
main(int argc, char **argv)
{
	struct brief_opts o = { 0 };
	struct brief_stats st;
	struct brief_err err = { 0 };
	clock_t t0 = clock();
	int rc;

	o.outdir = "out";
	o.formats = FMT_MD | FMT_PDF;
	o.paper = -1;
	o.diag.warn = warn_cb;
	parse_args(argc, argv, &o);
	if (optind >= argc)
		die_usage("%s", "no SOURCE given");
	if (o.template_path == NULL)
		o.template_path = default_template();
	o.sources = argv + optind;
	o.nsources = (size_t)(argc - optind);
	if (verbosity > 0 && isatty(STDERR_FILENO)) {
		const char *d = getenv("BRIEF_PROGRESS_DELAY");

		clock_gettime(CLOCK_MONOTONIC, &prog.t0);
		prog.delay = d && *d ? strtod(d, NULL) : 1.0;
		o.progress = progress_cb;
		o.progress_ctx = &prog;
	}

	rc = brief_run(&o, &st, &err);
	progress_end(&prog);
	if (rc != 0) {
		if (err.file[0] && err.line > 0)
			fprintf(stderr, "%s: %s:%d: %s\n", progname, err.file, err.line, err.msg);
		else if (err.file[0])
			fprintf(stderr, "%s: %s: %s\n", progname, err.file, err.msg);
		else
			fprintf(stderr, "%s: %s\n", progname, err.msg);
		return 1;
	}
	if (verbosity >= 2 && o.dump == NULL)
		fprintf(stderr, "%s: %zu sources, %zu sentences, %zu items (%zu dropped "
		    "to fit), %d page(s), brief.md %zu bytes, brief.pdf %zu bytes, "
		    "%.0f ms CPU\n", progname, st.docs, st.sentences, st.items,
		    st.dropped, st.pages, st.md_bytes, st.pdf_bytes,
		    1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC);
	if (verbosity >= 2 && o.dump == NULL) {
		double total = 0;
		fprintf(stderr, "%s: stages:", progname);
		for (int k = 0; k < STAGE_COUNT; k++) {
			fprintf(stderr, " %s %.1f ms,", brief_stage_names[k], st.ms[k]);
			total += st.ms[k];
		}
		fprintf(stderr, " total %.1f ms\n", total);
	}
	return 0;
}
