/*
 * testutil.h -- helpers shared by the test suites.
 */
#ifndef BRIEF_TESTUTIL_H
#define BRIEF_TESTUTIL_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* Directory of the source tree (BRIEF_TOP, set by make; else "."). */
static inline const char *
test_top(void)
{
	const char *t = getenv("BRIEF_TOP");
	return t && *t ? t : ".";
}

/* Path of the built brief binary (BRIEF_BIN; else build/brief). */
static inline const char *
test_bin(void)
{
	const char *b = getenv("BRIEF_BIN");
	return b && *b ? b : "build/brief";
}

#endif
