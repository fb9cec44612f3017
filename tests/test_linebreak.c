/*
 * test_linebreak.c -- first fit and total fit on paragraphs set in a
 * fixed-width "font": every character 1 unit, a space glue 1 that
 * stretches by 1 and shrinks by 1/2, "~" a hyphenation point (penalty
 * 50, flagged, a hyphen 1 unit wide), "\n" a forced break. Lines are
 * compared as text, "/" between them.
 *
 * An independent brute force (every subset of break points, the cost
 * model written out again) checks that total fit finds the minimum.
 * Then the layout engine with real fonts: items, hyphens, the PDF.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>

#include "brief/layout.h"
#include "brief/linebreak.h"
#include "brief/render_pdf.h"
#include "brief/style.h"

#define MAXI 512

struct lbpara {
	struct lb_item it[MAXI];
	char ch[MAXI];           /* what each item shows */
	size_t n;
};

static void
S_add(struct lbpara *p, struct lb_item it, char c)
{
	ck_assert_uint_lt(p->n, MAXI);
	p->it[p->n] = it;
	p->ch[p->n++] = c;
}

/* Items for s; short_cost > 0: a penalty after one- and two-letter
 * words, as layout.c adds. */
static void
S_build(struct lbpara *p, const char *s, int short_cost)
{
	static const struct lb_item box = { LB_BOX, 1, 0, 0, 0, 0 };
	static const struct lb_item glue = { LB_GLUE, 1, 1, 0.5, 0, 0 };
	static const struct lb_item hyph = { LB_PENALTY, 1, 0, 0, 50,
		LB_FLAGGED | LB_HYPHEN };
	static const struct lb_item eject = { LB_PENALTY, 0, 0, 0, -LB_INF,
		0 };
	struct lb_item shortp = { LB_PENALTY, 0, 0, 0, short_cost, 0 };
	size_t wl = 0;

	p->n = 0;
	for (; *s; s++) {
		if (*s == ' ') {
			if (short_cost > 0 && wl > 0 && wl <= 2)
				S_add(p, shortp, '^');
			S_add(p, glue, ' ');
			wl = 0;
		} else if (*s == '~') {
			S_add(p, hyph, '-');
		} else if (*s == '\n') {
			S_add(p, eject, '\n');
			wl = 0;
		} else {
			S_add(p, box, *s);
			wl++;
		}
	}
}

/* The lines as text: "the quick/brown fox". */
static void
S_show(const struct lbpara *p, const size_t *br, size_t nl, char *out,
	size_t cap)
{
	size_t s = lb_first_start(p->it, p->n), o = 0;

	for (size_t k = 0; k < nl; k++) {
		if (k > 0 && o + 1 < cap)
			out[o++] = '/';
		for (size_t i = s; i < br[k] && i < p->n && o + 1 < cap; i++)
			if (p->it[i].kind != LB_PENALTY)
				out[o++] = p->ch[i];
		if (br[k] < p->n && p->it[br[k]].kind == LB_PENALTY &&
		    p->it[br[k]].width > 0 && o + 1 < cap)
			out[o++] = '-';
		s = lb_next_start(p->it, p->n, br[k]);
	}
	out[o] = '\0';
}

/* Total fit under prm: lines as text in out, stats in st. */
static size_t
S_kp(const struct lbpara *p, const struct lb_params *prm, char *out,
	size_t cap, size_t *br, struct lb_stats *st)
{
	size_t nl = lb_knuth_plass(p->it, p->n, prm, br, st);

	ck_assert_uint_ge(nl, 1);
	ck_assert_uint_eq(br[nl - 1], p->n);
	S_show(p, br, nl, out, cap);
	return nl;
}

/* Most hyphenated lines in a row. */
static int
S_hyphen_run(const struct lbpara *p, const size_t *br, size_t nl)
{
	int run = 0, most = 0;

	for (size_t k = 0; k < nl; k++) {
		run = br[k] < p->n && (p->it[br[k]].flags & LB_FLAGGED) ?
			run + 1 : 0;
		most = run > most ? run : most;
	}
	return most;
}

static const char S_fox[] =
	"the quick brown fox jumps over the lazy dog and runs away";

