/*
 * test_hyphen.c -- hyphenation points from libhyphen and hyph_en_US.
 *
 * The expected points are what libhyphen 2.8 gives with Debian's
 * hyphen-en-us patterns (run, not guessed), after this module's rules:
 * minimums 2 and 3, nothing in short words, acronyms, words with digits
 * or inner punctuation; only after the hyphen in hyphenated words.
 */
#include "testutil.h"

#include "brief/hyphen.h"

static struct hyphen *S_h;

static void
S_setup(void)
{
	struct brief_err err = { 0 };

	ck_assert_msg(hyphen_open(NULL, &S_h, &err) == 0, "%s: %s", err.file,
		err.msg);
}

static void
S_teardown(void)
{
	hyphen_close(S_h);
	S_h = NULL;
}

/* The word with its points marked: "-" soft, "=" soft in a capitalised
 * word, "|" after a hyphen in the text. */
static void
S_mark(const char *w, char *out, size_t cap, size_t *count)
{
	size_t n = strlen(w), o = 0;
	unsigned char pts[256];

	ck_assert_uint_lt(n, sizeof pts);
	*count = hyphen_points(S_h, w, n, pts);
	for (size_t i = 0; i < n && o + 2 < cap; i++) {
		if (pts[i] == HYPHEN_EXPLICIT)
			out[o++] = '|';
		else if (pts[i] == (HYPHEN_SOFT | HYPHEN_PROPER))
			out[o++] = '=';
		else if (pts[i] == HYPHEN_SOFT)
			out[o++] = '-';
		else
			ck_assert_int_eq(pts[i], HYPHEN_NONE);
		out[o++] = w[i];
	}
	out[o] = '\0';
}

static const struct {
	const char *word, *want;
	size_t count;
} S_cases[] = {
	/* hyph_en_US as libhyphen applies it */
	{ "hyphenation", "hy-phen-ation", 2 },
	{ "table", "ta-ble", 1 },
	{ "computer", "com-puter", 1 },
	{ "government", "gov-ern-ment", 2 },
	{ "agreement", "agree-ment", 1 },
	{ "reciprocal", "re-cip-ro-cal", 3 },
	{ "cooperation", "co-op-er-a-tion", 4 },
	{ "representatives", "rep-re-sen-ta-tives", 4 },
	{ "military", "mil-i-tary", 2 },
	{ "ratification.", "rat-i-fi-ca-tion.", 4 },
	/* minimums: two letters before, three after */
	{ "analysis", "anal-y-sis", 2 },
	/* UTF-8: points at byte offsets, after multi-byte letters too */
	{ "résumés", "ré-sumés", 1 },
	{ "déterminées", "déter-minées", 1 },
	{ "encyclopædia", "en-cy-clopæ-dia", 3 },
	/* capitalised: allowed, marked */
	{ "Hyphenation", "Hy=phen=ation", 2 },
	{ "Vikramaditya", "Vikra=ma=ditya", 2 },
	{ "BrahMos", "Brah=Mos", 1 },
	{ "Russia\xE2\x80\x99s", "Rus=sia\xE2\x80\x99s", 1 },
	/* punctuation around the word: stripped, offsets kept */
	{ "(government),", "(gov-ern-ment),", 2 },
	{ "\xE2\x80\x9Chyphenation\xE2\x80\x9D",
	  "\xE2\x80\x9Chy-phen-ation\xE2\x80\x9D", 2 },
	{ "government\xE2\x80\x99s", "gov-ern-ment\xE2\x80\x99s", 2 },
	{ "[table]", "[ta-ble]", 1 },
	/* already hyphenated: only after the hyphen, with the minimums */
	{ "long-term", "long-|term", 1 },
	{ "air-defence", "air-|defence", 1 },
	{ "fifth-generation", "fifth-|generation", 1 },
	{ "re-elect", "re-|elect", 1 },
	{ "e-mail", "e-mail", 0 },
	{ "co--operation", "co--operation", 0 },
	{ "long-", "long-", 0 },
	{ "-term", "-term", 0 },
	/* never */
	{ "S-400", "S-400", 0 },
	{ "T-90S", "T-90S", 0 },
	{ "Su-30MKI", "Su-30MKI", 0 },
	{ "2019", "2019", 0 },
	{ "abc123def", "abc123def", 0 },
	{ "RELOS", "RELOS", 0 },
	{ "HYPHENATION", "HYPHENATION", 0 },
	{ "Kupriyanov", "Kupriyanov", 0 },
	{ "cat", "cat", 0 },
	{ "house", "house", 0 },
	{ "café", "café", 0 },
	{ "U.S.", "U.S.", 0 },
	{ "and/or", "and/or", 0 },
	{ "example.com", "example.com", 0 },
	{ "\xE2\x80\x94", "\xE2\x80\x94", 0 },
	{ "", "", 0 },
	{ "x", "x", 0 },
	{ "don't", "don't", 0 },
};

