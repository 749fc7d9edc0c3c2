/*
 * writer.c: one writer thread per process, group commit.
 *
 * With synchronous=FULL every commit waits for the disk, and a Kore
 * worker that commits in its event loop (or waits there for the other
 * worker's write lock) stalls every connection it holds. Here writes
 * are jobs. A thread with its own connection takes every job waiting,
 * runs them all in one BEGIN IMMEDIATE ... COMMIT, each inside its own
 * savepoint (a job that fails is undone alone, the rest still commit),
 * and hands them back only once COMMIT has returned: in WAL mode with
 * synchronous=FULL that is after the log is synced, so a job reported
 * saved is on the disk. One sync is shared by the whole batch: while it
 * runs, the next batch gathers.
 *
 * Between processes SQLite's own write lock keeps writes apart, but a
 * writer that finds it taken can only poll for it (db.c), and a commit
 * is over long before the poll looks again. So the writers of all the
 * workers also take turns on an open-file lock on "<database>-writer":
 * a writer waiting there sleeps in the kernel and wakes the moment the
 * other lets go, with everything that arrived meanwhile in its batch.
 * Other writers (portalctl, the event loop's few writes) only use
 * SQLite's lock, which still decides; this one only orders the queue.
 *
 * A job may fail in a way that undoes the whole transaction (SQLite does
 * that on some errors, e.g. a full disk): then that job is failed and
 * the others are run again in a new transaction, so they are still
 * either saved or reported failed, never half-written.
 *
 * This file knows nothing of Kore: whoever submits is told through the
 * notify callback (called from the writer thread, without the lock) and
 * collects finished jobs with writer_take_done().
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "writer.h"

#define BATCH_MAX	512	/* jobs in one transaction, at most */
/*
 * Log pages (16 MiB) before the log is copied back: four times SQLite's
 * default. A copy writes each page changed since the last once, and the
 * same few pages (the ends of the views, audit and attempts indexes)
 * change in every batch: copied a quarter as often, a quarter of that
 * work, and POST /views/new saved about 6% more a second (bench).
 */
#define CHECKPOINT_AT	4000
/*
 * Log pages added between two copies once past CHECKPOINT_AT. Under
 * steady writes a reader is nearly always in the log, so it is never
 * all copied and stays past the line: without a step, a copy (and its
 * sync of the database file) followed every sixth batch or so.
 */
#define CHECKPOINT_STEP	1000
#define RESTART_AT	16384	/* log pages (64 MiB): start it again */

enum { JOB_PENDING = 1, JOB_RUNNING, JOB_DONE, JOB_TAKEN };

struct writer {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	struct db		*db;
	int			 turn_fd;	/* "<database>-writer", or -1 */
	int			 reader;	/* writer_new_reader() */
	struct writer_jobs	 pending;
	struct writer_jobs	 done;
	int			 stop;
	int			 hold;
	unsigned int		 pause_ms;
	uint64_t		 batches;
	int			 wal_pages;	/* in the log after our commit */
	int			 copied_at;	/* wal_pages at the last copy */
	int			 empty_log;	/* asked to: writer_empty_log() */
	void			(*notify)(void *);
	void			*notify_arg;
};

/*
 * What SQLite said when a write failed (a full disk, a read-only file),
 * to the server's log: said now, before a rollback resets it. A job that
 * refused on its own leaves no SQLite error and is not logged. Never a
 * job's data: SQLite's messages name tables and columns only.
 */
static void
log_failure(struct writer *w, const char *what)
{
	int	 code;

	code = sqlite3_extended_errcode(db_handle(w->db));
	if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE)
		return;
	fprintf(stderr, "portal writer: %s failed: %s (%d)\n", what,
	    db_errmsg(w->db), code);
}

/* One job in its own savepoint. 0 kept, -1 undone. */
static int
run_one(struct writer *w, struct writer_job *j)
{
	if (db_begin(w->db) == -1) {
		log_failure(w, "a savepoint");
		return (-1);
	}
	if (j->run(w->db, j->arg) == 0 && db_commit(w->db) == 0)
		return (0);
	log_failure(w, "a write");
	db_rollback(w->db);
	return (-1);
}