/* ---- known paragraphs ----------------------------------------------- */

/* First fit leaves the last-but-one line very loose (r = 1.5); total
 * fit takes a word up to it and shrinks the line a little instead. */
START_TEST(test_lb_total_fit_beats_first_fit)
{
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t bg[MAXI], bo[MAXI], ng, no;
	double rg[16], ro[16], dg, dopt;
	char g[256], o[256];

	S_build(&p, S_fox, 0);
	lb_params_default(&prm, 15);
	ng = lb_greedy(p.it, p.n, 15, bg);
	S_show(&p, bg, ng, g, sizeof g);
	ck_assert_str_eq(g, "the quick brown/fox jumps over/the lazy dog/"
		"and runs away");
	no = S_kp(&p, &prm, o, sizeof o, bo, &st);
	ck_assert_str_eq(o, "the quick brown/fox jumps over/"
		"the lazy dog and/runs away");
	ck_assert_int_eq(st.pass, 1);
	dg = lb_demerits(p.it, p.n, &prm, bg, ng, rg);
	dopt = lb_demerits(p.it, p.n, &prm, bo, no, ro);
	ck_assert_double_eq_tol(rg[2], 1.5, 1e-9);          /* very loose */
	ck_assert_double_eq_tol(ro[2], -2.0 / 3, 1e-9);
	for (size_t k = 0; k < no; k++)
		ck_assert(fabs(ro[k]) <= 1);
	ck_assert_double_eq_tol(dopt, st.demerits, 1e-6);
	ck_assert_double_lt(dopt, dg);
	ck_assert_double_eq_tol(dopt, 12276.8, 0.1);
	/* lb_optimal is the same breaker under the lb_breaker signature */
	ck_assert_uint_eq(lb_optimal(p.it, p.n, 15, bg), no);
	ck_assert_mem_eq(bg, bo, no * sizeof *bo);
}
END_TEST

/* Wider: total fit fills the first line tighter than first fit can. */
START_TEST(test_lb_first_line)
{
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI], nl;
	char o[256];

	S_build(&p, S_fox, 0);
	lb_params_default(&prm, 23);
	nl = lb_greedy(p.it, p.n, 23, br);
	S_show(&p, br, nl, o, sizeof o);
	ck_assert_str_eq(o, "the quick brown fox/jumps over the lazy dog/"
		"and runs away");
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "the quick brown fox jumps/over the lazy dog and/"
		"runs away");
}
END_TEST

/* Left alone, total fit would hyphenate three lines in a row (even
 * paying the double-hyphen demerits); the hard rule stops at two. */
START_TEST(test_lb_two_hyphens_in_a_row)
{
	static const char text[] = "lo~gis~tics and agree~ment the "
		"in~ter~na~tion~al and lo~gis~tics rec~i~proc~i~ty";
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats free_st, rule_st;
	size_t br[MAXI], nl;
	char o[256];

	S_build(&p, text, 0);
	lb_params_default(&prm, 21);
	prm.pretolerance = -1;
	prm.max_hyphens = 0;
	nl = S_kp(&p, &prm, o, sizeof o, br, &free_st);
	ck_assert_str_eq(o, "logistics and agree-/ment the internation-/"
		"al and logistics rec-/iprocity");
	ck_assert_int_eq(S_hyphen_run(&p, br, nl), 3);
	ck_assert_uint_eq(free_st.hyphens, 3);

	prm.max_hyphens = 2;
	nl = S_kp(&p, &prm, o, sizeof o, br, &rule_st);
	ck_assert_str_eq(o, "logistics and agree-/ment the international/"
		"and logistics reci-/procity");
	ck_assert_int_le(S_hyphen_run(&p, br, nl), 2);
	ck_assert_int_eq(rule_st.pass, 2);
	ck_assert_double_gt(rule_st.demerits, free_st.demerits);
	/* the rule costs what lb_demerits says it does */
	ck_assert_double_eq_tol(lb_demerits(p.it, p.n, &prm, br, nl, NULL),
		rule_st.demerits, 1e-6);
}
END_TEST

/* Pass 1 tries no hyphenation point: a paragraph that sets well
 * without them is not hyphenated. */
