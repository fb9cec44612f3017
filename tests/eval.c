/*
 * eval.c -- score briefs against what an analyst would put in them.
 *
 *   eval BRIEF_BINARY CORPUS_DIR...
 *
 * A corpus directory holds template.yaml, checklist.txt and its articles:
 * either articles/ (one run) or early/ and late/ (a story that moves: one
 * run on early/ alone, one on early/ and late/ together). The checklist
 * has one fact a line, "phase | section | pattern | note":
 *
 *   phase    early (expected in every run), late (only once late/ is
 *            added), early-only (expected on early/ alone, and must be
 *            gone once late/ is added), any (with section junk: never);
 *   section  a section id of the template, "status" (the status line),
 *            or "junk" (the whole brief, must not match);
 *   pattern  a POSIX extended regular expression, case-insensitive,
 *            matched against that section's Markdown. Fields are split on
 *            " | "; a bare '|' is alternation.
 *
 * Junk is looked for in every section but the source list (which names
 * outlets and desks on purpose). Besides the checklist, every brief is
 * checked for page furniture that no brief may show and for repeated items (two items of one brief
 * sharing most of their content words). Prints one row per run: facts
 * found of those expected, recall, junk lines, repeats; the last line
 * sums them. Exit 0 unless a brief could not be made.
 */
#include <ctype.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "brief/base.h"
#include "brief/template.h"
#include "brief/text.h"

/* Furniture no brief may show, whatever the corpus. */
static const char *const always_junk[] = {
	"Advertisement", "Leave a Reply", "Share this", "Also read",
	"min read", "Photo:", "Published:", "Updated:", "Sign in",
	"Subscribe", "\xC2\xA9", "Scroll to", "Comments", "Related Stories",
	"More From", NULL,
};

struct section_text {
	const char *id;
	struct buf text;
};

struct tally {
	int expected, found, junk, repeats;
};

/* ---- the brief ----------------------------------------------------- */

static int
S_is_dir(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static char *
S_read(const char *path)
{
	char *p;
	size_t n;
	struct brief_err err;
	if (file_read(path, &p, &n, &err) != 0)
		return NULL;
	return p;
}

/* Run the brief binary; the brief.md it wrote, or NULL. */
static char *
S_brief(const char *bin, const char *tpl, const char *out, const char *src1,
	const char *src2)
{
	pid_t pid = fork();
	if (pid == 0) {
		const char *argv[12] = { bin, "-q", "-f", "md", "-t", tpl, "-o", out,
			src1, src2, NULL };
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return NULL;
	char path[1200];
	snprintf(path, sizeof path, "%s/brief.md", out);
	return S_read(path);
}

/* Split md into the template's sections by their headings. */
static void
S_sections(const char *md, const struct template *t, struct section_text *sec,
	struct buf *status)
{
	const char *line = md;
	int cur = -1;
	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		if (n > 3 && memcmp(line, "## ", 3) == 0) {
			cur = -1;
			for (size_t k = 0; k < t->nsec; k++)
				if (strlen(t->sec[k].heading) == n - 3 &&
				    memcmp(line + 3, t->sec[k].heading, n - 3) == 0)
					cur = (int)k;
		} else if (cur >= 0) {
			buf_put(&sec[cur].text, line, n);
			buf_putc(&sec[cur].text, '\n');
		}
		if (n > 11 && memcmp(line, "**Status:**", 11) == 0)
			buf_put(status, line, n);
		line += n + (nl != NULL);
	}
}

/* ---- repeats ------------------------------------------------------- */

/* Content words (4+ letters, lower-cased) of an item, space-joined. */
static void
S_words(const char *p, size_t n, char words[][24], size_t *nw, size_t cap)
{
	size_t i = 0;
	*nw = 0;
	while (i < n && *nw < cap) {
		while (i < n && !isalpha((unsigned char)p[i]))
			i++;
		size_t j = i;
		while (j < n && isalpha((unsigned char)p[j]))
			j++;
		if (j - i >= 4 && j - i < 24) {
			for (size_t k = i; k < j; k++)
				words[*nw][k - i] = (char)tolower((unsigned char)p[k]);
			words[*nw][j - i] = '\0';
			size_t d = 0;
			while (d < *nw && strcmp(words[d], words[*nw]) != 0)
				d++;
			if (d == *nw)
				(*nw)++;
		}
		i = j;
	}
}

/* Items ("- " and "> " lines of the sections) that share 60% of the
 * smaller one's content words with an earlier item. */
static int
S_repeats(const struct section_text *sec, size_t nsec)
{
	static char w[64][64][24];
	size_t nw[64], items = 0;
	int rep = 0;
	for (size_t k = 0; k < nsec; k++) {
		const char *line = sec[k].text.p ? sec[k].text.p : "";
		while (*line && items < 64) {
			const char *nl = strchr(line, '\n');
			if (strncmp(line, "  - ", 4) == 0)
				line += 2;   /* cmark's bullet */
			size_t n = nl ? (size_t)(nl - line) : strlen(line);
			if (n > 2 && (memcmp(line, "- ", 2) == 0 ||
			    (memcmp(line, "> ", 2) == 0 && n > 40 && line[2] != '\xE2'))) {
				S_words(line, n, w[items], &nw[items], 64);
				for (size_t a = 0; a < items; a++) {
					size_t both = 0;
					for (size_t x = 0; x < nw[items]; x++)
						for (size_t y = 0; y < nw[a]; y++)
							both += strcmp(w[items][x], w[a][y]) == 0;
					size_t small = nw[a] < nw[items] ? nw[a] : nw[items];
					if (small >= 5 && both * 10 >= small * 6) {
						rep++;
						break;
					}
				}
				items++;
			}
			line += n + (nl != NULL);
		}
	}
	return rep;
}

/* ---- one run ------------------------------------------------------- */

static int
S_match(const char *pattern, const char *text)
{
	regex_t re;
	if (regcomp(&re, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0) {
		fprintf(stderr, "eval: bad pattern: %s\n", pattern);
		return 0;
	}
	int m = regexec(&re, text, 0, NULL, 0) == 0;
	regfree(&re);
	return m;
}

/* Split a checklist line on " | " into at most 4 fields (in place). */
static int
S_fields(char *line, char **f)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; n < 4 && (p = strstr(p, " | ")) != NULL;) {
		*p = '\0';
		p += 3;
		f[n++] = p;
	}
	return n;
}

