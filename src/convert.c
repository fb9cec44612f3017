/*
 * convert.c -- HTML pages and Markdown with front matter as plain
 * articles (see convert.h).
 */
#include "brief/convert.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>
#include <gumbo.h>
#include <jansson.h>
#include <yaml.h>

/* ---- the form of a source ------------------------------------------- */

static int
S_ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

enum source_form
convert_form(const char *name, const char *p, size_t n)
{
	size_t i = 0;

	if (S_ends(name, ".html") || S_ends(name, ".htm"))
		return SF_HTML;
	if (S_ends(name, ".md") || S_ends(name, ".markdown"))
		return SF_MARKDOWN;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && isspace((unsigned char)p[i]))
		i++;
	if (n - i >= 9 && (strncasecmp(p + i, "<!doctype", 9) == 0 ||
	    strncasecmp(p + i, "<html", 5) == 0))
		return SF_HTML;
	return SF_TEXT;
}

/* ---- HTML ------------------------------------------------------------ */

struct hx {
	struct buf title, date, site, author, url;  /* first found wins */
	struct buf h1;             /* the article's first <h1> */
	struct buf body;           /* paragraphs, one per line */
	struct buf para;           /* the paragraph being read */
	struct buf tmp;
};

static const char *
S_attr(const GumboNode *n, const char *name)
{
	const GumboAttribute *a;

	if (n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	a = gumbo_get_attribute(&n->v.element.attributes, name);
	return a ? a->value : NULL;
}

static GumboTag
S_tag(const GumboNode *n)
{
	return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

/* Words of class, id or role values that name page furniture. */
static const char *const S_furniture_words[] = {
	"ad", "ads", "advert", "advertisement", "banner", "breadcrumb",
	"breadcrumbs", "comment", "comments", "complementary", "contentinfo",
	"cookie", "cookies", "footer", "login", "menu", "modal", "most-read",
	"mostread", "nav", "navbar", "navigation", "newsletter", "outbrain",
	"paywall", "popular", "popup", "promo", "recommended", "related",
	"search", "share", "sharing", "sidebar", "signup", "social", "sponsor",
	"sponsored", "subscribe", "subscription", "taboola", "trending",
	"widget", NULL,
};

static const char *const S_byline_words[] = { "byline", "author",
	"authors", "dateline", NULL };

/* Whether value (a class, id or role list) has one of words: words
 * split at spaces, '-' and '_' ("article-comments" has "comments"). */
static int
S_has_word(const char *value, const char *const *words)
{
	char w[48];

	if (value == NULL)
		return 0;
	for (const char *p = value; *p; ) {
		size_t k = 0;

		while (*p && !isalnum((unsigned char)*p))
			p++;
		while (*p && isalnum((unsigned char)*p)) {
			if (k + 1 < sizeof w)
				w[k++] = (char)tolower((unsigned char)*p);
			p++;
		}
		w[k] = '\0';
		for (size_t i = 0; k > 0 && words[i]; i++)
			if (strcmp(w, words[i]) == 0)
				return 1;
	}
	return 0;
}

static int
S_furniture_value(const char *value)
{
	return S_has_word(value, S_furniture_words);
}

/* Whether element n is furniture, dropped with all it holds. inside:
 * within the article chosen (its own header holds the headline). */
static int
S_furniture(const GumboNode *n, int inside)
{
	switch (S_tag(n)) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_FOOTER: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_HEAD:
		return 1;
	case GUMBO_TAG_HEADER:
		return !inside;
	default:
		break;
	}
	return S_furniture_value(S_attr(n, "class")) ||
		S_furniture_value(S_attr(n, "id")) ||
		S_furniture_value(S_attr(n, "role")) ||
		(S_attr(n, "hidden") != NULL) ||
		(S_attr(n, "aria-hidden") && strcmp(S_attr(n, "aria-hidden"), "true") == 0);
}

static int
S_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
	case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
	case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL:
	case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
	case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_BR:
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY:
		return 1;
	default:
		return 0;
	}
}

