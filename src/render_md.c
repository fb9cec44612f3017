/*
 * render_md.c -- fill the template's Markdown skeleton with the brief.
 *
 * Placeholders: {{title}}, {{dateline}}, {{as_of}}, {{nsources}},
 * {{section ID}} (heading and items of one section) and {{sections}}
 * (every section the skeleton does not place itself, in template order).
 * Unknown placeholders are left as they are.
 */
#include "brief/render_md.h"

#include <ctype.h>
#include <string.h>

#define TITLE_WORDS 9   /* a source's title in the list, at most */
#define TITLE_BYTES 90  /* and at most this many bytes */

/* ---- escaping ----------------------------------------------------- */

void
md_escape(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	/* Line-start syntax: headings, lists, quotes, thematic breaks. */
	if (n > 0 && strchr("#+-=>", s[0]) != NULL && s[0] != '\0') {
		buf_putc(out, '\\');
		buf_putc(out, s[0]);
		i = 1;
	} else {
		size_t d = 0;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > 0 && d < n && (s[d] == '.' || s[d] == ')')) {
			buf_put(out, s, d);
			buf_putc(out, '\\');
			i = d;
		}
	}
	for (; i < n; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r') {
			buf_putc(out, ' ');
			continue;
		}
		if (c == '&') {   /* only where it could start an entity */
			if (i + 1 < n && (s[i + 1] == '#' || isalnum((unsigned char)s[i + 1])))
				buf_putc(out, '\\');
		} else if (strchr("\\`*_[]<>!~|", c) != NULL && c != '\0') {
			buf_putc(out, '\\');
		}
		buf_putc(out, c);
	}
}

static void
S_esc_slice(struct buf *out, struct slice s)
{
	md_escape(out, s.p, s.n);
}

/* ---- pieces ------------------------------------------------------- */

/* Citations, compact: "[2]", "[2, 5]", "[2–5, 9]"; past five numbers
 * shown (a range shows two) the rest are counted: "[1–5, 7, 9 +4]". The
 * numbers come sorted. */
static void
S_cite_group(struct buf *out, const int *cite, size_t n)
{
	size_t i = 0, shown = 0;
	buf_putc(out, '[');
	while (i < n && shown < 5) {
		size_t j = i;
		while (j + 1 < n && cite[j + 1] == cite[j] + 1)
			j++;
		if (i > 0)
			buf_puts(out, ", ");
		if (j - i >= 2) {
			buf_printf(out, "%d\xE2\x80\x93%d", cite[i], cite[j]);
			shown += 2;
			i = j + 1;
		} else {
			buf_printf(out, "%d", cite[i]);
			shown++;
			i++;
		}
	}
	if (i < n)
		buf_printf(out, " +%zu", n - i);
	buf_putc(out, ']');
}

static void
S_cites(struct buf *out, const struct item *it)
{
	if (it->ncite == 0)
		return;
	buf_putc(out, ' ');
	S_cite_group(out, it->cite, it->ncite);
}

/* "18 Feb 2025", "4–5 Dec 2025", "30 Nov – 2 Dec 2025". */
static void
S_date(struct buf *out, const struct item *it)
{
	const struct bdate *a = &it->date, *e = &it->end;
	int range = e->prec == DP_DAY && a->prec == DP_DAY && bdate_cmp(a, e) != 0;
	if (!range) {
		bdate_format(out, a);
		return;
	}
	if (a->y == e->y && a->m == e->m) {
		buf_printf(out, "%d\xE2\x80\x93", a->d);
		bdate_format(out, e);
	} else {
		bdate_format(out, a);
		buf_puts(out, " \xE2\x80\x93 ");
		bdate_format(out, e);
	}
}

/* Drop a trailing comma a quote carried from its sentence ("…,” he said). */
static struct slice
S_quote_words(struct slice s)
{
	s = slice_trim(s);
	while (s.n > 0 && (s.p[s.n - 1] == ',' || s.p[s.n - 1] == ' '))
		s.n--;
	return s;
}

/* The word just before the outlet in the source: "told Sputnik" ->
 * "to", "during the plenary session" -> "during". */
