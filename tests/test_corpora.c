/*
 * test_corpora.c -- real-shaped test articles against their checklists
 * (tests/corpora/README.md gives the formats):
 *
 *   - every tests/corpora/TOPIC/expect/NAME.expect against
 *     TOPIC/articles/NAME.txt: title, article date, outlet, byline;
 *     metadata and furniture lines gone from the text and the title;
 *     article sentences kept; dated events resolved right (the topic's
 *     articles are annotated together, as a brief would);
 *   - tests/corpora/dates_real.tsv: one sentence in an article of a
 *     given date (with misleading context), the date phrase's answer;
 *   - tests/corpora/furniture.tsv: a line to drop or to keep.
 *
 * Each runner prints a tally of what it checked, so the counts of forms
 * handled can be read from the test log.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <strings.h>
#include <sys/stat.h>

#include "brief/annotate.h"
#include "brief/ingest.h"
#include "brief/meta.h"
#include "brief/segment.h"
#include "brief/text.h"

/* ---- failures ------------------------------------------------------ */

struct fails {
	int n;
	struct buf msg;          /* the first few, one per line */
	const char *known;       /* the topic's expect/known-gaps lines, or
	                          * NULL: failures written there are counted,
	                          * not failed */
	struct buf hit;          /* the known lines met, one per line */
	int nknown;
};

static void
S_fail(struct fails *f, const char *fmt, ...)
{
	va_list ap;
	char line[512];
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (getenv("BRIEF_TEST_VERBOSE") != NULL)   /* every one, known or not */
		fprintf(stderr, "%s\n", line);
	if (f->known != NULL) {
		size_t m = strlen(line);
		for (const char *p = f->known; (p = strstr(p, line)) != NULL; p += m)
			if ((p == f->known || p[-1] == '\n') && (p[m] == '\n' || p[m] == '\0')) {
				f->nknown++;
				buf_puts(&f->hit, line);
				buf_putc(&f->hit, '\n');
				return;
			}
	}
	if (f->n++ < 40) {
		buf_puts(&f->msg, line);
		buf_putc(&f->msg, '\n');
	}
}

/* Known gaps: the failures an engine still has on a topic, one per
 * line in a file of the topic's expect/ folder, each to be taken out
 * once it passes. Returns the file (caller frees) or NULL, and points
 * f at it. */
static char *
S_known_load(struct fails *f, const char *ex, const char *file)
{
	char path[1600];
	struct stat st;
	char *known = NULL;

	snprintf(path, sizeof path, "%s/%s", ex, file);
	if (stat(path, &st) == 0)
		known = test_read(NULL, "%s", path);
	f->known = known;
	f->hit.n = 0;
	return known;
}

/* Every line of known must have been met: one that passes now fails. */
static void
S_known_check(struct fails *f, const char *topic, char *known)
{
	f->known = NULL;
	for (const char *p = known, *e; p != NULL && *p; p = e + (*e != 0)) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (e == p || *p == '#')
			continue;
		struct buf ln = { 0 };
		buf_put(&ln, p, (size_t)(e - p));
		buf_putc(&ln, '\n');
		if (strstr(buf_cstr(&f->hit), buf_cstr(&ln)) == NULL)
			S_fail(f, "%s: known gap now passes (take it out): %.*s", topic,
			    (int)(e - p), p);
		buf_free(&ln);
	}
	free(known);
}

/* ---- a corpus made from files ---------------------------------------- */

struct tcorpus {
	struct arena *a;
	struct segmenter *sg;
	struct stemmer *st;
	struct corpus c;
	char *names[64];         /* base names without ".txt" */
};

static void
S_corpus_free(struct tcorpus *t)
{
	for (size_t k = 0; k < t->c.ndoc; k++)
		free(t->names[k]);
	corpus_free(&t->c);
	if (t->sg)
		segmenter_free(t->sg);
	if (t->st)
		stemmer_free(t->st);
	arena_free(t->a);
}

