/*
 * test_meta.c -- what a page line is (meta_line), datelines
 * (meta_dateline), and whole-article metadata through ingest: date
 * lines, datelines with the year rule, mastheads, labels, link lists.
 */
#include "testutil.h"

#include <stdio.h>

#include "brief/ingest.h"
#include "brief/meta.h"

/* ---- meta_line: one line, its kind and what it gives --------------- */

static const struct line_case {
	const char *line;
	unsigned where;
	enum meta_kind kind;
	const char *date;        /* ISO, or NULL */
	const char *byline;      /* or NULL */
	const char *outlet;      /* or NULL */
} line_cases[] = {
	/* date lines */
	{ "Published: 3 December 2025", 0, MK_DATE, "2025-12-03", NULL, NULL },
	{ "Updated : Dec 08, 2025, 10:12 AM IST", 0, MK_DATE, "2025-12-08", NULL, NULL },
	{ "November 29, 2025 / 14:05 IST", META_HEAD, MK_DATE, "2025-11-29", NULL, NULL },
	{ "Last Updated: 12 Sep 2020 09:41 PM", 0, MK_DATE, "2020-09-12", NULL, NULL },
	{ "date 2025-12-05", META_HEAD, MK_DATE, "2025-12-05", NULL, NULL },
	{ "Tuesday, September 9, 2025", META_HEAD, MK_DATE, "2025-09-09", NULL, NULL },
	{ "Posted on 2024-07-08T10:12:00+08:00", 0, MK_DATE, "2024-07-08", NULL, NULL },
	{ "First published on Mon 3 Jun 2024 11.04 BST", 0, MK_DATE, "2024-06-03", NULL, NULL },
	/* the time before the date */
	{ "Updated 10:26 PM GMT+3, January 25, 2024", 0, MK_DATE, "2024-01-25", NULL, NULL },
	{ "Posted: 9:12 AM EDT Monday, Mar. 11, 2024", 0, MK_DATE, "2024-03-11", NULL, NULL },
	{ "Published 14:05 IST, 3 June 2023", 0, MK_DATE, "2023-06-03", NULL, NULL },
	{ "December 26, 2023 6:48 PM GMT+3 Updated 3 hours ago", META_HEAD, MK_DATE,
	  "2023-12-26", NULL, NULL },
	/* a bare date line counts only at the head */
	{ "November 29, 2025", 0, MK_TEXT, NULL, NULL, NULL },
	/* a sentence that starts with a date is text */
	{ "December 5, 2025 was the day the treaty entered into force.", META_HEAD,
	  MK_TEXT, NULL, NULL, NULL },
	/* bylines, desks, credits */
	{ "By Jane Doe", META_HEAD, MK_BYLINE, NULL, "Jane Doe", NULL },
	{ "By Jane Doe and Ravi Menon, Reuters", META_HEAD, MK_BYLINE, NULL,
	  "Jane Doe and Ravi Menon", "Reuters" },
	{ "Written by Ana de la Cruz", META_HEAD, MK_BYLINE, NULL, "Ana de la Cruz", NULL },
	{ "Express News Service", META_HEAD, MK_BYLINE, NULL, "Express News Service", NULL },
	{ "By PTI", META_HEAD, MK_BYLINE, NULL, "PTI", NULL },
	{ "(Source: Reuters)", 0, MK_CREDIT, NULL, NULL, "Reuters" },
	{ "With inputs from agencies", 0, MK_CREDIT, NULL, NULL, NULL },
	{ "(Reporting by Jane Doe; Editing by John Roe)", 0, MK_CREDIT, NULL, NULL, NULL },
	{ "— Reuters", 0, MK_CREDIT, NULL, NULL, "Reuters" },
	{ "By Jane Doe | Updated: Sep 9, 2020 10:30 IST | 4 min read", META_HEAD,
	  MK_DATE, "2020-09-09", "Jane Doe", NULL },
	/* a text-size widget beside the dates is no byline (byline "") */
	{ "Published: 10th May 2021 06:12 AM  |   Last Updated: 10th May 2021 "
	  "06:12 AM   |  A+A-", META_HEAD, MK_DATE, "2021-05-10", "", NULL },
	{ "Updated: Sep 9, 2020 | Ravi O'Neill-Menon", META_HEAD, MK_DATE,
	  "2020-09-09", "Ravi O'Neill-Menon", NULL },
	/* "by" that begins a sentence */
	{ "By signing the pact, both navies will be able to refuel at each other's bases.",
	  META_HEAD, MK_TEXT, NULL, NULL, NULL },
	/* reading time, labels, breadcrumbs */
	{ "4 min read", 0, MK_READTIME, NULL, NULL, NULL },
	{ "Reading time: 3 minutes", 0, MK_READTIME, NULL, NULL, NULL },
	{ "Explainer", META_HEAD, MK_LABEL, NULL, NULL, NULL },
	{ "Explainer", 0, MK_TEXT, NULL, NULL, NULL },
	{ "Home / World / Asia", 0, MK_BREADCRUMB, NULL, NULL, NULL },
	{ "News \xE2\x80\xBA Politics", META_HEAD, MK_BREADCRUMB, NULL, NULL, NULL },
	/* captions and photo credits */
	{ "The two ministers at the signing in Tokyo on Wednesday. (Photo: PIB)", 0,
	  MK_CAPTION, NULL, NULL, NULL },
	{ "Defence ministers shake hands after the talks | Photo Credit: AFP", 0,
	  MK_CAPTION, NULL, NULL, NULL },
	{ "FILE PHOTO: A warship at anchor off Kochi, India, June 2, 2020. REUTERS/Jane Roe/File Photo",
	  0, MK_CAPTION, NULL, NULL, NULL },
	{ "File photo of the naval base at Port Blair.", 0, MK_CAPTION, NULL, NULL, NULL },
	{ "Sailors line the deck during the port call / Reuters", 0, MK_CAPTION,
	  NULL, NULL, NULL },
	{ "Photographs of the ceremony were released by the ministry on Friday.", 0,
	  MK_TEXT, NULL, NULL, NULL },
	/* furniture */
	{ "Advertisement", 0, MK_FURNITURE, NULL, NULL, NULL },
	{ "Story continues below this ad", 0, MK_FURNITURE, NULL, NULL, NULL },
	{ "Scroll to load tweet\xE2\x80\xA6", 0, MK_FURNITURE, NULL, NULL, NULL },
	{ "Also read: India, Japan hold maritime talks", 0, MK_FURNITURE, NULL, NULL, NULL },
	{ "Sign in to continue reading", 0, MK_FURNITURE, NULL, NULL, NULL },
	{ "Subscribe to our newsletter for the latest updates", 0, MK_FURNITURE,
	  NULL, NULL, NULL },
	{ "\xC2\xA9 2025 Harbour Media. All rights reserved.", 0, MK_FURNITURE, NULL, NULL, NULL },
	{ "\xE2\x80\x94 Ministry of Defence (@MoD_Example) September 9, 2020", 0,
	  MK_FURNITURE, NULL, NULL, NULL },
	{ "Comments are moderated and will appear after approval.", 0, MK_FURNITURE,
	  NULL, NULL, NULL },
	/* heads of link lists and of comment sections */
	{ "More From This Section", 0, MK_LIST_HEAD, NULL, NULL, NULL },
	{ "Related Stories", 0, MK_LIST_HEAD, NULL, NULL, NULL },
	{ "Also Read", 0, MK_LIST_HEAD, NULL, NULL, NULL },
	{ "Leave a Reply", 0, MK_COMMENTS, NULL, NULL, NULL },
	{ "12 Comments", 0, MK_COMMENTS, NULL, NULL, NULL },
	/* real short sentences that look like furniture */
	{ "Share prices of shipbuilders rose 4% on the news.", 0, MK_TEXT, NULL, NULL, NULL },
	{ "Follow-up talks are due in March.", 0, MK_TEXT, NULL, NULL, NULL },
	{ "Related talks on a supply pact began last year.", 0, MK_TEXT, NULL, NULL, NULL },
	{ "Reporters were not allowed into the hall.", 0, MK_TEXT, NULL, NULL, NULL },
	{ "The text runs to 12 pages.", 0, MK_TEXT, NULL, NULL, NULL },
	{ "Both sides declined to comment.", 0, MK_TEXT, NULL, NULL, NULL },
	{ "Sources said the vote could slip to January.", 0, MK_TEXT, NULL, NULL, NULL },
	{ "Watch for the upper house vote next week, analysts say.", 0, MK_TEXT,
	  NULL, NULL, NULL },
};