START_TEST(test_lb_pretolerance_pass)
{
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI];
	char o[256];

	S_build(&p, "the qu~ick br~own fox ju~mps over the la~zy dog", 0);
	lb_params_default(&prm, 19);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_int_eq(st.pass, 1);
	ck_assert_uint_eq(st.hyphens, 0);
	ck_assert_str_eq(o, "the quick brown fox/jumps over the lazy/dog");
}
END_TEST

/* A line ending on "a" is avoided when a break after it costs 100. */
START_TEST(test_lb_lone_short_word)
{
	static const char text[] =
		"it was a dark and stormy night when a man with a hat came by";
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI];
	char o[256];

	lb_params_default(&prm, 24);
	S_build(&p, text, 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "it was a dark and stormy/night when a man with a/"
		"hat came by");
	S_build(&p, text, 100);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "it was a dark and stormy/night when a man with/"
		"a hat came by");

	lb_params_default(&prm, 25);
	S_build(&p, text, 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "it was a dark and stormy/night when a man with a/"
		"hat came by");
	S_build(&p, text, 100);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "it was a dark and stormy/night when a man with a "
		"hat/came by");
}
END_TEST

/* Ragged right: spaces keep their width (no line is shrunk), lines
 * fall short instead. */
START_TEST(test_lb_ragged_right)
{
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI], nl;
	double r[16];
	char o[256];

	S_build(&p, S_fox, 0);
	lb_params_default(&prm, 18);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "the quick brown fox/jumps over the lazy/"
		"dog and runs away");       /* justified: 19 in 18, shrunk */
	prm.ragged = 1;
	prm.ragged_stretch = 3;
	nl = S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "the quick brown/fox jumps over the/"
		"lazy dog and runs/away");
	ck_assert_int_eq(st.pass, 1);
	lb_demerits(p.it, p.n, &prm, br, nl, r);
	ck_assert_double_eq_tol(r[0], 1.0, 1e-9);      /* 3 short of 18 */
	ck_assert_double_eq_tol(r[1], 0.0, 1e-9);
	ck_assert_double_eq_tol(r[2], 1.0 / 3, 1e-9);
	for (size_t k = 0; k < nl; k++)
		ck_assert_double_ge(r[k], 0);
}
END_TEST

/* A word wider than the line: the emergency pass sets it overfull on a
 * line of its own; split into pieces (as layout.c does) it breaks. */
START_TEST(test_lb_overlong_word)
{
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI];
	char o[256];

	lb_params_default(&prm, 10);
	S_build(&p, "a supercalifragilistic b", 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "a/supercalifragilistic/b");
	ck_assert_int_eq(st.pass, 3);
	ck_assert_uint_eq(st.overfull, 1);

	S_build(&p, "a supercali~fragilisti~c b", 0);
	for (size_t i = 0; i < p.n; i++)
		if (p.it[i].kind == LB_PENALTY) {
			p.it[i].flags = 0;      /* split points, not hyphens */
			p.it[i].width = 0;
		}
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "a/supercali/fragilisti/c b");
	ck_assert_uint_eq(st.overfull, 0);
}
END_TEST

START_TEST(test_lb_empty_and_one_word)
{
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI];
	char o[256];

	lb_params_default(&prm, 10);
	S_build(&p, "", 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "");
	ck_assert_uint_eq(lb_greedy(p.it, p.n, 10, br), 1);
	ck_assert_uint_eq(br[0], 0);
	S_build(&p, "   ", 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "");
	S_build(&p, "word", 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "word");
	ck_assert_int_eq(st.pass, 1);
	ck_assert_double_eq_tol(st.demerits, 100, 1e-9);   /* (10 + 0)^2 */
	S_build(&p, "word  ", 0);       /* trailing space: no overfull */
	prm.width = 4;
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "word  ");
	ck_assert_uint_eq(br[0], p.n);
	ck_assert_uint_eq(st.overfull, 0);
}
END_TEST