/* Ingest, segment and annotate the n texts together. */
static void
S_corpus(struct tcorpus *t, const char *const *name, const char *const *text,
	size_t n)
{
	struct brief_err err;
	memset(t, 0, sizeof *t);
	t->a = arena_new();
	t->st = stemmer_new();
	t->sg = segmenter_new(&err);
	ck_assert_ptr_nonnull(t->sg);
	t->c.doc = xcalloc(n ? n : 1, sizeof *t->c.doc);
	for (size_t k = 0; k < n; k++) {
		ck_assert_msg(ingest_mem(t->a, name[k], text[k], strlen(text[k]),
		    &t->c.doc[k], NULL, &err) == 0, "%s: %s", name[k], err.msg);
		t->c.doc[k].id = (int)k + 1;
		t->c.ndoc = k + 1;
		ck_assert(segment_doc(t->sg, &t->c.doc[k], (int)k, &t->c.s, &err) == 0);
	}
	annotate_corpus(&t->c, t->st);
}

/* ISO form of a mention's date ("????" for an unknown year, "a..b" for
 * a range). */
static void
S_mention_iso(const struct date_mention *m, char *out, size_t cap)
{
	struct buf b = { 0 };
	struct bdate d = m->date;
	if (d.y == 0) {
		if (d.prec == DP_DAY)
			buf_printf(&b, "\?\?\?\?-%02d-%02d", d.m, d.d);
		else
			buf_printf(&b, "\?\?\?\?-%02d", d.m);
	} else {
		bdate_format_iso(&b, &d);
	}
	if ((m->flags & (DM_RANGE | DM_APPROX)) && bdate_cmp(&m->date, &m->end) != 0 &&
	    !(m->flags & DM_APPROX)) {
		buf_puts(&b, "..");
		bdate_format_iso(&b, &m->end);
	}
	snprintf(out, cap, "%s", buf_cstr(&b));
	buf_free(&b);
}

/* The mention of doc k that covers the phrase (the first place the
 * phrase occurs in a sentence of that doc); *found tells if the phrase
 * was found at all. NULL when no mention overlaps it. */
static const struct date_mention *
S_mention_at(const struct corpus *c, size_t k, const char *phrase, int *found)
{
	size_t pn = strlen(phrase);
	*found = 0;
	for (size_t i = 0; i < c->s.n; i++) {
		if ((size_t)c->s.v[i].doc != k)
			continue;
		struct slice s = corpus_text(c, i);
		for (size_t o = 0; o + pn <= s.n; o++) {
			if (memcmp(s.p + o, phrase, pn) != 0)
				continue;
			*found = 1;
			const struct sent_info *in = &c->info[i];
			for (size_t j = in->date0; j < in->date0 + in->ndate; j++) {
				const struct date_mention *m = &c->dates.v[j];
				if (m->off < o + pn && o < m->off + m->len)
					return m;
			}
			return NULL;
		}
	}
	return NULL;
}

/* Does a mention (ISO form got) answer want? A week-level phrase
 * ("last week") answers a range want by a day inside it; "none" is
 * answered by no mention or one without a year. */
static int
S_date_ok(const struct date_mention *m, const char *got, const char *want)
{
	if (strcmp(got, want) == 0)
		return 1;
	if (strcmp(want, "none") == 0 && got[0] == '?')
		return 1;
	if (m != NULL && (m->flags & DM_APPROX) && strstr(want, "..") != NULL) {
		char lo[16], hi[16];
		struct buf b = { 0 };
		int ok = 0;
		bdate_format_iso(&b, &m->date);
		if (sscanf(want, "%15[^.]..%15s", lo, hi) == 2)
			ok = strcmp(buf_cstr(&b), lo) >= 0 && strcmp(buf_cstr(&b), hi) <= 0;
		buf_free(&b);
		return ok;
	}
	return 0;
}

/* ---- expectation files ------------------------------------------------ */

/* The value of a "key: value   # comment" line, trimmed. */
static struct slice
S_value(const char *line, size_t n)
{
	struct slice v = { line, n };
	for (size_t i = 0; i + 2 < n; i++)
		if ((line[i] == ' ' && line[i + 1] == ' ' && line[i + 2] == '#') ||
		    (line[i] == '\t' && line[i + 1] == '#')) {
			v.n = i;
			break;
		}
	return slice_trim(v);
}

static int
S_ieq(struct slice a, struct slice b)
{
	return a.n == b.n && strncasecmp(a.p, b.p, a.n) == 0;
}

