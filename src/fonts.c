/*
 * fonts.c -- fontconfig lookup, libharu font loading, fallback faces
 * and subsetting.
 *
 * libharu 2.3 and its ToUnicode CMap
 * ----------------------------------
 * With HPDF_UseUTFEncodings, libharu sets text in a TrueType font as
 * 2-byte codes equal to the Unicode code point (BMP only), declares
 * /Encoding /Identity-H with a CIDToGIDMap, and attaches as /ToUnicode
 * the *encoding* CMap it generated ("<0000> <FFFF> 0" in a cidrange).
 * A ToUnicode CMap must use bfchar/bfrange, so poppler warns "Invalid
 * 'begincidrange' operator in ToUnicode CMap" and guesses.
 *
 * The repair (fonts_finish, before saving): find that stream through
 * the font dictionary (HPDF_Dict_GetItem, from the installed
 * hpdf_objects.h), recognise it by its /CMapName /UTF-8, empty it with
 * HPDF_MemStream_FreeData and write a proper CMap (Adobe-Identity-UCS)
 * that maps each code point we drew to itself with bfrange entries.
 * libharu still compresses it (its filter is set at write time). A
 * libharu that writes something else is left alone.
 *
 * The same step trims the two per-font tables libharu fills for all
 * 65,536 codes of the UTF-8 encoder: the descendant font's /W array
 * (about 11 KB per face, uncompressed since it sits in a dictionary)
 * and the CIDToGIDMap stream (about 5 KB compressed). Both are rebuilt
 * for the code points drawn only, through HPDF_FontAttr (hpdf_font.h).
 * Together this takes roughly a third off the PDF.
 *
 * Measuring reads advances from the font definition
 * (HPDF_TTFontDef_GetCharWidth, what HPDF_Font_TextWidth sums), so a
 * measuring run never pays for HPDF_GetFont, which builds those
 * 65,536-entry tables (about 6 ms a face).
 *
 * Subsetting
 * ----------
 * libharu 2.3 embeds a TrueType font nearly whole: it copies cmap,
 * hmtx, loca, post (with every glyph name), the hinting programs and
 * every hinted glyph it was asked the width of; 30-35 KB compressed a
 * face (measured on the RELOS brief). fonts_finish cuts each drawn font down with hb-subset first:
 *
 * - When: at the end, from the bitmap of code points drawn that the
 *   ToUnicode repair keeps anyway (fonts_mark_used, called where text
 *   is shown). The set is exact, with no collecting pass over the
 *   document, and nothing drawn can be missing from the subset.
 *   Subsetting "at first draw" cannot work here: render_pdf lays out
 *   and draws block by block, so later blocks bring new characters.
 * - Why that is possible: with the UTF-8 encoder the page content holds
 *   code points, not glyph ids, and libharu writes a TrueType font's
 *   FontFile2 and descriptor only when the document is saved
 *   (CIDFontType2_BeforeWrite_Func, from the font's HPDF_FontAttr
 *   fontdef, which also names /BaseFont and /FontName). So the subset
 *   is loaded as a second font definition and the font pointed at it;
 *   the /W array and CIDToGIDMap rebuilt below then come from the
 *   subset (its glyph ids). All its glyphs are marked for embedding:
 *   hb-subset has closed composite glyphs over their components,
 *   which libharu's own check follows one level only.
 * - How: hb-subset with the code points drawn, no hinting (about half
 *   of each glyph's bytes, and the cvt/fpgm/prep programs; libharu
 *   writes those three as empty tables), every table dropped but the
 *   ten libharu reads or copies (head hhea hmtx maxp loca glyf cmap
 *   post name OS/2: GSUB is dropped before it can pull ligatures and
 *   alternates into the glyph set), glyph names dropped (post v3) and
 *   the .notdef outline kept (a character no font has shows a box).
 *   Glyph ids are renumbered, not kept (RETAIN_GIDS would keep loca
 *   and hmtx as long as the whole font's) since CIDToGIDMap is rebuilt
 *   anyway.
 * - libharu 2.3 loads fonts from files only: the subset goes to a
 *   mkstemp file in $TMPDIR (else /tmp), is loaded, and the file is
 *   unlinked at once on every path; libharu keeps its stream open and
 *   reads the glyphs from it when saving.
 * - Measuring keeps using the whole font's definition; hb-subset keeps
 *   units per em and advances, and fonts_finish checks that each code
 *   point drawn has the same width in both.
 *
 * Fallback faces
 * --------------
 * A character the face has no glyph for (libharu's cmap of the file
 * says gid 0) is set in a fallback face: the first .ttf with a glyph
 * for it in fontconfig's FcFontSort order for DejaVu Serif then DejaVu
 * Sans (for a sans face, the other way round) in the face's weight and
 * slant, with the character in the pattern's charset. So a serif ⌘ or
 * → comes from DejaVu Serif, a ✓ (which it lacks) from DejaVu Sans.
 * Fallback faces are numbered from FACE_COUNT up, one per style and
 * file. The answer for each style and code point is remembered, so it
 * does not depend on what came first; past MAX_LOOKUPS of them, a
 * character takes the first fallback face of its style that has it.
 * Code points no font has are remembered too.
 *
 * Note: all this relies on libharu 2.3's internal structures, reached
 * only through hpdf_ext.c (hpx_font_finish, hpx_font_use_subset, ...);
 * a font libharu laid out differently is left as it is (whole,
 * unrepaired), and another libharu series does not compile.
 */
