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

/* ---- document trees from Markdown ------------------------------------ */

static struct bnode *
S_bn(struct btree *t, cmark_node *n, enum bn_kind kind)
{
	struct bnode *bn = arena_alloc(t->a, sizeof *bn);

	bn->kind = kind;
	bn->node = n;
	cmark_node_set_user_data(n, bn);
	if (kind == BN_ITEM) {
		if (t->nitems == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 16;
			t->items = xrealloc(t->items, t->cap * sizeof *t->items);
		}
		t->items[t->nitems++] = bn;
	}
	return bn;
}

/* Length of a bracketed citation at s ("[2, 5]", "[2–5]"), 0 if none;
 * its numbers go to cite (up to 16). */
static size_t
S_cite_at(const char *s, int *cite, size_t *n)
{
	size_t i = 1;

	*n = 0;
	if (s[0] != '[')
		return 0;
	while (s[i] >= '0' && s[i] <= '9') {
		int v = 0;

		while (s[i] >= '0' && s[i] <= '9')
			v = 10 * v + (s[i++] - '0');
		if (*n < 16)
			cite[(*n)++] = v;
		if (strncmp(s + i, ", ", 2) == 0)
			i += 2;
		else if (strncmp(s + i, "\xE2\x80\x93", 3) == 0)
			i += 3;
	}
	return *n > 0 && s[i] == ']' ? i + 1 : 0;
}

/* Split the citations out of text node n into BN_CITE nodes; in a
 * summary (bs), the text before each citation is an item. */
static void
S_cites(struct btree *t, cmark_node *n, struct item *it,
	const struct brief_section *bs)
{
	char *s = xstrndup(cmark_node_get_literal(n), strlen(cmark_node_get_literal(n)));
	size_t from = 0, len = strlen(s);
	cmark_node *at = n;

	for (size_t i = 0; i < len; i++) {
		int cite[16];
		size_t nc, k = S_cite_at(s + i, cite, &nc);
		cmark_node *txt, *c;
		struct bnode *bn;
		int *keep;

		if (k == 0)
			continue;
		txt = cmark_node_new(CMARK_NODE_TEXT);
		s[i] = '\0';
		cmark_node_set_literal(txt, s + from);
		cmark_node_insert_after(at, txt);
		if (bs != NULL) {
			it = arena_alloc(t->a, sizeof *it);
			bn = S_bn(t, txt, BN_ITEM);
			bn->item = it;
			bn->bs = bs;
		}
		c = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
		cmark_node_insert_after(txt, c);
		bn = S_bn(t, c, BN_CITE);
		keep = arena_alloc(t->a, nc * sizeof *keep);
		memcpy(keep, cite, nc * sizeof *keep);
		bn->cite = keep;
		bn->ncite = nc;
		bn->item = it;
		at = c;
		from = i + k;
		i += k - 1;
	}
	if (at != n) {
		cmark_node *rest = cmark_node_new(CMARK_NODE_TEXT);

		cmark_node_set_literal(rest, s + from);
		cmark_node_insert_after(at, rest);
		cmark_node_free(n);
	}
	free(s);
}

static const char *
S_first_literal(cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_first_child(c))
		if (cmark_node_get_literal(c) != NULL)
			return cmark_node_get_literal(c);
	return "";
}

