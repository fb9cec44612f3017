/*
 * test_brief.c -- what the summarizer selects: the facts a reader of
 * the seed brief must find, in the right sections, cited; no fact twice;
 * a second, unseen topic briefed with only its own template; and the
 * status detector (done vs. still to come) on many phrasings.
 */
#include "testutil.h"

#include <ctype.h>
#include <stdio.h>
#include <unistd.h>

#include "brief/annotate.h"
#include "brief/pipeline.h"
#include "brief/score.h"
#include "brief/segment.h"
#include "brief/template.h"

/* ---- running the pipeline in-process ------------------------------- */

static char outdir[64];         /* /tmp/brief-sel-XXXXXX */

/* Run brief on src with template tpl (paths under the source tree) and
 * return out/brief.md (caller frees). One page, as shipped. */
static char *
S_brief(const char *tpl, const char *src)
{
	char tpath[512], spath[512];
	char *sources[1] = { spath };
	struct brief_opts o = { 0 };
	struct brief_stats st;
	struct brief_err err = { 0 };

	snprintf(tpath, sizeof tpath, "%s/%s", test_top(), tpl);
	snprintf(spath, sizeof spath, "%s/%s", test_top(), src);
	o.template_path = tpath;
	o.outdir = outdir;
	o.formats = FMT_MD | FMT_PDF;
	o.paper = -1;
	o.sources = sources;
	o.nsources = 1;
	o.as_of = (struct bdate){ 2025, 12, 6, DP_DAY };
	ck_assert_msg(brief_run(&o, &st, &err) == 0, "%s:%d: %s", err.file, err.line, err.msg);
	ck_assert_int_eq(st.pages, 1);
	return test_read(NULL, "%s/brief.md", outdir);
}

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(outdir, sizeof outdir, "brief-sel"));
}

static void
S_teardown(void)
{
	test_rmtree(outdir);
}

/* The text of section "## heading" up to the next heading; caller
 * frees. Empty when there is no such section. */
static char *
S_section(const char *md, const char *heading)
{
	char key[128];
	snprintf(key, sizeof key, "\n## %s\n", heading);
	const char *p = strstr(md, key);
	if (p == NULL)
		return strdup("");
	p += strlen(key);
	const char *e = strstr(p, "\n## ");
	return strndup(p, e ? (size_t)(e - p) : strlen(p));
}

/* The line of text containing every one of the words (NULL-ended). */
static int
S_line_has(const char *text, const char *const *words)
{
	for (const char *l = text; l && *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		int all = 1;
		for (size_t k = 0; words[k] && all; k++) {
			const char *w = words[k];
			size_t m = strlen(w);
			all = 0;
			for (size_t i = 0; i + m <= n && !all; i++)
				all = memcmp(l + i, w, m) == 0;
		}
		if (all)
			return 1;
		l = e ? e + 1 : NULL;
	}
	return 0;
}

/* ---- no fact twice ------------------------------------------------- */

#define MAXW 96

/* Lower-case content words of at least 5 letters. */
static size_t
S_words(const char *s, size_t n, char w[][24], size_t max)
{
	size_t k = 0, i = 0;
	while (i < n && k < max) {
		while (i < n && !isalpha((unsigned char)s[i]))
			i++;
		size_t j = i;
		while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-'))
			j++;
		if (j - i >= 5 && j - i < 24) {
			for (size_t c = 0; c < j - i; c++)
				w[k][c] = (char)tolower((unsigned char)s[i + c]);
			w[k][j - i] = '\0';
			size_t d = 0;
			while (d < k && strcmp(w[d], w[k]) != 0)
				d++;
			if (d == k)
				k++;
		}
		i = j;
	}
	return k;
}

/* Every bullet item and bottom-line sentence must differ from every
 * other by more than half of its content words. */