#include "brief/fonts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>
#include <hpdf.h>
#include <unicode/uchar.h>

#include "brief/hpdf_ext.h"
#include "brief/utf.h"

#define BMP_BYTES   (0x10000 / 8)
#define MAX_LOOKUPS 64       /* fallbacks looked up per document */

/* One loaded TrueType file; faces that resolve to the same file
 * share it. */
struct font_file {
	char *path;
	const char *name;        /* libharu's name for it */
	HPDF_FontDef def;        /* the whole file's metrics, for measuring */
	HPDF_Font font;          /* created when first drawn */
	unsigned char *used;     /* bitmap of BMP code points drawn */
	int subset;              /* font embeds a subset (fonts_finish) */
};

/* The face that draws cp for style, -1: none. */
struct fallback {
	unsigned cp;
	int style, face;
};

struct fonts {
	HPDF_Doc pdf;
	FcConfig *fc;            /* our own configuration, loaded on demand */
	char *family[2];         /* [0] serif, [1] sans; NULL: default */
	int file_of[FACE_MAX];   /* index into files, -1: not loaded */
	int style_of[FACE_MAX];  /* the style a face sets (a style: itself) */
	int nfaces;              /* FACE_COUNT + the fallback faces made */
	struct font_file files[FACE_MAX];
	int nfiles;
	VEC(struct fallback) fb; /* fallbacks looked up, at most MAX_LOOKUPS */
	unsigned char *nofont;   /* bitmap: no font libharu loads has it */
	struct buf run;          /* fonts_show: one run, NUL-terminated */
	int whole;               /* embed whole files, no subsets */
};

static int
S_bit(const unsigned char *map, unsigned cp)
{
	return cp < 0x10000 && (map[cp >> 3] >> (cp & 7) & 1);
}

