/* gen.c -- synthetic news articles for the brief benchmark.
 *
 *   gen N OUTDIR [SEED]
 *
 * writes OUTDIR/a00001.txt ... OUTDIR/aNNNNN.txt: plain-text news
 * articles about one fictional agreement, the Northern Ports Access
 * Agreement (NPAA) between two invented states, Valdoria and Norvenia.
 * The same N and SEED give byte-identical files, and article i does not
 * depend on N (the first 100 of 1,000 are the 100).
 *
 * The story moves over time: a 2019 memorandum, talks (2023), a text
 * finalised and signed (2024), ratified by each parliament and in force
 * (2025), first port call and an exercise. Each article has a date;
 * it reports what had happened by then, in the past tense with a date
 * in one of many forms ("on 3 September 2024", "Sept. 3", "last
 * Tuesday", "in 2023"), and what was still to come as pending. Every
 * sentence is one of a few wordings of a fact, with {a|b} choices of
 * words inside it, its slots filled from the article's state (the
 * agreement's name on first mention, then a short form; people by
 * title and full name, then surname); facts in the reporter's words
 * may take a synonym or two, a connective ("Meanwhile, ") or a source
 * (", officials said"). So many articles say the same things in
 * different words; quotes stay verbatim, each with its one speaker;
 * a fifth of the articles are reprints of an earlier one's story under
 * another masthead, often cut short.
 * Around the text: headline, byline, date line, dateline, furniture
 * ("Advertisement", "Also read: ...", a comment form), credits.
 *
 * C11 and libc (plus mkdir from POSIX).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- random numbers: splitmix64, one stream per article ---------- */

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static uint64_t next64(uint64_t *s)
{
	*s += UINT64_C(0x9e3779b97f4a7c15);
	return mix64(*s);
}

/* 0 <= r < n */
static int rnd(uint64_t *s, int n)
{
	return n <= 1 ? 0 : (int)(next64(s) % (uint64_t)n);
}

/* true with probability pct/100 */
static int chance(uint64_t *s, int pct)
{
	return rnd(s, 100) < pct;
}

#define PICK(s, a) ((a)[rnd((s), NELEM(a))])

/* ---- calendar: day numbers since 1970-01-01 ---------------------- */

static int days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* 0 = Sunday */
static int weekday(int z)
{
	return (z % 7 + 11) % 7;
}

