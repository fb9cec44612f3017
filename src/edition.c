/*
 * edition.c -- editions and what changed between them (see edition.h).
 */
#include "brief/edition.h"

#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <string.h>

#include <jansson.h>

#define SAME_WORDS 0.6      /* share of the shorter item's words that
                             * makes two wordings one fact */
#define MAX_WORDS 96        /* words of an item compared */

/* ---- names and ids -------------------------------------------------- */

void
edition_name(struct buf *out, const struct bdate *as_of)
{
	if (as_of->prec == DP_NONE || as_of->y == 0) {
		buf_puts(out, "undated.json");
		return;
	}
	bdate_format_iso(out, as_of);
	buf_puts(out, ".json");
}

void
edition_fact_id(char out[17], const char *text, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;   /* FNV-1a */

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c < 0x80 && !isalnum(c))
			continue;       /* spacing and ASCII punctuation */
		if (c < 0x80)
			c = (unsigned char)tolower(c);
		h ^= c;
		h *= 0x100000001b3ull;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- reading -------------------------------------------------------- */

static char *
S_dup(json_t *j)
{
	const char *s = json_string_value(j);

	return s ? xstrndup(s, strlen(s)) : NULL;
}

int
edition_load(const char *path, struct edition *e, struct brief_err *err)
{
	json_error_t je;
	json_t *root = json_load_file(path, 0, &je), *sec, *it, *st;
	size_t k, j;

	memset(e, 0, sizeof *e);
	if (root == NULL)
		return brief_fail(err, "edition", path, je.line, "%s", je.text);
	if (!json_is_object(root) || !json_is_array(json_object_get(root,
	    "sections"))) {
		json_decref(root);
		return brief_fail(err, "edition", path, 0, "not a brief's record "
		    "(no sections)");
	}
	e->path = xstrndup(path, strlen(path));
	e->title = S_dup(json_object_get(root, "title"));
	if (json_is_string(json_object_get(root, "as_of")))
		(void)dates_parse(json_string_value(json_object_get(root, "as_of")),
		    strlen(json_string_value(json_object_get(root, "as_of"))),
		    &e->as_of);
	st = json_object_get(root, "status");
	if (json_is_object(st))
		e->status = S_dup(json_object_get(st, "latest"));
	json_array_foreach(json_object_get(root, "sections"), k, sec)
		json_array_foreach(json_object_get(sec, "items"), j, it) {
			struct edition_item x = { 0 };
			json_t *d = json_object_get(it, "date");

			x.id = S_dup(json_object_get(it, "id"));
			x.text = S_dup(json_object_get(it, "text"));
			x.section = S_dup(json_object_get(sec, "id"));
			if (json_is_object(d))
				x.date = S_dup(json_object_get(d, "start"));
			if (x.text == NULL)
				x.text = xstrndup("", 0);
			VEC_PUSH(&e->items, x);
		}
	json_decref(root);
	return 0;
}

void
edition_free(struct edition *e)
{
	for (size_t i = 0; i < e->items.n; i++) {
		free(e->items.v[i].id);
		free(e->items.v[i].text);
		free(e->items.v[i].section);
		free(e->items.v[i].date);
	}
	VEC_FREE(&e->items);
	free(e->path);
	free(e->title);
	free(e->status);
	memset(e, 0, sizeof *e);
}

/* "2025-12-05.json": its date; 0 when the name is not one. */
static int
S_dated_name(const char *name, char iso[11])
{
	size_t n = strlen(name);

	if (n != 15 || strcmp(name + 10, ".json") != 0)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? name[i] != '-' : !isdigit((unsigned char)name[i]))
			return 0;
	memcpy(iso, name, 10);
	iso[10] = '\0';
	return 1;
}

int
edition_find(const char *dir, const struct bdate *as_of, struct edition *e,
	struct brief_err *err)
{
	char best[11] = "", want[11] = "", iso[11];
	struct buf b = { 0 };
	int undated = 0, rc;
	DIR *d = opendir(dir);
	struct dirent *de;

	memset(e, 0, sizeof *e);
	if (d == NULL)
		return 1;
	if (as_of->prec == DP_DAY && as_of->y != 0) {
		bdate_format_iso(&b, as_of);
		snprintf(want, sizeof want, "%s", buf_cstr(&b));
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, "undated.json") == 0)
			undated = 1;
		else if (S_dated_name(de->d_name, iso) &&
		    (want[0] == '\0' || strcmp(iso, want) <= 0) &&
		    strcmp(iso, best) > 0)
			memcpy(best, iso, sizeof best);
	}
	closedir(d);
	b.n = 0;
	if (want[0] == '\0' && undated)   /* undated: the undated record */
		buf_printf(&b, "%s/undated.json", dir);
	else if (best[0] != '\0')
		buf_printf(&b, "%s/%s.json", dir, best);
	else if (undated)
		buf_printf(&b, "%s/undated.json", dir);
	rc = b.n == 0 ? 1 : edition_load(buf_cstr(&b), e, err);
	buf_free(&b);
	return rc;
}

/* ---- comparing ------------------------------------------------------ */

/* The words of s (letters and digits, case folded, three or more
 * bytes), hashed, sorted, distinct; returns how many (at most max). */