START_TEST(test_lb_forced_breaks)
{
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI];
	char o[256];

	lb_params_default(&prm, 10);
	S_build(&p, "aa bb\ncc dd", 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "aa bb/cc dd");
	S_build(&p, "aa bb\n\ncc dd", 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "aa bb//cc dd");
	S_build(&p, "\naa", 0);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "/aa");
}
END_TEST

/* A narrower first line (widths[0]), then the full width. */
START_TEST(test_lb_line_widths)
{
	static const double widths[] = { 15, 20 };
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI], nl;
	double r[16];
	char o[256];

	S_build(&p, S_fox, 0);
	lb_params_default(&prm, 20);
	S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "the quick brown fox/jumps over the lazy/"
		"dog and runs away");
	prm.widths = widths;
	prm.nwidths = 2;
	ck_assert_double_eq(lb_line_width(&prm, 0), 15);
	ck_assert_double_eq(lb_line_width(&prm, 7), 20);
	nl = S_kp(&p, &prm, o, sizeof o, br, &st);
	ck_assert_str_eq(o, "the quick brown/fox jumps over the/"
		"lazy dog and runs away");
	lb_demerits(p.it, p.n, &prm, br, nl, r);
	ck_assert_double_eq_tol(r[0], 0, 1e-9);        /* exactly 15 */
}
END_TEST

/* ---- hostile input ------------------------------------------------- */

/* A very wide measure of one-letter words: the active list stays
 * capped and the time linear. */
START_TEST(test_lb_active_cap)
{
	static struct lb_item it[40000];
	static size_t br[40001];
	struct lb_params prm;
	struct lb_stats st;
	size_t n = 0, nl;
	clock_t t0 = clock();

	for (size_t i = 0; i < 20000; i++) {
		struct lb_item box = { LB_BOX, 1, 0, 0, 0, 0 };
		struct lb_item glue = { LB_GLUE, 1, 1, 0.5, 0, 0 };

		it[n++] = box;
		it[n++] = glue;
	}
	lb_params_default(&prm, 3001);
	prm.max_active = 64;
	nl = lb_knuth_plass(it, n, &prm, br, &st);
	ck_assert_uint_le(st.active_max, 64);
	ck_assert_uint_ge(nl, 13);
	ck_assert_uint_le(nl, 14);
	ck_assert_uint_eq(st.overfull, 0);
	ck_assert_msg((double)(clock() - t0) / CLOCKS_PER_SEC < 5,
		"too slow");
}
END_TEST

/* Only boxes wider than the line, no break points but the glue. */
START_TEST(test_lb_all_overfull)
{
	struct lb_item it[200];
	size_t br[201], n = 0, nl;
	struct lb_params prm;
	struct lb_stats st;

	for (size_t i = 0; i < 100; i++) {
		struct lb_item box = { LB_BOX, 50, 0, 0, 0, 0 };
		struct lb_item glue = { LB_GLUE, 1, 1, 0.5, 0, 0 };

		it[n++] = box;
		it[n++] = glue;
	}
	lb_params_default(&prm, 10);
	nl = lb_knuth_plass(it, n, &prm, br, &st);
	ck_assert_uint_eq(nl, 100);
	ck_assert_uint_eq(st.overfull, 100);
	ck_assert_int_eq(st.pass, 3);
}
END_TEST

/* ---- against brute force -------------------------------------------- */

static unsigned S_seed;

static unsigned
S_rand(void)
{
	S_seed = S_seed * 1103515245u + 12345u;
	return (S_seed >> 16) & 0x7FFF;
}

static void
S_random_para(struct lbpara *p, char *text, size_t cap)
{
	static const char *const words[] = { "a", "of", "the", "fox",
		"lo~gis", "tics", "wonder", "ju~mp", "over~ly", "dog",
		"in~ter~est", "pact", "ratio", "mo~ment" };
	size_t nw = 3 + S_rand() % 7, o = 0, nwords = sizeof words /
		sizeof *words;

	for (size_t i = 0; i < nw; i++) {
		const char *w = words[S_rand() % nwords];

		o += (size_t)snprintf(text + o, cap - o, "%s%s", i ? " " : "",
			w);
	}
	S_build(p, text, S_rand() % 2 ? 100 : 0);
}