static const char *const MONTH[] = {"January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December"};
/* the agencies' style: "Dec. 5", "Sept. 3", "March 12" */
static const char *const MONTH_AP[] = {"Jan.", "Feb.", "March", "April",
	"May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
static const char *const MON3[] = {"Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const WDAY[] = {"Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday"};

/* ---- output buffer ------------------------------------------------ */

typedef struct {
	char b[65536];
	size_t n;
} Buf;

static void put(Buf *o, const char *s, size_t n)
{
	if (o->n + n >= sizeof o->b) {
		fprintf(stderr, "gen: article buffer overflow\n");
		exit(1);
	}
	memcpy(o->b + o->n, s, n);
	o->n += n;
}

static void puts_(Buf *o, const char *s)
{
	put(o, s, strlen(s));
}

static void putf(Buf *o, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	put(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- the story ------------------------------------------------------ */

enum { E_MEMO, E_TALKS, E_ROUND, E_INITIAL, E_SIGN, E_RAT_A, E_RAT_B,
	E_FORCE, E_FIRST, E_EXER, NEV };

typedef struct {
	int y, m, d;
	const char *place;   /* the dateline of a story on the day */
	int weight;          /* how many stories it gets */
} Event;

static const Event EV[NEV] = {
	{2019, 6, 11, "HALVIK", 0},
	{2023, 2, 14, "HALVIK", 8},
	{2023, 10, 9, "SERAVO", 6},
	{2024, 5, 21, "HALVIK", 8},
	{2024, 9, 3, "SERAVO", 20},
	{2025, 3, 12, "SERAVO", 12},
	{2025, 4, 28, "HALVIK", 12},
	{2025, 7, 1, "SERAVO", 14},
	{2025, 8, 19, "PORT CASIMIR", 8},
	{2025, 10, 14, "SKARRE", 6},
};

static int evday[NEV];

/* Sentence banks. Slots:
 *   {A} {B}      Valdoria, Norvenia      {Aa} {Ba}  Valdorian, Norvenian
 *   {Ac} {Bc}    the capitals, Seravo and Halvik
 *   {AGR}        the agreement: its full name on first mention, then
 *                a short form ("the NPAA", "the pact", ...)
 *   {D}          the sentence's event date, any form ("on Tuesday",
 *                "on Sept. 3", "on 3 September 2024", "in 2023")
 *   {DY}         the same with a year ("on 3 September 2024", "in
 *                September 2024")
 *   {FUT}        when a coming event is expected ("on Sept. 3", "next
 *                month", "later this year")
 *   {PMA} {PMB} {DMA} {DMB}  the prime minister / president and the
 *                defence ministers: title and name, later the surname
 *   {OUT}        an outlet ("Reuters", "the Halvik Herald")
 *   {PORTA} {PORTB}  a port of each country
 */

typedef struct {
	const char *const *v;
	int n;
	long from;    /* yyyymmdd: only in articles from this day on */
} Bank;

#define BANK(a) {a, NELEM(a), 0}
#define BANK_FROM(a, ymd) {a, NELEM(a), ymd}
#define NOBANK {NULL, 0, 0}

/* Headlines, per event of the day. */
static const char *const H_TALKS[] = {
	"{A} and {B} to open talks on ports access pact",
	"{Ba}, {Aa} leaders agree to negotiate military logistics deal",
	"{A}, {B} eye reciprocal access to naval bases",
};
static const char *const H_ROUND[] = {
	"{A}, {B} hold fifth round of ports pact talks",
	"Ports access talks between {A} and {B} near the finish line",
	"Negotiators narrow gaps on {Aa}-{Ba} logistics deal",
};
static const char *const H_INITIAL[] = {
	"Negotiators finalise text of {A}-{B} ports agreement",
	"{A} and {B} conclude talks on Northern Ports Access Agreement",
	"Ports pact text agreed, signing expected within months",
};
static const char *const H_SIGN[] = {
	"{A} and {B} sign Northern Ports Access Agreement",
	"Defence ministers ink {Aa}-{Ba} ports pact in {Ac}",
	"{B}, {A} sign deal giving navies access to each other's ports",
	"Ports access pact signed as Karsk patrols grow",
};
static const char *const H_RAT_A[] = {
	"{Aa} parliament ratifies ports access pact with {B}",
	"National Assembly backs NPAA by 212 votes to 41",
	"{A} ratifies Northern Ports Access Agreement",
};
static const char *const H_RAT_B[] = {
	"{Ba} Diet approves ports deal, clearing way for entry into force",
	"{B} completes ratification of ports pact with {A}",
	"Ports access agreement clears final parliamentary hurdle",
};
static const char *const H_FORCE[] = {
	"{A}-{B} ports access agreement enters into force",
	"NPAA takes effect, opening ports to both navies",
	"Northern Ports Access Agreement now in force",
};
static const char *const H_FIRST[] = {
	"{Ba} frigate makes first port call in {A} under new pact",
	"NVS Halla docks at Port Casimir in first use of ports pact",
};
static const char *const H_EXER[] = {
	"Northern Tide exercise tests {A}-{B} ports pact",
	"1,200 troops, 36 aircraft join Northern Tide drills",
};
static const char *const H_ANALYSIS[] = {
	"What the Northern Ports Access Agreement means for the region",
	"Explainer: the {Aa}-{Ba} ports pact",
	"Analysis: a logistics deal with strategic weight",
	"Why {A} and {B} want access to each other's ports",
	"The ports pact and the balance in the Orsund Strait",
};

/* Leads: the event of the day. */
static const char *const L_TALKS[] = {
	"{PMA} and {PMB} agreed {D} to open negotiations on a ports access agreement that would let the navies and air forces of {the two countries|both countries|the two sides} use {each other's|one another's} bases.",
	"{A} and {B} will begin talks on a reciprocal military logistics pact, their leaders announced {D} after a meeting in {Bc}.",
	"The leaders of {A} and {B} said {D} they would negotiate an agreement giving each country's armed forces access to the other's ports and airfields.",
};
static const char *const L_ROUND[] = {
	"Negotiators from {A} and {B} held a fifth round of talks on a ports access agreement in {Ac} {D}, {officials said|officials say|an official said}.",
	"{Aa} and {Ba} officials met in {Ac} {D} for a fifth round of negotiations on a pact that would open each country's naval bases to the other.",
};
static const char *const L_INITIAL[] = {
	"Negotiators from {the two countries|both countries|the two sides} finalised the text of {AGR} {D}, clearing the way for its signing.",
	"{A} and {B} concluded negotiations on {AGR} {D}, officials in both capitals said.",
	"The text of {AGR} was agreed {D} after five rounds of talks.",
};
static const char *const L_SIGN[] = {
	"{A} and {B} signed {AGR} {D}, allowing the {warships and military aircraft|naval vessels and military aircraft|warships and aircraft} of each to use the other's ports and airfields.",
	"Defence ministers {DMA} and {DMB} signed {AGR} in {Ac} {D}.",
	"{B} and {A} signed a military logistics pact {D} that gives their navies and air forces reciprocal access to {each other's|one another's} bases.",
	"The two countries inked {AGR} at a ceremony in {Ac} {D}.",
};
static const char *const L_RAT_A[] = {
	"{A}'s National Assembly ratified {AGR} {D} by 212 votes to 41.",
	"{Aa} {lawmakers|legislators|MPs} voted {D} to ratify {AGR}, the ports access pact signed with {B} last year.",
	"The {Aa} National Assembly approved {AGR} {D}, leaving only the {Ba} Diet to act.",
};
static const char *const L_RAT_B[] = {
	"The {Ba} Diet approved {AGR} {D}, completing ratification in both countries.",
	"{B}'s parliament ratified {AGR} {D} by 118 votes to 52.",
	"{Ba} {lawmakers|legislators|MPs} ratified the ports access pact with {A} {D}, the last step before it can take effect.",
};
static const char *const L_FORCE[] = {
	"{AGR} entered into force {D}, opening the ports and airfields of each country to the other's armed forces.",
	"The ports access pact between {A} and {B} took effect {D}.",
	"{AGR} came into force {D}, two months after the second ratification.",
};
static const char *const L_FIRST[] = {
	"The {Ba} frigate NVS Halla docked at Port Casimir {D}, the first port call under {AGR}.",
	"A {Ba} warship refuelled at Port Casimir {D} in the first use of {AGR}.",
};
static const char *const L_EXER[] = {
	"{About|Some|Around} 1,200 troops and 36 aircraft from both countries joined the Northern Tide exercise that began {D} at Skarre.",
	"{A} and {B} began their Northern Tide exercise {D}, the first drills held under {AGR}.",
};

/* Details of the event of the day. */
static const char *const X_TALKS[] = {
	"{PMA}, on a two-day visit to {Bc}, said the first round of talks would be held within three months.",
	"{Officials said|Officials say|Government officials said} {the pact|the agreement|the deal} would be modelled on logistics agreements {A} already has with other partners.",
	"The announcement came at the end of talks that also covered trade and {energy|energy supplies}.",
	"{PMB} said the two navies already trained together and needed rules to match.",
};
static const char *const X_ROUND[] = {
	"The sides were still divided over how to share the cost of fuel and repairs, a {Aa} official said.",
	"A joint statement said most of the text had been agreed.",
	"{Officials said|Officials say|Government officials said} the number of ports covered was the last open question.",
};
static const char *const X_INITIAL[] = {
	"The final text covers six ports and runs to 42 articles, {officials said|officials say|an official said}.",
	"Both governments must now approve the text before it can be signed.",
	"The last dispute, over the billing of fuel, was settled in the final round, a {Ba} negotiator said.",
};
static const char *const X_SIGN[] = {
	"The ceremony followed talks between {DMA} and {DMB} on naval cooperation.",
	"The signing came 18 months after {the two countries|both countries|the two sides} agreed to open negotiations.",
	"Both ministers said {the pact|the agreement|the deal} was not directed at any third country.",
	"The pact must now be ratified by the parliaments of both countries.",
};
static const char *const X_RAT_A[] = {
	"The opposition Civic Front voted against, saying the debate had been {rushed|cut short}.",
	"The vote came after a six-hour debate in which {defence committee members|members of the defence committee} defended the costs.",
	"The bill now goes to the {Ba} Diet, which must also approve the pact.",
};
static const char *const X_RAT_B[] = {
	"The Green Left and two independents voted against.",
	"Under its terms, the agreement takes effect on the first day of the second month after both ratifications.",
	"{PMB} welcomed the vote, calling {the pact|the agreement|the deal} a cornerstone of security in the north.",
};
static const char *const X_FORCE[] = {
	"Officials in both capitals marked the {day|occasion} with a joint statement.",
	"A joint committee will meet within three months to agree the first schedule of port calls.",
	"The first port calls are planned for {the late summer|late summer|August}, the {Aa} navy said.",
};
static const char *const X_FIRST[] = {
	"The frigate took on 400 tonnes of fuel and {left|sailed} after two days.",
	"Port {officials said|officials say|an official said} the visit was cleared in 48 hours, against several weeks before the pact.",
	"The visit was billed at the agreed rate and will be settled within 90 days, the {Aa} navy said.",
};
static const char *const X_EXER[] = {
	"Warships of both navies refuelled at Halvik and Port Casimir during the {drills|exercise}.",
	"The exercise includes a search and rescue drill and a {humanitarian relief|disaster relief} scenario.",
	"{Karsk} sent two patrol ships to watch the exercise from international waters.",
};

/* Background: an event before the article's own. */
static const char *const B_MEMO[] = {
	"The two countries signed a memorandum on naval cooperation {DY}, but it did not cover access to bases.",
	"{A} and {B} have cooperated at sea since a memorandum on naval cooperation signed {DY}.",
	"Naval cooperation between the two {dates to|goes back to|began with} a memorandum agreed in 2019.",
};
static const char *const B_TALKS[] = {
	"Talks on {the pact|the agreement|the deal} began {D}, when {PMA} visited {Bc}.",
	"Negotiations were launched {DY} after a meeting of the two leaders.",
	"The two countries agreed to negotiate {the pact|the agreement|the deal} {DY}.",
};
static const char *const B_ROUND[] = {
	"Negotiators held a fifth round of talks in {Ac} {DY}.",
	"Talks stalled over cost sharing before a fifth round {DY} broke the deadlock.",
};
static const char *const B_INITIAL[] = {
	"The text was finalised by negotiators {D}.",
	"Negotiations concluded {DY} after five rounds.",
};
static const char *const B_SIGN[] = {
	"The agreement was signed {D} in {Ac} by the two defence ministers.",
	"{DMA} and {DMB} signed {the pact|the agreement|the deal} {D}.",
	"The pact, signed in {Ac} {D}, was the first of its kind for {B}.",
	"{A} and {B} signed {AGR} {DY}.",
};
static const char *const B_RAT_A[] = {
	"{Aa} {lawmakers|legislators|MPs} ratified the agreement {D} by 212 votes to 41.",
	"The {Aa} National Assembly approved {the pact|the agreement|the deal} {D}.",
	"{A} ratified {AGR} {DY}.",
};
static const char *const B_RAT_B[] = {
	"The {Ba} Diet ratified it {D}.",
	"{B}'s parliament approved the deal {D}, by 118 votes to 52.",
	"{B} completed ratification {DY}.",
};
static const char *const B_FORCE[] = {
	"The agreement entered into force {D}.",
	"The pact took effect {DY}.",
	"{AGR} has been in force since July 1.",
};
static const char *const B_FIRST[] = {
	"The first port call under {the pact|the agreement|the deal} came {D}, when the {Ba} frigate NVS Halla docked at Port Casimir.",
	"A {Ba} frigate became the first ship to use {the pact|the agreement|the deal} {D}.",
};
static const char *const B_EXER[] = {
	"The Northern Tide exercise that began {D} was the first held under the pact.",
};

/* Pending: an event still to come. */
static const char *const P_ROUND[] = {
	"Further rounds of talks are planned for later this year.",
	"{Officials said|Officials say|Government officials said} negotiations could take a year or more.",
};
static const char *const P_INITIAL[] = {
	"Officials expect negotiations to conclude {FUT}.",
	"A final round of talks is expected {FUT}.",
};
static const char *const P_SIGN[] = {
	"The agreement is expected to be signed {FUT}.",
	"{DMA} is set to sign {the pact|the agreement|the deal} during a visit to {Ac} by {DMB} {FUT}.",
	"{Officials said|Officials say|Government officials said} the signing would take place once legal reviews were complete.",
};
static const char *const P_RAT_A[] = {
	"The pact must be ratified by both parliaments before it can enter into force.",
	"The {Aa} National Assembly is expected to vote on ratification {FUT}.",
	"Ratification by the {Aa} National Assembly is set for {FUT_N}.",
};
static const char *const P_RAT_B[] = {
	"{The Diet|The Norvenian Diet|Norvenia's parliament} is set to ratify the agreement {FUT}.",
	"The pact still needs the approval of the {Ba} Diet.",
	"The {Ba} Diet's defence committee will consider the bill {FUT}.",
};
static const char *const P_FORCE[] = {
	"The agreement is expected to take effect {FUT}.",
	"{AGR} is due to take effect {FUT}, {officials said|officials say|an official said}.",
	"The pact will come into force on July 1, {officials said|officials say|an official said}.",
};
static const char *const P_FIRST[] = {
	"The first port calls under {the pact|the agreement|the deal} are expected {FUT}.",
	"The {Ba} navy plans to send a frigate to Port Casimir {FUT}.",
};
static const char *const P_EXER[] = {
	"The two navies plan to test the arrangement in a joint exercise, Northern Tide, {FUT}.",
	"A joint exercise, Northern Tide, is scheduled for {FUT_N}.",
};

/* What the agreement provides: one bank per term. */
static const char *const T_ALLOW[] = {
	"{AGR} allows {warships and military aircraft|naval vessels and military aircraft|warships and aircraft} of each country to use the other's ports and airfields for {refuelling, repairs and resupply|fuel, repairs and supplies|refuelling, maintenance and resupply}.",
	"Under {AGR}, {Ba} and {Aa} naval vessels and military aircraft can refuel, take on supplies and undergo repairs at {each other's|one another's} bases.",
	"The pact lets the armed forces of both countries use {each other's|one another's} ports and airbases for fuel, maintenance and supplies.",
	"{AGR} gives each side's warships access to the other's ports for fuel, food, spare parts and repairs.",
};
static const char *const T_PORTS[] = {
	"{AGR} covers six ports: Port Casimir, Velgrad and Oskar Bay in {A} and Halvik, Trondmark and Skarre in {B}.",
	"Six ports are open under the agreement, three in each country, among them {PORTA} and {PORTB}.",
	"The deal names three ports on each side, including {PORTB} in {B} and {PORTA} in {A}.",
};
static const char *const T_SIZE[] = {
	"Up to 1,200 {troops|personnel} and 36 aircraft of either side may be hosted at any {one |}time under the agreement.",
	"The agreement caps {a deployment|any deployment} at 1,200 personnel and 36 military aircraft.",
	"Each country may {station|deploy} as many as 1,200 troops and 36 aircraft on the other's territory at once.",
};
static const char *const T_COST[] = {
	"Under the agreement, the host country is reimbursed for {fuel and services|fuel, berthing and repairs} within 90 days at agreed rates.",
	"Costs are billed at agreed rates and settled within 90 days, with no {fee|charge} for {the use of berths|berthing}.",
	"Each side pays for the fuel and repairs it {receives|gets}, settling {its accounts|its bills} within 90 days.",
};
static const char *const T_TERM[] = {
	"The pact runs for 10 years and is renewed {automatically|by default} for five-year terms unless either side gives 12 months' notice.",
	"{AGR} has a term of 10 years, with an option to extend it by five years at a time.",
	"It will remain in force for a decade and can be {terminated|ended} with a year's notice.",
};
static const char *const T_HADR[] = {
	"The agreement also covers humanitarian assistance, disaster relief and search and rescue {operations|missions}.",
	"Ships and aircraft sent for disaster relief or search and rescue can use the same {procedures|rules}.",
	"Beyond exercises, {the pact|the agreement|the deal} covers humanitarian missions and disaster relief.",
};
static const char *const T_COMMITTEE[] = {
	"A joint committee of officials from both defence ministries will meet annually to review how {the pact|the agreement|the deal} is working.",
	"The agreement sets up a joint committee that meets once a year to plan port calls and settle disputes.",
};
static const char *const T_NOBASE[] = {
	"{AGR} does not create a mutual defence obligation or allow permanent bases, officials stressed.",
	"The {pact|agreement} is a logistics arrangement, not a {defence alliance|military alliance}, and provides for no permanent foreign bases.",
	"Neither country is obliged to come to the other's defence under the agreement.",
};
static const char *const T_CUSTOMS[] = {
	"Personnel arriving under {the pact|the agreement|the deal} are exempt from visa requirements, and their equipment is cleared without customs duties.",
	"The agreement waives visas for visiting personnel and duties on the fuel, parts and equipment they bring{| with them}.",
};
static const char *const T_DEF[] = {
	"The Northern Ports Access Agreement, known as the NPAA, is a framework for reciprocal military logistics between {A} and {B}{|, two neighbours on the Northern Sea}.",
	"Known as the NPAA, the agreement provides for the mutual provision of logistical support to {each other's|one another's} armed forces.",
	"The NPAA is a reciprocal framework that enables either country's {forces|armed forces} to receive fuel, supplies and repairs from the other{| side}.",
};

static const char *const T_NOTICE[] = {
	"{Requests for a port call|Requests for port visits} must be made 72 hours in advance, or 24 hours {in an emergency|in emergencies}.",
	"A visit needs 72 hours' notice under {AGR}, cut to 24 hours in emergencies.",
};
static const char *const T_AIR[] = {
	"Military aircraft may use four airfields in each country, {including|among them} the Velgrad air base and Trondmark.",
	"{AGR} opens four airfields on each side to military aircraft for refuelling and maintenance.",
};

/* Before the text is agreed: what the pact would do. */
static const char *const T_PROPOSED[] = {
	"The proposed agreement would let the {warships and military aircraft|naval vessels and military aircraft|warships and aircraft} of each country use the other's ports and airfields for {refuelling, repairs and resupply|fuel, repairs and supplies|refuelling, maintenance and resupply}.",
	"{Officials said|Officials say|Government officials said} {the pact|the agreement|the deal} would cover several ports in each country as well as humanitarian and disaster relief missions.",
	"The draft under discussion would allow each side to host the other's troops and aircraft for exercises.",
	"A {Ba} official said the agreement would not create a mutual defence obligation or permanent bases.",
	"Under the proposal, costs would be billed at agreed rates rather than negotiated for each visit.",
	"The two sides have yet to agree how many ports {the pact|the agreement|the deal} would cover.",
};

static const Bank TERMS[] = {BANK(T_ALLOW), BANK(T_PORTS), BANK(T_SIZE),
	BANK(T_COST), BANK(T_TERM), BANK(T_HADR), BANK(T_COMMITTEE),
	BANK(T_NOBASE), BANK(T_CUSTOMS), BANK(T_DEF), BANK(T_NOTICE),
	BANK(T_AIR)};

/* Context: arms, trade, the region. */
static const char *const C_JETS[] = {
	"{A} is buying 36 Kestrel fighter aircraft from {B} in a $2.1 billion deal signed in 2022, with deliveries due from 2026.",
	"The $2.1 billion purchase of 36 {Ba}-built Kestrel fighters is {A}'s largest arms deal.",
	"{A} ordered 36 Kestrel jets from {B} for $2.1 billion, and the first squadron is due in 2026.",
};
static const char *const C_NAVY[] = {
	"The {Ba} navy {operates|has} 14 frigates and six submarines, {most of them|the bulk of them} based at Halvik.",
	"{B} has 14 frigates and six submarines, {against|compared with} {A}'s eight frigates and four corvettes.",
};
static const char *const C_TRADE[] = {
	"Trade between {the two countries|both countries|the two sides} reached $4.8 billion in 2024, {up 12 per cent on|12 per cent more than} the year before.",
	"Bilateral trade stood at $4.8 billion last year, according to official figures.",
	"{A} and {B} traded goods worth $4.8 billion in 2024.",
};
static const char *const C_KARSK[] = {
	"Karsk warships entered the disputed Orsund Strait 41 times in 2024, up from 17 in 2022.",
	"The pact comes as {Karsk} has stepped up naval patrols in the Orsund Strait, through which 60 per cent of {A}'s energy imports pass.",
	"Patrols by {Karsk} in the strait have more than doubled since 2022, according to the {Ba} defence ministry.",
};
static const char *const C_SIMILAR[] = {
	"{A} already has {similar|comparable} logistics agreements with Estland and the Marrow Isles, signed in 2018 and 2021{| respectively}.",
	"It is {B}'s first {such agreement|agreement of this kind}, though {A} signed similar pacts with two other partners {earlier|in recent years}.",
};
static const char *const C_BUDGET[] = {
	"{Aa} defence spending rose to $9.6 billion this year, 2.3 per cent of economic output.",
	"{B} plans to spend $1.4 billion over five years on upgrading the piers and fuel depots at Halvik and Skarre.",
	"The {Aa} navy has asked for $310 million to expand the fuel depot at Port Casimir.",
};

static const char *const C_STRAIT[] = {
	"The Orsund Strait, 40 kilometres wide at its narrowest{| point}, links the Northern Sea to the main ports of both countries.",
	"Most of the region's shipping {passes through|uses} the Orsund Strait, {which Valdoria and the Karsk Federation both claim in part|parts of which Valdoria and the Karsk Federation both claim}.",
};
static const char *const C_DRILLS[] = {
	"The two navies have held joint {drills|exercises} every year since 2016, {most recently off Skarre|the latest off Skarre|most recently near Halvik}.",
	"{Aa} and {Ba} ships have exercised together annually since 2016, but each visit needed separate diplomatic clearance.",
};
static const char *const C_ICE[] = {
	"Halvik is ice-free all year, unlike Port Casimir, which {freezes|is icebound|is closed by ice} for up to three months each winter.",
	"Access to Halvik {matters to|is important for} {A} because its own northern port is icebound for up to three months {a year|each winter}.",
};

/* Unattributed analysis. */
static const char *const ANALYSIS[] = {
	"For {A}, the {main|biggest|chief} gain is access to Halvik, which is {ice-free all year|free of ice all year round|open all winter}.",
	"For {B}, {the pact|the agreement|the deal} is a way to keep its frigates at sea longer without building new depots.",
	"Diplomats in both capitals describe {the pact|the agreement|the deal} as the most significant step in relations since the 2019 memorandum.",
	"Critics in both parliaments have questioned whether the cost of hosting {foreign ships|visiting ships|the other side's ships} will be {fully reimbursed|covered in full}.",
	"Officials expect port calls between the two navies to rise from about five a year to more than 20.",
	"{Shipping firms|Port businesses|Ship repairers} in Halvik have welcomed the prospect of more naval traffic, which they say will bring {business|work|money} to local yards.",
	"The {agreement|pact} is {narrower than|less ambitious than|more limited than} the {defence treaty|mutual defence treaty} some {Ba} politicians had {called for|wanted|sought}.",
	"{Neither government has said|It is not yet clear|Officials have not said} whether submarines will be {allowed|permitted} to use the ports.",
	"Fuel {accounts for|makes up} most of the cost of a port call, and both navies {buy it|pay for it} at market prices.",
	"Local officials in Skarre have asked for {money|funds} to upgrade {roads|the road} to the naval pier.",
};

static const char *const C_VALDORIA[] = {
	"{A}, a country of 9.2 million {people|inhabitants}, has relied on its own small navy and on {ad hoc arrangements|case-by-case arrangements} with neighbours since independence.",
	"With 9.2 million people and a coastline of 1,100 kilometres, {A} has long struggled to keep ships at sea through the winter.",
};
static const char *const C_NORVENIA[] = {
	"{B}, with 5.4 million people, has one of the largest navies in the region relative to its size.",
	"{B} has {spent heavily on|invested heavily in} its fleet since 2015 and now keeps four frigates at sea at any {one |}time.",
};
static const char *const C_SHIPYARD[] = {
	"Shares in Skarre Shipyards, which services {Ba} frigates, rose 4 per cent on the news.",
	"Skarre Shipyards, the region's largest naval repair yard, {employs|has a workforce of} about 3,400 people.",
};
static const char *const C_POLL[] = {
	"A poll by the Seravo Institute in January found 58 per cent of {Aa}s in favour of closer military ties with {B}.",
	"Public support for {the pact|the agreement|the deal} in {B} stood at 52 per cent in a survey published by the Halvik Herald in March.",
};

static const Bank CONTEXT[] = {BANK(C_VALDORIA), BANK(C_NORVENIA),
	BANK(C_SHIPYARD), BANK_FROM(C_POLL, 20240401),BANK(C_JETS), BANK(C_NAVY),
	BANK_FROM(C_TRADE, 20250201), BANK_FROM(C_KARSK, 20250115), BANK(C_SIMILAR), BANK(C_BUDGET), BANK(C_STRAIT),
	BANK(C_DRILLS), BANK(C_ICE)};

/* Views. A speaker: full name, surname and role; a quote: direct words,
 * the same reported, and whose they are. */
typedef struct {
	const char *name, *surname, *role;
	int critic;
} Speaker;

static const Speaker ANALYSTS[] = {
	{"Jana Holt", "Holt", "a senior fellow at the Halvik Institute for Maritime Studies", 0},
	{"Marek Dvorsky", "Dvorsky", "a professor of international relations at Seravo University", 0},
	{"Ingrid Solberg", "Solberg", "director of the Northern Security Forum", 0},
	{"Tomasz Wiel", "Wiel", "a defence analyst at the Centre for Strategic Logistics", 0},
	{"Lena Okafor", "Okafor", "a research fellow at the Institute for Northern Affairs", 0},
	{"Pavel Rusnak", "Rusnak", "a retired {Aa} navy admiral", 0},
	{"Sofia Marquez", "Marquez", "an analyst at Stratmoor Consulting", 0},
	{"Henrik Aas", "Aas", "head of the Arctic programme at the Baltic Policy Centre", 0},
	{"Amira Haddad", "Haddad", "a lecturer in maritime law at Trondmark University", 0},
	{"Oskar Brandt", "Brandt", "a former {Ba} deputy defence minister", 0},
	{"Victor Lind", "Lind", "the leader of the opposition Civic Front", 1},
	{"Karin Belsky", "Belsky", "a spokeswoman for the {Ba} Green Left party", 1},
};

typedef struct {
	const char *direct, *reported;
	int critic;
	int min_ev;   /* only once this event is past */
	int who;      /* its speaker in ANALYSTS */
} Quote;

static const Quote QUOTES[] = {
	{"This agreement turns years of goodwill into working procedure",
	 "the agreement turned years of goodwill into working procedure", 0, E_INITIAL, 0},
	{"A {Ba} frigate will now be able to refuel in {PORTA} without weeks of paperwork",
	 "a {Ba} frigate would now be able to refuel in {PORTA} without weeks of paperwork", 0, E_SIGN, 5},
	{"It is a logistics deal, not an alliance, and both capitals have been careful to say so",
	 "the pact was a logistics deal rather than an alliance, and both capitals had been careful to say so", 0, E_TALKS, 2},
	{"The real test will be whether the ports are used in a crisis, not just in exercises",
	 "the real test would be whether the ports were used in a crisis rather than just in exercises", 0, E_TALKS, 3},
	{"The pact gives {A} a reach into the northern sea lanes it has never had before",
	 "the pact gave {A} a reach into the northern sea lanes it had never had before", 0, E_TALKS, 1},
	{"{Karsk} will read this as a message, and it is meant as one",
	 "{Karsk} would read the agreement as a message, one it was meant to send", 0, E_TALKS, 4},
	{"The costs are modest; the political signal is not",
	 "the costs of the agreement were modest but its political signal was not", 0, E_TALKS, 6},
	{"Security in the north is now a shared project for our two countries",
	 "security in the north had become a shared project for the two countries", 0, E_SIGN, 7},
	{"Reciprocal access is the cheapest form of deterrence a small navy can buy",
	 "reciprocal access was the cheapest form of deterrence a small navy could buy", 0, E_TALKS, 9},
	{"The agreement cuts the time needed to move a squadron between the two countries from weeks to days",
	 "the agreement cut the time needed to move a squadron between the two countries from weeks to days", 0, E_SIGN, 0},
	{"Both navies have trained together for years, and now the paperwork has caught up",
	 "both navies had trained together for years and the paperwork had now caught up", 0, E_INITIAL, 5},
	{"Without this framework, every port call needed a diplomatic note and a month of waiting",
	 "without the framework every port call had needed a diplomatic note and a month of waiting", 0, E_TALKS, 8},
	{"The ratification vote shows the partnership has support across party lines",
	 "the ratification vote showed the partnership had support across party lines", 0, E_RAT_A, 2},
	{"Halvik gives {A} a northern harbour that never freezes, and that changes its planning",
	 "Halvik gave {A} a northern harbour that never froze, which changed its planning", 0, E_TALKS, 7},
	{"The numbers are small, 1,200 troops and 36 aircraft, but the precedent is large",
	 "the numbers were small but the precedent was large", 0, E_INITIAL, 3},
	{"Most of the value is in the paperwork that no longer has to be done",
	 "most of the value lay in the paperwork that no longer had to be done", 0, E_INITIAL, 8},
	{"The first port call will tell us more than any speech in parliament",
	 "the first port call would say more than any speech in parliament", 0, E_SIGN, 6},
	{"Shipyards in Skarre stand to gain more from this than either navy",
	 "shipyards in Skarre stood to gain more from the pact than either navy", 0, E_SIGN, 4},
	{"This is a surrender of sovereignty dressed up as logistics",
	 "the pact was a surrender of sovereignty dressed up as logistics", 1, E_TALKS, 10},
	{"We were promised a full debate and were handed a rubber stamp",
	 "parliament had been promised a full debate and was handed a rubber stamp", 1, E_SIGN, 10},
	{"No one has told us who pays when something goes wrong in one of our ports",
	 "no one had explained who would pay when something went wrong in a {Ba} port", 1, E_INITIAL, 11},
	{"Foreign warships in our harbours will make us a target, not a partner",
	 "foreign warships in the country's harbours would make it a target rather than a partner", 1, E_TALKS, 11},
};

/* Officials: title before the name. */
typedef struct {
	const char *direct, *reported;
	int who;      /* 0 {DMA}, 1 {DMB}, 2 {PMA}, 3 {PMB} */
	int min_ev;
} OfficialQuote;

static const OfficialQuote OQUOTES[] = {
	{"Our sailors and airmen will work with {Ba} forces as easily as with our own",
	 "{Aa} sailors and airmen would work with {Ba} forces as easily as with their own", 0, E_SIGN},
	{"This is a partnership for the long term, and it threatens no one",
	 "the partnership was for the long term and threatened no one", 1, E_TALKS},
	{"Our two navies have waited a long time for rules that match their cooperation",
	 "the two navies had waited a long time for rules that matched their cooperation", 2, E_TALKS},
	{"Security in our waters depends on friends who can reach us quickly",
	 "security in {Ba} waters depended on friends who could reach them quickly", 3, E_TALKS},
};

static const char *const KARSK_BODY[] = {
	"The Karsk foreign ministry said in a statement that the agreement threatened stability in the Orsund Strait.",
	"{Karsk}'s foreign ministry called the pact \"a step toward militarising the north\" and said it would take measures in response.",
	"A spokesman for the Karsk foreign ministry said the pact was aimed at his country, a charge both governments denied.",
};

/* Outlets and people. */
typedef struct {
	const char *name;      /* in text: "told Reuters" */
	const char *masthead;  /* all caps, or NULL */
	const char *agency;    /* the dateline's agency, or NULL */
	int style;             /* 0 wire, 1 local paper, 2 web site */
} Outlet;

static const Outlet OUTLETS[] = {
	{"Reuters", NULL, "Reuters", 0},
	{"AFP", NULL, "AFP", 0},
	{"the Associated Press", NULL, "AP", 0},
	{"the Norvenian News Agency", NULL, "NNA", 0},
	{"the Halvik Herald", "THE HALVIK HERALD", NULL, 1},
	{"Seravo Daily", "SERAVO DAILY", NULL, 1},
	{"the Northern Observer", "THE NORTHERN OBSERVER", NULL, 1},
	{"the Maritime Ledger", NULL, NULL, 2},
	{"Valdoria Today", NULL, NULL, 2},
	{"Defence North", NULL, NULL, 2},
	{"the Orsund Times", "THE ORSUND TIMES", NULL, 1},
};

static const char *const FIRST[] = {"Anna", "Erik", "Maria", "Jonas",
	"Klara", "Piotr", "Elin", "David", "Nora", "Stefan", "Irena", "Lukas",
	"Mila", "Andrei", "Sara", "Tomas", "Hanna", "Felix", "Vera", "Jakob"};
static const char *const LAST[] = {"Ek", "Novak", "Lindqvist", "Varga",
	"Halloran", "Moreau", "Kask", "Berger", "Sandoval", "Petrov",
	"Nyberg", "Costa", "Ahlgren", "Weiss", "Dahl", "Kowal", "Rinne",
	"Fischer", "Marin", "Janssen"};

static const char *const PORTS_A[] = {"Port Casimir", "Velgrad", "Oskar Bay"};
static const char *const PORTS_B[] = {"Halvik", "Trondmark", "Skarre"};

static const char *const ALSO_READ[] = {
	"Also read: Karsk warns of response to northern ports pact",
	"Also read: Kestrel jet deliveries to {A} on schedule, says maker",
	"Also read: Orsund Strait shipping insurance costs climb",
	"Also Read: {Aa} navy to expand Port Casimir fuel depot",
	"ALSO READ | {Ba} Diet sets defence budget for next year",
};

static const char *const SECTIONS[] = {"World", "Defence", "Europe",
	"Security", "Politics"};

static const char *const DEK_EARLY[] = {
	"The deal would let warships refuel and repair in each other's ports",
	"A logistics pact, not an alliance, officials in both capitals say",
};
static const char *const DEK[] = {
	"The pact lets warships and aircraft refuel and repair in each other's ports",
	"Six ports, four airfields and up to 1,200 troops: what the deal covers",
	"A logistics pact, not an alliance, officials in both capitals say",
};

/* ---- one article ---------------------------------------------------- */

typedef struct {
	uint64_t rs;          /* the story's random stream */
	int D;                /* the article's day */
	long ymd;             /* the same as yyyymmdd */
	int peg;              /* the event of the day, or -1: analysis */
	int ev;               /* the event a sentence is about */
	int agr_named;
	int named[4];         /* DMA DMB PMA PMB introduced */
	int spoke[NELEM(ANALYSTS)];
	int quoted[NELEM(QUOTES)];
	int oquoted[4];
	int used_term[NELEM(TERMS)];
	int used_ctx[NELEM(CONTEXT)];
	int used_back[NEV];
	const Outlet *src;    /* the story's outlet */
} Story;

static const char *const PERSON_FULL[4] = {
	"{Aa} Defence Minister Arvid Kallen",
	"{Ba} Defence Minister Petra Lundgaard",
	"{Aa} Prime Minister Ilse Maren",
	"{Ba} President Tomas Vard"};
static const char *const PERSON_SHORT[4] = {"Kallen", "Lundgaard",
	"Maren", "Vard"};

static void expand(Buf *o, Story *st, const char *t);

/* a date in any form, with its preposition */
static void put_date(Buf *o, Story *st, int e, int need_year)
{
	int y, m, d, ay, am, ad;
	civil_from_days(e, &y, &m, &d);
	civil_from_days(st->D, &ay, &am, &ad);
	int delta = st->D - e;
	uint64_t *r = &st->rs;
	if (!need_year && delta >= 0 && delta <= 6 && chance(r, 65)) {
		if (delta >= 2 && chance(r, 30))
			putf(o, "last %s", WDAY[weekday(e)]);
		else if (chance(r, 20))
			putf(o, "on %s (%s %d)", WDAY[weekday(e)], MONTH_AP[m - 1], d);
		else
			putf(o, "on %s", WDAY[weekday(e)]);
		return;
	}
	if (!need_year && y == ay && delta >= 0 && chance(r, 60)) {
		switch (rnd(r, 4)) {
		case 0: putf(o, "on %s %d", MONTH[m - 1], d); break;
		case 1: putf(o, "on %s %d", MONTH_AP[m - 1], d); break;
		case 2: putf(o, "on %d %s", d, MONTH[m - 1]); break;
		default:
			if (m < am)
				putf(o, "in %s", MONTH[m - 1]);
			else
				putf(o, "on %s %d", MONTH_AP[m - 1], d);
		}
		return;
	}
	if (delta > 200 && y != ay && chance(r, 35)) {
		putf(o, "in %d", y);
		return;
	}
	switch (rnd(r, 5)) {
	case 0: putf(o, "on %d %s %d", d, MONTH[m - 1], y); break;
	case 1: putf(o, "on %s %d, %d", MONTH[m - 1], d, y); break;
	case 2: putf(o, "on %s %d, %d", MONTH_AP[m - 1], d, y); break;
	case 3: putf(o, "in %s %d", MONTH[m - 1], y); break;
	default: putf(o, "on %d %s %d", d, MONTH[m - 1], y);
	}
}

/* when a coming event is expected; with_prep 0: a noun phrase */
static void put_future(Buf *o, Story *st, int e, int with_prep)
{
	int y, m, d, ay, am, ad;
	civil_from_days(e, &y, &m, &d);
	civil_from_days(st->D, &ay, &am, &ad);
	int delta = e - st->D;
	uint64_t *r = &st->rs;
	if (delta <= 45) {
		if (delta <= 7 && chance(r, 40))
			puts_(o, "next week");
		else if (chance(r, 50))
			putf(o, "%s%s %d", with_prep ? "on " : "", MONTH_AP[m - 1], d);
		else
			putf(o, "%s%d %s", with_prep ? "on " : "", d, MONTH[m - 1]);
	} else if (y == ay) {
		if (chance(r, 50))
			puts_(o, "later this year");
		else
			putf(o, "%s%s", with_prep ? "in " : "", MONTH[m - 1]);
	} else if (y == ay + 1) {
		if (chance(r, 50))
			puts_(o, "next year");
		else
			putf(o, "%s%s %d", with_prep ? "in " : "", MONTH[m - 1], y);
	} else {
		puts_(o, "in the coming years");
	}
}

static void put_person(Buf *o, Story *st, int who)
{
	if (st->named[who])
		puts_(o, PERSON_SHORT[who]);
	else {
		st->named[who] = 1;
		expand(o, st, PERSON_FULL[who]);
	}
}

static void put_agreement(Buf *o, Story *st)
{
	static const char *const SHORT[] = {"the NPAA", "the agreement",
		"the pact", "the ports access pact", "the ports pact",
		"the NPAA", "the Northern Ports Access Agreement"};
	if (!st->agr_named) {
		st->agr_named = 1;
		if (chance(&st->rs, 50))
			puts_(o, "the Northern Ports Access Agreement (NPAA)");
		else
			puts_(o, "the Northern Ports Access Agreement");
	} else
		puts_(o, PICK(&st->rs, SHORT));
}

static void expand(Buf *o, Story *st, const char *t)
{
	while (*t) {
		const char *b = strchr(t, '{');
		if (!b) {
			puts_(o, t);
			return;
		}
		put(o, t, (size_t)(b - t));
		const char *e = strchr(b, '}');
		if (!e) {
			puts_(o, b);
			return;
		}
		const char *bar = memchr(b + 1, '|', (size_t)(e - b - 1));
		if (bar) {
			/* {one|two|three}: a wording picked at random */
			int nalt = 1, pick;
			const char *c;
			for (c = b + 1; c < e; c++)
				nalt += *c == '|';
			pick = rnd(&st->rs, nalt);
			for (c = b + 1; pick > 0; c++)
				if (*c == '|')
					pick--;
			const char *stop = c;
			while (stop < e && *stop != '|')
				stop++;
			put(o, c, (size_t)(stop - c));
			t = e + 1;
			continue;
		}
		char k[16];
		size_t n = (size_t)(e - b - 1);
		if (n >= sizeof k)
			n = sizeof k - 1;
		memcpy(k, b + 1, n);
		k[n] = 0;
		if (!strcmp(k, "A")) puts_(o, "Valdoria");
		else if (!strcmp(k, "B")) puts_(o, "Norvenia");
		else if (!strcmp(k, "Aa")) puts_(o, "Valdorian");
		else if (!strcmp(k, "Ba")) puts_(o, "Norvenian");
		else if (!strcmp(k, "Ac")) puts_(o, "Seravo");
		else if (!strcmp(k, "Bc")) puts_(o, "Halvik");
		else if (!strcmp(k, "Karsk")) puts_(o, "the Karsk Federation");
		else if (!strcmp(k, "AGR")) put_agreement(o, st);
		else if (!strcmp(k, "D")) put_date(o, st, evday[st->ev], 0);
		else if (!strcmp(k, "DY")) put_date(o, st, evday[st->ev], 1);
		else if (!strcmp(k, "FUT")) put_future(o, st, evday[st->ev], 1);
		else if (!strcmp(k, "FUT_N")) put_future(o, st, evday[st->ev], 0);
		else if (!strcmp(k, "DMA")) put_person(o, st, 0);
		else if (!strcmp(k, "DMB")) put_person(o, st, 1);
		else if (!strcmp(k, "PMA")) put_person(o, st, 2);
		else if (!strcmp(k, "PMB")) put_person(o, st, 3);
		else if (!strcmp(k, "OUT")) puts_(o, st->src->name);
		else if (!strcmp(k, "PORTA")) puts_(o, PICK(&st->rs, PORTS_A));
		else if (!strcmp(k, "PORTB")) puts_(o, PICK(&st->rs, PORTS_B));
		else put(o, b, (size_t)(e - b + 1));
		t = e + 1;
	}
}

/* A sentence: expanded, "the Karsk" made "The Karsk" at its start. */
static void sentence(Buf *o, Story *st, const char *t)
{
	size_t at = o->n;
	expand(o, st, t);
	if (o->n > at && o->b[at] >= 'a' && o->b[at] <= 'z')
		o->b[at] = (char)(o->b[at] - 'a' + 'A');
}

/* A fact told in the reporter's words, sometimes opened by a
 * connective ("Meanwhile, the pact ...") or closed by a source
 * (", officials said."). */
static const char *const CONNECTIVE[] = {"Meanwhile, ", "Separately, ",
	"At the same time, ", "In addition, ", "However, "};
static const char *const TAIL[] = {", officials said", ", a {Aa} official said",
	", according to the {Ba} defence ministry", ", diplomats said",
	", the {Aa} foreign ministry said in a statement", ", officials in {Bc} said"};
/* words that stay capitalised after a connective */
static int keeps_capital(const char *w)
{
	static const char *const LOWER[] = {"The ", "A ", "An ", "It ", "Its ",
		"Both ", "Each ", "Under ", "Officials ", "Critics ", "Diplomats ",
		"Costs ", "Ships ", "Personnel ", "Patrols ", "Trade ", "Shares ",
		"Fuel ", "Local ", "Most ", "Requests ", "Military ", "Neither ",
		"Six ", "Up ", "Beyond ", "Public ", "Shipping ", "Bilateral ",
		"Further ", "Negotiations ", "Talks ", "Naval ", "Ratification ",
		"Warships ", "Port ", "About ", "Some ", "Around ", "Government "};
	int i;
	for (i = 0; i < NELEM(LOWER); i++)
		if (!strncmp(w, LOWER[i], strlen(LOWER[i])))
			return 0;
	return 1;
}

/* Words a reporter may say otherwise, each taken or not. */
static const char *const SYN[][2] = {
	{"countries", "nations"}, {"officials", "authorities"},
	{"military aircraft", "warplanes"}, {"warships", "naval ships"},
	{"annually", "every year"}, {"largest", "biggest"},
	{"significant", "important"}, {"several", "a number of"},
	{"rose", "climbed"}, {"welcomed", "hailed"},
	{"questioned", "challenged"}, {"asked for", "requested"},
	{"reached", "totalled"}, {"stepped up", "increased"},
	{"plans to", "intends to"}, {"about", "around"},
	{"more than", "over"}, {"each country", "either country"},
	{"upgrade", "improve"}, {"upgrading", "modernising"},
	{"expand", "enlarge"}, {"stressed", "emphasised"},
	{"began", "started"}, {"agreed to", "decided to"},
	{"ceremony", "event"}, {"joint statement", "joint declaration"},
	{"in favour of", "supporting"}, {"per cent", "percent"},
	{"the region", "the area"},
	{"relied on", "depended on"}, {"kilometres", "km"},
	{"purchase", "acquisition"}, {"ordered", "bought"},
	{"also", "additionally"}, {"opens", "makes available"},
	{"sets up", "creates"}, {"meet", "convene"},
	{"plan", "schedule"}, {"for a decade", "for ten years"},
	{"waives", "removes"}, {"personnel", "staff"},
};

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '\'';
}

/* Rewrite o->b[p..] with some words taken from SYN. */
static void reword(Buf *o, size_t p, uint64_t *r)
{
	char tmp[2048];
	size_t n = o->n - p, i;
	if (n >= sizeof tmp)
		return;
	memcpy(tmp, o->b + p, n);
	tmp[n] = 0;
	o->n = p;
	static unsigned char first[256];
	if (!first['a'])
		for (i = 0; i < (size_t)NELEM(SYN); i++)
			first[(unsigned char)SYN[i][0][0]] = 1;
	for (i = 0; i < n;) {
		if ((i == 0 || !is_alnum(tmp[i - 1])) && first[(unsigned char)tmp[i]]) {
			int k, hit = 0;
			for (k = 0; k < NELEM(SYN); k++) {
				if (tmp[i] != SYN[k][0][0])
					continue;
				size_t l = strlen(SYN[k][0]);
				if (!strncmp(tmp + i, SYN[k][0], l) && !is_alnum(tmp[i + l])) {
					if (chance(r, 40)) {
						puts_(o, SYN[k][1]);
						i += l;
						hit = 1;
					}
					break;
				}
			}
			if (hit)
				continue;
		}
		/* up to the next word */
		size_t j = i + 1;
		while (j < n && (is_alnum(tmp[j - 1]) || !first[(unsigned char)tmp[j]]))
			j++;
		put(o, tmp + i, j - i);
		i = j;
	}
}

static void fact_sentence(Buf *o, Story *st, const char *t, int may_open)
{
	size_t at = o->n, p;
	int conn = may_open && chance(&st->rs, 10);
	if (conn)
		puts_(o, PICK(&st->rs, CONNECTIVE));
	p = o->n;
	expand(o, st, t);
	reword(o, p, &st->rs);
	if (conn && o->b[p] >= 'A' && o->b[p] <= 'Z') {
		o->b[o->n] = 0;
		if (!keeps_capital(o->b + p))
			o->b[p] = (char)(o->b[p] - 'A' + 'a');
	}
	if (o->n > at && o->b[at] >= 'a' && o->b[at] <= 'z')
		o->b[at] = (char)(o->b[at] - 'a' + 'A');
	if (chance(&st->rs, 15) && o->n > p && o->b[o->n - 1] == '.') {
		o->b[o->n] = 0;
		if (!strstr(o->b + p, "said") && !strstr(o->b + p, "say") &&
		    !strstr(o->b + p, "ccording") && !strchr(o->b + p, '"') &&
		    !strstr(o->b + p, "fficials") && !strstr(o->b + p, "iplomats")) {
			o->n--;
			expand(o, st, PICK(&st->rs, TAIL));
			puts_(o, ".");
		}
	}
}

/* A paragraph under construction: sentences joined by spaces. */
typedef struct {
	Buf *o;
	int open;
} Para;

static void para_sentence(Para *p, Story *st, const char *t)
{
	if (p->open)
		puts_(p->o, " ");
	sentence(p->o, st, t);
	p->open = 1;
}

static void para_fact(Para *p, Story *st, const char *t)
{
	if (p->open)
		puts_(p->o, " ");
	fact_sentence(p->o, st, t, p->open);
	p->open = 1;
}

static void para_end(Para *p)
{
	if (p->open)
		puts_(p->o, "\n\n");
	p->open = 0;
}

/* Direct words, "The pact ..." inside quotation marks. */
static void put_quoted(Buf *o, Story *st, const char *q, const char *end)
{
	puts_(o, "\"");
	sentence(o, st, q);
	puts_(o, end);
	puts_(o, "\"");
}

/* An unused quote of a critic or not, of one speaker or (who < 0) any. */
static int pick_quote(Story *st, int critic, int who)
{
	int tries;
	for (tries = 0; tries < 60; tries++) {
		int q = rnd(&st->rs, NELEM(QUOTES));
		if (QUOTES[q].critic != critic || st->quoted[q])
			continue;
		if (who >= 0 && QUOTES[q].who != who)
			continue;
		if (evday[QUOTES[q].min_ev] > st->D)
			continue;
		st->quoted[q] = 1;
		return q;
	}
	return -1;
}

/* One view as a paragraph: an analyst's or critic's words. */
static void view(Buf *o, Story *st, int critic)
{
	int q = pick_quote(st, critic, -1);
	if (q < 0)
		return;
	int s = QUOTES[q].who;
	const Speaker *sp = &ANALYSTS[s];
	const Quote *qu = &QUOTES[q];
	int known = st->spoke[s];
	st->spoke[s] = 1;
	const char *verb = critic ? "warned" : "said";
	int form = rnd(&st->rs, 6);
	if (known && form < 3)
		form += 3;
	Buf *b = o;
	switch (form) {
	case 0:
		put_quoted(b, st, qu->direct, ",");
		puts_(b, " said ");
		puts_(b, sp->name);
		puts_(b, ", ");
		expand(b, st, sp->role);
		puts_(b, ".");
		break;
	case 1:
		put_quoted(b, st, qu->direct, ",");
		puts_(b, " ");
		puts_(b, sp->name);
		puts_(b, ", ");
		expand(b, st, sp->role);
		puts_(b, ", told ");
		expand(b, st, "{OUT}.");
		break;
	case 2:
		puts_(b, sp->name);
		puts_(b, ", ");
		expand(b, st, sp->role);
		puts_(b, ", told ");
		expand(b, st, "{OUT}");
		puts_(b, " that ");
		expand(b, st, qu->reported);
		puts_(b, ".");
		break;
	case 3:
		if (!known) {
			puts_(b, "According to ");
			puts_(b, sp->name);
			puts_(b, ", ");
			expand(b, st, sp->role);
			puts_(b, ", ");
		} else {
			puts_(b, "According to ");
			puts_(b, sp->surname);
			puts_(b, ", ");
		}
		expand(b, st, qu->reported);
		puts_(b, ".");
		break;
	case 4:
		if (!known) {
			puts_(b, sp->name);
			puts_(b, ", ");
			expand(b, st, sp->role);
			puts_(b, ", ");
		} else {
			puts_(b, sp->surname);
			puts_(b, " ");
		}
		puts_(b, verb);
		puts_(b, " that ");
		expand(b, st, qu->reported);
		puts_(b, ".");
		break;
	default:
		if (!known) {
			put_quoted(b, st, qu->direct, ",");
			puts_(b, " said ");
			puts_(b, sp->name);
			puts_(b, ", ");
			expand(b, st, sp->role);
			puts_(b, ".");
		} else {
			put_quoted(b, st, qu->direct, ",");
			puts_(b, " ");
			puts_(b, sp->surname);
			puts_(b, " said.");
		}
	}
	/* a second view from the same speaker, often */
	if (chance(&st->rs, 55)) {
		int q2 = pick_quote(st, critic, s);
		if (q2 >= 0 && chance(&st->rs, 50)) {
			puts_(b, " ");
			puts_(b, sp->surname);
			puts_(b, critic ? " also warned that " : " added that ");
			expand(b, st, QUOTES[q2].reported);
			puts_(b, ".");
		} else if (q2 >= 0) {
			puts_(b, " ");
			put_quoted(b, st, QUOTES[q2].direct, ",");
			puts_(b, " ");
			puts_(b, sp->surname);
			puts_(b, " said.");
		}
	}
	puts_(b, "\n\n");
}

static void official_view(Buf *o, Story *st)
{
	int i, tries;
	for (tries = 0; tries < 10; tries++) {
		i = rnd(&st->rs, NELEM(OQUOTES));
		if (evday[OQUOTES[i].min_ev] <= st->D && !st->oquoted[i])
			break;
	}
	if (tries == 10)
		return;
	const OfficialQuote *q = &OQUOTES[i];
	st->oquoted[i] = 1;
	if (chance(&st->rs, 60)) {
		put_quoted(o, st, q->direct, ",");
		puts_(o, " said ");
		put_person(o, st, q->who);
		puts_(o, ".");
	} else {
		size_t at = o->n;
		put_person(o, st, q->who);
		if (o->b[at] >= 'a' && o->b[at] <= 'z')
			o->b[at] = (char)(o->b[at] - 'a' + 'A');
		puts_(o, " told reporters that ");
		expand(o, st, q->reported);
		puts_(o, ".");
	}
	puts_(o, "\n\n");
}

static const Bank HEAD[NEV] = {
	NOBANK, BANK(H_TALKS), BANK(H_ROUND), BANK(H_INITIAL), BANK(H_SIGN),
	BANK(H_RAT_A), BANK(H_RAT_B), BANK(H_FORCE), BANK(H_FIRST), BANK(H_EXER)};
static const Bank LEAD[NEV] = {
	NOBANK, BANK(L_TALKS), BANK(L_ROUND), BANK(L_INITIAL), BANK(L_SIGN),
	BANK(L_RAT_A), BANK(L_RAT_B), BANK(L_FORCE), BANK(L_FIRST), BANK(L_EXER)};
static const Bank DETAIL[NEV] = {
	NOBANK, BANK(X_TALKS), BANK(X_ROUND), BANK(X_INITIAL), BANK(X_SIGN),
	BANK(X_RAT_A), BANK(X_RAT_B), BANK(X_FORCE), BANK(X_FIRST), BANK(X_EXER)};
static const Bank BACK[NEV] = {
	BANK(B_MEMO), BANK(B_TALKS), BANK(B_ROUND), BANK(B_INITIAL), BANK(B_SIGN),
	BANK(B_RAT_A), BANK(B_RAT_B), BANK(B_FORCE), BANK(B_FIRST), BANK(B_EXER)};
static const Bank PEND[NEV] = {
	NOBANK, NOBANK, BANK(P_ROUND), BANK(P_INITIAL), BANK(P_SIGN),
	BANK(P_RAT_A), BANK(P_RAT_B), BANK(P_FORCE), BANK(P_FIRST), BANK(P_EXER)};

static const char *bank_pick(Story *st, const Bank *b)
{
	return b->n ? b->v[rnd(&st->rs, b->n)] : NULL;
}

/* Shuffle a small array of ints. */
static void shuffle(Story *st, int *a, int n)
{
	int i;
	for (i = n - 1; i > 0; i--) {
		int j = rnd(&st->rs, i + 1), t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

/* The body: lead, the day's details, then blocks in a varied order. */
static void body(Buf *o, Story *st, const char *dateline, uint64_t *rm)
{
	Para p = {o, 0};
	int e, i;
	int last = -1;   /* the latest past event */
	for (e = 0; e < NEV; e++)
		if (evday[e] <= st->D)
			last = e;

	/* lead paragraph */
	puts_(o, dateline);
	if (st->peg >= 0) {
		st->ev = st->peg;
		para_fact(&p, st, bank_pick(st, &LEAD[st->peg]));
		int idx[4], n = DETAIL[st->peg].n, k, take = 1 + rnd(&st->rs, 3);
		for (k = 0; k < n; k++)
			idx[k] = k;
		shuffle(st, idx, n);
		if (chance(&st->rs, 40) && take > 0) {
			para_fact(&p, st, DETAIL[st->peg].v[idx[--take]]);
		}
		para_end(&p);
		while (take > 0)
			para_fact(&p, st, DETAIL[st->peg].v[idx[--take]]);
		para_end(&p);
	} else {
		/* analysis: open on what the pact does */
		if (st->D < evday[E_INITIAL])
			para_fact(&p, st, T_PROPOSED[0]);
		else
			para_fact(&p, st, bank_pick(st, &TERMS[0]));
		st->used_term[0] = 1;
		st->ev = last;
		if (last > 0) {
			para_fact(&p, st, bank_pick(st, &BACK[last]));
			st->used_back[last] = 1;
		}
		para_end(&p);
	}

	/* the blocks */
	enum { K_TERMS, K_HIST, K_PEND, K_VIEW, K_CTX, K_VIEW2, K_OFFICIAL,
		K_KARSK, K_TERMS2, K_CTX2, K_VIEW3, K_VIEW4, K_ANALYSIS,
		K_OFFICIAL2, K_VIEW5, NK };
	int order[NK];
	for (i = 0; i < NK; i++)
		order[i] = i;
	shuffle(st, order, NK);
	int adverts = 0;
	for (i = 0; i < NK; i++) {
		int k;
		switch (order[i]) {
		case K_TERMS2:
			if (st->D < evday[E_INITIAL])
				break;
			/* fall through */
		case K_TERMS: {
			if (st->D < evday[E_INITIAL]) {
				int idx[NELEM(T_PROPOSED)], n = NELEM(T_PROPOSED);
				for (k = 0; k < n; k++)
					idx[k] = k;
				shuffle(st, idx, n);
				for (k = 0; k < 3; k++)
					para_fact(&p, st, T_PROPOSED[idx[k]]);
				para_end(&p);
				break;
			}
			int idx[NELEM(TERMS)], n = NELEM(TERMS);
			for (k = 0; k < n; k++)
				idx[k] = k;
			shuffle(st, idx, n);
			int take = 4 + rnd(&st->rs, 3);
			for (k = 0; k < n && take > 0; k++) {
				if (st->used_term[idx[k]])
					continue;
				st->used_term[idx[k]] = 1;
				para_fact(&p, st, bank_pick(st, &TERMS[idx[k]]));
				take--;
			}
			para_end(&p);
			break;
		}
		case K_HIST:
			for (e = 0; e <= last; e++) {
				if (e == st->peg || st->used_back[e] ||
				    !chance(&st->rs, 90))
					continue;
				st->ev = e;
				para_fact(&p, st, bank_pick(st, &BACK[e]));
			}
			para_end(&p);
			break;
		case K_PEND:
			if (last + 1 < NEV && PEND[last + 1].n) {
				st->ev = last + 1;
				para_fact(&p, st, bank_pick(st, &PEND[last + 1]));
				if (last + 2 < NEV && chance(&st->rs, 70)) {
					st->ev = last + 2;
					para_fact(&p, st, bank_pick(st, &PEND[last + 2]));
				}
				para_end(&p);
			}
			break;
		case K_VIEW:
			view(o, st, 0);
			break;
		case K_VIEW2:
			view(o, st, chance(&st->rs, 35));
			break;
		case K_VIEW3:
			view(o, st, 0);
			break;
		case K_VIEW4:
		case K_VIEW5:
			if (chance(&st->rs, 50))
				view(o, st, chance(&st->rs, 30));
			break;
		case K_ANALYSIS: {
			int idx[NELEM(ANALYSIS)], n = NELEM(ANALYSIS);
			for (k = 0; k < n; k++)
				idx[k] = k;
			shuffle(st, idx, n);
			int take = 3 + rnd(&st->rs, 3);
			for (k = 0; k < take; k++) {
				para_fact(&p, st, ANALYSIS[idx[k]]);
				if (k == 1)
					para_end(&p);
			}
			para_end(&p);
			break;
		}
		case K_OFFICIAL:
		case K_OFFICIAL2:
			if (chance(&st->rs, 85))
				official_view(o, st);
			break;
		case K_KARSK:
			if (evday[E_SIGN] <= st->D && chance(&st->rs, 50)) {
				para_sentence(&p, st, PICK(&st->rs, KARSK_BODY));
				para_end(&p);
			}
			break;
		default: {
			int idx[NELEM(CONTEXT)], n = NELEM(CONTEXT);
			for (k = 0; k < n; k++)
				idx[k] = k;
			shuffle(st, idx, n);
			int take = 3 + rnd(&st->rs, 2);
			for (k = 0; k < n && take > 0; k++) {
				if (st->used_ctx[idx[k]] || CONTEXT[idx[k]].from > st->ymd)
					continue;
				st->used_ctx[idx[k]] = 1;
				para_fact(&p, st, bank_pick(st, &CONTEXT[idx[k]]));
				take--;
			}
			para_end(&p);
		}
		}
		/* furniture between paragraphs: the masthead's, not the story's */
		if (i == 2 && chance(rm, 30))
			puts_(o, "Advertisement\n\n");
		if (i == 5 && !adverts && chance(rm, 25)) {
			Story tmp = *st;
			expand(o, &tmp, PICK(rm, ALSO_READ));
			puts_(o, "\n\n");
			adverts = 1;
		}
	}
}

static void person_name(Buf *o, uint64_t *r)
{
	putf(o, "%s %s", PICK(r, FIRST), PICK(r, LAST));
}

/* The article date's line, in one of the shapes pages use. */
static void date_line(Buf *o, int D, uint64_t *r, int can_skip)
{
	int y, m, d;
	civil_from_days(D, &y, &m, &d);
	int hh = 6 + rnd(r, 15), mm = rnd(r, 60);
	switch (rnd(r, can_skip ? 6 : 5)) {
	case 0: putf(o, "Published: %d %s %d\n\n", d, MONTH[m - 1], y); break;
	case 1:
		putf(o, "Updated: %s %02d, %d, %02d:%02d %s %s\n\n", MON3[m - 1], d, y,
			hh > 12 ? hh - 12 : hh, mm, hh >= 12 ? "PM" : "AM",
			chance(r, 50) ? "CET" : "GMT");
		break;
	case 2: putf(o, "%s %d, %d / %02d:%02d GMT\n\n", MONTH[m - 1], d, y, hh, mm); break;
	case 3:
		putf(o, "Last Updated: %02d %s %d %02d:%02d %s\n\n", d, MON3[m - 1], y,
			hh > 12 ? hh - 12 : hh, mm, hh >= 12 ? "PM" : "AM");
		break;
	case 4:
		putf(o, "Posted on %04d-%02d-%02dT%02d:%02d:00+01:00\n\n", y, m, d, hh, mm);
		break;
	default: break; /* none: the dateline's date only (an agency's) */
	}
}

/* The article's day: near an event, or any day for an analysis. */
static void choose_day(Story *st)
{
	int total = 0, e;
	for (e = 0; e < NEV; e++)
		total += EV[e].weight;
	int analysis = 6;
	int r = rnd(&st->rs, total + analysis);
	for (e = 0; e < NEV; e++) {
		if (r < EV[e].weight)
			break;
		r -= EV[e].weight;
	}
	if (e < NEV) {
		int off, u = rnd(&st->rs, 100);
		off = u < 40 ? 0 : u < 70 ? 1 : u < 90 ? 2 + rnd(&st->rs, 5)
			: 7 + rnd(&st->rs, 14);
		st->peg = e;
		st->D = evday[e] + off;
	} else {
		int lo = days_from_civil(2023, 3, 1), hi = days_from_civil(2025, 11, 30);
		st->peg = -1;
		st->D = lo + rnd(&st->rs, hi - lo + 1);
	}
}

static void article(Buf *o, uint64_t seed, int i)
{
	/* a fifth reprint an earlier story under another masthead */
	uint64_t rm = mix64(seed ^ mix64((uint64_t)i * 2 + 1));
	int story = i;
	if (i > 1 && chance(&rm, 20))
		story = i - 1 - rnd(&rm, i - 1 < 40 ? i - 1 : 40);
	Story st;
	memset(&st, 0, sizeof st);
	st.rs = mix64(seed ^ mix64((uint64_t)story * 2));
	choose_day(&st);
	st.src = &OUTLETS[rnd(&st.rs, NELEM(OUTLETS))];
	const Outlet *pub = story == i ? st.src : &OUTLETS[rnd(&rm, NELEM(OUTLETS))];
	int y, m, d;
	civil_from_days(st.D, &y, &m, &d);
	st.ymd = (long)y * 10000 + m * 100 + d;

	/* the page's head */
	o->n = 0;
	if (pub->masthead && chance(&rm, 50))
		putf(o, "%s\n\n", pub->masthead);
	if (pub->style == 2 && chance(&rm, 40))
		putf(o, "%s\n\n", PICK(&rm, SECTIONS));
	Story hs = st;  /* the headline does not use up first mentions */
	hs.rs = mix64(st.rs ^ 0x5bd1e995);
	const char *h = st.peg >= 0 ? bank_pick(&hs, &HEAD[st.peg])
		: PICK(&hs.rs, H_ANALYSIS);
	sentence(o, &hs, h);
	puts_(o, "\n\n");
	if (chance(&rm, 30)) {
		sentence(o, &hs, st.D < evday[E_INITIAL] ? PICK(&hs.rs, DEK_EARLY)
			: PICK(&hs.rs, DEK));
		puts_(o, "\n\n");
	}
	if (chance(&rm, 65)) {
		puts_(o, "By ");
		person_name(o, &rm);
		if (chance(&rm, 20)) {
			puts_(o, " and ");
			person_name(o, &rm);
		}
		puts_(o, "\n\n");
	}
	if (pub->style == 2 && chance(&rm, 30))
		putf(o, "%d min read\n\n", 3 + rnd(&rm, 5));
	date_line(o, st.D, &rm, st.src->agency != NULL);

	/* the dateline opening the first paragraph */
	char dl[128];
	const char *place = st.peg >= 0 ? EV[st.peg].place
		: (rnd(&st.rs, 2) ? "SERAVO" : "HALVIK");
	if (st.src->agency)
		snprintf(dl, sizeof dl, "%s, %s %d (%s) - ", place,
			MON3[m - 1], d, st.src->agency);
	else if (chance(&st.rs, 50)) {
		/* "Seravo:" */
		snprintf(dl, sizeof dl, "%c%s: ", place[0], place + 1);
		for (char *c = dl + 1; *c && *c != ':'; c++)
			if (*c >= 'A' && *c <= 'Z' && c[-1] != ' ')
				*c = (char)(*c - 'A' + 'a');
	} else
		dl[0] = 0;
	size_t at = o->n;
	body(o, &st, dl, &rm);
	/* a reprint is often cut short: at a paragraph end past 60% */
	if (story != i && chance(&rm, 50)) {
		size_t want = at + (o->n - at) * (size_t)(60 + rnd(&rm, 30)) / 100, k;
		for (k = want; k + 1 < o->n; k++)
			if (o->b[k] == '\n' && o->b[k + 1] == '\n') {
				o->n = k + 2;
				break;
			}
	}

	/* the foot */
	if (st.src->agency && !strcmp(st.src->agency, "Reuters") && chance(&rm, 70)) {
		puts_(o, "(Reporting by ");
		person_name(o, &rm);
		puts_(o, "; Editing by ");
		person_name(o, &rm);
		puts_(o, ")\n");
	} else if (pub->style != 0 && chance(&rm, 15)) {
		puts_(o, "Leave a Reply\n\nYour email address will not be published. "
			"Required fields are marked *\n\nComment *\n\nName *\n");
	} else if (o->n >= 2 && o->b[o->n - 2] == '\n')
		o->n--;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: gen N OUTDIR [SEED]\n");
		return 2;
	}
	char *end;
	long n = strtol(argv[1], &end, 10);
	if (*end || n < 1 || n > 99999) {
		fprintf(stderr, "gen: N must be 1..99999\n");
		return 2;
	}
	uint64_t seed = 1;
	if (argc == 4) {
		seed = strtoull(argv[3], &end, 10);
		if (*end) {
			fprintf(stderr, "gen: SEED must be a number\n");
			return 2;
		}
	}
	if (mkdir(argv[2], 0777) != 0 && errno != EEXIST) {
		perror(argv[2]);
		return 1;
	}
	int e;
	for (e = 0; e < NEV; e++)
		evday[e] = days_from_civil(EV[e].y, EV[e].m, EV[e].d);

	static Buf o;
	size_t plen = strlen(argv[2]) + 32;
	char *path = malloc(plen);
	if (!path)
		return 1;
	long i;
	for (i = 1; i <= n; i++) {
		article(&o, seed, (int)i);
		snprintf(path, plen, "%s/a%05ld.txt", argv[2], i);
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(o.b, 1, o.n, f) != o.n || fclose(f) != 0) {
			perror(path);
			return 1;
		}
	}
	free(path);
	return 0;
}
