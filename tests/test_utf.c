/*
 * test_utf.c -- stepping through UTF-8 and the character classes.
 */
#include "testutil.h"

#include "brief/utf.h"

Suite *utf_suite(void);

/* "a", "é" (2 bytes), "€" (3), "😀" U+1F600 (4), "z" */
static const char mixed[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";

START_TEST(test_utf_next)
{
	size_t i = 0, n = sizeof mixed - 1;

	ck_assert_int_eq(utf_next(mixed, n, &i), 'a');
	ck_assert_uint_eq(i, 1);
	ck_assert_int_eq(utf_next(mixed, n, &i), 0xE9);
	ck_assert_uint_eq(i, 3);
	ck_assert_int_eq(utf_next(mixed, n, &i), 0x20AC);
	ck_assert_uint_eq(i, 6);
	ck_assert_int_eq(utf_next(mixed, n, &i), 0x1F600);
	ck_assert_uint_eq(i, 10);
	ck_assert_int_eq(utf_next(mixed, n, &i), 'z');
	ck_assert_uint_eq(i, n);
	ck_assert_int_eq(utf_next(mixed, n, &i), UTF_END);
	ck_assert_uint_eq(i, n);
	/* the bound cuts the emoji: ill-formed, read as U+FFFD */
	i = 6;
	ck_assert_int_eq(utf_next(mixed, 8, &i), UTF_BAD);
	ck_assert(i > 6 && i <= 8);
	ck_assert_int_eq(utf_at(mixed, n, 3), 0x20AC);
	ck_assert_int_eq(utf_at(mixed, n, n), UTF_END);
}
END_TEST

START_TEST(test_utf_prev)
{
	size_t i = sizeof mixed - 1;

	ck_assert_int_eq(utf_prev(mixed, 0, &i), 'z');
	ck_assert_int_eq(utf_prev(mixed, 0, &i), 0x1F600);  /* 4-byte emoji */
	ck_assert_uint_eq(i, 6);
	ck_assert_int_eq(utf_prev(mixed, 0, &i), 0x20AC);
	ck_assert_uint_eq(i, 3);
	ck_assert_int_eq(utf_prev(mixed, 0, &i), 0xE9);
	ck_assert_int_eq(utf_prev(mixed, 0, &i), 'a');
	ck_assert_uint_eq(i, 0);
	ck_assert_int_eq(utf_prev(mixed, 0, &i), UTF_END);
	/* never below the lower bound */
	i = 6;
	ck_assert_int_eq(utf_prev(mixed, 3, &i), 0x20AC);
	ck_assert_uint_eq(i, 3);
	ck_assert_int_eq(utf_prev(mixed, 3, &i), UTF_END);
	ck_assert_uint_eq(i, 3);
	/* a bound inside the character: what is left is ill-formed */
	i = 10;
	ck_assert_int_eq(utf_prev(mixed, 8, &i), UTF_BAD);
	ck_assert(i >= 8 && i < 10);
	ck_assert_int_eq(utf_before(mixed, 0, 10), 0x1F600);
}
END_TEST

START_TEST(test_utf_decode_bad)
{
	static const char bad[] = "x\xFF" "y\xE2\x82" "z\xC0\xAF";
	size_t i = 1, n = sizeof bad - 1;

	ck_assert_int_lt(utf_decode(bad, n, &i), 0);
	ck_assert_uint_eq(i, 2);
	ck_assert_int_eq(utf_decode(bad, n, &i), 'y');
	ck_assert_int_lt(utf_decode(bad, n, &i), 0);    /* truncated € */
	ck_assert_int_eq(utf_decode(bad, n, &i), 'z');
	ck_assert_int_lt(utf_decode(bad, n, &i), 0);    /* overlong '/' */
	i = 1;
	ck_assert_int_eq(utf_next(bad, n, &i), UTF_BAD);
	ck_assert_uint_eq(i, 2);
}
END_TEST

START_TEST(test_utf_cut)
{
	size_t n = sizeof mixed - 1;

	ck_assert_uint_eq(utf_cut(mixed, n, 0), 0);
	ck_assert_uint_eq(utf_cut(mixed, n, 1), 1);
	ck_assert_uint_eq(utf_cut(mixed, n, 2), 1);     /* inside é */
	ck_assert_uint_eq(utf_cut(mixed, n, 3), 3);
	ck_assert_uint_eq(utf_cut(mixed, n, 5), 3);     /* inside € */
	for (size_t k = 7; k <= 9; k++)                 /* inside the emoji */
		ck_assert_uint_eq(utf_cut(mixed, n, k), 6);
	ck_assert_uint_eq(utf_cut(mixed, n, 10), 10);
	ck_assert_uint_eq(utf_cut(mixed, n, 50), n);
}
END_TEST

START_TEST(test_utf_space)
{
	static const UChar32 yes[] = { ' ', '\t', '\n', '\r', '\v', '\f',
		0xA0, 0x2000, 0x2007, 0x2009, 0x200A, 0x200B, 0x2028, 0x202F,
		0x205F, 0x3000, 0xFEFF };
	static const UChar32 no[] = { 'a', '-', '.', 0, 0xAD, 0x2010, 0x2013,
		0x200D, 0x2060, 0xFFFD, UTF_END };

	for (size_t k = 0; k < sizeof yes / sizeof *yes; k++)
		ck_assert_msg(utf_is_space(yes[k]), "U+%04X", (unsigned)yes[k]);
	for (size_t k = 0; k < sizeof no / sizeof *no; k++)
		ck_assert_msg(!utf_is_space(no[k]), "U+%04X", (unsigned)no[k]);
}
END_TEST

START_TEST(test_utf_dash)
{
	static const UChar32 dash[] = { '-', 0x2010, 0x2011, 0x2012, 0x2013,
		0x2014, 0x2015, 0x2212 };

	for (size_t k = 0; k < sizeof dash / sizeof *dash; k++)
		ck_assert_msg(utf_is_dash(dash[k]), "U+%04X", (unsigned)dash[k]);
	ck_assert(!utf_is_dash('_'));
	ck_assert(!utf_is_dash(0xAD));          /* soft hyphen: a format char */
	ck_assert(!utf_is_dash(0x2026));
	ck_assert(!utf_is_dash(UTF_END));
	ck_assert(utf_is_phrase_dash(0x2013) && utf_is_phrase_dash(0x2014));
	ck_assert(!utf_is_phrase_dash('-') && !utf_is_phrase_dash(0x2010) &&
	    !utf_is_phrase_dash(0x2212));
	ck_assert(utf_is_hyphen('-') && utf_is_hyphen(0x2010) &&
	    utf_is_hyphen(UTF_NB_HYPHEN));
	ck_assert(!utf_is_hyphen(0x2013) && !utf_is_hyphen(0x2212));
}
END_TEST

START_TEST(test_utf_quotes)
{
	ck_assert_int_eq(utf_dquote(0x201C), UTF_QUOTE_OPEN);
	ck_assert_int_eq(utf_dquote(0xAB), UTF_QUOTE_OPEN);
	ck_assert_int_eq(utf_dquote(0x201D), UTF_QUOTE_CLOSE);
	ck_assert_int_eq(utf_dquote(0xBB), UTF_QUOTE_CLOSE);
	ck_assert_int_eq(utf_dquote('"'), UTF_QUOTE_EITHER);
	ck_assert_int_eq(utf_dquote('\''), UTF_QUOTE_NONE);
	ck_assert_int_eq(utf_dquote(0x2018), UTF_QUOTE_NONE);
	ck_assert(utf_is_quote(0x201C) && utf_is_quote(0x2019) &&
	    utf_is_quote('"') && utf_is_quote(0x201E) && !utf_is_quote('a'));
	ck_assert(utf_is_apostrophe('\'') && utf_is_apostrophe(0x2019));
	ck_assert(!utf_is_apostrophe(0x2018) && !utf_is_apostrophe('`'));
	ck_assert(utf_is_opening(0x201C) && utf_is_opening('(') &&
	    utf_is_opening(0xAB) && utf_is_opening('"') && !utf_is_opening(')'));
	ck_assert(utf_is_closing(0x201D) && utf_is_closing(')') &&
	    utf_is_closing(0x2019) && utf_is_closing('\'') && !utf_is_closing('('));
	ck_assert_uint_eq(utf_dquote_len("\xE2\x80\x9Cx", 4), 3);
	ck_assert_uint_eq(utf_dquote_len("\xC2\xBB", 2), 2);
	ck_assert_uint_eq(utf_dquote_len("\"", 1), 1);
	ck_assert_uint_eq(utf_dquote_len("\xE2\x80\x9C", 2), 0);   /* cut */
	ck_assert_uint_eq(utf_dquote_len("\xE2\x80\x99", 3), 0);   /* ’ */
}
END_TEST

/* The toggle reading: every double mark flips, whatever its direction. */
START_TEST(test_utf_in_dquotes)
{
	static const char s[] = "He said \xE2\x80\x9Cyes\xE2\x80\x9D and \"no\" "
	    "\xC2\xAB" "oui\xC2\xBB end";
	size_t len, at;

	ck_assert(!utf_in_dquotes(s, 3));
	ck_assert(utf_in_dquotes(s, strstr(s, "yes") - s));
	ck_assert(!utf_in_dquotes(s, strstr(s, "and") - s));
	ck_assert(utf_in_dquotes(s, strstr(s, "no") - s));
	ck_assert(utf_in_dquotes(s, strstr(s, "oui") - s));
	ck_assert(!utf_in_dquotes(s, strstr(s, "end") - s));
	at = utf_next_dquote(s, sizeof s - 1, 0, &len);
	ck_assert_uint_eq(at, 8);
	ck_assert_uint_eq(len, 3);
	at = utf_next_dquote(s, sizeof s - 1, at + len, &len);
	ck_assert_uint_eq(at, 14);
	ck_assert_uint_eq(utf_next_dquote("none", 4, 0, &len), 4);
	ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(test_utf_trim_closing)
{
	static const struct { const char *s; size_t n; } c[] = {
		{ "end.\xE2\x80\x9D)", 4 }, { "it\xE2\x80\x99", 2 },
		{ "oui.\xC2\xBB", 4 }, { "plain", 5 }, { "\")", 0 }, { "", 0 },
	};

	for (size_t k = 0; k < sizeof c / sizeof *c; k++)
		ck_assert_uint_eq(utf_trim_closing(c[k].s, strlen(c[k].s)), c[k].n);
}
END_TEST

START_TEST(test_utf_currency)
{
	static const UChar32 yes[] = { '$', 0xA3, 0xA5, 0x20AC, 0x20B9, 0x20BD };

	for (size_t k = 0; k < sizeof yes / sizeof *yes; k++)
		ck_assert_msg(utf_is_currency(yes[k]), "U+%04X", (unsigned)yes[k]);
	ck_assert(!utf_is_currency('%') && !utf_is_currency(0x2080) &&
	    !utf_is_currency(UTF_END));
}
END_TEST

Suite *
utf_suite(void)
{
	Suite *s = suite_create("utf");
	TCase *tc = tcase_create("utf");

	tcase_add_test(tc, test_utf_next);
	tcase_add_test(tc, test_utf_prev);
	tcase_add_test(tc, test_utf_decode_bad);
	tcase_add_test(tc, test_utf_cut);
	tcase_add_test(tc, test_utf_space);
	tcase_add_test(tc, test_utf_dash);
	tcase_add_test(tc, test_utf_quotes);
	tcase_add_test(tc, test_utf_in_dquotes);
	tcase_add_test(tc, test_utf_trim_closing);
	tcase_add_test(tc, test_utf_currency);
	suite_add_tcase(s, tc);
	return s;
}