/* Every job of batch that is not failed yet gets result r. */
static void
settle(struct writer_jobs *batch, int from, int to)
{
	struct writer_job	*j;

	TAILQ_FOREACH(j, batch, list)
		if (j->result == from)
			j->result = to;
}

/*
 * Run a batch to its end: every job WRITER_SAVED or WRITER_FAILED. 1
 * when something was committed.
 */
static int
run_batch(struct writer *w, struct writer_jobs *batch)
{
	struct writer_job	*j;
	int			 again;

	do {
		again = 0;
		settle(batch, WRITER_SAVED, WRITER_QUEUED);
		if (db_begin(w->db) == -1) {
			log_failure(w, "a batch's start");
			settle(batch, WRITER_QUEUED, WRITER_FAILED);
			return (0);
		}
		TAILQ_FOREACH(j, batch, list) {
			if (j->result == WRITER_FAILED)
				continue;
			j->result = run_one(w, j) == 0 ? WRITER_SAVED :
			    WRITER_FAILED;
			/* The whole transaction went with it: again,
			 * without this job. */
			if (sqlite3_get_autocommit(db_handle(w->db))) {
				j->result = WRITER_FAILED;
				db_rollback(w->db);
				again = 1;
				break;
			}
		}
	} while (again);
	if (db_commit(w->db) == -1) {
		log_failure(w, "a batch's commit");
		settle(batch, WRITER_SAVED, WRITER_FAILED);
		return (0);
	}
	return (1);
}

/*
 * A reader's job: in a read transaction of its own, so it reads the
 * newest data and holds no snapshot between jobs.
 */
static void
run_read(struct writer *w, struct writer_job *j)
{
	(void)db_read_begin(w->db);
	j->result = j->run(w->db, j->arg) == 0 ? WRITER_SAVED : WRITER_FAILED;
	db_read_end(w->db);
}

/* After each of our commits: how long the log is now. */
static int
wal_grew(void *arg, sqlite3 *h, const char *name, int pages)
{
	struct writer	*w = arg;

	(void)h;
	(void)name;
	w->wal_pages = pages;
	return (SQLITE_OK);
}

/*
 * Copy the log back into the database once it is long. SQLite would do
 * this inside the COMMIT that crossed the line, so every job of that
 * batch would wait for it; here it runs after they are answered, while
 * the next batch gathers. PASSIVE: it never waits for a reader or the
 * other worker's writer, and what it cannot copy now is copied next time.
 * But while the other writer keeps adding to it the log is never all
 * copied, so never started again: past RESTART_AT it waits for that.
 */
static void
checkpoint(struct writer *w)
{
	/* Shorter than at the last copy: the log was started again. */
	if (w->wal_pages < w->copied_at)
		w->copied_at = 0;
	if (w->wal_pages < CHECKPOINT_AT ||
	    w->wal_pages - w->copied_at < CHECKPOINT_STEP)
		return;
	(void)sqlite3_wal_checkpoint_v2(db_handle(w->db), NULL,
	    w->wal_pages < RESTART_AT ? SQLITE_CHECKPOINT_PASSIVE :
	    SQLITE_CHECKPOINT_RESTART, NULL, NULL);
	w->copied_at = w->wal_pages;
}

/* Wait for the writers' turn (type F_WRLCK), or give it up (F_UNLCK). */
static void
turn(struct writer *w, short type)
{
	struct flock	 fl;

	if (w->turn_fd == -1)
		return;
	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	while (fcntl(w->turn_fd, F_OFD_SETLKW, &fl) == -1 && errno == EINTR)
		;
}

