/*
 * pipeline.c -- the data flow of DESIGN.md, one stage after another.
 */
#include "brief/pipeline.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "brief/annotate.h"
#include "brief/ingest.h"
#include "brief/edition.h"
#include "brief/render_html.h"
#include "brief/render_json.h"
#include "brief/render_md.h"
#include "brief/tree.h"
#include "brief/render_pdf.h"
#include "brief/score.h"
#include "brief/segment.h"
#include "brief/select.h"
#include "brief/template.h"

#define MAX_DEPTH 8                /* directory recursion cap */
#define MAX_JOBS 64                /* threads reading sources, at most */
#define MIN_THREADED 64            /* fewer sources (or sentences to score):
                                    * one thread unless -j says */

const char brief_dump_stages[] = "ingest|segment|annotate|score";
const char *const brief_stage_names[STAGE_COUNT] = {
	"template", "read", "segment", "annotate", "score", "select", "fit",
	"write"
};

/* Milliseconds on the monotonic clock. */
static double
S_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef VEC(char *) path_vec;

/* ---- sources ------------------------------------------------------ */

static int
S_is_source_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	return name[0] != '.' && dot && (strcmp(dot, ".txt") == 0 ||
	    strcmp(dot, ".md") == 0 || strcmp(dot, ".text") == 0 ||
	    strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0 ||
	    strcmp(dot, ".markdown") == 0);
}

static int
S_cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
S_walk(const char *path, int depth, path_vec *out, struct brief_err *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return brief_fail(err, "sources", path, 0, "%s", strerror(errno));
	if (!S_ISDIR(sb.st_mode)) {
		VEC_PUSH(out, xstrndup(path, strlen(path)));
		return 0;
	}
	if (depth >= MAX_DEPTH)
		return brief_fail(err, "sources", path, 0, "directories nested too deep");
	DIR *dir = opendir(path);
	if (dir == NULL)
		return brief_fail(err, "sources", path, 0, "%s", strerror(errno));
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		struct buf p = { 0 };
		buf_printf(&p, "%s/%s", path, e->d_name);
		struct stat eb;
		if (stat(p.p, &eb) == 0 && S_ISDIR(eb.st_mode))
			rc = S_walk(p.p, depth + 1, out, err);
		else if (S_is_source_name(e->d_name))
			VEC_PUSH(out, xstrndup(p.p, p.n));
		buf_free(&p);
	}
	closedir(dir);
	return rc;
}

/* Collect and sort the source files; each directory's files in name
 * order, so source numbers are stable. */
static int
S_sources(const struct brief_opts *o, path_vec *out, struct brief_err *err)
{
	for (size_t k = 0; k < o->nsources; k++) {
		size_t before = out->n;
		if (S_walk(o->sources[k], 0, out, err) != 0)
			return -1;
		if (out->n - before > 1)
			qsort(out->v + before, out->n - before, sizeof *out->v, S_cmp_path);
		if (out->n == before)
			return brief_fail(err, "sources", o->sources[k], 0,
			    "no articles found (.txt, .md, .html)");
	}
	if (out->n == 0)
		return brief_fail(err, "sources", NULL, 0, "no sources given");
	return 0;
}

/* ---- dumps -------------------------------------------------------- */

/* Per article: the metadata found, each dropped line with the rule
 * that dropped it, then the paragraphs kept. */