static void
S_assert_no_repeats(const char *md)
{
	char (*w)[MAXW][24] = calloc(64, sizeof *w);
	size_t nw[64], items = 0;
	for (const char *l = md; l && *l && items < 64;) {
		const char *e = strchr(l, '\n');
		if (strncmp(l, "  - ", 4) == 0)
			l += 2;   /* cmark's bullet */
		size_t n = e ? (size_t)(e - l) : strlen(l);
		if (n > 2 && (l[0] == '-' || l[0] == '>') && l[1] == ' ' &&
		    strncmp(l, "> \xE2\x80\x94 ", 6) != 0)   /* not attribution lines */
			nw[items] = S_words(l, n, w[items], MAXW), items++;
		l = e ? e + 1 : NULL;
	}
	for (size_t a = 0; a < items; a++)
		for (size_t b = a + 1; b < items; b++) {
			size_t common = 0;
			for (size_t x = 0; x < nw[a]; x++)
				for (size_t y = 0; y < nw[b]; y++)
					common += strcmp(w[a][x], w[b][y]) == 0;
			size_t m = nw[a] < nw[b] ? nw[a] : nw[b];
			ck_assert_msg(m == 0 || common * 2 <= m,
			    "items %zu and %zu share %zu of %zu words", a, b, common, m);
		}
	ck_assert_uint_ge(items, 8);
	free(w);
}

/* ---- the seed brief ------------------------------------------------ */

START_TEST(test_seed_facts)
{
	char *md = S_brief("templates/relos.yaml", "seeds");
	char *bottom = S_section(md, "Bottom line");
	char *tl = S_section(md, "Timeline");

	/* the signing: date, place, both signatories */
	ck_assert(S_line_has(tl, (const char *[]){ "18 Feb 2025", "Moscow",
	    "Vinay Kumar", "Alexander Fomin", NULL }));
	/* the submission for ratification (by the prime minister, or by the
	 * government to the Duma), and the Duma's ratification */
	ck_assert(S_line_has(bottom, (const char *[]){ "Mishustin", "forwarded for ratification", NULL }) ||
	    S_line_has(bottom, (const char *[]){ "submitted to the State Duma for ratification", NULL }));
	ck_assert(S_line_has(bottom, (const char *[]){ "**Status:**", "submitted for ratification",
	    "ratified by the State Duma", NULL }));
	/* the 4-5 December visit for the 23rd summit */
	ck_assert(S_line_has(tl, (const char *[]){ "4\xE2\x80\x93" "5 Dec 2025", "23rd", "Putin", NULL }));
	/* chronological */
	ck_assert(strstr(tl, "18 Feb 2025") < strstr(tl, "5 Dec 2025"));
	free(bottom);
	free(tl);
	free(md);
}
END_TEST

START_TEST(test_seed_provisions_and_arms)
{
	char *md = S_brief("templates/relos.yaml", "seeds");
	char *allows = S_section(md, "What RELOS allows");
	char *arms = S_section(md, "Arms context");
	/* who and what may be dispatched, and the kinds of support */
	ck_assert(S_line_has(allows, (const char *[]){ "warships", "aircraft", NULL }));
	ck_assert(strstr(allows, "repairs") || strstr(allows, "maintenance") ||
	    strstr(allows, "fuel"));
	ck_assert(strstr(allows, "exercises") || strstr(allows, "humanitarian"));
	/* the S-400 deal with its figures, and the Su-57 */
	ck_assert(S_line_has(arms, (const char *[]){ "$5.4 billion", "five units", "2018", NULL }));
	ck_assert_ptr_nonnull(strstr(arms, "S-400"));
	ck_assert_ptr_nonnull(strstr(arms, "Su-57"));
	free(allows);
	free(arms);
	free(md);
}
END_TEST

