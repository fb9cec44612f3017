/*
 * base.c -- slices, buffers, vectors, arena, errors, whole-file I/O.
 */
#include "brief/base.h"

#include <pthread.h>
#include "brief/utf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_MAX (256u << 20)   /* the largest input file read */

static void
S_oom(void)
{
	fputs("brief: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		S_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		S_oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		S_oom();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* ---- slices ------------------------------------------------------- */

/* Both compare as they go and stop at the first difference: they run
 * per token against word lists, where nearly every call fails at once. */
int
slice_eq(struct slice a, const char *s)
{
	size_t i = 0;
	for (; i < a.n; i++)
		if (s[i] == '\0' || a.p[i] != s[i])
			return 0;
	return s[i] == '\0';
}

static int
S_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

int
slice_ieq(struct slice a, const char *s)
{
	size_t i = 0;
	for (; i < a.n; i++)
		if (s[i] == '\0' ||
		    S_lower((unsigned char)a.p[i]) != S_lower((unsigned char)s[i]))
			return 0;
	return s[i] == '\0';
}

struct slice
slice_trim(struct slice s)
{
	size_t k;

	for (;;) {
		k = 0;
		if (!utf_is_space(utf_next(s.p, s.n, &k)))
			break;
		s.p += k;
		s.n -= k;
	}
	for (;;) {
		k = s.n;
		if (!utf_is_space(utf_prev(s.p, 0, &k)))
			break;
		s.n = k;
	}
	return s;
}

/* ---- buffers ------------------------------------------------------ */

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->n + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;
	buf_put(b, &ch, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap2);
		b->n += (size_t)n;
	}
	va_end(ap2);
}

const char *
buf_cstr(struct buf *b)
{
	buf_grow(b, 0);
	b->p[b->n] = '\0';   /* also after b->n was cut back by hand */
	return b->p;
}

struct par_part {
	void (*fn)(void *, size_t, size_t);
	void *ctx;
	size_t from, to;
};

static void *
S_par_run(void *arg)
{
	struct par_part *p = arg;
	p->fn(p->ctx, p->from, p->to);
	return NULL;
}

void
par_for(size_t n, int threads, void (*fn)(void *ctx, size_t from,
	size_t to), void *ctx)
{
	enum { MAX_PARTS = 64 };
	struct par_part part[MAX_PARTS];
	pthread_t th[MAX_PARTS];
	int made[MAX_PARTS] = { 0 };
	size_t k = threads < 1 ? 1 : (size_t)threads;

	if (k > MAX_PARTS)
		k = MAX_PARTS;
	if (k > n)
		k = n;
	if (k <= 1) {
		if (n > 0)
			fn(ctx, 0, n);
		return;
	}
	for (size_t q = 0; q < k; q++)
		part[q] = (struct par_part){ fn, ctx, n * q / k, n * (q + 1) / k };
	for (size_t q = 1; q < k; q++)
		made[q] = pthread_create(&th[q], NULL, S_par_run, &part[q]) == 0;
	S_par_run(&part[0]);
	for (size_t q = 1; q < k; q++) {
		if (made[q])
			pthread_join(th[q], NULL);
		else                /* no thread: this one does the part */
			S_par_run(&part[q]);
	}
}

void
buf_reset(struct buf *b)
{
	b->n = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

void *
vec_grow_(void *v, size_t *cap, size_t elem)
{
	size_t c = *cap ? *cap * 2 : 8;
	if (c > SIZE_MAX / elem)
		S_oom();
	*cap = c;
	return xrealloc(v, c * elem);
}

/* ---- arena -------------------------------------------------------- */

struct chunk {
	struct chunk *next;
	size_t used, size;
	_Alignas(16) unsigned char mem[];
};

struct arena {
	struct chunk *head;
	VEC(void *) adopted;     /* heap blocks freed with the arena */
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void *
arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct chunk *c = a->head;
	if (c == NULL || c->size - c->used < n) {
		size_t size = n > 65536 ? n : 65536;
		c = xmalloc(sizeof *c + size);
		c->used = 0;
		c->size = size;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->mem + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
	if (n > 0)
		vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

void *
arena_adopt(struct arena *a, void *p)
{
	VEC_PUSH(&a->adopted, p);
	return p;
}

void
arena_absorb(struct arena *dst, struct arena *src)
{
	struct chunk *tail = src->head;

	if (tail != NULL) {
		while (tail->next != NULL)
			tail = tail->next;
		/* after dst's current chunk, which goes on filling */
		if (dst->head == NULL) {
			dst->head = src->head;
		} else {
			tail->next = dst->head->next;
			dst->head->next = src->head;
		}
	}
	for (size_t k = 0; k < src->adopted.n; k++)
		VEC_PUSH(&dst->adopted, src->adopted.v[k]);
	VEC_FREE(&src->adopted);
	free(src);
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	for (size_t k = 0; k < a->adopted.n; k++)
		free(a->adopted.v[k]);
	VEC_FREE(&a->adopted);
	free(a);
}

/* ---- errors and diagnostics --------------------------------------- */

int
brief_fail(struct brief_err *err, const char *stage, const char *file,
	int line, const char *fmt, ...)
{
	if (err == NULL)
		return -1;
	snprintf(err->stage, sizeof err->stage, "%s", stage ? stage : "");
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
brief_warn(const struct brief_diag *d, const char *file, int line,
	const char *fmt, ...)
{
	char msg[512];
	if (d == NULL || d->warn == NULL)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	d->warn(d->ctx, file, line, msg);
}

/* ---- files -------------------------------------------------------- */

int
file_read(const char *path, char **out, size_t *n, struct brief_err *err)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char tmp[65536];
	size_t k;

	if (f == NULL)
		return brief_fail(err, "read", path, 0, "%s", strerror(errno));
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) {
		buf_put(&b, tmp, k);
		if (b.n > FILE_MAX) {   /* /dev/zero, a runaway log: stop early */
			fclose(f);
			buf_free(&b);
			return brief_fail(err, "read", path, 0,
			    "file too large (over %u MiB)", FILE_MAX >> 20);
		}
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		buf_free(&b);
		return brief_fail(err, "read", path, 0, "%s", strerror(e));
	}
	fclose(f);
	buf_cstr(&b);
	*out = b.p;
	*n = b.n;
	return 0;
}

char *
file_stage(const char *path, const void *p, size_t n, struct brief_err *err)
{
	struct buf tmp = { 0 };
	const char *c = p;
	int fd, e;

	buf_printf(&tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp.p);
	if (fd < 0) {
		e = errno;
		brief_fail(err, "write", path, 0, "%s", strerror(e));
		buf_free(&tmp);
		return NULL;
	}
	while (n > 0) {
		ssize_t k = write(fd, c, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			goto fail;
		c += k;
		n -= (size_t)k;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return tmp.p;
fail:
	e = errno ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp.p);
	brief_fail(err, "write", path, 0, "%s", strerror(e));
	buf_free(&tmp);
	return NULL;
}

int
file_commit(char *tmp, const char *path, struct brief_err *err)
{
	int rc = 0;

	if (rename(tmp, path) != 0) {
		rc = brief_fail(err, "write", path, 0, "%s", strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

void
file_discard(char *tmp)
{
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
}

int
file_write_atomic(const char *path, const void *p, size_t n,
	struct brief_err *err)
{
	char *tmp = file_stage(path, p, n, err);

	return tmp == NULL ? -1 : file_commit(tmp, path, err);
}
