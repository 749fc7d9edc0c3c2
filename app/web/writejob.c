/*
 * writejob.c: writes, and long reads, leave the event loop
 * (app/core/writer.c does them).
 *
 * Each worker has one writer thread with its own SQLite connection,
 * started at the first write (after the worker is locked into its root
 * and sandbox, which the thread inherits). A handler hands it a job and
 * its request sleeps; the writer commits every waiting job at once and
 * writes a byte to a pipe this worker's event loop watches; the loop
 * takes the finished jobs and wakes their requests, which answer
 * "saved" only now that the commit is on the disk. The event loop never
 * waits for SQLite's write lock or for a sync.
 *
 * A long read (the board report over a year of views) goes the same way
 * to a second thread, the reader, with a connection of its own: while
 * it reads, the event loop answers everyone else.
 *
 * The job is the thread's until it is done, whatever happens to the
 * request: a browser that goes away does not undo what it sent, and the
 * job is freed when it comes back (writer_forget()).
 *
 * If a thread cannot start, a job runs here, in the event loop, in its
 * own transaction, as every write did before.
 *
 * PORTAL_TEST_WRITER_PAUSE_MS (set only by tests/http/test_durability.c)
 * makes the writer wait that long after each COMMIT before anyone is
 * told, so a test can kill the server between a commit and its answers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "app.h"
#include "writer.h"

/* A thread and the pipe it wakes this worker's event loop by. */
struct jobq {
	struct kore_event	 evt;	/* first: Kore hands it to woken() */
	int			 reader;
	struct writer		*w;
	int			 broken;
	int			 wake_fd[2];
};

struct write_job {
	struct writer_job	 job;	/* first */
	struct jobq		*q;
	struct http_request	*req;
	void			(*arg_free)(void *);
	int			 done;	/* taken back: result is set */
};

static struct jobq	 writes = { .wake_fd = { -1, -1 } };
static struct jobq	 reads = { .reader = 1, .wake_fd = { -1, -1 } };

static void
job_free(struct write_job *wj)
{
	if (wj->arg_free != NULL)
		wj->arg_free(wj->job.arg);
	free(wj);
}

/* The thread: jobs are done. A full pipe already says so. */
static void
notify(void *arg)
{
	struct jobq	*q = arg;
	char		 c = 0;

	while (write(q->wake_fd[1], &c, 1) == -1 && errno == EINTR)
		;
}

/* The event loop: wake every request whose job is done. */
static void
woken(void *arg, int error)
{
	struct jobq		*q = arg;
	struct writer_jobs	 done;
	struct writer_job	*j;
	struct write_job	*wj;
	char			 buf[64];

	(void)error;
	while (read(q->wake_fd[0], buf, sizeof(buf)) > 0)
		;
	TAILQ_INIT(&done);
	writer_take_done(q->w, &done);
	while ((j = TAILQ_FIRST(&done)) != NULL) {
		TAILQ_REMOVE(&done, j, list);
		wj = (struct write_job *)j;
		if (j->orphan) {
			job_free(wj);
			continue;
		}
		wj->done = 1;
		http_request_wakeup(wj->req);
	}
}

static struct writer *
get_thread(struct jobq *q)
{
	const char	*p, *what;
	char		 err[512];

	if (q->w != NULL || q->broken)
		return (q->w);
	q->broken = 1;
	what = q->reader ? "reader" : "writer";
	if (pipe2(q->wake_fd, O_NONBLOCK | O_CLOEXEC) == -1) {
		kore_log(LOG_ERR, "%s: pipe: %s", what, errno_s);
		return (NULL);
	}
	q->w = q->reader ? writer_new_reader(app_db_path(), notify, q, err,
	    sizeof(err)) : writer_new(app_db_path(), notify, q, err,
	    sizeof(err));
	if (q->w == NULL) {
		kore_log(LOG_ERR, "%s: %s; working in the event loop", what,
		    err);
		close(q->wake_fd[0]);
		close(q->wake_fd[1]);
		return (NULL);
	}
	if (!q->reader && (p = getenv("PORTAL_TEST_WRITER_PAUSE_MS")) != NULL)
		writer_pause_after_commit(q->w, (unsigned int)atoi(p));
	q->evt.type = KORE_TYPE_TASK;
	q->evt.handle = woken;
	kore_platform_event_level_read(q->wake_fd[0], &q->evt);
	q->broken = 0;
	return (q->w);
}