/* Does hay contain needle, ASCII case-folded? */
static int
S_icontains(struct slice hay, struct slice needle)
{
	if (needle.n == 0)
		return 1;
	for (size_t i = 0; i + needle.n <= hay.n; i++)
		if (strncasecmp(hay.p + i, needle.p, needle.n) == 0)
			return 1;
	return 0;
}

/* Does a metadata or furniture line survive in d: a kept paragraph (or
 * the title) that is the line, begins with it where it is a leading
 * fragment ("TOKYO, Sept 10 (Reuters) -"), or, for a long line, holds
 * it (a line joined into a paragraph)? Short words alone ("Trade",
 * "Explained") may well recur in the text. */
static int
S_survives(const struct doc *d, struct slice v)
{
	int frag = v.n > 0 && strchr(":-)\xE2\x80\x94\x93", v.p[v.n - 1]) != NULL;
	for (size_t i = 0; i <= d->npara; i++) {
		struct slice p = i < d->npara ?
		    (struct slice){ d->text + d->para[i].off, d->para[i].len } : d->title;
		if (p.n == v.n && memcmp(p.p, v.p, v.n) == 0)
			return 1;
		if (frag && p.n > v.n && memcmp(p.p, v.p, v.n) == 0)
			return 1;
		if (v.n >= 40)
			for (size_t o = 0; o + v.n <= p.n; o++)
				if (memcmp(p.p + o, v.p, v.n) == 0)
					return 1;
	}
	return 0;
}

/* Outlets by their agency's short and long names. */
static int
S_same_outlet(struct slice a, struct slice b)
{
	static const char *const alias[][2] = { { "AFP", "Agence France-Presse" },
		{ "AP", "Associated Press" }, { "PTI", "Press Trust of India" },
		{ "ANI", "Asian News International" }, { "IANS", "Indo-Asian News Service" } };
	if (S_ieq(a, b) || (a.n > 0 && (S_icontains(a, b) || S_icontains(b, a))))
		return 1;
	for (size_t k = 0; k < sizeof alias / sizeof *alias; k++) {
		struct slice x = { alias[k][0], strlen(alias[k][0]) };
		struct slice y = { alias[k][1], strlen(alias[k][1]) };
		if ((S_ieq(a, x) && S_ieq(b, y)) || (S_ieq(a, y) && S_ieq(b, x)))
			return 1;
	}
	return 0;
}

/* Is needle inside a kept paragraph of d (exactly)? */
static int
S_in_text(const struct doc *d, struct slice needle)
{
	for (size_t i = 0; i < d->npara; i++) {
		struct slice p = { d->text + d->para[i].off, d->para[i].len };
		for (size_t o = 0; o + needle.n <= p.n; o++)
			if (memcmp(p.p + o, needle.p, needle.n) == 0)
				return 1;
	}
	return 0;
}

struct tally {
	int articles, titles, dated, undated, outlets, bylines, meta, drops,
	    keeps, events;
};

