/*
 * test_lexicon.c -- the word lists: every entry found, near misses not,
 * the three ways of comparing case, months and weekdays.
 */
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <strings.h>

#include "brief/lexicon.h"

Suite *lexicon_suite(void);

/* Is w one of list l's entries (by enumeration, not by the hash)? */
static int
S_listed(enum lex_list l, const char *w, size_t n)
{
	for (size_t i = 0; i < lex_size(l); i++) {
		const char *e = lex_word(l, i, NULL);

		if (strlen(e) == n && memcmp(e, w, n) == 0)
			return 1;
	}
	return 0;
}

static int
S_listed_ci(enum lex_list l, const char *w, size_t n)
{
	for (size_t i = 0; i < lex_size(l); i++) {
		const char *e = lex_word(l, i, NULL);

		if (strlen(e) == n && strncasecmp(e, w, n) == 0)
			return 1;
	}
	return 0;
}

START_TEST(test_lexicon_lists)
{
	for (int l = 0; l < LEX_NLISTS; l++) {
		ck_assert_ptr_nonnull(lex_name(l));
		ck_assert_msg(lex_size(l) > 0, "%s is empty", lex_name(l));
		ck_assert_ptr_null(lex_word(l, lex_size(l), NULL));
		for (int k = 0; k < l; k++)
			ck_assert_str_ne(lex_name(k), lex_name(l));
	}
	ck_assert_ptr_null(lex_name(LEX_NLISTS));
	ck_assert_uint_eq(lex_size(LEX_NLISTS), 0);
	ck_assert_uint_eq(lex_size(LEX_MONTH), 12);
	ck_assert_uint_eq(lex_size(LEX_WEEKDAY), 7);
}
END_TEST

/* Every entry of every list is found, exactly and in any case, with its
 * value; the entry with a letter added before or after is not. */
START_TEST(test_lexicon_every_entry)
{
	char buf[64];

	for (int l = 0; l < LEX_NLISTS; l++)
		for (size_t i = 0; i < lex_size(l); i++) {
			int v = 0;
			const char *w = lex_word(l, i, &v);
			size_t n = strlen(w);

			ck_assert(n > 0 && n + 2 < sizeof buf);
			ck_assert_msg(v > 0, "%s: %s", lex_name(l), w);
			ck_assert_msg(lex_find(l, w, n, LEX_EXACT) == v &&
			    lex_find(l, w, n, LEX_FOLD) == v &&
			    lex_find(l, w, n, LEX_CAP) == v, "%s: %s", lex_name(l), w);
			ck_assert(lex_is(l, w, n) && lex_is_ci(l, w, n));
			for (size_t k = 0; k < n; k++)      /* all capitals */
				buf[k] = (char)(w[k] >= 'a' && w[k] <= 'z' ? w[k] - 32 : w[k]);
			ck_assert_msg(lex_is_ci(l, buf, n), "%s: %.*s", lex_name(l),
			    (int)n, buf);
			ck_assert_int_eq(lex_is(l, buf, n), S_listed(l, buf, n));
			/* near misses */
			snprintf(buf, sizeof buf, "%sq", w);
			ck_assert_int_eq(lex_is_ci(l, buf, n + 1), S_listed_ci(l, buf, n + 1));
			snprintf(buf, sizeof buf, "q%s", w);
			ck_assert_int_eq(lex_is_ci(l, buf, n + 1), S_listed_ci(l, buf, n + 1));
			if (n > 1)
				ck_assert_int_eq(lex_is(l, w, n - 1), S_listed(l, w, n - 1));
		}
}
END_TEST