/* Append s with runs of white space as one space. */
static void
S_put_spaced(struct buf *b, const char *s)
{
	for (; *s; s++) {
		int sp = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
			*s == '\f';

		if (sp) {
			if (b->n > 0 && b->p[b->n - 1] != ' ')
				buf_putc(b, ' ');
		} else {
			buf_putc(b, *s);
		}
	}
}

/* The text under n, white space collapsed, furniture left out. */
static void
S_text(const GumboNode *n, struct buf *b)
{
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
	    n->type == GUMBO_NODE_CDATA) {
		S_put_spaced(b, n->v.text.text);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT || S_furniture(n, 1))
		return;
	for (unsigned i = 0; i < n->v.element.children.length; i++) {
		if (S_block(S_tag(n->v.element.children.data[i])))
			S_put_spaced(b, " ");
		S_text(n->v.element.children.data[i], b);
	}
}

static void
S_trim(struct buf *b)
{
	size_t i = 0;

	while (b->n > 0 && b->p[b->n - 1] == ' ')
		b->n--;
	while (i < b->n && b->p[i] == ' ')
		i++;
	if (i > 0) {
		memmove(b->p, b->p + i, b->n - i);
		b->n -= i;
	}
	buf_cstr(b);
}

/* End the paragraph being read: a line of the body. */
static void
S_flush(struct hx *h)
{
	S_trim(&h->para);
	if (h->para.n > 0 && !(h->h1.n > 0 && h->para.n == h->h1.n &&
	    memcmp(h->para.p, h->h1.p, h->h1.n) == 0)) {   /* the headline */
		buf_put(&h->body, h->para.p, h->para.n);
		buf_puts(&h->body, "\n\n");
	}
	h->para.n = 0;
}

/* Set b to s (white space collapsed) when b is still empty. */
static void
S_first(struct buf *b, const char *s)
{
	if (b->n > 0 || s == NULL)
		return;
	S_put_spaced(b, s);
	S_trim(b);
}

/* The byline without its "By ". */
static void
S_byline(struct hx *h, const char *s)
{
	struct buf t = { 0 };

	if (h->author.n > 0 || s == NULL)
		return;
	S_put_spaced(&t, s);
	S_trim(&t);
	if (t.n > 3 && strncasecmp(t.p, "by ", 3) == 0)
		S_first(&h->author, t.p + 3);
	else
		S_first(&h->author, buf_cstr(&t));
	buf_free(&t);
}

/* Read the article body under n into paragraphs. */
static void
S_body(struct hx *h, const GumboNode *n)
{
	GumboTag t = S_tag(n);

	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
		S_put_spaced(&h->para, n->v.text.text);
		return;
	}
	if (n->type == GUMBO_NODE_WHITESPACE) {
		S_put_spaced(&h->para, " ");
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT || S_furniture(n, 1))
		return;
	if (t == GUMBO_TAG_TIME && h->date.n == 0)
		S_first(&h->date, S_attr(n, "datetime"));
	if ((S_attr(n, "rel") && strcmp(S_attr(n, "rel"), "author") == 0) ||
	    (S_attr(n, "itemprop") && strcmp(S_attr(n, "itemprop"), "author") == 0)) {
		h->tmp.n = 0;
		S_text(n, &h->tmp);
		S_byline(h, buf_cstr(&h->tmp));
	}
	if (S_has_word(S_attr(n, "class"), S_byline_words)) {
		h->tmp.n = 0;
		S_text(n, &h->tmp);
		S_byline(h, buf_cstr(&h->tmp));
		return;             /* the byline is metadata, not text */
	}
	if (t == GUMBO_TAG_H1 && h->h1.n == 0) {
		h->tmp.n = 0;
		S_text(n, &h->tmp);
		S_first(&h->h1, buf_cstr(&h->tmp));
	}
	if (S_block(t))
		S_flush(h);
	for (unsigned i = 0; i < n->v.element.children.length; i++)
		S_body(h, n->v.element.children.data[i]);
	if (S_block(t))
		S_flush(h);
}

