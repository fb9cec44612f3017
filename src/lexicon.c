/*
 * lexicon.c -- the English word lists and their hashed lookup.
 *
 * A list is either a plain array of words (each worth 1) or the words
 * of a shared table that carry the list's tag. The table of all lists
 * is built once: every (list, word) pair goes into one open-addressing
 * hash keyed by the list and the word's ASCII-lower-cased bytes; a
 * lookup hashes the word the same way and compares candidates as the
 * caller asks (exact, folded, or capitalised).
 */
#include "brief/lexicon.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A word of a shared table: the lists it belongs to (tags) and its
 * value (0 reads as 1). */
struct S_entry {
	const char *w;
	unsigned tags;
	int v;
};

/* ---- speech ------------------------------------------------------- */

/* One set of speech verbs for quotes.c and segment.c; "continued"
 * reports speech only right after a quote ("?” he continued", not "the
 * talks continued"). */
enum {
	SP_ATTR = 1 << 0,       /* LEX_SPEECH_VERB */
	SP_SAY = 1 << 1,        /* LEX_SAY_VERB */
	SP_QUOTE = 1 << 2       /* LEX_QUOTE_VERB */
};
#define VERB (SP_ATTR | SP_QUOTE)
#define SAY (SP_ATTR | SP_SAY | SP_QUOTE)

static const struct S_entry S_speech[] = {
	{ "said", SAY, 0 }, { "says", SAY, 0 }, { "told", SAY, 0 },
	{ "tells", SAY, 0 }, { "stated", SAY, 0 }, { "states", SAY, 0 },
	{ "noted", VERB, 0 }, { "notes", VERB, 0 }, { "added", VERB, 0 },
	{ "adds", VERB, 0 }, { "emphasized", VERB, 0 },
	{ "emphasised", VERB, 0 }, { "emphasizes", VERB, 0 },
	{ "emphasises", VERB, 0 }, { "stressed", VERB, 0 },
	{ "stresses", VERB, 0 }, { "argued", VERB, 0 }, { "argues", VERB, 0 },
	{ "warned", VERB, 0 }, { "warns", VERB, 0 }, { "explained", VERB, 0 },
	{ "explains", VERB, 0 }, { "believes", VERB, 0 },
	{ "believed", VERB, 0 }, { "views", VERB, 0 }, { "viewed", VERB, 0 },
	{ "insisted", VERB, 0 }, { "insists", VERB, 0 },
	{ "claimed", VERB, 0 }, { "claims", VERB, 0 },
	{ "asserted", VERB, 0 }, { "asserts", VERB, 0 },
	{ "observed", VERB, 0 }, { "observes", VERB, 0 },
	{ "remarked", VERB, 0 }, { "confirmed", VERB, 0 },
	{ "confirms", VERB, 0 }, { "announced", VERB, 0 },
	{ "announces", VERB, 0 }, { "declared", VERB, 0 },
	{ "declares", VERB, 0 }, { "acknowledged", VERB, 0 },
	{ "admitted", VERB, 0 }, { "commented", VERB, 0 },
	{ "suggested", VERB, 0 }, { "suggests", VERB, 0 },
	{ "predicted", VERB, 0 }, { "predicts", VERB, 0 },
	{ "wrote", SAY, 0 }, { "writes", SAY, 0 }, { "maintained", VERB, 0 },
	{ "maintains", VERB, 0 }, { "underlined", VERB, 0 },
	{ "underscored", VERB, 0 }, { "highlighted", VERB, 0 },
	{ "reiterated", VERB, 0 }, { "asked", VERB, 0 }, { "asks", VERB, 0 },
	{ "replied", VERB, 0 }, { "responded", VERB, 0 },
	{ "cautioned", VERB, 0 }, { "concluded", VERB, 0 },
	{ "contended", VERB, 0 }, { "recalled", VERB, 0 },
	{ "mentioned", VERB, 0 }, { "affirmed", VERB, 0 },
	{ "thinks", VERB, 0 }, { "reported", SAY, 0 }, { "reports", SAY, 0 },
	{ "exclaimed", VERB, 0 }, { "wondered", VERB, 0 },
	{ "shouted", VERB, 0 }, { "countered", VERB, 0 },
	{ "continued", SP_QUOTE, 0 }, { "quipped", VERB, 0 },
};

#undef VERB
#undef SAY

static const char *const S_speech_adverbs[] = {
	"also", "further", "later", "then", "previously", "recently",
	"separately", "again", "similarly", "earlier", "additionally",
	"reportedly", "once", "repeatedly", "publicly", "has", "had",
	"have", "was", "subsequently", "likewise",
};

static const char *const S_audience[] = {
	"reporters", "journalists", "lawmakers", "parliament", "delegates",
	"students", "viewers", "listeners", "readers",
};

static const char *const S_opinion_nouns[] = {
	"view", "opinion", "mind", "sense", "guess",
};

/* ---- people, bodies, outlets --------------------------------------- */

/* Honorifics, for quotes.c, segment.c (those written with a period)
 * and dates.c ("Mrs May"); with the words that, before "May", make it
 * a surname (LEX_MAY_NAME_CUE holds every entry). */
enum {
	HN_NAME = 1 << 0,       /* LEX_HONORIFIC */
	HN_ABBR = 1 << 1        /* LEX_HONORIFIC_ABBR */
};

static const struct S_entry S_honorifics[] = {
	{ "Mr", HN_NAME | HN_ABBR, 0 }, { "Mrs", HN_NAME | HN_ABBR, 0 },
	{ "Ms", HN_NAME | HN_ABBR, 0 }, { "Mx", HN_NAME | HN_ABBR, 0 },
	{ "Messrs", HN_NAME | HN_ABBR, 0 }, { "Mme", HN_NAME | HN_ABBR, 0 },
	{ "Mlle", HN_NAME | HN_ABBR, 0 }, { "Dr", HN_NAME | HN_ABBR, 0 },
	{ "Prof", HN_NAME | HN_ABBR, 0 }, { "Gen", HN_NAME | HN_ABBR, 0 },
	{ "Lt", HN_NAME | HN_ABBR, 0 }, { "Col", HN_NAME | HN_ABBR, 0 },
	{ "Capt", HN_NAME | HN_ABBR, 0 }, { "Cmdr", HN_NAME | HN_ABBR, 0 },
	{ "Cdr", HN_NAME | HN_ABBR, 0 }, { "Adm", HN_NAME | HN_ABBR, 0 },
	{ "Maj", HN_NAME | HN_ABBR, 0 }, { "Sgt", HN_NAME | HN_ABBR, 0 },
	{ "Cpl", HN_NAME | HN_ABBR, 0 }, { "Pvt", HN_NAME | HN_ABBR, 0 },
	{ "Brig", HN_NAME | HN_ABBR, 0 }, { "Gov", HN_NAME | HN_ABBR, 0 },
	{ "Sen", HN_NAME | HN_ABBR, 0 }, { "Rep", HN_NAME | HN_ABBR, 0 },
	{ "Rev", HN_NAME | HN_ABBR, 0 }, { "Hon", HN_NAME | HN_ABBR, 0 },
	{ "Pres", HN_NAME | HN_ABBR, 0 }, { "Amb", HN_NAME | HN_ABBR, 0 },
	{ "Supt", HN_NAME | HN_ABBR, 0 }, { "Insp", HN_NAME | HN_ABBR, 0 },
	{ "Det", HN_NAME | HN_ABBR, 0 }, { "Fr", HN_NAME | HN_ABBR, 0 },
	{ "Msgr", HN_NAME | HN_ABBR, 0 }, { "Sh", HN_NAME | HN_ABBR, 0 },
	{ "Smt", HN_NAME | HN_ABBR, 0 },
	/* never abbreviated: "Sir." ends a sentence */
	{ "Sir", HN_NAME, 0 }, { "Dame", HN_NAME, 0 }, { "Miss", HN_NAME, 0 },
	/* not honorifics */
	{ "Theresa", 0, 0 }, { "Brian", 0, 0 }, { "Minister", 0, 0 },
};