START_TEST(test_lexicon_lookup)
{
	ck_assert(lex_is(LEX_SPEECH_VERB, "said", 4));
	ck_assert(lex_is(LEX_SPEECH_VERB, "saidx", 4));    /* length given */
	ck_assert(!lex_is(LEX_SPEECH_VERB, "sai", 3));
	ck_assert(!lex_is(LEX_SPEECH_VERB, "saidx", 5));
	ck_assert(!lex_is(LEX_TITLE, "said", 4));           /* other list */
	ck_assert(lex_is(LEX_SAY_VERB, "reported", 8));
	ck_assert(!lex_is(LEX_SAY_VERB, "warned", 6));      /* a subset */
	ck_assert(lex_is(LEX_TITLE_ADJ, "official", 8) && lex_is(LEX_TITLE, "official", 8));
	ck_assert(!lex_is(LEX_TITLE_ADJ, "minister", 8));
	ck_assert(lex_is(LEX_STOPWORD, "the", 3) && !lex_is(LEX_STOPWORD, "pact", 4));
	ck_assert(!lex_is(LEX_STOPWORD, "", 0));
	ck_assert(!lex_is(LEX_STOPWORD, NULL, 3));
	ck_assert(!lex_is(LEX_STOPWORD, "theirselvesandmore", 18));
	ck_assert(!lex_is(LEX_NLISTS, "the", 3));
	ck_assert(lex_is(LEX_ABBR_NEVER_END, "e.g", 3));
	ck_assert(lex_is(LEX_PAST_AUX, "were", 4) && !lex_is(LEX_PAST_AUX, "are", 3));
	/* variants of one set */
	ck_assert(lex_is(LEX_SPEECH_VERB, "quipped", 7) && lex_is(LEX_QUOTE_VERB, "quipped", 7));
	ck_assert(lex_is(LEX_QUOTE_VERB, "continued", 9) && !lex_is(LEX_SPEECH_VERB, "continued", 9));
	for (size_t i = 0; i < lex_size(LEX_SPEECH_VERB); i++) {
		const char *w = lex_word(LEX_SPEECH_VERB, i, NULL);
		ck_assert_msg(lex_is(LEX_QUOTE_VERB, w, strlen(w)), "%s", w);
	}
	for (size_t i = 0; i < lex_size(LEX_HONORIFIC_ABBR); i++) {
		const char *w = lex_word(LEX_HONORIFIC_ABBR, i, NULL);
		ck_assert_msg(lex_is(LEX_HONORIFIC, w, strlen(w)) &&
		    lex_is(LEX_MAY_NAME_CUE, w, strlen(w)), "%s", w);
	}
	ck_assert(lex_is(LEX_HONORIFIC, "Sir", 3) && !lex_is(LEX_HONORIFIC_ABBR, "Sir", 3));
	ck_assert(lex_is(LEX_HONORIFIC, "Cmdr", 4) && lex_is(LEX_HONORIFIC_ABBR, "Cmdr", 4));
	ck_assert(lex_is(LEX_MAY_NAME_CUE, "Theresa", 7) && !lex_is(LEX_HONORIFIC, "Theresa", 7));
	ck_assert(lex_is(LEX_MODAL, "shall", 5) && lex_is(LEX_MODAL, "must", 4));
	ck_assert(lex_is(LEX_ANAPHOR, "It's", 4) && lex_is(LEX_ANAPHOR, "Neither", 7));
	ck_assert(lex_is(LEX_LINK_OPENER, "In addition", 11));
	ck_assert(!lex_is(LEX_LINK_OPENER, "In", 2));
}
END_TEST

/* Exact, folded, capitalised. */
START_TEST(test_lexicon_case)
{
	ck_assert(lex_is(LEX_HONORIFIC, "Dr", 2));
	ck_assert(!lex_is(LEX_HONORIFIC, "dr", 2) && !lex_is(LEX_HONORIFIC, "DR", 2));
	ck_assert(lex_is_ci(LEX_HONORIFIC, "dr", 2) && lex_is_ci(LEX_HONORIFIC, "DR", 2));
	ck_assert(!lex_find(LEX_HONORIFIC, "dr", 2, LEX_CAP));   /* entry capitalised */
	ck_assert(lex_find(LEX_QUOTE_VERB, "Asked", 5, LEX_CAP));
	ck_assert(!lex_find(LEX_QUOTE_VERB, "ASKED", 5, LEX_CAP));
	ck_assert(!lex_find(LEX_QUOTE_VERB, "aSked", 5, LEX_CAP));
	ck_assert(lex_find(LEX_ABBR_NEVER_END, "E.g", 3, LEX_CAP));
	ck_assert(!lex_find(LEX_ABBR_NEVER_END, "E.G", 3, LEX_CAP));
	ck_assert(!lex_is(LEX_ABBR_NEVER_END, "E.g", 3));
	ck_assert(lex_is(LEX_SUBORD, "I", 1) && !lex_is(LEX_SUBORD, "i", 1) &&
	    lex_is_ci(LEX_SUBORD, "i", 1));
	ck_assert(lex_is_ci(LEX_EVENT_NOUN, "Summit", 6) && !lex_is(LEX_EVENT_NOUN, "Summit", 6));
	/* only ASCII folds */
	ck_assert(!lex_is_ci(LEX_STOPWORD, "\xC3\xA0", 2));
}
END_TEST

