/*
 * testutil.c -- helpers shared by the test suites (see testutil.h).
 */
#include "testutil.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- running commands ------------------------------------------------ */

/* popen cmd and read its stdout into out; must: assert it started. */
static int
S_pipe(const char *cmd, struct buf *out, int must)
{
	char chunk[65536];
	struct buf sink = { 0 };
	FILE *p = popen(cmd, "r");
	size_t k;
	int st;

	if (must)
		ck_assert_msg(p != NULL, "cannot run %s", cmd);
	else if (p == NULL)
		return -1;
	if (out == NULL)
		out = &sink;
	while ((k = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_put(out, chunk, k);
	buf_cstr(out);
	st = pclose(p);
	buf_free(&sink);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int
test_run(const char *cmd, struct buf *out)
{
	return S_pipe(cmd, out, 1);
}

int
test_try_run(const char *cmd, struct buf *out)
{
	return S_pipe(cmd, out, 0);
}

void
test_cmd(struct buf *out, struct buf *err, const char *fmt, ...)
{
	char cmd[1024], errpath[64] = "/tmp/brief-cmd-err-XXXXXX";
	struct buf full = { 0 }, tmp = { 0 };
	va_list ap;
	char *text = NULL;
	size_t n = 0;
	int fd, rc, merge = out != NULL && err == out;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	if (merge) {
		buf_printf(&full, "%s 2>&1", cmd);
		out->n = 0;
		rc = test_run(full.p, out);
		ck_assert_msg(rc == 0, "%s failed: %s", cmd, buf_cstr(out));
		buf_free(&full);
		return;
	}
	fd = mkstemp(errpath);
	ck_assert_int_ge(fd, 0);
	close(fd);
	buf_printf(&full, "%s 2>'%s'", cmd, errpath);
	if (out == NULL)
		out = &tmp;
	out->n = 0;
	rc = test_run(full.p, out);
	ck_assert_int_eq(file_read(errpath, &text, &n, NULL), 0);
	remove(errpath);
	ck_assert_msg(rc == 0, "%s failed: %s", cmd, text);
	if (err != NULL) {
		err->n = 0;
		buf_put(err, text, n);
		buf_cstr(err);
	}
	free(text);
	buf_free(&tmp);
	buf_free(&full);
}

const char *
test_brief_cmd(struct buf *cmd, const char *args)
{
	buf_printf(cmd, "cd '%s' && SOURCE_DATE_EPOCH=" TEST_EPOCH " '%s' %s "
		"2>&1", test_top(), test_bin(), args);
	return buf_cstr(cmd);
}

/* ---- files and directories ------------------------------------------- */

char *
test_mkdtemp(char *dir, size_t cap, const char *name)
{
	snprintf(dir, cap, "/tmp/%s-XXXXXX", name);
	return mkdtemp(dir);
}

void
test_rmtree(const char *path)
{
	struct stat sb;
	struct dirent *e;
	DIR *d;

	if (lstat(path, &sb) != 0)
		return;
	if (!S_ISDIR(sb.st_mode)) {
		remove(path);
		return;
	}
	d = opendir(path);
	while (d != NULL && (e = readdir(d)) != NULL) {
		struct buf sub = { 0 };

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		buf_printf(&sub, "%s/%s", path, e->d_name);
		test_rmtree(sub.p);
		buf_free(&sub);
	}
	if (d != NULL)
		closedir(d);
	rmdir(path);
}

char *
test_read(size_t *n, const char *fmt, ...)
{
	char path[4096];
	struct brief_err err = { 0 };
	va_list ap;
	char *p = NULL;
	size_t len = 0;

	va_start(ap, fmt);
	vsnprintf(path, sizeof path, fmt, ap);
	va_end(ap);
	ck_assert_msg(file_read(path, &p, &len, &err) == 0, "%s: %s", path,
		err.msg);
	if (n != NULL)
		*n = len;
	return p;
}

void
test_repeat(struct buf *b, const char *s, size_t times)
{
	for (size_t i = 0; i < times; i++)
		buf_puts(b, s);
}

void
test_random_text(struct buf *b, uint32_t *seed, const char *const *pieces,
	size_t n, int count)
{
	b->n = 0;
	for (int k = 0; k < count; k++) {
		*seed = *seed * 1103515245u + 12345u;
		buf_puts(b, pieces[(*seed >> 16) % n]);
	}
}

/* ---- PDF tools' output ------------------------------------------------ */

const char *
test_pdfinfo_field(const char *info, const char *key, char *val, size_t max)
{
	size_t k = strlen(key);

	val[0] = '\0';
	for (const char *l = info; l && *l; l = strchr(l, '\n') ?
	    strchr(l, '\n') + 1 : NULL) {
		const char *v;

		if (strncmp(l, key, k) != 0 || l[k] != ':')
			continue;
		v = l + k + 1;
		while (*v == ' ')
			v++;
		snprintf(val, max, "%.*s", (int)strcspn(v, "\n"), v);
		break;
	}
	return val;
}

int
test_pdffonts_rows(char *out, test_font_row_fn *row, void *ctx)
{
	int fonts = 0;
	char *l;

	/* two header lines, then: name type... encoding emb sub uni id gen */
	l = strchr(strchr(out, '\n') + 1, '\n') + 1;
	for (char *end; *l != '\0'; l = end + 1) {
		char *tok[32];
		int n = 0;

		if ((end = strchr(l, '\n')) == NULL)
			end = l + strlen(l) - 1;
		*end = '\0';
		for (char *t = strtok(l, " "); t && n < 32;
		    t = strtok(NULL, " "))
			tok[n++] = t;
		ck_assert_int_ge(n, 7);
		ck_assert_str_eq(tok[n - 5], "yes");          /* emb */
		if (row != NULL)
			row(tok, n, ctx);
		fonts++;
	}
	return fonts;
}