enum {
	TI_ROLE = 1 << 0,       /* LEX_TITLE */
	TI_ADJ = 1 << 1         /* LEX_TITLE_ADJ: "official website" */
};

static const struct S_entry S_titles[] = {
	{ "president", TI_ROLE, 0 }, { "vice", TI_ROLE, 0 },
	{ "prime", TI_ROLE, 0 }, { "minister", TI_ROLE, 0 },
	{ "speaker", TI_ROLE, 0 }, { "spokesperson", TI_ROLE, 0 },
	{ "spokesman", TI_ROLE, 0 }, { "spokeswoman", TI_ROLE, 0 },
	{ "chairman", TI_ROLE, 0 }, { "chairwoman", TI_ROLE, 0 },
	{ "chairperson", TI_ROLE, 0 }, { "chair", TI_ROLE, 0 },
	{ "director", TI_ROLE, 0 }, { "secretary", TI_ROLE, 0 },
	{ "ambassador", TI_ROLE, 0 }, { "governor", TI_ROLE, 0 },
	{ "senator", TI_ROLE, 0 }, { "mayor", TI_ROLE, 0 },
	{ "chancellor", TI_ROLE, 0 }, { "king", TI_ROLE, 0 },
	{ "queen", TI_ROLE, 0 }, { "prince", TI_ROLE, 0 },
	{ "princess", TI_ROLE, 0 }, { "general", TI_ROLE | TI_ADJ, 0 },
	{ "admiral", TI_ROLE, 0 }, { "commander", TI_ROLE, 0 },
	{ "chief", TI_ROLE | TI_ADJ, 0 }, { "head", TI_ROLE | TI_ADJ, 0 },
	{ "ceo", TI_ROLE, 0 }, { "cfo", TI_ROLE, 0 },
	{ "deputy", TI_ROLE | TI_ADJ, 0 }, { "professor", TI_ROLE, 0 },
	{ "analyst", TI_ROLE, 0 }, { "expert", TI_ROLE | TI_ADJ, 0 },
	{ "researcher", TI_ROLE, 0 }, { "fellow", TI_ROLE, 0 },
	{ "economist", TI_ROLE, 0 }, { "official", TI_ROLE | TI_ADJ, 0 },
	{ "officials", TI_ROLE, 0 }, { "leader", TI_ROLE | TI_ADJ, 0 },
	{ "envoy", TI_ROLE, 0 }, { "diplomat", TI_ROLE, 0 },
	{ "correspondent", TI_ROLE, 0 }, { "editor", TI_ROLE, 0 },
	{ "founder", TI_ROLE, 0 }, { "member", TI_ROLE | TI_ADJ, 0 },
	{ "commissioner", TI_ROLE, 0 }, { "premier", TI_ROLE, 0 },
	{ "marshal", TI_ROLE, 0 }, { "colonel", TI_ROLE, 0 },
	{ "captain", TI_ROLE, 0 }, { "lieutenant", TI_ROLE, 0 },
	{ "judge", TI_ROLE, 0 }, { "justice", TI_ROLE, 0 },
	{ "attorney", TI_ROLE, 0 }, { "lawmaker", TI_ROLE, 0 },
	{ "legislator", TI_ROLE, 0 }, { "mp", TI_ROLE, 0 },
	{ "representative", TI_ROLE, 0 }, { "congressman", TI_ROLE, 0 },
	{ "congresswoman", TI_ROLE, 0 }, { "strategist", TI_ROLE, 0 },
	{ "adviser", TI_ROLE, 0 }, { "advisor", TI_ROLE, 0 },
	{ "consultant", TI_ROLE, 0 }, { "scholar", TI_ROLE, 0 },
	{ "lecturer", TI_ROLE, 0 }, { "manager", TI_ROLE, 0 },
	{ "officer", TI_ROLE, 0 }, { "dean", TI_ROLE, 0 },
	{ "columnist", TI_ROLE, 0 }, { "commentator", TI_ROLE, 0 },
	{ "specialist", TI_ROLE, 0 }, { "scientist", TI_ROLE, 0 },
	{ "historian", TI_ROLE, 0 }, { "executive", TI_ROLE | TI_ADJ, 0 },
	{ "sheikh", TI_ROLE, 0 }, { "emir", TI_ROLE, 0 },
	{ "pope", TI_ROLE, 0 }, { "cardinal", TI_ROLE, 0 },
	{ "bishop", TI_ROLE, 0 }, { "source", TI_ROLE | TI_ADJ, 0 },
	{ "sources", TI_ROLE, 0 }, { "insider", TI_ROLE, 0 },
	{ "aide", TI_ROLE, 0 }, { "negotiator", TI_ROLE, 0 },
	{ "observer", TI_ROLE, 0 }, { "counsel", TI_ROLE, 0 },
	{ "person", TI_ROLE, 0 }, { "people", TI_ROLE, 0 },
	{ "analysts", TI_ROLE, 0 }, { "experts", TI_ROLE, 0 },
	{ "ministers", TI_ROLE, 0 }, { "presidents", TI_ROLE, 0 },
	{ "secretaries", TI_ROLE, 0 }, { "ambassadors", TI_ROLE, 0 },
	{ "leaders", TI_ROLE, 0 }, { "chiefs", TI_ROLE, 0 },
	{ "heads", TI_ROLE, 0 }, { "governors", TI_ROLE, 0 },
	{ "senators", TI_ROLE, 0 }, { "premiers", TI_ROLE, 0 },
	{ "envoys", TI_ROLE, 0 }, { "diplomats", TI_ROLE, 0 },
	{ "directors", TI_ROLE, 0 }, { "judges", TI_ROLE, 0 },
	{ "justices", TI_ROLE, 0 }, { "spokespersons", TI_ROLE, 0 },
	{ "spokesmen", TI_ROLE, 0 }, { "commanders", TI_ROLE, 0 },
	{ "generals", TI_ROLE, 0 },
};