START_TEST(test_seed_views)
{
	char *md = S_brief("templates/relos.yaml", "seeds");
	char *views = S_section(md, "Analyst views");
	static const char *people[] = { "Alexey Kupriyanov", "Stanislav Tarasov",
		"Nikolai Kostikin", "Vyacheslav Volodin", "Dmitry Peskov" };
	int named = 0;
	for (size_t k = 0; k < sizeof people / sizeof *people; k++)
		named += strstr(views, people[k]) != NULL;
	ck_assert_int_ge(named, 4);
	/* attribution: role and outlet with the quote */
	ck_assert(S_line_has(views, (const char *[]){ "Kupriyanov", "Center for Asia Pacific Studies",
	    "Sputnik", NULL }));
	/* every quote names its speaker on the line after it */
	for (const char *l = views; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (strncmp(l, "> \xE2\x80\x9C", 5) == 0)
			ck_assert(strstr(l, "\n> \n> \xE2\x80\x94 *") == strchr(l, '\n'));
	ck_assert_ptr_null(strstr(md, "I think"));
	free(views);
	free(md);
}
END_TEST

START_TEST(test_seed_no_repeats)
{
	char *md = S_brief("templates/relos.yaml", "seeds");
	S_assert_no_repeats(md);
	free(md);
}
END_TEST

/* ---- a second topic, never seen by the code ------------------------ */

START_TEST(test_topic2)
{
	char *md = S_brief("tests/topic2/template.yaml", "tests/topic2/articles");
	char *bottom = S_section(md, "Bottom line");
	char *tl = S_section(md, "Timeline");
	char *views = S_section(md, "Who says what");
	char *ships = S_section(md, "Ships and deals");
	/* latest status wins, with its date; the stale report is named */
	ck_assert(S_line_has(bottom, (const char *[]){ "**Status:**", "in force 1 Jul 2024", NULL }));
	ck_assert_ptr_nonnull(strstr(bottom, "Earlier reports [2] still had this stage to come."));
	/* "on Tuesday" resolved against the Date: header and merged with
	 * "March 12" from another source */
	ck_assert(S_line_has(tl, (const char *[]){ "12 Mar 2024", "[1, 2]", NULL }));
	ck_assert(S_line_has(tl, (const char *[]){ "19 Jun 2024", "ratified", NULL }));
	ck_assert(S_line_has(tl, (const char *[]){ "5\xE2\x80\x93" "9 Aug 2024", NULL }));
	ck_assert(S_line_has(ships, (const char *[]){ "KV-90", "$2.3 billion", NULL }));
	ck_assert(S_line_has(views, (const char *[]){ "Rosa Lindqvist", "Defence Weekly", NULL }));
	ck_assert(S_line_has(views, (const char *[]){ "Helena Brandt", "Institute for Maritime Studies", NULL }));
	ck_assert_ptr_null(strstr(md, "I think"));
	ck_assert_ptr_null(strstr(md, "Share this"));
	/* a source's URL: header becomes a link in the source list */
	ck_assert_ptr_nonnull(strstr(md, "Harbour Wire, 14 Mar 2024, <https://example.org/harbour-wire/rala-signed>"));
	ck_assert_ptr_null(strstr(md, "spokesperson said"));   /* no unnamed speaker */
	S_assert_no_repeats(md);
	free(bottom);
	free(tl);
	free(views);
	free(ships);
	free(md);
}
END_TEST

/* ---- status: done or still to come --------------------------------- */

static const struct {
	const char *text;
	const char *done;       /* stage names asserted done, "," joined */
	const char *pending;    /* highest stage still to come, "" none */
} status_cases[] = {
	{ "The State Duma ratified the agreement on Tuesday.", "ratified", "" },
	{ "Russia has ratified the logistics pact with India.", "ratified", "" },
	{ "The Duma is set to ratify the pact with India.", "", "ratified" },
	{ "The Duma is poised to ratify the pact with India.", "", "ratified" },
	{ "Parliament will ratify the pact next month.", "", "ratified" },
	{ "The pact was forwarded for ratification last week.", "submitted", "ratified" },
	{ "The government has submitted the agreement to the Duma for ratification.",
	  "submitted", "ratified" },
	{ "The ratification of the document will strengthen cooperation.", "", "ratified" },
	{ "With today's ratification by the lower house, the pact enters into force.",
	  "ratified,in force", "" },
	{ "The agreement, signed in 2018, has proceeded despite sanctions.", "signed", "" },
	{ "Signed on February 18 in Moscow, the agreement aims to strengthen ties.", "signed", "" },
	{ "The two sides are expected to sign the pact during the visit.", "", "signed" },
	{ "\xE2\x80\x9CWe ratified it quickly,\xE2\x80\x9D the speaker said.", "", "" },
	{ "The deal must still be approved by the assembly.", "", "ratified" },
	{ "The assembly approved the deal by 212 votes to 61.", "ratified", "" },
	/* conditions and purposes are not reports */
	{ "By signing the pact, both navies will be able to refuel at each other's ports.",
	  "", "signed" },
	{ "Once ratified, the pact will let both sides use each other's bases.", "", "ratified" },
	{ "After it is signed, the deal goes to the assembly for approval.", "", "ratified" },
	{ "After it was signed in May, the deal went to the assembly.", "signed", "" },
	{ "The treaty has not yet been ratified by the assembly.", "", "ratified" },
	{ "The pact will enter into force only after the assembly approves it.", "", "in force" },
	/* another agreement's stages are not this one's */
	{ "Japan has similar agreements with two other states, both of which entered into force last year.",
	  "", "" },
	{ "The navy signed an interim supply deal with the coast guard last year.", "", "" },
};

static const char status_yaml[] =
	"title: T\n"
	"sections:\n"
	"  - id: b\n"
	"    heading: B\n"
	"    kind: summary\n"
	"    status_topic: 0\n"
	"    status:\n"
	"      - {stage: negotiated, cues: [negotiate, talks]}\n"
	"      - {stage: signed, cues: [sign, signed]}\n"
	"      - {stage: submitted, cues: [submit, submitted, forward for ratification, forwarded for ratification]}\n"
	"      - {stage: ratified, cues: [ratify, ratified, ratification, approve, approved]}\n"
	"      - {stage: in force, cues: [enter into force, enters into force, entered into force]}\n";

/* The stages text's first sentence reports under template yaml: done
 * (names joined by ",") and pending (the highest, "" for none). */
static void
S_stages_of(const char *yaml, const char *text, char *done, size_t cap,
	char *pend, size_t pcap)
{
	struct arena *a = arena_new();
	struct stemmer *st = stemmer_new();
	struct template t;
	struct brief_err err;
	char path[] = "/tmp/brief-status-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq((int)write(fd, yaml, strlen(yaml)), (int)strlen(yaml));
	close(fd);
	ck_assert_int_eq(template_load(a, st, path, &t, &err), 0);
	unlink(path);

	struct corpus c = { 0 };
	struct segmenter *sg = segmenter_new(&err);
	c.doc = xcalloc(1, sizeof *c.doc);
	ck_assert_int_eq(ingest_mem(a, "s.txt", text, strlen(text), &c.doc[0], NULL, &err), 0);
	c.doc[0].id = 1;
	c.ndoc = 1;
	ck_assert_int_eq(segment_doc(sg, &c.doc[0], 0, &c.s, &err), 0);
	annotate_corpus(&c, st);
	struct score *sc = score_corpus(&c, &t, a, 1);
	done[0] = '\0';
	for (size_t g = 0; g < t.sec[0].nstage; g++)
		if ((sc[0].done >> g) & 1)
			snprintf(done + strlen(done), cap - strlen(done), "%s%s",
			    done[0] ? "," : "", t.sec[0].stage[g].name);
	snprintf(pend, pcap, "%s", sc[0].pending >= 0 ? t.sec[0].stage[sc[0].pending].name : "");
	corpus_free(&c);
	segmenter_free(sg);
	stemmer_free(st);
	arena_free(a);
}

START_TEST(test_status_detection)
{
	char done[128], pend[64];
	const char *text = status_cases[_i].text;
	S_stages_of(status_yaml, text, done, sizeof done, pend, sizeof pend);
	ck_assert_msg(strcmp(done, status_cases[_i].done) == 0, "%s: done=%s", text, done);
	ck_assert_msg(strcmp(pend, status_cases[_i].pending) == 0, "%s: pending=%s", text, pend);
}
END_TEST

/* A later report that a stage is still to come outweighs an older one
 * that it was done: the status stops below it, and says so. */
START_TEST(test_status_later_wins)
{
	char dir[128];
	struct buf out = { 0 }, cmd = { 0 };
	ck_assert_ptr_nonnull(test_mkdtemp(dir, sizeof dir, "brief-later"));
	FILE *fp;
	char p[256];
	snprintf(p, sizeof p, "%s/a.txt", dir);
	fp = fopen(p, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("Date: 2024-03-01\n\nAssembly acts on access pact\n\n"
	    "The Nordhaven assembly ratified the access pact with Marisca on Monday, "
	    "the foreign ministry said.\nThe pact was signed in January by both "
	    "foreign ministers in Port Selby.\n", fp);
	fclose(fp);
	snprintf(p, sizeof p, "%s/b.txt", dir);
	fp = fopen(p, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("Date: 2024-04-10\n\nAccess pact stalls\n\n"
	    "The access pact between Nordhaven and Marisca has still not been ratified "
	    "by the Nordhaven assembly, officials said on Wednesday.\n"
	    "The pact was signed in January in Port Selby.\n", fp);
	fclose(fp);
	buf_printf(&cmd, "-q -f md -t tests/topic2/template.yaml -o '%s/out' '%s/a.txt' '%s/b.txt'",
	    dir, dir, dir);
	ck_assert_int_eq(test_run(test_brief_cmd(&out, cmd.p), &out), 0);
	char *md = test_read(NULL, "%s/out/brief.md", dir);
	const char *st = strstr(md, "**Status:**");
	ck_assert_ptr_nonnull(st);
	const char *eol = strchr(st, '\n');
	ck_assert_msg(strstr(st, "ratified by Marisca") == NULL ||
	    (strstr(st, "Reports that it was") != NULL && strstr(st, "Reports that it was") < eol),
	    "%.*s", (int)(eol - st), st);
	ck_assert_ptr_nonnull(strstr(st, "are older than reports [2]"));
	free(md);
	buf_free(&out);
	buf_free(&cmd);
	test_rmtree(dir);
}
END_TEST

/* Items stand alone: "It ..." comes with the sentence it points back
 * to; a sentence naming someone "cited above", or whose quotation marks
 * do not balance, is no item. */
START_TEST(test_items_self_contained)
{
	char dir[128];
	struct buf out = { 0 }, cmd = { 0 };
	ck_assert_ptr_nonnull(test_mkdtemp(dir, sizeof dir, "brief-self"));
	char p[256];
	snprintf(p, sizeof p, "%s/a.txt", dir);
	FILE *fp = fopen(p, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("Date: 2024-03-14\n\nWhat the Nordhaven and Marisca arrangement covers\n\n"
	    "Nordhaven and Marisca keep their navies under the RALA arrangement. "
	    "It lets frigates refuel, resupply and repair at each other's ports during exercises.\n"
	    "The RALA arrangement covers search-and-rescue missions, and the official cited above "
	    "said it lets patrol aircraft refuel at designated airfields.\n"
	    "\xE2\x80\x9CThe RALA arrangement lets both navies refuel at each other's ports and "
	    "repair ships there, said a naval officer in Port Selby.\n", fp);
	fclose(fp);
	buf_printf(&cmd, "-q -f md -t tests/topic2/template.yaml -o '%s/out' '%s/a.txt'", dir, dir);
	ck_assert_int_eq(test_run(test_brief_cmd(&out, cmd.p), &out), 0);
	char *md = test_read(NULL, "%s/out/brief.md", dir);
	ck_assert_msg(strstr(md, "\n  - It lets") == NULL, "%s", md);
	ck_assert_msg(strstr(md, "keep their navies under the RALA arrangement. It lets frigates") != NULL,
	    "%s", md);
	ck_assert_msg(strstr(md, "cited above") == NULL, "%s", md);
	ck_assert_msg(strstr(md, "said a naval officer") == NULL, "%s", md);
	free(md);
	buf_free(&out);
	buf_free(&cmd);
	test_rmtree(dir);
}
END_TEST

/* The timeline holds events. A plan ("are expected to vote on the
 * access deal in March 2024") gives way to the event the later sources
 * report within its dates ("ratified it on March 12, 2024"); a stage
 * cue of several words that holds the timeline's cue ("Marisca
 * lawmakers ratified") dates that event, not a side clause. */
static const char tl_yaml[] =
	"title: \"Nordhaven-Marisca Logistics Arrangement\"\n"
	"topic: {RALA: 3, arrangement: 2, Nordhaven: 1, Marisca: 1}\n"
	"sections:\n"
	"  - id: bottom\n"
	"    heading: \"Bottom line\"\n"
	"    kind: summary\n"
	"    max_items: 2\n"
	"    min_items: 1\n"
	"    min_score: 3\n"
	"    cues: {lets: 1.5, arrangement: 1}\n"
	"    status:\n"
	"      - {stage: \"signed\", cues: [signed]}\n"
	"      - {stage: \"ratified by Marisca\", cues: [Marisca lawmakers ratified,"
	" Marisca assembly ratified]}\n"
	"      - {stage: \"in force\", cues: [entered into force]}\n"
	"  - id: timeline\n"
	"    heading: \"Timeline\"\n"
	"    kind: timeline\n"
	"    max_items: 6\n"
	"    min_items: 1\n"
	"    min_score: 3\n"
	"    weights: {date: 2}\n"
	"    cues: {signed: 2, ratified: 2, vote: 1, talks: 1}\n"
	"  - id: sources\n"
	"    heading: \"Sources\"\n"
	"    kind: sources\n";

static const char *const tl_articles[][2] = {
	{ "a.txt", "Date: 2024-01-10\n\nMarisca assembly to vote on access pact\n\n"
	  "Lawmakers in Marisca are expected to vote on the access deal in "
	  "March 2024, diplomats said.\n"
	  "Nordhaven and Marisca signed the RALA arrangement in Port Selby on "
	  "5 January 2024.\n"
	  "Naval staff of Nordhaven and Marisca have held logistics talks annually "
	  "since 2016, officials said.\n" },
	{ "b.txt", "Date: 2024-03-13\n\nMarisca ratifies access pact\n\n"
	  "The Marisca assembly ratified the RALA arrangement on 12 March 2024 by "
	  "88 votes to 20, the foreign ministry said.\n"
	  "The arrangement lets frigates of both navies refuel at each other's "
	  "ports.\n" },
	{ "c.txt", "Date: 2024-03-14\n\nAssembly backs logistics arrangement\n\n"
	  "Marisca lawmakers ratified the RALA arrangement on March 12, 2024, "
	  "officials in Port Selby said.\n"
	  "Naval staff of Nordhaven and Marisca have held logistics talks annually "
	  "since 2016.\n" },
	{ "d.txt", "Date: 2024-05-02\n\nLogistics arrangement in force\n\n"
	  "The RALA arrangement between Nordhaven and Marisca entered into force on "
	  "1 May 2024, officials said.\n" },
};

/* The brief of tl_articles under tl_yaml; caller frees. */
static char *
S_timeline_brief(char *dir, size_t cap)
{
	char p[256];
	struct buf out = { 0 }, cmd = { 0 };
	ck_assert_ptr_nonnull(test_mkdtemp(dir, cap, "brief-tl"));
	snprintf(p, sizeof p, "%s/t.yaml", dir);
	FILE *fp = fopen(p, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(tl_yaml, fp);
	fclose(fp);
	for (size_t k = 0; k < sizeof tl_articles / sizeof *tl_articles; k++) {
		snprintf(p, sizeof p, "%s/%s", dir, tl_articles[k][0]);
		fp = fopen(p, "w");
		ck_assert_ptr_nonnull(fp);
		fputs(tl_articles[k][1], fp);
		fclose(fp);
	}
	buf_printf(&cmd, "-q -f md -t '%s/t.yaml' -o '%s/out' '%s/a.txt' '%s/b.txt' "
	    "'%s/c.txt' '%s/d.txt'", dir, dir, dir, dir, dir, dir);
	ck_assert_int_eq(test_run(test_brief_cmd(&out, cmd.p), &out), 0);
	buf_free(&out);
	buf_free(&cmd);
	return test_read(NULL, "%s/out/brief.md", dir);
}

START_TEST(test_timeline_plans)
{
	char dir[128];
	char *md = S_timeline_brief(dir, sizeof dir);
	char *tl = S_section(md, "Timeline");
	ck_assert_msg(strstr(md, "in force 1 May 2024") != NULL, "%s", md);
	ck_assert_msg(S_line_has(tl, (const char *[]){ "12 Mar 2024", "ratified", NULL }), "%s", tl);
	ck_assert_msg(S_line_has(tl, (const char *[]){ "5 Jan 2024", "signed", NULL }), "%s", tl);
	ck_assert_msg(strstr(tl, "expected to vote") == NULL, "%s", tl);
	free(tl);
	free(md);
	test_rmtree(dir);
}
END_TEST

/* A span that lasts ("have held logistics talks annually since 2016")
 * is no event in 2016. */
START_TEST(test_timeline_spans)
{
	char dir[128];
	char *md = S_timeline_brief(dir, sizeof dir);
	char *tl = S_section(md, "Timeline");
	ck_assert_msg(strstr(tl, "since 2016") == NULL, "%s", tl);
	ck_assert_msg(strstr(tl, "**2016**") == NULL, "%s", tl);
	free(tl);
	free(md);
	test_rmtree(dir);
}
END_TEST

/* A stage counts only in a sentence about the agreement itself. */
START_TEST(test_status_needs_topic)
{
	static const char yaml[] =
		"title: T\n"
		"topic: {pact: 2, arrangement: 2}\n"
		"sections:\n"
		"  - id: b\n"
		"    heading: B\n"
		"    kind: summary\n"
		"    status_topic: 1.5\n"
		"    status:\n"
		"      - {stage: signed, cues: [sign, signed]}\n";
	char done[128], pend[64];
	S_stages_of(yaml, "The pact was signed in Port Selby on Monday.", done,
	    sizeof done, pend, sizeof pend);
	ck_assert_str_eq(done, "signed");
	S_stages_of(yaml, "The navy has signed similar access deals with three states.",
	    done, sizeof done, pend, sizeof pend);
	ck_assert_str_eq(done, "");
}
END_TEST

Suite *brief_suite(void);

Suite *
brief_suite(void)
{
	Suite *s = suite_create("brief");
	TCase *tc = tcase_create("selection");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_add_test(tc, test_seed_facts);
	tcase_add_test(tc, test_seed_provisions_and_arms);
	tcase_add_test(tc, test_seed_views);
	tcase_add_test(tc, test_seed_no_repeats);
	tcase_add_test(tc, test_topic2);
	suite_add_tcase(s, tc);
	TCase *ts = tcase_create("status");
	tcase_add_loop_test(ts, test_status_detection, 0,
	    sizeof status_cases / sizeof *status_cases);
	tcase_add_test(ts, test_status_needs_topic);
	tcase_add_test(ts, test_items_self_contained);
	tcase_add_test(ts, test_status_later_wins);
	tcase_add_test(ts, test_timeline_plans);
	tcase_add_test(ts, test_timeline_spans);
	suite_add_tcase(s, ts);
	return s;
}
