/*
 * test_dates.c -- dates_find, dates_parse, calendar arithmetic, formats.
 *
 * Most tests are tables. A find case gives the text, the reference date
 * (ISO, NULL when unknown), the year hint, the mentions expected and,
 * optionally, the exact text of each span. A mention is written as its
 * ISO date ("XXXX" for an unknown year), "..END" for a range, then "{i}"
 * when the year was inferred, "{r}" when it is relative, "{~}" when
 * approximate and "{s}" when "since" comes before it; mentions are
 * joined by ";" and spans by "|".
 */
#include "testutil.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>

#include "brief/base.h"
#include "brief/dates.h"

struct find_case {
	const char *text;
	const char *ref;        /* ISO reference date or NULL */
	int hint;               /* year hint */
	const char *want;
	const char *spans;      /* NULL: spans not checked */
};

static const struct find_case find_cases[] = {
	/* day, month and year spelled out */
	{ "Signed on 18 February 2025 in Moscow.", NULL, 0,
	  "2025-02-18", "18 February 2025" },
	{ "It was signed on February 18, 2025, in Moscow.", NULL, 0,
	  "2025-02-18", "February 18, 2025" },
	{ "signed February 18 2025 by both", NULL, 0,
	  "2025-02-18", "February 18 2025" },
	{ "The accord was signed on 3 March 2019 in Delhi.", NULL, 0,
	  "2019-03-03", "3 March 2019" },
	{ "on March 3rd, 2019, the two sides", NULL, 0,
	  "2019-03-03", "March 3rd, 2019" },
	{ "the 21st of June, 2022 meeting", NULL, 0,
	  "2022-06-21", "21st of June, 2022" },
	{ "the 18th February 2025 session", NULL, 0,
	  "2025-02-18", "18th February 2025" },
	{ "on 18\xC2\xA0" "February\xC2\xA0" "2025, with NBSP", NULL, 0,
	  "2025-02-18", "18\xC2\xA0" "February\xC2\xA0" "2025" },
	{ "The deadline is Sep 30, 2024.", NULL, 0,
	  "2024-09-30", "Sep 30, 2024" },
	{ "Feb 29, 2024 was a Thursday", NULL, 0, "2024-02-29", NULL },
	{ "Tuesday, February 18, 2025 \xE2\x80\x94 Moscow", NULL, 0,
	  "2025-02-18", "Tuesday, February 18, 2025" },
	{ "It was signed on Tuesday 18 February 2025.", "2025-12-03", 0,
	  "2025-02-18", "Tuesday 18 February 2025" },
	{ "On Friday, Sept. 19, 2025, officials met", NULL, 0, "2025-09-19",
	  "Friday, Sept. 19, 2025" },
	{ "The vote is on Wednesday (Nov. 5).", "2025-12-03", 0,
	  "2025-11-05{i}", "Wednesday (Nov. 5)" },
	{ "The vote is on Wednesday (Nov. 5).", NULL, 0,
	  "XXXX-11-05", "Wednesday (Nov. 5)" },
	{ "He was born on 4 July 1776 in a village.", NULL, 0, "1776-07-04",
	  NULL },
	{ "5 June, 2023 and June 5th 2023 and 5th June 2023", NULL, 0,
	  "2023-06-05;2023-06-05;2023-06-05", NULL },
	/* month and day without a year: hint or unknown */
	{ "The deal was signed Feb. 18 in Moscow.", NULL, 0,
	  "XXXX-02-18", "Feb. 18" },
	{ "The deal was signed Feb. 18 in Moscow.", NULL, 2025,
	  "2025-02-18{i}", "Feb. 18" },
	{ "Talks resumed on Feb 18 after a pause.", NULL, 0,
	  "XXXX-02-18", "Feb 18" },
	{ "On 18 Feb, the ministers met.", NULL, 0, "XXXX-02-18", "18 Feb" },
	{ "NEW DELHI, Feb 18 (Reuters) - India said", NULL, 2025,
	  "2025-02-18{i}", "Feb 18" },
	{ "On Sunday 5 October, at 9:30 a.m.", "2025-12-03", 2025,
	  "2025-10-05{i}", "Sunday 5 October" },
	{ "Parliament returns Sept. 3 for a vote.", NULL, 2024,
	  "2024-09-03{i}", "Sept. 3" },
	{ "On the 3rd of March the talks began", NULL, 2019,
	  "2019-03-03{i}", "3rd of March" },
	{ "the May 9 Victory Day parade", NULL, 2025, "2025-05-09{i}",
	  "May 9" },
	{ "on Feb 29 in a leap year", NULL, 2025, "XXXX-02-29", NULL },
	/* a participle after "be" has its auxiliary's tense: "will be
	 * held" plans, "was held" reports */
	{ "The fisheries summit will be held on December 5.", "2025-06-01", 0,
	  "2025-12-05{i}", "December 5" },
	{ "The water-sharing accord is expected to be signed on Sept. 3.",
	  "2025-06-01", 0, "2025-09-03{i}", "Sept. 3" },
	{ "The treaty is due to be ratified on March 12, officials say.",
	  "2025-06-01", 0, "2026-03-12{i}", "March 12" },
	{ "The water-sharing accord was signed on Sept. 3.", "2025-06-01", 0,
	  "2024-09-03{i}", "Sept. 3" },
	{ "The accord had been signed on Sept. 3 in Dhaka.", "2025-06-01", 0,
	  "2024-09-03{i}", "Sept. 3" },
	/* numeric */
	{ "Posted 2025-02-18 by the desk", NULL, 0, "2025-02-18",
	  "2025-02-18" },
	{ "Updated 2025-02-18T10:00:00Z", NULL, 0, "2025-02-18",
	  "2025-02-18" },
	{ "File dated 2025/02/18.", NULL, 0, "2025-02-18", "2025/02/18" },
	{ "Order of 18/02/2025 (d/m)", NULL, 0, "2025-02-18", "18/02/2025" },
	{ "Filed 2/18/2025 in Delhi", NULL, 0, "2025-02-18", "2/18/2025" },
	{ "Filed 03/04/2025 in Delhi", NULL, 0, "", NULL },
	{ "Filed 04/04/2025 in Delhi", NULL, 0, "2025-04-04", NULL },
	{ "Notice 13.12.2025 issued", NULL, 0, "2025-12-13", "13.12.2025" },
	/* ranges */
	{ "summit slated for December 4\xE2\x80\x93" "5.", NULL, 0,
	  "XXXX-12-04..XXXX-12-05", "December 4\xE2\x80\x93" "5" },
	{ "summit slated for December 4-5, the lower house", NULL, 2025,
	  "2025-12-04..2025-12-05{i}", "December 4-5" },
	{ "the 4\xE2\x80\x93" "5 December summit", NULL, 0,
	  "XXXX-12-04..XXXX-12-05", "4\xE2\x80\x93" "5 December" },
	{ "(scheduled for December 4\xE2\x80\x93" "5, 2025)", NULL, 0,
	  "2025-12-04..2025-12-05", "December 4\xE2\x80\x93" "5, 2025" },
	{ "meeting on 4-5 December 2025 in Delhi", NULL, 0,
	  "2025-12-04..2025-12-05", "4-5 December 2025" },
	{ "from December 4 \xE2\x80\x94 5, 2025", NULL, 0,
	  "2025-12-04..2025-12-05", "December 4 \xE2\x80\x94 5, 2025" },
	{ "the forum runs November 30\xE2\x80\x93" "December 2, 2025", NULL,
	  0, "2025-11-30..2025-12-02",
	  "November 30\xE2\x80\x93" "December 2, 2025" },
	{ "held 30 November \xE2\x80\x93 2 December 2025 in Goa", NULL, 0,
	  "2025-11-30..2025-12-02",
	  "30 November \xE2\x80\x93 2 December 2025" },
	{ "a break from December 30\xE2\x80\x93January 2, 2026", NULL, 0,
	  "2025-12-30..2026-01-02", NULL },
	{ "range 30 Nov-2 Dec and Nov 30 - Dec 2", NULL, 0,
	  "XXXX-11-30..XXXX-12-02;XXXX-11-30..XXXX-12-02",
	  "30 Nov-2 Dec|Nov 30 - Dec 2" },
	/* month and year, month alone */
	{ "The June 2024 order", NULL, 0, "2024-06", "June 2024" },
	{ "by June of 2024 the", NULL, 0, "2024-06", "June of 2024" },
	{ "the March 2024 talks", NULL, 0, "2024-03", "March 2024" },
	{ "unchanged since Feb. 2025", NULL, 0, "2025-02{s}", "Feb. 2025" },
	{ "In May 2024 India voted", NULL, 0, "2024-05", "May 2024" },
	{ "Article 370 was abrogated in August 2019.", NULL, 0, "2019-08",
	  "August 2019" },
	{ "a proposal from early January for Russia", NULL, 0, "XXXX-01",
	  "early January" },
	{ "ratified by mid-December", NULL, 2025, "2025-12{i}",
	  "mid-December" },
	{ "In March, talks resumed.", NULL, 2024, "2024-03{i}", "March" },
	{ "by the end of March", NULL, 0, "XXXX-03", "March" },
	/* bare years */
	{ "The $5.4 billion agreement for five units, signed in 2018, has",
	  NULL, 0, "2018", "2018" },
	{ "ties have grown since 2018", NULL, 0, "2018{s}", "2018" },
	{ "to be complete by 2030.", NULL, 0, "2030", "2030" },
	{ "valid until 2027 and renewable", NULL, 0, "2027", "2027" },
	{ "By 2030 India will", NULL, 0, "2030", "2030" },
	{ "The treaty (2018) was renewed.", NULL, 0, "2018", "2018" },
	{ "in early 2018 the talks", NULL, 0, "2018", "early 2018" },
	{ "expected by mid-2024.", NULL, 0, "2024", "mid-2024" },
	{ "Since the 2018 deal, India", NULL, 0, "2018{s}", "2018" },
	/* "since" begins a span that lasts ({s}): no event on that date */
	{ "The coast guards have exercised together annually since 2016.",
	  NULL, 0, "2016{s}", "2016" },
	{ "the biggest step in relations since the 2019 memorandum on fishing", NULL,
	  0, "2019{s}", "2019" },
	{ "The canal treaty has been in force since 1 March 2021.", NULL, 0,
	  "2021-03-01{s}", "1 March 2021" },
	{ "The canal treaty entered into force in 2021 and has been in force "
	  "ever since.", NULL, 0, "2021", "2021" },
	{ "after India\xE2\x80\x99s 2019 election", NULL, 0, "2019", "2019" },
	{ "from 2018 to 2020 the", NULL, 0, "2018..2020", "2018 to 2020" },
	{ "between 2018 and 2020, trade", NULL, 0, "2018..2020",
	  "2018 and 2020" },
	{ "in 2018\xE2\x80\x93" "2020 trade rose", NULL, 0, "2018..2020",
	  "2018\xE2\x80\x93" "2020" },
	{ "Putin\xE2\x80\x99s Summer 2022 Prediction About", NULL, 0, "2022",
	  "Summer 2022" },
	{ "In the year 2018 India", NULL, 0, "2018", "2018" },
	{ "in fiscal 2025, revenue", NULL, 0, "2025", "2025" },
	{ "in 2019 elections the party", NULL, 0, "2019", "2019" },
	{ "As of 2024, the class of 2018 and the summer of 2022", NULL, 0,
	  "2024;2018;2022", NULL },
	{ "in the first half of 2026; by the end of 2025.", NULL, 0,
	  "2026;2025", NULL },
	{ "The 1971 war and the 1962 war", NULL, 0, "1971;1962", NULL },
	{ "1999's Kargil war; Kargil (1999)", NULL, 0, "1999", NULL },
	/* not dates */
	{ "India is set to manufacture 200 Kamov Ka-226 helicopters", NULL,
	  0, "", NULL },
	{ "The $5.4 billion agreement", NULL, 0, "", NULL },
	{ "some 2,000 troops and 2,500 vehicles in 2,000 cases", NULL, 0,
	  "", NULL },
	{ "the S-400 deal and T-90S Bhishma tanks", NULL, 0, "", NULL },
	{ "the Su-30MKI and AK-203 programmes", NULL, 0, "", NULL },
	{ "a range of 1500 km", NULL, 0, "", NULL },
	{ "reinforced by 2000 troops", NULL, 0, "", NULL },
	{ "a total of 2000 soldiers", NULL, 0, "", NULL },
	{ "the 2000 troops deployed", NULL, 0, "", NULL },
	{ "around 2050 people attended", NULL, 0, "", NULL },
	{ "call 2025-123 for details", NULL, 0, "", NULL },
	{ "the 23rd Bilateral Summit", NULL, 0, "", NULL },
	{ "Defence Pact With India \xE2\x80\x94 2025 Update", NULL, 0, "",
	  NULL },
	{ "firmware v1.2.2025 released", NULL, 0, "", NULL },
	{ "popular in the 1990s", NULL, 0, "", NULL },
	{ "at 18:30 on deck, 2018 figures", NULL, 0, "", NULL },
	{ "Leaders may meet again in may.", NULL, 0, "", NULL },
	{ "The March for Peace drew crowds.", NULL, 2025, "", NULL },
	{ "Troops will March on Delhi.", NULL, 2025, "", NULL },
	{ "a rift in May\xE2\x80\x99s cabinet", NULL, 2025, "", NULL },
	{ "Mrs May 2 votes short; Mrs. May 5 times", NULL, 0, "", NULL },
	{ "Scores of 2019 and 2020 were compared", NULL, 0, "", NULL },
	{ "deployed in 2019-20 fiscal and 2024-2025 season", NULL, 0, "",
	  NULL },
	{ "Feb 29, 2025 does not exist", NULL, 0, "", NULL },
	{ "April 31, 2025 nor on 31 June", NULL, 0, "", NULL },
	{ "a \xE2\x82\xAC" "2019 fund and a $2020 bill", NULL, 0, "", NULL },
	/* relative forms: only with a day-precise reference */
	{ "On Tuesday, Kremlin spokesperson Dmitry Peskov said", NULL, 0,
	  "", NULL },
	{ "On Tuesday, Kremlin spokesperson Dmitry Peskov said",
	  "2025-12-03", 0, "2025-12-02{r}", "Tuesday" },
	{ "Peskov said on Wednesday that", "2025-12-03", 0,
	  "2025-12-03{r}", "Wednesday" },
	{ "It was forwarded last Wednesday.", "2025-12-03", 0,
	  "2025-11-26{r}", "last Wednesday" },
	{ "Modi\xE2\x80\x99s summit with Trump last Friday was", "2025-02-18",
	  0, "2025-02-14{r}", "last Friday" },
	{ "They meet next Monday.", "2025-02-18", 0, "2025-02-24{r}",
	  "next Monday" },
	{ "They meet next Tuesday.", "2025-02-18", 0, "2025-02-25{r}",
	  "next Tuesday" },
	{ "Officials said Thursday the", "2025-02-18", 0, "2025-02-13{r}",
	  "Thursday" },
	{ "today, yesterday and tomorrow", "2025-03-01", 0,
	  "2025-03-01{r};2025-02-28{r};2025-03-02{r}",
	  "today|yesterday|tomorrow" },
	{ "forwarded for ratification last week by Prime Minister",
	  "2025-12-03", 0, "2025-11-26{r}{~}", "last week" },
	{ "signed earlier this year", "2025-12-03", 0, "2025{r}",
	  "earlier this year" },
	{ "signed earlier this year", NULL, 2025, "", NULL },
	{ "Last year trade grew; next year it may double.", "2025-12-03", 0,
	  "2024{r};2026{r}", "Last year|next year" },
	{ "Sales fell last month.", "2025-01-15", 0, "2024-12{r}",
	  "last month" },
	{ "The visit is next month.", "2025-12-10", 0, "2026-01{r}", NULL },
	{ "approved earlier this month", "2025-12-10", 0, "2025-12{r}",
	  "earlier this month" },
	{ "signed two days ago", "2025-03-01", 0, "2025-02-27{r}",
	  "two days ago" },
	{ "A year ago, the pact", "2025-03-01", 0, "2024{r}",
	  "A year ago" },
	{ "3 weeks ago", "2025-03-01", 0, "2025-02-08{r}{~}", NULL },
	{ "Russia Today reported; India Today too.", "2025-12-03", 0, "",
	  NULL },
	{ "the Sunday Times and Good Friday", "2025-12-03", 0, "", NULL },
	{ "open Monday-Friday", "2025-12-03", 0, "", NULL },
	{ "This week\xE2\x80\x99s summit and next Friday\xE2\x80\x99s vote",
	  "2025-12-03", 0, "2025-12-03{r}{~};2025-12-05{r}",
	  "This week|next Friday" },
	{ "over the last year, ties; Last Week Tonight", "2025-12-03", 0,
	  "", NULL },
	{ "approved today", "2025-12", 0, "", NULL },
	{ "With today\xE2\x80\x99s ratification", "2025-12-02", 0,
	  "2025-12-02{r}", "today" },
	{ "Today, leaders met.", "2025-12-02", 0, "2025-12-02{r}", "Today" },
	/* mixed */
	{ "RELOS \xE2\x80\x94 signed earlier this year (February 18, 2025) by",
	  "2025-12-02", 0, "2025{r};2025-02-18",
	  "earlier this year|February 18, 2025" },
	{ "The Duma ratified it last week; Putin arrives December 4\xE2\x80\x93"
	  "5.", "2025-12-02", 2025,
	  "2025-11-25{r}{~};2025-12-04..2025-12-05{i}", NULL },
};