static void
S_set_bit(unsigned char *map, unsigned cp)
{
	if (cp < 0x10000)
		map[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

/* ---- fontconfig ----------------------------------------------------- */

/* A pattern for family (NULL: any), then family also (unless NULL), in
 * a weight and slant, covering cs unless it is NULL. */
static FcPattern *
S_pattern(FcConfig *fc, const char *family, const char *also, int bold,
	int italic, const FcCharSet *cs)
{
	FcPattern *p = FcPatternCreate();

	if (p == NULL)
		return NULL;
	if (family != NULL && *family != '\0')
		FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	if (also != NULL)
		FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)also);
	if (cs != NULL)
		FcPatternAddCharSet(p, FC_CHARSET, cs);
	FcPatternAddInteger(p, FC_WEIGHT,
		bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT,
		italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcPatternAddBool(p, FC_SCALABLE, FcTrue);
	FcConfigSubstitute(fc, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	return p;
}

/* A copy of font's file name when libharu can load it: a .ttf whose
 * format fontconfig reports as TrueType (glyf outlines, not CFF). */
static char *
S_ttf_path(FcPattern *font)
{
	FcChar8 *file, *format;
	size_t n;

	if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
		return NULL;
	n = strlen((const char *)file);
	if (n < 4 || strcasecmp((const char *)file + n - 4, ".ttf") != 0)
		return NULL;
	if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) ==
	    FcResultMatch && strcmp((const char *)format, "TrueType") != 0)
		return NULL;
	return xstrndup((const char *)file, n);
}

/* The best match, or else the closest .ttf in fontconfig's sorted
 * list for the pattern. */
static char *
S_match_ttf(FcConfig *fc, FcPattern *p)
{
	FcResult res;
	FcPattern *m = FcFontMatch(fc, p, &res);
	FcFontSet *set;
	char *path = NULL;

	if (m != NULL) {
		path = S_ttf_path(m);
		FcPatternDestroy(m);
	}
	if (path != NULL)
		return path;
	set = FcFontSort(fc, p, FcFalse, NULL, &res);
	for (int i = 0; set != NULL && i < set->nfont && path == NULL; i++)
		path = S_ttf_path(set->fonts[i]);
	if (set != NULL)
		FcFontSetDestroy(set);
	return path;
}

/* fonts_find with a loaded configuration: the family, else the
 * default font, else DejaVu Sans, each as a .ttf. */
static int
S_find(FcConfig *fc, const char *family, int bold, int italic, char **path,
	struct brief_err *err)
{
	static const char *const fallback[] = { NULL, "DejaVu Sans" };

	*path = NULL;
	for (size_t i = 0; i < 3 && *path == NULL; i++) {
		FcPattern *p = S_pattern(fc, i == 0 ? family : fallback[i - 1],
			NULL, bold, italic, NULL);

		if (p == NULL)
			break;
		*path = S_match_ttf(fc, p);
		FcPatternDestroy(p);
	}
	if (*path == NULL)
		return brief_fail(err, "pdf", NULL, 0,
			"no TrueType font found for \"%s\"",
			family ? family : "(default)");
	return 0;
}

/* Our own FcConfig rather than fontconfig's global one: nothing stays
 * behind after fonts_free (LeakSanitizer reports allocations made while
 * parsing the global configuration as leaked). */
static FcConfig *
S_config(struct brief_err *err)
{
	FcConfig *fc = FcInitLoadConfigAndFonts();

	if (fc == NULL)
		brief_fail(err, "pdf", NULL, 0, "cannot load fontconfig's "
			"configuration");
	return fc;
}

int
fonts_find(const char *family, int bold, int italic, char **path,
	struct brief_err *err)
{
	FcConfig *fc = S_config(err);
	int rc;

	*path = NULL;
	if (fc == NULL)
		return -1;
	rc = S_find(fc, family, bold, italic, path, err);
	FcConfigDestroy(fc);
	return rc;
}

/* A .ttf with a glyph for cp, first in fontconfig's order for the
 * fallback families of style (see the top of this file); NULL if none.
 * Caller frees. */
