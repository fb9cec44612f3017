/*
 * test_segment.c -- sentence segmentation: a table of tricky cases, the
 * flags and lines segment_doc assigns, the five seed articles, and
 * hostile input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base.h"
#include "brief/ingest.h"
#include "brief/segment.h"
#include "testutil.h"

#define SEP " | "

static struct segmenter *S_sg;

static void
S_setup(void)
{
	struct brief_err err;
	S_sg = segmenter_new(&err);
	ck_assert_msg(S_sg != NULL, "segmenter_new: %s", err.msg);
}

static void
S_teardown(void)
{
	segmenter_free(S_sg);
	S_sg = NULL;
}

/* The sentences of p joined with SEP; caller frees. */
static char *
S_join(const char *p)
{
	span_vec v = { 0 };
	struct buf b = { 0 };
	struct brief_err err;
	size_t i;
	ck_assert_int_eq(segment_text(S_sg, p, strlen(p), &v, &err), 0);
	for (i = 0; i < v.n; i++) {
		if (i > 0)
			buf_puts(&b, SEP);
		buf_put(&b, p + v.v[i].off, v.v[i].len);
	}
	VEC_FREE(&v);
	buf_cstr(&b);
	return b.p ? b.p : xstrndup("", 0);
}

/* ---- the table ------------------------------------------------------- */

struct seg_case {
	const char *in;
	const char *want;       /* sentences joined with SEP */
};

