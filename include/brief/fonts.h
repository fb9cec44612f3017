/*
 * fonts.h -- the PDF's typefaces: located with fontconfig by family
 * name, loaded into libharu as embedded UTF-8 TrueType fonts, only when
 * first used, with fallback faces for characters they lack, and
 * embedded as subsets of the characters drawn.
 *
 * A face is a family (serif for text, sans for headings) plus bold and
 * italic bits. libharu 2.3 only loads TrueType fonts with glyf outlines,
 * so every lookup ends on a .ttf file: the requested family when it has
 * one, else the closest .ttf fontconfig knows, else DejaVu.
 *
 * Fallback faces. A character the face has no glyph for is set in a
 * fallback face instead of as an empty box: the first .ttf with the
 * glyph in fontconfig's FcFontSort order for DejaVu Serif, then DejaVu
 * Sans (a sans face: the other way round), in the face's weight and
 * slant, with the character in the pattern's charset. Fallback faces
 * get face numbers from FACE_COUNT up, made on demand
 * (fonts_face_for); layout splits text into runs of one face each
 * (fonts_run) and measures and draws every run in its own face. A
 * character no font has stays in the face asked for (its .notdef box).
 *
 * Subsetting: when the document is finished (fonts_finish, just before
 * saving), every code point drawn is known exactly, because drawing
 * records them per font file (fonts_mark_used, as the ToUnicode repair
 * needs anyway). So there is no collecting pass and nothing drawn can
 * be missing from a subset. fonts_finish cuts each drawn font with
 * hb-subset down to those code points and hands the subset to libharu
 * in place of the whole file (see fonts.c for how and why that is
 * safe). Measuring keeps reading the whole file's metrics; the subset
 * has the same advances (fonts_finish checks every code point).
 *
 * Measuring needs only a face's metrics (fonts_load); the PDF font
 * objects are made when the face is first drawn (fonts_get), so a
 * measuring run stays cheap and the PDF holds only the faces it shows.
 *
 * Ownership: struct fonts belongs to the caller (fonts_free); the
 * HPDF_Font handles belong to the HPDF_Doc and die with it.
 */
#ifndef BRIEF_FONTS_H
#define BRIEF_FONTS_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "brief/base.h"

/* A face: FACE_SERIF or FACE_SANS, plus FACE_BOLD and/or FACE_ITALIC
 * (the styles, 0 .. FACE_COUNT-1); faces FACE_COUNT .. FACE_MAX-1 are
 * fallback faces, made by fonts_face_for. */
enum {
	FACE_SERIF = 0,
	FACE_BOLD = 1,
	FACE_ITALIC = 2,
	FACE_SANS = 4,
	FACE_COUNT = 8,
	FACE_MAX = 32
};

/* The path of a TrueType file for family (NULL: the default) in the
 * given weight and slant. On success *path is malloc'd: caller frees. */
int fonts_find(const char *family, int bold, int italic, char **path,
	struct brief_err *err);

struct fonts;

/* A face table for pdf, which must already have UTF-8 encodings
 * enabled (HPDF_UseUTFEncodings). Family names are copied. */
struct fonts *fonts_new(HPDF_Doc pdf, const char *serif, const char *sans);
void fonts_free(struct fonts *f);

/* Locate and load face (a style, or a fallback face already made) for
 * measuring, once. */
int fonts_load(struct fonts *f, int face, struct brief_err *err);

/* The libharu font for face, for drawing: loaded as by fonts_load, its
 * PDF font objects created on first use. */
int fonts_get(struct fonts *f, int face, HPDF_Font *font,
	struct brief_err *err);

/* The face that draws code point cp for face: face itself when it has
 * a glyph for cp, else a fallback face for face's style that has one
 * (loaded, made on first need), else face. */
int fonts_face_for(struct fonts *f, int face, uint32_t cp);

/* Whether face, or a fallback face for it, has a glyph for cp. */
int fonts_covers(struct fonts *f, int face, uint32_t cp);

/* The length in bytes of the first run of s[0..n) (UTF-8) that one
 * face draws for face, and that face in *run_face (fonts_face_for of
 * each character). Returns 0 only when n is 0. */
size_t fonts_run(struct fonts *f, int face, const char *s, size_t n,
	int *run_face);

/* Advance width in points of the UTF-8 text s[0..n) at size as drawn
 * for face: each character in its fonts_face_for face. 0 unless face
 * was loaded. For text face has all glyphs of, the same numbers as
 * HPDF_Font_TextWidth. */
double fonts_width(struct fonts *f, int face, const char *s, size_t n,
	double size);

/* Set s[0..n) at the current text position of page (between
 * HPDF_Page_BeginText and EndText) in face at size, run by run, each in
 * its fonts_face_for face, recording what was drawn. */
int fonts_show(struct fonts *f, HPDF_Page page, int face, double size,
	const char *s, size_t n, struct brief_err *err);

/* Record that s[0..n) was drawn in face, for its subset and ToUnicode
 * map. */
void fonts_mark_used(struct fonts *f, int face, const char *s, size_t n);

/* Embed whole font files from now on, no subsets (the fallback when
 * libharu cannot write a subset). */
void fonts_embed_whole(struct fonts *f);

/* Before saving: embed every drawn font as a subset of the code points
 * drawn (hb-subset, through a temporary file that is always removed),
 * give it a valid ToUnicode CMap for them (see fonts.c for libharu
 * 2.3's broken one) and trim its width and glyph tables to them. */
int fonts_finish(struct fonts *f, struct brief_err *err);

/* The TrueType file at path cut down to the glyphs of the n code
 * points cps (plus .notdef, drawn as a box) and to the tables libharu
 * embeds, without hinting. On success *data (malloc'd: caller frees)
 * holds *len bytes of font. */
int fonts_subset(const char *path, const uint32_t *cps, size_t n,
	unsigned char **data, size_t *len, struct brief_err *err);

/* The file face was loaded from; NULL unless it was. */
const char *fonts_path(const struct fonts *f, int face);


#endif
