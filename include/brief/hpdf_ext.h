/*
 * hpdf_ext.h -- what brief needs from libharu beyond its public API:
 * marked content in a page's content stream, a tagged PDF's structure
 * tree, a document ID, and the repairs and subsetting of TrueType fonts
 * (fonts.c decides, this file does). hpdf_ext.c is the one place that
 * reads libharu's internal structures; it compiles only against the
 * 2.3 series, whose layout it knows.
 *
 * The structure tree: the renderer declares elements as it walks the
 * document (hpx_elem: a standard structure type, a parent, in reading
 * order), then, drawing, wraps each piece of content in a marked-
 * content sequence that belongs to one element (hpx_mc_begin/end), or
 * marks it as an artifact (page furniture that is not read). hpx_finish
 * writes the tree: StructTreeRoot with its ParentTree, /StructParents
 * on every page, /MarkInfo, /Lang, and the viewer preference to show
 * the document title.
 *
 * Ownership: struct hpx_tree is the caller's; hpx_tree_free releases
 * what it holds. The PDF objects belong to the libharu document.
 */
#ifndef BRIEF_HPDF_EXT_H
#define BRIEF_HPDF_EXT_H

#include <stddef.h>

#include <hpdf.h>

#include "brief/base.h"

/* Write raw content-stream operators on page, outside any text or path
 * object. Returns 0, or -1 with err filled. */
int hpx_content(HPDF_Page page, const char *ops, struct brief_err *err);
/* Show s[0..n) (UTF-8; codes are BMP code points, as with libharu's
 * UTF-8 encoder) in the current font, inside a text object, whatever
 * its width: HPDF_Page_ShowText writes nothing for text of no width,
 * such as a combining mark on its own. The text position stays. */
int hpx_show_codes(HPDF_Page page, const char *s, size_t n,
	struct brief_err *err);

/* ---- the structure tree --------------------------------------------- */

struct hpx_kid {
	int elem;               /* a child element, or -1 */
	int page, mcid;         /* else marked content on page (0-based) */
};

struct hpx_elem {
	const char *type;       /* "P", "H1", "LI", ... (static) */
	int parent;             /* -1: the root (Document) */
	char *alt;              /* alternate text, owned; NULL */
	HPDF_Annotation annot;  /* a Link's annotation; NULL */
	VEC(struct hpx_kid) kids;
	HPDF_Dict dict;         /* made by hpx_finish */
};

struct hpx_tree {
	VEC(struct hpx_elem) e;          /* e.v[0]: the Document */
	VEC(int) next_mcid;              /* per page: MCIDs used so far */
	VEC(struct hpx_kid) marks;       /* every MCID: its element, page
	                                  * and number */
};

/* Start a tree whose root is a Document element (index 0). */
void hpx_tree_init(struct hpx_tree *t);
void hpx_tree_free(struct hpx_tree *t);

/* A new element of type under parent (0: the Document), after its
 * other children; alt (may be NULL) its alternate text. Returns its
 * index. */
int hpx_elem(struct hpx_tree *t, int parent, const char *type,
	const char *alt);

/* A Link element under parent for the link annotation annot on page
 * (0-based page_no). Returns its index. */
int hpx_link(struct hpx_tree *t, int parent, HPDF_Annotation annot,
	int page_no);

/* Begin on page (0-based page_no) a marked-content sequence of elem,
 * tagged with its type; ends with hpx_mc_end. elem < 0: an artifact. */
int hpx_mc_begin(struct hpx_tree *t, HPDF_Page page, int page_no, int elem,
	struct brief_err *err);
int hpx_mc_end(HPDF_Page page, struct brief_err *err);

/* Write the tree into pdf, whose pages are pages[0..npages); lang (BCP
 * 47) the document's language. Returns 0, or -1 with err filled. */
int hpx_finish(struct hpx_tree *t, HPDF_Doc pdf, HPDF_Page *pages,
	size_t npages, const char *lang, struct brief_err *err);

/* ---- TrueType fonts set with the UTF-8 encoder (fonts.c) -------------- */

/* The PDF font for the TrueType font loaded as name, set with the
 * UTF-8 encoder: HPDF_GetFont without its per-code tables. libharu
 * builds /W and CIDToGIDMap for every code its encoder maps, looking
 * each one up in the cmap (about 6 ms a face); hpx_font_finish
 * rebuilds both for the codes drawn, so they are built here for one
 * code only. NULL on a libharu error. */
HPDF_Font hpx_get_font(HPDF_Doc pdf, const char *name);
/* Whether def's cmap (as libharu read it) has a glyph for cp. */
int hpx_tt_has(HPDF_FontDef def, unsigned cp);
/* The advance of cp in def, in thousandths of an em. */
int hpx_tt_width(HPDF_FontDef def, unsigned cp);
/* Whether font is a TrueType font set with the UTF-8 encoder (codes are
 * BMP code points): the only kind the repairs below apply to. */
int hpx_font_is_utf8_tt(HPDF_Font font);
/* def (which only measures from now on) takes the tagged name it is
 * embedded under, so a subset with its PostScript name loads anew. */
void hpx_def_take_tagged_name(HPDF_FontDef def);
/* Embed sub, a subset of font's file, instead of the whole file; all
 * of sub's glyphs are embedded. */
void hpx_font_use_subset(HPDF_Font font, HPDF_FontDef sub);
/* Before saving: a ToUnicode CMap mapping each code point drawn (used:
 * a bitmap of the BMP) to itself, and /W and CIDToGIDMap for those
 * code points only. Returns 0, or -1 on a libharu error. */
int hpx_font_finish(HPDF_Font font, const unsigned char *used);

/* ---- the document ID ------------------------------------------------- */

/* Add to the trailer of the PDF in out (from start) an /ID derived from
 * its bytes (PDF 1.7, 14.4): the same input, the same ID. */
int hpx_add_id(struct buf *out, size_t start);

#endif