static void
S_dump_ingest(const struct corpus *c, FILE *fp)
{
	for (size_t k = 0; k < c->ndoc; k++) {
		const struct doc *d = &c->doc[k];
		struct buf b = { 0 };
		fprintf(fp, "[%d] %s\n", d->id, d->path);
		fprintf(fp, "  title: %.*s\n", (int)d->title.n, d->title.p);
		if (d->date.prec != DP_NONE) {
			bdate_format_iso(&b, &d->date);
			fprintf(fp, "  date: %s (%s", buf_cstr(&b),
			    ingest_date_source(d->date_src));
			if (d->date_line > 0)
				fprintf(fp, ", line %d", d->date_line);
			fputs(")\n", fp);
		} else {
			fputs("  date: undated\n", fp);
		}
		if (d->outlet.n > 0)
			fprintf(fp, "  outlet: %.*s\n", (int)d->outlet.n, d->outlet.p);
		if (d->byline.n > 0)
			fprintf(fp, "  byline: %.*s\n", (int)d->byline.n, d->byline.p);
		if (d->place.n > 0)
			fprintf(fp, "  place: %.*s\n", (int)d->place.n, d->place.p);
		if (d->url.n > 0)
			fprintf(fp, "  url: %.*s\n", (int)d->url.n, d->url.p);
		fprintf(fp, "  paragraphs: %zu kept, %zu dropped\n", d->npara, d->dropped);
		for (size_t i = 0; i < d->ndrops; i++)
			fprintf(fp, "  - %d %s: %.*s\n", d->drops[i].line, d->drops[i].rule,
			    (int)d->drops[i].text.n, d->drops[i].text.p);
		for (size_t i = 0; i < d->npara; i++) {
			const struct para *p = &d->para[i];
			fprintf(fp, "  %d:%s%s%s%s %.*s\n", p->line,
			    p->flags & PARA_TITLE ? " title" : "",
			    p->flags & PARA_DEK ? " dek" : "",
			    p->flags & PARA_HEADING ? " heading" : "",
			    p->flags & PARA_BULLET ? " bullet" : "",
			    (int)p->len, d->text + p->off);
		}
		buf_free(&b);
	}
}

static void
S_dump_segment(const struct corpus *c, FILE *fp)
{
	for (size_t i = 0; i < c->s.n; i++) {
		const struct sentence *s = &c->s.v[i];
		fprintf(fp, "%s:%d\t%.*s\n", c->doc[s->doc].name, s->line,
		    (int)s->len, c->doc[s->doc].text + s->off);
	}
}

static void
S_dump_annotate(const struct corpus *c, FILE *fp)
{
	for (size_t i = 0; i < c->s.n; i++) {
		const struct sentence *s = &c->s.v[i];
		const struct sent_info *in = &c->info[i];
		fprintf(fp, "%s:%d\tflags=0x%03x\twords=%zu", c->doc[s->doc].name,
		    s->line, in->flags, in->words);
		for (size_t j = in->date0; j < in->date0 + in->ndate; j++) {
			struct buf b = { 0 };
			bdate_format_iso(&b, &c->dates.v[j].date);
			fprintf(fp, "\tdate=%s", buf_cstr(&b));
			buf_free(&b);
		}
		if (in->view >= 0) {
			const struct view *v = &c->views.v[in->view];
			fprintf(fp, "\tspeaker=\"%.*s\" role=\"%.*s\" outlet=\"%.*s\"",
			    (int)v->speaker.n, v->speaker.p, (int)v->role.n, v->role.p,
			    (int)v->outlet.n, v->outlet.p);
		}
		fputc('\n', fp);
	}
}

static void
S_dump_score(const struct corpus *c, const struct template *t,
	const struct score *sc, FILE *fp)
{
	for (size_t i = 0; i < c->s.n; i++) {
		const struct sentence *s = &c->s.v[i];
		fprintf(fp, "%s:%d\tcentral=%.2f\ttopic=%.1f", c->doc[s->doc].name,
		    s->line, sc[i].central, sc[i].topic);
		for (size_t k = 0; k < t->nsec; k++)
			fprintf(fp, "\t%s=%.1f", t->sec[k].id, sc[i].sec[k]);
		fprintf(fp, "\tself=%d", sc[i].self);
		for (size_t k = 0; k < t->nsec; k++)
			if (t->sec[k].kind == SK_SUMMARY) {
				for (size_t g = 0; g < t->sec[k].nstage && g < 32; g++)
					if ((sc[i].done >> g) & 1)
						fprintf(fp, "\tdone=%s", t->sec[k].stage[g].name);
				if (sc[i].pending >= 0)
					fprintf(fp, "\tpending=%s", t->sec[k].stage[sc[i].pending].name);
			}
		fputc('\n', fp);
	}
}

/* ---- dates and output --------------------------------------------- */

static long
S_epoch(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long v = strtol(e, &end, 10);
		if (*end == '\0' && v >= 0)
			return v;
	}
	return (long)time(NULL);
}

