/*
 * test_fuzz.c -- every input in fuzz/regress/TARGET/ (each one a crash
 * or a sanitizer report the fuzzers found, and the seeds of the render
 * target) run through the fuzz targets, built here without libFuzzer:
 * the bugs they found stay fixed.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>

int fuzz_ingest_one(const uint8_t *data, size_t size);
int fuzz_template_one(const uint8_t *data, size_t size);
int fuzz_dates_one(const uint8_t *data, size_t size);
int fuzz_render_one(const uint8_t *data, size_t size);

static const struct {
	const char *name;
	int (*one)(const uint8_t *, size_t);
} S_targets[] = {
	{ "ingest", fuzz_ingest_one }, { "template", fuzz_template_one },
	{ "dates", fuzz_dates_one }, { "render", fuzz_render_one },
};

START_TEST(test_fuzz_regress)
{
	char dir[512];
	DIR *d;
	struct dirent *e;
	int n = 0;

	snprintf(dir, sizeof dir, "%s/fuzz/regress/%s", test_top(),
	    S_targets[_i].name);
	d = opendir(dir);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t len;
		char *p;

		if (e->d_name[0] == '.')
			continue;
		p = test_read(&len, "%s/%s", dir, e->d_name);
		ck_assert_int_eq(S_targets[_i].one((const uint8_t *)p, len), 0);
		free(p);
		n++;
	}
	closedir(d);
	fprintf(stderr, "fuzz/regress/%s: %d inputs\n", S_targets[_i].name, n);
}
END_TEST

Suite *fuzz_suite(void);

Suite *
fuzz_suite(void)
{
	Suite *s = suite_create("fuzz");
	TCase *tc = tcase_create("regress");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_fuzz_regress, 0,
	    (int)(sizeof S_targets / sizeof S_targets[0]));
	suite_add_tcase(s, tc);
	return s;
}