static void
S_check_expect(const char *path, const struct tcorpus *t, size_t k,
	struct tally *ty, struct fails *f)
{
	size_t n;
	char *e = test_read(&n, "%s", path);
	const struct doc *d = &t->c.doc[k];
	const char *name = t->names[k];
	char *line = e, *nl;
	ty->articles++;
	for (; *line; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		size_t ln = nl ? (size_t)(nl - line) : strlen(line);
		const char *colon = memchr(line, ':', ln);
		if (ln == 0 || line[0] == '#' || colon == NULL)
			continue;
		struct slice key = slice_trim((struct slice){ line, (size_t)(colon - line) });
		struct slice v = S_value(colon + 1, ln - (size_t)(colon + 1 - line));
		int none = slice_eq(v, "none");
		if (slice_eq(key, "title")) {
			ty->titles++;
			if (!slice_eq(d->title, "") || v.n > 0)
				if (!(d->title.n == v.n && memcmp(d->title.p, v.p, v.n) == 0))
					S_fail(f, "%s: title \"%.*s\", want \"%.*s\"", name,
					    (int)d->title.n, d->title.p, (int)v.n, v.p);
		} else if (slice_eq(key, "date")) {
			struct buf b = { 0 };
			if (d->date.prec != DP_NONE)
				bdate_format_iso(&b, &d->date);
			else
				buf_puts(&b, "none");
			none ? ty->undated++ : ty->dated++;
			if (!(b.n == v.n && memcmp(b.p, v.p, v.n) == 0))
				S_fail(f, "%s: date %s, want %.*s", name, buf_cstr(&b),
				    (int)v.n, v.p);
			buf_free(&b);
		} else if (slice_eq(key, "outlet") && !none) {
			ty->outlets++;
			if (!S_same_outlet(d->outlet, v))
				S_fail(f, "%s: outlet \"%.*s\", want \"%.*s\"", name,
				    (int)d->outlet.n, d->outlet.p, (int)v.n, v.p);
		} else if (slice_eq(key, "byline") && !none) {
			/* each name (";"-separated) appears in the byline found */
			ty->bylines++;
			size_t i = 0;
			while (i < v.n) {
				size_t j = i;
				while (j < v.n && v.p[j] != ';')
					j++;
				struct slice nm = slice_trim((struct slice){ v.p + i, j - i });
				if (nm.n > 0 && !S_icontains(d->byline, nm))
					S_fail(f, "%s: byline \"%.*s\" lacks \"%.*s\"", name,
					    (int)d->byline.n, d->byline.p, (int)nm.n, nm.p);
				i = j + 1;
			}
		} else if (slice_eq(key, "meta") || slice_eq(key, "drop")) {
			slice_eq(key, "meta") ? ty->meta++ : ty->drops++;
			if (S_survives(d, v))
				S_fail(f, "%s: %.*s line kept as text or title: \"%.*s\"", name,
				    (int)key.n, key.p, (int)v.n, v.p);
		} else if (slice_eq(key, "keep")) {
			ty->keeps++;
			if (!S_in_text(d, v))
				S_fail(f, "%s: lost \"%.*s\"", name, (int)v.n, v.p);
		} else if (slice_eq(key, "event")) {
			const char *bar = memchr(v.p, '|', v.n);
			if (bar == NULL)
				continue;
			ty->events++;
			struct slice want = slice_trim((struct slice){ v.p, (size_t)(bar - v.p) });
			struct slice ph = slice_trim((struct slice){ bar + 1,
				v.n - (size_t)(bar + 1 - v.p) });
			char phrase[256], got[64] = "none";
			int found;
			snprintf(phrase, sizeof phrase, "%.*s", (int)ph.n, ph.p);
			const struct date_mention *m = S_mention_at(&t->c, k, phrase, &found);
			if (!found) {
				S_fail(f, "%s: event phrase not in text: \"%s\"", name, phrase);
				continue;
			}
			if (m != NULL)
				S_mention_iso(m, got, sizeof got);
			char ws[64];
			snprintf(ws, sizeof ws, "%.*s", (int)want.n, want.p);
			if (!S_date_ok(m, got, ws))
				S_fail(f, "%s: event \"%s\" dated %s, want %.*s", name, phrase,
				    got, (int)want.n, want.p);
		}
	}
	free(e);
}

