/*
 * test_quotes.c -- quotes_find: speakers, roles, outlets and flags.
 *
 * Test documents are built here, independent of ingest.c and segment.c:
 * one paragraph per input line ("* " starts a bullet, "# " a heading),
 * sentences split by a minimal rule (., ? or ! plus space before a
 * capital or an opening quote, not after Dr., Mr., initials), or exactly
 * at "␞" markers when a line has any (the markers are removed).
 *
 * A case gives the article and the views expected, in order, one row
 * each: "speaker|role|outlet|FLAGS[|first-last[|span prefix]]". FLAGS
 * are letters: Q quote, P paraphrase, R resolved, I first person,
 * T reported. Fields left off the end of a row are not checked; a span
 * ending in "|" is checked whole. Seed articles are checked the same
 * way, read from seeds/ under test_top().
 */
#include "testutil.h"

#include <stdint.h>
#include <stdio.h>

#include "brief/base.h"
#include "brief/quotes.h"

Suite *quotes_suite(void);

#define SEP "\xE2\x90\x9E"      /* ␞: a forced sentence break */
#define TMAXPARA 256
#define TMAXMARK 64

struct tdoc {
	struct doc d;
	struct para para[TMAXPARA];
	sentence_vec s;
	struct buf text;
};

/* ---- building test documents ----------------------------------------- */

static int
t_abbrev_before(const char *p, size_t a, size_t i)
{
	static const char *const ab[] = { "Dr", "Mr", "Mrs", "Ms", "Prof",
		"St", "Gen", "Jr", "Sr", "U.S", "e.g", "i.e", "vs", NULL };
	size_t k = i, j;

	while (k > a && p[k - 1] != ' ')
		k--;
	if (i - k == 1 && p[k] >= 'A' && p[k] <= 'Z')
		return 1;
	for (j = 0; ab[j]; j++)
		if (strlen(ab[j]) == i - k && memcmp(p + k, ab[j], i - k) == 0)
			return 1;
	return 0;
}

/* Length of a closing quote mark at p, else 0. */
static size_t
t_closer(const char *p, size_t n)
{
	if (n >= 1 && p[0] == '"')
		return 1;
	if (n >= 3 && (memcmp(p, "\xE2\x80\x9D", 3) == 0 ||
		memcmp(p, "\xE2\x80\x99", 3) == 0))
		return 3;
	return 0;
}

/* Where the sentence starting in p[a..b) ends (index after it). */
static size_t
t_next_break(const char *p, size_t a, size_t b)
{
	size_t i, j, k;

	for (i = a; i < b; i++) {
		if (p[i] != '.' && p[i] != '?' && p[i] != '!')
			continue;
		if (p[i] == '.' && t_abbrev_before(p, a, i))
			continue;
		j = i + 1;
		while (j < b && (k = t_closer(p + j, b - j)) > 0)
			j += k;
		if (j >= b || p[j] != ' ')
			continue;
		k = j;
		while (k < b && p[k] == ' ')
			k++;
		if (k < b && ((p[k] >= 'A' && p[k] <= 'Z') || p[k] == '"' ||
			(b - k >= 3 && memcmp(p + k, "\xE2\x80\x9C", 3) == 0)))
			return j;
	}
	return b;
}

static void
t_push_sentence(struct tdoc *t, size_t a, size_t b, int para, int line,
	unsigned flags)
{
	struct sentence s;

	while (a < b && t->text.p[a] == ' ')
		a++;
	while (b > a && t->text.p[b - 1] == ' ')
		b--;
	if (a == b)
		return;
	memset(&s, 0, sizeof s);
	s.doc = 0;
	s.para = para;
	s.off = a;
	s.len = b - a;
	s.line = line;
	s.flags = flags;
	VEC_PUSH(&t->s, s);
}

/* Copy one line into the text, dropping markers; return their offsets. */
static size_t
t_copy_line(struct tdoc *t, const char *p, size_t n, size_t *mark)
{
	size_t i = 0, nm = 0, sl = strlen(SEP);

	while (i < n) {
		if (n - i >= sl && memcmp(p + i, SEP, sl) == 0) {
			if (nm < TMAXMARK)
				mark[nm++] = t->text.n;
			i += sl;
			continue;
		}
		buf_putc(&t->text, (unsigned char)p[i++]);
	}
	return nm;
}

static void
t_add_line(struct tdoc *t, const char *p, size_t n, int line)
{
	size_t mark[TMAXMARK], nm, a, b, i;
	unsigned pf = 0, sf = 0;
	int pi = (int)t->d.npara;

	if (n >= 2 && (memcmp(p, "* ", 2) == 0 || memcmp(p, "# ", 2) == 0)) {
		pf = p[0] == '*' ? PARA_BULLET : PARA_HEADING;
		sf = p[0] == '*' ? SF_BULLET : SF_HEADING;
		p += 2;
		n -= 2;
	}
	if (n == 0 || t->d.npara == TMAXPARA)
		return;
	a = t->text.n;
	nm = t_copy_line(t, p, n, mark);
	b = t->text.n;
	t->para[pi] = (struct para){ a, b - a, line, pf };
	t->d.npara++;
	for (i = 0; i <= nm; i++) {
		size_t e = i < nm ? mark[i] : b, s = i ? mark[i - 1] : a, k;
		if (nm > 0) {
			t_push_sentence(t, s, e, pi, line, sf);
			continue;
		}
		for (s = a; s < b; s = k) {
			k = t_next_break(t->text.p, s, b);
			t_push_sentence(t, s, k, pi, line, sf);
		}
	}
}