/* The request is gone (answered, or its browser left). */
static void
state_free(struct http_request *req)
{
	struct write_job	**slot, *wj;

	if ((slot = http_state_get(req)) == NULL || (wj = *slot) == NULL)
		return;
	*slot = NULL;
	if (wj->q->w == NULL || writer_forget(wj->q->w, &wj->job))
		job_free(wj);
}

/* In the event loop, when the thread could not start. */
static void
run_here(struct jobq *q, struct write_job *wj)
{
	wj->job.result = WRITER_FAILED;
	if (q->reader) {
		db_read_end(app_db);	/* a page's kept one may be old */
		(void)db_read_begin(app_db);
		if (wj->job.run(app_db, wj->job.arg) == 0)
			wj->job.result = WRITER_SAVED;
		db_read_end(app_db);
	} else if (db_begin(app_db) == 0) {
		if (wj->job.run(app_db, wj->job.arg) == 0 &&
		    db_commit(app_db) == 0)
			wj->job.result = WRITER_SAVED;
		else
			db_rollback(app_db);
	}
	wj->done = 1;
}

static int
job_start(struct jobq *q, struct page *pg, int (*run)(struct db *, void *),
    void *arg, void (*arg_free)(void *))
{
	struct http_request	 *req = pg->req;
	struct write_job	**slot, *wj;
	struct writer		 *w;

	if ((wj = calloc(1, sizeof(*wj))) == NULL)
		fatal("job_start: out of memory");
	wj->job.run = run;
	wj->job.arg = arg;
	wj->q = q;
	wj->req = req;
	wj->arg_free = arg_free;
	slot = http_state_create(req, sizeof(*slot), state_free);
	*slot = wj;
	page_end(pg);
	/* Waiting for a writer that may wait for every snapshot to leave
	 * the log (starting it again): this worker keeps none meanwhile. */
	db_read_end(app_db);
	if ((w = get_thread(q)) != NULL) {
		writer_submit(w, &wj->job);
		http_request_sleep(req);
		return (KORE_RESULT_RETRY);
	}
	/* No thread: here and now; the handler runs again at once. */
	run_here(q, wj);
	return (KORE_RESULT_RETRY);
}

/*
 * Hand run(arg) to the writer; pg's request sleeps until it is done.
 * arg_free frees arg when the job is over (it may outlive the request).
 * Ends the page; returns what the handler returns. The handler, called
 * again, finds the outcome with write_job_result().
 */
int
write_job_start(struct page *pg, int (*run)(struct db *, void *), void *arg,
    void (*arg_free)(void *))
{
	return (job_start(&writes, pg, run, arg, arg_free));
}

/*
 * The same for a long read, on the reader's connection: run() returns 0
 * when it read what it needed (WRITER_SAVED), -1 if not.
 */
int
read_job_start(struct page *pg, int (*run)(struct db *, void *), void *arg,
    void (*arg_free)(void *))
{
	return (job_start(&reads, pg, run, arg, arg_free));
}

/*
 * The job's arg once it is done, *result WRITER_SAVED or WRITER_FAILED;
 * NULL while it runs (then *retry is what the handler returns).
 */
void *
write_job_result(struct http_request *req, int *result, int *retry)
{
	struct write_job	**slot, *wj;

	slot = http_state_get(req);
	wj = *slot;
	if (!wj->done) {
		http_request_sleep(req);
		*retry = KORE_RESULT_RETRY;
		return (NULL);
	}
	*result = wj->job.result;
	return (wj->job.arg);
}

/*
 * Someone's words were deleted: have the writer empty the log file, where
 * older copies of them may still be, soon and off the event loop. Without
 * a writer thread it is tried here, once.
 */
void
write_empty_log(void)
{
	struct writer	*w;

	if ((w = get_thread(&writes)) != NULL)
		writer_empty_log(w);
	else if (db_empty_log(app_db) != 0)
		kore_log(LOG_NOTICE, "the log is still in use; its old pages "
		    "go at the next copy back");
}

/* The worker stops: what was handed over is still written. */
void
write_job_teardown(void)
{
	writer_free(reads.w);
	reads.w = NULL;
	writer_free(writes.w);
	writes.w = NULL;
}