static void
S_iso(const struct bdate *d, char *out, size_t cap)
{
	struct buf b = { 0 };
	bdate_format_iso(&b, d);
	snprintf(out, cap, "%s", buf_cstr(&b));
	buf_free(&b);
}

START_TEST(test_meta_lines)
{
	const struct line_case *c = &line_cases[_i];
	struct meta_line ml;
	meta_line(c->line, strlen(c->line), c->where, &ml);
	ck_assert_msg(ml.kind == c->kind, "\"%s\": kind %d, want %d", c->line,
	    ml.kind, c->kind);
	if (c->date) {
		char iso[16];
		S_iso(&ml.date, iso, sizeof iso);
		ck_assert_str_eq(iso, c->date);
	}
	if (c->byline)
		ck_assert_msg(slice_eq(ml.byline, c->byline), "\"%s\": byline \"%.*s\"",
		    c->line, (int)ml.byline.n, ml.byline.p);
	if (c->outlet)
		ck_assert_msg(slice_eq(ml.outlet, c->outlet), "\"%s\": outlet \"%.*s\"",
		    c->line, (int)ml.outlet.n, ml.outlet.p);
	if (c->kind != MK_TEXT)
		ck_assert_ptr_nonnull(ml.rule);
}
END_TEST

/* ---- datelines ----------------------------------------------------- */