static void
pause_ms(unsigned int ms)
{
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000 * 1000;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/*
 * Empty the log (writer_empty_log), in the writers' turn so that no other
 * worker's writer adds to it meanwhile. Called and left with the lock
 * held; w->empty_log stays set if a reader was still in the log. On any
 * other error it is left to the next copy back (checkpoint()).
 */
static void
try_empty_log(struct writer *w)
{
	int	 rc;

	w->empty_log = 0;
	pthread_mutex_unlock(&w->lock);
	turn(w, F_WRLCK);
	rc = db_empty_log(w->db);
	turn(w, F_UNLCK);
	pthread_mutex_lock(&w->lock);
	if (rc == 0)
		w->wal_pages = w->copied_at = 0;
	else if (rc == 1)
		w->empty_log = 1;
}

/* Sleep (lock held) until woken or ms have passed. */
static void
wait_ms(struct writer *w, unsigned int ms)
{
	struct timespec	 at;

	(void)clock_gettime(CLOCK_REALTIME, &at);
	at.tv_nsec += (long)ms * 1000 * 1000;
	at.tv_sec += at.tv_nsec / (1000 * 1000 * 1000);
	at.tv_nsec %= 1000 * 1000 * 1000;
	(void)pthread_cond_timedwait(&w->cond, &w->lock, &at);
}

static void *
writer_main(void *arg)
{
	struct writer		*w = arg;
	struct writer_jobs	 batch;
	struct writer_job	*j;
	unsigned int		 n, pause;
	int			 committed;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->stop && !w->empty_log &&
		    (w->hold || TAILQ_EMPTY(&w->pending)))
			pthread_cond_wait(&w->cond, &w->lock);
		if (w->empty_log)
			try_empty_log(w);
		if (w->hold || TAILQ_EMPTY(&w->pending)) {
			if (w->stop)
				break;
			/* A reader is still in the log: soon again. */
			if (w->empty_log)
				wait_ms(w, 50);
			continue;
		}
		/* While the other workers' writers have their turn, more
		 * jobs join this batch. */
		pthread_mutex_unlock(&w->lock);
		turn(w, F_WRLCK);
		pthread_mutex_lock(&w->lock);
		TAILQ_INIT(&batch);
		/* A reader answers each job as soon as it is done. */
		for (n = 0; n < (w->reader ? 1 : BATCH_MAX) &&
		    (j = TAILQ_FIRST(&w->pending)) != NULL; n++) {
			TAILQ_REMOVE(&w->pending, j, list);
			j->state = JOB_RUNNING;
			TAILQ_INSERT_TAIL(&batch, j, list);
		}
		pause = w->pause_ms;
		pthread_mutex_unlock(&w->lock);

		if (w->reader) {
			run_read(w, TAILQ_FIRST(&batch));
			committed = 0;
		} else
			committed = run_batch(w, &batch);
		turn(w, F_UNLCK);
		/* Tests only: a kill that lands after the commit and
		 * before anyone is told. */
		if (committed && pause > 0)
			pause_ms(pause);

		pthread_mutex_lock(&w->lock);
		w->batches++;
		while ((j = TAILQ_FIRST(&batch)) != NULL) {
			TAILQ_REMOVE(&batch, j, list);
			j->state = JOB_DONE;
			TAILQ_INSERT_TAIL(&w->done, j, list);
		}
		pthread_mutex_unlock(&w->lock);
		w->notify(w->notify_arg);
		checkpoint(w);
		pthread_mutex_lock(&w->lock);
	}
	pthread_mutex_unlock(&w->lock);
	return (NULL);
}

static struct writer *
start(const char *path, int reader, void (*notify)(void *), void *notify_arg,
    char *err, size_t errlen)
{
	struct writer	*w;
	char		 lock_path[4096];

	if ((w = calloc(1, sizeof(*w))) == NULL)
		abort();
	TAILQ_INIT(&w->pending);
	TAILQ_INIT(&w->done);
	w->notify = notify;
	w->notify_arg = notify_arg;
	w->reader = reader;
	w->turn_fd = -1;
	if (db_open(&w->db, path, err, errlen) == -1) {
		free(w);
		return (NULL);
	}
	if (!reader) {
		/* Without it writers still work, as SQLite's lock decides. */
		(void)snprintf(lock_path, sizeof(lock_path), "%s-writer",
		    path);
		w->turn_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC,
		    0600);
		/* Replaces SQLite's checkpoint inside COMMIT (see
		 * checkpoint()). */
		db_on_commit(w->db, wal_grew, w);
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	if (pthread_create(&w->thread, NULL, writer_main, w) != 0) {
		(void)snprintf(err, errlen, "cannot start the %s thread",
		    reader ? "reader" : "writer");
		pthread_cond_destroy(&w->cond);
		pthread_mutex_destroy(&w->lock);
		if (w->turn_fd != -1)
			close(w->turn_fd);
		db_close(w->db);
		free(w);
		return (NULL);
	}
	return (w);
}

