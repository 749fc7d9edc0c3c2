/*
 * test_writer.c: the group-commit writer (app/core/writer.c). Jobs that
 * wait together are committed in one transaction; a job that fails is
 * undone alone and the rest are saved; a saved job is there for any
 * other connection when its owner is told; a job whose owner went away
 * is still done and comes back marked as an orphan; while another
 * worker's writer has its turn, jobs gather and then share one commit;
 * the log is emptied when asked, once no reader is in it.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "unitdb.h"

#include "writer.h"

UNITDB_GROUP("/tmp/portal-writer-XXXXXX")

#define NJOBS	24

static pthread_mutex_t	 mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 cond = PTHREAD_COND_INITIALIZER;
static int		 told;

static void
notify(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mtx);
	told++;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&mtx);
}

struct row {
	struct writer_job	 job;
	int64_t			 n;
	int			 fail;	/* then the job breaks a rule */
};

static int
insert_row(struct db *wdb, void *arg)
{
	struct row	*r = arg;

	if (db_exec(wdb, "INSERT INTO writer_rows (n) VALUES (?1)", "i",
	    r->n) != 0)
		return (-1);
	/* A job that fails after writing: its row must go too. */
	if (r->fail && db_exec(wdb, "INSERT INTO writer_rows (n) "
	    "VALUES (?1)", "i", r->n) != 0)
		return (-1);
	return (0);
}

/* n jobs, each inserting one number: first, first + 1, ... */
static void
rows_init(struct row *rows, int n, int64_t first)
{
	int	 i;

	memset(rows, 0, n * sizeof(*rows));
	for (i = 0; i < n; i++) {
		rows[i].job.run = insert_row;
		rows[i].job.arg = &rows[i];
		rows[i].n = first + i;
	}
}

/* Wait until n jobs have come back; they are appended to out. */
static void
collect(struct writer *w, struct writer_jobs *out, int n)
{
	struct writer_job	*j;
	int			 got;

	for (;;) {
		writer_take_done(w, out);
		got = 0;
		TAILQ_FOREACH(j, out, list)
			got++;
		if (got >= n)
			return;
		pthread_mutex_lock(&mtx);
		while (told == 0)
			pthread_cond_wait(&cond, &mtx);
		told = 0;
		pthread_mutex_unlock(&mtx);
	}
}

static struct writer *
start(void)
{
	struct writer	*w;
	char		 path[128], err[256];

	assert_int_equal(db_exec(db, "CREATE TABLE IF NOT EXISTS writer_rows "
	    "(n INTEGER NOT NULL UNIQUE)", ""), 0);
	assert_int_equal(db_exec(db, "DELETE FROM writer_rows", ""), 0);
	(void)snprintf(path, sizeof(path), "%s/unit.db", unitdb_dir);
	w = writer_new(path, notify, NULL, err, sizeof(err));
	assert_non_null(w);
	return (w);
}

static void
waiting_jobs_share_one_commit_and_a_bad_one_fails_alone(void **state)
{
	struct writer		*w;
	struct writer_jobs	 done;
	struct row		 rows[NJOBS];
	char			 logpath[160], logtext[4096];
	FILE			*fp;
	int64_t			 n;
	int			 i, saved, failed, saved_err, fd;

	(void)state;
	w = start();
	writer_hold(w, 1);
	rows_init(rows, NJOBS, 1);
	rows[NJOBS / 2].fail = 1;
	for (i = 0; i < NJOBS; i++)
		writer_submit(w, &rows[i].job);
	/* Held: nothing runs, nothing is written. */
	assert_int_equal(writer_batches(w), 0);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM writer_rows",
	    ""), 1);
	assert_int_equal(n, 0);
	/* The server's log (stderr) is read below. */
	(void)snprintf(logpath, sizeof(logpath), "%s/writer.log", unitdb_dir);
	fflush(stderr);
	assert_true((saved_err = dup(2)) != -1);
	assert_true((fd = open(logpath, O_CREAT | O_WRONLY | O_TRUNC, 0600)) !=
	    -1);
	assert_int_equal(dup2(fd, 2), 2);
	writer_hold(w, 0);
	TAILQ_INIT(&done);
	collect(w, &done, NJOBS);
	fflush(stderr);
	assert_int_equal(dup2(saved_err, 2), 2);
	close(fd);
	close(saved_err);
	/* What SQLite said is in the log (a full disk or a read-only file
	 * would be said the same way), and nothing of the job's data. */
	assert_non_null(fp = fopen(logpath, "r"));
	logtext[fread(logtext, 1, sizeof(logtext) - 1, fp)] = '\0';
	fclose(fp);
	assert_non_null(strstr(logtext, "portal writer: a write failed: "
	    "UNIQUE constraint failed: writer_rows.n"));

	/* Every job that waited went in one transaction. */
	assert_int_equal(writer_batches(w), 1);
	saved = failed = 0;
	for (i = 0; i < NJOBS; i++) {
		assert_int_equal(rows[i].job.orphan, 0);
		if (rows[i].fail) {
			assert_int_equal(rows[i].job.result, WRITER_FAILED);
			failed++;
		} else {
			assert_int_equal(rows[i].job.result, WRITER_SAVED);
			saved++;
		}
	}
	assert_int_equal(failed, 1);
	/* Told: another connection sees every saved row, and not the
	 * failed job's first row. */
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM writer_rows",
	    ""), 1);
	assert_int_equal(n, saved);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM writer_rows "
	    "WHERE n = ?1", "i", (int64_t)(NJOBS / 2 + 1)), 1);
	assert_int_equal(n, 0);
	writer_free(w);
}