static const struct seg_case S_cases[] = {
	/* titles and abbreviations */
	{ "Dr. Alexey Kupriyanov told Sputnik. He added more.",
	  "Dr. Alexey Kupriyanov told Sputnik. | He added more." },
	{ "Mr. and Mrs. Smith arrived. They left.",
	  "Mr. and Mrs. Smith arrived. | They left." },
	{ "Prof. Rao met Gen. Singh and Lt. Dan. Then they left.",
	  "Prof. Rao met Gen. Singh and Lt. Dan. | Then they left." },
	{ "The U.S. Navy and the U.K. government agreed. Talks follow.",
	  "The U.S. Navy and the U.K. government agreed. | Talks follow." },
	{ "It was signed on Feb. 18 in Moscow. Talks began in Jan. and ended "
	  "in Sept. last year.",
	  "It was signed on Feb. 18 in Moscow. | Talks began in Jan. and "
	  "ended in Sept. last year." },
	{ "The deal was signed in Feb. The summit follows.",
	  "The deal was signed in Feb. | The summit follows." },
	{ "He ranked No. 5 in the list. No. The answer was no.",
	  "He ranked No. 5 in the list. | No. | The answer was no." },
	{ "Systems (e.g. S-400) and jets, i.e. Su-57, etc. are listed. "
	  "Talks continue.",
	  "Systems (e.g. S-400) and jets, i.e. Su-57, etc. are listed. | "
	  "Talks continue." },
	{ "It bought tanks, jets, etc. The deal was big.",
	  "It bought tanks, jets, etc. | The deal was big." },
	{ "India vs. Pakistan was close. It ended.",
	  "India vs. Pakistan was close. | It ended." },
	{ "See Fig. 3 and pp. 4-5. Then stop.",
	  "See Fig. 3 and pp. 4-5. | Then stop." },
	{ "Sh. Rajnath Singh and Smt. Sitharaman met. Rs. 500 crore was set "
	  "aside.",
	  "Sh. Rajnath Singh and Smt. Sitharaman met. | Rs. 500 crore was set "
	  "aside." },
	{ "Apple Inc. The company grew. Smith Jr. left early.",
	  "Apple Inc. | The company grew. | Smith Jr. left early." },
	{ "Meet at 5 p.m. The talks start later.",
	  "Meet at 5 p.m. | The talks start later." },
	/* ICU's "en@ss=standard" would glue these: the reason for plain "en" */
	{ "It is OK. The deal held.", "It is OK. | The deal held." },
	/* U.S. at a sentence end: split only before a sentence starter */
	{ "It faces sanctions from the U.S. The deal still holds.",
	  "It faces sanctions from the U.S. | The deal still holds." },
	{ "Visit the U.S. In March talks resume.",
	  "Visit the U.S. | In March talks resume." },
	{ "It faces pressure from the U.S. Russia disagrees.",
	  "It faces pressure from the U.S. Russia disagrees." },
	{ "U.S.-based firms won. The end.", "U.S.-based firms won. | The end." },
	/* decimals and money */
	{ "The deal is worth $5.4 billion, up 3.5% on 2018. It was signed.",
	  "The deal is worth $5.4 billion, up 3.5% on 2018. | It was signed." },
	{ "Growth was 3.5. Next year 4.2 is expected.",
	  "Growth was 3.5. | Next year 4.2 is expected." },
	{ "It was signed in 2018. 2019 saw more deals.",
	  "It was signed in 2018. | 2019 saw more deals." },
	{ "It came in Sept. 2019 and in No. 2019 too. 2020 was quiet.",
	  "It came in Sept. 2019 and in No. 2019 too. | 2020 was quiet." },
	{ "It rose 5. 4 units fell.", "It rose 5. 4 units fell." },
	/* initials */
	{ "J. R. Smith and Vinay K. Kumar signed it. Fomin agreed.",
	  "J. R. Smith and Vinay K. Kumar signed it. | Fomin agreed." },
	{ "J.R.R. Tolkien wrote it. He died.",
	  "J.R.R. Tolkien wrote it. | He died." },
	{ "He met Malcolm X. He spoke.", "He met Malcolm X. | He spoke." },
	/* quotes: ,” continues, .” ends; multi-sentence quotes split */
	{ "“The agreement aims to help,” Dr. Kupriyanov said. He added more.",
	  "“The agreement aims to help,” Dr. Kupriyanov said. | He added more." },
	{ "“We agree. It is good. We sign,” Peskov said.",
	  "“We agree. | It is good. | We sign,” Peskov said." },
	{ "“It is done.” The officials left.",
	  "“It is done.” | The officials left." },
	{ "\"It is done.\" The officials left.",
	  "\"It is done.\" | The officials left." },
	{ "\"I have no doubt.\" He said, \"We must act.\"",
	  "\"I have no doubt.\" | He said, \"We must act.\"" },
	{ "Mixed “quotes\" here. And 'single' ones ‘too.’ Then end.",
	  "Mixed “quotes\" here. | And 'single' ones ‘too.’ | Then end." },
	{ "The document, \"ratifies an agreement,\" TASS reported. Fine.",
	  "The document, \"ratifies an agreement,\" TASS reported. | Fine." },
	{ "(The pact was signed.) Talks continue.",
	  "(The pact was signed.) | Talks continue." },
	/* questions and exclamations */
	{ "Why now? Because talks resumed.", "Why now? | Because talks resumed." },
	{ "“Why now?” he asked. Nobody knew.",
	  "“Why now?” he asked. | Nobody knew." },
	{ "“Why now?” Peskov asked. Nobody knew.",
	  "“Why now?” Peskov asked. | Nobody knew." },
	{ "“Why now?” The Kremlin said nothing.",
	  "“Why now?” | The Kremlin said nothing." },
	{ "He said: “Enough!” Then he left.",
	  "He said: “Enough!” | Then he left." },
	{ "Wow! Great. Really?!", "Wow! | Great. | Really?!" },
	/* ellipses: attached ones end a sentence, free-standing ones elide */
	{ "It was… strange. He paused… Then he spoke.",
	  "It was… strange. | He paused… | Then he spoke." },
	{ "It was... strange. He paused... Then he spoke.",
	  "It was... strange. | He paused... | Then he spoke." },
	{ "A step toward reciprocity and … development of ties. It ended.",
	  "A step toward reciprocity and … development of ties. | It ended." },
	{ "Steps toward reciprocity … The deal holds.",
	  "Steps toward reciprocity … The deal holds." },
	{ "Steps toward reciprocity ... The deal holds.",
	  "Steps toward reciprocity ... The deal holds." },
	/* headings, bullets, white space, lines */
	{ "Geopolitical Context: Why Now", "Geopolitical Context: Why Now" },
	{ "• Operational Readiness: Shared support — refueling, repairs — "
	  "improves readiness.",
	  "• Operational Readiness: Shared support — refueling, repairs — "
	  "improves readiness." },
	{ " \n\t Leading and trailing space.\u00a0 \n", "Leading and trailing space." },
	{ "", "" },
	{ " \n \u00a0 ", "" },
	{ "Line one\nLine two.", "Line one | Line two." },
	{ "a broken line\ncontinues here. Next.",
	  "a broken line\ncontinues here. | Next." },
	{ "He met Dr. Ólafur. Élise left.", "He met Dr. Ólafur. | Élise left." },
	{ "He spoke.The next day he left.", "He spoke.The next day he left." },
};

