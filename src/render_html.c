/*
 * render_html.c -- the document tree as a standalone HTML page.
 *
 * cmark writes the body (CMARK_OPT_DEFAULT: raw HTML and unsafe URLs
 * are left out). Before that, the custom nodes get their HTML: each
 * section becomes a <section> of its kind, a run of the sections the
 * page sets in two columns is wrapped in one <div class="cols">, each
 * citation links its numbers to the sources' entries, and each source
 * entry carries the anchor they link to. All of that text is made
 * here from numbers and fixed names, never from source text.
 */
#include "brief/render_html.h"
#include "brief/style.h"

#include <stdlib.h>
#include <string.h>

/* Screen first; in print, A4 with the type a little smaller, so the
 * brief that fits the PDF's page fits the printed one. */
static const char S_css[] =
	"*{box-sizing:border-box}\n"
	"body{margin:0;background:#fff;color:var(--ink);"
	"font:15px/1.45 'Noto Serif',Georgia,serif}\n"
	"main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 2rem;"
	"border-top:.5rem solid var(--navy)}\n"
	"h1,h2,h3{font-family:'Noto Sans',Helvetica,Arial,sans-serif;"
	"color:var(--navy);line-height:1.2}\n"
	"h1{font-size:1.75rem;margin:.4rem 0 .2rem}\n"
	"main>h1+p{color:var(--soft);margin:0 0 1rem;padding-bottom:.6rem;"
	"border-bottom:1px solid var(--navy);font-size:.95em}\n"
	"h2{font-size:1rem;margin:1.1rem 0 .35rem}\n"
	"section.summary{background:var(--tint);border-left:.3rem solid "
	"var(--navy);padding:.2rem 1rem .4rem;margin:0 0 .8rem}\n"
	"section.summary h2{margin-top:.6rem}\n"
	".cols{column-count:2;column-gap:2rem}\n"
	".cols h2{break-after:avoid}\n"
	".cols section:first-child h2{margin-top:0}\n"
	"ul,ol{margin:.2rem 0 .6rem;padding-left:1.2rem}\n"
	"li{margin:.15rem 0;break-inside:avoid}\n"
	"li p,blockquote p{margin:0}\n"
	"blockquote{margin:.5rem 0;padding-left:.8rem;border-left:2px solid "
	"var(--quote);break-inside:avoid}\n"
	"blockquote p:first-child{font-style:italic}\n"
	"blockquote p+p{color:var(--soft);font-size:.9em;margin-top:.15rem}\n"
	"blockquote p+p em{font-style:italic}\n"
	"a{color:var(--link)}\n"
	"a.cite{color:var(--cite);text-decoration:none}\n"
	"a.cite:hover{text-decoration:underline}\n"
	".cite-group{color:var(--cite);font-size:var(--cite-scale);"
	"font-family:'Noto Sans',Helvetica,Arial,sans-serif;white-space:nowrap}\n"
	"section.sources{border-top:1px solid var(--rule);margin-top:1rem;"
	"font-size:.85em}\n"
	"section.sources ol{column-count:2;column-gap:2rem}\n"
	"section.sources code{font-size:.95em}\n"
	":target{background:#fff3c4}\n"
	"mark.new{background:none;color:var(--new);font:bold .72em 'Noto Sans',"
	"Helvetica,Arial,sans-serif;text-transform:uppercase;"
	"letter-spacing:.04em}\n"
	"@media (max-width:40rem){.cols,section.sources ol{column-count:1}}\n"
	"@page{size:A4;margin:12mm}\n"
	"@media print{body{font-size:8.2pt;line-height:1.3}"
	"main{max-width:none;padding:0;border-top-width:3pt}"
	"h1{font-size:15pt}h2{font-size:8.6pt;margin:.6rem 0 .2rem}"
	"a{color:inherit;text-decoration:none}"
	".cols{column-gap:1.2rem}"
	"blockquote{margin:.3rem 0}}\n";