static const char *const S_name_particles[] = {
	"de", "del", "della", "der", "den", "di", "da", "dos", "das", "du",
	"la", "le", "van", "von", "bin", "bint", "ibn", "al", "el", "ter",
	"ten", "zu",
};

static const char *const S_name_connectors[] = {
	"of", "on", "in", "at", "for", "from", "with", "to", "by", "the",
	"a", "an", "about", "and", "near", "into", "across", "over",
};

static const char *const S_place_first[] = {
	"new", "north", "south", "east", "west", "northern", "southern",
	"eastern", "western", "united", "central", "great", "greater",
	"upper", "lower", "saint", "san", "santa", "los", "las", "middle",
	"far", "royal", "federal", "national", "international", "global",
	"state",
};

static const char *const S_org_words[] = {
	"ministry", "agency", "council", "committee", "department",
	"office", "government", "parliament", "assembly", "congress",
	"senate", "institute", "institution", "center", "centre",
	"university", "college", "academy", "school", "bank", "fund",
	"corporation", "corp", "company", "group", "inc", "ltd", "llc",
	"plc", "news", "times", "post", "journal", "press", "service",
	"services", "forces", "force", "army", "navy", "guard", "house",
	"court", "party", "union", "organization", "organisation",
	"association", "foundation", "bureau", "commission", "federation",
	"republic", "kingdom", "states", "nations", "alliance", "summit",
	"agreement", "pact", "treaty", "initiative", "project", "program",
	"programme", "corridor", "studies", "review", "report", "daily",
	"tv", "radio", "network", "channel", "magazine", "gazette",
	"herald", "tribune", "telegraph", "express", "media", "online",
	"club", "board", "authority", "administration", "embassy",
	"consulate", "cabinet", "secretariat", "police", "fleet", "command",
	"forum", "conference", "exchange", "market", "index", "airlines",
	"systems", "system", "technologies", "industries", "holdings",
	"ocean", "sea", "river", "island", "islands", "bay", "gulf",
	"strait", "peninsula", "lake", "coast", "region", "city",
	"province", "county", "district", "territory", "airport", "port",
	"square", "street", "avenue", "hall", "palace", "station", "world",
	"war", "act", "law", "bill", "accord", "plan", "strategy",
	"doctrine", "policy", "framework", "partnership", "deal",
	"missile", "aircraft", "fighter",
};

static const char *const S_org_nouns[] = {
	"party", "politburo", "ministry", "government", "committee", "council",
	"commission", "embassy", "office", "opposition", "union", "association",
	"federation", "alliance", "coalition", "front", "league", "movement",
	"group", "forum", "institute", "parliament",
	"senate", "assembly", "congress", "cabinet", "department",
	"administration", "secretariat", "court", "bench", "board", "chamber",
	"bloc", "caucus", "foundation", "organisation",
	"organization", "society", "collective", "campaign",
};

static const char *const S_outlet_nouns[] = {
	"agency", "outlet", "newspaper", "paper", "broadcaster", "channel",
	"daily", "network", "wire", "publication", "website", "site",
	"portal", "magazine", "station", "tabloid", "service", "media",
	"news", "outlets",
};

static const char *const S_source_nouns[] = {
	"statement", "statements", "note", "notes", "report", "reports",
	"remarks", "comments", "comment", "announcement", "release",
	"data", "figures", "document", "documents", "transcript", "letter",
	"post", "message", "readout", "estimates", "words",
};

static const char *const S_source_preps[] = {
	"from", "by", "of", "on", "in", "to", "at",
};

/* ---- function words ------------------------------------------------ */

/* Not content words: counted out of a sentence's weight (text.c). */
static const char *const S_stopwords[] = {
	"a", "about", "above", "after", "again", "against", "all", "also", "am",
	"an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
	"being", "below", "between", "both", "but", "by", "can", "could", "d",
	"did", "do", "does", "doing", "down", "during", "each", "even", "few",
	"for", "from", "further", "had", "has", "have", "having", "he", "her",
	"here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
	"in", "into", "is", "it", "its", "itself", "just", "ll", "m", "may",
	"me", "might", "more", "most", "much", "must", "my", "myself", "no",
	"nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
	"our", "ours", "ourselves", "out", "over", "own", "re", "s", "same",
	"shall", "she", "should", "so", "some", "such", "t", "than", "that",
	"the", "their", "theirs", "them", "themselves", "then", "there",
	"these", "they", "this", "those", "through", "to", "too", "under",
	"until", "up", "us", "ve", "very", "was", "we", "were", "what", "when",
	"where", "which", "while", "who", "whom", "why", "will", "with",
	"would", "you", "your", "yours", "yourself", "yourselves",
};

/* Capitalised at a sentence start or in a heading, these are still not
 * names, roles or outlets (quotes.c). Unlike the stopwords above, it
 * keeps modal verbs out ("Will", "May" can be names) and takes the
 * linking adverbs in. */
static const char *const S_name_stops[] = {
	"the", "a", "an", "this", "that", "these", "those", "its", "their",
	"his", "her", "our", "my", "your", "some", "any", "each", "every",
	"no", "he", "she", "it", "they", "we", "i", "you", "on", "in",
	"at", "for", "from", "with", "by", "of", "to", "and", "but", "or",
	"nor", "as", "if", "when", "while", "after", "before", "since",
	"meanwhile", "however", "overall", "also", "yet", "so", "then",
	"there", "here", "what", "which", "who", "whom", "whose", "why",
	"how", "where", "according", "despite", "during", "although",
	"though", "because", "like", "unlike", "notably", "additionally",
	"moreover", "furthermore", "still", "even", "just", "only", "not",
	"all", "both", "many", "most", "several", "such", "other",
	"another", "one", "two", "three", "analysis", "update", "yes",
	"thus", "indeed", "instead", "perhaps", "whether", "once",
};

static const char *const S_subords[] = {
	"that", "which", "who", "whom", "whose", "as", "when", "while",
	"because", "if", "after", "before", "since", "although", "though",
	"whereas", "where", "is", "was", "were", "are", "be", "been",
	"has", "have", "had", "will", "would", "by", "with", "he", "she",
	"it", "they", "we", "I",
};

static const char *const S_clause_words[] = {
	"and", "but", "as", "while", "when", "although", "though", "after",
	"before", "since", "because", "whereas", "yet", "that", "so",
};

static const char *const S_clause_joins[] = {
	"and", "but", "while", "whereas", "although", "though", "after",
	"before", "since", "when", "which", "who",
};

enum {
	DT_NP = 1 << 0,         /* LEX_DETERMINER (quotes.c) */
	DT_DATE = 1 << 1,       /* LEX_DATE_DETERMINER (dates.c) */
	DT_DEF = 1 << 2,        /* LEX_DEFINITE */
	DT_INDEF = 1 << 3,      /* LEX_INDEFINITE */
	DT_POSS = 1 << 4        /* LEX_POSSESSIVE */
};