/* The topics: directories of tests/corpora with an expect/ folder. */
START_TEST(test_corpora_expect)
{
	char dir[1024];
	struct fails f = { 0, { 0 }, NULL, { 0 }, 0 };
	struct tally ty;
	memset(&ty, 0, sizeof ty);
	snprintf(dir, sizeof dir, "%s/tests/corpora", test_top());
	DIR *top = opendir(dir);
	ck_assert_ptr_nonnull(top);
	struct dirent *te;
	int topics = 0;
	while ((te = readdir(top)) != NULL) {
		char ex[1400], ar[1500];
		if (te->d_name[0] == '.')
			continue;
		snprintf(ex, sizeof ex, "%s/%s/expect", dir, te->d_name);
		DIR *ed = opendir(ex);
		if (ed == NULL)
			continue;
		topics++;
		/* the topic's articles (articles/, or early/ and late/ for a
		 * story that moves), in name order, annotated together */
		static const char *const sub[] = { "articles", "early", "late" };
		const char *names[64], *texts[64];
		char *ownn[64], *from[64];
		size_t n = 0;
		struct dirent *ae;
		for (size_t q = 0; q < sizeof sub / sizeof *sub; q++) {
			snprintf(ar, sizeof ar, "%s/%s/%s", dir, te->d_name, sub[q]);
			DIR *ad = opendir(ar);
			if (ad == NULL)
				continue;
			while ((ae = readdir(ad)) != NULL && n < 64) {
				size_t l = strlen(ae->d_name);
				if (l < 5 || strcmp(ae->d_name + l - 4, ".txt") != 0)
					continue;
				ownn[n] = xstrndup(ae->d_name, l - 4);
				from[n] = xstrndup(ar, strlen(ar));
				n++;
			}
			closedir(ad);
		}
		ck_assert_msg(n > 0, "%s: no articles", te->d_name);
		char *known = S_known_load(&f, ex, "known-gaps");
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && strcmp(ownn[j - 1], ownn[j]) > 0; j--) {
				char *x = ownn[j], *y = from[j];
				ownn[j] = ownn[j - 1], from[j] = from[j - 1];
				ownn[j - 1] = x, from[j - 1] = y;
			}
		for (size_t i = 0; i < n; i++) {
			names[i] = ownn[i];
			texts[i] = test_read(NULL, "%s/%s.txt", from[i], ownn[i]);
			free(from[i]);
		}
		struct tcorpus t;
		S_corpus(&t, names, texts, n);
		for (size_t i = 0; i < n; i++)
			t.names[i] = ownn[i];
		struct dirent *ee;
		while ((ee = readdir(ed)) != NULL) {
			size_t l = strlen(ee->d_name);
			if (l < 8 || strcmp(ee->d_name + l - 7, ".expect") != 0)
				continue;
			size_t k = 0;
			while (k < n && !(strlen(ownn[k]) == l - 7 &&
			    strncmp(ownn[k], ee->d_name, l - 7) == 0))
				k++;
			if (k == n) {
				S_fail(&f, "%s: no article for it", ee->d_name);
				continue;
			}
			char p[3000];
			snprintf(p, sizeof p, "%s/%s", ex, ee->d_name);
			S_check_expect(p, &t, k, &ty, &f);
		}
		closedir(ed);
		S_known_check(&f, te->d_name, known);
		for (size_t i = 0; i < n; i++)
			free((char *)texts[i]);
		S_corpus_free(&t);
	}
	closedir(top);
	buf_free(&f.hit);
	printf("corpora: %d topics, %d articles: %d titles, %d dated + %d undated, "
	    "%d outlets, %d bylines, %d metadata lines, %d furniture lines, "
	    "%d kept sentences, %d events; %d failures, %d known gaps\n", topics,
	    ty.articles, ty.titles, ty.dated, ty.undated, ty.outlets, ty.bylines,
	    ty.meta, ty.drops, ty.keeps, ty.events, f.n, f.nknown);
	ck_assert_msg(ty.articles >= 12, "only %d test articles", ty.articles);
	ck_assert_msg(f.n == 0, "%d failures:\n%s", f.n, buf_cstr(&f.msg));
	buf_free(&f.msg);
}
END_TEST

/* ---- the dates table --------------------------------------------------- */

/* Split a TSV line in place into at most max fields. */
static int
S_fields(char *line, char **fld, int max)
{
	int n = 0;
	fld[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			fld[n++] = p + 1;
		}
	return n;
}

START_TEST(test_corpora_dates)
{
	char *tsv = test_read(NULL, "%s/tests/corpora/dates_real.tsv", test_top());
	struct fails f = { 0, { 0 }, NULL, { 0 }, 0 };
	int rows = 0;
	char *line = tsv, *nl;
	for (int first = 1; *line; line = nl ? nl + 1 : line + strlen(line), first = 0) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *fld[6] = { 0 };
		if (first || line[0] == '\0' || line[0] == '#' ||
		    S_fields(line, fld, 6) < 4)
			continue;
		rows++;
		/* article_date, sentence, phrase, expected, context, note */
		struct buf doc = { 0 };
		if (strcmp(fld[0], "none") != 0)
			buf_printf(&doc, "Date: %s\n\n", fld[0]);
		if (fld[4] && fld[4][0])
			buf_printf(&doc, "%s\n", fld[4]);
		buf_printf(&doc, "%s\n", fld[1]);
		const char *name = "dates.txt", *text = buf_cstr(&doc);
		struct tcorpus t;
		S_corpus(&t, &name, &text, 1);
		int found;
		char got[64] = "none";
		const struct date_mention *m = S_mention_at(&t.c, 0, fld[2], &found);
		if (!found)
			S_fail(&f, "phrase \"%s\" not found in \"%s\"", fld[2], fld[1]);
		else {
			if (m != NULL)
				S_mention_iso(m, got, sizeof got);
			int ok = S_date_ok(m, got, fld[3]);
			if (!ok)
				S_fail(&f, "[%s] \"%s\" -> %s, want %s (%s)", fld[0], fld[2],
				    got, fld[3], fld[5] ? fld[5] : "");
		}
		S_corpus_free(&t);
		buf_free(&doc);
	}
	free(tsv);
	printf("dates_real.tsv: %d sentences, %d wrong\n", rows, f.n);
	ck_assert_msg(rows >= 40, "only %d rows", rows);
	ck_assert_msg(f.n == 0, "%d failures:\n%s", f.n, buf_cstr(&f.msg));
	buf_free(&f.msg);
}
END_TEST

