/*
 * hpdf_ext.c -- marked content, the structure tree and the document ID
 * on libharu 2.3's internal structures (see hpdf_ext.h).
 *
 * libharu 2.3 has no BDC/EMC ("not implemented yet") and no structure
 * tree. Marked content goes straight into the page's content stream
 * (HPDF_PageAttr.stream), at page level only, as the PDF requires.
 * The tree is made of plain dictionaries and arrays (hpdf_objects.h),
 * registered in the cross-reference table (HPDF_Xref_Add) so that
 * adding one to another writes a reference; libharu writes them with
 * the rest when the document is saved.
 *
 * The font repairs and the subset swap are explained at the top of
 * fonts.c, which decides when to make them; here is how, on the font
 * dictionary (HPDF_Dict_GetItem), its attributes (HPDF_FontAttr,
 * hpdf_font.h) and the TrueType definition (HPDF_TTFontDefAttr,
 * hpdf_fontdef.h).
 */
#include "brief/hpdf_ext.h"
#include "brief/utf.h"

#include <stdio.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>

#if HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3
#error "hpdf_ext.c knows the internal structures of libharu 2.3 only"
#endif

/* ---- content stream -------------------------------------------------- */

int
hpx_content(HPDF_Page page, const char *ops, struct brief_err *err)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;

	if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION)
		return brief_fail(err, "pdf", NULL, 0,
			"marked content inside a text or path object");
	if (HPDF_Stream_WriteStr(attr->stream, ops) != HPDF_OK)
		return brief_fail(err, "pdf", NULL, 0,
			"cannot write to the page's content stream");
	return 0;
}

int
hpx_show_codes(HPDF_Page page, const char *s, size_t n, struct brief_err *err)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	struct buf ops = { 0 };
	int rc = 0;

	if (attr->gmode != HPDF_GMODE_TEXT_OBJECT)
		return brief_fail(err, "pdf", NULL, 0, "text outside a text object");
	buf_putc(&ops, '<');
	for (size_t i = 0; i < n; ) {
		UChar32 c = utf_next(s, n, &i);

		buf_printf(&ops, "%04X", (unsigned)(c >= 0 && c <= 0xFFFF ? c : 0xFFFD));
	}
	buf_puts(&ops, "> Tj\n");
	if (HPDF_Stream_WriteStr(attr->stream, buf_cstr(&ops)) != HPDF_OK)
		rc = brief_fail(err, "pdf", NULL, 0,
			"cannot write to the page's content stream");
	buf_free(&ops);
	return rc;
}

/* ---- the structure tree --------------------------------------------- */

void
hpx_tree_init(struct hpx_tree *t)
{
	memset(t, 0, sizeof *t);
	hpx_elem(t, -1, "Document", NULL);
}

void
hpx_tree_free(struct hpx_tree *t)
{
	for (size_t i = 0; i < t->e.n; i++) {
		free(t->e.v[i].alt);
		VEC_FREE(&t->e.v[i].kids);
	}
	VEC_FREE(&t->e);
	VEC_FREE(&t->next_mcid);
	VEC_FREE(&t->marks);
}

int
hpx_elem(struct hpx_tree *t, int parent, const char *type, const char *alt)
{
	struct hpx_elem e = { type, parent, NULL, NULL, { 0 }, NULL };
	int idx = (int)t->e.n;

	if (alt != NULL)
		e.alt = xstrndup(alt, strlen(alt));
	VEC_PUSH(&t->e, e);
	if (parent >= 0) {
		struct hpx_kid k = { idx, 0, 0 };

		VEC_PUSH(&t->e.v[parent].kids, k);
	}
	return idx;
}

int
hpx_link(struct hpx_tree *t, int parent, HPDF_Annotation annot, int page_no)
{
	int e = hpx_elem(t, parent, "Link", NULL);
	struct hpx_kid k = { e, page_no, -1 };   /* mcid -1: the annotation */

	t->e.v[e].annot = annot;
	VEC_PUSH(&t->e.v[e].kids, k);
	return e;
}