/* The brief's as-of date: --as-of; else the newest source date (what
 * the brief knows is as of then); else none: the header says the
 * sources are undated, and only the footer gives the day it was
 * generated. */
static void
S_as_of(const struct brief_opts *o, const struct bdate *latest,
	struct bdate *d)
{
	if (o->as_of.prec != DP_NONE)
		*d = o->as_of;
	else if (latest->prec != DP_NONE && latest->y != 0)
		*d = *latest;
	else
		memset(d, 0, sizeof *d);
}

/* The outputs of a run, staged as temporary files beside their
 * places, renamed into them together once all are written. */
struct staged {
	VEC(char *) tmp;
	VEC(char *) path;
};

static int
S_mkdir(const char *dir, struct brief_err *err)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return brief_fail(err, "write", dir, 0, "%s", strerror(errno));
	return 0;
}

/* Stage b as DIR/NAME (dir: the output directory, or a folder in it). */
static int
S_stage(struct staged *sg, const char *dir, const char *name,
	const struct buf *b, struct brief_err *err)
{
	struct buf path = { 0 };
	char *tmp;

	if (S_mkdir(dir, err) != 0)
		return -1;
	buf_printf(&path, "%s/%s", dir, name);
	tmp = file_stage(path.p, b->p ? b->p : "", b->n, err);
	if (tmp == NULL) {
		buf_free(&path);
		return -1;
	}
	VEC_PUSH(&sg->tmp, tmp);
	VEC_PUSH(&sg->path, path.p);
	return 0;
}

/* Rename every staged file into place (commit), or remove them all. */
static int
S_finish(struct staged *sg, int commit, struct brief_err *err)
{
	int rc = 0;

	for (size_t k = 0; k < sg->tmp.n; k++) {
		if (commit && rc == 0)
			rc = file_commit(sg->tmp.v[k], sg->path.v[k], err);
		else
			file_discard(sg->tmp.v[k]);
		free(sg->path.v[k]);
	}
	VEC_FREE(&sg->tmp);
	VEC_FREE(&sg->path);
	return rc;
}

static void
S_pdf_opts(const struct template *t, const struct brief_opts *o, long epoch,
	struct pdf_opts *po)
{
	memset(po, 0, sizeof *po);
	po->title = t->title;
	po->author = t->author;
	po->subject = t->subject;
	po->keywords = t->keywords;
	po->creator = "brief " BRIEF_VERSION;
	po->serif = t->layout.serif;
	po->sans = t->layout.sans;
	po->letter = o->paper >= 0 ? o->paper : t->layout.letter;
	po->body_pt = t->layout.body_pt;
	po->margin_pt = t->layout.margin_pt;
	po->min_pt = t->layout.min_pt;
	po->lang = t->lang;
	po->epoch = epoch;
}

/* The column points the layout measured for item it; 0 when it is
 * not on the page. */
static double
S_item_height(const struct btree *t, const struct item *it)
{
	for (size_t k = 0; k < t->nitems; k++)
		if (t->items[k]->item == it)
			return t->items[k]->height;
	return 0;
}

/* The brief as it stands, for the page: its tree in *t (replacing the
 * one there) and its measure in *res. Every format is fitted to the
 * page, so brief.md is the same brief whether or not the PDF is
 * written. */
static int
S_measure(struct brief *b, const struct pdf_opts *po, struct btree *t,
	struct pdf_result *res, struct brief_err *err)
{
	tree_free(t);
	tree_build(b, TREE_SOURCES_PAGE, t);
	return render_pdf(t, po, NULL, res, err);
}

/* The page has room for spares below this fill of its last page. */
#define FILL_ROOM 0.9

/* With the brief fitted and room on its page, the spares (select.h)
 * come in: all of them, then the lowest ranked out again, one at a
 * time, until the page fits. */
static int
S_fill(struct brief *b, const struct pdf_opts *po, struct btree *t,
	struct pdf_result *res, int max_pages, struct brief_err *err)
{
	size_t n = 0;
	int rc;

