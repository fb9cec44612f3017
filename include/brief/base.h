/*
 * base.h -- shared building blocks: slices, growable buffers, vectors,
 * one arena per run, and the one error convention.
 *
 * Ownership: everything allocated from an arena is freed by arena_free().
 * Buffers (struct buf) own their bytes; buf_free() releases them.
 * Out-of-memory aborts the program (xmalloc and friends): no caller
 * checks for NULL from these.
 *
 * Errors: functions that can fail on input return 0 on success and -1 on
 * failure after filling a struct brief_err (stage, file, line, message).
 * Only main.c prints.
 */
#ifndef BRIEF_BASE_H
#define BRIEF_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

/* A view into bytes owned by someone else; never NUL-terminated. */
struct slice {
	const char *p;
	size_t n;
};

#define SLICE_LIT(s) ((struct slice){ (s), sizeof(s) - 1 })

int slice_eq(struct slice a, const char *s);           /* exact bytes */
int slice_ieq(struct slice a, const char *s);          /* ASCII case-folded */
struct slice slice_trim(struct slice s);               /* utf_is_space */

/* Growable byte buffer; p is always NUL-terminated when n > 0 or after
 * buf_cstr(). */
struct buf {
	char *p;
	size_t n, cap;
};

void buf_grow(struct buf *b, size_t extra);
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *buf_cstr(struct buf *b);                   /* "" when empty */
void buf_free(struct buf *b);
/* Run fn(ctx, from, to) over [0, n) cut into up to `threads` parts of
 * consecutive indices, each part on its own thread (the first on the
 * caller's), and return when all are done; fn must only write what
 * belongs to its own indices. One call with threads <= 1 or n < 2. */
void par_for(size_t n, int threads, void (*fn)(void *ctx, size_t from,
	size_t to), void *ctx);

/* Empty b, keeping its memory. */
void buf_reset(struct buf *b);

/* Typed growable arrays: VEC(T) declares { T *v; size_t n, cap; }. */
#define VEC(T) struct { T *v; size_t n, cap; }
void *vec_grow_(void *v, size_t *cap, size_t elem);
#define VEC_PUSH(a, x) do { \
	if ((a)->n == (a)->cap) \
		(a)->v = vec_grow_((a)->v, &(a)->cap, sizeof *(a)->v); \
	(a)->v[(a)->n++] = (x); \
} while (0)
#define VEC_FREE(a) do { free((a)->v); (a)->v = NULL; (a)->n = (a)->cap = 0; } while (0)

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);

/* One arena per run: bump allocation in chunks, freed once. */
struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);         /* zeroed, 16-aligned */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand p (from malloc) to the arena, which frees it with itself: a
 * large block the arena would otherwise copy. Returns p. */
void *arena_adopt(struct arena *a, void *p);
/* Move everything src holds into dst (which frees it with itself) and
 * free src: a thread's arena joining the run's. */
void arena_absorb(struct arena *dst, struct arena *src);
void arena_free(struct arena *a);

/* The one error report: which stage, which file and line, what. */
struct brief_err {
	char stage[16];
	char file[256];
	int line;                /* 0 when no line applies */
	char msg[256];
};

/* Fill err (may be NULL) and return -1. */
int brief_fail(struct brief_err *err, const char *stage, const char *file,
	int line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Non-fatal diagnostics (warnings) go through a callback that main.c
 * installs; stages never print. A NULL callback drops them. */
struct brief_diag {
	void (*warn)(void *ctx, const char *file, int line, const char *msg);
	void *ctx;
};
void brief_warn(const struct brief_diag *d, const char *file, int line,
	const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Whole-file I/O. file_read: caller frees *out with free().
 * file_write_atomic: writes a new temporary file beside path (same
 * directory, so the rename cannot cross file systems), flushes it to
 * disk and renames it over path: path is always the old file or the
 * new one, whole, whatever happens to the process. */
int file_read(const char *path, char **out, size_t *n, struct brief_err *err);
int file_write_atomic(const char *path, const void *p, size_t n,
	struct brief_err *err);

/* The same in two steps, for outputs that go together: file_stage
 * writes the temporary file and returns its name (caller frees) or
 * NULL with err; file_commit renames it over path, file_discard
 * removes it. Stage every output, then commit them all, and a failure
 * (a full disk) leaves every old output as it was. */
char *file_stage(const char *path, const void *p, size_t n,
	struct brief_err *err);
int file_commit(char *tmp, const char *path, struct brief_err *err);
void file_discard(char *tmp);

#endif