/* The JSON-LD article object in j (an object, an array or an @graph),
 * or NULL. */
static json_t *
S_ld_article(json_t *j)
{
	static const char *const types[] = { "NewsArticle", "Article",
		"ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
		"OpinionNewsArticle", NULL };
	size_t k;
	json_t *x;

	if (json_is_array(j)) {
		json_array_foreach(j, k, x)
			if ((x = S_ld_article(x)) != NULL)
				return x;
		return NULL;
	}
	if (!json_is_object(j))
		return NULL;
	if (json_object_get(j, "@graph"))
		return S_ld_article(json_object_get(j, "@graph"));
	x = json_object_get(j, "@type");
	for (size_t i = 0; types[i]; i++)
		if ((json_is_string(x) && strcmp(json_string_value(x), types[i]) == 0))
			return j;
	return NULL;
}

/* A JSON-LD name: a string, an object's "name", an array's first. */
static const char *
S_ld_name(json_t *j)
{
	if (json_is_array(j))
		j = json_array_get(j, 0);
	if (json_is_object(j))
		j = json_object_get(j, "name");
	return json_string_value(j);
}

static void
S_json_ld(struct hx *h, const GumboNode *script)
{
	struct buf t = { 0 };
	json_t *j, *a;

	for (unsigned i = 0; i < script->v.element.children.length; i++) {
		const GumboNode *c = script->v.element.children.data[i];

		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)
			buf_puts(&t, c->v.text.text);
	}
	j = json_loadb(t.p ? t.p : "", t.n, 0, NULL);
	if ((a = S_ld_article(j)) != NULL) {
		S_first(&h->title, json_string_value(json_object_get(a, "headline")));
		S_first(&h->date, json_string_value(json_object_get(a, "datePublished")));
		S_byline(h, S_ld_name(json_object_get(a, "author")));
		S_first(&h->site, S_ld_name(json_object_get(a, "publisher")));
		S_first(&h->url, json_string_value(json_object_get(a, "url")));
	}
	json_decref(j);
	buf_free(&t);
}

/* Metadata anywhere in the page: metas, canonical link, JSON-LD. */
static void
S_meta(struct hx *h, const GumboNode *n)
{
	static const char *const dates[] = { "article:published_time",
		"datePublished", "date", "pubdate", "publishdate",
		"publish-date", "dc.date", "dc.date.issued", "og:published_time",
		"sailthru.date", "parsely-pub-date", NULL };
	const char *key, *content;

	if (n->type != GUMBO_NODE_ELEMENT)
		return;
	if (S_tag(n) == GUMBO_TAG_META) {
		key = S_attr(n, "property") ? S_attr(n, "property") :
			S_attr(n, "name") ? S_attr(n, "name") : S_attr(n, "itemprop");
		content = S_attr(n, "content");
		if (key != NULL && content != NULL) {
			if (strcasecmp(key, "og:title") == 0)
				S_first(&h->title, content);
			else if (strcasecmp(key, "og:site_name") == 0 ||
			    strcasecmp(key, "application-name") == 0)
				S_first(&h->site, content);
			else if (strcasecmp(key, "author") == 0 ||
			    strcasecmp(key, "article:author") == 0)
				S_byline(h, content);
			else if (strcasecmp(key, "og:url") == 0)
				S_first(&h->url, content);
			for (size_t i = 0; dates[i]; i++)
				if (strcasecmp(key, dates[i]) == 0)
					S_first(&h->date, content);
		}
	} else if (S_tag(n) == GUMBO_TAG_LINK && S_attr(n, "rel") &&
	    strcasecmp(S_attr(n, "rel"), "canonical") == 0) {
		S_first(&h->url, S_attr(n, "href"));
	} else if (S_tag(n) == GUMBO_TAG_SCRIPT && S_attr(n, "type") &&
	    strcasecmp(S_attr(n, "type"), "application/ld+json") == 0) {
		S_json_ld(h, n);
		return;
	}
	for (unsigned i = 0; i < n->v.element.children.length; i++)
		S_meta(h, n->v.element.children.data[i]);
}