	for (size_t k = 0; k < b->nsec; k++)
		for (size_t j = 0; j < b->sec[k].n; j++)
			if (b->sec[k].item[j].spare) {
				b->sec[k].item[j].dropped = 0;
				n++;
			}
	if (n == 0)
		return 0;
	rc = S_measure(b, po, t, res, err);
	while (rc == 0 && res->pages > max_pages) {
		struct item *low = NULL;

		for (size_t k = 0; k < b->nsec; k++)
			for (size_t j = 0; j < b->sec[k].n; j++) {
				struct item *it = &b->sec[k].item[j];
				if (it->spare && !it->dropped && (low == NULL || it->rank < low->rank))
					low = it;
			}
		if (low == NULL)
			break;
		low->dropped = 1;
		rc = S_measure(b, po, t, res, err);
	}
	return rc;
}

/* Measure and drop items until the brief fits its page budget. First
 * the page's source list gives way (two cited sources a step, down to
 * TREE_PAGE_MIN). Then each step drops the item, in selection's drop
 * order, whose removal alone makes the brief fit, trying only items
 * whose measured height makes up the overflow; when none does, the
 * first in that order. */
static int
S_fit(struct brief *b, const struct pdf_opts *po, int max_pages,
	struct brief_stats *st, struct brief_err *err)
{
	struct pdf_result res = { 0 }, over;
	struct pdf_opts local = *po;
	struct btree t = { 0 };
	size_t total = 0, n;
	int rc;

	local.max_pages = max_pages;
	for (size_t k = 0; k < b->nsec; k++)
		total += b->sec[k].n;
	struct item **order = xcalloc(total ? total : 1, sizeof *order);
	double *height = xcalloc(total ? total : 1, sizeof *height);
	b->page_sources = TREE_PAGE_CITED;
	rc = S_measure(b, &local, &t, &res, err);
	while (rc == 0 && res.pages > max_pages) {
		struct item *pick = NULL;

		if (b->c->ndoc > TREE_PAGE_SOURCES && b->page_sources > TREE_PAGE_MIN) {
			/* two fewer sources, one row less */
			b->page_sources -= 2;
			rc = S_measure(b, &local, &t, &res, err);
			continue;
		}
		over = res;
		n = select_drop_order(b, order);
		for (size_t q = 0; q < n; q++)
			height[q] = S_item_height(&t, order[q]);
		for (size_t q = 0; q < n && pick == NULL && rc == 0; q++) {
			if (height[q] < over.overflow)
				continue;
			order[q]->dropped = 1;
			rc = S_measure(b, &local, &t, &res, err);
			pick = res.pages <= max_pages ? order[q] : NULL;
			order[q]->dropped = pick != NULL;
		}
		if (rc != 0 || (pick == NULL && n == 0))
			break;
		if (pick == NULL) {
			order[0]->dropped = 1;
			rc = S_measure(b, &local, &t, &res, err);
		}
		st->dropped++;
	}
	if (rc == 0 && res.pages == max_pages && res.last_fill < FILL_ROOM)
		rc = S_fill(b, &local, &t, &res, max_pages, err);
	st->pages = res.pages;
	tree_free(&t);
	free(order);
	free(height);
	return rc;
}

/* ---- the run ------------------------------------------------------ */

static void
S_progress(const struct brief_opts *o, const char *stage, size_t done,
	size_t total)
{
	if (o->progress != NULL)
		o->progress(o->progress_ctx, stage, done, total);
}

/* Warnings about sources, passed on, and counted for --strict. */
struct strict {
	const struct brief_diag *inner;
	int count;
	struct brief_err first;
};

static void
S_source_warn(void *ctx, const char *file, int line, const char *msg)
{
	struct strict *s = ctx;

	if (s->count++ == 0)
		brief_fail(&s->first, "sources", file, line, "%s", msg);
	if (s->inner->warn != NULL)
		s->inner->warn(s->inner->ctx, file, line, msg);
}

/* ---- reading, on -j threads ------------------------------------------
 * Each source is a job: read (ingest), split into sentences and its
 * words annotated (annotate_words), all of which needs the article
 * alone. Workers take jobs in order from a shared counter, each with
 * its own arena, segmenter and stemmer; the main thread takes the
 * finished jobs in source order, says their warnings, and appends them
 * to the corpus. So the corpus, the warnings and every output are the
 * same for any number of threads. */