START_TEST(test_table)
{
	const struct seg_case *c = &S_cases[_i];
	char *got = S_join(c->in);
	ck_assert_msg(strcmp(got, c->want) == 0,
	    "case %d\n  in:   %s\n  want: %s\n  got:  %s", _i, c->in, c->want,
	    got);
	free(got);
}
END_TEST

/* ---- segment_doc: flags, lines, offsets ------------------------------ */

struct para_case {
	const char *text;
	unsigned pflags;
	const char *want;       /* sentences joined with SEP */
	unsigned flags[4];      /* SF_* of each sentence */
};

static const struct para_case S_paras[] = {
	{ "Russia Ratifies RELOS Pact", PARA_TITLE, "Russia Ratifies RELOS Pact",
	  { SF_TITLE | SF_HEADING | SF_NOTERM } },
	{ "The pact moves on. It is done.", PARA_DEK,
	  "The pact moves on. | It is done.", { SF_DEK, SF_DEK } },
	{ "What is RELOS. And what does it allow?", PARA_HEADING,
	  "What is RELOS. And what does it allow?",
	  { SF_HEADING | SF_NOTERM | SF_QUESTION } },
	{ "Why Now", PARA_HEADING, "Why Now", { SF_HEADING | SF_NOTERM } },
	{ "Readiness: it improves. Signal: it signals", PARA_BULLET,
	  "Readiness: it improves. | Signal: it signals",
	  { SF_BULLET, SF_BULLET | SF_NOTERM } },
	{ "27 January 2024: “Why’s Russia Letting India Export Missiles?”",
	  PARA_BULLET,
	  "27 January 2024: “Why’s Russia Letting India Export Missiles?”",
	  { SF_BULLET | SF_QUESTION } },
	{ "Is it over (really?) Here are six briefings: Yes it is.", 0,
	  "Is it over (really?) | Here are six briefings: Yes it is.",
	  { SF_QUESTION, 0 } },
	{ "Here are six background briefings:", 0,
	  "Here are six background briefings:", { SF_NOTERM } },
	{ "“Done.” He paused… “Really?!”", 0,
	  "“Done.” | He paused… | “Really?!”", { 0, 0, SF_QUESTION } },
	{ "No end “in sight”", 0, "No end “in sight”", { SF_NOTERM } },
};

START_TEST(test_doc_flags)
{
	const struct para_case *c = &S_paras[_i];
	struct doc d = { 0 };
	struct para pa = { 2, strlen(c->text), 7, c->pflags };
	sentence_vec out = { 0 };
	struct buf b = { 0 };
	struct brief_err err;
	char *text = xmalloc(strlen(c->text) + 3);
	size_t i;
	snprintf(text, strlen(c->text) + 3, "  %s", c->text);
	d.text = text;
	d.len = strlen(text);
	d.para = &pa;
	d.npara = 1;
	ck_assert_int_eq(segment_doc(S_sg, &d, 3, &out, &err), 0);
	for (i = 0; i < out.n; i++) {
		const struct sentence *s = &out.v[i];
		ck_assert_int_eq(s->doc, 3);
		ck_assert_int_eq(s->para, 0);
		ck_assert_int_eq(s->line, 7);
		ck_assert_msg(s->flags == c->flags[i],
		    "case %d sentence %zu: flags %#x, want %#x", _i, i,
		    s->flags, c->flags[i]);
		buf_puts(&b, i ? SEP : "");
		buf_put(&b, text + s->off, s->len);
	}
	ck_assert_str_eq(buf_cstr(&b), c->want);
	buf_free(&b);
	VEC_FREE(&out);
	free(text);
}
END_TEST

