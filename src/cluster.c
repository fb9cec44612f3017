/*
 * cluster.c -- MinHash + LSH near-duplicate grouping, union-find.
 *
 * Each eligible sentence gets NHASH min-hashes of its content stems;
 * bands of ROWS hashes are keyed, (key, sentence) pairs sorted, and
 * sentences sharing a key become candidate pairs, confirmed with the
 * exact idf-weighted shared content (S_same_fact). In buckets larger
 * than BUCKET_CAP (wire copy repeated across thousands of pages) each
 * member is compared with the first only, to stay near-linear.
 */
#include "brief/cluster.h"

#include <string.h>

#define NHASH 32
#define ROWS 2
#define BANDS (NHASH / ROWS)
#define BUCKET_CAP 64
#define SAME_FACT 0.6       /* share of the longer sentence shared: one fact; over 0.5,
                               so a compound sentence cannot join both its halves */
#define MIN_CONTENT 4       /* sentences with fewer content stems stay alone */


/* Shared content of i and j, weighted by idf, so words every article
 * uses (the subject's own name) count for little and the specifics
 * decide: the shared weight and each sentence's total. */
static void
S_shared(const struct corpus *c, size_t i, size_t j, double *common,
	double *wa, double *wb)
{
	size_t na, nb, x = 0, y = 0;
	const struct stem_weight *a = corpus_stems(c, i, &na), *b = corpus_stems(c, j, &nb);
	*common = *wa = *wb = 0;
	for (size_t k = 0; k < na; k++)
		*wa += a[k].w;
	for (size_t k = 0; k < nb; k++)
		*wb += b[k].w;
	while (x < na && y < nb) {
		if (a[x].stem == b[y].stem)
			*common += a[x].w, x++, y++;
		else if (a[x].stem < b[y].stem)
			x++;
		else
			y++;
	}
}

/* Two sentences state one fact when each carries most of the other: a
 * short sentence inside a long one is not the long one's fact. */
static double
S_same_fact(const struct corpus *c, size_t i, size_t j)
{
	double common, wa, wb;
	S_shared(c, i, j, &common, &wa, &wb);
	double m = wa > wb ? wa : wb;
	return m > 0 ? common / m : 0;
}

double
cluster_novelty(const struct corpus *c, size_t i, const size_t *set, size_t n)
{
	size_t na;
	const struct stem_weight *a = corpus_stems(c, i, &na);
	double total = 0, fresh = 0;
	unsigned char seen[CORPUS_MAX_STEMS] = { 0 };
	for (size_t k = 0; k < n; k++) {
		size_t nb, x = 0, y = 0;
		const struct stem_weight *b = corpus_stems(c, set[k], &nb);
		while (x < na && y < nb) {
			if (a[x].stem == b[y].stem)
				seen[x] = 1, x++, y++;
			else if (a[x].stem < b[y].stem)
				x++;
			else
				y++;
		}
	}
	for (size_t x = 0; x < na; x++) {
		total += a[x].w;
		if (!seen[x])
			fresh += a[x].w;
	}
	return total > 0 ? fresh / total : 0;
}

static uint32_t
S_mix(uint32_t x, uint32_t seed)
{
	x ^= seed * 0x9E3779B9u;
	x ^= x >> 16;
	x *= 0x85EBCA6Bu;
	x ^= x >> 13;
	x *= 0xC2B2AE35u;
	x ^= x >> 16;
	return x;
}

struct band {
	uint32_t key;
	uint32_t sent;
};
typedef VEC(struct band) band_vec;

/* Sort bands by key, then sentence: a radix sort on the two as one
 * 64-bit number, four passes of 16 bits (linear; qsort's comparisons
 * were most of clustering's time on large runs). */