static int
S_legal(const struct lbpara *p, size_t b)
{
	if (b >= p->n)
		return 1;
	if (p->it[b].kind == LB_GLUE)
		return b > 0 && p->it[b - 1].kind == LB_BOX;
	return p->it[b].kind == LB_PENALTY && p->it[b].penalty < LB_INF;
}

/* The cost model again, written out: demerits of the breaking, or -1
 * when a line is overfull, too bad, or breaks the hyphen rule. */
static double
S_oracle(const struct lbpara *p, const struct lb_params *prm, double tol,
	const size_t *br, size_t nl)
{
	size_t s = lb_first_start(p->it, p->n);
	int prev_fit = 2, run = 0;
	double total = 0;

	for (size_t k = 0; k < nl; k++) {
		size_t b = br[k], e = b;
		double w = 0, y = 0, z = 0, room, bad = 0, d;
		int fit = 2, flagged = b < p->n &&
			(p->it[b].flags & LB_FLAGGED), pen = 0;

		if (b >= p->n)
			while (e > 0 && p->it[e - 1].kind != LB_BOX)
				e--;
		for (size_t i = s; i < e; i++)
			if (p->it[i].kind != LB_PENALTY) {
				w += p->it[i].width;
				y += p->it[i].stretch;
				z += p->it[i].shrink;
			}
		if (b < p->n && p->it[b].kind == LB_PENALTY) {
			w += p->it[b].width;
			pen = p->it[b].penalty;
		}
		if (prm->ragged) {
			y = prm->ragged_stretch;
			z = 0;
		}
		room = lb_line_width(prm, k) - w;
		if (room > 0 && b < p->n) {
			bad = y > 0 ? fmin(1e4, 100 * pow(room / y, 3)) : 1e4;
			fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
		} else if (room < 0) {
			if (-room > z)
				return -1;
			bad = 100 * pow(-room / z, 3);
			fit = bad > 12 ? 3 : 2;
		}
		if (bad > tol || (flagged && prm->max_hyphens > 0 &&
		    run >= prm->max_hyphens))
			return -1;
		d = prm->line_penalty + bad;
		d = d >= 1e4 ? 1e8 : d * d;
		d += pen > 0 ? (double)pen * pen : 0;
		d += abs(fit - prev_fit) > 1 ? prm->adj_demerits : 0;
		d += run > 0 && flagged ? prm->double_hyphen_demerits : 0;
		d += run > 0 && b >= p->n ? prm->final_hyphen_demerits : 0;
		total += d;
		run = flagged ? run + 1 : 0;
		prev_fit = fit;
		s = lb_next_start(p->it, p->n, b);
	}
	return total;
}

/* The least demerits over every breaking, -1 when none is feasible. */
static double
S_brute(const struct lbpara *p, const struct lb_params *prm, double tol)
{
	size_t pts[32], m = 0, br[33];
	double best = -1;

	for (size_t b = 0; b < p->n; b++)
		if (S_legal(p, b)) {
			ck_assert_uint_lt(m, 16);
			pts[m++] = b;
		}
	for (unsigned long mask = 0; mask < (1ul << m); mask++) {
		size_t nl = 0;
		double d;

		for (size_t j = 0; j < m; j++)
			if (mask & (1ul << j))
				br[nl++] = pts[j];
		br[nl++] = p->n;
		d = S_oracle(p, prm, tol, br, nl);
		if (d >= 0 && (best < 0 || d < best))
			best = d;
	}
	return best;
}