/* Lines: a sentence's line is its paragraph's plus the newlines before
 * it; several paragraphs append in order with their indices. */
START_TEST(test_doc_lines)
{
	static char text[] = "Title Here\nFirst line. Second\nline. Third.\n\n"
	    "Dr. Rao spoke.\nThen left.";
	struct para pa[] = {
		{ 0, 10, 1, PARA_TITLE },
		{ 11, 31, 2, 0 },
		{ 44, 25, 5, 0 },
	};
	struct doc d = { 0 };
	sentence_vec out = { 0 };
	struct brief_err err;
	static const struct { int para, line; const char *s; } want[] = {
		{ 0, 1, "Title Here" }, { 1, 2, "First line." },
		{ 1, 2, "Second\nline." }, { 1, 3, "Third." },
		{ 2, 5, "Dr. Rao spoke." }, { 2, 6, "Then left." },
	};
	size_t i;
	d.text = text;
	d.len = strlen(text);
	d.para = pa;
	d.npara = 3;
	d.path = "mem.txt";
	ck_assert_int_eq(segment_doc(S_sg, &d, 0, &out, &err), 0);
	ck_assert_uint_eq(out.n, sizeof want / sizeof want[0]);
	for (i = 0; i < out.n; i++) {
		ck_assert_int_eq(out.v[i].para, want[i].para);
		ck_assert_int_eq(out.v[i].line, want[i].line);
		ck_assert_uint_eq(out.v[i].len, strlen(want[i].s));
		ck_assert(memcmp(text + out.v[i].off, want[i].s, out.v[i].len) == 0);
	}
	VEC_FREE(&out);
}
END_TEST

START_TEST(test_doc_bad_para)
{
	static char text[] = "Short.";
	struct para pa = { 3, 10, 4, 0 };
	struct doc d = { 0 };
	sentence_vec out = { 0 };
	struct brief_err err;
	d.text = text;
	d.len = strlen(text);
	d.para = &pa;
	d.npara = 1;
	d.path = "bad.txt";
	ck_assert_int_eq(segment_doc(S_sg, &d, 0, &out, &err), -1);
	ck_assert_str_eq(err.stage, "segment");
	ck_assert_str_eq(err.file, "bad.txt");
	ck_assert_int_eq(err.line, 4);
	ck_assert_uint_eq(out.n, 0);
}
END_TEST

/* ---- the seed articles ----------------------------------------------- */

/* Page furniture ingest drops; kept out of the hand-built docs. */
static const char *const S_furniture[] = {
	"logo", "Top", "Leave Your Comment", "Leave a Reply",
};

/* Tokens a sentence must never end on (an oracle independent of the
 * tables in segment.c). */
static const char *const S_no_end[] = {
	"Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Gen.", "Lt.", "Col.", "St.",
	"e.g.", "i.e.", "vs.", "No.", "Feb.", "Jan.", "Sept.", "U.S.", "U.K.",
};

static int
S_is_furniture(struct slice s)
{
	size_t i;
	for (i = 0; i < sizeof S_furniture / sizeof S_furniture[0]; i++)
		if (slice_eq(s, S_furniture[i]))
			return 1;
	return slice_ieq((struct slice){ s.p, s.n < 10 ? s.n : 10 },
	    "Your email");
}

/* A bullet marker ("• ", "* ", "- ") at the start of s, removed. */
static int
S_strip_bullet(struct slice *s)
{
	static const char *const marks[] = { "\xE2\x80\xA2 ", "* ", "- " };
	size_t i, k;
	for (i = 0; i < 3; i++) {
		k = strlen(marks[i]);
		if (s->n > k && memcmp(s->p, marks[i], k) == 0) {
			s->p += k;
			s->n -= k;
			*s = slice_trim(*s);
			return 1;
		}
	}
	return 0;
}