static const struct dl_case {
	const char *para;
	int strict;
	const char *place;       /* NULL: no dateline */
	const char *agency;
	const char *date;        /* ISO with XXXX for an unknown year, or "" */
	const char *body;        /* where the text resumes */
} dl_cases[] = {
	{ "New Delhi, Dec 5 (PTI) \xE2\x80\x94 India and Japan signed the pact.", 1,
	  "New Delhi", "PTI", "XXXX-12-05", "India and" },
	{ "MOSCOW, Dec 2 (Reuters) - Russia's lower house voted on Tuesday.", 1,
	  "MOSCOW", "Reuters", "XXXX-12-02", "Russia's" },
	{ "NEW DELHI: The Cabinet cleared the pact.", 1, "NEW DELHI", "", "", "The Cabinet" },
	{ "Canberra/New Delhi, June 4 \xE2\x80\x94 The two prime ministers met online.", 1,
	  "Canberra/New Delhi", "", "XXXX-06-04", "The two" },
	{ "TOKYO, Sept 9, 2020 (AFP) -- Japan and India signed an accord.", 1,
	  "TOKYO", "AFP", "2020-09-09", "Japan" },
	{ "New Delhi/Moscow: Russia has approved the draft.", 0, "New Delhi/Moscow", "", "",
	  "Russia" },
	{ "New Delhi/Moscow: Russia has approved the draft.", 1, NULL, NULL, NULL, NULL },
	{ "WASHINGTON \xE2\x80\x94 The Senate voted 19-0.", 1, "WASHINGTON", "", "", "The Senate" },
	/* not datelines */
	{ "Note: figures are provisional.", 0, NULL, NULL, NULL, NULL },
	{ "The Indo-Pacific strategy - a long game - goes on.", 0, NULL, NULL, NULL, NULL },
	{ "India and Japan signed the pact on Wednesday.", 0, NULL, NULL, NULL, NULL },
	{ "Bottom line: the deal stands.", 0, NULL, NULL, NULL, NULL },
	{ "Key Points: The deal stands.", 1, NULL, NULL, NULL, NULL },
};

