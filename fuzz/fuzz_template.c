/*
 * fuzz_template.c -- arbitrary bytes as a template (YAML): a template
 * or a clean error naming a line, never a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "brief/template.h"
#include "brief/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct stemmer *st;
static char path[64];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a;
	struct template t;
	struct brief_err err = { 0 };
	FILE *fp;

	if (st == NULL) {
		st = stemmer_new();
		snprintf(path, sizeof path, "/tmp/brief-fuzz-%ld.yaml", (long)getpid());
	}
	if ((fp = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	a = arena_new();
	if (template_load(a, st, path, &t, &err) != 0 && err.msg[0] == '\0')
		__builtin_trap();   /* a failure always says why */
	arena_free(a);
	return 0;
}
