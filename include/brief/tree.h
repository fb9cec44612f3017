/*
 * tree.h -- the brief as one document tree, which every output renders.
 *
 * Selection's result becomes a cmark document: headings, paragraphs,
 * lists, block quotes, emphasis, links and code spans, built node by
 * node (never parsed from generated Markdown). Every node that stands
 * for part of the brief carries a struct bnode as its cmark user data:
 * the title, the dateline, a section's heading, an item, a view's
 * words and attribution, a timeline date, the status line, a source,
 * a citation. Renderers take kinds, items and sources from the nodes,
 * never from the text:
 *
 *   render_md    cmark's CommonMark renderer
 *   render_html  cmark's HTML renderer, raw HTML off
 *   render_json  a walk over the item nodes
 *   render_pdf   a walk that typesets the nodes
 *
 * Citations are custom inline nodes (BN_CITE) with no children: each
 * renderer sets their on_enter text to its own form ("[2, 5]" in
 * Markdown, links to the sources in HTML). A source entry opens with
 * a custom inline anchor (BN_ANCHOR), and each section is a custom
 * block (BN_PART); both are empty except in HTML. An item new since the
 * previous edition opens with a custom inline tag (BN_NEW): "**new**"
 * in Markdown, a small tag on the page.
 *
 * The dateline counts the new items ("3 new since 2 Dec 2025"), and a
 * status that moved since then says what it was ("(was: signed)").
 *
 * The Markdown skeleton of the template is parsed with cmark and its
 * placeholders filled in place: {{title}}, {{dateline}}, {{as_of}},
 * {{nsources}} in text; a paragraph that is only {{sections}} or
 * {{section ID}} becomes those sections. Unknown placeholders stay.
 *
 * Ownership: struct btree owns the cmark document and every bnode
 * (its arena); tree_free() releases both. The brief must outlive it.
 */
#ifndef BRIEF_TREE_H
#define BRIEF_TREE_H

#include <cmark.h>

#include "brief/base.h"
#include "brief/select.h"

enum bn_kind {
	BN_NONE = 0,
	BN_TITLE,          /* block: the brief's title */
	BN_DATELINE,       /* block: as-of date and source count */
	BN_PART,           /* custom block: a whole section (bs), its
	                    * heading first */
	BN_SECTION,        /* heading: a section's (bs) */
	BN_ITEM,           /* an item (item): a list item, a view's block
	                    * quote, or a summary sentence's text node */
	BN_DATE,           /* strong: a timeline item's date */
	BN_QUOTATION,      /* paragraph: a view's words, in quotation marks */
	BN_REPORTED,       /* paragraph: a view in the reporter's words */
	BN_ATTRIBUTION,    /* paragraph: who said it, in what role, where */
	BN_STATUS,         /* paragraph: the stages the agreement reached */
	BN_SOURCES,        /* list: (a run of) the source list */
	BN_SOURCE,         /* list item: one source (src) */
	BN_MORE,           /* paragraph: the sources the page leaves out */
	BN_CITE,           /* custom inline: citations (cite, ncite) */
	BN_NEW,            /* custom inline: the item (item) is new since
	                    * the previous edition */
	BN_ANCHOR          /* custom inline: where source src's entry starts */
};

struct bnode {
	enum bn_kind kind;
	cmark_node *node;                 /* the node it is attached to */
	const struct brief_section *bs;   /* its section; NULL outside one */
	struct item *item;                /* BN_ITEM and the nodes inside
	                                   * an item; NULL otherwise */
	const struct doc *src;            /* BN_SOURCE, BN_ANCHOR */
	const int *cite;                  /* BN_CITE: source ids, ascending */
	size_t ncite;
	double height;                    /* BN_ITEM: the column points the
	                                   * PDF layout measured for it */
};

/* How the source list is written. */
enum tree_sources {
	TREE_SOURCES_FULL = 0,  /* every source: title, file, outlet, date,
	                         * URL (brief.md, brief.json) */
	TREE_SOURCES_PAGE       /* for the page: "Outlet, date: short title",
	                         * numbered by source id; past
	                         * TREE_PAGE_SOURCES sources only those the
	                         * brief cites (at most b->page_sources), then
	                         * how many are left out */
};

/* Sources the page lists in full; more, and it lists the cited ones. */
#define TREE_PAGE_SOURCES 12
/* Cited sources the page lists at most (struct brief.page_sources can
 * lower it to fit the page), and never fewer than TREE_PAGE_MIN. */
#define TREE_PAGE_CITED 24
#define TREE_PAGE_MIN 2

struct btree {
	cmark_node *doc;
	struct arena *a;
	struct bnode **items;      /* the BN_ITEM nodes, in document order */
	size_t nitems;
	size_t cap;
};

/* Build the tree of b's items still on the page. */
void tree_build(const struct brief *b, enum tree_sources mode,
	struct btree *t);
void tree_free(struct btree *t);

/* The bnode of n; NULL for a node that is only structure or
 * skeleton text. */
struct bnode *tree_node(cmark_node *n);

/* The bnode of n or of its nearest ancestor that has one; NULL. */
struct bnode *tree_owner(cmark_node *n);

/* The compact citation text: "[2]", "[2, 5]", "[2–5, 9 +4]" (past five
 * numbers shown, a range showing two, the rest are counted). Each
 * number shown is written by num (NULL: as digits). */
typedef void tree_num_fn(struct buf *out, int id, void *ctx);
void tree_cite_text(struct buf *out, const int *cite, size_t n,
	tree_num_fn *num, void *ctx);

/* Set the text of every BN_CITE node to the compact form, every BN_NEW
 * to "**new** ", and every BN_ANCHOR and BN_PART to nothing: the tree
 * as plain Markdown writes it. */
void tree_plain_marks(struct btree *t);

/* The name of a section kind: "summary", "facts", "timeline", "views",
 * "sources". */
const char *tree_kind_name(int kind);

#endif
