/*
 * fonts.h -- the PDF's typefaces: located with fontconfig by family
 * name, loaded into libharu as embedded UTF-8 TrueType fonts, only when
 * first used.
 *
 * A face is a family (serif for text, sans for headings) plus bold and
 * italic bits. libharu 2.3 only loads TrueType fonts with glyf outlines,
 * so every lookup ends on a .ttf file: the requested family when it has
 * one, else the closest .ttf fontconfig knows, else DejaVu.
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

#include <hpdf.h>

#include "brief/base.h"

/* A face: FACE_SERIF or FACE_SANS, plus FACE_BOLD and/or FACE_ITALIC. */
enum {
	FACE_SERIF = 0,
	FACE_BOLD = 1,
	FACE_ITALIC = 2,
	FACE_SANS = 4,
	FACE_COUNT = 8
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

/* Locate and load face (0 .. FACE_COUNT-1) for measuring, once. */
int fonts_load(struct fonts *f, int face, struct brief_err *err);

/* The libharu font for face, for drawing: loaded as by fonts_load, its
 * PDF font objects created on first use. */
int fonts_get(struct fonts *f, int face, HPDF_Font *font,
	struct brief_err *err);

/* Advance width in points of the UTF-8 text s[0..n) in face at size;
 * 0 unless the face was loaded. Same numbers as HPDF_Font_TextWidth. */
double fonts_width(struct fonts *f, int face, const char *s, size_t n,
	double size);

/* Record that s[0..n) was drawn in face, for its ToUnicode map. */
void fonts_mark_used(struct fonts *f, int face, const char *s, size_t n);

/* Before saving: give every drawn font a valid ToUnicode CMap for the
 * code points drawn (see fonts.c for libharu 2.3's broken one) and
 * trim its width and glyph tables to them. */
int fonts_finish(struct fonts *f, struct brief_err *err);

/* Decode one UTF-8 sequence at s[0..n) (n > 0); returns its length and
 * stores the code point, U+FFFD for malformed input. */
size_t fonts_utf8_next(const char *s, size_t n, unsigned *cp);

#endif