START_TEST(test_meta_datelines)
{
	const struct dl_case *c = &dl_cases[_i];
	struct dateline dl;
	int ok = meta_dateline(c->para, strlen(c->para), c->strict, &dl);
	if (c->place == NULL) {
		ck_assert_msg(!ok, "\"%s\": not a dateline, got \"%.*s\"", c->para,
		    (int)dl.place.n, dl.place.p);
		return;
	}
	ck_assert_msg(ok, "\"%s\": no dateline", c->para);
	ck_assert_msg(slice_eq(dl.place, c->place), "place \"%.*s\"", (int)dl.place.n,
	    dl.place.p);
	ck_assert_msg(slice_eq(dl.agency, c->agency), "agency \"%.*s\"",
	    (int)dl.agency.n, dl.agency.p);
	char iso[16] = "";
	if (dl.date.prec != DP_NONE) {
		S_iso(&dl.date, iso, sizeof iso);
		if (dl.date.y == 0)
			snprintf(iso, sizeof iso, "XXXX-%02d-%02d", dl.date.m, dl.date.d);
	}
	ck_assert_str_eq(iso, c->date);
	ck_assert_msg(strncmp(c->para + dl.len, c->body, strlen(c->body)) == 0,
	    "body resumes at \"%s\"", c->para + dl.len);
}
END_TEST

/* ---- whole articles -------------------------------------------------- */

static int
S_ingest(struct arena *a, const char *text, struct doc *d)
{
	struct brief_err err;
	return ingest_mem(a, "t.txt", text, strlen(text), d, NULL, &err);
}

/* Is needle inside some kept paragraph? */
static int
S_kept(const struct doc *d, const char *needle)
{
	for (size_t i = 0; i < d->npara; i++) {
		struct slice p = { d->text + d->para[i].off, d->para[i].len };
		for (size_t k = 0; k + strlen(needle) <= p.n; k++)
			if (memcmp(p.p + k, needle, strlen(needle)) == 0)
				return 1;
	}
	return 0;
}