/* A doc over text: one paragraph per non-blank line. */
static void
S_seed_doc(struct doc *d, char *text, size_t n, const char *name)
{
	VEC(struct para) pv = { 0 };
	size_t at = 0;
	int line = 1;
	memset(d, 0, sizeof *d);
	while (at < n) {
		const char *nl = memchr(text + at, '\n', n - at);
		size_t end = nl ? (size_t)(nl - text) : n;
		struct slice s = slice_trim((struct slice){ text + at, end - at });
		unsigned f = S_strip_bullet(&s) ? PARA_BULLET : 0;
		if (s.n > 0 && !S_is_furniture(s))
			VEC_PUSH(&pv, ((struct para){
			    (size_t)(s.p - text), s.n, line, f }));
		at = end + 1;
		line++;
	}
	d->path = d->name = name;
	d->text = text;
	d->len = n;
	d->para = pv.v;
	d->npara = pv.n;
}

/* Start: not lower case, not a closing quote. End: not an abbreviation
 * or an initial. */
static void
S_check_sentence(const char *name, const char *p, size_t n)
{
	size_t t = n;
	struct slice last;
	ck_assert_msg(n > 0, "%s: empty sentence", name);
	ck_assert_msg(!(p[0] >= 'a' && p[0] <= 'z'),
	    "%s: starts lower case: %.*s", name, (int)n, p);
	ck_assert_msg(strncmp(p, "\xE2\x80\x9D", n < 3 ? n : 3) != 0 &&
	    strncmp(p, "\xE2\x80\x99", n < 3 ? n : 3) != 0 &&
	    !(p[0] == '"' && (n == 1 || p[1] == ' ')),
	    "%s: starts with a closing quote: %.*s", name, (int)n, p);
	while (t > 0 && p[t - 1] != ' ')
		t--;
	last = (struct slice){ p + t, n - t };
	for (size_t i = 0; i < sizeof S_no_end / sizeof S_no_end[0]; i++)
		ck_assert_msg(!slice_eq(last, S_no_end[i]),
		    "%s: ends on an abbreviation: %.*s", name, (int)n, p);
	ck_assert_msg(!(last.n == 2 && last.p[0] >= 'A' && last.p[0] <= 'Z' &&
	    last.p[1] == '.'), "%s: ends on an initial: %.*s", name, (int)n, p);
}

/* Sentences are inside their paragraph, in order, and cover every
 * non-space byte of it. */
static void
S_check_cover(const char *name, const struct doc *d, const sentence_vec *v)
{
	size_t i, k = 0;
	for (i = 0; i < d->npara; i++) {
		const struct para *pa = &d->para[i];
		size_t at = pa->off, end = pa->off + pa->len;
		for (; k < v->n && v->v[k].para == (int)i; k++) {
			const struct sentence *s = &v->v[k];
			ck_assert_msg(s->off >= at && s->off + s->len <= end,
			    "%s:%d: sentence outside paragraph", name, pa->line);
			while (at < s->off && d->text[at] == ' ')
				at++;
			ck_assert_msg(at == s->off, "%s:%d: byte %zu lost",
			    name, pa->line, at);
			at = s->off + s->len;
			S_check_sentence(name, d->text + s->off, s->len);
		}
		ck_assert_msg(at == end, "%s:%d: tail lost", name, pa->line);
	}
	ck_assert_uint_eq(k, v->n);
}

struct seed_para {
	const char *prefix;     /* seed file name prefix */
	int line;               /* source line of the paragraph */
	size_t count;           /* sentences, counted by hand */
	int last_flags;         /* SF_* of the last sentence; -1 unchecked */
	const char *want;       /* sentences joined with SEP, or NULL */
};

