/*
 * pdfdoc.c -- the libharu document: set-up, metadata, drawing
 * primitives, saving (see pdfdoc.h).
 */
#include "brief/pdfdoc.h"

#include <string.h>
#include <time.h>

#include "brief/hpdf_ext.h"
#include "brief/layout.h"

/* ---- errors --------------------------------------------------------- */

static void
S_on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct pdfdoc *d = data;

	if (d->code == HPDF_OK && code != HPDF_STREAM_EOF) {
		d->code = code;
		d->detail = detail;
	}
}

int
pdfdoc_fail(struct pdfdoc *d, const char *what)
{
	HPDF_STATUS code = d->code, detail = d->detail;

	if (code == HPDF_OK && d->pdf != NULL) {
		code = HPDF_GetError(d->pdf);
		detail = HPDF_GetErrorDetail(d->pdf);
	}
	return brief_fail(d->err, "pdf", NULL, 0,
		"%s: libharu error 0x%04X detail %u", what, (unsigned)code,
		(unsigned)detail);
}

#define HP(d, call, what) do { \
	if ((call) != HPDF_OK) \
		return pdfdoc_fail((d), (what)); \
} while (0)

/* ---- the document --------------------------------------------------- */

int
pdfdoc_open(struct pdfdoc *d, const char *serif, const char *sans,
	struct brief_err *err)
{
	memset(d, 0, sizeof *d);
	d->err = err;
	d->pdf = HPDF_New(S_on_error, d);
	if (d->pdf == NULL)
		return brief_fail(err, "pdf", NULL, 0,
			"cannot create a libharu document");
	HP(d, HPDF_UseUTFEncodings(d->pdf), "UTF-8 encodings");
	HP(d, HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL), "compression");
	d->fonts = fonts_new(d->pdf, serif ? serif : "Noto Serif",
		sans ? sans : "Noto Sans");
	return 0;
}

static int
S_date(struct pdfdoc *d, long epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	HPDF_Date hd;

	if (epoch < 0)
		return 0;
	if (gmtime_r(&t, &tm) == NULL)
		return brief_fail(d->err, "pdf", NULL, 0, "bad date %ld", epoch);
	hd.year = tm.tm_year + 1900;
	hd.month = tm.tm_mon + 1;
	hd.day = tm.tm_mday;
	hd.hour = tm.tm_hour;
	hd.minutes = tm.tm_min;
	hd.seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	hd.ind = 'Z';
	hd.off_hour = hd.off_minutes = 0;
	HP(d, HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_CREATION_DATE, hd),
		"creation date");
	HP(d, HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_MOD_DATE, hd), "date");
	return 0;
}

int
pdfdoc_info(struct pdfdoc *d, const struct pdfdoc_info *in)
{
	const struct { HPDF_InfoType type; const char *v; } f[] = {
		{ HPDF_INFO_TITLE, in->title }, { HPDF_INFO_AUTHOR, in->author },
		{ HPDF_INFO_SUBJECT, in->subject },
		{ HPDF_INFO_KEYWORDS, in->keywords },
		{ HPDF_INFO_CREATOR, in->creator },
	};
	struct buf clean = { 0 };
	int rc = 0;

	/* UTF-8 as the current encoder makes libharu write UTF-16BE */
	HP(d, HPDF_SetCurrentEncoder(d->pdf, "UTF-8"), "metadata");
	for (size_t i = 0; i < sizeof f / sizeof f[0] && rc == 0; i++) {
		if (f[i].v == NULL)
			continue;
		lay_clean(&clean, f[i].v, strlen(f[i].v));
		if (HPDF_SetInfoAttr(d->pdf, f[i].type, clean.p) != HPDF_OK)
			rc = pdfdoc_fail(d, "metadata");
	}
	buf_free(&clean);
	return rc != 0 ? rc : S_date(d, in->epoch);
}