static const struct art_case {
	const char *text;
	const char *title;
	const char *date;        /* ISO or "" for undated */
	const char *source;      /* ingest_date_source */
	const char *outlet;
	const char *gone[3];     /* must not be in any kept paragraph */
	const char *kept[3];     /* must be */
} art_cases[] = {
	/* masthead, breadcrumb, headline, byline, date line, dateline */
	{ "THE HARBOUR TIMES\nHome / World / Asia\n\nPorts pact signed in Tokyo\n\n"
	  "By Jane Doe\nPublished: 10 September 2020\n\n"
	  "TOKYO, Sept 9 (Reuters) - Japan and India signed a supply pact on Wednesday.\n"
	  "It covers fuel and spare parts.\n",
	  "Ports pact signed in Tokyo", "2020-09-10", "date line", "THE HARBOUR TIMES",
	  { "Home / World", "By Jane Doe", "TOKYO, Sept 9" },
	  { "Japan and India signed a supply pact on Wednesday.", "It covers fuel", NULL } },
	/* the dateline alone dates the article; the year from a full date
	 * in the text within the window */
	{ "Navies agree on supply pact\n\n"
	  "CANBERRA, June 4 (AAP) - Australia and India agreed a logistics pact on Thursday.\n"
	  "Talks began in 2014.\n"
	  "The leaders met online on June 4, 2020, and a summit is set for July 2020.\n",
	  "Navies agree on supply pact", "2020-06-04", "dateline", "AAP",
	  { "CANBERRA, June 4", NULL, NULL }, { "Australia and India agreed", NULL, NULL } },
	/* no year near the dateline's day: the article stays undated */
	{ "Navies agree on supply pact\n\n"
	  "CANBERRA, June 4 (AAP) - Australia and India agreed a logistics pact.\n"
	  "Talks began in 2014 and stalled in March 2016.\n",
	  "Navies agree on supply pact", "", "none", "AAP",
	  { NULL, NULL, NULL }, { "Australia and India agreed", NULL, NULL } },
	/* a date told as past that falls after the dateline's day cannot be
	 * that year's news: "signed on 11 June 2019" does not make a May 23
	 * dateline 2019; no other year has a date near it */
	{ "Fisheries accord text agreed\n\n"
	  "LISBON, May 23 (AP) - Negotiators finalised the text of the Atlantic "
	  "Fisheries Accord last Tuesday, a Portuguese official said.\n"
	  "The two coast guards have cooperated since a memorandum signed on "
	  "11 June 2019. Talks were launched on Feb. 14, 2023.\n",
	  "Fisheries accord text agreed", "", "none", "AP",
	  { "LISBON, May 23", NULL, NULL }, { "Negotiators finalised", NULL, NULL } },
	/* a weekday given with the dateline's day picks the year it falls on
	 * (2025), over a background date near that day in another year */
	{ "Senate ratifies fisheries treaty\n\n"
	  "SANTIAGO, Mar 12 (Reuters) - Chile's Senate ratified the Pacific "
	  "Fisheries Treaty on Wednesday (March 12) by 31 votes to 9.\n"
	  "Talks began on 14 February 2023. The treaty was signed in Lima in "
	  "September 2024.\n",
	  "Senate ratifies fisheries treaty", "2025-03-12", "dateline", "Reuters",
	  { "SANTIAGO, Mar 12", NULL, NULL }, { "Chile's Senate ratified", NULL, NULL } },
	/* ... also in the dateline itself */
	{ "Border accord signed\n\n"
	  "ACCRA, Wednesday, March 12 (AFP) - Ghana and Togo signed a border "
	  "accord.\n"
	  "The two sides began talks in 2019 and met again on 2 February 2024.\n",
	  "Border accord signed", "2025-03-12", "dateline", "AFP",
	  { "ACCRA, Wednesday", NULL, NULL }, { "Ghana and Togo signed", NULL, NULL } },
	/* a weekday the lead gives another day near the dateline's: July 1
	 * is a Tuesday in 2025, not 2024 (where "May 21, 2024" is near) */
	{ "Water accord in force\n\n"
	  "WINDHOEK, Jul 6 (AP) - The Kalahari Water Accord entered into force "
	  "on Tuesday (July 1), officials said.\n"
	  "Talks began on 14 February 2023. The text was finalised by "
	  "negotiators on May 21, 2024.\n",
	  "Water accord in force", "2025-07-06", "dateline", "AP",
	  { "WINDHOEK, Jul 6", NULL, NULL }, { "Kalahari Water Accord entered", NULL, NULL } },
	/* the only date near July 2 of 2024 is a month told as past, and
	 * the signing on September 3, 2024 is told as past too, so 2024 is
	 * out; 2025 has nothing near the day: undated, not a guess */
	{ "Rail protocol in force\n\n"
	  "NAIROBI, Jul 2 (AP) - The East African Rail Protocol came into force on "
	  "1 July.\n"
	  "Negotiations concluded in May 2024. Ministers signed the protocol on "
	  "September 3, 2024. Uganda completed ratification on 28 April 2025.\n",
	  "Rail protocol in force", "", "none", "AP",
	  { "NAIROBI, Jul 2", NULL, NULL }, { "Rail Protocol came into force", NULL, NULL } },
	/* a month told as past in the lead is the news, not background */
	{ "Ferry agreement signed\n\n"
	  "REYKJAVIK, Sep 6 (NTB) - Norway and Iceland signed the North Atlantic "
	  "Ferry Agreement in September 2024, opening each other's harbours.\n"
	  "Talks began on Feb. 14, 2023.\n",
	  "Ferry agreement signed", "2024-09-06", "dateline", "NTB",
	  { "REYKJAVIK, Sep 6", NULL, NULL }, { "Norway and Iceland signed", NULL, NULL } },
	/* a clipper's date marker before the headline */
	{ "date 2025-12-05 Upper house approves the accord\n\n"
	  "The upper house approved the accord on Friday.\n",
	  "Upper house approves the accord", "2025-12-05", "date line", "",
	  { "date 2025-12-05", NULL, NULL }, { "approved the accord on Friday", NULL, NULL } },
	/* a label before the headline; captions and a credit */
	{ "Explainer\nWhat the new access pact allows\n\n"
	  "Ministers at the signing ceremony on Monday. (Photo: PIB)\n"
	  "The pact lets ships refuel at each other's ports.\n"
	  "(Source: Reuters)\n",
	  "What the new access pact allows", "", "none", "Reuters",
	  { "Explainer", "(Photo: PIB)", "(Source: Reuters)" },
	  { "The pact lets ships refuel", NULL, NULL } },
	/* a link list after its head drops; the article text after it stays */
	{ "Ports pact signed\n\nThe pact was signed on Monday.\n"
	  "More From This Section\n"
	  "Navy chief visits Kochi shipyard\n"
	  "Coast guards hold joint drill off the Andamans\n"
	  "Why the ports deal matters for the region\n"
	  "\xE2\x80\x9CIt is a milestone,\xE2\x80\x9D said Ana Cruz, a fellow at the Lowy Institute.\n"
	  "The text runs to 12 pages.\n",
	  "Ports pact signed", "", "none", "",
	  { "Navy chief visits Kochi", "Why the ports deal", "More From This Section" },
	  { "It is a milestone", "The text runs to 12 pages.", NULL } },
	/* a URL gives the date when the page does not */
	{ "Title: Pact signed\nURL: https://example.org/world/2024/07/08/pact-signed\n\n"
	  "The pact was signed on Monday.\n",
	  "Pact signed", "2024-07-08", "url", "",
	  { NULL, NULL, NULL }, { "The pact was signed on Monday.", NULL, NULL } },
};