static void
t_build(struct tdoc *t, const char *src)
{
	const char *p = src, *nl;
	int line = 1;

	memset(t, 0, sizeof *t);
	while (*p) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		t_add_line(t, p, (size_t)(nl - p), line++);
		if (t->text.n > 0)
			buf_putc(&t->text, '\n');
		p = *nl ? nl + 1 : nl;
	}
	t->d.text = (char *)buf_cstr(&t->text);
	t->d.len = t->text.n;
	t->d.para = t->para;
	t->d.name = "test";
}

static void
t_free(struct tdoc *t)
{
	buf_free(&t->text);
	VEC_FREE(&t->s);
}

/* ---- formatting views -------------------------------------------------- */

static void
t_flags(struct buf *b, unsigned f)
{
	if (f & VIEW_QUOTE)
		buf_putc(b, 'Q');
	if (f & VIEW_PARAPHRASE)
		buf_putc(b, 'P');
	if (f & VIEW_RESOLVED)
		buf_putc(b, 'R');
	if (f & VIEW_FIRST_PERSON)
		buf_putc(b, 'I');
	if (f & VIEW_REPORTED)
		buf_putc(b, 'T');
}

/* "speaker|role|outlet|FLAGS|first-last|span" */
static void
t_format(struct buf *b, const struct tdoc *t, const struct view *v)
{
	buf_put(b, v->speaker.p, v->speaker.n);
	buf_putc(b, '|');
	buf_put(b, v->role.p, v->role.n);
	buf_putc(b, '|');
	buf_put(b, v->outlet.p, v->outlet.n);
	buf_putc(b, '|');
	t_flags(b, v->flags);
	buf_printf(b, "|%zu-%zu|", v->first, v->last);
	buf_put(b, t->d.text + v->off, v->len);
}

/* Compare a formatted view with an expected row, field by field; the
 * sixth field (the span) is a prefix, or exact when a "|" ends it. */
static int
t_row_match(const char *got, const char *want)
{
	int field = 0;

	for (;;) {
		size_t gn = strcspn(got, "|"), wn = strcspn(want, "|");
		if (field == 5 && want[wn] == '|')
			return strlen(got) == wn && memcmp(got, want, wn) == 0;
		if (field == 5)
			return wn <= strlen(got) && memcmp(got, want, wn) == 0;
		if (gn != wn || memcmp(got, want, wn) != 0)
			return 0;
		if (want[wn] == '\0')
			return 1;
		if (got[gn] == '\0')
			return 0;
		got += gn + 1;
		want += wn + 1;
		field++;
	}
}

/* All views of src, one formatted row per line, into *all. */
static size_t
t_run(const char *src, struct buf *all, char rows[][1024], size_t max)
{
	struct tdoc t;
	view_vec v = { NULL, 0, 0 };
	size_t i, n;

	t_build(&t, src);
	n = quotes_find(&t.d, t.s.v, t.s.n, &v);
	if (n != v.n)
		buf_printf(all, "  quotes_find returned %zu for %zu views\n",
			n, v.n);
	for (i = 0; i < v.n; i++) {
		struct buf b = { NULL, 0, 0 };
		t_format(&b, &t, &v.v[i]);
		buf_printf(all, "  %s\n", buf_cstr(&b));
		if (i < max)
			snprintf(rows[i], 1024, "%s", buf_cstr(&b));
		buf_free(&b);
	}
	VEC_FREE(&v);
	t_free(&t);
	return n;
}

/* ---- the table --------------------------------------------------------- */

#define KUPR_ROLE "Head of the Group on South Asia and Indian Ocean at " \
	"the Center for Asia Pacific Studies"
#define TARASOV_ROLE "political analyst specializing in the Middle East " \
	"and Caucasus regions"

struct qcase {
	const char *name;
	const char *text;
	const char *want[8];    /* NULL-terminated rows */
};