struct note {
	char *file, *msg;
	int line;
};

struct job {
	const char *path;
	struct corpus one;          /* the article, its sentences and words */
	int state;                  /* 0 to do, 1 read, 2 skipped, 3 failed */
	struct brief_err e;         /* why skipped or failed */
	VEC(struct note) notes;     /* its warnings, said in order */
	double ms[3];               /* read, segment, words */
	int done;
};

struct worker {
	struct loader *l;
	struct arena *a;
	struct segmenter *sg;
	struct stemmer *st;
	pthread_t th;
	int started;
};

struct loader {
	struct job *job;
	size_t njob;
	size_t next;                /* the next job to take (under mu) */
	pthread_mutex_t mu;
	pthread_cond_t cv;          /* a job is done */
};

static void
S_note(void *ctx, const char *file, int line, const char *msg)
{
	struct job *j = ctx;
	struct note n = { file ? xstrndup(file, strlen(file)) : NULL,
		xstrndup(msg, strlen(msg)), line };

	VEC_PUSH(&j->notes, n);
}

static void
S_job_run(struct worker *w, struct job *j)
{
	struct brief_diag dg = { S_note, j };
	double t0 = S_now(), t1, t2;

	j->one.doc = xcalloc(1, sizeof *j->one.doc);
	if (ingest_file(w->a, j->path, &j->one.doc[0], &dg, &j->e) != 0) {
		j->state = 2;
		j->ms[0] = S_now() - t0;
		return;
	}
	j->one.ndoc = 1;
	j->one.doc[0].id = 1;
	t1 = S_now();
	if (segment_doc(w->sg, &j->one.doc[0], 0, &j->one.s, &j->e) != 0) {
		j->state = 3;
		return;
	}
	t2 = S_now();
	annotate_words(&j->one, 0, w->st);
	j->ms[0] = t1 - t0;
	j->ms[1] = t2 - t1;
	j->ms[2] = S_now() - t2;
	j->state = 1;
}

static void *
S_worker(void *arg)
{
	struct worker *w = arg;
	struct loader *l = w->l;

	for (;;) {
		pthread_mutex_lock(&l->mu);
		size_t k = l->next < l->njob ? l->next++ : l->njob;
		pthread_mutex_unlock(&l->mu);
		if (k >= l->njob)
			break;
		S_job_run(w, &l->job[k]);
		pthread_mutex_lock(&l->mu);
		l->job[k].done = 1;
		pthread_cond_broadcast(&l->cv);
		pthread_mutex_unlock(&l->mu);
	}
	return NULL;
}

/* The number of threads for n jobs: -j, else the processors online,
 * and one for a few jobs, which a thread's set-up would cost more
 * than it saves. */
static size_t
S_threads(const struct brief_opts *o, size_t n)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t t = o->jobs > 0 ? (size_t)o->jobs : cores > 0 ? (size_t)cores : 1;

	if (o->jobs == 0 && n < MIN_THREADED)
		t = 1;

	if (t > MAX_JOBS)
		t = MAX_JOBS;
	return t < n ? t : n ? n : 1;
}

/* Read every source. One that cannot be read or is no article (binary,
 * empty, no text, too large, gone) is skipped with a warning; with
 * --strict any warning about a source stops the run. The run stops
 * only when no usable source is left. */
static int
S_load(const struct brief_opts *o, struct arena *a, struct segmenter *sg,
	struct stemmer *stem, struct corpus *c, double *ms, struct brief_err *err)
{
	path_vec paths = { 0 };
	struct strict st = { &o->diag, 0, { { 0 }, { 0 }, 0, { 0 } } };
	struct brief_diag diag = { S_source_warn, &st };
	struct loader l = { 0 };
	struct worker w[MAX_JOBS];
	size_t skipped = 0, nw = 0;
	double sum[3] = { 0, 0, 0 }, t0 = S_now();
	int rc = -1;