START_TEST(test_lb_brute_force)
{
	static const double widths[] = { 9, 14 };
	struct lbpara p;
	struct lb_params prm;
	struct lb_stats st;
	size_t br[MAXI], nl, legal;
	char text[256], o[256];
	int checked = 0;

	S_seed = 20240501u;
	for (int t = 0; t < 400; t++) {
		double best;

		S_random_para(&p, text, sizeof text);
		legal = 0;
		for (size_t b = 0; b < p.n; b++)
			legal += S_legal(&p, b);
		if (legal > 15)
			continue;
		lb_params_default(&prm, 10 + S_rand() % 12);
		prm.pretolerance = -1;
		prm.tolerance = S_rand() % 2 ? 200 : 1000;
		prm.max_hyphens = (int)(S_rand() % 3);
		prm.double_hyphen_demerits = S_rand() % 2 ? 10000 : 0;
		prm.ragged = S_rand() % 4 == 0;
		prm.ragged_stretch = 3;
		if (S_rand() % 4 == 0) {
			prm.widths = widths;
			prm.nwidths = 2;
		}
		best = S_brute(&p, &prm, prm.tolerance);
		nl = S_kp(&p, &prm, o, sizeof o, br, &st);
		if (best < 0) {
			ck_assert_msg(st.pass == 3, "%s: pass %d", text,
				st.pass);
			continue;
		}
		ck_assert_msg(st.pass == 2, "%s: pass %d", text, st.pass);
		ck_assert_msg(fabs(st.demerits - best) < 1e-6 * (1 + best),
			"\"%s\" width %g: got %s at %g, best %g", text,
			prm.width, o, st.demerits, best);
		ck_assert_double_eq_tol(S_oracle(&p, &prm, prm.tolerance, br,
			nl), best, 1e-6 * (1 + best));
		ck_assert_double_eq_tol(lb_demerits(p.it, p.n, &prm, br, nl,
			NULL), best, 1e-6 * (1 + best));
		checked++;
	}
	ck_assert_int_gt(checked, 150);
}
END_TEST

/* Total fit never costs more than first fit (every line allowed). */
START_TEST(test_lb_never_worse_than_greedy)
{
	struct lbpara p;
	struct lb_params prm;
	size_t bg[MAXI], bo[MAXI], ng, no;
	char text[256];
	int better = 0;

	S_seed = 7u;
	for (int t = 0; t < 2000; t++) {
		double w = 8 + S_rand() % 20, dg, dopt;

		S_random_para(&p, text, sizeof text);
		lb_params_default(&prm, w);
		prm.pretolerance = -1;
		prm.tolerance = 10000;
		ng = lb_greedy(p.it, p.n, w, bg);
		no = lb_knuth_plass(p.it, p.n, &prm, bo, NULL);
		dg = lb_demerits(p.it, p.n, &prm, bg, ng, NULL);
		dopt = lb_demerits(p.it, p.n, &prm, bo, no, NULL);
		ck_assert_msg(dopt <= dg + 1e-6 * dg, "\"%s\" width %g: "
			"%g > greedy %g", text, w, dopt, dg);
		better += dopt < dg;
	}
	ck_assert_int_gt(better, 100);
}
END_TEST

/* ---- the layout engine --------------------------------------------- */

static void
S_on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	(void)code;
	(void)detail;
	(void)data;
}

struct lay_fixture {
	HPDF_Doc pdf;
	struct fonts *fonts;
	struct lay_para para;
};

static void
S_lay_open(struct lay_fixture *f, double width)
{
	memset(f, 0, sizeof *f);
	f->pdf = HPDF_New(S_on_error, NULL);
	ck_assert_ptr_nonnull(f->pdf);
	ck_assert_int_eq(HPDF_UseUTFEncodings(f->pdf), HPDF_OK);
	f->fonts = fonts_new(f->pdf, "Noto Serif", "Noto Sans");
	lay_para_reset(&f->para, f->fonts, width);
}

static void
S_lay_close(struct lay_fixture *f)
{
	lay_para_free(&f->para);
	fonts_free(f->fonts);
	HPDF_Free(f->pdf);
}

static void
S_lay_text(struct lay_fixture *f, const char *s, int cite)
{
	struct lay_style st = { FACE_SERIF, 10, 0, -1 };
	struct brief_err err = { 0 };
	const char *c = cite ? strchr(s, '[') : NULL;
	size_t n = c ? (size_t)(c - s) : strlen(s);

	ck_assert_msg(lay_add_text(&f->para, s, n, &st, &err) == 0,
		"%s", err.msg);
	if (c != NULL)   /* "[2]" and what follows: a citation */
		ck_assert_msg(lay_add_cite(&f->para, c, strlen(c), &st, &err) == 0,
			"%s", err.msg);
}

/* Items as text: boxes' text, "_" glue, "~" hyphenation point,
 * "|" break after a hyphen, "^n" other penalty n. */
