/*
 * hyphen.h -- where a word may be hyphenated: libhyphen with Debian's
 * hyphen-en-us patterns (TeX's US English patterns, UTF-8).
 *
 * A word is looked up lower-cased and without the punctuation around
 * it (quotes, brackets, commas, a possessive 's); the points come back
 * as byte offsets into the word as given. Left and right minimums are
 * TeX's for English: 2 and 3 letters. Never hyphenated: words of fewer
 * than 5 letters, words with digits ("S-400"), all-caps acronyms
 * ("RELOS"), words with other inner punctuation ("U.S.", "a/b").
 * Words that already contain a hyphen ("long-term") only break after
 * it, adding nothing. Capitalised words are hyphenated, with their
 * points marked HYPHEN_PROPER so that the caller can prefer not to.
 *
 * Ownership: hyphen_open's handle is the caller's (hyphen_close).
 * hyphen_shared's handle belongs to this module: loaded once per
 * process, released at exit.
 */
#ifndef BRIEF_HYPHEN_H
#define BRIEF_HYPHEN_H

#include <stddef.h>

#include "brief/base.h"

/* The dictionary hyphen_open(NULL, ...) tries first; then the same file
 * name in the standard directories (/usr/share/hyphen and others). */
#ifndef BRIEF_HYPHEN_DICT
#define BRIEF_HYPHEN_DICT "/usr/share/hyphen/hyph_en_US.dic"
#endif

#define HYPHEN_LEFTMIN   2   /* letters before a hyphenation point */
#define HYPHEN_RIGHTMIN  3   /* letters after it */
#define HYPHEN_MINWORD   5   /* shorter words are never hyphenated */
#define HYPHEN_MAXWORD   64  /* longer ones neither (bytes, hostile input) */

/* Values in hyphen_points' out[]: a break is allowed before that byte. */
enum {
	HYPHEN_NONE = 0,
	HYPHEN_SOFT = 1,     /* a discretionary hyphen: add "-" when broken */
	HYPHEN_EXPLICIT = 2, /* after a hyphen in the text: add nothing */
	HYPHEN_PROPER = 4    /* with HYPHEN_SOFT: in a capitalised word */
};

struct hyphen;

/* Load the patterns at path (NULL: BRIEF_HYPHEN_DICT, then the standard
 * directories). The dictionary must be UTF-8. Returns 0 and *h, or -1
 * with err filled. */
int hyphen_open(const char *path, struct hyphen **h, struct brief_err *err);
void hyphen_close(struct hyphen *h);

/* The default dictionary, loaded on first use and kept for the rest of
 * the run. Returns 0 and *h, or -1 with err filled (and again on every
 * later call: the load is not retried). */
int hyphen_shared(struct hyphen **h, struct brief_err *err);

/* Mark where word[0..n) (UTF-8, not NUL-terminated) may break: out
 * (room for n bytes) gets, per byte offset i, HYPHEN_NONE or a break
 * before byte i as above. Returns the number of points. Malformed
 * UTF-8 gives no points. */
size_t hyphen_points(struct hyphen *h, const char *word, size_t n,
	unsigned char *out);

#endif
