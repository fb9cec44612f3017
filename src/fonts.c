/*
 * fonts.c -- fontconfig lookup and libharu font loading.
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
 */
#include "brief/fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#define BMP_BYTES (0x10000 / 8)

/* One loaded TrueType file; faces that resolve to the same file
 * share it. */
struct font_file {
	char *path;
	HPDF_Font font;
	unsigned char *used;     /* bitmap of BMP code points drawn */
};

struct fonts {
	HPDF_Doc pdf;
	char *family[2];         /* [0] serif, [1] sans; NULL: default */
	int file_of[FACE_COUNT]; /* index into files, -1: not loaded */
	struct font_file files[FACE_COUNT];
	int nfiles;
};

/* ---- fontconfig ----------------------------------------------------- */

static FcPattern *
S_pattern(const char *family, int bold, int italic)
{
	FcPattern *p = FcPatternCreate();

	if (p == NULL)
		return NULL;
	if (family != NULL && *family != '\0')
		FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(p, FC_WEIGHT,
		bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT,
		italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcPatternAddBool(p, FC_SCALABLE, FcTrue);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
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
S_match_ttf(FcPattern *p)
{
	FcResult res;
	FcPattern *m = FcFontMatch(NULL, p, &res);
	FcFontSet *set;
	char *path = NULL;

	if (m != NULL) {
		path = S_ttf_path(m);
		FcPatternDestroy(m);
	}
	if (path != NULL)
		return path;
	set = FcFontSort(NULL, p, FcFalse, NULL, &res);
	for (int i = 0; set != NULL && i < set->nfont && path == NULL; i++)
		path = S_ttf_path(set->fonts[i]);
	if (set != NULL)
		FcFontSetDestroy(set);
	return path;
}

int
fonts_find(const char *family, int bold, int italic, char **path,
	struct brief_err *err)
{
	static const char *const fallback[] = { NULL, "DejaVu Sans" };

	*path = NULL;
	for (size_t i = 0; i < 2 && *path == NULL; i++) {
		FcPattern *p = S_pattern(i == 0 ? family : fallback[i],
			bold, italic);

		if (p == NULL)
			break;
		*path = S_match_ttf(p);
		FcPatternDestroy(p);
	}
	if (*path == NULL)
		return brief_fail(err, "pdf", NULL, 0,
			"no TrueType font found for \"%s\"",
			family ? family : "(default)");
	return 0;
}

/* ---- the face table ------------------------------------------------- */

struct fonts *
fonts_new(HPDF_Doc pdf, const char *serif, const char *sans)
{
	struct fonts *f = xcalloc(1, sizeof *f);

	f->pdf = pdf;
	f->family[0] = serif ? xstrndup(serif, strlen(serif)) : NULL;
	f->family[1] = sans ? xstrndup(sans, strlen(sans)) : NULL;
	for (int i = 0; i < FACE_COUNT; i++)
		f->file_of[i] = -1;
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
	free(f);
}

/* Load the TrueType file at path (embedded, UTF-8) unless a face
 * already did; returns its index or -1. */
static int
S_load_file(struct fonts *f, char *path, struct brief_err *err)
{
	const char *name;
	HPDF_Font font;

	for (int i = 0; i < f->nfiles; i++) {
		if (strcmp(f->files[i].path, path) == 0) {
			free(path);
			return i;
		}
	}
	name = HPDF_LoadTTFontFromFile(f->pdf, path, HPDF_TRUE);
	font = name ? HPDF_GetFont(f->pdf, name, "UTF-8") : NULL;
	if (font == NULL) {
		brief_fail(err, "pdf", path, 0,
			"cannot load font: libharu error 0x%04X detail %u",
			(unsigned)HPDF_GetError(f->pdf),
			(unsigned)HPDF_GetErrorDetail(f->pdf));
		free(path);
		return -1;
	}
	f->files[f->nfiles].path = path;
	f->files[f->nfiles].font = font;
	f->files[f->nfiles].used = xcalloc(1, BMP_BYTES);
	return f->nfiles++;
}

int
fonts_get(struct fonts *f, int face, HPDF_Font *font, struct brief_err *err)
{
	char *path;
	int idx;

	if (face < 0 || face >= FACE_COUNT)
		return brief_fail(err, "pdf", NULL, 0, "bad face %d", face);
	if (f->file_of[face] < 0) {
		if (fonts_find(f->family[(face & FACE_SANS) != 0],
		    face & FACE_BOLD, face & FACE_ITALIC, &path, err) != 0)
			return -1;
		if ((idx = S_load_file(f, path, err)) < 0)
			return -1;
		f->file_of[face] = idx;
	}
	*font = f->files[f->file_of[face]].font;
	return 0;
}

double
fonts_width(struct fonts *f, int face, const char *s, size_t n, double size)
{
	HPDF_TextWidth tw;

	if (n == 0 || f->file_of[face] < 0)
		return 0;
	tw = HPDF_Font_TextWidth(f->files[f->file_of[face]].font,
		(const HPDF_BYTE *)s, (HPDF_UINT)n);
	return tw.width * size / 1000.0;
}

double
fonts_ascent(struct fonts *f, int face)
{
	if (f->file_of[face] < 0)
		return 0.8;
	return HPDF_Font_GetAscent(f->files[f->file_of[face]].font) / 1000.0;
}

double
fonts_descent(struct fonts *f, int face)
{
	if (f->file_of[face] < 0)
		return 0.2;
	return -HPDF_Font_GetDescent(f->files[f->file_of[face]].font) / 1000.0;
}

/* ---- UTF-8 and the ToUnicode repair --------------------------------- */

size_t
fonts_utf8_next(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = u[0] < 0x80 ? 1 : u[0] < 0xC2 ? 0 : u[0] < 0xE0 ? 2 :
		u[0] < 0xF0 ? 3 : u[0] < 0xF5 ? 4 : 0;
	unsigned c = len == 1 ? u[0] : len == 2 ? u[0] & 0x1F :
		len == 3 ? u[0] & 0x0F : u[0] & 0x07;

	if (len == 0 || len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return i;
		}
		c = c << 6 | (u[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	*cp = c;
	return len;
}

void
fonts_mark_used(struct fonts *f, int face, const char *s, size_t n)
{
	unsigned char *used;
	unsigned cp;

	if (f->file_of[face] < 0)
		return;
	used = f->files[f->file_of[face]].used;
	for (size_t i = 0; i < n; ) {
		i += fonts_utf8_next(s + i, n - i, &cp);
		if (cp < 0x10000)
			used[cp >> 3] |= (unsigned char)(1u << (cp & 7));
	}
}

static int
S_is_used(const unsigned char *used, unsigned cp)
{
	return cp < 0x10000 && (used[cp >> 3] >> (cp & 7) & 1);
}

/* Ranges of used code points that stay within one high byte, as
 * bfrange needs; returns how many and, if out is not NULL, writes
 * them as from/to pairs. */
static size_t
S_ranges(const unsigned char *used, unsigned *out)
{
	size_t n = 0;

	for (unsigned cp = 0; cp < 0x10000; cp++) {
		unsigned to = cp;

		if (!S_is_used(used, cp))
			continue;
		while ((to & 0xFF) != 0xFF && S_is_used(used, to + 1))
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
S_fix_tounicode(struct font_file *ff)
{
	HPDF_Dict tu = S_broken_tounicode(ff->font);
	HPDF_Dict info;
	HPDF_STATUS ret;

	if (tu == NULL)
		return HPDF_OK;
	HPDF_MemStream_FreeData(tu->stream);
	if ((ret = S_write_cmap(tu->stream, ff->used)) != HPDF_OK)
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

int
fonts_finish(struct fonts *f, struct brief_err *err)
{
	for (int i = 0; i < f->nfiles; i++) {
		if (S_fix_tounicode(&f->files[i]) != HPDF_OK)
			return brief_fail(err, "pdf", f->files[i].path, 0,
				"cannot write ToUnicode map: libharu error "
				"0x%04X detail %u",
				(unsigned)HPDF_GetError(f->pdf),
				(unsigned)HPDF_GetErrorDetail(f->pdf));
	}
	return 0;
}