static void
S_html_escape(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_putc(out, *s); break;
		}
	}
}

static void
S_cite_num(struct buf *out, int id, void *ctx)
{
	(void)ctx;
	buf_printf(out, "<a class=\"cite\" href=\"#src-%d\">%d</a>", id, id);
}

/* Whether the page sets a section of this kind in the two columns. */
static int
S_in_columns(const struct bnode *bn)
{
	return bn != NULL && bn->kind == BN_PART && bn->bs != NULL &&
		bn->bs->def->kind != SK_SUMMARY && bn->bs->def->kind != SK_SOURCES;
}

/* The HTML of the custom nodes. */
static void
S_marks(struct btree *t)
{
	cmark_iter *it = cmark_iter_new(t->doc);
	cmark_event_type ev;
	struct buf b = { 0 }, e = { 0 };

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		struct bnode *bn = tree_node(n);

		if (ev != CMARK_EVENT_ENTER || bn == NULL)
			continue;
		b.n = e.n = 0;
		if (bn->kind == BN_CITE) {
			buf_puts(&b, "<span class=\"cite-group\">");
			tree_cite_text(&b, bn->cite, bn->ncite, S_cite_num, NULL);
			buf_puts(&b, "</span>");
		} else if (bn->kind == BN_NEW) {
			buf_puts(&b, "<mark class=\"new\">new</mark> ");
		} else if (bn->kind == BN_ANCHOR && bn->src != NULL) {
			buf_printf(&b, "<span id=\"src-%d\"></span>", bn->src->id);
		} else if (bn->kind == BN_PART && bn->bs != NULL) {
			struct bnode *prev = tree_node(cmark_node_previous(n));
			struct bnode *next = tree_node(cmark_node_next(n));
			int cols = S_in_columns(bn);

			if (cols && !S_in_columns(prev))
				buf_puts(&b, "<div class=\"cols\">\n");
			buf_printf(&b, "<section class=\"%s\">",
			    tree_kind_name((int)bn->bs->def->kind));
			buf_puts(&e, "</section>");
			if (cols && !S_in_columns(next))
				buf_puts(&e, "\n</div>");
		} else {
			continue;
		}
		cmark_node_set_on_enter(n, buf_cstr(&b));
		cmark_node_set_on_exit(n, buf_cstr(&e));
	}
	cmark_iter_free(it);
	buf_free(&b);
	buf_free(&e);
}

void
render_html(struct btree *t, const char *title, const char *lang,
	struct buf *out)
{
	char *body;

	S_marks(t);
	body = cmark_render_html(t->doc, CMARK_OPT_DEFAULT);
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	S_html_escape(out, lang && *lang ? lang : "en");
	buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<meta name=\"generator\" content=\"brief "
	    BRIEF_VERSION "\">\n<title>");
	S_html_escape(out, title ? title : "");
	buf_puts(out, "</title>\n<style>\n");
	/* the page's palette (style.h) */
	buf_printf(out, ":root{--ink:#%06x;--navy:#%06x;--soft:#%06x;"
	    "--rule:#%06x;--tint:#%06x;--link:#%06x;--quote:#%06x;"
	    "--cite:#%06x;--cite-scale:%.2fem;--new:#%06x}\n", STYLE_INK,
	    STYLE_NAVY, STYLE_SOFT_INK, STYLE_RULE_INK, STYLE_BOX_TINT,
	    STYLE_LINK_INK, STYLE_QUOTE_INK, STYLE_CITE_INK, STYLE_CITE_SCALE,
	    STYLE_NEW_INK);
	buf_puts(out, S_css);
	buf_puts(out, "</style>\n</head>\n<body>\n<main>\n");
	buf_puts(out, body);
	buf_puts(out, "</main>\n</body>\n</html>\n");
	free(body);
	tree_plain_marks(t);
}