static const struct S_entry S_determiners[] = {
	{ "a", DT_NP | DT_DATE | DT_INDEF, 0 },
	{ "an", DT_NP | DT_DATE | DT_INDEF, 0 },
	{ "the", DT_NP | DT_DATE | DT_DEF, 0 },
	{ "this", DT_NP | DT_DATE | DT_DEF, 0 },
	{ "that", DT_DATE | DT_DEF, 0 },
	{ "one", DT_NP, 0 },
	{ "another", DT_NP, 0 },
	{ "some", DT_NP, 0 },
	{ "two", DT_NP, 0 },
	{ "three", DT_NP, 0 },
	{ "several", DT_NP, 0 },
	{ "its", DT_DATE | DT_POSS, 0 },
	{ "their", DT_DATE | DT_POSS, 0 },
	{ "his", DT_DATE | DT_POSS, 0 },
	{ "her", DT_DATE | DT_POSS, 0 },
	{ "our", DT_DATE | DT_POSS, 0 },
	{ "my", DT_POSS, 0 },
	{ "your", DT_POSS, 0 },
};

static const char *const S_personal_pronouns[] = { "he", "she" };

static const char *const S_back_pronouns[] = {
	"they", "them", "their", "it", "its", "he", "him", "his", "she", "her",
};

static const char *const S_back_demonstratives[] = { "these", "those" };

static const char *const S_anaphors[] = {
	"It", "This", "These", "That", "They", "He", "She", "Such", "Those",
	"Its", "Their", "His", "Her", "Both", "Neither", "It's",
};

static const char *const S_starters[] = {
	"The", "A", "An", "It", "Its", "This", "That", "These", "Those",
	"There", "Then", "Thus", "They", "Their", "He", "His", "She", "Her",
	"We", "Our", "I", "You", "But", "And", "Or", "So", "Yet", "However",
	"Meanwhile", "Moreover", "Also", "In", "On", "At", "As", "After",
	"Before", "By", "For", "From", "If", "When", "While", "Where", "What",
	"Why", "How", "Who", "With", "Without", "Although", "Though",
	"Despite", "During", "Since", "Still", "Now", "Today", "Some", "Many",
	"Most", "Several", "No", "Not", "Under", "Such", "Both", "Each",
	"According",
};

static const char *const S_link_openers[] = {
	"Additionally", "Also", "At the same time", "Crucially", "Furthermore",
	"However", "Importantly", "In addition", "In practice", "Indeed",
	"Interestingly", "Meanwhile", "Moreover", "Notably", "Overall",
	"Separately", "Significantly", "Still", "Therefore", "Thus",
};

static const char *const S_temporal_subs[] = {
	"after", "before", "following", "since", "when", "once", "until",
	"while",
};

static const char *const S_conditionals[] = {
	"once", "after", "until", "unless", "if", "when", "before", "till",
};

static const char *const S_negations[] = {
	"not", "never", "yet", "no", "cannot", "unable", "without",
};

static const char *const S_not_yet[] = {
	"not", "yet", "still", "pending", "awaits", "awaiting", "await",
};

/* ---- tense and modality -------------------------------------------- */

static const char *const S_modals[] = {
	"can", "could", "may", "might", "must", "shall", "should", "will",
	"would",
};

static const char *const S_past_aux[] = {
	"was", "were", "had", "been", "did",
};

static const char *const S_prospective[] = {
	"ahead", "aims", "awaiting", "awaits", "before", "could", "expected",
	"expects", "for", "if", "likely", "may", "might", "must", "once",
	"pending", "plan", "planned", "plans", "poised", "scheduled", "seeks",
	"set", "shall", "should", "still", "to", "until", "will", "would",
	"requires", "require", "required", "needs", "need", "needed",
	"subject", "awaited", "seeking", "sought",
};

static const char *const S_future_cues[] = {
	"will", "shall", "ll", "would", "set", "slated", "scheduled", "due",
	"expected", "upcoming", "next", "ahead", "planned", "plans", "plan",
	"forthcoming", "coming", "tomorrow", "until", "till", "later",
	"await", "awaits", "awaiting", "take", "takes", "begin", "begins",
	"starts", "opens", "resume", "resumes", "expire", "expires", "come",
	"comes", "enter", "enters", "reconvene", "reconvenes", "looking",
	"marks", "falls",
};

static const char *const S_past_cues[] = {
	"was", "were", "had", "did", "been", "ago", "last", "earlier", "met",
	"held", "began", "took", "made", "came", "went", "said", "told",
	"wrote", "saw", "gave", "sent", "left", "won", "lost", "struck",
	"rose", "fell", "led", "paid", "spoke", "became", "ran", "chose",
	"flew", "sat", "hit", "cut", "put", "read", "since", "previously",
};

static const char *const S_ed_not_past[] = {
	"need", "speed", "proceed", "indeed", "seed", "feed", "exceed",
	"succeed", "hundred", "bed", "red", "shed", "breed", "creed", "greed",
	"weed", "steed", "embed", "united", "limited", "related", "based",
	"interested", "concerned", "advanced", "detailed", "sacred",
	"kindred",
};

static const char *const S_schedule_verbs[] = {
	"arrive", "arrives", "meet", "meets", "holds", "visits", "travel",
	"travels", "sign", "signs", "heads", "leaves", "hosts", "attend",
	"attends", "returns", "fly", "flies", "goes", "debates", "opens",
	"starts",
};

static const char *const S_plan_verbs[] = {
	"hold", "sign", "meet", "visit", "attend", "host", "vote", "ratify",
	"launch", "discuss", "travel", "announce", "review", "consider",
	"decide", "finalise", "finalize", "conclude", "join", "unveil",
	"debate", "approve", "address", "receive", "open", "start", "begin",
};

static const char *const S_plan_participles[] = {
	"planned", "scheduled", "slated", "expected", "set", "due",
};

/* ---- time ---------------------------------------------------------- */

enum {
	MO_FULL = 1 << 0,       /* LEX_MONTH */
	MO_ABBR = 1 << 1        /* LEX_MONTH_ABBR */
};

/* The first abbreviation of each month is its short form. */
static const struct S_entry S_months[] = {
	{ "January", MO_FULL, 1 }, { "February", MO_FULL, 2 },
	{ "March", MO_FULL, 3 }, { "April", MO_FULL, 4 },
	{ "May", MO_FULL | MO_ABBR, 5 }, { "June", MO_FULL, 6 },
	{ "July", MO_FULL, 7 }, { "August", MO_FULL, 8 },
	{ "September", MO_FULL, 9 }, { "October", MO_FULL, 10 },
	{ "November", MO_FULL, 11 }, { "December", MO_FULL, 12 },
	{ "Jan", MO_ABBR, 1 }, { "Feb", MO_ABBR, 2 }, { "Mar", MO_ABBR, 3 },
	{ "Apr", MO_ABBR, 4 }, { "Jun", MO_ABBR, 6 }, { "Jul", MO_ABBR, 7 },
	{ "Aug", MO_ABBR, 8 }, { "Sep", MO_ABBR, 9 }, { "Sept", MO_ABBR, 9 },
	{ "Oct", MO_ABBR, 10 }, { "Nov", MO_ABBR, 11 }, { "Dec", MO_ABBR, 12 },
};

