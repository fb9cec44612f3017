/*
 * test_atomic.c -- outputs are atomic: a run killed at any moment
 * leaves each output the old file or the new one, whole; an output
 * directory that cannot be written, an output path that is a file and
 * a full disk give a clear error and leave the old outputs as they
 * were.
 */
#include "testutil.h"

#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char dir[64];

static const char *const S_outputs[] = { "brief.md", "brief.pdf",
	"brief.html", "brief.json", NULL };

static void
S_setup(void)
{
	ck_assert_ptr_nonnull(test_mkdtemp(dir, sizeof dir, "brief-atomic"));
}

static void
S_teardown(void)
{
	test_cmd(NULL, NULL, "umount '%s/mnt' 2>/dev/null || true", dir);
	test_rmtree(dir);
}

/* Run brief -f all on sources into out; its exit status, output in o. */
static int
S_brief(const char *out, const char *sources, struct buf *o)
{
	struct buf a = { 0 }, cmd = { 0 };
	int rc;

	buf_printf(&a, "-q -f all -t '%s/templates/relos.yaml' -o '%s' %s",
	    test_top(), out, sources);
	if (o != NULL)
		o->n = 0;
	rc = test_run(test_brief_cmd(&cmd, a.p), o);
	buf_free(&a);
	buf_free(&cmd);
	return rc;
}

/* Read file dir/name whole; NULL when absent. */
static char *
S_slurp(const char *d, const char *name, size_t *n)
{
	char path[512];
	FILE *fp;
	char *p;
	long len;

	snprintf(path, sizeof path, "%s/%s", d, name);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	p = xmalloc((size_t)len + 1);
	*n = fread(p, 1, (size_t)len, fp);
	fclose(fp);
	return p;
}

/* Whether file d/name has the bytes of a or b (NULL: absent). */
static int
S_one_of(const char *d, const char *name, const char *a, size_t na,
	const char *b, size_t nb)
{
	size_t n = 0;
	char *p = S_slurp(d, name, &n);
	int ok;

	if (p == NULL)
		return a == NULL || b == NULL;
	ok = (a && n == na && memcmp(p, a, n) == 0) ||
		(b && n == nb && memcmp(p, b, n) == 0);
	free(p);
	return ok;
}

/* Killed at random moments (SIGKILL), a run leaves every output the
 * old one or the new one, whole. Old: the brief of four seeds; new:
 * of all five. */
START_TEST(test_kill_at_random)
{
	char old[512], fresh[512], out[512], four[512], five[512];
	char *a[5], *b[5];
	size_t na[5], nb[5];
	int new_seen = 0, old_seen = 0, runs = 40;
	unsigned seed = 12345;

	snprintf(four, sizeof four, "%s/four", dir);
	snprintf(five, sizeof five, "'%s/seeds'", test_top());
	test_cmd(NULL, NULL, "mkdir -p '%s' && cp '%s/seeds/'*.txt '%s/' && "
	    "rm '%s/'004_*.txt", four, test_top(), four, four);
	snprintf(old, sizeof old, "%s/old", dir);
	snprintf(fresh, sizeof fresh, "%s/new", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	ck_assert_int_eq(S_brief(old, four, NULL), 0);
	test_cmd(NULL, NULL, "cp -r '%s' '%s'", old, fresh);
	ck_assert_int_eq(S_brief(fresh, five, NULL), 0);
	for (int k = 0; S_outputs[k]; k++) {
		a[k] = S_slurp(old, S_outputs[k], &na[k]);
		b[k] = S_slurp(fresh, S_outputs[k], &nb[k]);
		ck_assert_ptr_nonnull(a[k]);
		ck_assert_ptr_nonnull(b[k]);
	}
	for (int r = 0; r < runs; r++) {
		struct buf cmd = { 0 }, args = { 0 };
		pid_t pid;
		long delay;
		int status, done = 1;

		test_cmd(NULL, NULL, "rm -rf '%s' && cp -r '%s' '%s'", out, old, out);
		seed = seed * 1103515245u + 12345u;
		delay = (long)((seed >> 16) % 200) * 1000000L;   /* 0-199 ms */
		buf_printf(&args, "-q -f all -t '%s/templates/relos.yaml' -o '%s' %s",
		    test_top(), out, five);
		test_brief_cmd(&cmd, args.p);
		pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			setpgid(0, 0);
			execl("/bin/sh", "sh", "-c", cmd.p, (char *)NULL);
			_exit(127);
		}
		setpgid(pid, pid);
		nanosleep(&(struct timespec){ 0, delay }, NULL);
		if (waitpid(pid, &status, WNOHANG) == 0) {
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
			done = 0;
		}
		for (int k = 0; S_outputs[k]; k++)
			ck_assert_msg(S_one_of(out, S_outputs[k], a[k], na[k], b[k], nb[k]),
			    "run %d (killed after %ld ms): %s is neither the old nor "
			    "the new one", r, delay / 1000000, S_outputs[k]);
		if (S_one_of(out, "brief.md", b[0], nb[0], NULL, 0))
			new_seen++;
		else
			old_seen++;
		(void)done;
		buf_free(&cmd);
		buf_free(&args);
	}
	fprintf(stderr, "atomic: %d runs killed at random, outputs old %d times, "
	    "new %d times, never torn\n", runs, old_seen, new_seen);
	ck_assert_int_gt(old_seen, 0);   /* some were killed in time */
	for (int k = 0; S_outputs[k]; k++) {
		free(a[k]);
		free(b[k]);
	}
}
END_TEST