static const char *
S_outlet_prep(const struct corpus *c, const struct view *v)
{
	const char *text = c->doc[v->doc].text, *p = v->outlet.p;
	size_t back = (size_t)(p - text);
	static const struct { const char *word, *prep; } preps[] = {
		{ "told ", "to" }, { "during ", "during" }, { "at ", "at" },
		{ "in ", "in" }, { "to ", "to" }, { "interview with ", "to" },
		{ "with ", "with" },
		{ "on ", "on" },
	};
	for (size_t k = 0; k < sizeof preps / sizeof *preps; k++) {
		size_t m = strlen(preps[k].word);
		if (back >= m && memcmp(p - m, preps[k].word, m) == 0)
			return preps[k].prep;
	}
	return "in";
}

/* "— *Name*, role, to Outlet" */
static void
S_attribution(struct buf *out, const struct corpus *c, const struct view *v)
{
	buf_puts(out, "\xE2\x80\x94 *");
	S_esc_slice(out, v->speaker);
	buf_putc(out, '*');
	if (v->role.n > 0) {
		buf_puts(out, ", ");
		S_esc_slice(out, v->role);
	}
	if (v->outlet.n > 0) {
		buf_printf(out, ", %s ", S_outlet_prep(c, v));
		S_esc_slice(out, v->outlet);
	}
}

/* A view is a block quote: the words, then the attribution on a line of
 * its own with the citations.
 *
 *   > “The agreement aims …”
 *   >
 *   > — *Alexey Kupriyanov*, Head of …, to Sputnik [1]
 *
 * Reported speech keeps its own sentence, and the attribution line too:
 * every view says who, in what role, where. */
static void
S_view_item(struct buf *out, const struct brief *b, const struct item *it)
{
	const struct view *v = it->view;
	buf_puts(out, "> ");
	if (v->flags & VIEW_QUOTE) {
		buf_puts(out, "\xE2\x80\x9C");
		S_esc_slice(out, S_quote_words(it->text));
		buf_puts(out, "\xE2\x80\x9D\n>\n> ");
		S_attribution(out, b->c, v);
	} else {
		S_esc_slice(out, it->text);
		buf_puts(out, "\n>\n> ");
		S_attribution(out, b->c, v);
	}
	S_cites(out, it);
	buf_puts(out, "\n\n");
}

/* A source's title, or its first words, cut to max_words words (and
 * max_bytes bytes). */
static void
S_source_title_cut(struct buf *out, const struct doc *d, size_t max_words,
	size_t max_bytes)
{
	struct slice t = d->title;
	if (t.n == 0 && d->npara > 0)
		t = (struct slice){ d->text + d->para[0].off, d->para[0].len };
	size_t words = 0, i = 0;
	while (i < t.n && words < max_words) {
		while (i < t.n && t.p[i] != ' ')
			i++;
		words++;
		if (i < t.n)
			i++;
	}
	if (i > max_bytes) {   /* one huge "word": cut on a character boundary */
		i = max_bytes;
		while (i > 0 && ((unsigned char)t.p[i] & 0xC0) == 0x80)
			i--;
	}
	struct slice cut = slice_trim((struct slice){ t.p, i });
	while (cut.n > 0 && strchr(",;:", cut.p[cut.n - 1]))
		cut.n--;   /* no dangling punctuation before the ellipsis */
	S_esc_slice(out, cut);
	if (i < t.n)
		buf_puts(out, "\xE2\x80\xA6");
}

static void
S_source_title(struct buf *out, const struct doc *d)
{
	S_source_title_cut(out, d, TITLE_WORDS, TITLE_BYTES);
}

/* s as a CommonMark code span: fenced with more backticks than any run
 * inside it, padded when it starts or ends with one, so nothing in a
 * file name can close the span early. */