static void
a_job_whose_owner_went_away_is_still_saved(void **state)
{
	struct writer		*w;
	struct writer_jobs	 done;
	struct row		 r;
	int64_t			 n;

	(void)state;
	w = start();
	writer_hold(w, 1);
	memset(&r, 0, sizeof(r));
	r.job.run = insert_row;
	r.job.arg = &r;
	r.n = 7;
	writer_submit(w, &r.job);
	/* Still the writer's: not to be freed yet. */
	assert_int_equal(writer_forget(w, &r.job), 0);
	writer_hold(w, 0);
	TAILQ_INIT(&done);
	collect(w, &done, 1);
	assert_ptr_equal(TAILQ_FIRST(&done), &r.job);
	assert_int_equal(r.job.orphan, 1);
	assert_int_equal(r.job.result, WRITER_SAVED);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM writer_rows "
	    "WHERE n = 7", ""), 1);
	assert_int_equal(n, 1);
	/* Once back, its owner may free it at once. */
	assert_int_equal(writer_forget(w, &r.job), 1);
	writer_free(w);
}

/* A reader's job: counts how often it ran, and what it read. */
static int	 reads_run;

static int
read_rows(struct db *rdb, void *arg)
{
	struct row	*r = arg;

	reads_run++;
	return (db_int(rdb, &r->n, "SELECT count(*) FROM writer_rows", "") ==
	    1 ? 0 : -1);
}

/*
 * A reader runs each job in its own read transaction. One whose asker
 * went away before it started is not run at all: the next is answered
 * without waiting for it.
 */
static void
a_read_nobody_wants_is_not_run(void **state)
{
	struct writer		*w;
	struct writer_jobs	 done;
	struct row		 gone, wanted;
	char			 path[128], err[256];

	(void)state;
	assert_int_equal(db_exec(db, "CREATE TABLE IF NOT EXISTS writer_rows "
	    "(n INTEGER NOT NULL UNIQUE)", ""), 0);
	assert_int_equal(db_exec(db, "DELETE FROM writer_rows", ""), 0);
	assert_int_equal(db_exec(db, "INSERT INTO writer_rows (n) VALUES (1), "
	    "(2)", ""), 0);
	(void)snprintf(path, sizeof(path), "%s/unit.db", unitdb_dir);
	w = writer_new_reader(path, notify, NULL, err, sizeof(err));
	assert_non_null(w);
	reads_run = 0;
	writer_hold(w, 1);
	memset(&gone, 0, sizeof(gone));
	memset(&wanted, 0, sizeof(wanted));
	gone.job.run = wanted.job.run = read_rows;
	gone.job.arg = &gone;
	wanted.job.arg = &wanted;
	writer_submit(w, &gone.job);
	writer_submit(w, &wanted.job);
	/* Not started: dropped, and its asker may free it now. */
	assert_int_equal(writer_forget(w, &gone.job), 1);
	writer_hold(w, 0);
	TAILQ_INIT(&done);
	collect(w, &done, 1);
	assert_ptr_equal(TAILQ_FIRST(&done), &wanted.job);
	assert_null(TAILQ_NEXT(&wanted.job, list));
	assert_int_equal(wanted.job.result, WRITER_SAVED);
	assert_int_equal(wanted.n, 2);
	assert_int_equal(reads_run, 1);
	writer_free(w);
}