int
hpx_mc_begin(struct hpx_tree *t, HPDF_Page page, int page_no, int elem,
	struct brief_err *err)
{
	char ops[96];
	struct hpx_kid k;

	if (elem < 0 || (size_t)elem >= t->e.n)
		return hpx_content(page, "/Artifact BMC\n", err);
	while (t->next_mcid.n <= (size_t)page_no)
		VEC_PUSH(&t->next_mcid, 0);
	k.elem = elem;
	k.page = page_no;
	k.mcid = t->next_mcid.v[page_no]++;
	snprintf(ops, sizeof ops, "/%s <</MCID %d>> BDC\n", t->e.v[elem].type,
		k.mcid);
	VEC_PUSH(&t->e.v[elem].kids, k);
	k.elem = elem;
	VEC_PUSH(&t->marks, k);
	return hpx_content(page, ops, err);
}

int
hpx_mc_end(HPDF_Page page, struct brief_err *err)
{
	return hpx_content(page, "EMC\n", err);
}

#define TRY(call) do { if ((call) != HPDF_OK) goto fail; } while (0)

/* An indirect dictionary of /Type type (NULL: none). */
static HPDF_Dict
S_dict(HPDF_Doc pdf, const char *type)
{
	HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);

	if (d == NULL || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
		return NULL;
	if (type != NULL && HPDF_Dict_AddName(d, "Type", type) != HPDF_OK)
		return NULL;
	return d;
}

/* Element i's kids: child elements and marked content, in order; a
 * mark on another page than the element's first is a marked-content
 * reference. */
static HPDF_STATUS
S_kids(struct hpx_tree *t, HPDF_Doc pdf, size_t i, HPDF_Page *pages)
{
	struct hpx_elem *e = &t->e.v[i];
	HPDF_Array k = HPDF_Array_New(pdf->mmgr);
	int pg = -1;
	HPDF_STATUS st = k ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;

	for (size_t q = 0; q < e->kids.n && st == HPDF_OK; q++) {
		const struct hpx_kid *c = &e->kids.v[q];

		if (c->elem != (int)i) {
			st = HPDF_Array_Add(k, t->e.v[c->elem].dict);
			continue;
		}
		if (c->mcid < 0) {      /* a Link's annotation */
			HPDF_Dict objr = HPDF_Dict_New(pdf->mmgr);

			st = objr ? HPDF_Dict_AddName(objr, "Type", "OBJR") :
				HPDF_FAILD_TO_ALLOC_MEM;
			if (st == HPDF_OK)
				st = HPDF_Dict_Add(objr, "Pg", pages[c->page]);
			if (st == HPDF_OK)
				st = HPDF_Dict_Add(objr, "Obj", e->annot);
			if (st == HPDF_OK)
				st = HPDF_Array_Add(k, objr);
			continue;
		}
		if (pg < 0) {
			pg = c->page;
			st = HPDF_Dict_Add(e->dict, "Pg", pages[pg]);
		}
		if (st != HPDF_OK)
			break;
		if (c->page == pg) {
			st = HPDF_Array_AddNumber(k, c->mcid);
		} else {
			HPDF_Dict mcr = HPDF_Dict_New(pdf->mmgr);

			st = mcr ? HPDF_Dict_AddName(mcr, "Type", "MCR") :
				HPDF_FAILD_TO_ALLOC_MEM;
			if (st == HPDF_OK)
				st = HPDF_Dict_Add(mcr, "Pg", pages[c->page]);
			if (st == HPDF_OK)
				st = HPDF_Dict_AddNumber(mcr, "MCID", c->mcid);
			if (st == HPDF_OK)
				st = HPDF_Array_Add(k, mcr);
		}
	}
	return st == HPDF_OK ? HPDF_Dict_Add(e->dict, "K", k) : st;
}