void
test_tree_md(struct btree *t, const char *md, const struct test_kind *kinds,
	size_t nkinds, const struct tl_event *ev, size_t nev)
{
	const struct brief_section *bs = NULL;
	VEC(cmark_node *) text = { 0 };
	VEC(struct item *) owner = { 0 };
	VEC(const struct brief_section *) summary = { 0 };
	size_t nextev = 0;
	int after_title = 0;

	memset(t, 0, sizeof *t);
	t->a = arena_new();
	t->doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_consolidate_text_nodes(t->doc);
	for (cmark_node *n = cmark_node_first_child(t->doc); n; n = cmark_node_next(n)) {
		cmark_node_type type = cmark_node_get_type(n);
		cmark_iter *it;
		cmark_event_type e;
		struct item *cur = NULL;

		if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 1) {
			S_bn(t, n, BN_TITLE);
			after_title = 1;
			continue;
		}
		if (type == CMARK_NODE_PARAGRAPH && after_title)
			S_bn(t, n, BN_DATELINE);
		after_title = 0;
		if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 2) {
			struct section_def *d = arena_alloc(t->a, sizeof *d);
			struct brief_section *s = arena_alloc(t->a, sizeof *s);
			const char *h = S_first_literal(n);

			d->kind = SK_FACTS;
			for (size_t k = 0; k < nkinds; k++)
				if (strcmp(h, kinds[k].heading) == 0)
					d->kind = kinds[k].kind;
			d->heading = d->id = arena_strndup(t->a, h, strlen(h));
			s->def = d;
			bs = s;
			S_bn(t, n, BN_SECTION)->bs = bs;
			continue;
		}
		if (type == CMARK_NODE_PARAGRAPH && strncmp(S_first_literal(n),
		    "Status:", 7) == 0)
			S_bn(t, n, BN_STATUS)->bs = bs;
		if (type == CMARK_NODE_LIST && bs && bs->def->kind == SK_SOURCES)
			S_bn(t, n, BN_SOURCES)->bs = bs;
		it = cmark_iter_new(n);
		while ((e = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *c = cmark_iter_get_node(it);
			cmark_node_type ct = cmark_node_get_type(c);
			int top = cmark_node_parent(c) == n ||
				(ct == CMARK_NODE_BLOCK_QUOTE && c == n);

			if (e == CMARK_EVENT_EXIT) {
				if (cur != NULL && tree_node(c) && tree_node(c)->item == cur &&
				    tree_node(c)->kind == BN_ITEM)
					cur = NULL;
				continue;
			}
			if (top && bs != NULL && (ct == CMARK_NODE_ITEM ||
			    ct == CMARK_NODE_BLOCK_QUOTE)) {
				if (bs->def->kind == SK_SOURCES && ct == CMARK_NODE_ITEM) {
					S_bn(t, c, BN_SOURCE)->bs = bs;
					continue;
				}
				cur = arena_alloc(t->a, sizeof *cur);
				if (bs->def->kind == SK_TIMELINE && nextev < nev) {
					cur->date = ev[nextev].date;
					cur->end = ev[nextev].end;
					cur->label = ev[nextev].label;
					nextev++;
				}
				struct bnode *bn = S_bn(t, c, BN_ITEM);
				bn->item = cur;
				bn->bs = bs;
			} else if (ct == CMARK_NODE_PARAGRAPH &&
			    cmark_node_get_type(cmark_node_parent(c)) == CMARK_NODE_BLOCK_QUOTE) {
				const char *f = S_first_literal(c);

				if (strncmp(f, "\xE2\x80\x9C", 3) == 0)
					S_bn(t, c, BN_QUOTATION)->item = cur;
				else if (strncmp(f, "\xE2\x80\x94", 3) == 0)
					S_bn(t, c, BN_ATTRIBUTION)->item = cur;
			} else if (ct == CMARK_NODE_TEXT) {
				int sum = bs != NULL && bs->def->kind == SK_SUMMARY &&
					tree_node(n) == NULL &&
					cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH;

				VEC_PUSH(&text, c);
				VEC_PUSH(&owner, cur);
				VEC_PUSH(&summary, sum ? bs : NULL);
			}
		}
		cmark_iter_free(it);
	}
	for (size_t k = 0; k < text.n; k++)
		S_cites(t, text.v[k], owner.v[k], summary.v[k]);
	VEC_FREE(&text);
	VEC_FREE(&owner);
	VEC_FREE(&summary);
}

int
test_pdf_md(const char *md, const struct tl_event *ev, size_t nev,
	const struct pdf_opts *o, struct buf *out, struct pdf_result *res,
	struct brief_err *err)
{
	static const struct test_kind kinds[] = {
		{ "Bottom line", SK_SUMMARY }, { "Timeline", SK_TIMELINE },
		{ "Analyst views", SK_QUOTES }, { "Sources", SK_SOURCES },
	};
	struct btree t;
	int rc;

	test_tree_md(&t, md, kinds, sizeof kinds / sizeof *kinds, ev, nev);
	rc = render_pdf(&t, o, out, res, err);
	tree_free(&t);
	return rc;
}
