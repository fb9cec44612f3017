/*
 * fuzz_dates.c -- the date extractor on arbitrary text, with and
 * without a reference date: every mention inside the text, every date
 * valid.
 */
#include <stdint.h>
#include <string.h>

#include "brief/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
S_check(const struct bdate *d)
{
	if (d->prec == DP_DAY && (d->m < 1 || d->m > 12 || d->d < 1 || d->d > 31))
		__builtin_trap();
	if (d->prec == DP_MONTH && (d->m < 1 || d->m > 12))
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct date_mention m[64];
	struct date_ctx ctx;
	struct bdate d;
	const char *s = (const char *)data;

	memset(&ctx, 0, sizeof ctx);
	for (int pass = 0; pass < 2; pass++) {
		size_t n;

		if (pass == 1)
			ctx.ref = (struct bdate){ 2025, 12, 5, DP_DAY };
		n = dates_find(s, size, &ctx, m, 64);
		for (size_t k = 0; k < n; k++) {
			if (m[k].off > size || m[k].len > size - m[k].off)
				__builtin_trap();
			S_check(&m[k].date);
			S_check(&m[k].end);
		}
	}
	if (dates_parse(s, size, &d) == 0)
		S_check(&d);
	(void)dates_lead(s, size, &d);
	return 0;
}