	memset(w, 0, sizeof w);
	if (S_sources(o, &paths, err) != 0)
		goto out;
	c->doc = xcalloc(paths.n ? paths.n : 1, sizeof *c->doc);
	l.job = xcalloc(paths.n ? paths.n : 1, sizeof *l.job);
	l.njob = paths.n;
	for (size_t k = 0; k < paths.n; k++)
		l.job[k].path = paths.v[k];
	pthread_mutex_init(&l.mu, NULL);
	pthread_cond_init(&l.cv, NULL);
	nw = S_threads(o, paths.n);
	for (size_t t = 0; nw > 1 && t < nw; t++) {
		w[t].l = &l;
		if (t == 0) {       /* the first uses the run's own */
			w[t].a = a;
			w[t].st = stem;
			w[t].sg = sg;
		} else {
			w[t].a = arena_new();
			w[t].st = stemmer_new();
			w[t].sg = segmenter_new(err);
		}
		if (w[t].sg == NULL ||
		    pthread_create(&w[t].th, NULL, S_worker, &w[t]) != 0) {
			nw = t;        /* the threads made so far do the work */
			break;
		}
		w[t].started = 1;
	}
	for (size_t k = 0; k < l.njob; k++) {
		struct job *j = &l.job[k];

		S_progress(o, "reading", k, paths.n);
		if (nw <= 1) {          /* no threads: in this one, in order */
			struct worker me = { &l, a, sg, stem, 0, 0 };
			S_job_run(&me, j);
		} else {
			pthread_mutex_lock(&l.mu);
			while (!j->done)
				pthread_cond_wait(&l.cv, &l.mu);
			pthread_mutex_unlock(&l.mu);
		}
		for (size_t q = 0; q < j->notes.n; q++)
			brief_warn(&diag, j->notes.v[q].file, j->notes.v[q].line,
			    "%s", j->notes.v[q].msg);
		for (int q = 0; q < 3; q++)
			sum[q] += j->ms[q];
		if (j->state == 3) {
			*err = j->e;
			goto out;
		}
		if (j->state == 2) {
			brief_warn(&diag, j->e.file[0] ? j->e.file : j->path, j->e.line,
			    "skipped: %s", j->e.msg);
			skipped++;
			corpus_free(&j->one);
			continue;
		}
		for (size_t i = 0; i < j->one.s.n; i++)
			if (j->one.s.v[i].flags & SF_LONG)
				brief_warn(&diag, j->path, j->one.s.v[i].line,
				    "a sentence of %zu bytes passed over (the limit "
				    "is %d)", j->one.s.v[i].len, SEG_MAX_SENTENCE);
		corpus_append(c, &j->one);
	}
	if (o->strict && st.count > 0) {
		*err = st.first;
		snprintf(err->stage, sizeof err->stage, "strict");
		goto out;
	}
	if (c->ndoc == 0) {
		brief_fail(err, "sources", NULL, 0, "no usable source: %zu of %zu "
		    "skipped", skipped, paths.n);
		goto out;
	}
	rc = 0;
out:
	pthread_mutex_lock(&l.mu);
	l.next = l.njob;                /* on a failure: take no more */
	pthread_mutex_unlock(&l.mu);
	for (size_t t = 0; t < MAX_JOBS; t++) {
		if (w[t].started)
			pthread_join(w[t].th, NULL);
		if (t == 0)
			continue;                  /* the run's own */
		if (w[t].a != NULL)
			arena_absorb(a, w[t].a);   /* the docs' text lives there */
		segmenter_free(w[t].sg);
		if (w[t].st != NULL)
			stemmer_free(w[t].st);
	}
	if (l.job != NULL)
		pthread_mutex_destroy(&l.mu), pthread_cond_destroy(&l.cv);
	for (size_t k = 0; k < l.njob; k++) {
		for (size_t q = 0; q < l.job[k].notes.n; q++) {
			free(l.job[k].notes.v[q].file);
			free(l.job[k].notes.v[q].msg);
		}
		VEC_FREE(&l.job[k].notes);
		corpus_free(&l.job[k].one);
	}
	free(l.job);
	/* the threads' times, in proportion to the phase's wall time */
	double total = sum[0] + sum[1] + sum[2], wall = S_now() - t0;
	for (int q = 0; q < 3; q++)
		ms[STAGE_READ + q] = total > 0 ? wall * sum[q] / total : 0;
	for (size_t k = 0; k < paths.n; k++)
		free(paths.v[k]);
	VEC_FREE(&paths);
	return rc;
}