static const struct qcase cases[] = {
	/* ---- seed shapes ---- */
	{ "1 quote, NAME, ROLE, told OUTLET",
	  "\xE2\x80\x9CThe agreement aims to eliminate bureaucratic obstacles "
	  "when our or Indian military assets are deployed for joint exercises "
	  "or operations,\xE2\x80\x9D Dr. Alexey Kupriyanov, Head of the Group "
	  "on South Asia and Indian Ocean at the Center for Asia Pacific "
	  "Studies, told Sputnik.",
	  { "Alexey Kupriyanov|" KUPR_ROLE "|Sputnik|Q|0-0|The agreement aims "
	    "to eliminate bureaucratic obstacles when our or Indian military "
	    "assets are deployed for joint exercises or operations|" } },
	{ "2,3 pronoun paraphrase, honorific surname",
	  "\xE2\x80\x9CThe agreement aims to eliminate obstacles,\xE2\x80\x9D "
	  "Dr. Alexey Kupriyanov, Head of the Group on South Asia and Indian "
	  "Ocean at the Center for Asia Pacific Studies, told Sputnik.\n"
	  "He added that the document legally formalises the procedures "
	  "necessary for such deployments, emphasizing its continuity with "
	  "past agreements which are typically renewed every five years.\n"
	  "\xE2\x80\x9CThe main update in this agreement is the inclusion of "
	  "passport and visa controls for military personnel, which were "
	  "previously exempt,\xE2\x80\x9D Dr. Kupriyanov noted.",
	  { "Alexey Kupriyanov|" KUPR_ROLE "|Sputnik|Q|0-0",
	    "Alexey Kupriyanov|" KUPR_ROLE "|Sputnik|PR|1-1|He added that the "
	    "document",
	    "Alexey Kupriyanov|" KUPR_ROLE "|Sputnik|QR|2-2|The main update in "
	    "this agreement is the inclusion of passport and visa controls for "
	    "military personnel, which were previously exempt|" } },
	{ "4,5 appositive paraphrase, multi-sentence quote",
	  "Stanislav Tarasov, a political analyst specializing in the Middle "
	  "East and Caucasus regions, views the agreement in the broader "
	  "context of Eurasian security.\n"
	  "\xE2\x80\x9CThis agreement is part of creating a pan-Eurasian "
	  "security framework. It aligns with the North-South Corridor "
	  "project, which involves countries like India, Pakistan, China, and "
	  "Iran, among others. The project aims to enhance connectivity and "
	  "economic cooperation, necessitating a unified security "
	  "strategy,\xE2\x80\x9D Tarasov told Sputnik India.",
	  { "Stanislav Tarasov|" TARASOV_ROLE "||P|0-0|Stanislav Tarasov, a "
	    "political analyst",
	    "Stanislav Tarasov|" TARASOV_ROLE "|Sputnik India|QR|1-3|This "
	    "agreement is part of creating a pan-Eurasian security framework. "
	    "It aligns with the North-South Corridor project, which involves "
	    "countries like India, Pakistan, China, and Iran, among others. The "
	    "project aims to enhance connectivity and economic cooperation, "
	    "necessitating a unified security strategy|" } },
	{ "6 appositive without its closing comma",
	  "\xE2\x80\x9CGiven the unprecedented pressure exerted on the entire "
	  "world by the countries of the NATO bloc, this is a demonstration of "
	  "disagreement with such actions. If the alliance between China and "
	  "Russia is obvious to everyone, the confirmation of India\xE2\x80\x99s "
	  "consent to continue co-operation and the re-signing of the "
	  "agreement is also a kind of demonstration of this "
	  "state\xE2\x80\x99s position in terms of Russia\xE2\x80\x99s "
	  "policy,\xE2\x80\x9D Nikolai Kostikin, an expert of the Bureau of "
	  "Military-Political Analysis told Sputnik India.",
	  { "Nikolai Kostikin|expert of the Bureau of Military-Political "
	    "Analysis|Sputnik India|Q|0-1|Given the unprecedented" } },
	{ "7 said ROLE NAME during VENUE, straight quotes",
	  "\"The ratification marks another step toward deeper reciprocity "
	  "and long-term cooperation,\" said State Duma Speaker Vyacheslav "
	  "Volodin during the plenary session, highlighting the strategic "
	  "value of the agreement.",
	  { "Vyacheslav Volodin|State Duma Speaker|the plenary session|Q|0-0|"
	    "The ratification marks another step toward deeper reciprocity and "
	    "long-term cooperation|" } },
	{ "8,9 ROLE NAME stated that; surname quote; pronoun with quotes",
	  "On Tuesday, Kremlin spokesperson Dmitry Peskov stated that major "
	  "defense agreements, including discussions on the Sukhoi Su-57 "
	  "fifth-generation stealth fighter jets and additional S-400 Triumf "
	  "air defense systems, are expected.\n"
	  "\"I have no doubt it will be discussed during the visit. The issue "
	  "of Su-57s certainly will be on the agenda during the coming Putin "
	  "visit to India,\" Peskov said. He emphasized the importance of a "
	  "bilateral relationship \"free from external interference,\" "
	  "noting, \"We have to secure our relationship; we have to secure "
	  "our trade that brings mutual benefit.\"",
	  { "Dmitry Peskov|Kremlin spokesperson||P|0-0|On Tuesday, Kremlin",
	    "Dmitry Peskov|Kremlin spokesperson||QR|1-2|I have no doubt it will "
	    "be discussed during the visit. The issue of Su-57s certainly will "
	    "be on the agenda during the coming Putin visit to India|",
	    "Dmitry Peskov|Kremlin spokesperson||QR|3-3|We have to secure our "
	    "relationship; we have to secure our trade that brings mutual "
	    "benefit.|" } },
	{ "10 ROLE NAME told OUTLET that; In his words",
	  "On that tangent, esteemed Russian expert on India Alexey "
	  "Kupriyanov told RT that their country might employ RELOS to "
	  "facilitate joint drills with India in the Arctic. In his words, "
	  "\xE2\x80\x9CIt is possible that the provisions of this agreement "
	  "will apply in the case of joint exercises in Arctic territories and "
	  "waters of the Arctic Ocean. From the perspective of Indian military "
	  "elites and the expert community, this is important because Delhi "
	  "is concerned about increased Chinese activity in polar "
	  "regions.\xE2\x80\x9D",
	  { "Alexey Kupriyanov|Russian expert on India|RT|P|0-0|On that "
	    "tangent",
	    "Alexey Kupriyanov|Russian expert on India|RT|QR|1-2|It is "
	    "possible that" } },
	{ "11,12 according to OUTLET appositive; OUTLET reported; the agency",
	  "According to Russia\xE2\x80\x99s official news agency, TASS, the "
	  "Russian government has submitted to the State Duma for "
	  "ratification a Russian-Indian agreement.\n"
	  "\xE2\x80\x9CThe document, uploaded to the State "
	  "Duma\xE2\x80\x99s electronic database, \"ratifies an agreement on "
	  "organizing their mutual technical and logistical support,\" TASS "
	  "reported.\n"
	  "An explanatory note to the document says that troops can be "
	  "dispatched for joint drills. The Russian government believes that "
	  "the ratification of the document will strengthen cooperation, the "
	  "agency reported.",
	  { "||TASS|PT|0-0|According to",
	    "||TASS|QT|1-1|The document, uploaded to the State "
	    "Duma\xE2\x80\x99s electronic database, \"ratifies an agreement on "
	    "organizing their mutual technical and logistical support|",
	    "||TASS|PRT|3-3|The Russian government believes" } },
	{ "11 according to OUTLET",
	  "According to Sputnik, the agreement is for the procedure for "
	  "mutual dispatch of military formations.",
	  { "||Sputnik|PT|0-0|According to Sputnik" } },
	{ "11 according to a note on X: a source, not a role",
	  "According to a note on the Duma\xE2\x80\x99s official website, the "
	  "pact will simplify access to each other\xE2\x80\x99s airspace.",
	  { "||the Duma\xE2\x80\x99s official website|PT|0-0" } },
	{ "13 first person, scare quotes and quoted titles are not views",
	  "In practice, this will continue the trend of diversifying "
	  "Russia\xE2\x80\x99s \xE2\x80\x9CPivot to Asia\xE2\x80\x9D away from "
	  "its former Sino-centricity.\n"
	  "Here are six background briefings:\n"
	  "* 13 February 2025: \xE2\x80\x9CHere\xE2\x80\x99s What Comes Next "
	  "After Putin & Trump Just Agreed To Start Peace "
	  "Talks\xE2\x80\x9D\n"
	  "* 14 February 2025: \xE2\x80\x9CWhy Might Russia Repair Its Ties "
	  "With The West?\xE2\x80\x9D\n"
	  "Then perhaps Putin and Trump might even agree to what can be "
	  "described as a \xE2\x80\x9CNew D\xC3\xA9tente\xE2\x80\x9D between "
	  "their nations.\n"
	  "I think Russians fully appreciate how far they should, can, or "
	  "afford to push India in any specific direction. Whether the "
	  "Americans have the same appreciation remains to be seen.",
	  { "|||I|5-5|I think Russians" } },
	{ "14 according to the statement from ROLE: role, no speaker",
	  "With today\xE2\x80\x99s ratification the pact enters into effect. "
	  "According to the statement from the Russian "
	  "parliament\xE2\x80\x99s Speaker, the agreement \xE2\x80\x9Cis "
	  "another step toward reciprocity and \xE2\x80\xA6 development of our "
	  "relations.\xE2\x80\x9D",
	  { "|the Russian parliament\xE2\x80\x99s Speaker||P|1-1|According to "
	    "the statement" } },
	{ "ROLE and NAME confirmed that (long role before the name)",
	  "Head of the Russian Direct Investment Fund and member of the "
	  "Russian delegation in Riyadh Kirill Dmitriev confirmed after their "
	  "talks that the two sides discussed joint Arctic energy projects.",
	  { "Kirill Dmitriev|Head of the Russian Direct Investment Fund and "
	    "member of the Russian delegation in Riyadh||P|0-0" } },

	/* ---- shapes not in the seeds ---- */
	{ "TITLE NAME of ORG believes (paraphrase, affiliation as role)",
	  "Analyst Jonas Berg of the Kolven Security Forum believes the "
	  "arrangement is mainly about the frigate sale.",
	  { "Jonas Berg|Kolven Security Forum||P|0-0" } },
	{ "said TITLE NAME, appositive role, in an interview with OUTLET",
	  "\xE2\x80\x9C" "Common logistics make a common fleet cheaper,\xE2\x80\x9D said "
	  "Admiral Rosa Lindqvist, chief of the naval staff, in an interview "
	  "with Defence Weekly.",
	  { "Rosa Lindqvist|chief of the naval staff|Defence Weekly|Q|0-0|Common "
	    "logistics make a common fleet cheaper|" } },
	{ "said NAME, appositive role",
	  "\xE2\x80\x9CWe will not accept this,\xE2\x80\x9D said Jane Doe, a "
	  "senior fellow at the Atlantic Institute.",
	  { "Jane Doe|senior fellow at the Atlantic Institute||Q|0-0|We will "
	    "not accept this|" } },
	{ "NAME, ROLE, said in an interview with OUTLET that",
	  "Jane Doe, director of the Eastern Studies Program, said in an "
	  "interview with The Hindu that the talks had stalled.",
	  { "Jane Doe|director of the Eastern Studies Program|The Hindu|P|0-0|"
	    "Jane Doe, director" } },
	{ "quote, she said",
	  "Maria Lopez, an economist at the central bank, said inflation "
	  "would ease.\n"
	  "\xE2\x80\x9CPrices are already falling,\xE2\x80\x9D she said.",
	  { "Maria Lopez|economist at the central bank||P|0-0",
	    "Maria Lopez|economist at the central bank||QR|1-1|Prices are "
	    "already falling|" } },
	{ "dash attribution",
	  "\xE2\x80\x9C" "Diplomacy is the art of the possible.\xE2\x80\x9D "
	  "\xE2\x80\x94 John Smith",
	  { "John Smith|||Q|0-0|Diplomacy is the art of the possible.|" } },
	{ "surname told reporters, after an appositive mention",
	  "John Smith, a professor of history at Leeds, spoke at the forum.\n"
	  "Smith told reporters the deal was fragile.",
	  { "John Smith|professor of history at Leeds||PR|1-1|Smith told" } },
	{ "quote, according to SURNAME",
	  "Foreign Minister Anna Berg met her counterpart on Monday.\n"
	  "\xE2\x80\x9CThe door remains open,\xE2\x80\x9D according to Berg.",
	  { "Anna Berg|Foreign Minister||QR|1-1|The door remains open|" } },
	{ "according to an unknown name is a source, not a person",
	  "The deal is worth $5 billion, according to Reuters.",
	  { "||Reuters|PT|0-0" } },
	{ "according to NAME, ROLE",
	  "According to Jane Doe, a senior fellow at the institute, the pact "
	  "is largely symbolic.",
	  { "Jane Doe|senior fellow at the institute||P|0-0" } },
	{ "straight quotes, told OUTLET",
	  "\"We are ready for the next round,\" Jane Doe told Reuters.",
	  { "Jane Doe||Reuters|Q|0-0|We are ready for the next round|" } },
	{ "nested quotes inside the quote",
	  "\xE2\x80\x9CThe phrase \"red line\" matters here, and \xE2\x80\x98no"
	  "\xE2\x80\x99 means no,\xE2\x80\x9D said Jane Doe.",
	  { "Jane Doe|||Q|0-0|The phrase \"red line\" matters here, and "
	    "\xE2\x80\x98no\xE2\x80\x99 means no|" } },
	{ "curly nested in curly",
	  "\xE2\x80\x9CThey called it \xE2\x80\x9C" "a new era\xE2\x80\x9D and "
	  "meant it,\xE2\x80\x9D Jane Doe said.",
	  { "Jane Doe|||Q|0-0|They called it \xE2\x80\x9C" "a new "
	    "era\xE2\x80\x9D and meant it|" } },
	{ "said TITLE NAME at VENUE",
	  "\xE2\x80\x9CRelations are strong,\xE2\x80\x9D said Prime Minister "
	  "Jane Doe at a press conference in Delhi.",
	  { "Jane Doe|Prime Minister|a press conference in Delhi|Q|0-0" } },
	{ "TITLE NAME said on DAY that",
	  "Foreign Minister Jane Doe said on Monday that talks would resume.",
	  { "Jane Doe|Foreign Minister||P|0-0" } },
	{ "role-only speaker of a quote",
	  "\xE2\x80\x9CThis cannot continue,\xE2\x80\x9D a senior official "
	  "said.",
	  { "|senior official||Q|0-0|This cannot continue|" } },
	{ "unattributed quote and unresolved pronoun: nothing",
	  "\xE2\x80\x9CThis cannot continue.\xE2\x80\x9D\n"
	  "He said the deal was done.",
	  { NULL } },
	{ "bare quote continues the previous speaker",
	  "\xE2\x80\x9CWe tried,\xE2\x80\x9D Jane Doe said. "
	  "\xE2\x80\x9CWe failed.\xE2\x80\x9D",
	  { "Jane Doe|||Q|0-0|We tried|", "Jane Doe|||QR|1-1|We failed.|" } },
	{ "bare quote paragraph continues the previous paragraph's quote",
	  "\xE2\x80\x9CWe are ready,\xE2\x80\x9D Jane Doe said.\n"
	  "\xE2\x80\x9CThe next step is the vote.\xE2\x80\x9D",
	  { "Jane Doe|||Q|0-0", "Jane Doe|||QR|1-1|The next step is the "
	    "vote.|" } },
	{ "attribution split off as its own sentence",
	  "\xE2\x80\x9CThe talks were useful.\xE2\x80\x9D" SEP " Jane Doe "
	  "said.",
	  { "Jane Doe|||Q|0-1|The talks were useful.|" } },
	{ "quote, she said, fragment: one view, the sentence whole (the "
	  "first piece alone would drop \"but not there yet\")",
	  "Jane Doe said talks went well. \xE2\x80\x9CWe are "
	  "close,\xE2\x80\x9D she said, \xE2\x80\x9C" "but not there "
	  "yet.\xE2\x80\x9D",
	  { "Jane Doe|||P|0-0", "Jane Doe|||PR|1-1|\xE2\x80\x9CWe are close,"
	    "\xE2\x80\x9D she said, \xE2\x80\x9C" "but not there yet." } },
	{ "fragment quote in an attributed sentence: the sentence",
	  "Jane Doe said the plan was \xE2\x80\x9C" "dead on "
	  "arrival\xE2\x80\x9D and would fail.",
	  { "Jane Doe|||P|0-0|Jane Doe said the plan" } },
	{ "trailing attribution of a paraphrase",
	  "The deal will be signed within weeks, Foreign Minister Jane Doe "
	  "said.",
	  { "Jane Doe|Foreign Minister||P|0-0" } },
	{ "first person: in my view; not World War I",
	  "In my view, the pact changes little.\n"
	  "World War I ended in 1918.",
	  { "|||I|0-0" } },
	{ "headings are skipped; capitals are not outlets unless reporting",
	  "# Jane Doe said nothing new\n"
	  "RELOS adds depth to this posture.\n"
	  "NATO said the drills were routine.",
	  { "||NATO|PT|2-2" } },
	{ "lone unknown surname: no speaker, kept as role",
	  "\xE2\x80\x9CWe will respond,\xE2\x80\x9D Moscow said.",
	  { "|Moscow||Q|0-0" } },
	{ "a body speaks: ORG said",
	  "The Left party Politburo said the agreement would compromise the "
	  "country's strategic autonomy.",
	  { "Left party Politburo|||P|0-0|The Left party Politburo said the agreement would compromise the country's strategic autonomy." } },
	{ "organisations and places are not people",
	  "The Kremlin confirmed that the talks will happen. New Delhi said "
	  "it was ready. The agency says that troops can be dispatched.",
	  { NULL } },
	{ "said the ROLE: role-only quote",
	  "\xE2\x80\x9CWe will respond in kind,\xE2\x80\x9D said the "
	  "minister.",
	  { "|the minister||Q|0-0|We will respond in kind|" } },
	{ "pronoun told OUTLET: before the quote",
	  "Jane Doe said the talks were fine. She told CNN: \xE2\x80\x9CWe "
	  "are not going anywhere.\xE2\x80\x9D",
	  { "Jane Doe|||P|0-0",
	    "Jane Doe||CNN|QR|1-1|We are not going anywhere.|" } },
	{ "asked NAME; says NAME, ROLE; NAME, ROLE, told the OUTLET on DAY",
	  "\xE2\x80\x9CIs this the end?\xE2\x80\x9D asked Jane Doe.\n"
	  "\xE2\x80\x9CIt is over,\xE2\x80\x9D says John Roe, an analyst.\n"
	  "\xE2\x80\x9CIt is over,\xE2\x80\x9D Mary Poe, the "
	  "company\xE2\x80\x99s chief executive, told the BBC on Monday.",
	  { "Jane Doe|||Q|0-0|Is this the end?|",
	    "John Roe|analyst||Q|1-1|It is over|",
	    "Mary Poe|the company\xE2\x80\x99s chief executive|the BBC|Q|2-2" } },
	{ "honorific with an unknown surname is still a person",
	  "\xE2\x80\x9CIt is over,\xE2\x80\x9D Mr. Smith said.",
	  { "Smith|||Q|0-0|It is over|" } },
	{ "ROLE, NAME, said; NAME, 45, said",
	  "The Kremlin\xE2\x80\x99s spokesman, Dmitry Peskov, said the talks "
	  "were useful.\n"
	  "Jane Doe, 45, said the talks were over.",
	  { "Dmitry Peskov|Kremlin\xE2\x80\x99s spokesman||P|0-0",
	    "Jane Doe|||P|1-1" } },
	{ "a relative clause's verb is not the subject's",
	  "Jane Doe, who said nothing, left early.",
	  { NULL } },
	{ "capitalised scare quote after a comma is not a statement",
	  "Jane Doe said the talks failed, \xE2\x80\x9CPivot to "
	  "Asia\xE2\x80\x9D notwithstanding.",
	  { "Jane Doe|||P|0-0|Jane Doe said the talks failed" } },
	{ "according to ROLE: role-only paraphrase",
	  "According to the ministry spokesperson, the deal is done.",
	  { "|the ministry spokesperson||P|0-0" } },
	{ "surname resolves to a title-introduced mention",
	  "President Vladimir Putin arrived in Delhi. Putin said the visit "
	  "was important.",
	  { "Vladimir Putin|President||PR|1-1|Putin said" } },
	{ "first person inside a quote is the speaker's; as I noted",
	  "\xE2\x80\x9CI think we are close,\xE2\x80\x9D Jane Doe said.\n"
	  "As I noted earlier, the pact is weak.",
	  { "Jane Doe|||Q|0-0|I think we are close|", "|||I|1-1" } },
	{ "a quoted headline after a quote is not a continuation",
	  "\xE2\x80\x9CWe are ready,\xE2\x80\x9D Jane Doe said.\n"
	  "\xE2\x80\x9CHere\xE2\x80\x99s What Comes Next\xE2\x80\x9D",
	  { "Jane Doe|||Q|0-0" } },
	{ "groups and states are not people",
	  "The United States said it would respond. Russia said it was "
	  "ready. Analysts believe the deal will hold.",
	  { NULL } },
	{ "an outlet's name keeps its final Today; a weekday is not the name's",
	  "\"The quota deal is a fair compromise for both fleets,\" Maria Ortiz, "
	  "a fisheries economist at the University of Vigo, told Iberia Today.\n"
	  "Tomas Berg, a trade lawyer, told USA Today that the tariff accord "
	  "would hold.\n"
	  "\"The accord is done,\" Ana Silva told the AP Monday.",
	  { "Maria Ortiz|fisheries economist at the University of Vigo|Iberia "
	    "Today|Q|0-0",
	    "Tomas Berg|trade lawyer|USA Today|P|1-1",
	    "Ana Silva||the AP|Q|2-2" } },
	{ "NAME, ROLE, told OUTLET that: the outlet is where, not who",
	  "\"The ice road will close,\" Ivo Kral, a glaciologist, told Harbour "
	  "North.\n"
	  "Lena Varga, head of the Arctic programme at the Baltic Policy "
	  "Centre, told Harbour North that the ice road would close early.\n"
	  "Marta Nowak, a spokeswoman for the Green Left party, told Ostra "
	  "Vista that quotas would fall.",
	  { "Ivo Kral|glaciologist|Harbour North|Q|0-0",
	    "Lena Varga|head of the Arctic programme at the Baltic Policy "
	    "Centre|Harbour North|P|1-1",
	    "Marta Nowak|spokeswoman for the Green Left party|Ostra Vista|P|2-2" } },
	{ "a quantifier opens no one's name: Neither government, Each ministry",
	  "Neither government has said whether the new ferry route will open.\n"
	  "Each ministry said the talks would resume.\n"
	  "No party said why the vote was delayed.\n"
	  "Either side told reporters it was ready.",
	  { NULL } },
	{ "a role takes in no other person's name, nor \"between\"",
	  "The signing followed talks between Swiss Transport Minister Jonas "
	  "Weber and Austrian Transport Minister Greta Hofer on the tunnel.\n"
	  "\"The tunnel will open on time,\" Hofer said.\n"
	  "\"We agree,\" said Weber.",
	  { "Greta Hofer|Austrian Transport Minister||QR|1-1",
	    "Jonas Weber|Swiss Transport Minister||QR|2-2" } },
	{ "a plural title lists people, each with a role of their own",
	  "Transport ministers Swiss Transport Minister Jonas Weber and "
	  "Austrian Transport Minister Greta Hofer signed the rail pact.\n"
	  "\"The tunnel will open on time,\" said Weber.",
	  { "Jonas Weber|Swiss Transport Minister||QR|1-1" } },
	{ "according to a phrase that names no one: no source",
	  "Fish exports rose 12 per cent last year, according to official "
	  "figures.\n"
	  "The quota was cut, according to the court.",
	  { "||the court|PT|1-1" } },
	{ "said NAME, ROLE with no article",
	  "\"The quota is too low,\" said Anna Holm, opposition leader in the "
	  "Nordic Council.",
	  { "Anna Holm|opposition leader in the Nordic Council||Q|0-0" } },
	{ "a role before a name ends at a preposition after a common noun",
	  "Two envoys signed the charter in the presence of Prime Minister "
	  "Lina Brandt on Monday.\n"
	  "Brandt said the charter would end a long quarrel over the river.\n"
	  "Minister of State for Ports Ilse Varga said the locks would open.",
	  { "Lina Brandt|Prime Minister||PR|1-1",
	    "Ilse Varga|Minister of State for Ports||P|2-2" } },
	{ "a quotation in two pieces is one view, its sentence whole; "
	  "\"a\" opens a role closed by a quote",
	  "\xE2\x80\x9CThe wait is over,\xE2\x80\x9D said Rina Das, a teacher in "
	  "Kurigram, \xE2\x80\x9C" "and we can vote now.\xE2\x80\x9D\n"
	  "\xE2\x80\x9CWe are ready,\xE2\x80\x9D said Tomas Berg, a farmer.",
	  { "Rina Das|teacher in Kurigram||P|0-0|\xE2\x80\x9CThe wait is over,"
	    "\xE2\x80\x9D said Rina Das",
	    "Tomas Berg|farmer||Q|1-1|We are ready" } },
	{ "particles in names, title before",
	  "\xE2\x80\x9C" "Europe stands ready,\xE2\x80\x9D said Commission "
	  "President Ursula von der Leyen.",
	  { "Ursula von der Leyen|Commission President||Q|0-0" } },
};

