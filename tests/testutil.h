/*
 * testutil.h -- helpers shared by the test suites. The inline ones are
 * here; the rest are in testutil.c, linked into the test runner.
 */
#ifndef BRIEF_TESTUTIL_H
#define BRIEF_TESTUTIL_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base.h"

/* Directory of the source tree (BRIEF_TOP, set by make; else "."). */
static inline const char *
test_top(void)
{
	const char *t = getenv("BRIEF_TOP");
	return t && *t ? t : ".";
}

/* Path of the built brief binary (BRIEF_BIN; else build/brief). */
static inline const char *
test_bin(void)
{
	const char *b = getenv("BRIEF_BIN");
	return b && *b ? b : "build/brief";
}

/* ---- running commands ------------------------------------------------ */

/* Run the shell command cmd; append its stdout to out (NULL: discard it)
 * and NUL-terminate out. Returns the exit status, -1 when the command
 * did not exit normally. test_run asserts the command could be started;
 * test_try_run returns -1 when it could not (for unchecked fixtures). */
int test_run(const char *cmd, struct buf *out);
int test_try_run(const char *cmd, struct buf *out);

/* Run the command made from fmt; it must exit 0. out (NULL: discarded)
 * gets its stdout and err (NULL: discarded) its stderr, both replacing
 * what they held; the failure message shows the stderr. err == out:
 * stderr goes to out with stdout (2>&1), as the message shows. */
void test_cmd(struct buf *out, struct buf *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* SOURCE_DATE_EPOCH for runs of the brief binary: 21 Nov 2025. */
#define TEST_EPOCH "1763683200"

/* Append to cmd the shell command that runs the brief binary with args
 * from the top of the source tree, at TEST_EPOCH, stderr merged into
 * stdout. Returns cmd->p. */
const char *test_brief_cmd(struct buf *cmd, const char *args);

/* ---- files and directories ------------------------------------------- */

/* Make the directory /tmp/NAME-XXXXXX (unique) with mkdtemp; its path
 * in dir. Returns dir, NULL when it could not be made. */
char *test_mkdtemp(char *dir, size_t cap, const char *name);

/* Remove path and, if it is a directory, everything below it (rm -rf;
 * symbolic links are removed, not followed). */
void test_rmtree(const char *path);

/* The whole file at the path made from fmt, NUL-terminated (caller
 * frees); its size in *n (may be NULL). Asserts it could be read. */
char *test_read(size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Append s to b times times. */
void test_repeat(struct buf *b, const char *s, size_t times);

/* Replace b's text with count of the n pieces, picked at random from a
 * fixed seed: *seed = *seed * 1103515245 + 12345 (mod 2^32), then piece
 * (*seed >> 16) % n, for each. */
void test_random_text(struct buf *b, uint32_t *seed,
	const char *const *pieces, size_t n, int count);

/* ---- PDF tools' output ------------------------------------------------ */

/* The value of "Key:   value" in pdfinfo output, in val ("" if absent).
 * Returns val. */
const char *test_pdfinfo_field(const char *info, const char *key, char *val,
	size_t max);

/* The font rows of pdffonts output (after its two header lines), each
 * split in place into its tokens: name type... encoding emb sub uni id
 * gen. Asserts a row has at least 7 tokens and its font is embedded,
 * then calls row (may be NULL) with them. Returns the number of rows. */
typedef void test_font_row_fn(char **tok, int n, void *ctx);
int test_pdffonts_rows(char *out, test_font_row_fn *row, void *ctx);

/* ---- document trees from Markdown --------------------------------------- */

#include "brief/render_pdf.h"
#include "brief/timeline.h"
#include "brief/tree.h"

/* A section kind by heading, for test_tree_md. */
struct test_kind {
	const char *heading;
	int kind;                 /* enum section_kind */
};

/* A document tree from Markdown, for renderer tests: md parsed by cmark
 * and tagged the way tree_build tags a brief. The H1 is the title and
 * the paragraph after it the dateline; an H2 is a section of the kind
 * kinds[] gives its heading (else facts); its list items and block
 * quotes are items (timeline items dated by ev[], in order); in a block
 * quote a paragraph opening with “ is the quotation, one opening with
 * an em dash the attribution; the lists under the sources section are
 * source lists; a paragraph opening with "Status:" is the status line;
 * bracketed numbers in text ("[1]", "[2, 5]", "[1][3]") are citations.
 * tree_free() releases it all. */
void test_tree_md(struct btree *t, const char *md,
	const struct test_kind *kinds, size_t nkinds,
	const struct tl_event *ev, size_t nev);

/* render_pdf of md as test_tree_md tags it, with the sections "Bottom
 * line" (summary), "Timeline", "Analyst views" (views) and "Sources". */
int test_pdf_md(const char *md, const struct tl_event *ev, size_t nev,
	const struct pdf_opts *o, struct buf *out, struct pdf_result *res,
	struct brief_err *err);

#endif