/*
 * A writer on its own connection to the database at path. notify is
 * called from the writer thread each time jobs are done. NULL on error,
 * with err set.
 */
struct writer *
writer_new(const char *path, void (*notify)(void *), void *notify_arg,
    char *err, size_t errlen)
{
	return (start(path, 0, notify, notify_arg, err, errlen));
}

/*
 * The same for long reads (a report built over a year of views): each
 * job alone, in its own read transaction, answered as soon as it is
 * done; result WRITER_SAVED if run() returned 0, else WRITER_FAILED.
 */
struct writer *
writer_new_reader(const char *path, void (*notify)(void *), void *notify_arg,
    char *err, size_t errlen)
{
	return (start(path, 1, notify, notify_arg, err, errlen));
}

/*
 * Stop: jobs already submitted are still run, then the thread ends.
 * Finished jobs not taken are left to their owners (take them first).
 */
void
writer_free(struct writer *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = 1;
	w->hold = 0;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cond);
	pthread_mutex_destroy(&w->lock);
	if (w->turn_fd != -1)
		close(w->turn_fd);
	db_close(w->db);
	free(w);
}

void
writer_submit(struct writer *w, struct writer_job *j)
{
	j->result = WRITER_QUEUED;
	j->orphan = 0;
	pthread_mutex_lock(&w->lock);
	j->state = JOB_PENDING;
	TAILQ_INSERT_TAIL(&w->pending, j, list);
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

/* Move every finished job onto out; they are the caller's again. */
void
writer_take_done(struct writer *w, struct writer_jobs *out)
{
	struct writer_job	*j;

	pthread_mutex_lock(&w->lock);
	while ((j = TAILQ_FIRST(&w->done)) != NULL) {
		TAILQ_REMOVE(&w->done, j, list);
		j->state = JOB_TAKEN;
		TAILQ_INSERT_TAIL(out, j, list);
	}
	pthread_mutex_unlock(&w->lock);
}

/*
 * The job's owner no longer wants its answer. 1: the job is finished and
 * the caller may free it now. 0: the writer still has it; it comes back
 * from writer_take_done() with orphan set, to be freed then. Its work
 * is still done: a request that went away does not undo a write. A
 * reader's job that has not started is dropped instead (1).
 */
int
writer_forget(struct writer *w, struct writer_job *j)
{
	int	 mine;

	pthread_mutex_lock(&w->lock);
	mine = j->state == JOB_DONE || j->state == JOB_TAKEN;
	if (j->state == JOB_DONE)
		TAILQ_REMOVE(&w->done, j, list);
	/* A read nobody wants that has not started is not run: one left
	 * behind would hold up every read queued after it. */
	if (w->reader && j->state == JOB_PENDING) {
		TAILQ_REMOVE(&w->pending, j, list);
		mine = 1;
	}
	if (!mine)
		j->orphan = 1;
	pthread_mutex_unlock(&w->lock);
	return (mine);
}

/*
 * Empty the log file soon (db_empty_log), between batches: someone's
 * words were deleted, and older copies of them may be in it. Tried
 * again every 50 ms while a reader is still in the log.
 */
void
writer_empty_log(struct writer *w)
{
	pthread_mutex_lock(&w->lock);
	w->empty_log = 1;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

/* Transactions committed or tried so far. */
uint64_t
writer_batches(struct writer *w)
{
	uint64_t	 n;

	pthread_mutex_lock(&w->lock);
	n = w->batches;
	pthread_mutex_unlock(&w->lock);
	return (n);
}

/* Tests: while held, jobs gather and none is run. */
void
writer_hold(struct writer *w, int on)
{
	pthread_mutex_lock(&w->lock);
	w->hold = on;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

/* Tests: wait ms after each COMMIT before anyone is told. */
void
writer_pause_after_commit(struct writer *w, unsigned int ms)
{
	pthread_mutex_lock(&w->lock);
	w->pause_ms = ms;
	pthread_mutex_unlock(&w->lock);
}