/* ---- helpers ------------------------------------------------------ */

static void
put_mention(struct buf *b, const struct date_mention *m)
{
	bdate_format_iso(b, &m->date);
	if (m->flags & DM_RANGE) {
		buf_puts(b, "..");
		bdate_format_iso(b, &m->end);
	}
	if (m->flags & DM_YEAR_INFERRED)
		buf_puts(b, "{i}");
	if (m->flags & DM_RELATIVE)
		buf_puts(b, "{r}");
	if (m->flags & DM_APPROX)
		buf_puts(b, "{~}");
	if (m->flags & DM_SINCE)
		buf_puts(b, "{s}");
}

/* Invariants of any result: in bounds, in order, not overlapping, end
 * equal to the start unless a range. (One assertion per call: Check
 * records every assertion, which is slow in long loops.) */
static void
check_invariants(const struct date_mention *m, size_t k, size_t n)
{
	size_t i, last = 0;
	int ok = 1;
	for (i = 0; i < k && ok; i++) {
		int c = bdate_cmp(&m[i].date, &m[i].end);
		ok = m[i].len > 0 && m[i].off >= last && m[i].off <= n &&
			m[i].len <= n - m[i].off &&
			((m[i].flags & DM_RANGE) ? c < 0 : c == 0);
		last = m[i].off + m[i].len;
	}
	ck_assert_msg(ok, "mention %zu of %zu breaks an invariant", i, k);
}