START_TEST(test_lexicon_months)
{
	int abbr = -1;

	ck_assert_int_eq(lex_month("March", 5, LEX_EXACT, &abbr), 3);
	ck_assert_int_eq(abbr, 0);
	ck_assert_int_eq(lex_month("May", 3, LEX_EXACT, &abbr), 5);
	ck_assert_int_eq(abbr, 0);                  /* a full name too */
	ck_assert_int_eq(lex_month("Feb", 3, LEX_EXACT, &abbr), 2);
	ck_assert_int_eq(abbr, 1);
	ck_assert_int_eq(lex_month("Sept", 4, LEX_EXACT, &abbr), 9);
	ck_assert_int_eq(abbr, 1);
	ck_assert_int_eq(lex_month("sept", 4, LEX_EXACT, &abbr), 0);
	ck_assert_int_eq(lex_month("SEPT", 4, LEX_FOLD, &abbr), 9);
	ck_assert_int_eq(lex_month("december", 8, LEX_FOLD, &abbr), 12);
	ck_assert_int_eq(lex_month("Mayo", 4, LEX_FOLD, &abbr), 0);
	ck_assert_int_eq(lex_month("Ma", 2, LEX_FOLD, &abbr), 0);
	for (int m = 1; m <= 12; m++) {
		const char *a = lex_month_abbr(m);
		ck_assert_ptr_nonnull(a);
		ck_assert_int_eq(lex_month(a, strlen(a), LEX_EXACT, &abbr), m);
	}
	ck_assert_str_eq(lex_month_abbr(1), "Jan");
	ck_assert_str_eq(lex_month_abbr(5), "May");
	ck_assert_str_eq(lex_month_abbr(9), "Sep");
	ck_assert_ptr_null(lex_month_abbr(0));
	ck_assert_ptr_null(lex_month_abbr(13));
	ck_assert_int_eq(lex_find(LEX_WEEKDAY, "Sunday", 6, LEX_EXACT), 7);
	ck_assert_int_eq(lex_find(LEX_WEEKDAY_ABBR, "tue", 3, LEX_FOLD), 2);
	ck_assert_int_eq(lex_find(LEX_WEEKDAY, "Tue", 3, LEX_EXACT), 0);
	ck_assert_int_eq(lex_weekday_prefix("tue", 3), 2);
	ck_assert_int_eq(lex_weekday_prefix("WEDNES", 6), 3);
	ck_assert_int_eq(lex_weekday_prefix("monday", 6), 1);
	ck_assert_int_eq(lex_weekday_prefix("Mondays", 7), 0);
	ck_assert_int_eq(lex_weekday_prefix("x", 1), 0);
}
END_TEST

START_TEST(test_lexicon_numbers)
{
	ck_assert_int_eq(lex_find(LEX_CARDINAL, "one", 3, LEX_EXACT), 1);
	ck_assert_int_eq(lex_find(LEX_CARDINAL, "Twelve", 6, LEX_FOLD), 12);
	ck_assert_int_eq(lex_find(LEX_CARDINAL, "ninety", 6, LEX_EXACT), 90);
	ck_assert_int_eq(lex_find(LEX_CARDINAL, "thousand", 8, LEX_EXACT), 1000);
	ck_assert_int_eq(lex_find(LEX_CARDINAL, "dozen", 5, LEX_EXACT), 0);
	ck_assert(lex_is(LEX_COUNT_WORD, "dozens", 6) && lex_is(LEX_COUNT_WORD, "two", 3));
	ck_assert(!lex_is(LEX_COUNT_WORD, "one", 3));   /* mostly a pronoun */
	ck_assert_int_eq(lex_find(LEX_TIME_UNIT, "weeks", 5, LEX_EXACT), 2);
	ck_assert_int_eq(lex_find(LEX_TIME_UNIT, "year", 4, LEX_EXACT), 4);
}
END_TEST

static void *
S_lookups(void *arg)
{
	long found = 0;

	(void)arg;
	for (int r = 0; r < 200; r++)
		for (int l = 0; l < LEX_NLISTS; l++)
			found += lex_is_ci(l, "the", 3) + lex_is(l, "said", 4);
	return (void *)found;
}

/* The table is built at the first lookup, whichever thread makes it
 * (each test runs in a fresh process). */
START_TEST(test_lexicon_threads)
{
	pthread_t th[4];
	void *r[4];

	for (int k = 0; k < 4; k++)
		ck_assert_int_eq(pthread_create(&th[k], NULL, S_lookups, NULL), 0);
	for (int k = 0; k < 4; k++) {
		ck_assert_int_eq(pthread_join(th[k], &r[k]), 0);
		ck_assert(r[k] == r[0] && r[k] != NULL);
	}
}
END_TEST

Suite *
lexicon_suite(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("lexicon");

	tcase_add_test(tc, test_lexicon_lists);
	tcase_add_test(tc, test_lexicon_every_entry);
	tcase_add_test(tc, test_lexicon_lookup);
	tcase_add_test(tc, test_lexicon_case);
	tcase_add_test(tc, test_lexicon_months);
	tcase_add_test(tc, test_lexicon_numbers);
	tcase_add_test(tc, test_lexicon_threads);
	suite_add_tcase(s, tc);
	return s;
}