static char *
S_fallback_path(FcConfig *fc, int style, unsigned cp)
{
	FcCharSet *cs = FcCharSetCreate();
	FcPattern *p = NULL;
	FcFontSet *set = NULL;
	FcResult res;
	char *path = NULL;

	if (cs != NULL && FcCharSetAddChar(cs, cp))
		p = S_pattern(fc, style & FACE_SANS ? "DejaVu Sans" :
			"DejaVu Serif", style & FACE_SANS ? "DejaVu Serif" :
			"DejaVu Sans", style & FACE_BOLD, style & FACE_ITALIC, cs);
	if (p != NULL)
		set = FcFontSort(fc, p, FcFalse, NULL, &res);
	for (int i = 0; set != NULL && i < set->nfont && path == NULL; i++) {
		FcCharSet *have;

		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &have) ==
		    FcResultMatch && FcCharSetHasChar(have, cp))
			path = S_ttf_path(set->fonts[i]);
	}
	if (set != NULL)
		FcFontSetDestroy(set);
	if (p != NULL)
		FcPatternDestroy(p);
	if (cs != NULL)
		FcCharSetDestroy(cs);
	return path;
}

/* ---- the face table ------------------------------------------------- */

struct fonts *
fonts_new(HPDF_Doc pdf, const char *serif, const char *sans)
{
	struct fonts *f = xcalloc(1, sizeof *f);

	f->pdf = pdf;
	f->family[0] = serif ? xstrndup(serif, strlen(serif)) : NULL;
	f->family[1] = sans ? xstrndup(sans, strlen(sans)) : NULL;
	for (int i = 0; i < FACE_MAX; i++) {
		f->file_of[i] = -1;
		f->style_of[i] = i < FACE_COUNT ? i : -1;
	}
	f->nfaces = FACE_COUNT;
	f->nofont = xcalloc(1, BMP_BYTES);
	return f;
}

void
fonts_free(struct fonts *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->nfiles; i++) {
		free(f->files[i].path);
		free(f->files[i].used);
	}
	free(f->family[0]);
	free(f->family[1]);
	free(f->nofont);
	VEC_FREE(&f->fb);
	buf_free(&f->run);
	if (f->fc != NULL)
		FcConfigDestroy(f->fc);
	free(f);
}

static int
S_hpdf_fail(struct fonts *f, const char *path, const char *what,
	struct brief_err *err)
{
	return brief_fail(err, "pdf", NULL, 0,
		"%s %s: libharu error 0x%04X detail %u", what, path,
		(unsigned)HPDF_GetError(f->pdf),
		(unsigned)HPDF_GetErrorDetail(f->pdf));
}

/* Load the TrueType file at path (to be embedded) unless a face
 * already did; returns its index or -1. Takes path. */
static int
S_load_file(struct fonts *f, char *path, struct brief_err *err)
{
	struct font_file *ff = &f->files[f->nfiles];

	for (int i = 0; i < f->nfiles; i++) {
		if (strcmp(f->files[i].path, path) == 0) {
			free(path);
			return i;
		}
	}
	if (f->nfiles >= FACE_MAX) {     /* a file per face, about */
		free(path);
		return brief_fail(err, "pdf", NULL, 0, "too many fonts");
	}
	ff->name = HPDF_LoadTTFontFromFile(f->pdf, path, HPDF_TRUE);
	ff->def = ff->name ? HPDF_GetFontDef(f->pdf, ff->name) : NULL;
	if (ff->def == NULL) {
		S_hpdf_fail(f, path, "cannot load font", err);
		free(path);
		return -1;
	}
	/* another copy of a font loaded: libharu hands back its definition
	 * (by PostScript name), so share its file, font and subset */
	for (int i = 0; i < f->nfiles; i++) {
		if (f->files[i].def == ff->def) {
			free(path);
			return i;
		}
	}
	ff->path = path;
	ff->font = NULL;
	ff->used = xcalloc(1, BMP_BYTES);
	ff->subset = 0;
	return f->nfiles++;
}