static const struct seed_para S_seed_paras[] = {
	{ "000", 2, 2, 0, NULL },
	{ "000", 5, 1, 0, NULL },       /* Dr. Alexey Kupriyanov */
	{ "000", 7, 1, 0, NULL },       /* Dr. Kupriyanov noted */
	{ "000", 9, 3, 0,
	  "“This agreement is part of creating a pan-Eurasian security "
	  "framework. | It aligns with the North-South Corridor project, which "
	  "involves countries like India, Pakistan, China, and Iran, among "
	  "others. | The project aims to enhance connectivity and economic "
	  "cooperation, necessitating a unified security strategy,” Tarasov "
	  "told Sputnik India." },
	{ "000", 11, 2, 0, NULL },
	{ "000", 13, 2, 0, NULL },
	{ "001", 1, 1, SF_NOTERM, NULL },
	{ "001", 6, 1, 0, NULL },       /* “ ... " ... ," TASS reported. */
	{ "001", 7, 2, 0, NULL },
	{ "001", 9, 2, 0, NULL },
	{ "002", 3, 3, SF_NOTERM, NULL },       /* ends "briefings:" */
	{ "002", 4, 1, SF_BULLET | SF_QUESTION, NULL },
	{ "002", 5, 1, SF_BULLET | SF_NOTERM, NULL },
	{ "002", 10, 3, SF_NOTERM, NULL },
	{ "002", 18, 3, 0, NULL },      /* In his words, “... . ...” */
	{ "002", 21, 3, 0, NULL },
	{ "003", 3, 1, SF_NOTERM, NULL },
	{ "003", 25, 3, 0,
	  "\"I have no doubt it will be discussed during the visit. | The issue "
	  "of Su-57s certainly will be on the agenda during the coming Putin "
	  "visit to India,\" Peskov said. | He emphasized the importance of a "
	  "bilateral relationship \"free from external interference,\" noting, "
	  "\"We have to secure our relationship; we have to secure our trade "
	  "that brings mutual benefit.\"" },
	{ "003", 27, 4, 0, NULL },
	{ "003", 29, 4, 0, NULL },      /* $5.4 billion, U.S. sanctions */
	{ "004", 7, 1, SF_QUESTION, NULL },
	{ "004", 11, 2, 0, NULL },      /* reciprocity and … development */
	{ "004", 25, 1, SF_BULLET, NULL },
	{ "004", 32, 2, 0, NULL },      /* (e.g. Su-57) */
};

static void
S_check_seed_paras(const char *name, const struct doc *d,
	const sentence_vec *v, size_t *seen)
{
	size_t i, k;
	for (i = 0; i < sizeof S_seed_paras / sizeof S_seed_paras[0]; i++) {
		const struct seed_para *c = &S_seed_paras[i];
		struct buf b = { 0 };
		size_t count = 0;
		unsigned last = 0;
		if (strncmp(name, c->prefix, 3) != 0)
			continue;
		for (k = 0; k < v->n; k++) {
			if (v->v[k].line != c->line)
				continue;
			buf_puts(&b, count++ ? SEP : "");
			buf_put(&b, d->text + v->v[k].off, v->v[k].len);
			last = v->v[k].flags;
		}
		ck_assert_msg(count == c->count, "%s:%d: %zu sentences, want %zu:"
		    "\n%s", name, c->line, count, c->count, buf_cstr(&b));
		if (c->last_flags >= 0)
			ck_assert_uint_eq(last, (unsigned)c->last_flags);
		if (c->want != NULL)
			ck_assert_str_eq(buf_cstr(&b), c->want);
		buf_free(&b);
		(*seen)++;
	}
}