static int
S_dump(const struct brief_opts *o, const struct corpus *c,
	const struct template *t, const struct score *sc, struct brief_err *err)
{
	FILE *fp = o->dump_fp ? o->dump_fp : stdout;
	if (strcmp(o->dump, "ingest") == 0)
		S_dump_ingest(c, fp);
	else if (strcmp(o->dump, "segment") == 0)
		S_dump_segment(c, fp);
	else if (strcmp(o->dump, "annotate") == 0)
		S_dump_annotate(c, fp);
	else if (strcmp(o->dump, "score") == 0)
		S_dump_score(c, t, sc, fp);
	else
		return brief_fail(err, "options", NULL, 0, "unknown dump stage: %s", o->dump);
	return 0;
}

/* Stage this edition's record: OUTDIR/editions/AS-OF.json. */
static int
S_stage_edition(struct staged *sg, const struct brief_opts *o,
	const struct brief *b, const struct buf *json, struct brief_err *err)
{
	struct buf dir = { 0 }, name = { 0 };
	int rc;

	buf_printf(&dir, "%s/editions", o->outdir);
	edition_name(&name, &b->as_of);
	rc = S_mkdir(o->outdir, err) != 0 ? -1 :
		S_stage(sg, dir.p, name.p, json, err);
	buf_free(&dir);
	buf_free(&name);
	return rc;
}

/* Compare b with the previous edition: --since, else the newest record
 * in OUTDIR/editions at or before b's as-of date. A record that cannot
 * be read stops the run when named, and is passed over with a warning
 * when found. */
static int
S_since(const struct brief_opts *o, struct brief *b, struct edition *prev,
	struct brief_err *err)
{
	struct buf dir = { 0 };
	struct brief_err e2 = { 0 };
	int rc;

	const char *title = b->t->title;

	if (o->since != NULL) {
		if (edition_load(o->since, prev, err) != 0)
			return -1;
		if (prev->title == NULL || strcmp(prev->title, title) != 0)
			brief_warn(&o->diag, o->since, 0, "an edition of another "
			    "brief (\"%s\")", prev->title ? prev->title : "untitled");
		edition_compare(b, prev);
		return 0;
	}
	buf_printf(&dir, "%s/editions", o->outdir);
	rc = edition_find(dir.p, &b->as_of, prev, &e2);
	buf_free(&dir);
	if (rc < 0)
		brief_warn(&o->diag, e2.file, e2.line, "previous edition not "
		    "read: %s", e2.msg);
	else if (rc == 0 && prev->title != NULL && strcmp(prev->title, title) == 0)
		edition_compare(b, prev);   /* another brief's record: not its past */
	return 0;
}