static void
S_lay_items(const struct lay_para *p, struct buf *b)
{
	b->n = 0;
	for (size_t i = 0; i < p->lb.n; i++) {
		const struct lb_item *it = &p->lb.v[i];

		if (it->kind == LB_BOX)
			buf_put(b, p->text.p + p->run.v[i].off,
				p->run.v[i].len);
		else if (it->kind == LB_GLUE)
			buf_putc(b, '_');
		else if (it->flags & LB_HYPHEN)
			buf_putc(b, '~');
		else if (it->flags & LB_FLAGGED)
			buf_putc(b, '|');
		else
			buf_printf(b, "^%d", it->penalty);
	}
	buf_cstr(b);
}

START_TEST(test_layout_items)
{
	struct lay_fixture f;
	struct buf b = { 0 };

	S_lay_open(&f, 400);
	S_lay_text(&f, "A hyphenation of long-term RELOS ties, "
		"said Vikramaditya [2].", 1);
	S_lay_items(&f.para, &b);
	ck_assert_str_eq(b.p, "A^100_hy~phen~ation_of^100_long-|term_RELOS_"
		"ties,_said_Vikra~ma~ditya^10000_[2].");
	/* the hyphen: width of "-", penalty 50; capitalised: 150 */
	ck_assert_int_eq(f.para.lb.v[4].penalty, 50);
	ck_assert_double_gt(f.para.lb.v[4].width, 0);
	ck_assert_str_eq(f.para.text.p + f.para.run.v[4].off, "-");
	ck_assert_int_eq(f.para.lb.v[23].penalty, 150);
	/* no hyphenation when asked */
	lay_para_reset(&f.para, f.fonts, 400);
	f.para.no_hyphens = 1;
	S_lay_text(&f, "hyphenation of", 0);
	S_lay_items(&f.para, &b);
	ck_assert_str_eq(b.p, "hyphenation_of");
	buf_free(&b);
	S_lay_close(&f);
}
END_TEST

/* Justified unless narrow (under STYLE_RAGGED_EM) or asked ragged. */
START_TEST(test_layout_align)
{
	struct lay_fixture f;

	S_lay_open(&f, 400);
	S_lay_text(&f, "Some words to set in a line.", 0);
	lay_break(&f.para);
	ck_assert_int_eq(f.para.ragged, 0);
	ck_assert_int_eq(f.para.stats.pass, 1);
	lay_para_reset(&f.para, f.fonts, 10 * STYLE_RAGGED_EM + 5);
	S_lay_text(&f, "Some words to set in a line.", 0);
	lay_break(&f.para);
	ck_assert_int_eq(f.para.ragged, 0);
	lay_para_reset(&f.para, f.fonts, 10 * STYLE_RAGGED_EM - 5);
	S_lay_text(&f, "Some words to set in a line.", 0);
	lay_break(&f.para);
	ck_assert_int_eq(f.para.ragged, 1);
	lay_para_reset(&f.para, f.fonts, 400);
	f.para.align = LAY_RAGGED;
	S_lay_text(&f, "Some words to set in a line.", 0);
	lay_break(&f.para);
	ck_assert_int_eq(f.para.ragged, 1);
	S_lay_close(&f);
}
END_TEST

/* A narrow column of long words: lines end in hyphens, each line's
 * natural width (hyphen included) fits after shrinking. */
START_TEST(test_layout_hyphenated_lines)
{
	struct lay_fixture f;
	struct lay_line l;
	size_t nl, hyphens = 0;

	S_lay_open(&f, 160);
	f.para.align = LAY_JUSTIFY;
	S_lay_text(&f, "The representatives negotiated international "
		"cooperation agreements, reciprocal logistics, "
		"interoperability and administrative procedures for the "
		"ratification of the government.", 0);
	nl = lay_break(&f.para);
	ck_assert_uint_gt(nl, 4);
	for (size_t k = 0; k < nl; k++) {
		lay_line_get(&f.para, k, &l);
		ck_assert_double_le(l.natural - l.shrink, 160 + 1e-6);
		if (l.to < f.para.lb.n && (f.para.lb.v[l.to].flags & LB_HYPHEN))
			hyphens++;
	}
	ck_assert_uint_gt(hyphens, 0);
	ck_assert_uint_eq(hyphens, f.para.stats.hyphens);
	S_lay_close(&f);
}
END_TEST