static void
S_sort_bands(struct band *v, size_t n)
{
	struct band *tmp = xmalloc((n ? n : 1) * sizeof *tmp), *from = v, *to = tmp;
	size_t *count = xmalloc(65536 * sizeof *count);

	for (int pass = 0; pass < 4; pass++) {
		int shift = 16 * pass;
		size_t sum = 0;

		memset(count, 0, 65536 * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[((((uint64_t)from[i].key << 32) | from[i].sent) >> shift) & 0xFFFF]++;
		for (size_t d = 0; d < 65536; d++) {
			size_t c = count[d];

			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			to[count[((((uint64_t)from[i].key << 32) | from[i].sent) >> shift) & 0xFFFF]++] = from[i];
		struct band *t = from;
		from = to;
		to = t;
	}
	/* four passes: the sorted bands are back in v */
	free(tmp);
	free(count);
}

static void
S_bands(const struct corpus *c, const unsigned char *eligible,
	band_vec *out)
{
	for (size_t i = 0; i < c->s.n; i++) {
		if (!eligible[i])
			continue;
		size_t n;
		const struct stem_weight *st = corpus_stems(c, i, &n);
		if (n < MIN_CONTENT)
			continue;
		uint32_t sig[NHASH];
		for (int h = 0; h < NHASH; h++) {
			sig[h] = UINT32_MAX;
			for (size_t k = 0; k < n; k++) {
				uint32_t v = S_mix(st[k].stem, (uint32_t)h + 1);
				if (v < sig[h])
					sig[h] = v;
			}
		}
		for (int b = 0; b < BANDS; b++) {
			struct band x = { text_hash(sig + b * ROWS, ROWS * sizeof *sig) ^
				(uint32_t)b, (uint32_t)i };
			VEC_PUSH(out, x);
		}
	}
}

static size_t
S_find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

/* Clarity of a sentence as a fact's representative: complete, central,
 * self-contained, not overlong. */
static double
S_clarity(const struct corpus *c, const struct score *sc, size_t i)
{
	const struct sent_info *in = &c->info[i];
	double w = (double)in->words;
	double len = w <= 40 ? w / 40 : 40 / w;
	double q = sc[i].central + len + sc[i].topic * 0.1;
	if (in->flags & AF_ANAPHOR)
		q -= 0.5;
	return q;
}

static int
S_int_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void
S_dedup_docs(struct fact *f)
{
	qsort(f->doc, f->ndoc, sizeof *f->doc, S_int_cmp);
	size_t k = 0;
	for (size_t j = 0; j < f->ndoc; j++)
		if (k == 0 || f->doc[k - 1] != f->doc[j])
			f->doc[k++] = f->doc[j];
	f->ndoc = k;
}

/* Turn union-find roots into facts in two linear passes. */
static void
S_collect(const struct corpus *c, const struct score *sc, size_t *parent,
	const unsigned char *eligible, struct arena *a, fact_vec *out, long *fact_of)
{
	size_t n = c->s.n, *count = xcalloc(n ? n : 1, sizeof *count);
	for (size_t i = 0; i < n; i++) {
		fact_of[i] = -1;
		if (eligible[i])
			count[S_find(parent, i)]++;
	}
	for (size_t i = 0; i < n; i++) {
		if (count[i] == 0)
			continue;
		struct fact f = { i, arena_alloc(a, count[i] * sizeof(size_t)), 0,
			arena_alloc(a, count[i] * sizeof(int)), 0 };
		fact_of[i] = (long)out->n;
		VEC_PUSH(out, f);
	}
	for (size_t i = 0; i < n; i++) {
		if (!eligible[i])
			continue;
		struct fact *f = &out->v[fact_of[S_find(parent, i)]];
		f->member[f->nmember++] = i;
		f->doc[f->ndoc++] = c->s.v[i].doc;
		if (S_clarity(c, sc, i) > S_clarity(c, sc, f->rep))
			f->rep = i;
	}
	for (size_t i = 0; i < n; i++)
		if (eligible[i])
			fact_of[i] = fact_of[S_find(parent, i)];
	for (size_t k = 0; k < out->n; k++)
		S_dedup_docs(&out->v[k]);
	free(count);
}

/* Join the facts of sentences x and y when they state one fact, and
 * only when each also matches the other's root (its first sentence):
 * similarity is not transitive, and unchecked joins chain unrelated
 * sentences through a compound one into a single "fact". */
static void
S_join(const struct corpus *c, size_t *parent, size_t x, size_t y)
{
	size_t p = S_find(parent, x), q = S_find(parent, y);
	if (p == q || S_same_fact(c, x, y) < SAME_FACT)
		return;
	if ((p != x && S_same_fact(c, p, y) < SAME_FACT) ||
	    (q != y && S_same_fact(c, q, x) < SAME_FACT))
		return;
	parent[p > q ? p : q] = p < q ? p : q;
}

void
cluster_corpus(const struct corpus *c, const struct score *sc,
	const unsigned char *eligible, struct arena *a, fact_vec *out,
	long *fact_of)
{
	band_vec b = { 0 };
	size_t *parent = xmalloc((c->s.n ? c->s.n : 1) * sizeof *parent);
	for (size_t i = 0; i < c->s.n; i++)
		parent[i] = i;
	S_bands(c, eligible, &b);
	if (b.n > 1)
		S_sort_bands(b.v, b.n);
	for (size_t i = 0; i < b.n;) {
		size_t j = i;
		while (j < b.n && b.v[j].key == b.v[i].key)
			j++;
		if (j - i <= BUCKET_CAP) {
			for (size_t x = i; x < j; x++)
				for (size_t y = x + 1; y < j; y++)
					S_join(c, parent, b.v[x].sent, b.v[y].sent);
		} else {
			/* a crowded bucket (wire copy repeated by hundreds of
			 * sources): compare each with its first, linearly */
			for (size_t y = i + 1; y < j; y++)
				S_join(c, parent, b.v[i].sent, b.v[y].sent);
		}
		i = j;
	}
	S_collect(c, sc, parent, eligible, a, out, fact_of);
	free(parent);
	VEC_FREE(&b);
}