/* Run dates_find over an exact-size copy of text (no NUL after it, so a
 * read past n trips ASan); write mentions and spans joined. */
static size_t
run_find(const char *text, size_t n, const struct date_ctx *ctx,
	struct buf *want, struct buf *spans)
{
	struct date_mention m[64];
	char *copy = xmalloc(n);
	size_t k, i;
	memcpy(copy, text, n);
	k = dates_find(copy, n, ctx, m, 64);
	check_invariants(m, k, n);
	for (i = 0; i < k; i++) {
		if (i > 0) {
			buf_putc(want, ';');
			buf_putc(spans, '|');
		}
		put_mention(want, &m[i]);
		buf_put(spans, copy + m[i].off, m[i].len);
	}
	free(copy);
	return k;
}

static void
make_ctx(struct date_ctx *ctx, const char *ref, int hint)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->year_hint = hint;
	if (ref != NULL)
		ck_assert_int_eq(dates_parse(ref, strlen(ref), &ctx->ref), 0);
}

START_TEST(test_find_table)
{
	const struct find_case *c = &find_cases[_i];
	struct date_ctx ctx;
	struct buf got = { 0 }, spans = { 0 };
	make_ctx(&ctx, c->ref, c->hint);
	run_find(c->text, strlen(c->text), &ctx, &got, &spans);
	ck_assert_msg(strcmp(buf_cstr(&got), c->want) == 0,
		"case %d \"%s\": got \"%s\", want \"%s\"", _i, c->text,
		buf_cstr(&got), c->want);
	if (c->spans != NULL)
		ck_assert_msg(strcmp(buf_cstr(&spans), c->spans) == 0,
			"case %d \"%s\": spans \"%s\", want \"%s\"", _i,
			c->text, buf_cstr(&spans), c->spans);
	buf_free(&got);
	buf_free(&spans);
}
END_TEST