static void
jobs_sent_one_by_one_are_each_saved(void **state)
{
	struct writer		*w;
	struct writer_jobs	 done;
	struct row		 rows[3];
	int			 i;

	(void)state;
	w = start();
	rows_init(rows, 3, 100);
	for (i = 0; i < 3; i++) {
		writer_submit(w, &rows[i].job);
		TAILQ_INIT(&done);
		collect(w, &done, 1);
		assert_int_equal(rows[i].job.result, WRITER_SAVED);
	}
	assert_int_equal(writer_batches(w), 3);
	writer_free(w);
}

/* Take or give up the writers' turn, as another worker's writer would. */
static void
other_writer(int fd, short type)
{
	struct flock	 fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	assert_int_equal(fcntl(fd, F_OFD_SETLK, &fl), 0);
}

static void
jobs_gather_while_another_writer_has_its_turn(void **state)
{
	struct writer		*w;
	struct writer_jobs	 done;
	struct row		 rows[NJOBS];
	struct timespec		 ms = { 0, 2 * 1000 * 1000 };
	char			 path[160];
	int64_t			 n;
	int			 i, fd;

	(void)state;
	w = start();
	(void)snprintf(path, sizeof(path), "%s/unit.db-writer", unitdb_dir);
	assert_true((fd = open(path, O_RDWR | O_CLOEXEC)) != -1);
	other_writer(fd, F_WRLCK);
	rows_init(rows, NJOBS, 200);
	/* Sent one by one, as requests come: the writer is awake from the
	 * first, and waits for its turn. */
	for (i = 0; i < NJOBS; i++) {
		writer_submit(w, &rows[i].job);
		(void)nanosleep(&ms, NULL);
	}
	assert_int_equal(writer_batches(w), 0);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM writer_rows",
	    ""), 1);
	assert_int_equal(n, 0);
	other_writer(fd, F_UNLCK);
	TAILQ_INIT(&done);
	collect(w, &done, NJOBS);
	assert_int_equal(writer_batches(w), 1);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM writer_rows",
	    ""), 1);
	assert_int_equal(n, NJOBS);
	close(fd);
	writer_free(w);
}

static off_t
log_size(void)
{
	struct stat	 st;
	char		 path[160];

	(void)snprintf(path, sizeof(path), "%s/unit.db-wal", unitdb_dir);
	return (stat(path, &st) == 0 ? st.st_size : -1);
}

static void
the_log_is_emptied_once_no_reader_is_in_it(void **state)
{
	struct writer		*w;
	struct writer_jobs	 done;
	struct row		 rows[2];
	struct db		*rd;
	struct timespec		 ms = { 0, 10 * 1000 * 1000 };
	char			 path[128], err[256];
	int64_t			 n;
	int			 i;

	(void)state;
	w = start();
	rows_init(rows, 2, 300);
	writer_submit(w, &rows[0].job);
	TAILQ_INIT(&done);
	collect(w, &done, 1);
	assert_true(log_size() > 0);
	/* A reader in the middle of reading what is in the log. */
	(void)snprintf(path, sizeof(path), "%s/unit.db", unitdb_dir);
	assert_int_equal(db_open(&rd, path, err, sizeof(err)), 0);
	assert_int_equal(db_read_begin(rd), 0);
	assert_int_equal(db_int(rd, &n, "SELECT count(*) FROM writer_rows",
	    ""), 1);
	writer_empty_log(w);
	for (i = 0; i < 20; i++)
		(void)nanosleep(&ms, NULL);
	assert_true(log_size() > 0);
	/* Meanwhile the writer still writes. */
	writer_submit(w, &rows[1].job);
	collect(w, &done, 2);
	assert_int_equal(rows[1].job.result, WRITER_SAVED);
	db_read_end(rd);
	for (i = 0; i < 200 && log_size() != 0; i++)
		(void)nanosleep(&ms, NULL);
	assert_int_equal(log_size(), 0);
	db_close(rd);
	writer_free(w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    waiting_jobs_share_one_commit_and_a_bad_one_fails_alone),
		cmocka_unit_test(a_job_whose_owner_went_away_is_still_saved),
		cmocka_unit_test(jobs_sent_one_by_one_are_each_saved),
		cmocka_unit_test(a_read_nobody_wants_is_not_run),
		cmocka_unit_test(jobs_gather_while_another_writer_has_its_turn),
		cmocka_unit_test(the_log_is_emptied_once_no_reader_is_in_it),
	};

	return (cmocka_run_group_tests_name("writer", tests, setup,
	    teardown));
}