int
fonts_load(struct fonts *f, int face, struct brief_err *err)
{
	char *path;
	int idx;

	if (face >= 0 && face < FACE_MAX && f->file_of[face] >= 0)
		return 0;
	if (face < 0 || face >= FACE_COUNT)     /* fallbacks come loaded */
		return brief_fail(err, "pdf", NULL, 0, "bad face %d", face);
	if (f->fc == NULL && (f->fc = S_config(err)) == NULL)
		return -1;
	if (S_find(f->fc, f->family[(face & FACE_SANS) != 0],
	    face & FACE_BOLD, face & FACE_ITALIC, &path, err) != 0)
		return -1;
	if ((idx = S_load_file(f, path, err)) < 0)
		return -1;
	f->file_of[face] = idx;
	return 0;
}

int
fonts_get(struct fonts *f, int face, HPDF_Font *font, struct brief_err *err)
{
	struct font_file *ff;

	if (fonts_load(f, face, err) != 0)
		return -1;
	ff = &f->files[f->file_of[face]];
	if (ff->font == NULL &&
	    (ff->font = hpx_get_font(f->pdf, ff->name)) == NULL)
		return S_hpdf_fail(f, ff->path, "cannot set up font", err);
	*font = ff->font;
	return 0;
}

const char *
fonts_path(const struct fonts *f, int face)
{
	if (face < 0 || face >= FACE_MAX || f->file_of[face] < 0)
		return NULL;
	return f->files[f->file_of[face]].path;
}

/* ---- fallback faces ------------------------------------------------- */

/* Whether the file has a glyph for cp in the cmap libharu read. */
static int
S_file_has(const struct font_file *ff, unsigned cp)
{
	return hpx_tt_has(ff->def, cp);
}

/* Look up the fallback face for style and cp (fontconfig's first
 * choice), made on first need; -1 when no font has cp or no face is
 * left. */
static int
S_lookup(struct fonts *f, int style, unsigned cp)
{
	int idx = -1, k;
	char *path;

	if (f->fc == NULL || S_bit(f->nofont, cp))
		return -1;
	if ((path = S_fallback_path(f->fc, style, cp)) != NULL &&
	    (idx = S_load_file(f, path, NULL)) < 0)
		HPDF_ResetError(f->pdf);        /* a font libharu refuses */
	if (idx < 0 || !S_file_has(&f->files[idx], cp)) {
		S_set_bit(f->nofont, cp);
		return -1;
	}
	for (k = FACE_COUNT; k < f->nfaces; k++)
		if (f->style_of[k] == style && f->file_of[k] == idx)
			return k;
	if (k >= FACE_MAX)
		return -1;
	f->file_of[k] = idx;
	f->style_of[k] = style;
	f->nfaces++;
	return k;
}

/* The fallback face for style and cp: as looked up before, else looked
 * up now; past MAX_LOOKUPS, the first fallback face made for style
 * that has cp. */
static int
S_fallback(struct fonts *f, int style, unsigned cp)
{
	struct fallback fb = { cp, style, -1 };

	for (size_t i = 0; i < f->fb.n; i++)
		if (f->fb.v[i].cp == cp && f->fb.v[i].style == style)
			return f->fb.v[i].face;
	if (f->fb.n < MAX_LOOKUPS) {
		fb.face = S_lookup(f, style, cp);
		VEC_PUSH(&f->fb, fb);
		return fb.face;
	}
	for (int k = FACE_COUNT; k < f->nfaces; k++)
		if (f->style_of[k] == style &&
		    S_file_has(&f->files[f->file_of[k]], cp))
			return k;
	return -1;
}

int
fonts_face_for(struct fonts *f, int face, uint32_t cp)
{
	int k;

	if (fonts_load(f, face, NULL) != 0)
		return face;
	if (cp > 0xFFFF)
		cp = 0xFFFD;            /* what libharu's encoder is given */
	if (S_file_has(&f->files[f->file_of[face]], cp))
		return face;
	k = S_fallback(f, f->style_of[face], cp);
	return k >= 0 ? k : face;
}

static int
S_is_mark(unsigned cp)
{
	int8_t t = u_charType((UChar32)cp);

	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
		t == U_COMBINING_SPACING_MARK;
}