enum {
	WD_FULL = 1 << 0,       /* LEX_WEEKDAY */
	WD_ABBR = 1 << 1        /* LEX_WEEKDAY_ABBR */
};

static const struct S_entry S_weekdays[] = {
	{ "Monday", WD_FULL, 1 }, { "Tuesday", WD_FULL, 2 },
	{ "Wednesday", WD_FULL, 3 }, { "Thursday", WD_FULL, 4 },
	{ "Friday", WD_FULL, 5 }, { "Saturday", WD_FULL, 6 },
	{ "Sunday", WD_FULL, 7 },
	{ "Mon", WD_ABBR, 1 }, { "Tue", WD_ABBR, 2 }, { "Wed", WD_ABBR, 3 },
	{ "Thu", WD_ABBR, 4 }, { "Fri", WD_ABBR, 5 }, { "Sat", WD_ABBR, 6 },
	{ "Sun", WD_ABBR, 7 },
};

static const char *const S_day_words[] = {
	"today", "yesterday", "tomorrow", "earlier", "later",
};

static const struct S_entry S_time_units[] = {
	{ "day", 0, 1 }, { "days", 0, 1 }, { "week", 0, 2 }, { "weeks", 0, 2 },
	{ "month", 0, 3 }, { "months", 0, 3 }, { "year", 0, 4 },
	{ "years", 0, 4 },
};

/* Words around a month or year that make it a date (dates.c). */
enum {
	DC_MONTH_INTRO = 1 << 0,        /* LEX_MONTH_INTRO */
	DC_YEAR_INTRO = 1 << 1,         /* LEX_YEAR_INTRO */
	DC_MONTH_MOD = 1 << 2,          /* LEX_MONTH_MOD */
	DC_YEAR_MOD = 1 << 3,           /* LEX_YEAR_MOD */
	DC_MONTH_OF = 1 << 4,           /* LEX_MONTH_OF_HEAD */
	DC_YEAR_OF = 1 << 5             /* LEX_YEAR_OF_HEAD */
};

static const struct S_entry S_date_context[] = {
	{ "in", DC_MONTH_INTRO | DC_YEAR_INTRO, 0 },
	{ "since", DC_MONTH_INTRO | DC_YEAR_INTRO, 0 },
	{ "until", DC_MONTH_INTRO | DC_YEAR_INTRO, 0 },
	{ "till", DC_MONTH_INTRO | DC_YEAR_INTRO, 0 },
	{ "during", DC_MONTH_INTRO | DC_YEAR_INTRO, 0 },
	{ "throughout", DC_MONTH_INTRO | DC_YEAR_INTRO, 0 },
	{ "by", DC_YEAR_INTRO, 0 },
	{ "from", DC_YEAR_INTRO, 0 },
	{ "before", DC_YEAR_INTRO, 0 },
	{ "after", DC_YEAR_INTRO, 0 },
	{ "around", DC_YEAR_INTRO, 0 },
	{ "circa", DC_YEAR_INTRO, 0 },
	{ "through", DC_YEAR_INTRO, 0 },
	{ "between", DC_YEAR_INTRO, 0 },
	{ "year", DC_YEAR_INTRO, 0 },
	{ "fiscal", DC_YEAR_INTRO, 0 },
	{ "early", DC_MONTH_MOD | DC_YEAR_MOD, 0 },
	{ "mid", DC_MONTH_MOD | DC_YEAR_MOD, 0 },
	{ "late", DC_MONTH_MOD | DC_YEAR_MOD, 0 },
	{ "spring", DC_YEAR_MOD | DC_YEAR_OF, 0 },
	{ "summer", DC_YEAR_MOD | DC_YEAR_OF, 0 },
	{ "autumn", DC_YEAR_MOD | DC_YEAR_OF, 0 },
	{ "fall", DC_YEAR_MOD | DC_YEAR_OF, 0 },
	{ "winter", DC_YEAR_MOD | DC_YEAR_OF, 0 },
	{ "end", DC_MONTH_OF | DC_YEAR_OF, 0 },
	{ "beginning", DC_MONTH_OF | DC_YEAR_OF, 0 },
	{ "start", DC_MONTH_OF | DC_YEAR_OF, 0 },
	{ "middle", DC_MONTH_OF | DC_YEAR_OF, 0 },
	{ "half", DC_YEAR_OF, 0 },
	{ "quarter", DC_YEAR_OF, 0 },
	{ "as", DC_YEAR_OF, 0 },
	{ "class", DC_YEAR_OF, 0 },
	{ "rest", DC_YEAR_OF, 0 },
	{ "course", DC_YEAR_OF, 0 },
};

static const char *const S_after_year[] = {
	"and", "or", "but", "the", "a", "an", "to", "when", "while", "after",
	"before", "as", "at", "in", "on", "for", "with", "under", "that",
	"which", "who", "is", "was", "were", "are", "has", "had", "have",
	"will", "would", "could", "should", "may", "might", "it", "he",
	"she", "they", "we", "its", "their", "his", "her", "amid", "during",
	"following", "through", "until", "till", "by", "from", "of",
	"against", "alone", "onwards", "onward", "itself", "also", "despite",
	"between", "saw", "there", "this", "these", "those", "then", "not",
	"only", "because", "if", "so", "via", "into", "over", "where",
};

static const char *const S_event_nouns[] = {
	"deal", "deals", "agreement", "agreements", "accord", "pact",
	"treaty", "election", "elections", "polls", "summit", "war", "crisis",
	"attack", "attacks", "budget", "census", "law", "act", "protests",
	"visit", "talks", "meeting", "reform", "reforms", "referendum",
	"invasion", "coup", "earthquake", "floods", "olympics", "games",
	"conflict", "ceasefire", "contract", "order", "purchase", "sanctions",
	"standoff", "clashes", "bill", "amendment", "policy", "plan",
	"report", "review", "survey", "season", "edition", "campaign",
	"operation", "decision", "ruling", "verdict", "incident", "pandemic",
	"outbreak", "merger", "launch", "tour", "cup", "championship", "vote",
	"doctrine", "strategy", "exercise", "exercises", "drills",
	"memorandum", "deadline", "target", "crash", "bombing", "blast",
	"uprising", "revolution", "statement", "declaration", "framework",
	"roadmap", "acquisition", "test", "tests", "revocation", "abrogation",
	"annexation", "ratification", "signing", "accession", "withdrawal",
	"dissolution", "judgment", "judgement", "notification", "ordinance",
	"move", "announcement", "dialogue", "crackdown", "lockdown",
};