START_TEST(test_case)
{
	const struct qcase *k = &cases[_i];
	char rows[16][1024];
	struct buf all = { NULL, 0, 0 };
	size_t n, want = 0, i;

	while (want < 8 && k->want[want])
		want++;
	n = t_run(k->text, &all, rows, 16);
	for (i = 0; i < n && i < want && i < 16; i++)
		if (!t_row_match(rows[i], k->want[i]))
			break;
	if (n != want || i < n)
		ck_abort_msg("%s: %zu views, want %zu (row %zu differs:\n  "
			"want %s)\n%s", k->name, n, want, i,
			i < want ? k->want[i] : "-", buf_cstr(&all));
	buf_free(&all);
}
END_TEST

/* ---- the seed articles ------------------------------------------------- */

struct seed_case {
	const char *file;
	const char *want[12];
};

static const struct seed_case seeds[] = {
	{ "seeds/000_e06d71125e4aec73.txt", {
	  "||Sputnik|PT",
	  "Alexey Kupriyanov|" KUPR_ROLE "|Sputnik|Q",
	  "Alexey Kupriyanov|" KUPR_ROLE "|Sputnik|PR",
	  "Alexey Kupriyanov|" KUPR_ROLE "|Sputnik|QR",
	  "Stanislav Tarasov|" TARASOV_ROLE "||P",
	  "Stanislav Tarasov|" TARASOV_ROLE "|Sputnik India|QR",
	  "Nikolai Kostikin|expert of the Bureau of Military-Political "
	  "Analysis|Sputnik India|Q" } },
	{ "seeds/001_d1373d20fc389b3c.txt", {
	  "||TASS|PT", "||TASS|QT", "||TASS|PRT" } },
	{ "seeds/002_dde24e71c098dbc8.txt", {
	  "Kirill Dmitriev|Head of the Russian Direct Investment Fund and "
	  "member of the Russian delegation in Riyadh||P",
	  "Alexey Kupriyanov|Russian expert on India|RT|P",
	  "Alexey Kupriyanov|Russian expert on India|RT|QR",
	  "|||I" } },
	{ "seeds/003_9a179c9fdcd98e99.txt", {
	  "Vyacheslav Volodin|State Duma Speaker|the plenary session|Q",
	  "||the Duma\xE2\x80\x99s official website|PT",
	  "Dmitry Peskov|Kremlin spokesperson||P",
	  "Dmitry Peskov|Kremlin spokesperson||QR",
	  "Dmitry Peskov|Kremlin spokesperson||QR" } },
	{ "seeds/004_3bd4bcd970557f1d.txt", {
	  "|the Russian parliament\xE2\x80\x99s Speaker||P" } },
};