/* Whether face g's file has a glyph for cp. */
static int
S_face_has(struct fonts *f, int g, unsigned cp)
{
	return g >= 0 && g < FACE_MAX && f->file_of[g] >= 0 &&
		S_file_has(&f->files[f->file_of[g]], cp > 0xFFFF ? 0xFFFD : cp);
}

int
fonts_covers(struct fonts *f, int face, uint32_t cp)
{
	int g = fonts_face_for(f, face, cp);

	if (cp > 0xFFFF)
		cp = 0xFFFD;
	return g >= 0 && g < FACE_MAX && f->file_of[g] >= 0 &&
		S_file_has(&f->files[f->file_of[g]], cp);
}

size_t
fonts_run(struct fonts *f, int face, const char *s, size_t n,
	int *run_face)
{
	size_t i = 0;

	*run_face = face;
	while (i < n) {
		size_t j = i, at;
		unsigned cp = (unsigned)utf_next(s, n, &j);
		size_t k = j - i;
		int g = fonts_face_for(f, face, cp);

		if (S_is_mark(cp) && i > 0) {
			/* a combining mark stays with the letter it sits on:
			 * alone in a run it would have no width, and libharu
			 * writes no text of no width */
			g = *run_face;
		} else if (j < n) {
			/* a letter whose mark its face lacks goes to the face
			 * that has the mark, when that face has the letter */
			at = j;
			unsigned next = (unsigned)utf_next(s, n, &at);
			int gm;

			if (S_is_mark(next) && !S_face_has(f, g, next) &&
			    (gm = fonts_face_for(f, face, next)) != g &&
			    S_face_has(f, gm, next) && S_face_has(f, gm, cp))
				g = gm;
		}
		if (i == 0)
			*run_face = g;
		else if (g != *run_face)
			break;
		i += k;
	}
	return i;
}

/* The sum of the glyph advances, as libharu's HPDF_Font_TextWidth
 * computes it for a UTF-8 font (no kerning), each character in the
 * face that draws it, without creating the font objects a measuring
 * run does not need. */
double
fonts_width(struct fonts *f, int face, const char *s, size_t n, double size)
{
	long w = 0;

	if (face < 0 || face >= FACE_MAX || f->file_of[face] < 0)
		return 0;
	for (size_t i = 0; i < n; ) {
		unsigned cp;
		int g;

		cp = (unsigned)utf_next(s, n, &i);
		if (cp > 0xFFFF)
			cp = 0xFFFD;
		g = fonts_face_for(f, face, cp);
		w += hpx_tt_width(f->files[f->file_of[g]].def, cp);
	}
	return w * size / 1000.0;
}

int
fonts_show(struct fonts *f, HPDF_Page page, int face, double size,
	const char *s, size_t n, struct brief_err *err)
{
	for (size_t i = 0, k; i < n; i += k) {
		HPDF_Font font;
		int g;

		k = fonts_run(f, face, s + i, n - i, &g);
		if (fonts_get(f, g, &font, err) != 0)
			return -1;
		f->run.n = 0;
		buf_put(&f->run, s + i, k);
		fonts_mark_used(f, g, s + i, k);
		if (HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)size) !=
		    HPDF_OK)
			return S_hpdf_fail(f, fonts_path(f, g), "cannot set "
				"text in", err);
		/* a run of no width (marks alone) libharu would leave out */
		if (HPDF_Page_TextWidth(page, buf_cstr(&f->run)) == 0) {
			if (hpx_show_codes(page, s + i, k, err) != 0)
				return -1;
		} else if (HPDF_Page_ShowText(page, buf_cstr(&f->run)) != HPDF_OK)
			return S_hpdf_fail(f, fonts_path(f, g), "cannot set "
				"text in", err);
	}
	return 0;
}

/* ---- UTF-8 and the ToUnicode repair --------------------------------- */