/* ---- numbers and agreements ---------------------------------------- */

enum {
	NU_CARD = 1 << 0,       /* LEX_CARDINAL */
	NU_COUNT = 1 << 1       /* LEX_COUNT_WORD ("one" is mostly a pronoun) */
};

static const struct S_entry S_numbers[] = {
	{ "one", NU_CARD, 1 }, { "two", NU_CARD | NU_COUNT, 2 },
	{ "three", NU_CARD | NU_COUNT, 3 }, { "four", NU_CARD | NU_COUNT, 4 },
	{ "five", NU_CARD | NU_COUNT, 5 }, { "six", NU_CARD | NU_COUNT, 6 },
	{ "seven", NU_CARD | NU_COUNT, 7 }, { "eight", NU_CARD | NU_COUNT, 8 },
	{ "nine", NU_CARD | NU_COUNT, 9 }, { "ten", NU_CARD | NU_COUNT, 10 },
	{ "eleven", NU_CARD | NU_COUNT, 11 },
	{ "twelve", NU_CARD | NU_COUNT, 12 },
	{ "thirteen", NU_CARD | NU_COUNT, 13 },
	{ "fourteen", NU_CARD | NU_COUNT, 14 },
	{ "fifteen", NU_CARD | NU_COUNT, 15 },
	{ "sixteen", NU_CARD | NU_COUNT, 16 },
	{ "seventeen", NU_CARD | NU_COUNT, 17 },
	{ "eighteen", NU_CARD | NU_COUNT, 18 },
	{ "nineteen", NU_CARD | NU_COUNT, 19 },
	{ "twenty", NU_CARD | NU_COUNT, 20 },
	{ "thirty", NU_CARD | NU_COUNT, 30 },
	{ "forty", NU_CARD | NU_COUNT, 40 },
	{ "fifty", NU_CARD | NU_COUNT, 50 },
	{ "sixty", NU_CARD | NU_COUNT, 60 },
	{ "seventy", NU_CARD | NU_COUNT, 70 },
	{ "eighty", NU_CARD | NU_COUNT, 80 },
	{ "ninety", NU_CARD | NU_COUNT, 90 },
	{ "hundred", NU_CARD | NU_COUNT, 100 },
	{ "thousand", NU_CARD | NU_COUNT, 1000 },
	{ "dozen", NU_COUNT, 12 }, { "dozens", NU_COUNT, 12 },
	{ "hundreds", NU_COUNT, 100 }, { "thousands", NU_COUNT, 1000 },
};

enum {
	AG_ONE = 1 << 0,        /* LEX_AGREEMENT_NOUN */
	AG_MANY = 1 << 1        /* LEX_AGREEMENT_PLURAL */
};

static const struct S_entry S_agreements[] = {
	{ "agreement", AG_ONE, 0 }, { "agreements", AG_MANY, 0 },
	{ "pact", AG_ONE, 0 }, { "pacts", AG_MANY, 0 },
	{ "treaty", AG_ONE, 0 }, { "treaties", AG_MANY, 0 },
	{ "accord", AG_ONE, 0 }, { "accords", AG_MANY, 0 },
	{ "deal", AG_ONE, 0 }, { "deals", AG_MANY, 0 },
	{ "arrangement", AG_ONE, 0 }, { "arrangements", AG_MANY, 0 },
	{ "memorandum", AG_ONE, 0 }, { "memoranda", AG_MANY, 0 },
	{ "convention", AG_ONE, 0 }, { "conventions", AG_MANY, 0 },
	{ "protocol", AG_ONE, 0 }, { "protocols", AG_MANY, 0 },
};

static const char *const S_other_marks[] = {
	"similar", "other", "another", "earlier", "previous", "separate",
	"interim", "older", "existing", "prior", "parallel", "comparable",
};

/* ---- abbreviations ------------------------------------------------- */

/* Written without their final period; an entry in lower case also
 * matches capitalised ("E.g"). Honorifics are above. */
enum {
	AB_NEVER_END = 1 << 0,  /* LEX_ABBR_NEVER_END */
	AB_NUMBER = 1 << 1,     /* LEX_ABBR_NUMBER */
	AB_ENDABLE = 1 << 2,    /* LEX_ABBR_ENDABLE */
	AB_NAME = 1 << 3        /* LEX_ABBR_NAME */
};

static const struct S_entry S_abbrevs[] = {
	{ "St", AB_NEVER_END | AB_NAME, 0 }, { "Mt", AB_NEVER_END, 0 },
	{ "Ft", AB_NEVER_END, 0 }, { "e.g", AB_NEVER_END, 0 },
	{ "i.e", AB_NEVER_END, 0 }, { "vs", AB_NEVER_END, 0 },
	{ "v", AB_NEVER_END, 0 }, { "viz", AB_NEVER_END, 0 },
	{ "cf", AB_NEVER_END, 0 }, { "approx", AB_NEVER_END, 0 },
	{ "ca", AB_NEVER_END, 0 }, { "incl", AB_NEVER_END, 0 },
	{ "esp", AB_NEVER_END, 0 },
	{ "No", AB_NUMBER, 0 }, { "Nos", AB_NUMBER, 0 },
	{ "Fig", AB_NUMBER, 0 }, { "Figs", AB_NUMBER, 0 },
	{ "Vol", AB_NUMBER, 0 }, { "Vols", AB_NUMBER, 0 },
	{ "Art", AB_NUMBER, 0 }, { "Sec", AB_NUMBER, 0 },
	{ "Ch", AB_NUMBER, 0 }, { "pp", AB_NUMBER, 0 }, { "p", AB_NUMBER, 0 },
	{ "Para", AB_NUMBER, 0 }, { "Ref", AB_NUMBER, 0 },
	{ "Rs", AB_NUMBER, 0 }, { "Op", AB_NUMBER, 0 }, { "Ex", AB_NUMBER, 0 },
	{ "Inc", AB_ENDABLE, 0 }, { "Ltd", AB_ENDABLE, 0 },
	{ "Co", AB_ENDABLE, 0 }, { "Corp", AB_ENDABLE, 0 },
	{ "Bros", AB_ENDABLE, 0 }, { "Plc", AB_ENDABLE, 0 },
	{ "Jr", AB_ENDABLE | AB_NAME, 0 }, { "Sr", AB_ENDABLE | AB_NAME, 0 },
	{ "Dept", AB_ENDABLE, 0 }, { "Univ", AB_ENDABLE, 0 },
	{ "Govt", AB_ENDABLE, 0 }, { "Ave", AB_ENDABLE, 0 },
	{ "Blvd", AB_ENDABLE, 0 }, { "Rd", AB_ENDABLE, 0 },
	{ "etc", AB_ENDABLE, 0 }, { "al", AB_ENDABLE, 0 },
};

/* ---- the lists ----------------------------------------------------- */