/* ---- limits and hostile input ------------------------------------- */

START_TEST(test_find_limits)
{
	const char *s = "in 2018, in 2019 and in 2020";
	struct date_mention m[4];
	struct date_ctx ctx = { { 0, 0, 0, DP_NONE }, 0, 0, { 0, 0, 0, DP_NONE } };
	ck_assert_uint_eq(dates_find(s, strlen(s), &ctx, m, 1), 1);
	ck_assert_int_eq(m[0].date.y, 2018);
	ck_assert_uint_eq(dates_find(s, strlen(s), &ctx, m, 0), 0);
	ck_assert_uint_eq(dates_find(s, 0, &ctx, m, 4), 0);
	ck_assert_uint_eq(dates_find(s, strlen(s), NULL, m, 4), 3);
	/* cut mid-phrase: "in 20" is not a year */
	ck_assert_uint_eq(dates_find(s, 5, &ctx, m, 4), 0);
}
END_TEST

/* Every prefix of a dense text, each in an exact-size buffer. */
START_TEST(test_find_prefixes)
{
	const char *s = "On Tuesday, 18\xC2\xA0" "Feb. 2025\xE2\x80\x93"
		"December 4\xE2\x80\x93" "5, 2025 (2018) mid-2024 last week "
		"2025-02-18T10 18/02/2025 two days ago 3rd of March \xE2\x80";
	size_t n = strlen(s), k;
	struct date_ctx ctx;
	struct buf a = { 0 }, b = { 0 };
	make_ctx(&ctx, "2025-12-03", 2025);
	for (k = 0; k <= n; k++) {
		run_find(s, k, &ctx, &a, &b);
		a.n = b.n = 0;
	}
	buf_free(&a);
	buf_free(&b);
}
END_TEST

