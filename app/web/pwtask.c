/*
 * pwtask.c: argon2id off the event loop.
 *
 * Hashing or checking a password takes about 0.1 s and 64 MiB. Done in
 * the worker it would stall every other request, so it runs in one of
 * Kore's task threads (task_threads in kore.conf caps how many run at
 * once per worker) while the request sleeps. The job lives in the
 * request's state, which Kore keeps until the task has finished even if
 * the browser goes away.
 *
 * A handler calls pw_job_start() on its first pass and returns its
 * result; when woken it calls pw_job_result(), which is NULL while the
 * job is still running.
 *
 * The queue is bounded: at most PW_QUEUE_MAX jobs per worker,
 * PW_QUEUE_PER_ADDR per address and PW_QUEUE_PER_ACCOUNT per account are
 * in flight. A handler asks pw_busy() (and a sign-in pw_account_busy())
 * first and, when it says so, answers "busy, try again in a moment" at
 * once (503 with Retry-After) instead of making everyone behind a flood
 * of sign-ins wait for it. The cap per account is what keeps a flood on
 * one real name, from more addresses than the limits per address can
 * see, from filling the queue for everyone else; a browser that has
 * signed in to that account before (session.c, known devices) is never
 * held to it, so the flood cannot lock the name's owner out either.
 *
 * A sign-in with a name that matches no account needs no real check,
 * only the time one takes, so that the answer does not tell. Once both
 * task threads are busy (pw_crowded()), such a sign-in is answered after
 * about the time a check has lately taken (pw_job_delay()), by a timer
 * instead of a thread: a flood of made-up names then costs neither a
 * place in the queue nor CPU, and real accounts do not wait behind it.
 */
#include <string.h>

#include <sodium.h>

#include "app.h"
#include "throttle.h"

static void	pw_job_free(struct http_request *);

/* This worker's jobs in flight, by address. */
static struct {
	char	 addr[64];
	int	 n;
} queue[PW_QUEUE_MAX];
static int	 queued;
static int64_t	 accounts[PW_QUEUE_MAX];	/* by job; 0: a free place */

/* Delayed answers, and the timer that wakes them when due. */
static TAILQ_HEAD(, pw_job)	 delayed = TAILQ_HEAD_INITIALIZER(delayed);
static struct kore_timer	*delay_timer;
static u_int64_t		 check_ms = 150;	/* lately, on average */

static int
queue_count(const char *addr)
{
	size_t	 i;

	for (i = 0; i < PW_QUEUE_MAX; i++)
		if (queue[i].n > 0 && strcmp(queue[i].addr, addr) == 0)
			return (queue[i].n);
	return (0);
}

/* Note user_id's job in flight (0: none to note); 1 if noted. */
static int
account_add(int64_t user_id)
{
	size_t	 i;

	for (i = 0; user_id > 0 && i < PW_QUEUE_MAX; i++)
		if (accounts[i] == 0) {
			accounts[i] = user_id;
			return (1);
		}
	return (0);
}

static void
account_remove(int64_t user_id)
{
	size_t	 i;

	for (i = 0; i < PW_QUEUE_MAX; i++)
		if (accounts[i] == user_id) {
			accounts[i] = 0;
			return;
		}
}

static void
queue_add(const char *addr)
{
	size_t	 i, free_at;

	free_at = PW_QUEUE_MAX;
	for (i = 0; i < PW_QUEUE_MAX; i++) {
		if (queue[i].n > 0 && strcmp(queue[i].addr, addr) == 0) {
			queue[i].n++;
			queued++;
			return;
		}
		if (queue[i].n == 0 && free_at == PW_QUEUE_MAX)
			free_at = i;
	}
	/* pw_busy() said there is room, so there is a free entry. */
	(void)snprintf(queue[free_at].addr, sizeof(queue[free_at].addr), "%s",
	    addr);
	queue[free_at].n = 1;
	queued++;
}

static void
queue_remove(struct pw_job *job)
{
	size_t	 i;

	if (!job->queued)
		return;
	job->queued = 0;
	if (job->account_noted)
		account_remove(job->user_id);
	for (i = 0; i < PW_QUEUE_MAX; i++)
		if (queue[i].n > 0 && strcmp(queue[i].addr, job->addr) == 0) {
			queue[i].n--;
			queued--;
			return;
		}
}

/* 1 if this page's address may not start a password job now. */
int
pw_busy(struct page *pg)
{
	char	 addr[64];

	throttle_addr_key(pg->ip, addr, sizeof(addr));
	return (queued >= PW_QUEUE_MAX ||
	    queue_count(addr) >= PW_QUEUE_PER_ADDR);
}

/* 1 if account user_id has as many checks in flight as it may. */
int
pw_account_busy(int64_t user_id)
{
	size_t	 i;
	int	 n;

	for (i = 0, n = 0; i < PW_QUEUE_MAX; i++)
		if (accounts[i] == user_id)
			n++;
	return (user_id > 0 && n >= PW_QUEUE_PER_ACCOUNT);
}

/* 1 if a sign-in that needs no real check should not take a place. */
int
pw_crowded(struct page *pg)
{
	char	 addr[64];

	throttle_addr_key(pg->ip, addr, sizeof(addr));
	return (queued >= PW_QUEUE_THREADS ||
	    queue_count(addr) >= PW_QUEUE_PER_ADDR);
}

static void
delay_tick(void *arg, u_int64_t now)
{
	struct pw_job	*job, *next;

	(void)arg;
	for (job = TAILQ_FIRST(&delayed); job != NULL; job = next) {
		next = TAILQ_NEXT(job, dlist);
		if (job->due > now)
			continue;
		TAILQ_REMOVE(&delayed, job, dlist);
		job->delayed = 2;
		http_request_wakeup(job->req);
	}
}