static void
S_code_span(struct buf *out, const char *s)
{
	size_t run = 0, longest = 0, n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	int pad = n > 0 && (s[0] == '`' || s[n - 1] == '`');
	for (size_t k = 0; k <= longest; k++)
		buf_putc(out, '`');
	if (pad)
		buf_putc(out, ' ');
	for (size_t i = 0; i < n; i++)
		buf_putc(out, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
	if (pad)
		buf_putc(out, ' ');
	for (size_t k = 0; k <= longest; k++)
		buf_putc(out, '`');
}

/* An http(s) URL that a CommonMark autolink carries verbatim: no
 * spaces, controls, angle brackets or backslashes. */
static int
S_safe_url(struct slice u)
{
	if (!(u.n > 8 && (memcmp(u.p, "https://", 8) == 0 ||
	    memcmp(u.p, "http://", 7) == 0)) || u.n > 2000)
		return 0;
	for (size_t i = 0; i < u.n; i++) {
		unsigned char c = (unsigned char)u.p[i];
		if (c <= ' ' || c == '<' || c == '>' || c == '\\' || c == 0x7F)
			return 0;
	}
	return 1;
}

/* Where a source comes from, for the page: its outlet, else its URL's
 * host, else its file name without the extension. */
static void
S_source_outlet(struct buf *out, const struct doc *d)
{
	if (d->outlet.n > 0) {
		S_esc_slice(out, d->outlet);
		return;
	}
	struct slice u = d->url;
	const char *p = u.n ? memchr(u.p, ':', u.n) : NULL;
	if (p != NULL && (size_t)(u.p + u.n - p) > 3 && p[1] == '/' && p[2] == '/') {
		const char *h = p + 3, *e = h;
		while (e < u.p + u.n && *e != '/' && *e != ':' && *e != '?')
			e++;
		if (e - h > 4 && strncmp(h, "www.", 4) == 0)
			h += 4;
		if (e > h) {
			S_esc_slice(out, (struct slice){ h, (size_t)(e - h) });
			return;
		}
	}
	const char *dot = strrchr(d->name, '.');
	size_t n = dot && dot > d->name ? (size_t)(dot - d->name) : strlen(d->name);
	if (n > 16) {   /* a long file name: its head */
		n = 14;
		while (n > 0 && ((unsigned char)d->name[n] & 0xC0) == 0x80)
			n--;
		S_esc_slice(out, (struct slice){ d->name, n });
		buf_puts(out, "\xE2\x80\xA6");
		return;
	}
	S_esc_slice(out, (struct slice){ d->name, n });
}

/* Per source id (1..ndoc): is it cited by an item still on the page or
 * by the status line? One pass over the citations; caller frees. */
static unsigned char *
S_cited_ids(const struct brief *b)
{
	size_t nd = b->c->ndoc;
	unsigned char *cited = xcalloc(nd + 1, 1);
	for (size_t k = 0; k < b->nsec; k++)
		for (size_t j = 0; j < b->sec[k].n; j++) {
			const struct item *it = &b->sec[k].item[j];
			for (size_t q = 0; !it->dropped && q < it->ncite; q++)
				if (it->cite[q] >= 1 && (size_t)it->cite[q] <= nd)
					cited[it->cite[q]] = 1;
		}
	const struct status_note *st = &b->status;
	for (size_t g = 0; st->stage >= 0 && g <= (size_t)st->stage && g < st->nstages; g++)
		for (size_t q = 0; q < st->stages[g].ncite; q++)
			if (st->stages[g].cite[q] >= 1 && (size_t)st->stages[g].cite[q] <= nd)
				cited[st->stages[g].cite[q]] = 1;
	return cited;
}

/* The page's source list: short entries; past MD_PAGE_SOURCES sources,
 * only the cited ones (at most MD_PAGE_CITED), and a count of the rest. */
static void
S_sources_page(struct buf *out, const struct brief *b)
{
	const struct corpus *c = b->c;
	size_t cap = b->page_sources > 0 ? (size_t)b->page_sources : MD_PAGE_CITED;
	int all = c->ndoc <= MD_PAGE_SOURCES && c->ndoc <= cap;
	unsigned char *cited = all ? NULL : S_cited_ids(b);
	size_t shown = 0;
	for (size_t k = 0; k < c->ndoc; k++) {
		const struct doc *d = &c->doc[k];
		if (!all && (shown >= cap || d->id < 1 || (size_t)d->id > c->ndoc ||
		    !cited[d->id]))
			continue;
		buf_printf(out, "%d. ", d->id);
		S_source_outlet(out, d);
		buf_puts(out, ", ");
		if (d->date.prec != DP_NONE)
			bdate_format(out, &d->date);
		else
			buf_puts(out, "undated");
		buf_puts(out, ": ");
		S_source_title_cut(out, d, 5, 34);
		buf_putc(out, '\n');
		shown++;
	}
	free(cited);
	if (shown < c->ndoc)
		buf_printf(out, "\nAnd %zu further source%s, listed in brief.md.\n",
		    c->ndoc - shown, c->ndoc - shown == 1 ? "" : "s");
}

static void
S_sources(struct buf *out, const struct brief *b)
{
	const struct corpus *c = b->c;
	for (size_t k = 0; k < c->ndoc; k++) {
		const struct doc *d = &c->doc[k];
		buf_printf(out, "%d. ", d->id);
		S_source_title(out, d);
		buf_puts(out, " \xE2\x80\x94 ");
		S_code_span(out, d->name);
		if (d->outlet.n > 0) {
			buf_puts(out, ", ");
			S_esc_slice(out, d->outlet);
		}
		buf_puts(out, ", ");
		if (d->date.prec != DP_NONE)
			bdate_format(out, &d->date);
		else
			buf_puts(out, "undated");
		if (S_safe_url(d->url)) {   /* an autolink: clickable in the PDF */
			buf_puts(out, ", <");
			buf_put(out, d->url.p, d->url.n);
			buf_putc(out, '>');
		}
		buf_putc(out, '\n');
	}
}

static void
S_cite_list(struct buf *out, const int *cite, size_t n)
{
	if (n > 0)
		S_cite_group(out, cite, n);
}

/* "Status: signed 18 Feb 2025 [2][5] → ratified [4][5]. Earlier
 * reporting [2] still had it to come." */
static void
S_status(struct buf *out, const struct status_note *st)
{
	int any = 0;
	if (st->stage < 0 || (size_t)st->stage >= st->nstages ||
	    st->stages[st->stage].ncite == 0)
		return;
	buf_puts(out, "**Status:** ");
	for (size_t g = 0; g <= (size_t)st->stage && g < st->nstages; g++) {
		const struct stage_note *sn = &st->stages[g];
		if (sn->ncite == 0)
			continue;
		if (any)
			buf_puts(out, " \xE2\x86\x92 ");   /* → */
		md_escape(out, sn->name, strlen(sn->name));
		/* earlier stages' dates are the timeline's; the latest's is news */
		if (sn->when.prec != DP_NONE && g == (size_t)st->stage) {
			buf_putc(out, ' ');
			bdate_format(out, &sn->when);
		}
		buf_putc(out, ' ');
		S_cite_list(out, sn->cite, sn->ncite);
		any = 1;
	}
	buf_putc(out, '.');
	if (st->nstale > 0) {
		buf_puts(out, " Earlier reports ");
		S_cite_list(out, st->stale, st->nstale);
		buf_puts(out, " still had this stage to come.");
	}
	if (st->contradicted >= 0 && (size_t)st->contradicted < st->nstages &&
	    st->nlater > 0) {
		const struct stage_note *sn = &st->stages[st->contradicted];
		buf_puts(out, " Reports that it was ");
		md_escape(out, sn->name, strlen(sn->name));
		buf_putc(out, ' ');
		S_cite_list(out, sn->cite, sn->ncite);
		buf_puts(out, " are older than reports ");
		S_cite_list(out, st->later, st->nlater);
		buf_puts(out, " that it is still to come.");
	}
	buf_puts(out, "\n\n");
}

static size_t
S_alive(const struct brief_section *bs)
{
	size_t n = 0;
	for (size_t j = 0; j < bs->n; j++)
		n += !bs->item[j].dropped;
	return n;
}

static void
S_section(struct buf *out, const struct brief *b, const struct brief_section *bs,
	enum md_sources mode)
{
	const struct section_def *d = bs->def;
	if (d->kind != SK_SOURCES && S_alive(bs) == 0)
		return;
	buf_puts(out, "## ");
	md_escape(out, d->heading, strlen(d->heading));
	buf_puts(out, "\n\n");
	for (size_t j = 0; j < bs->n; j++) {
		const struct item *it = &bs->item[j];
		if (it->dropped)
			continue;
		switch (d->kind) {
		case SK_SUMMARY:
			if (out->n > 0 && out->p[out->n - 1] != '\n')
				buf_putc(out, ' ');
			S_esc_slice(out, it->text);
			S_cites(out, it);
			break;
		case SK_TIMELINE:
			buf_puts(out, "- **");
			S_date(out, it);
			buf_puts(out, "** \xE2\x80\x94 ");
			S_esc_slice(out, it->text);
			S_cites(out, it);
			buf_putc(out, '\n');
			break;
		case SK_QUOTES:
			S_view_item(out, b, it);
			break;
		default:
			buf_puts(out, "- ");
			S_esc_slice(out, it->text);
			S_cites(out, it);
			buf_putc(out, '\n');
			break;
		}
	}
	if (d->kind == SK_SOURCES && mode == MD_SOURCES_PAGE)
		S_sources_page(out, b);
	else if (d->kind == SK_SOURCES)
		S_sources(out, b);
	if (d->kind == SK_SUMMARY) {
		buf_puts(out, "\n\n");
		S_status(out, &b->status);
	}
	buf_putc(out, '\n');
}

/* ---- skeleton ----------------------------------------------------- */

static void
S_dateline(struct buf *out, const struct brief *b)
{
	size_t undated = 0;
	for (size_t k = 0; k < b->c->ndoc; k++)
		undated += b->c->doc[k].date.prec == DP_NONE;
	if (b->as_of.prec == DP_NONE) {
		buf_puts(out, "Sources undated");
	} else {
		buf_puts(out, "As of ");
		bdate_format(out, &b->as_of);
	}
	buf_printf(out, " \xC2\xB7 %zu source%s", b->c->ndoc, b->c->ndoc == 1 ? "" : "s");
	if (undated > 0 && b->as_of.prec != DP_NONE)
		buf_printf(out, " (%zu undated)", undated);
	if (b->latest.prec != DP_NONE && b->latest.y != 0 &&
	    bdate_cmp(&b->latest, &b->as_of) != 0) {
		buf_puts(out, " \xC2\xB7 newest source ");
		bdate_format(out, &b->latest);
	}
}

static int
S_placed(const char *skel, const char *id)
{
	char key[160];
	snprintf(key, sizeof key, "{{section %s}}", id);
	return strstr(skel, key) != NULL;
}

static void
S_placeholder(struct buf *out, const struct brief *b, struct slice name,
	enum md_sources mode)
{
	const struct template *t = b->t;
	if (slice_eq(name, "title")) {
		md_escape(out, t->title, strlen(t->title));
	} else if (slice_eq(name, "dateline")) {
		S_dateline(out, b);
	} else if (slice_eq(name, "as_of")) {
		if (b->as_of.prec == DP_NONE)
			buf_puts(out, "undated");
		else
			bdate_format(out, &b->as_of);
	} else if (slice_eq(name, "nsources")) {
		buf_printf(out, "%zu", b->c->ndoc);
	} else if (slice_eq(name, "sections")) {
		for (size_t k = 0; k < b->nsec; k++)
			if (!S_placed(t->skeleton, b->sec[k].def->id))
				S_section(out, b, &b->sec[k], mode);
	} else if (name.n > 8 && memcmp(name.p, "section ", 8) == 0) {
		struct slice id = slice_trim((struct slice){ name.p + 8, name.n - 8 });
		for (size_t k = 0; k < b->nsec; k++)
			if (slice_eq(id, b->sec[k].def->id))
				S_section(out, b, &b->sec[k], mode);
	} else {
		buf_puts(out, "{{");
		buf_put(out, name.p, name.n);
		buf_puts(out, "}}");
	}
}

void
render_md(const struct brief *b, struct buf *out)
{
	render_md_as(b, MD_SOURCES_FULL, out);
}

void
render_md_as(const struct brief *b, enum md_sources mode, struct buf *out)
{
	const char *s = b->t->skeleton;
	size_t start = out->n;
	while (*s) {
		const char *open = strstr(s, "{{");
		const char *close = open ? strstr(open + 2, "}}") : NULL;
		if (open == NULL || close == NULL) {
			buf_puts(out, s);
			break;
		}
		buf_put(out, s, (size_t)(open - s));
		S_placeholder(out, b, slice_trim((struct slice){ open + 2,
		    (size_t)(close - open - 2) }), mode);
		s = close + 2;
	}
	/* no runs of blank lines; one trailing newline */
	size_t w = start;
	for (size_t r = start; r < out->n; r++) {
		if (out->p[r] == '\n' && w >= start + 2 && out->p[w - 1] == '\n' &&
		    out->p[w - 2] == '\n')
			continue;
		out->p[w++] = out->p[r];
	}
	out->n = w;
	while (out->n > start && out->p[out->n - 1] == '\n')
		out->n--;
	buf_putc(out, '\n');
}