/* The PDF shows the hyphen where a line breaks inside a word, and the
 * words read back whole once the hyphen and line end are taken out. */
START_TEST(test_layout_pdf_hyphens)
{
	static const char md[] = "The representatives negotiated "
		"international cooperation agreements, reciprocal logistics, "
		"interoperability and administrative procedures for the "
		"ratification of the government, acknowledging "
		"extraordinary responsibilities.\n";
	struct pdf_opts o = { .title = "t", .serif = "Noto Serif",
		.sans = "Noto Sans", .body_pt = 10, .margin_pt = 140,
		.epoch = 0 };
	struct pdf_result res;
	struct brief_err err = { 0 };
	struct buf pdf = { 0 }, out = { 0 };
	char path[] = "/tmp/brief-lb-XXXXXX";
	char cmd[256];
	int fd = mkstemp(path), dashes = 0;

	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_msg(test_pdf_md(md, NULL, 0, &o, &pdf, &res, &err) == 0,
		"%s", err.msg);
	ck_assert_int_eq(file_write_atomic(path, pdf.p, pdf.n, &err), 0);
	snprintf(cmd, sizeof cmd, "pdftotext -raw -enc UTF-8 '%s' -", path);
	ck_assert_int_eq(test_run(cmd, &out), 0);
	for (char *s = out.p; (s = strstr(s, "-\n")) != NULL; s++)
		dashes++;
	ck_assert_msg(dashes > 0, "no hyphenated line in:\n%s", out.p);
	/* join "hyphen-\nated" and compare the words */
	for (char *r = out.p, *w = out.p; ; r++) {
		if (r[0] == '-' && r[1] == '\n')
			r += 2;
		if ((*w++ = *r == '\n' ? ' ' : *r) == '\0')
			break;
	}
	ck_assert_msg(strstr(out.p, "The representatives negotiated "
		"international cooperation agreements, reciprocal logistics, "
		"interoperability and administrative procedures for the "
		"ratification of the government, acknowledging "
		"extraordinary responsibilities.") != NULL, "%s", out.p);
	remove(path);
	buf_free(&pdf);
	buf_free(&out);
}
END_TEST

Suite *linebreak_suite(void);

Suite *
linebreak_suite(void)
{
	Suite *s = suite_create("linebreak");
	TCase *tc = tcase_create("known");
	TCase *th = tcase_create("hostile");
	TCase *tb = tcase_create("brute");
	TCase *tl = tcase_create("layout");

	tcase_add_test(tc, test_lb_total_fit_beats_first_fit);
	tcase_add_test(tc, test_lb_first_line);
	tcase_add_test(tc, test_lb_two_hyphens_in_a_row);
	tcase_add_test(tc, test_lb_pretolerance_pass);
	tcase_add_test(tc, test_lb_lone_short_word);
	tcase_add_test(tc, test_lb_ragged_right);
	tcase_add_test(tc, test_lb_overlong_word);
	tcase_add_test(tc, test_lb_empty_and_one_word);
	tcase_add_test(tc, test_lb_forced_breaks);
	tcase_add_test(tc, test_lb_line_widths);
	suite_add_tcase(s, tc);
	tcase_add_test(th, test_lb_active_cap);
	tcase_add_test(th, test_lb_all_overfull);
	tcase_set_timeout(th, 30);
	suite_add_tcase(s, th);
	tcase_add_test(tb, test_lb_brute_force);
	tcase_add_test(tb, test_lb_never_worse_than_greedy);
	tcase_set_timeout(tb, 60);
	suite_add_tcase(s, tb);
	tcase_add_test(tl, test_layout_items);
	tcase_add_test(tl, test_layout_align);
	tcase_add_test(tl, test_layout_hyphenated_lines);
	tcase_add_test(tl, test_layout_pdf_hyphens);
	tcase_set_timeout(tl, 30);
	suite_add_tcase(s, tl);
	return s;
}