/*
 * Answer pg's request as a wrong password after the time a check takes,
 * without checking anything. Ends the page; returns what the handler
 * returns.
 */
int
pw_job_delay(struct page *pg)
{
	struct http_request	*req = pg->req;
	struct pw_job		*job;

	job = http_state_create(req, sizeof(*job), pw_job_free);
	job->op = PW_VERIFY;
	job->at = pg->now;
	job->req = req;
	job->delayed = 1;
	/* Real checks vary; so does this, by a quarter either way. */
	job->due = kore_time_ms() + check_ms * 3 / 4 +
	    randombytes_uniform((uint32_t)(check_ms / 2 + 1));
	TAILQ_INSERT_TAIL(&delayed, job, dlist);
	if (delay_timer == NULL)
		delay_timer = kore_timer_add(delay_tick, 20, NULL, 0);
	http_request_sleep(req);
	page_end(pg);
	return (KORE_RESULT_RETRY);
}

/* What a busy answer carries: when to try again. */
void
pw_busy_header(struct page *pg)
{
	http_response_header(pg->req, "retry-after", PW_RETRY_AFTER);
	tv_set_bool(pg->ctx, "busy", 1);
}

static int
pw_job_run(struct kore_task *t)
{
	struct pw_job	*job = (struct pw_job *)t;

	if (job->op == PW_VERIFY || job->op == PW_VERIFY_HASH) {
		if (job->hash[0] != '\0')
			job->verified = auth_password_verify(job->hash,
			    job->password);
		else
			auth_password_dummy(job->password);
	}
	if (job->op == PW_HASH || (job->op == PW_VERIFY_HASH &&
	    job->verified))
		job->hashed = auth_password_hash(job->new_password,
		    job->new_hash) == 0;
	sodium_memzero(job->password, sizeof(job->password));
	sodium_memzero(job->new_password, sizeof(job->new_password));
	return (KORE_RESULT_OK);
}

static void
pw_job_free(struct http_request *req)
{
	struct pw_job	*job;

	if ((job = http_state_get(req)) == NULL)
		return;
	if (job->delayed) {
		if (job->delayed == 1)
			TAILQ_REMOVE(&delayed, job, dlist);
		sodium_memzero(job, sizeof(*job));
		http_state_cleanup(req);
		return;
	}
	/* Kore calls this before it checks for running tasks, and again
	 * once they are done: the thread may still be using the job. */
	if (!kore_task_finished(&job->task))
		return;
	queue_remove(job);
	kore_task_destroy(&job->task);
	sodium_memzero(job, sizeof(*job));
	http_state_cleanup(req);
}

/*
 * Start op for pg's request, after pw_busy() said there is room. hash:
 * the stored hash to verify against ("" for an unknown account: the same
 * work is done, so timing does not tell). Ends the page; returns what the
 * handler returns.
 */
int
pw_job_start(struct page *pg, enum pw_op op, const char *password,
    const char *hash, const char *new_password, int64_t user_id)
{
	struct http_request	*req = pg->req;
	struct pw_job		*job;

	job = http_state_create(req, sizeof(*job), pw_job_free);
	job->op = op;
	job->user_id = user_id;
	job->at = pg->now;
	job->started = kore_time_ms();
	throttle_addr_key(pg->ip, job->addr, sizeof(job->addr));
	queue_add(job->addr);
	job->queued = 1;
	job->account_noted = account_add(user_id);
	(void)snprintf(job->password, sizeof(job->password), "%s",
	    password ? password : "");
	(void)snprintf(job->hash, sizeof(job->hash), "%s", hash ? hash : "");
	(void)snprintf(job->new_password, sizeof(job->new_password), "%s",
	    new_password ? new_password : "");
	kore_task_create(&job->task, pw_job_run);
	kore_task_bind_request(&job->task, req);
	kore_task_run(&job->task);
	page_end(pg);
	return (KORE_RESULT_RETRY);
}

/*
 * The finished job, or NULL (and *retry set to the handler's result)
 * while it runs.
 */
struct pw_job *
pw_job_result(struct http_request *req, int *retry)
{
	struct pw_job	*job;

	job = http_state_get(req);
	if (job->delayed) {
		if (job->delayed == 2)
			return (job);
		http_request_sleep(req);
		*retry = KORE_RESULT_RETRY;
		return (NULL);
	}
	if (kore_task_state(&job->task) != KORE_TASK_STATE_FINISHED) {
		http_request_sleep(req);
		*retry = KORE_RESULT_RETRY;
		return (NULL);
	}
	if (job->queued && job->op == PW_VERIFY)
		check_ms = (check_ms * 7 + (kore_time_ms() - job->started)) / 8;
	queue_remove(job);
	return (job);
}

/*
 * A page whose POST may need a password job: wake into step with the
 * finished job (NULL on the first pass). roles 0: anyone may use it.
 */
int
pw_page(struct http_request *req, int allow, int roles,
    int (*step)(struct page *, struct pw_job *))
{
	struct page	 pg;
	struct pw_job	*job;
	int		 rc;

	job = NULL;
	if (http_state_exists(req) &&
	    (job = pw_job_result(req, &rc)) == NULL)
		return (rc);
	if (!page_begin(&pg, req, allow) ||
	    (roles != 0 && !page_require(&pg, roles)))
		return (KORE_RESULT_OK);
	return (step(&pg, job));
}
