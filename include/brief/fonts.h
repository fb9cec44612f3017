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

/* The libharu font for face (0 .. FACE_COUNT-1), found and loaded on
 * first use. */
int fonts_get(struct fonts *f, int face, HPDF_Font *font,
	struct brief_err *err);

/* Advance width in points of the UTF-8 text s[0..n) in face at size;
 * the face must have been loaded with fonts_get. */
double fonts_width(struct fonts *f, int face, const char *s, size_t n,
	double size);

/* Typographic ascender and descender of face as a fraction of the
 * size (descender positive). Loaded faces only. */
double fonts_ascent(struct fonts *f, int face);
double fonts_descent(struct fonts *f, int face);

/* Record that s[0..n) was drawn in face, for its ToUnicode map. */
void fonts_mark_used(struct fonts *f, int face, const char *s, size_t n);

/* Before saving: give every loaded font a valid ToUnicode CMap for
 * the code points drawn (see fonts.c for libharu 2.3's broken one). */
int fonts_finish(struct fonts *f, struct brief_err *err);

/* Decode one UTF-8 sequence at s[0..n) (n > 0); returns its length and
 * stores the code point, U+FFFD for malformed input. */
size_t fonts_utf8_next(const char *s, size_t n, unsigned *cp);

#endif