int
hpx_finish(struct hpx_tree *t, HPDF_Doc pdf, HPDF_Page *pages,
	size_t npages, const char *lang, struct brief_err *err)
{
	HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_Dict root = S_dict(pdf, "StructTreeRoot"), ptree, mark, prefs;
	HPDF_Array nums;

	if (root == NULL)
		goto fail;
	for (size_t i = 0; i < t->e.n; i++)
		if ((t->e.v[i].dict = S_dict(pdf, "StructElem")) == NULL)
			goto fail;
	for (size_t i = 0; i < t->e.n; i++) {
		struct hpx_elem *e = &t->e.v[i];

		TRY(HPDF_Dict_AddName(e->dict, "S", e->type));
		TRY(HPDF_Dict_Add(e->dict, "P", e->parent >= 0 ?
			t->e.v[e->parent].dict : root));
		if (e->alt != NULL)
			TRY(HPDF_Dict_Add(e->dict, "Alt",
				HPDF_String_New(pdf->mmgr, e->alt, utf8)));
		TRY(S_kids(t, pdf, i, pages));
	}
	TRY(HPDF_Dict_Add(root, "K", t->e.v[0].dict));
	/* the parent tree: per page, the element of each MCID */
	ptree = HPDF_Dict_New(pdf->mmgr);
	nums = HPDF_Array_New(pdf->mmgr);
	if (ptree == NULL || nums == NULL)
		goto fail;
	for (size_t pg = 0; pg < npages; pg++) {
		HPDF_Array owners = HPDF_Array_New(pdf->mmgr);
		int n = pg < t->next_mcid.n ? t->next_mcid.v[pg] : 0;
		int *of = xcalloc(n > 0 ? (size_t)n : 1, sizeof *of);
		HPDF_STATUS st = owners ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;

		for (size_t q = 0; q < t->marks.n; q++)
			if (t->marks.v[q].page == (int)pg)
				of[t->marks.v[q].mcid] = t->marks.v[q].elem;
		for (int m = 0; m < n && st == HPDF_OK; m++)
			st = HPDF_Array_Add(owners, t->e.v[of[m]].dict);
		free(of);
		TRY(st);
		TRY(HPDF_Dict_AddNumber(pages[pg], "StructParents", (HPDF_INT32)pg));
		TRY(HPDF_Array_AddNumber(nums, (HPDF_INT32)pg));
		TRY(HPDF_Array_Add(nums, owners));
	}
	/* each link annotation: its own key, after the pages' */
	HPDF_INT32 key = (HPDF_INT32)npages;
	for (size_t i = 0; i < t->e.n; i++) {
		if (t->e.v[i].annot == NULL)
			continue;
		TRY(HPDF_Dict_AddNumber(t->e.v[i].annot, "StructParent", key));
		TRY(HPDF_Array_AddNumber(nums, key));
		TRY(HPDF_Array_Add(nums, t->e.v[i].dict));
		key++;
	}
	TRY(HPDF_Dict_Add(ptree, "Nums", nums));
	TRY(HPDF_Dict_Add(root, "ParentTree", ptree));
	TRY(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key));
	TRY(HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root));
	if ((mark = HPDF_Dict_New(pdf->mmgr)) == NULL)
		goto fail;
	TRY(HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE));
	TRY(HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark));
	TRY(HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr,
		lang && *lang ? lang : "en", NULL)));
	if ((prefs = HPDF_Dict_New(pdf->mmgr)) == NULL)
		goto fail;
	TRY(HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE));
	TRY(HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs));
	if (pdf->pdf_version < HPDF_VER_14)
		pdf->pdf_version = HPDF_VER_14;   /* /Lang, /MarkInfo */
	return 0;
fail:
	return brief_fail(err, "pdf", NULL, 0, "cannot write the structure "
		"tree: libharu error 0x%04X", (unsigned)HPDF_GetError(pdf));
}

