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
			if (f & TK_NUMWORD) buf_putc(b, 'W');
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
	/* systems and platforms, found by shape */
	{ "F-16 and MiG-29K jets", "F-16/CD and/S MiG-29K/CD jets" },
	{ "T-90S tanks, Ka-226 helicopters", "T-90S/CD tanks Ka-226/CD helicopters" },
	{ "HIMARS and NASAMS", "HIMARS/CA and/S NASAMS/CA" },
	{ "the KV-90 frigate", "the/S KV-90/CD frigate" },
	{ "the C-130J transport", "the/S C-130J/CD transport" },
	/* amounts and counts */
	{ "$2bn deal", "2bn/N$ deal" },
	{ "\xC2\xA3" "300 million", "300/N$ million" },
	{ "\xE2\x82\xB9" "500 crore", "500/N$ crore" },
	{ "a 3.5% rise", "a/S 3.5/N rise" },
	{ "200 helicopters and three squadrons", "200/N helicopters and/S three/W squadrons" },
	{ "in 2018", "in/S 2018/N" },
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

/* Spelled-out counts are figures too. */
START_TEST(test_text_numwords)
{
	static const struct { const char *w; int num; } words[] = {
		{ "three", 1 }, { "Five", 1 }, { "twelve", 1 }, { "hundred", 1 },
		{ "dozens", 1 }, { "one", 0 }, { "threat", 0 }, { "fifth", 0 },
	};
	struct stemmer *st = stemmer_new();
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		token_vec t = { 0 };
		text_tokens(st, words[k].w, strlen(words[k].w), &t);
		ck_assert_uint_eq(t.n, 1);
		ck_assert_msg(!!(t.v[0].flags & TK_NUMWORD) == words[k].num, "%s", words[k].w);
		VEC_FREE(&t);
	}
	stemmer_free(st);
}
END_TEST

/* Leading attributive and linking clauses, cut at the clause boundary. */
START_TEST(test_text_lead_clause)
{
	static const struct { const char *s; const char *rest; } lc[] = {
		{ "According to TASS, the government submitted it.", "the government submitted it." },
		{ "According to Russia\xE2\x80\x99s official news agency, TASS, the government acted.",
		  "the government acted." },
		{ "Notably, India and Russia continue.", "India and Russia continue." },
		{ "Meanwhile, the deal continues.", "the deal continues." },
		{ "According to Smith the plan is new.", NULL },
		{ "Accordingly, nothing changes.", NULL },
		{ "The pact, signed in 2018, holds.", NULL },
	};
	for (size_t k = 0; k < sizeof lc / sizeof *lc; k++) {
		size_t n = strlen(lc[k].s), cut = text_lead_clause(lc[k].s, n);
		if (lc[k].rest == NULL)
			ck_assert_msg(cut == 0, "%s", lc[k].s);
		else
			ck_assert_str_eq(lc[k].s + cut, lc[k].rest);
	}
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
	tcase_add_test(tc, test_text_numwords);
	tcase_add_test(tc, test_text_lead_clause);
	tcase_add_test(tc, test_text_content_words);
	suite_add_tcase(s, tc);
	return s;
}