START_TEST(test_seeds)
{
	static const char *const names[] = {
		"000_e06d71125e4aec73.txt", "001_d1373d20fc389b3c.txt",
		"002_dde24e71c098dbc8.txt", "003_9a179c9fdcd98e99.txt",
		"004_3bd4bcd970557f1d.txt",
	};
	size_t i, seen = 0, total = 0;
	for (i = 0; i < 5; i++) {
		char *text;
		size_t n;
		struct brief_err err;
		struct doc d;
		sentence_vec v = { 0 };
		text = test_read(&n, "%s/seeds/%s", test_top(), names[i]);
		S_seed_doc(&d, text, n, names[i]);
		ck_assert_int_eq(segment_doc(S_sg, &d, (int)i, &v, &err), 0);
		ck_assert_uint_ge(v.n, d.npara);
		S_check_cover(names[i], &d, &v);
		S_check_seed_paras(names[i], &d, &v, &seen);
		total += v.n;
		VEC_FREE(&v);
		free(d.para);
		free(text);
	}
	ck_assert_uint_eq(seen, sizeof S_seed_paras / sizeof S_seed_paras[0]);
	ck_assert_uint_gt(total, 100);
}
END_TEST

/* ---- hostile input --------------------------------------------------- */

/* A byte of the white space the random pieces use (NBSP is C2 A0). */
static int
S_blank_byte(char c)
{
	return c == ' ' || c == '\n' || c == '\t' ||
	    (unsigned char)c == 0xC2 || (unsigned char)c == 0xA0;
}

/* Invariants on any input: spans in order, inside [0, n), non-empty,
 * trimmed, on code point boundaries, covering every non-space byte.
 * Returns a description of the first violation, NULL if none (one
 * ck_assert per text: Check marks every assert through a pipe). */
static const char *
S_span_error(const char *p, size_t n, const span_vec *v)
{
	size_t i, at = 0;
	for (i = 0; i < v->n; i++) {
		struct span s = v->v[i];
		struct slice t = slice_trim((struct slice){ p + s.off, s.len });
		if (s.len == 0 || s.off < at || s.off + s.len > n)
			return "span empty, out of order or out of range";
		if (t.p != p + s.off || t.n != s.len)
			return "span not trimmed";
		if (((unsigned char)p[s.off] & 0xC0) == 0x80 ||
		    (s.off + s.len < n &&
		    ((unsigned char)p[s.off + s.len] & 0xC0) == 0x80))
			return "span splits a code point";
		for (; at < s.off; at++)
			if (!S_blank_byte(p[at]))
				return "text lost between spans";
		at = s.off + s.len;
	}
	for (; at < n; at++)
		if (!S_blank_byte(p[at]))
			return "text lost after the last span";
	return NULL;
}

static void
S_run_checked(const char *p, size_t n, size_t min_spans)
{
	span_vec v = { 0 };
	struct brief_err err;
	const char *bad;
	ck_assert_int_eq(segment_text(S_sg, p, n, &v, &err), 0);
	bad = S_span_error(p, n, &v);
	ck_assert_msg(bad == NULL, "%s", bad);
	ck_assert_uint_ge(v.n, min_spans);
	VEC_FREE(&v);
}

/* Random text from pieces that exercise every rule, fixed seed. */
START_TEST(test_random)
{
	static const char *const pieces[] = {
		".", " ", "\"", "“", "”", "‘", "’", "A", "a", "1", "…", "?",
		"!", "\n", "é", "É", "\xF0\x9F\x98\x80", "\xC2\xA0", "Dr.",
		"U.S.", "J.", "...", "(", ")", "No.", "The", "said", ",",
		"etc.", "e.g.", "\t",
	};
	uint32_t r = 12345;
	struct buf b = { 0 };
	int round;
	for (round = 0; round < 300; round++) {
		test_random_text(&b, &r, pieces,
		    sizeof pieces / sizeof pieces[0], 200);
		S_run_checked(b.p, b.n, 0);
	}
	buf_free(&b);
}
END_TEST

static void
S_repeat(struct buf *b, const char *s, size_t times)
{
	b->n = 0;
	test_repeat(b, s, times);
}