START_TEST(test_seed)
{
	const struct seed_case *k = &seeds[_i];
	char *p, rows[32][1024];
	struct buf all = { NULL, 0, 0 };
	size_t n, want = 0, i;

	p = test_read(NULL, "%s/%s", test_top(), k->file);
	while (want < 12 && k->want[want])
		want++;
	n = t_run(p, &all, rows, 32);
	for (i = 0; i < n && i < want; i++)
		if (!t_row_match(rows[i], k->want[i]))
			break;
	if (n != want || i < n)
		ck_abort_msg("%s: %zu views, want %zu (row %zu differs)\n%s",
			k->file, n, want, i, buf_cstr(&all));
	buf_free(&all);
	free(p);
}
END_TEST

/* ---- hostile input ----------------------------------------------------- */

/* Every view stays inside the text and the sentences it names. */
static void
t_check_sane(const struct tdoc *t, const view_vec *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		const struct view *w = &v->v[i];
		ck_assert_uint_le(w->first, w->last);
		ck_assert_uint_lt(w->last, t->s.n);
		ck_assert_uint_le(w->off + w->len, t->d.len);
		if (w->speaker.n)
			ck_assert(w->speaker.p >= t->d.text &&
				w->speaker.p + w->speaker.n <= t->d.text + t->d.len);
	}
}

