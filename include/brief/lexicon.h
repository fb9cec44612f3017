/*
 * lexicon.h -- the English word lists: language data only (function
 * words, speech verbs, titles and honorifics, month and weekday names,
 * number words, abbreviations, tense and modality cues), never words
 * about a particular news subject. Each list is held once, here; the
 * stages that read words (segment, dates, quotes, text, score,
 * annotate, select, meta) look them up by name.
 *
 * Several lists are variants of one set of words (the speech verbs
 * quotes.c takes as attribution and the subset an outlet can be the
 * subject of; month names and their abbreviations): each word of such
 * a set is written once, with the lists it belongs to.
 *
 * Lookups are hashed: one open-addressing table over every list, keyed
 * by the ASCII-lower-cased word, built at the first lookup (under
 * pthread_once, so any thread may make it). A lookup compares the
 * word's bytes in one of three ways (enum lex_case). Words are bytes,
 * not NUL-terminated; only ASCII letters fold.
 *
 * Ownership: the lists and the table are static and read-only once
 * built; returned strings are static.
 */
#ifndef BRIEF_LEXICON_H
#define BRIEF_LEXICON_H

#include <stddef.h>

enum lex_case {
	LEX_EXACT,      /* the same bytes */
	LEX_FOLD,       /* ASCII letters in either case: "MAY" is "may" */
	LEX_CAP         /* the same bytes, or an entry written lower-case with
	                 * its first letter capitalised: "Said" is "said" */
};

enum lex_list {
	/* speech */
	LEX_SPEECH_VERB,        /* verbs of attribution: said, told, asked */
	LEX_SAY_VERB,           /* ... an outlet can be the subject of:
	                         * said, reported, wrote */
	LEX_QUOTE_VERB,         /* ... and "continued", after a quoted
	                         * question ("?” he continued") */
	LEX_SPEECH_ADVERB,      /* words between a speaker and the verb:
	                         * also, later, has */
	LEX_AUDIENCE,           /* whom it was told: reporters, viewers */
	LEX_OPINION_NOUN,       /* "in my view/opinion/mind" */

	/* people, bodies, outlets */
	LEX_HONORIFIC,          /* before a name: Mr, Dr, Gen, Sir, Miss */
	LEX_HONORIFIC_ABBR,     /* ... those written with a period: not
	                         * Sir, Dame, Miss */
	LEX_TITLE,              /* roles: minister, spokesperson, analyst */
	LEX_TITLE_ADJ,          /* ... that may qualify a noun: official,
	                         * chief, member */
	LEX_NAME_PARTICLE,      /* inside a name: de, van, bin, al */
	LEX_NAME_CONNECTOR,     /* lower-case words inside a capitalised
	                         * run: of, the, for */
	LEX_PLACE_FIRST,        /* a name starting so is a place: New, North */
	LEX_ORG_WORD,           /* make a capitalised run an organisation,
	                         * place or thing: ministry, bank, treaty */
	LEX_ORG_NOUN,           /* bodies that speak: party, ministry, court */
	LEX_OUTLET_NOUN,        /* agency, newspaper, broadcaster */
	LEX_SOURCE_NOUN,        /* what a report comes from: statement, data */
	LEX_SOURCE_PREP,        /* "a statement from/by/of ..." */

	/* function words */
	LEX_STOPWORD,           /* not content words (text.c's stopwords) */
	LEX_NAME_STOP,          /* capitalised, never a name: The, However */
	LEX_SUBORD,             /* a role before a name never crosses these:
	                         * who, that, is, was, he */
	LEX_CLAUSE_WORD,        /* open a clause: and, but, while, because */
	LEX_CLAUSE_JOIN,        /* join clauses (dates.c): and, which, who */
	LEX_DETERMINER,         /* before a noun phrase: a, the, some, two */
	LEX_DATE_DETERMINER,    /* before "the 2018 deal": the, its, our */
	LEX_DEFINITE,           /* the, this, that */
	LEX_INDEFINITE,         /* a, an */
	LEX_POSSESSIVE,         /* its, his, her, their, our, my, your */
	LEX_PERSONAL_PRONOUN,   /* he, she: a speaker named before */
	LEX_ANAPHOR,            /* a sentence opening so points back: It,
	                         * This, Such */
	LEX_BACK_PRONOUN,       /* point back anywhere in a sentence: they,
	                         * them, it, his (before any name) */
	LEX_BACK_DEMONSTRATIVE, /* these, those */
	LEX_SENTENCE_STARTER,   /* capitalised words that open a sentence */
	LEX_LINK_OPENER,        /* openers that only link: Moreover, In
	                         * addition (before ", ") */
	LEX_TEMPORAL_SUB,       /* after, before, since, until, while */
	LEX_CONDITIONAL,        /* once, if, unless, until */
	LEX_NEGATION,           /* not, never, yet, cannot */
	LEX_NOT_YET,            /* not, yet, still, pending, awaits */