/* How much text is under n, furniture left out. */
static size_t
S_weight(const GumboNode *n)
{
	struct buf t = { 0 };
	size_t w;

	S_text(n, &t);
	w = t.n;
	buf_free(&t);
	return w;
}

/* The largest element with tag under n. */
static const GumboNode *
S_largest(const GumboNode *n, GumboTag tag, size_t *best_w)
{
	const GumboNode *best = NULL, *b;
	size_t w;

	if (n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	if (n->v.element.tag == tag && (w = S_weight(n)) > *best_w) {
		*best_w = w;
		best = n;
	}
	for (unsigned i = 0; i < n->v.element.children.length; i++)
		if ((b = S_largest(n->v.element.children.data[i], tag, best_w)) != NULL)
			best = b;
	return best;
}

static const GumboNode *
S_find(const GumboNode *n, GumboTag tag)
{
	const GumboNode *f;

	if (n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	if (n->v.element.tag == tag)
		return n;
	for (unsigned i = 0; i < n->v.element.children.length; i++)
		if ((f = S_find(n->v.element.children.data[i], tag)) != NULL)
			return f;
	return NULL;
}

/* A header line "Key: value" (a value on one line). */
static void
S_header(struct buf *out, const char *key, struct buf *v)
{
	if (v->n == 0)
		return;
	buf_printf(out, "%s: ", key);
	for (size_t i = 0; i < v->n; i++)
		buf_putc(out, v->p[i] == '\n' ? ' ' : v->p[i]);
	buf_putc(out, '\n');
}

int
convert_html(const char *name, const char *p, size_t n, struct buf *out,
	struct brief_err *err)
{
	GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, p, n);
	const GumboNode *root, *art;
	struct hx h = { 0 };
	size_t w = 0;

	if (g == NULL)
		return brief_fail(err, "ingest", name, 0, "cannot parse the HTML");
	root = g->root;
	S_meta(&h, root);
	if ((art = S_largest(root, GUMBO_TAG_ARTICLE, &w)) == NULL &&
	    (art = S_find(root, GUMBO_TAG_MAIN)) == NULL &&
	    (art = S_find(root, GUMBO_TAG_BODY)) == NULL)
		art = root;
	if (h.title.n == 0) {   /* the headline, before it is read as text */
		const GumboNode *h1 = S_find(art, GUMBO_TAG_H1);

		if (h1 != NULL) {
			S_text(h1, &h.tmp);
			S_first(&h.title, buf_cstr(&h.tmp));
		}
	}
	S_body(&h, art);
	S_flush(&h);
	if (h.title.n == 0) {
		const GumboNode *t = S_find(root, GUMBO_TAG_TITLE);

		if (t != NULL) {
			h.tmp.n = 0;
			S_text(t, &h.tmp);
			S_first(&h.title, buf_cstr(&h.tmp));
		}
	}
	/* a date-time is read for its date */
	if (h.date.n >= 10 && h.date.p[4] == '-' && h.date.p[7] == '-')
		h.date.n = 10;
	out->n = 0;
	S_header(out, "Title", &h.title);
	S_header(out, "Date", &h.date);
	S_header(out, "Source", &h.site);
	S_header(out, "Author", &h.author);
	S_header(out, "URL", &h.url);
	buf_putc(out, '\n');
	buf_put(out, h.body.p ? h.body.p : "", h.body.n);
	buf_cstr(out);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	buf_free(&h.title);
	buf_free(&h.date);
	buf_free(&h.site);
	buf_free(&h.author);
	buf_free(&h.url);
	buf_free(&h.h1);
	buf_free(&h.body);
	buf_free(&h.para);
	buf_free(&h.tmp);
	return 0;
}

/* ---- Markdown -------------------------------------------------------- */

/* The front matter's mapping of scalars into header lines. */
static int
S_front(const char *name, const char *p, size_t n, int line0,
	struct buf *out, struct brief_err *err)
{
	static const struct { const char *key, *header; } keys[] = {
		{ "title", "Title" }, { "headline", "Title" }, { "date", "Date" },
		{ "published", "Date" }, { "source", "Source" },
		{ "outlet", "Source" }, { "publisher", "Source" },
		{ "site", "Source" }, { "author", "Author" }, { "byline", "Author" },
		{ "url", "URL" }, { "link", "URL" },
	};
	yaml_parser_t y;
	yaml_document_t doc;
	yaml_node_t *root;
	int rc = 0;

	yaml_parser_initialize(&y);
	yaml_parser_set_input_string(&y, (const unsigned char *)p, n);
	if (!yaml_parser_load(&y, &doc)) {
		rc = brief_fail(err, "ingest", name, line0 + (int)y.problem_mark.line,
		    "front matter: %s", y.problem ? y.problem : "bad YAML");
		yaml_parser_delete(&y);
		return rc;
	}
	root = yaml_document_get_root_node(&doc);
	if (root != NULL && root->type != YAML_MAPPING_NODE)
		rc = brief_fail(err, "ingest", name, line0, "front matter is not a "
		    "mapping of keys to values");
	for (yaml_node_pair_t *pr = root && rc == 0 ?
	    root->data.mapping.pairs.start : NULL;
	    pr && pr < root->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(&doc, pr->value);

		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE ||
		    v->type != YAML_SCALAR_NODE)
			continue;
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
			if (strcasecmp((const char *)k->data.scalar.value, keys[i].key) == 0) {
				buf_printf(out, "%s: ", keys[i].header);
				for (size_t c = 0; c < v->data.scalar.length; c++)
					buf_putc(out, v->data.scalar.value[c] == '\n' ? ' ' :
					    v->data.scalar.value[c]);
				buf_putc(out, '\n');
				break;
			}
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&y);
	return rc;
}

