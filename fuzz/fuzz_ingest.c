/*
 * fuzz_ingest.c -- arbitrary bytes as an article: ingest, segment,
 * annotate; then as an HTML page and as Markdown (convert.c).
 */
#include <stdint.h>
#include <string.h>

#include "brief/annotate.h"
#include "brief/convert.h"
#include "brief/ingest.h"
#include "brief/segment.h"
#include "brief/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct segmenter *sg;
static struct stemmer *st;

static void
S_article(const char *p, size_t n)
{
	struct arena *a = arena_new();
	struct corpus c;
	struct brief_err err;

	memset(&c, 0, sizeof c);
	c.doc = xcalloc(1, sizeof *c.doc);
	if (ingest_mem(a, "fuzz.txt", p, n, &c.doc[0], NULL, &err) == 0) {
		c.doc[0].id = 1;
		c.ndoc = 1;
		if (segment_doc(sg, &c.doc[0], 0, &c.s, &err) == 0)
			annotate_corpus(&c, st);
	}
	corpus_free(&c);
	arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct brief_err err;
	struct buf out = { 0 };

	if (sg == NULL) {
		sg = segmenter_new(&err);
		st = stemmer_new();
	}
	S_article((const char *)data, size);
	if (convert_html("fuzz.html", (const char *)data, size, &out, &err) == 0)
		S_article(out.p ? out.p : "", out.n);
	if (convert_markdown("fuzz.md", (const char *)data, size, &out, &err) == 0)
		S_article(out.p ? out.p : "", out.n);
	buf_free(&out);
	return 0;
}