/* ---- the furniture table ----------------------------------------------- */

START_TEST(test_corpora_furniture)
{
	char *tsv = test_read(NULL, "%s/tests/corpora/furniture.tsv", test_top());
	struct fails f = { 0, { 0 }, NULL, { 0 }, 0 };
	int drops = 0, keeps = 0;
	char *line = tsv, *nl;
	for (; *line; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *fld[3] = { 0 };
		if (line[0] == '\0' || line[0] == '#' || S_fields(line, fld, 3) < 2)
			continue;
		int drop = strcmp(fld[0], "drop") == 0;
		if (!drop && strcmp(fld[0], "keep") != 0)
			continue;   /* the header row */
		drop ? drops++ : keeps++;
		/* a line in the body of an article, after its first paragraph */
		struct meta_line ml;
		meta_line(fld[1], strlen(fld[1]), 0, &ml);
		int dropped = ml.kind != MK_TEXT;
		if (dropped != drop)
			S_fail(&f, "%s, got %s: \"%s\"", fld[0], dropped ? ml.rule : "text",
			    fld[1]);
	}
	free(tsv);
	printf("furniture.tsv: %d furniture lines, %d article lines, %d wrong\n",
	    drops, keeps, f.n);
	ck_assert_msg(drops >= 20 && keeps >= 20, "%d/%d rows", drops, keeps);
	ck_assert_msg(f.n == 0, "%d failures:\n%s", f.n, buf_cstr(&f.msg));
	buf_free(&f.msg);
}
END_TEST

/* ---- briefs on the test topics -------------------------------------- */

/* Allowed dates of a topic, ISO, one per line ("\nISO\n" for lookups):
 * in all, its brief.dates and every event: date of its expect files; in
 * status, the brief.dates lines noted "status:". */
static void
S_allowed_dates(const char *topic, struct buf *all, struct buf *status)
{
	char path[1400];
	buf_putc(all, '\n');
	buf_putc(status, '\n');
	snprintf(path, sizeof path, "%s/brief.dates", topic);
	char *t = test_read(NULL, "%s", path);
	for (char *l = strtok(t, "\n"); l; l = strtok(NULL, "\n")) {
		char *bar = strchr(l, '|');
		if (l[0] == '#' || bar == NULL)
			continue;
		buf_printf(all, "%.*s\n", (int)strcspn(l, " |"), l);
		if (strncmp(bar + 1, " status:", 8) == 0)
			buf_printf(status, "%.*s\n", (int)strcspn(l, " |"), l);
	}
	free(t);
	snprintf(path, sizeof path, "%s/expect", topic);
	DIR *d = opendir(path);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".expect") == NULL)
			continue;
		char *x = test_read(NULL, "%s/%s", path, e->d_name);
		for (char *l = strtok(x, "\n"); l; l = strtok(NULL, "\n"))
			if (strncmp(l, "event:", 6) == 0) {
				char *v = l + 6;
				while (*v == ' ')
					v++;
				size_t n = strcspn(v, " |.");
				buf_printf(all, "%.*s\n", (int)n, v);
			}
		free(x);
	}
	if (d)
		closedir(d);
}

/* Each date the brief prints in its timeline (into tl) and its status
 * line (into st). */