START_TEST(test_meta_articles)
{
	const struct art_case *c = &art_cases[_i];
	struct arena *a = arena_new();
	struct doc d;
	ck_assert_int_eq(S_ingest(a, c->text, &d), 0);
	ck_assert_msg(slice_eq(d.title, c->title), "title \"%.*s\"", (int)d.title.n,
	    d.title.p);
	char iso[16] = "";
	if (d.date.prec != DP_NONE)
		S_iso(&d.date, iso, sizeof iso);
	ck_assert_str_eq(iso, c->date);
	ck_assert_str_eq(ingest_date_source(d.date_src), c->source);
	ck_assert_msg(slice_eq(d.outlet, c->outlet), "outlet \"%.*s\"", (int)d.outlet.n,
	    d.outlet.p);
	for (int k = 0; k < 3; k++) {
		if (c->gone[k])
			ck_assert_msg(!S_kept(&d, c->gone[k]), "kept \"%s\"", c->gone[k]);
		if (c->kept[k])
			ck_assert_msg(S_kept(&d, c->kept[k]), "lost \"%s\"", c->kept[k]);
	}
	/* every dropped line is named with its rule and lies in the text */
	for (size_t k = 0; k < d.ndrops; k++) {
		ck_assert_ptr_nonnull(d.drops[k].rule);
		ck_assert(d.drops[k].text.p >= d.text &&
		    d.drops[k].text.p + d.drops[k].text.n <= d.text + d.len);
	}
	arena_free(a);
}
END_TEST

Suite *meta_suite(void);

Suite *
meta_suite(void)
{
	Suite *s = suite_create("meta");
	TCase *tc = tcase_create("meta");
	tcase_add_loop_test(tc, test_meta_lines, 0,
	    (int)(sizeof line_cases / sizeof *line_cases));
	tcase_add_loop_test(tc, test_meta_datelines, 0,
	    (int)(sizeof dl_cases / sizeof *dl_cases));
	tcase_add_loop_test(tc, test_meta_articles, 0,
	    (int)(sizeof art_cases / sizeof *art_cases));
	suite_add_tcase(s, tc);
	return s;
}