START_TEST(test_hyphen_table)
{
	char got[512];
	size_t count;

	S_mark(S_cases[_i].word, got, sizeof got, &count);
	ck_assert_str_eq(got, S_cases[_i].want);
	ck_assert_uint_eq(count, S_cases[_i].count);
}
END_TEST

/* Words too long, malformed UTF-8, a word that is not NUL-terminated. */
START_TEST(test_hyphen_hostile)
{
	unsigned char pts[512];
	char longw[300];
	static const char bad[] = "hyphen\xff" "ation";
	static const char slice[] = "hyphenationXYZ";

	memset(longw, 'a', sizeof longw);
	memcpy(longw, "supercalifragilistic", 20);
	ck_assert_uint_eq(hyphen_points(S_h, longw, sizeof longw, pts), 0);
	ck_assert_uint_eq(hyphen_points(S_h, longw, HYPHEN_MAXWORD + 1, pts),
		0);
	ck_assert_uint_eq(hyphen_points(S_h, bad, sizeof bad - 1, pts), 0);
	for (size_t i = 0; i < sizeof bad - 1; i++)
		ck_assert_int_eq(pts[i], 0);
	/* only the first 11 bytes: "hyphenation" */
	ck_assert_uint_eq(hyphen_points(S_h, slice, 11, pts), 2);
	ck_assert_int_eq(pts[2], HYPHEN_SOFT);
	ck_assert_int_eq(pts[6], HYPHEN_SOFT);
	/* no dictionary: no points */
	ck_assert_uint_eq(hyphen_points(NULL, slice, 11, pts), 0);
}
END_TEST

START_TEST(test_hyphen_missing_dict)
{
	struct hyphen *h = (struct hyphen *)&h;
	struct brief_err err = { 0 };

	ck_assert_int_eq(hyphen_open("/nonexistent/hyph_xx.dic", &h, &err),
		-1);
	ck_assert_ptr_null(h);
	ck_assert_str_eq(err.stage, "hyphen");
	ck_assert_str_eq(err.file, "/nonexistent/hyph_xx.dic");
	ck_assert_ptr_nonnull(strstr(err.msg, "No such file"));
}
END_TEST

/* The shared dictionary: loaded once, the same handle every time. */
START_TEST(test_hyphen_shared)
{
	struct hyphen *a = NULL, *b = NULL;
	struct brief_err err = { 0 };
	unsigned char pts[16];

	ck_assert_int_eq(hyphen_shared(&a, &err), 0);
	ck_assert_int_eq(hyphen_shared(&b, &err), 0);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_eq(a, b);
	ck_assert_uint_eq(hyphen_points(a, "table", 5, pts), 1);
}
END_TEST

Suite *hyphen_suite(void);

Suite *
hyphen_suite(void)
{
	Suite *s = suite_create("hyphen");
	TCase *tc = tcase_create("points");

	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_add_loop_test(tc, test_hyphen_table, 0,
		(int)(sizeof S_cases / sizeof *S_cases));
	tcase_add_test(tc, test_hyphen_hostile);
	tcase_add_test(tc, test_hyphen_missing_dict);
	tcase_add_test(tc, test_hyphen_shared);
	suite_add_tcase(s, tc);
	return s;
}