static void
S_brief_dates(const char *md, struct buf *tl, struct buf *st)
{
	const char *line = md;
	while (*line) {
		const char *nl = strchr(line, '\n');
		if (strncmp(line, "  - ", 4) == 0)
			line += 2;   /* cmark's bullet */
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		struct slice scan = { NULL, 0 };
		struct buf *out = tl;
		if (n > 4 && memcmp(line, "- **", 4) == 0) {
			const char *e = strstr(line + 4, "**");
			if (e && e < line + n)
				scan = (struct slice){ line + 4, (size_t)(e - line - 4) };
		} else if (n > 11 && memcmp(line, "**Status:**", 11) == 0) {
			scan = (struct slice){ line, n };
			out = st;
		}
		if (scan.n > 0 && out == st) {
			/* stages "name DATE [cites]" between arrows: the date is
			 * the longest tail of the name part that reads as one */
			const char *p = scan.p + 11, *e = scan.p + scan.n;
			while (p < e) {
				const char *arrow = strstr(p, "\xE2\x86\x92");
				const char *seg_end = arrow && arrow < e ? arrow : e;
				const char *br = memchr(p, '[', (size_t)(seg_end - p));
				const char *ne = br ? br : seg_end;
				while (ne > p && (ne[-1] == ' ' || ne[-1] == '.'))
					ne--;
				for (const char *q = p; q < ne; q++) {
					struct bdate d;
					if ((q == p || q[-1] == ' ') &&
					    dates_parse(q, (size_t)(ne - q), &d) == 0) {
						bdate_format_iso(out, &d);
						buf_putc(out, '\n');
						break;
					}
				}
				p = seg_end + (arrow && arrow < e ? 3 : 0);
			}
			scan.n = 0;
		}
		if (scan.n > 0) {
			struct date_mention m[16];
			struct bdate d;
			size_t k = 0;
			if (out == tl && dates_parse(scan.p, scan.n, &d) == 0) {
				bdate_format_iso(out, &d);
				buf_putc(out, '\n');
			} else {
				k = dates_find(scan.p, scan.n, NULL, m, 16);
				if (k == 0 && out == tl)
					buf_printf(out, "unreadable:%.*s\n", (int)scan.n, scan.p);
			}
			for (size_t j = 0; j < k; j++) {
				bdate_format_iso(out, &m[j].date);
				buf_putc(out, '\n');
			}
		}
		line += n + (nl != NULL);
	}
}

/* Do the dates in got (one a line) all appear in ok? */
static void
S_dates_in(const char *topic, const char *what, struct buf *got,
	const struct buf *ok, int *count, struct fails *f)
{
	for (char *l = strtok(got->p ? got->p : (char *)"", "\n"); l; l = strtok(NULL, "\n")) {
		char key[64];
		snprintf(key, sizeof key, "\n%s\n", l);
		(*count)++;
		if (strstr(ok->p ? ok->p : "", key) == NULL)
			S_fail(f, "%s: the %s dates something %s, not a right date", topic,
			    what, l);
	}
}

static int
opendir_ok(const char *path)
{
	DIR *d = opendir(path);
	if (d != NULL)
		closedir(d);
	return d != NULL;
}

/* The brief on each topic with a template: no metadata or furniture
 * line in it, each source under its own headline, and no date that is
 * not one of the topic's right dates. */