static const char *const fuzz_parts[] = { "December", "May", "Feb", ".",
	" ", " ", "4", "18", "2025", "1999", "-", "\xE2\x80\x93", ",", "in",
	"last", "week", "Tuesday", "on", "(", ")", "/", "th", "of", "mid",
	"\xC2\xA0", "\xE2", "\xE2\x80", "ago", "two", "days", "the", "deal",
	"$", "T", ":", "this", "year", "0", "\n" };

/* Random texts from date-like parts: invariants hold, nothing crashes. */
START_TEST(test_find_fuzz)
{
	size_t nparts = sizeof fuzz_parts / sizeof fuzz_parts[0];
	uint32_t x = 12345;
	struct date_ctx ctx;
	struct buf text = { 0 }, a = { 0 }, b = { 0 };
	int round;
	make_ctx(&ctx, "2024-02-29", 2024);
	for (round = 0; round < 3000; round++) {
		test_random_text(&text, &x, fuzz_parts, nparts, 40);
		run_find(text.p, text.n, &ctx, &a, &b);
		a.n = b.n = 0;
	}
	buf_free(&text);
	buf_free(&a);
	buf_free(&b);
}
END_TEST

/* Long repetitive input runs in one linear pass. */
START_TEST(test_find_pathological)
{
	static const char *const units[] = { "December 4\xE2\x80\x93",
		"1 ", "in ", "-", "\xC2\xA0",
		("December 4\xE2\x80\x93" "5, 2025 ") };
	struct date_mention *m = xcalloc(200000, sizeof *m);
	struct buf text = { 0 };
	size_t u, i, k;
	for (u = 0; u < sizeof units / sizeof units[0]; u++) {
		text.n = 0;
		for (i = 0; text.n < 1000000; i++)
			buf_puts(&text, units[u]);
		k = dates_find(text.p, text.n, NULL, m, 200000);
		check_invariants(m, k, text.n);
		if (u + 1 == sizeof units / sizeof units[0])
			ck_assert_uint_eq(k, i);
	}
	buf_free(&text);
	free(m);
}
END_TEST