struct S_list {
	const char *name;
	const char *const *words;       /* a plain list, or */
	const struct S_entry *ent;      /* the entries of a table */
	size_t n;
	unsigned tag;                   /* with this tag (0: all) */
};

#define WORDS(nm, a) { nm, a, NULL, NELEM(a), 0 }
#define TAGGED(nm, a, t) { nm, NULL, a, NELEM(a), t }

static const struct S_list S_lists[LEX_NLISTS] = {
	[LEX_SPEECH_VERB] = TAGGED("speech-verb", S_speech, SP_ATTR),
	[LEX_SAY_VERB] = TAGGED("say-verb", S_speech, SP_SAY),
	[LEX_QUOTE_VERB] = TAGGED("quote-verb", S_speech, SP_QUOTE),
	[LEX_SPEECH_ADVERB] = WORDS("speech-adverb", S_speech_adverbs),
	[LEX_AUDIENCE] = WORDS("audience", S_audience),
	[LEX_OPINION_NOUN] = WORDS("opinion-noun", S_opinion_nouns),
	[LEX_HONORIFIC] = TAGGED("honorific", S_honorifics, HN_NAME),
	[LEX_HONORIFIC_ABBR] = TAGGED("honorific-abbr", S_honorifics, HN_ABBR),
	[LEX_TITLE] = TAGGED("title", S_titles, TI_ROLE),
	[LEX_TITLE_ADJ] = TAGGED("title-adj", S_titles, TI_ADJ),
	[LEX_NAME_PARTICLE] = WORDS("name-particle", S_name_particles),
	[LEX_NAME_CONNECTOR] = WORDS("name-connector", S_name_connectors),
	[LEX_PLACE_FIRST] = WORDS("place-first", S_place_first),
	[LEX_ORG_WORD] = WORDS("org-word", S_org_words),
	[LEX_ORG_NOUN] = WORDS("org-noun", S_org_nouns),
	[LEX_OUTLET_NOUN] = WORDS("outlet-noun", S_outlet_nouns),
	[LEX_SOURCE_NOUN] = WORDS("source-noun", S_source_nouns),
	[LEX_SOURCE_PREP] = WORDS("source-prep", S_source_preps),
	[LEX_STOPWORD] = WORDS("stopword", S_stopwords),
	[LEX_NAME_STOP] = WORDS("name-stop", S_name_stops),
	[LEX_SUBORD] = WORDS("subord", S_subords),
	[LEX_CLAUSE_WORD] = WORDS("clause-word", S_clause_words),
	[LEX_CLAUSE_JOIN] = WORDS("clause-join", S_clause_joins),
	[LEX_DETERMINER] = TAGGED("determiner", S_determiners, DT_NP),
	[LEX_DATE_DETERMINER] = TAGGED("date-determiner", S_determiners, DT_DATE),
	[LEX_DEFINITE] = TAGGED("definite", S_determiners, DT_DEF),
	[LEX_INDEFINITE] = TAGGED("indefinite", S_determiners, DT_INDEF),
	[LEX_POSSESSIVE] = TAGGED("possessive", S_determiners, DT_POSS),
	[LEX_PERSONAL_PRONOUN] = WORDS("personal-pronoun", S_personal_pronouns),
	[LEX_ANAPHOR] = WORDS("anaphor", S_anaphors),
	[LEX_BACK_PRONOUN] = WORDS("back-pronoun", S_back_pronouns),
	[LEX_BACK_DEMONSTRATIVE] = WORDS("back-demonstrative", S_back_demonstratives),
	[LEX_SENTENCE_STARTER] = WORDS("sentence-starter", S_starters),
	[LEX_LINK_OPENER] = WORDS("link-opener", S_link_openers),
	[LEX_TEMPORAL_SUB] = WORDS("temporal-sub", S_temporal_subs),
	[LEX_CONDITIONAL] = WORDS("conditional", S_conditionals),
	[LEX_NEGATION] = WORDS("negation", S_negations),
	[LEX_NOT_YET] = WORDS("not-yet", S_not_yet),
	[LEX_MODAL] = WORDS("modal", S_modals),
	[LEX_PAST_AUX] = WORDS("past-aux", S_past_aux),
	[LEX_PROSPECTIVE] = WORDS("prospective", S_prospective),
	[LEX_FUTURE_CUE] = WORDS("future-cue", S_future_cues),
	[LEX_PAST_CUE] = WORDS("past-cue", S_past_cues),
	[LEX_ED_NOT_PAST] = WORDS("ed-not-past", S_ed_not_past),
	[LEX_SCHEDULE_VERB] = WORDS("schedule-verb", S_schedule_verbs),
	[LEX_PLAN_VERB] = WORDS("plan-verb", S_plan_verbs),
	[LEX_PLAN_PARTICIPLE] = WORDS("plan-participle", S_plan_participles),
	[LEX_MONTH] = TAGGED("month", S_months, MO_FULL),
	[LEX_MONTH_ABBR] = TAGGED("month-abbr", S_months, MO_ABBR),
	[LEX_WEEKDAY] = TAGGED("weekday", S_weekdays, WD_FULL),
	[LEX_WEEKDAY_ABBR] = TAGGED("weekday-abbr", S_weekdays, WD_ABBR),
	[LEX_DAY_WORD] = WORDS("day-word", S_day_words),
	[LEX_TIME_UNIT] = TAGGED("time-unit", S_time_units, 0),
	[LEX_MONTH_INTRO] = TAGGED("month-intro", S_date_context, DC_MONTH_INTRO),
	[LEX_YEAR_INTRO] = TAGGED("year-intro", S_date_context, DC_YEAR_INTRO),
	[LEX_MONTH_MOD] = TAGGED("month-mod", S_date_context, DC_MONTH_MOD),
	[LEX_YEAR_MOD] = TAGGED("year-mod", S_date_context, DC_YEAR_MOD),
	[LEX_MONTH_OF_HEAD] = TAGGED("month-of-head", S_date_context, DC_MONTH_OF),
	[LEX_YEAR_OF_HEAD] = TAGGED("year-of-head", S_date_context, DC_YEAR_OF),
	[LEX_AFTER_YEAR] = WORDS("after-year", S_after_year),
	[LEX_EVENT_NOUN] = WORDS("event-noun", S_event_nouns),
	[LEX_MAY_NAME_CUE] = TAGGED("may-name-cue", S_honorifics, 0),
	[LEX_CARDINAL] = TAGGED("cardinal", S_numbers, NU_CARD),
	[LEX_COUNT_WORD] = TAGGED("count-word", S_numbers, NU_COUNT),
	[LEX_AGREEMENT_NOUN] = TAGGED("agreement-noun", S_agreements, AG_ONE),
	[LEX_AGREEMENT_PLURAL] = TAGGED("agreement-plural", S_agreements, AG_MANY),
	[LEX_OTHER_MARK] = WORDS("other-mark", S_other_marks),
	[LEX_ABBR_NEVER_END] = TAGGED("abbr-never-end", S_abbrevs, AB_NEVER_END),
	[LEX_ABBR_NUMBER] = TAGGED("abbr-number", S_abbrevs, AB_NUMBER),
	[LEX_ABBR_ENDABLE] = TAGGED("abbr-endable", S_abbrevs, AB_ENDABLE),
	[LEX_ABBR_NAME] = TAGGED("abbr-name", S_abbrevs, AB_NAME),
};