void
fonts_mark_used(struct fonts *f, int face, const char *s, size_t n)
{
	unsigned char *used;
	unsigned cp;

	if (face < 0 || face >= FACE_MAX || f->file_of[face] < 0)
		return;
	used = f->files[f->file_of[face]].used;
	for (size_t i = 0; i < n; ) {
		cp = (unsigned)utf_next(s, n, &i);
		S_set_bit(used, cp);
	}
}

/* ---- subsetting ----------------------------------------------------- */

/* The tables libharu 2.3 reads or copies into the PDF (without the
 * hinting programs cvt, fpgm and prep, which it writes empty). */
static const char S_keep[][5] = {
	"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp",
	"name", "post",
};

/* Add every table of face but those in S_keep to drop. */
static void
S_drop_tables(hb_face_t *face, hb_set_t *drop)
{
	unsigned total = hb_face_get_table_tags(face, 0, NULL, NULL);

	for (unsigned off = 0; off < total; ) {
		hb_tag_t tags[32];
		unsigned n = sizeof tags / sizeof tags[0];

		hb_face_get_table_tags(face, off, &n, tags);
		if (n == 0)
			break;
		for (unsigned i = 0; i < n; i++) {
			size_t k = 0;

			while (k < sizeof S_keep / sizeof S_keep[0] &&
			    tags[i] != hb_tag_from_string(S_keep[k], 4))
				k++;
			if (k == sizeof S_keep / sizeof S_keep[0])
				hb_set_add(drop, tags[i]);
		}
		off += n;
	}
}

int
fonts_subset(const char *path, const uint32_t *cps, size_t n,
	unsigned char **data, size_t *len, struct brief_err *err)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path), *out = NULL;
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *face = NULL, *sub = NULL;
	const char *p = NULL;
	unsigned k = 0;
	int rc = -1;

	*data = NULL;
	*len = 0;
	if (blob == NULL || in == NULL) {
		brief_fail(err, "pdf", path, 0, "cannot read the font");
		goto out;
	}
	face = hb_face_create(blob, 0);
	for (size_t i = 0; i < n; i++)
		hb_set_add(hb_subset_input_unicode_set(in), cps[i]);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
		HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	S_drop_tables(face, hb_subset_input_set(in,
		HB_SUBSET_SETS_DROP_TABLE_TAG));
	if (hb_face_get_glyph_count(face) > 0 &&
	    (sub = hb_subset_or_fail(face, in)) != NULL) {
		out = hb_face_reference_blob(sub);
		p = hb_blob_get_data(out, &k);
	}
	if (p == NULL || k == 0) {
		brief_fail(err, "pdf", path, 0, "hb-subset cannot subset the "
			"font");
		goto out;
	}
	*data = xmalloc(k);
	memcpy(*data, p, k);
	*len = k;
	rc = 0;
out:
	hb_blob_destroy(out);
	hb_face_destroy(sub);
	hb_face_destroy(face);
	hb_subset_input_destroy(in);
	hb_blob_destroy(blob);
	return rc;
}

/* A new temporary file in $TMPDIR, else /tmp; its name in tmp. */
static int
S_tmpfile(char *tmp, size_t size)
{
	const char *dir = getenv("TMPDIR");
	int fd = -1;

	if (dir != NULL && *dir != '\0' &&
	    (size_t)snprintf(tmp, size, "%s/brief-font-XXXXXX", dir) < size)
		fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(tmp, size, "/tmp/brief-font-XXXXXX");
		fd = mkstemp(tmp);
	}
	return fd;
}

static int
S_write_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Load the font data[0..len), a subset of the file at path whose
 * definition is whole, into the document through a temporary file,
 * removed whatever happens; its definition in *def.
 *
 * libharu 2.3 finds font definitions by PostScript name and silently
 * hands back the one it has, so whole (which only measures from now
 * on) first takes the tagged name it is embedded under: the subset,
 * with the same PostScript name, is then loaded anew. */