/* ---- dates_parse -------------------------------------------------- */

struct parse_case {
	const char *in;
	const char *iso;        /* NULL: must fail */
};

static const struct parse_case parse_cases[] = {
	{ "2025-02-18", "2025-02-18" },
	{ "2025-02-18T10:00:00Z", "2025-02-18" },
	{ "2025-02-18 10:00", "2025-02-18" },
	{ "  2025-02-18\xC2\xA0", "2025-02-18" },
	{ "18 February 2025", "2025-02-18" },
	{ "February 18, 2025", "2025-02-18" },
	{ "Feb 18, 2025", "2025-02-18" },
	{ "Feb. 18, 2025", "2025-02-18" },
	{ "18 FEB 2025", "2025-02-18" },
	{ "Tue, 18 Feb 2025 10:00:00 +0000", "2025-02-18" },
	{ "Tuesday, February 18, 2025", "2025-02-18" },
	{ "18/02/2025", "2025-02-18" },
	{ "June 2024", "2024-06" },
	{ "Feb 2025", "2025-02" },
	{ "2025-02", "2025-02" },
	{ "2025", "2025" },
	{ "2024-02-29", "2024-02-29" },
	{ "", NULL },
	{ "   ", NULL },
	{ "2025-02-30", NULL },
	{ "Feb 30, 2025", NULL },
	{ "30 February 2025", NULL },
	{ "2025-13-01", NULL },
	{ "2025-02-29", NULL },
	{ "Feb 18", NULL },
	{ "June", NULL },
	{ "yesterday", NULL },
	{ "December 4-5, 2025", NULL },
	{ "2025-02-18 and more", NULL },
	{ "on 18 February 2025", NULL },
	{ "18 February 2025.", NULL },
	{ "03/04/2025", NULL },
	{ "20250", NULL },
	{ "2025-123", NULL },
	{ "12345-02-18", NULL },
};