/* ---- TrueType fonts -------------------------------------------------- */

static int
S_bit(const unsigned char *map, unsigned cp)
{
	return cp < 0x10000 && (map[cp >> 3] >> (cp & 7) & 1);
}

/* The first used code point from cp on, or 0x10000: empty bytes of the
 * bitmap are passed over whole (a page uses a hundred code points of
 * the 65,536). */
static unsigned
S_next(const unsigned char *map, unsigned cp)
{
	while (cp < 0x10000) {
		if ((cp & 7) == 0 && map[cp >> 3] == 0) {
			cp += 8;
			continue;
		}
		if (S_bit(map, cp))
			return cp;
		cp++;
	}
	return 0x10000;
}

/* Ranges of used code points that stay within one high byte, as
 * bfrange needs; returns how many and, if out is not NULL, writes
 * them as from/to pairs. */
static size_t
S_ranges(const unsigned char *used, unsigned *out)
{
	size_t n = 0;

	for (unsigned cp = S_next(used, 0); cp < 0x10000;
	    cp = S_next(used, cp + 1)) {
		unsigned to = cp;

		while ((to & 0xFF) != 0xFF && S_bit(used, to + 1))
			to++;
		if (out != NULL) {
			out[2 * n] = cp;
			out[2 * n + 1] = to;
		}
		n++;
		cp = to;
	}
	return n;
}

static const char S_cmap_head[] =
	"/CIDInit /ProcSet findresource begin\n"
	"12 dict begin\n"
	"begincmap\n"
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	"/Supplement 0 >> def\n"
	"/CMapName /Adobe-Identity-UCS def\n"
	"/CMapType 2 def\n"
	"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";

static const char S_cmap_tail[] =
	"endcmap\n"
	"CMapName currentdict /CMap defineresource pop\n"
	"end\nend\n";

/* Write the CMap text mapping every used code to itself. */
static HPDF_STATUS
S_write_cmap(HPDF_Stream st, const unsigned char *used)
{
	size_t n = S_ranges(used, NULL);
	unsigned *r = xmalloc((2 * n + 1) * sizeof *r);
	HPDF_STATUS ret;
	char line[64];

	S_ranges(used, r);
	ret = HPDF_Stream_WriteStr(st, S_cmap_head);
	for (size_t i = 0; i < n && ret == HPDF_OK; i++) {
		if (i % 100 == 0) {
			snprintf(line, sizeof line, "%zu beginbfrange\n",
				n - i < 100 ? n - i : (size_t)100);
			ret = HPDF_Stream_WriteStr(st, line);
		}
		snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n",
			r[2 * i], r[2 * i + 1], r[2 * i]);
		if (ret == HPDF_OK)
			ret = HPDF_Stream_WriteStr(st, line);
		if (ret == HPDF_OK && (i % 100 == 99 || i + 1 == n))
			ret = HPDF_Stream_WriteStr(st, "endbfrange\n");
	}
	if (ret == HPDF_OK)
		ret = HPDF_Stream_WriteStr(st, S_cmap_tail);
	free(r);
	return ret;
}

/* libharu's own ToUnicode stream of font when it is the identity
 * encoding CMap described at the top of this file, else NULL. */
static HPDF_Dict
S_broken_tounicode(HPDF_Font font)
{
	HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	HPDF_Name name;

	if (tu == NULL || tu->stream == NULL ||
	    tu->stream->type != HPDF_STREAM_MEMORY)
		return NULL;
	name = HPDF_Dict_GetItem(tu, "CMapName", HPDF_OCLASS_NAME);
	if (name == NULL || strcmp(HPDF_Name_GetValue(name), "UTF-8") != 0)
		return NULL;
	return tu;
}