static int
S_load_subset(struct fonts *f, const char *path, HPDF_FontDef whole,
	const unsigned char *data, size_t len, HPDF_FontDef *def,
	struct brief_err *err)
{
	char tmp[4096];
	const char *name = NULL;
	int fd = S_tmpfile(tmp, sizeof tmp), ok, e;

	*def = NULL;
	hpx_def_take_tagged_name(whole);
	if (fd < 0)
		return brief_fail(err, "pdf", NULL, 0, "cannot create a "
			"temporary font file %s: %s", tmp, strerror(errno));
	ok = S_write_all(fd, data, len) == 0;
	e = errno;
	if (close(fd) != 0 && ok) {
		ok = 0;
		e = errno;
	}
	if (ok && (name = HPDF_LoadTTFontFromFile(f->pdf, tmp,
	    HPDF_TRUE)) != NULL)
		*def = HPDF_GetFontDef(f->pdf, name);
	if (*def != NULL && *def == whole)       /* a name clash: see above */
		*def = NULL;
	/* libharu keeps the file open and reads the glyphs when saving */
	unlink(tmp);
	if (!ok)
		return brief_fail(err, "pdf", NULL, 0, "cannot write the "
			"temporary font file %s: %s", tmp, strerror(e));
	if (*def == NULL)
		return S_hpdf_fail(f, path, "cannot load the subset of", err);
	return 0;
}

/* Every code point drawn must have the width it was measured with. */
static int
S_same_widths(const struct font_file *ff, HPDF_FontDef sub,
	const uint32_t *cps, size_t n, struct brief_err *err)
{
	for (size_t i = 0; i < n; i++) {
		HPDF_UINT16 c = (HPDF_UINT16)cps[i];

		if (hpx_tt_width(ff->def, c) != hpx_tt_width(sub, c))
			return brief_fail(err, "pdf", ff->path, 0, "the subset "
				"changes the width of U+%04X", (unsigned)cps[i]);
	}
	return 0;
}

/* Replace the font's whole file by a subset of the code points drawn
 * (see the top of this file). */
static int
S_subset_font(struct fonts *f, struct font_file *ff, struct brief_err *err)
{
	HPDF_FontDef sub = NULL;
	unsigned char *data = NULL;
	uint32_t *cps;
	size_t n = 0, len;
	int rc;

	if (!hpx_font_is_utf8_tt(ff->font) || ff->subset)
		return 0;
	for (size_t k = 0; k < BMP_BYTES; k++)
		for (unsigned b = ff->used[k]; b != 0; b &= b - 1)
			n++;
	cps = xmalloc((n + 1) * sizeof *cps);
	n = 0;
	for (size_t k = 0; k < BMP_BYTES; k++)
		for (unsigned c = 0; ff->used[k] != 0 && c < 8; c++)
			if (ff->used[k] >> c & 1)
				cps[n++] = (uint32_t)(k * 8 + c);
	rc = fonts_subset(ff->path, cps, n, &data, &len, err);
	if (rc == 0)
		rc = S_load_subset(f, ff->path, ff->def, data, len, &sub,
			err);
	if (rc == 0)
		rc = S_same_widths(ff, sub, cps, n, err);
	free(data);
	free(cps);
	if (rc != 0)
		return -1;
	hpx_font_use_subset(ff->font, sub);
	ff->subset = 1;
	return 0;
}

void
fonts_embed_whole(struct fonts *f)
{
	f->whole = 1;
}

int
fonts_finish(struct fonts *f, struct brief_err *err)
{
	for (int i = 0; i < f->nfiles; i++) {
		struct font_file *ff = &f->files[i];

		if (ff->font == NULL)
			continue;
		if (!f->whole && S_subset_font(f, ff, err) != 0)
			return -1;
		if (hpx_font_finish(ff->font, ff->used) != 0)
			return S_hpdf_fail(f, ff->path,
				"cannot finish font tables", err);
	}
	return 0;
}