	/* tense and modality */
	LEX_MODAL,              /* can, could, may, must, shall, will */
	LEX_PAST_AUX,           /* was, were, had, been, did */
	LEX_PROSPECTIVE,        /* put the next word in the future: plans,
	                         * expected, pending */
	LEX_FUTURE_CUE,         /* mark a future clause: will, scheduled */
	LEX_PAST_CUE,           /* mark a past clause: was, ago, signed */
	LEX_ED_NOT_PAST,        /* end in -ed, not past: need, hundred */
	LEX_SCHEDULE_VERB,      /* present tense that schedules: arrives */
	LEX_PLAN_VERB,          /* "to X" as a plan: to visit, to sign */
	LEX_PLAN_PARTICIPLE,    /* planned, scheduled, due, set */

	/* time */
	LEX_MONTH,              /* January .. December (value: 1..12) */
	LEX_MONTH_ABBR,         /* Jan .. Dec, May, Sept (value: 1..12) */
	LEX_WEEKDAY,            /* Monday .. Sunday (value: 1..7) */
	LEX_WEEKDAY_ABBR,       /* Mon .. Sun (value: 1..7) */
	LEX_DAY_WORD,           /* today, yesterday, tomorrow, earlier */
	LEX_TIME_UNIT,          /* day(s) 1, week(s) 2, month(s) 3, year(s) 4 */
	LEX_MONTH_INTRO,        /* "in/since/until March" */
	LEX_YEAR_INTRO,         /* "in/by/from/around 2018" */
	LEX_MONTH_MOD,          /* "early/mid/late March" */
	LEX_YEAR_MOD,           /* ... and seasons: "spring 2018" */
	LEX_MONTH_OF_HEAD,      /* "end/start of March" */
	LEX_YEAR_OF_HEAD,       /* "end/half/as of 2018" */
	LEX_AFTER_YEAR,         /* lower-case words that may follow "in 2018" */
	LEX_EVENT_NOUN,         /* "the 2018 deal/election/summit" */
	LEX_MAY_NAME_CUE,       /* before "May", make it a name: the
	                         * honorifics, Theresa, Brian, Minister */

	/* numbers and agreements */
	LEX_CARDINAL,           /* one .. ninety, hundred, thousand (value) */
	LEX_COUNT_WORD,         /* spelled-out counts (not "one"): three,
	                         * dozen, hundreds */
	LEX_AGREEMENT_NOUN,     /* agreement, pact, treaty, deal */
	LEX_AGREEMENT_PLURAL,   /* agreements, pacts, treaties */
	LEX_OTHER_MARK,         /* make a noun another one: similar, earlier */

	/* abbreviations, without their final period */
	LEX_ABBR_NEVER_END,     /* never end a sentence: St, e.g, vs */
	LEX_ABBR_NUMBER,        /* before a number: No, Fig, Rs */
	LEX_ABBR_ENDABLE,       /* may end one: Inc, Ltd, Jr, etc */
	LEX_ABBR_NAME,          /* take their period inside a name: Jr, St */

	LEX_NLISTS
};

/* The value of word w[0..n) in list l, compared as c: 1 for a plain
 * list, the entry's number for LEX_MONTH and the like; 0 when w is not
 * in the list. */
int lex_find(enum lex_list l, const char *w, size_t n, enum lex_case c);

/* lex_find() as a test: exactly, or with ASCII case folded. */
int lex_is(enum lex_list l, const char *w, size_t n);
int lex_is_ci(enum lex_list l, const char *w, size_t n);

/* Month 1..12 named by w (full name or abbreviation), 0 if none;
 * *abbr: 1 when only an abbreviation matched ("Feb", "Sept", not
 * "May"). */
int lex_month(const char *w, size_t n, enum lex_case c, int *abbr);

/* "Jan" .. "Dec" for month m, NULL outside 1..12. */
const char *lex_month_abbr(int m);

/* Weekday 1..7 (Monday first) of which w[0..n), n >= 1, is a prefix in
 * any case ("tue", "Wednes"), 0 if none. */
int lex_weekday_prefix(const char *w, size_t n);

/* The lists as data (for tests): name, size, entry i with its value. */
const char *lex_name(enum lex_list l);
size_t lex_size(enum lex_list l);
const char *lex_word(enum lex_list l, size_t i, int *value);

#endif