START_TEST(test_corpora_briefs)
{
	char dir[1024], tmp[256];
	struct fails f = { 0, { 0 }, NULL, { 0 }, 0 };
	int briefs = 0, dates = 0;
	snprintf(dir, sizeof dir, "%s/tests/corpora", test_top());
	ck_assert_ptr_nonnull(test_mkdtemp(tmp, sizeof tmp, "brief-corpora"));
	DIR *top = opendir(dir);
	struct dirent *te;
	while ((te = readdir(top)) != NULL) {
		char topic[1300], tpl[1400];
		if (te->d_name[0] == '.')
			continue;
		snprintf(topic, sizeof topic, "%s/%s", dir, te->d_name);
		snprintf(tpl, sizeof tpl, "%s/template.yaml", topic);
		FILE *fp = fopen(tpl, "r");
		if (fp == NULL)
			continue;
		fclose(fp);
		struct buf out = { 0 }, cmd = { 0 }, args = { 0 };
		char arts[1400];
		snprintf(arts, sizeof arts, "%s/articles", topic);
		if (opendir_ok(arts))
			buf_printf(&args, "-q -f md -t '%s' -o '%s' '%s'", tpl, tmp, arts);
		else   /* a story that moves: the brief on all of it */
			buf_printf(&args, "-q -f md -t '%s' -o '%s' '%s/early' '%s/late'",
			    tpl, tmp, topic, topic);
		int rc = test_run(test_brief_cmd(&cmd, buf_cstr(&args)), &out);
		buf_free(&args);
		ck_assert_msg(rc == 0, "%s: %s", te->d_name, buf_cstr(&out));
		char *md = test_read(NULL, "%s/brief.md", tmp);
		char *srcs = strstr(md, "\n## Sources");
		ck_assert_ptr_nonnull(srcs);
		*srcs++ = '\0';      /* md: the body; srcs: the source list */
		for (char *r = srcs, *w = srcs;; r++) {   /* Markdown escapes out */
			if (*r == '\\' && r[1] && strchr("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~", r[1]))
				r++;
			if ((*w++ = *r) == '\0')
				break;
		}
		briefs++;
		/* metadata and furniture lines */
		char ex[1400];
		snprintf(ex, sizeof ex, "%s/expect", topic);
		char *known = S_known_load(&f, ex, "known-gaps-brief");
		DIR *ed = opendir(ex);
		struct dirent *ee;
		while (ed && (ee = readdir(ed)) != NULL) {
			if (strstr(ee->d_name, ".expect") == NULL)
				continue;
			char *x = test_read(NULL, "%s/%s", ex, ee->d_name);
			for (char *l = strtok(x, "\n"); l; l = strtok(NULL, "\n")) {
				int meta = strncmp(l, "meta:", 5) == 0, drop = strncmp(l, "drop:", 5) == 0;
				if (strncmp(l, "title:", 6) == 0) {
					/* the source list names it by its headline (cut) */
					struct slice v = S_value(l + 6, strlen(l + 6));
					char head[40];
					size_t hn = v.n < 24 ? v.n : 24;
					snprintf(head, sizeof head, "%.*s", (int)hn, v.p);
					if (strstr(srcs, head) == NULL)
						S_fail(&f, "%s: no source titled \"%s…\"", te->d_name, head);
				}
				if (!meta && !drop)
					continue;
				struct slice v = S_value(l + 5, strlen(l + 5));
				char needle[600];
				snprintf(needle, sizeof needle, "%.*s", (int)v.n, v.p);
				if (v.n >= 12 && strstr(md, needle) != NULL)
					S_fail(&f, "%s: brief shows \"%s\"", te->d_name, needle);
			}
			free(x);
		}
		if (ed)
			closedir(ed);
		/* dates */
		struct buf ok = { 0 }, ok_status = { 0 }, tl = { 0 }, st = { 0 };
		S_allowed_dates(topic, &ok, &ok_status);
		S_brief_dates(md, &tl, &st);
		S_dates_in(te->d_name, "timeline", &tl, &ok, &dates, &f);
		S_dates_in(te->d_name, "status line", &st, &ok_status, &dates, &f);
		buf_free(&ok);
		buf_free(&ok_status);
		buf_free(&tl);
		buf_free(&st);
		S_known_check(&f, te->d_name, known);
		free(md);
		buf_free(&out);
		buf_free(&cmd);
	}
	closedir(top);
	test_rmtree(tmp);
	printf("corpora briefs: %d briefs, %d dates checked, %d failures, %d known "
	    "gaps\n", briefs, dates, f.n, f.nknown);
	buf_free(&f.hit);
	ck_assert_msg(briefs >= 4, "only %d topics with a template", briefs);
	ck_assert_msg(f.n == 0, "%d failures:\n%s", f.n, buf_cstr(&f.msg));
	buf_free(&f.msg);
}
END_TEST

Suite *corpora_suite(void);

Suite *
corpora_suite(void)
{
	Suite *s = suite_create("corpora");
	TCase *tc = tcase_create("corpora");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_corpora_expect);
	tcase_add_test(tc, test_corpora_dates);
	tcase_add_test(tc, test_corpora_furniture);
	tcase_add_test(tc, test_corpora_briefs);
	suite_add_tcase(s, tc);
	return s;
}