static void
t_hostile(const char *src)
{
	struct tdoc t;
	view_vec v = { NULL, 0, 0 };

	t_build(&t, src);
	quotes_find(&t.d, t.s.v, t.s.n, &v);
	t_check_sane(&t, &v);
	VEC_FREE(&v);
	t_free(&t);
}

static char *
t_repeat(const char *unit, size_t times, const char *tail)
{
	struct buf b = { NULL, 0, 0 };

	test_repeat(&b, unit, times);
	buf_puts(&b, tail);
	return b.p;
}

START_TEST(test_hostile)
{
	static const char *const units[] = {
		"\xE2\x80\x9C",                    /* openers, never closed */
		"\xE2\x80\x9D",                    /* stray closers */
		"\"a\" ",                          /* many tiny quotes */
		"\" ",                             /* lone straight quotes */
		"\xE2\x80\x9C\"",                  /* mixed nesting */
		"Dr. ",                            /* honorifics, no name */
		"Jane Doe, ",                      /* endless appositives */
		"said ",                           /* verbs, no subject */
		"According to ",
		"He said that ",
		"\xE2\x80\x9C" "A,\xE2\x80\x9D he said. ",
		"Smith Smith Smith ",
	};
	size_t i;

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		char *s = t_repeat(units[i], 5000, " Jane Doe said.");
		t_hostile(s);
		free(s);
	}
}
END_TEST