/* Rewrite one font's ToUnicode stream and relabel its dictionary. */
static HPDF_STATUS
S_fix_tounicode(HPDF_Font font, const unsigned char *used)
{
	HPDF_Dict tu = S_broken_tounicode(font);
	HPDF_Dict info;
	HPDF_STATUS ret;

	if (tu == NULL)
		return HPDF_OK;
	HPDF_MemStream_FreeData(tu->stream);
	if ((ret = S_write_cmap(tu->stream, used)) != HPDF_OK)
		return ret;
	if ((ret = HPDF_Dict_AddName(tu, "CMapName",
	    "Adobe-Identity-UCS")) != HPDF_OK)
		return ret;
	info = HPDF_Dict_GetItem(tu, "CIDSystemInfo", HPDF_OCLASS_DICT);
	if (info == NULL)
		return HPDF_OK;
	return HPDF_Dict_Add(info, "Ordering",
		HPDF_String_New(tu->mmgr, "UCS", NULL));
}

/* libharu's attributes of font when it is a TrueType font set with the
 * UTF-8 encoder (codes = BMP code points), else NULL. */
static HPDF_FontAttr
S_utf8_tt(HPDF_Font font)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;

	if (attr == NULL || attr->type != HPDF_FONT_TYPE0_TT ||
	    attr->encoder == NULL || attr->descendant_font == NULL ||
	    strcmp(attr->encoder->name, "UTF-8") != 0)
		return NULL;
	return attr;
}

/* /W with the widths of the used codes only: [c [w ...] ...]. */
static HPDF_STATUS
S_trim_widths(const unsigned char *used, HPDF_FontAttr attr)
{
	HPDF_Dict cid = attr->descendant_font;
	HPDF_Array w = HPDF_Array_New(cid->mmgr), run = NULL;
	HPDF_STATUS ret = w ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;

	for (unsigned c = S_next(used, 0), prev = 0x10000;
	    c < 0x10000 && ret == HPDF_OK; prev = c, c = S_next(used, c + 1)) {
		if (c != prev + 1)
			run = NULL;
		if (run == NULL) {
			ret = HPDF_Array_AddNumber(w, (HPDF_INT32)c);
			run = HPDF_Array_New(cid->mmgr);
			if (ret == HPDF_OK)
				ret = HPDF_Array_Add(w, run);
		}
		if (ret == HPDF_OK)
			ret = HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetCharWidth(
				attr->fontdef, (HPDF_UINT16)c));
	}
	if (ret != HPDF_OK)
		return ret;
	return HPDF_Dict_Add(cid, "W", w);
}

/* CIDToGIDMap up to the highest used code; unused codes map to 0. */
static HPDF_STATUS
S_trim_cidmap(const unsigned char *used, HPDF_FontAttr attr)
{
	HPDF_Stream st = attr->map_stream ? attr->map_stream->stream : NULL;
	unsigned top = 0;
	unsigned char *map;
	HPDF_STATUS ret;

	if (st == NULL || st->type != HPDF_STREAM_MEMORY)
		return HPDF_OK;
	for (unsigned c = S_next(used, 0); c < 0x10000; c = S_next(used, c + 1))
		top = c;
	map = xcalloc(top + 1, 2);
	for (unsigned c = 0; c <= top; c++) {
		HPDF_UINT16 gid = S_bit(used, c) ? HPDF_TTFontDef_GetGlyphid(
			attr->fontdef, (HPDF_UINT16)c) : 0;

		map[2 * c] = (unsigned char)(gid >> 8);
		map[2 * c + 1] = (unsigned char)(gid & 0xFF);
	}
	HPDF_MemStream_FreeData(st);
	ret = HPDF_Stream_Write(st, map, (top + 1) * 2);
	free(map);
	return ret;
}

int
hpx_font_finish(HPDF_Font font, const unsigned char *used)
{
	HPDF_FontAttr attr = S_utf8_tt(font);

	if (attr == NULL)
		return 0;
	if (S_fix_tounicode(font, used) != HPDF_OK ||
	    S_trim_widths(used, attr) != HPDF_OK ||
	    S_trim_cidmap(used, attr) != HPDF_OK)
		return -1;
	return 0;
}