START_TEST(test_long)
{
	struct buf b = { 0 };
	S_repeat(&b, "word ", 400000);         /* 2 MB, one sentence */
	S_run_checked(b.p, b.n, 1);
	S_repeat(&b, "It ended. ", 100000);    /* 100000 sentences */
	S_run_checked(b.p, b.n, 100000);
	S_repeat(&b, "Dr. J. U.S. Inc. ", 50000); /* nothing ends */
	S_run_checked(b.p, b.n, 1);
	S_repeat(&b, "x.\"Y.\"", 100000);      /* no spaces at all */
	S_run_checked(b.p, b.n, 1);
	S_repeat(&b, "… ", 100000);
	S_run_checked(b.p, b.n, 1);
	S_repeat(&b, "a… B", 100000);
	S_run_checked(b.p, b.n, 100000);
	S_repeat(&b, "?” ", 100000);
	S_run_checked(b.p, b.n, 1);
	S_repeat(&b, ".", 1000000);
	S_run_checked(b.p, b.n, 1);
	buf_free(&b);
}
END_TEST

START_TEST(test_reuse_and_errors)
{
	span_vec v = { 0 };
	struct brief_err err;
	char *a, *b;
	/* a long text then a short one: no stale state */
	struct buf big = { 0 };
	S_repeat(&big, "Dr. Rao spoke. ", 10000);
	S_run_checked(big.p, big.n, 10000);
	buf_free(&big);
	a = S_join("One. Two.");
	b = S_join("One. Two.");
	ck_assert_str_eq(a, "One. | Two.");
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	/* too long for ICU: refused before reading a byte */
	ck_assert_int_eq(segment_text(S_sg, "x", (size_t)INT32_MAX + 1, &v,
	    &err), -1);
	ck_assert_str_eq(err.stage, "segment");
	ck_assert_uint_eq(v.n, 0);
	ck_assert_int_eq(segment_text(S_sg, "x", (size_t)INT32_MAX + 1, &v,
	    NULL), -1);
	/* appends, never clears */
	VEC_PUSH(&v, ((struct span){ 99, 1 }));
	ck_assert_int_eq(segment_text(S_sg, "One. Two.", 9, &v, &err), 0);
	ck_assert_uint_eq(v.n, 3);
	ck_assert_uint_eq(v.v[0].off, 99);
	ck_assert_uint_eq(v.v[2].off, 5);
	VEC_FREE(&v);
	segmenter_free(NULL);
}
END_TEST

/* Not promised by ingest, but must not crash or read past n: invalid
 * bytes, a truncated sequence at the end, an embedded NUL. */
START_TEST(test_bad_bytes)
{
	static const char text[] = "Bad \xFF\xFE bytes. Cut \xE2\x80. Nul \0 "
	    "inside. End \xF0\x9F";
	span_vec v = { 0 };
	struct brief_err err;
	size_t i, n = sizeof text - 1;
	char *copy = xmalloc(n);        /* exact size: ASan sees overreads */
	memcpy(copy, text, n);
	ck_assert_int_eq(segment_text(S_sg, copy, n, &v, &err), 0);
	ck_assert_uint_eq(v.n, 4);
	for (i = 0; i < v.n; i++)
		ck_assert(v.v[i].len > 0 && v.v[i].off + v.v[i].len <= n);
	ck_assert_uint_eq(v.v[3].off + v.v[3].len, n);
	VEC_FREE(&v);
	free(copy);
}
END_TEST

Suite *segment_suite(void);

Suite *
segment_suite(void)
{
	Suite *s = suite_create("segment");
	TCase *tc = tcase_create("table");
	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_add_loop_test(tc, test_table, 0,
	    (int)(sizeof S_cases / sizeof S_cases[0]));
	tcase_add_loop_test(tc, test_doc_flags, 0,
	    (int)(sizeof S_paras / sizeof S_paras[0]));
	tcase_add_test(tc, test_doc_lines);
	tcase_add_test(tc, test_doc_bad_para);
	tcase_add_test(tc, test_seeds);
	suite_add_tcase(s, tc);
	tc = tcase_create("hostile");
	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_random);
	tcase_add_test(tc, test_long);
	tcase_add_test(tc, test_reuse_and_errors);
	tcase_add_test(tc, test_bad_bytes);
	suite_add_tcase(s, tc);
	return s;
}