/* Entry i of list l's source (words or table), whether it is in l. */
static int
S_member(const struct S_list *l, size_t i, const char **w, int *v)
{
	if (l->words != NULL) {
		*w = l->words[i];
		*v = 1;
		return 1;
	}
	*w = l->ent[i].w;
	*v = l->ent[i].v ? l->ent[i].v : 1;
	return l->tag == 0 || (l->ent[i].tags & l->tag) != 0;
}

/* ---- the hash table ------------------------------------------------ */

#define S_MAXWORD 32            /* longest entry (checked when built) */

struct S_slot {
	const char *w;          /* NULL: empty */
	unsigned len;
	int list, value;
};

static struct {
	struct S_slot *slot;
	size_t mask;            /* slots - 1 (a power of two) */
	size_t longest;
	/* a quick no: per list, the word lengths (bit n, up to 63) and
	 * the folded first bytes (bit b) of its words */
	uint64_t lens[LEX_NLISTS];
	uint64_t first[LEX_NLISTS][4];
} S_tab;

static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static int
S_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* FNV-1a over the list number and the folded word. */
static uint32_t
S_hash(int list, const char *w, size_t n)
{
	uint32_t h = 2166136261u;

	h = (h ^ (uint32_t)list) * 16777619u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint32_t)S_lower((unsigned char)w[i])) * 16777619u;
	return h;
}

static int
S_fold_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (S_lower((unsigned char)a[i]) != S_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

static void
S_build(void)
{
	size_t total = 0, cap = 64;

	for (int l = 0; l < LEX_NLISTS; l++)
		total += S_lists[l].n;
	while (cap < 2 * total)
		cap *= 2;
	S_tab.slot = calloc(cap, sizeof *S_tab.slot);
	if (S_tab.slot == NULL)
		abort();
	S_tab.mask = cap - 1;
	for (int l = 0; l < LEX_NLISTS; l++) {
		const struct S_list *li = &S_lists[l];

		if (li->name == NULL)
			abort();        /* a list without words */
		for (size_t i = 0; i < li->n; i++) {
			const char *w;
			int v;
			size_t n, k;

			if (!S_member(li, i, &w, &v))
				continue;
			n = strlen(w);
			if (n > S_MAXWORD)
				abort();
			if (n > S_tab.longest)
				S_tab.longest = n;
			k = S_hash(l, w, n) & S_tab.mask;
			while (S_tab.slot[k].w != NULL)
				k = (k + 1) & S_tab.mask;
			S_tab.slot[k] = (struct S_slot){ w, (unsigned)n, l, v };
			unsigned b = (unsigned)S_lower((unsigned char)w[0]);
			S_tab.lens[l] |= 1ull << (n < 63 ? n : 63);
			S_tab.first[l][b >> 6] |= 1ull << (b & 63);
		}
	}
}

static int
S_match(const char *e, const char *w, size_t n, enum lex_case c)
{
	switch (c) {
	case LEX_FOLD:
		return 1;               /* the folded bytes are equal */
	case LEX_CAP:
		if (e[0] >= 'a' && e[0] <= 'z' && w[0] == e[0] - 32 &&
		    memcmp(w + 1, e + 1, n - 1) == 0)
			return 1;
		return memcmp(w, e, n) == 0;
	default:
		return memcmp(w, e, n) == 0;
	}
}

int
lex_find(enum lex_list l, const char *w, size_t n, enum lex_case c)
{
	size_t k;

	if (w == NULL || n == 0 || (unsigned)l >= LEX_NLISTS)
		return 0;
	pthread_once(&S_once, S_build);
	if (n > S_tab.longest)
		return 0;
	unsigned b = (unsigned)S_lower((unsigned char)w[0]);
	if (!(S_tab.lens[l] >> (n < 63 ? n : 63) & 1) ||
	    !(S_tab.first[l][b >> 6] >> (b & 63) & 1))
		return 0;
	for (k = S_hash((int)l, w, n) & S_tab.mask; S_tab.slot[k].w != NULL;
	    k = (k + 1) & S_tab.mask) {
		const struct S_slot *s = &S_tab.slot[k];

		if (s->list == (int)l && s->len == n && S_fold_eq(s->w, w, n) &&
		    S_match(s->w, w, n, c))
			return s->value;
	}
	return 0;
}

int
lex_is(enum lex_list l, const char *w, size_t n)
{
	return lex_find(l, w, n, LEX_EXACT) != 0;
}

int
lex_is_ci(enum lex_list l, const char *w, size_t n)
{
	return lex_find(l, w, n, LEX_FOLD) != 0;
}

/* ---- months and weekdays ------------------------------------------- */

int
lex_month(const char *w, size_t n, enum lex_case c, int *abbr)
{
	int m = lex_find(LEX_MONTH, w, n, c);

	*abbr = 0;
	if (m == 0 && (m = lex_find(LEX_MONTH_ABBR, w, n, c)) != 0)
		*abbr = 1;
	return m;
}

const char *
lex_month_abbr(int m)
{
	for (size_t i = 0; i < NELEM(S_months); i++)
		if ((S_months[i].tags & MO_ABBR) && S_months[i].v == m)
			return S_months[i].w;
	return NULL;
}

int
lex_weekday_prefix(const char *w, size_t n)
{
	for (size_t i = 0; i < NELEM(S_weekdays); i++)
		if ((S_weekdays[i].tags & WD_FULL) && n <= strlen(S_weekdays[i].w) &&
		    strncasecmp(w, S_weekdays[i].w, n) == 0)
			return S_weekdays[i].v;
	return 0;
}

/* ---- the lists as data --------------------------------------------- */

const char *
lex_name(enum lex_list l)
{
	return (unsigned)l < LEX_NLISTS ? S_lists[l].name : NULL;
}

size_t
lex_size(enum lex_list l)
{
	const char *w;
	size_t k = 0;
	int v;

	if ((unsigned)l >= LEX_NLISTS)
		return 0;
	for (size_t i = 0; i < S_lists[l].n; i++)
		k += (size_t)S_member(&S_lists[l], i, &w, &v);
	return k;
}

const char *
lex_word(enum lex_list l, size_t i, int *value)
{
	const char *w;
	int v;

	if ((unsigned)l >= LEX_NLISTS)
		return NULL;
	for (size_t k = 0; k < S_lists[l].n; k++)
		if (S_member(&S_lists[l], k, &w, &v) && i-- == 0) {
			if (value != NULL)
				*value = v;
			return w;
		}
	return NULL;
}