HPDF_Font
hpx_get_font(HPDF_Doc pdf, const char *name)
{
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_CMapEncoderAttr a;
	HPDF_UINT16 (*saved)[256];
	HPDF_Font font;

	if (enc == NULL || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE ||
	    (a = (HPDF_CMapEncoderAttr)enc->attr) == NULL)
		return HPDF_GetFont(pdf, name, "UTF-8");
	/* While the font is made, the encoder looks like a table encoder
	 * that maps the space only: libharu 2.3 walks every BMP code for
	 * an encoder with its own to_unicode_fn (UTF-8), but only the
	 * mapped codes of one that uses the table lookup. Text is encoded
	 * and measured by the encoder's other functions, untouched. */
	HPDF_Encoder_ToUnicode_Func to_unicode = enc->to_unicode_fn;
	HPDF_UNICODE space = a->unicode_map[0][0x20];

	saved = xmalloc(sizeof a->cid_map);
	memcpy(saved, a->cid_map, sizeof a->cid_map);
	memset(a->cid_map, 0, sizeof a->cid_map);
	a->cid_map[0][0x20] = 0x20;
	a->unicode_map[0][0x20] = 0x20;
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(pdf, name, "UTF-8");
	enc->to_unicode_fn = to_unicode;
	a->unicode_map[0][0x20] = space;
	memcpy(a->cid_map, saved, sizeof a->cid_map);
	free(saved);
	return font;
}

int
hpx_tt_has(HPDF_FontDef def, unsigned cp)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;

	if (cp > 0xFFFF)
		return 0;
	if (a->cmap.format == 0)        /* libharu masks codes to a byte */
		return cp < 256 && a->cmap.glyph_id_array[cp] != 0;
	return HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp) != 0;
}

int
hpx_tt_width(HPDF_FontDef def, unsigned cp)
{
	return HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)(cp > 0xFFFF ?
		0xFFFD : cp));
}

void
hpx_def_take_tagged_name(HPDF_FontDef def)
{
	memcpy(def->base_font, ((HPDF_TTFontDefAttr)def->attr)->base_font,
		sizeof def->base_font);
}

int
hpx_font_is_utf8_tt(HPDF_Font font)
{
	return S_utf8_tt(font) != NULL;
}

void
hpx_font_use_subset(HPDF_Font font, HPDF_FontDef sub)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)sub->attr;

	/* hb-subset kept exactly the glyphs needed: embed them all */
	memset(a->glyph_tbl.flgs, 1, a->num_glyphs);
	S_utf8_tt(font)->fontdef = sub;
}

/* ---- the document ID ------------------------------------------------- */

int
hpx_add_id(struct buf *out, size_t start)
{
	static const char key[] = "trailer\n<<\n";
	HPDF_MD5_CTX ctx;
	HPDF_BYTE d[16];
	char hex[33], id[96];
	size_t at = 0;

	for (size_t i = start; i + sizeof key - 1 <= out->n; i++)
		if (memcmp(out->p + i, key, sizeof key - 1) == 0)
			at = i + sizeof key - 1;
	if (at == 0)
		return -1;
	HPDF_MD5Init(&ctx);
	HPDF_MD5Update(&ctx, (const HPDF_BYTE *)out->p + start,
	    (HPDF_UINT32)(out->n - start));
	HPDF_MD5Final(d, &ctx);
	for (int k = 0; k < 16; k++)
		snprintf(hex + 2 * k, 3, "%02X", d[k]);
	int m = snprintf(id, sizeof id, "/ID [<%s> <%s>]\n", hex, hex);
	buf_grow(out, (size_t)m);
	memmove(out->p + at + (size_t)m, out->p + at, out->n - at);
	memcpy(out->p + at, id, (size_t)m);
	out->n += (size_t)m;
	out->p[out->n] = '\0';
	return 0;
}