START_TEST(test_parse_table)
{
	const struct parse_case *c = &parse_cases[_i];
	size_t n = strlen(c->in);
	char *copy = xmalloc(n);
	struct bdate d = { 0, 0, 0, DP_NONE };
	struct buf b = { 0 };
	int rc;
	memcpy(copy, c->in, n);
	rc = dates_parse(copy, n, &d);
	free(copy);
	if (c->iso == NULL) {
		ck_assert_msg(rc == -1, "\"%s\" parsed", c->in);
		return;
	}
	ck_assert_msg(rc == 0, "\"%s\" failed", c->in);
	bdate_format_iso(&b, &d);
	ck_assert_str_eq(buf_cstr(&b), c->iso);
	buf_free(&b);
}
END_TEST

/* ---- compare, format, calendar ------------------------------------ */

START_TEST(test_cmp_order)
{
	static const struct bdate sorted[] = {
		{ 0, 0, 0, DP_NONE }, { 0, 2, 0, DP_MONTH },
		{ 0, 2, 18, DP_DAY }, { 0, 12, 4, DP_DAY },
		{ 1999, 0, 0, DP_YEAR }, { 2024, 12, 31, DP_DAY },
		{ 2025, 0, 0, DP_YEAR }, { 2025, 1, 0, DP_MONTH },
		{ 2025, 1, 31, DP_DAY }, { 2025, 2, 0, DP_MONTH },
		{ 2025, 2, 1, DP_DAY }, { 2025, 2, 18, DP_DAY },
		{ 2025, 12, 0, DP_MONTH }, { 2026, 0, 0, DP_YEAR },
	};
	size_t n = sizeof sorted / sizeof sorted[0], i, j;
	struct bdate junk = { 2025, 7, 9, DP_YEAR };   /* m, d ignored */
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int c = bdate_cmp(&sorted[i], &sorted[j]);
			int want = i < j ? -1 : i > j ? 1 : 0;
			ck_assert_msg(c == want, "cmp(%zu, %zu) = %d", i, j, c);
		}
	ck_assert_int_eq(bdate_cmp(&junk, &sorted[6]), 0);
}
END_TEST

struct format_case {
	struct bdate d;
	const char *text, *iso;
};

static const struct format_case format_cases[] = {
	{ { 2025, 2, 18, DP_DAY }, "18 Feb 2025", "2025-02-18" },
	{ { 2025, 12, 4, DP_DAY }, "4 Dec 2025", "2025-12-04" },
	{ { 2024, 6, 0, DP_MONTH }, "Jun 2024", "2024-06" },
	{ { 2018, 0, 0, DP_YEAR }, "2018", "2018" },
	{ { 0, 2, 18, DP_DAY }, "18 Feb", "XXXX-02-18" },
	{ { 0, 9, 0, DP_MONTH }, "Sep", "XXXX-09" },
	{ { 0, 0, 0, DP_NONE }, "", "" },
	{ { 812, 1, 5, DP_DAY }, "5 Jan 812", "0812-01-05" },
};

START_TEST(test_format_table)
{
	const struct format_case *c = &format_cases[_i];
	struct buf a = { 0 }, b = { 0 };
	bdate_format(&a, &c->d);
	bdate_format_iso(&b, &c->d);
	ck_assert_str_eq(buf_cstr(&a), c->text);
	ck_assert_str_eq(buf_cstr(&b), c->iso);
	buf_free(&a);
	buf_free(&b);
}
END_TEST

START_TEST(test_days_known)
{
	static const struct { int y, m, d; long days; int wd; } k[] = {
		{ 1970, 1, 1, 0, 3 }, { 1969, 12, 31, -1, 2 },
		{ 2000, 3, 1, 11017, 2 }, { 2024, 2, 29, 19782, 3 },
		{ 2025, 2, 18, 20137, 1 }, { 2025, 12, 3, 20425, 2 },
		{ 1, 1, 1, -719162, 0 }, { 9999, 12, 31, 2932896, 4 },
		{ 1900, 3, 1, -25508, 3 },
	};
	size_t i;
	for (i = 0; i < sizeof k / sizeof k[0]; i++) {
		struct bdate d;
		ck_assert_int_eq(bdate_days(k[i].y, k[i].m, k[i].d), k[i].days);
		ck_assert_int_eq(bdate_weekday(k[i].y, k[i].m, k[i].d), k[i].wd);
		bdate_from_days(k[i].days, &d);
		ck_assert(d.y == k[i].y && d.m == k[i].m && d.d == k[i].d);
		ck_assert_int_eq(d.prec, DP_DAY);
	}
}
END_TEST

/* Walk day by day from 1600 to 2400 with an independent successor rule;
 * both directions of the conversion must agree with it. */