static int
S_render(const struct brief_opts *o, const struct template *t, struct brief *b,
	long epoch, struct brief_stats *st, struct brief_err *err)
{
	struct buf md = { 0 }, pdf = { 0 }, html = { 0 }, json = { 0 };
	struct btree page = { 0 }, full = { 0 };
	struct staged sg = { { 0 }, { 0 } };
	struct pdf_opts po;
	struct pdf_result res = { 0 };
	int max_pages = o->max_pages > 0 ? o->max_pages : t->layout.max_pages;
	int rc = -1;

	S_pdf_opts(t, o, epoch, &po);
	po.max_pages = max_pages;   /* the final render lays out as measured */
	po.press = pdf_press_new(); /* fonts found and loaded once */
	S_progress(o, "fitting", b->c->ndoc, b->c->ndoc);
	double t0 = S_now();
	if (S_fit(b, &po, max_pages, st, err) != 0)
		goto out;
	double t1 = S_now();
	st->ms[STAGE_FIT] = t1 - t0;
	S_progress(o, "writing", b->c->ndoc, b->c->ndoc);
	tree_build(b, TREE_SOURCES_PAGE, &page);
	if ((o->formats & FMT_PDF) &&
	    render_pdf(&page, &po, &pdf, &res, err) != 0)
		goto out;
	if (o->formats & FMT_HTML)   /* the page's brief, for the screen */
		render_html(&page, t->title, t->lang, &html);
	/* brief.md and brief.json list every source */
	tree_build(b, TREE_SOURCES_FULL, &full);
	render_md(&full, &md);
	if (render_json(&full, b, &json, err) != 0)   /* also the edition */
		goto out;
	/* every output is made, then every one written beside its place,
	 * then all renamed into place: a failure leaves the old ones */
	if (((o->formats & FMT_MD) && S_stage(&sg, o->outdir, "brief.md", &md, err) != 0) ||
	    ((o->formats & FMT_PDF) && S_stage(&sg, o->outdir, "brief.pdf", &pdf, err) != 0) ||
	    ((o->formats & FMT_HTML) && S_stage(&sg, o->outdir, "brief.html", &html, err) != 0) ||
	    ((o->formats & FMT_JSON) && S_stage(&sg, o->outdir, "brief.json", &json, err) != 0) ||
	    S_stage_edition(&sg, o, b, &json, err) != 0) {
		S_finish(&sg, 0, err);
		goto out;
	}
	if (S_finish(&sg, 1, err) != 0)
		goto out;
	st->ms[STAGE_WRITE] = S_now() - t1;
	st->md_bytes = md.n;
	st->pdf_bytes = pdf.n;
	st->html_bytes = html.n;
	st->json_bytes = json.n;
	if ((o->formats & FMT_PDF) && res.pages > max_pages)
		brief_warn(&o->diag, NULL, 0, "the brief needs %d pages, over the "
		    "budget of %d, even with every droppable item removed", res.pages, max_pages);
	rc = 0;
out:
	pdf_press_free(po.press);
	tree_free(&page);
	tree_free(&full);
	buf_free(&md);
	buf_free(&pdf);
	buf_free(&html);
	buf_free(&json);
	return rc;
}

int
brief_run(const struct brief_opts *o, struct brief_stats *st, struct brief_err *err)
{
	struct arena *a = arena_new();
	struct stemmer *stem = stemmer_new();
	struct segmenter *sg = NULL;
	struct corpus c = { 0 };
	struct template t;
	struct brief b;
	struct score *sc = NULL;
	struct edition prev = { 0 };
	long epoch = S_epoch();
	int rc = -1;

	memset(st, 0, sizeof *st);
	double t0 = S_now();
	if (template_load(a, stem, o->template_path, &t, err) != 0)
		goto out;
	if ((sg = segmenter_new(err)) == NULL)
		goto out;
	st->ms[STAGE_TEMPLATE] = S_now() - t0;
	if (S_load(o, a, sg, stem, &c, st->ms, err) != 0)
		goto out;
	S_progress(o, "annotating", c.ndoc, c.ndoc);
	t0 = S_now();
	annotate_finish(&c);
	double t1 = S_now();
	st->ms[STAGE_ANNOTATE] += t1 - t0;
	S_progress(o, "scoring", c.ndoc, c.ndoc);
	sc = score_corpus(&c, &t, a, (int)S_threads(o, c.s.n));
	t0 = S_now();
	st->ms[STAGE_SCORE] = t0 - t1;
	st->docs = c.ndoc;
	st->sentences = c.s.n;
	if (o->dump) {
		rc = S_dump(o, &c, &t, sc, err);
		goto out;
	}
	S_progress(o, "selecting", c.ndoc, c.ndoc);
	select_brief(&c, sc, &t, a, &b);
	st->ms[STAGE_SELECT] = S_now() - t0;
	S_as_of(o, &b.latest, &b.as_of);
	if (S_since(o, &b, &prev, err) != 0)
		goto out;
	rc = S_render(o, &t, &b, epoch, st, err);
	if (rc == 0 && o->explain) {
		select_explain(&b, o->explain);
		if (b.since.have)
			edition_explain(&b, &prev, o->explain);
	}
	for (size_t k = 0; k < b.nsec; k++)
		for (size_t j = 0; j < b.sec[k].n; j++)
			st->items += !b.sec[k].item[j].dropped;
out:
	edition_free(&prev);
	corpus_free(&c);
	segmenter_free(sg);
	stemmer_free(stem);
	arena_free(a);
	return rc;
}
