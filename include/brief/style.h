/*
 * style.h -- the brief's palette and the measures of its type, defined
 * once for every output that sets it: the PDF page (render_pdf.c, its
 * timeline graphic, layout.c's citations) and the HTML stylesheet
 * (render_html.c).
 */
#ifndef BRIEF_STYLE_H
#define BRIEF_STYLE_H

#define STYLE_INK        0x1A1A1Au  /* text */
#define STYLE_NAVY       0x1F3A5Fu  /* headings, band, rules, markers */
#define STYLE_LINK_INK   0x1F4E9Au  /* links */
#define STYLE_MARK_INK   0x4A5A70u  /* bullets and numbers */
#define STYLE_RULE_INK   0xB4B9C0u  /* hairlines */
#define STYLE_SOFT_INK   0x50555Cu  /* dateline, attributions, dates */
#define STYLE_FOOT_INK   0x6B6B6Bu  /* the running footer */
#define STYLE_CITE_INK   0x6B6B6Bu  /* citations */
#define STYLE_BOX_TINT   0xECF0F6u  /* the summary's ground */
#define STYLE_QUOTE_INK  0x9DADC4u  /* the rule beside a quotation */
#define STYLE_AXIS_INK   0x8C96A5u  /* the timeline's axis */
#define STYLE_NEW_INK    0xB5452Bu  /* the tag of an item new since the
                                     * last edition */

/* Citations are set at this fraction of their text's size. */
#define STYLE_CITE_SCALE 0.8

/* A justified paragraph whose lines are narrower than this many ems of
 * its type is set ragged right instead: word spaces would gape. */
#define STYLE_RAGGED_EM  14.4

#endif