START_TEST(test_days_round_trip)
{
	static const int mlen[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int y = 1600, m = 1, d = 1;
	long days = bdate_days(1600, 1, 1);
	while (y < 2400) {
		struct bdate b;
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		int len = mlen[m - 1] + (m == 2 && leap);
		bdate_from_days(days, &b);
		if (bdate_days(y, m, d) != days || b.y != y || b.m != m ||
		    b.d != d)
			ck_abort_msg("%04d-%02d-%02d <-> %ld", y, m, d, days);
		days++;
		if (++d > len) {
			d = 1;
			if (++m > 12)
				m = 1, y++;
		}
	}
}
END_TEST

/* ---- the seed articles -------------------------------------------- */

/* Read seeds/PREFIX*.txt into *text. */
static void
read_seed(const char *prefix, char **text, size_t *n)
{
	char dir[1024], path[2048];
	struct dirent *e;
	DIR *dp;
	snprintf(dir, sizeof dir, "%s/seeds", test_top());
	dp = opendir(dir);
	ck_assert_msg(dp != NULL, "no %s", dir);
	path[0] = '\0';
	while ((e = readdir(dp)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
	closedir(dp);
	ck_assert_msg(path[0] != '\0', "no seed %s", prefix);
	*text = test_read(n, "%s", path);
}

struct seed_case {
	const char *prefix, *ref;
	int hint;
	const char *want;
};

static const struct seed_case seed_cases[] = {
	{ "000_", NULL, 0, "" },
	{ "001_", NULL, 0, "XXXX-12-04..XXXX-12-05;XXXX-12-04..XXXX-12-05;"
	  "XXXX-02-18" },
	{ "001_", NULL, 2025, "2025-12-04..2025-12-05{i};"
	  "2025-12-04..2025-12-05{i};2025-02-18{i}" },
	{ "002_", NULL, 0, "2024-01-27;2024-06-23;2024-11-16;2024-12-10;"
	  "2025-01-20;2025-02-18;2025-02-13;2025-02-14;2025-02-15;2022;"
	  "XXXX-01" },
	{ "002_", "2025-02-20", 2025, "2025-02-14{r};2025-02-18{r};"
	  "2024-01-27;2024-06-23;2024-11-16;2024-12-10;2025-01-20;"
	  "2025-02-18;2025-02-13;2025-02-14;2025-02-15;2022;2025-01{i}" },
	{ "003_", NULL, 0, "XXXX-02-18;XXXX-12-04..XXXX-12-05;2018" },
	{ "003_", "2025-12-03", 2025, "2025-02-18{i};2025-11-26{r}{~};"
	  "2025-12-04..2025-12-05{i};2025-12-02{r};2018" },
	{ "004_", NULL, 0, "2025-12-04..2025-12-05;2025-02-18" },
	{ "004_", "2025-12-02", 2025, "2025-12-04..2025-12-05;2025{r};"
	  "2025-02-18;2025-12-02{r}" },
};

START_TEST(test_seeds)
{
	const struct seed_case *c = &seed_cases[_i];
	struct date_ctx ctx;
	struct buf got = { 0 }, spans = { 0 };
	char *text;
	size_t n;
	read_seed(c->prefix, &text, &n);
	make_ctx(&ctx, c->ref, c->hint);
	run_find(text, n, &ctx, &got, &spans);
	ck_assert_msg(strcmp(buf_cstr(&got), c->want) == 0,
		"seed %s: got \"%s\"\nwant \"%s\"\nspans \"%s\"", c->prefix,
		buf_cstr(&got), c->want, buf_cstr(&spans));
	free(text);
	buf_free(&got);
	buf_free(&spans);
}
END_TEST

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *dates_suite(void);

Suite *
dates_suite(void)
{
	Suite *s = suite_create("dates");
	TCase *find = tcase_create("find"), *other = tcase_create("other");
	tcase_add_loop_test(find, test_find_table, 0, NELEM(find_cases));
	tcase_add_test(find, test_find_limits);
	tcase_add_test(find, test_find_prefixes);
	tcase_add_test(find, test_find_fuzz);
	tcase_add_test(find, test_find_pathological);
	tcase_add_loop_test(find, test_seeds, 0, NELEM(seed_cases));
	tcase_set_timeout(find, 60);
	tcase_add_loop_test(other, test_parse_table, 0, NELEM(parse_cases));
	tcase_add_test(other, test_cmp_order);
	tcase_add_loop_test(other, test_format_table, 0, NELEM(format_cases));
	tcase_add_test(other, test_days_known);
	tcase_add_test(other, test_days_round_trip);
	tcase_set_timeout(other, 60);
	suite_add_tcase(s, find);
	suite_add_tcase(s, other);
	return s;
}