/* The text of the inlines under n, markup left out. */
static void
S_md_inlines(cmark_node *n, struct buf *out)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT: case CMARK_NODE_CODE:
			buf_puts(out, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK:
			buf_putc(out, ' ');
			break;
		case CMARK_NODE_HTML_INLINE: case CMARK_NODE_IMAGE:
			break;
		default:
			S_md_inlines(c, out);
			break;
		}
	}
}

int
convert_markdown(const char *name, const char *p, size_t n, struct buf *out,
	struct brief_err *err)
{
	size_t body = 0;
	int line = 1;
	cmark_node *doc;
	cmark_iter *it;
	cmark_event_type ev;

	out->n = 0;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, n -= 3;
	if ((n >= 4 && memcmp(p, "---\n", 4) == 0) ||
	    (n >= 5 && memcmp(p, "---\r\n", 5) == 0)) {
		const char *q = p + 3;

		while ((q = memchr(q, '\n', (size_t)(p + n - q))) != NULL) {
			q++;
			line++;
			if ((size_t)(p + n - q) >= 3 && (memcmp(q, "---", 3) == 0 ||
			    memcmp(q, "...", 3) == 0) && (q + 3 == p + n || q[3] == '\n' ||
			    q[3] == '\r')) {
				const char *fm = (const char *)memchr(p, '\n', n) + 1;

				if (S_front(name, fm, (size_t)(q - fm), 2, out, err) != 0)
					return -1;
				body = (size_t)(q - p) + 3;
				break;
			}
		}
	}
	buf_putc(out, '\n');
	doc = cmark_parse_document(p + body, n - body, CMARK_OPT_DEFAULT);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
			size_t at = out->n;

			S_md_inlines(c, out);
			for (size_t i = at; i < out->n; i++)
				if (out->p[i] == '\n')
					out->p[i] = ' ';
			if (out->n > at)
				buf_puts(out, "\n\n");
			cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
		} else if (t == CMARK_NODE_CODE_BLOCK) {
			buf_puts(out, cmark_node_get_literal(c));
			buf_putc(out, '\n');
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	buf_cstr(out);
	return 0;
}