/* An output path that is a file, a directory that cannot be made. */
START_TEST(test_bad_output_dirs)
{
	struct buf o = { 0 };
	char path[512];

	snprintf(path, sizeof path, "%s/afile", dir);
	test_cmd(NULL, NULL, "echo x > '%s'", path);
	ck_assert_int_eq(S_brief(path, "seeds", &o), 1);
	ck_assert_msg(strstr(o.p, "afile/brief.md: Not a directory") != NULL ||
	    strstr(o.p, "afile: ") != NULL, "%s", o.p);
	ck_assert_ptr_null(strchr(strchr(o.p, '\n') + 1, '\n'));   /* one line */
	ck_assert_int_eq(S_brief("/proc/brief-out", "seeds", &o), 1);
	ck_assert_ptr_nonnull(strstr(o.p, "/proc/brief-out"));
	buf_free(&o);
}
END_TEST

/* A read-only file system and a full one (tmpfs mounts, when this
 * machine lets the tests mount): a clear error, the old outputs as
 * they were, no temporary file left. */
START_TEST(test_readonly_and_full_disk)
{
	struct buf o = { 0 };
	char mnt[512], out[512], four[512];
	char *before[5];
	size_t nbefore[5];

	snprintf(mnt, sizeof mnt, "%s/mnt", dir);
	snprintf(out, sizeof out, "%s/mnt/out", dir);
	snprintf(four, sizeof four, "%s/four", dir);
	test_cmd(NULL, NULL, "mkdir -p '%s' '%s' && cp '%s/seeds/'*.txt '%s/' && "
	    "rm '%s/'004_*.txt", mnt, four, test_top(), four, four);
	{
		struct buf cmd = { 0 };

		buf_printf(&cmd, "mount -t tmpfs -o size=1m tmpfs '%s' 2>&1", mnt);
		if (test_try_run(cmd.p, NULL) != 0) {
			fprintf(stderr, "atomic: tmpfs cannot be mounted here; "
			    "read-only and full-disk cases not run\n");
			buf_free(&cmd);
			return;
		}
		buf_free(&cmd);
	}
	ck_assert_int_eq(S_brief(out, four, &o), 0);
	for (int k = 0; S_outputs[k]; k++)
		ck_assert_ptr_nonnull(before[k] = S_slurp(out, S_outputs[k], &nbefore[k]));
	/* full: leave less room than the new outputs take */
	test_cmd(NULL, NULL, "dd if=/dev/zero of='%s/fill' bs=1k count=2000 "
	    "2>/dev/null || true", mnt);
	test_cmd(NULL, NULL, "rm -f '%s/fill' && dd if=/dev/zero of='%s/fill' "
	    "bs=1k count=$(( $(df -k --output=avail '%s' | tail -1) - 40 )) "
	    "2>/dev/null || true", mnt, mnt, mnt);
	ck_assert_int_eq(S_brief(out, "seeds", &o), 1);
	ck_assert_msg(strstr(o.p, "No space left on device") != NULL, "%s", o.p);
	for (int k = 0; S_outputs[k]; k++)
		ck_assert(S_one_of(out, S_outputs[k], before[k], nbefore[k], NULL, 0));
	test_cmd(&o, NULL, "ls '%s' | grep -c 'XXXXXX\\|\\.[A-Za-z0-9]\\{6\\}$' || true", out);
	ck_assert_int_eq(atoi(o.p), 0);
	/* read-only */
	test_cmd(NULL, NULL, "rm -f '%s/fill' && mount -o remount,ro '%s'", mnt, mnt);
	ck_assert_int_eq(S_brief(out, "seeds", &o), 1);
	ck_assert_msg(strstr(o.p, "Read-only file system") != NULL, "%s", o.p);
	for (int k = 0; S_outputs[k]; k++) {
		ck_assert(S_one_of(out, S_outputs[k], before[k], nbefore[k], NULL, 0));
		free(before[k]);
	}
	fprintf(stderr, "atomic: full disk and read-only file system: a clear "
	    "error, old outputs kept\n");
	buf_free(&o);
}
END_TEST

Suite *atomic_suite(void);

Suite *
atomic_suite(void)
{
	Suite *s = suite_create("atomic");
	TCase *tc = tcase_create("atomic");

	tcase_add_checked_fixture(tc, S_setup, S_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_kill_at_random);
	tcase_add_test(tc, test_bad_output_dirs);
	tcase_add_test(tc, test_readonly_and_full_disk);
	suite_add_tcase(s, tc);
	return s;
}