static int
S_run(const char *bin, const char *dir, const char *label, int late,
	struct stemmer *st, struct tally *sum, int verbose)
{
	char tpl[1100], src1[1100], src2[1100], ck[1100], out[64];
	struct arena *a = arena_new();
	struct template t;
	struct brief_err err;
	snprintf(tpl, sizeof tpl, "%s/template.yaml", dir);
	snprintf(ck, sizeof ck, "%s/checklist.txt", dir);
	if (template_load(a, st, tpl, &t, &err) != 0) {
		fprintf(stderr, "eval: %s:%d: %s\n", err.file, err.line, err.msg);
		arena_free(a);
		return -1;
	}
	snprintf(src1, sizeof src1, "%s/early", dir);
	if (!S_is_dir(src1))
		snprintf(src1, sizeof src1, "%s/articles", dir);
	snprintf(src2, sizeof src2, "%s/late", dir);
	snprintf(out, sizeof out, "/tmp/brief-eval-XXXXXX");
	if (mkdtemp(out) == NULL) {
		arena_free(a);
		return -1;
	}
	char *md = S_brief(bin, tpl, out, src1, late ? src2 : NULL);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
	if (system(cmd) != 0)
		fprintf(stderr, "eval: could not remove %s\n", out);
	if (md == NULL) {
		fprintf(stderr, "eval: brief failed on %s\n", dir);
		arena_free(a);
		return -1;
	}
	struct section_text *sec = calloc(t.nsec, sizeof *sec);
	struct buf status = { 0 };
	S_sections(md, &t, sec, &status);
	/* junk is looked for in the body: the source list names outlets
	 * and desks on purpose */
	struct buf bodyb = { 0 };
	for (size_t k = 0; k < t.nsec; k++)
		if (t.sec[k].kind != SK_SOURCES)
			buf_put(&bodyb, sec[k].text.p ? sec[k].text.p : "", sec[k].text.n);
	const char *body = buf_cstr(&bodyb);
	char *list = S_read(ck);
	struct tally ty = { 0, 0, 0, 0 };
	for (char *line = list ? strtok(list, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		char *f[4];
		if (line[0] == '#' || S_fields(line, f) < 3)
			continue;
		const char *phase = f[0], *secname = f[1], *pat = f[2];
		const char *text = NULL;
		if (strcmp(secname, "junk") == 0) {
			if (S_match(pat, body)) {
				ty.junk++;
				if (verbose)
					printf("    junk: %s\n", pat);
			}
			continue;
		}
		if (strcmp(secname, "status") == 0)
			text = buf_cstr(&status);
		for (size_t k = 0; text == NULL && k < t.nsec; k++)
			if (strcmp(t.sec[k].id, secname) == 0)
				text = buf_cstr(&sec[k].text);
		if (text == NULL) {
			fprintf(stderr, "eval: %s: no section %s\n", ck, secname);
			continue;
		}
		int want = strcmp(phase, "early") == 0 || (late && strcmp(phase, "late") == 0) ||
		    (!late && strcmp(phase, "early-only") == 0);
		int gone = late && strcmp(phase, "early-only") == 0;
		if (!want && !gone)
			continue;
		ty.expected++;
		int m = S_match(pat, text);
		if (want ? m : !m)
			ty.found++;
		else if (verbose)
			printf("    %s %s: %s%s\n", want ? "missing" : "stale", secname, pat,
			    f[3] ? "" : "");
	}
	for (int k = 0; always_junk[k] != NULL; k++)
		if (strstr(body, always_junk[k]) != NULL) {
			ty.junk++;
			if (verbose)
				printf("    junk: %s\n", always_junk[k]);
		}
	ty.repeats = S_repeats(sec, t.nsec);
	printf("%-28s %3d/%-3d  %5.1f%%  %4d  %7d\n", label, ty.found, ty.expected,
	    ty.expected ? 100.0 * ty.found / ty.expected : 0.0, ty.junk, ty.repeats);
	sum->expected += ty.expected;
	sum->found += ty.found;
	sum->junk += ty.junk;
	sum->repeats += ty.repeats;
	for (size_t k = 0; k < t.nsec; k++)
		buf_free(&sec[k].text);
	free(sec);
	buf_free(&status);
	buf_free(&bodyb);
	free(list);
	free(md);
	arena_free(a);
	return 0;
}

int
main(int argc, char **argv)
{
	struct tally sum = { 0, 0, 0, 0 };
	int verbose = 0, first = 1, rc = 0;
	if (argc > 1 && strcmp(argv[1], "-v") == 0)
		verbose = 1, first = 2;
	if (argc < first + 2) {
		fprintf(stderr, "usage: eval [-v] BRIEF CORPUS_DIR...\n");
		return 2;
	}
	struct stemmer *st = stemmer_new();
	printf("%-28s %7s  %6s  %4s  %7s\n", "corpus", "facts", "recall", "junk",
	    "repeats");
	const char *bin = argv[first];
	for (int i = first + 1; i < argc; i++) {
		char ck[1100], late[1100], label[200];
		snprintf(ck, sizeof ck, "%s/checklist.txt", argv[i]);
		if (access(ck, R_OK) != 0)
			continue;
		char name[256];
		snprintf(name, sizeof name, "%s", argv[i]);
		size_t nl = strlen(name);
		while (nl > 1 && name[nl - 1] == '/')
			name[--nl] = '\0';
		const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
		snprintf(late, sizeof late, "%s/late", argv[i]);
		if (S_is_dir(late)) {
			snprintf(label, sizeof label, "%s (early)", base);
			rc |= S_run(bin, argv[i], label, 0, st, &sum, verbose);
			snprintf(label, sizeof label, "%s (early+late)", base);
			rc |= S_run(bin, argv[i], label, 1, st, &sum, verbose);
		} else {
			rc |= S_run(bin, argv[i], base, 0, st, &sum, verbose);
		}
	}
	printf("%-28s %3d/%-3d  %5.1f%%  %4d  %7d\n", "all", sum.found, sum.expected,
	    sum.expected ? 100.0 * sum.found / sum.expected : 0.0, sum.junk,
	    sum.repeats);
	stemmer_free(st);
	return rc != 0;
}