START_TEST(test_random_bytes)
{
	uint32_t x = 2463534242u;
	char buf[4096];
	size_t i, round;

	for (round = 0; round < 200; round++) {
		for (i = 0; i + 1 < sizeof buf; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			/* mostly quote marks, capitals, commas and verbs' bytes */
			buf[i] = "\xE2\x80\x9C\x9D\"  ,.AaJDs\n"[x % 16];
		}
		buf[sizeof buf - 1] = '\0';
		t_hostile(buf);
	}
}
END_TEST

START_TEST(test_bad_sentences)
{
	static const char text[] = "\xE2\x80\x9CHi,\xE2\x80\x9D Jane Doe said.";
	struct doc d;
	struct sentence s[4];
	view_vec v = { NULL, 0, 0 };

	memset(&d, 0, sizeof d);
	memset(s, 0, sizeof s);
	d.text = (char *)text;
	d.len = sizeof text - 1;
	s[0].off = 0;
	s[0].len = d.len;
	s[1].off = d.len + 10;              /* past the end */
	s[1].len = 5;
	s[2].off = 4;                       /* runs past the end */
	s[2].len = SIZE_MAX - 2;
	s[3].off = 2;                       /* overlaps the first */
	s[3].len = 3;
	ck_assert_uint_eq(quotes_find(&d, s, 4, &v), 1);
	ck_assert_uint_eq(v.v[0].off + v.v[0].len <= d.len, 1);
	ck_assert_uint_eq(quotes_find(NULL, s, 4, &v), 0);
	ck_assert_uint_eq(quotes_find(&d, NULL, 4, &v), 0);
	ck_assert_uint_eq(quotes_find(&d, s, 0, &v), 0);
	VEC_FREE(&v);
}
END_TEST

Suite *
quotes_suite(void)
{
	Suite *s = suite_create("quotes");
	TCase *tc = tcase_create("table");

	tcase_add_loop_test(tc, test_case, 0,
		(int)(sizeof cases / sizeof cases[0]));
	tcase_add_loop_test(tc, test_seed, 0,
		(int)(sizeof seeds / sizeof seeds[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("hostile");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_hostile);
	tcase_add_test(tc, test_random_bytes);
	tcase_add_test(tc, test_bad_sentences);
	suite_add_tcase(s, tc);
	return s;
}