int
pdfdoc_save(struct pdfdoc *d, struct buf *out)
{
	HPDF_UINT32 size, got;

	if (fonts_finish(d->fonts, d->err) != 0)
		return -1;
	HP(d, HPDF_SaveToStream(d->pdf), "saving");
	got = size = HPDF_GetStreamSize(d->pdf);
	if (size == 0)
		return pdfdoc_fail(d, "saving");
	buf_grow(out, size);
	/* a read that empties the stream may report HPDF_STREAM_EOF */
	(void)HPDF_ReadFromStream(d->pdf, (HPDF_BYTE *)out->p + out->n, &got);
	if (got != size)
		return pdfdoc_fail(d, "reading the saved PDF");
	out->n += got;
	out->p[out->n] = '\0';
	if (hpx_add_id(out, out->n - got) != 0)
		return pdfdoc_fail(d, "adding the document ID");
	return 0;
}

void
pdfdoc_close(struct pdfdoc *d)
{
	fonts_free(d->fonts);
	if (d->pdf != NULL)
		HPDF_Free(d->pdf);
	d->fonts = NULL;
	d->pdf = NULL;
}

/* ---- drawing -------------------------------------------------------- */

static HPDF_STATUS
S_fill_rgb(HPDF_Page page, unsigned c)
{
	return HPDF_Page_SetRGBFill(page, (HPDF_REAL)((c >> 16 & 0xFF) / 255.0),
		(HPDF_REAL)((c >> 8 & 0xFF) / 255.0),
		(HPDF_REAL)((c & 0xFF) / 255.0));
}

static HPDF_STATUS
S_stroke_rgb(HPDF_Page page, unsigned c, double width)
{
	HPDF_STATUS st = HPDF_Page_SetRGBStroke(page,
		(HPDF_REAL)((c >> 16 & 0xFF) / 255.0),
		(HPDF_REAL)((c >> 8 & 0xFF) / 255.0),
		(HPDF_REAL)((c & 0xFF) / 255.0));

	return st != HPDF_OK ? st :
		HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
}

int
pdf_line(struct pdfdoc *d, HPDF_Page page, double x0, double y0, double x1,
	double y1, unsigned color, double width)
{
	HP(d, S_stroke_rgb(page, color, width), "rule");
	HP(d, HPDF_Page_MoveTo(page, (HPDF_REAL)x0, (HPDF_REAL)y0), "rule");
	HP(d, HPDF_Page_LineTo(page, (HPDF_REAL)x1, (HPDF_REAL)y1), "rule");
	HP(d, HPDF_Page_Stroke(page), "rule");
	return 0;
}

int
pdf_rect(struct pdfdoc *d, HPDF_Page page, double x, double y, double w,
	double h, unsigned color)
{
	HP(d, S_fill_rgb(page, color), "rectangle");
	HP(d, HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)y,
		(HPDF_REAL)w, (HPDF_REAL)h), "rectangle");
	HP(d, HPDF_Page_Fill(page), "rectangle");
	return 0;
}

int
pdf_bar(struct pdfdoc *d, HPDF_Page page, double x0, double x1, double y,
	double width, unsigned color)
{
	HP(d, HPDF_Page_SetLineCap(page, HPDF_ROUND_END), "cap");
	if (pdf_line(d, page, x0, y, x1, y, color, width) != 0)
		return -1;
	HP(d, HPDF_Page_SetLineCap(page, HPDF_BUTT_END), "cap");
	return 0;
}

int
pdf_dot(struct pdfdoc *d, HPDF_Page page, double x, double y, double r,
	unsigned fill, unsigned stroke, double width)
{
	HP(d, S_fill_rgb(page, fill), "marker");
	HP(d, S_stroke_rgb(page, stroke, width), "marker");
	HP(d, HPDF_Page_Circle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)r),
		"marker");
	HP(d, HPDF_Page_FillStroke(page), "marker");
	return 0;
}

int
pdf_text_at(struct pdfdoc *d, HPDF_Page page, const char *s, int face,
	double size, unsigned color, double x, double y)
{
	if (*s == '\0')
		return 0;
	HP(d, HPDF_Page_BeginText(page), "text");
	HP(d, S_fill_rgb(page, color), "text");
	HP(d, HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, (HPDF_REAL)x,
		(HPDF_REAL)y), "text");
	if (fonts_show(d->fonts, page, face, size, s, strlen(s), d->err) != 0)
		return -1;
	HP(d, HPDF_Page_EndText(page), "text");
	return 0;
}
