/*
 * test_text.c -- tokens, shapes, stems, stopwords.
 */
#include "testutil.h"

#include "brief/text.h"

/* Tokens of s as "word/FLAGS" joined by spaces; flags N C S D A M $. */
static void
S_tokens(struct stemmer *st, const char *s, struct buf *b)
{
	token_vec t = { 0 };
	text_tokens(st, s, strlen(s), &t);
	for (size_t i = 0; i < t.n; i++) {
		if (i)
			buf_putc(b, ' ');
		buf_put(b, s + t.v[i].off, t.v[i].len);
		unsigned f = t.v[i].flags;
		if (f) {
			buf_putc(b, '/');
			if (f & TK_NUMBER) buf_putc(b, 'N');
			if (f & TK_CAP) buf_putc(b, 'C');
			if (f & TK_STOP) buf_putc(b, 'S');
			if (f & TK_DESIGNATOR) buf_putc(b, 'D');
			if (f & TK_ALLCAPS) buf_putc(b, 'A');
			if (f & TK_CAMEL) buf_putc(b, 'M');
			if (f & TK_CURRENCY) buf_putc(b, '$');
		}
	}
	buf_cstr(b);
	VEC_FREE(&t);
}

static const struct { const char *in, *out; } cases[] = {
	{ "The S-400 deal", "The/CS S-400/CD deal" },
	{ "$5.4 billion for 2,000 units", "5.4/N$ billion for/S 2,000/N units" },
	{ "Su-30MKI and AK-203 rifles", "Su-30MKI/CD and/S AK-203/CD rifles" },
	{ "RELOS and BrahMos", "RELOS/CA and/S BrahMos/CM" },
	{ "Russia\xE2\x80\x99s long-standing ties", "Russia/C s/S long standing ties" },
	{ "Détente in Zürich", "Détente/C in/S Zürich/C" },
	{ "\xE2\x82\xAC" "3 million", "3/N$ million" },
	{ "end. Next", "end Next/C" },
};

START_TEST(test_text_tokens)
{
	struct stemmer *st = stemmer_new();
	struct buf b = { 0 };
	S_tokens(st, cases[_i].in, &b);
	ck_assert_str_eq(b.p, cases[_i].out);
	buf_free(&b);
	stemmer_free(st);
}
END_TEST

START_TEST(test_text_stems)
{
	struct stemmer *st = stemmer_new();
	uint32_t r = text_stem_hash(st, "ratify", 6);
	ck_assert_uint_eq(r, text_stem_hash(st, "ratified", 8));
	ck_assert_uint_eq(r, text_stem_hash(st, "Ratifies", 8));
	ck_assert_uint_eq(text_stem_hash(st, "logistics", 9), text_stem_hash(st, "Logistic", 8));
	ck_assert_uint_ne(r, text_stem_hash(st, "sign", 4));
	ck_assert_uint_eq(text_stem_hash(st, "S-400", 5), text_stem_hash(st, "s-400", 5));
	stemmer_free(st);
}
END_TEST

START_TEST(test_text_content_words)
{
	struct stemmer *st = stemmer_new();
	token_vec t = { 0 };
	static const char s[] = "The pact was signed in Moscow by the two sides.";
	text_tokens(st, s, sizeof s - 1, &t);
	ck_assert_uint_eq(t.n, 10);
	ck_assert_uint_eq(text_content_words(&t, 0, t.n), 5);
	VEC_FREE(&t);
	stemmer_free(st);
}
END_TEST

Suite *text_suite(void);

Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_text_tokens, 0, sizeof cases / sizeof *cases);
	tcase_add_test(tc, test_text_stems);
	tcase_add_test(tc, test_text_content_words);
	suite_add_tcase(s, tc);
	return s;
}