static size_t
S_words(const char *s, size_t n, uint32_t *w, size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k < max; ) {
		uint32_t h = 2166136261u;
		size_t len = 0;

		while (i < n && (unsigned char)s[i] < 0x80 && !isalnum((unsigned char)s[i]))
			i++;
		while (i < n && ((unsigned char)s[i] >= 0x80 || isalnum((unsigned char)s[i]))) {
			h = (h ^ (uint32_t)tolower((unsigned char)s[i])) * 16777619u;
			i++;
			len++;
		}
		if (len >= 3)
			w[k++] = h;
	}
	for (size_t i = 1; i < k; i++)       /* insertion sort: k is small */
		for (size_t j = i; j > 0 && w[j - 1] > w[j]; j--) {
			uint32_t t = w[j];

			w[j] = w[j - 1];
			w[j - 1] = t;
		}
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (u == 0 || w[u - 1] != w[i])
			w[u++] = w[i];
	return u;
}

/* Whether most words of the shorter of a and b are in the other. */
static int
S_same_words(const char *a, size_t na, const char *b, size_t nb)
{
	uint32_t wa[MAX_WORDS], wb[MAX_WORDS];
	size_t ka = S_words(a, na, wa, MAX_WORDS), kb = S_words(b, nb, wb, MAX_WORDS);
	size_t i = 0, j = 0, both = 0, shorter = ka < kb ? ka : kb;

	while (i < ka && j < kb) {
		if (wa[i] == wb[j])
			both++, i++, j++;
		else if (wa[i] < wb[j])
			i++;
		else
			j++;
	}
	return shorter >= 3 && (double)both >= SAME_WORDS * (double)shorter;
}

/* The previous item the brief's item it (in section sec) is, -1. */
static long
S_match(struct edition *prev, const struct brief_section *bs,
	const struct item *it)
{
	char id[17];
	struct buf iso = { 0 };
	long hit = -1;

	edition_fact_id(id, it->text.p, it->text.n);
	if (bs->def->kind == SK_TIMELINE)
		bdate_format_iso(&iso, &it->date);
	for (size_t k = 0; k < prev->items.n && hit < 0; k++)   /* the id */
		if (!prev->items.v[k].matched && prev->items.v[k].id &&
		    strcmp(prev->items.v[k].id, id) == 0)
			hit = (long)k;
	for (size_t k = 0; k < prev->items.n && hit < 0; k++) {
		struct edition_item *p = &prev->items.v[k];

		if (p->matched || p->section == NULL ||
		    strcmp(p->section, bs->def->id) != 0)
			continue;
		if ((iso.n > 0 && p->date && strcmp(p->date, buf_cstr(&iso)) == 0) ||
		    S_same_words(it->text.p, it->text.n, p->text, strlen(p->text))) {
			hit = (long)k;
			p->by = it->text;   /* the same fact, in other words */
		}
	}
	buf_free(&iso);
	if (hit >= 0)
		prev->items.v[hit].matched = 1;
	return hit;
}

/* Items ordered by their key: the previous edition's position, new
 * items after (by their place now). */
struct order {
	struct item it;
	long key;
};

static int
S_order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

void
edition_compare(struct brief *b, struct edition *prev)
{
	struct since *s = &b->since;
	const struct status_note *st = &b->status;

	memset(s, 0, sizeof *s);
	s->have = 1;
	s->as_of = prev->as_of;
	for (size_t k = 0; k < b->nsec; k++) {
		struct brief_section *bs = &b->sec[k];
		struct order *o = xcalloc(bs->n ? bs->n : 1, sizeof *o);

		for (size_t j = 0; j < bs->n; j++) {
			long m = S_match(prev, bs, &bs->item[j]);

			bs->item[j].fresh = m < 0;
			o[j].it = bs->item[j];
			o[j].key = m >= 0 ? m : (long)(prev->items.n + j);
		}
		/* unchanged facts and views keep their order; the summary
		 * reads in its own order and the timeline by date */
		if (bs->def->kind == SK_FACTS || bs->def->kind == SK_QUOTES) {
			qsort(o, bs->n, sizeof *o, S_order_cmp);
			for (size_t j = 0; j < bs->n; j++)
				bs->item[j] = o[j].it;
		}
		free(o);
	}
	if (prev->status != NULL && st->stage >= 0 &&
	    (size_t)st->stage < st->nstages &&
	    strcmp(prev->status, st->stages[st->stage].name) != 0)
		s->status_was = prev->status;
}

void
edition_explain(const struct brief *b, const struct edition *prev, FILE *fp)
{
	struct buf d = { 0 };
	size_t kept = 0, fresh = 0;

	for (size_t k = 0; k < b->nsec; k++)
		for (size_t j = 0; j < b->sec[k].n; j++)
			fresh += b->sec[k].item[j].fresh && !b->sec[k].item[j].dropped;
	if (prev->as_of.prec != DP_NONE)
		bdate_format(&d, &prev->as_of);
	else
		buf_puts(&d, "undated");
	for (size_t k = 0; k < prev->items.n; k++)
		kept += prev->items.v[k].matched;
	fprintf(fp, "# edition: since %s (%s): %zu new, %zu kept, %zu gone\n",
	    buf_cstr(&d), prev->path, fresh, kept, prev->items.n - kept);
	for (size_t k = 0; k < prev->items.n; k++) {
		const struct edition_item *p = &prev->items.v[k];

		if (!p->matched)
			fprintf(fp, "# gone from %s: %s\n", p->section ? p->section :
			    "?", p->text);
		else if (p->by.n > 0)
			fprintf(fp, "# superseded in %s: %s\n#   by: %.*s\n",
			    p->section ? p->section : "?", p->text,
			    (int)p->by.n, p->by.p);
	}
	if (b->since.status_was != NULL)
		fprintf(fp, "# status was: %s\n", b->since.status_was);
	buf_free(&d);
}
