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
 */
#include <string.h>

#include <sodium.h>

#include "app.h"

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
	/* Kore calls this before it checks for running tasks, and again
	 * once they are done: the thread may still be using the job. */
	if (!kore_task_finished(&job->task))
		return;
	kore_task_destroy(&job->task);
	sodium_memzero(job, sizeof(*job));
	http_state_cleanup(req);
}

/*
 * Start op. hash: the stored hash to verify against ("" for an unknown
 * account: the same work is done, so timing does not tell). Returns what
 * the handler returns.
 */
int
pw_job_start(struct http_request *req, enum pw_op op, const char *password,
    const char *hash, const char *new_password, int64_t user_id)
{
	struct pw_job	*job;

	job = http_state_create(req, sizeof(*job), pw_job_free);
	job->op = op;
	job->user_id = user_id;
	(void)snprintf(job->password, sizeof(job->password), "%s",
	    password ? password : "");
	(void)snprintf(job->hash, sizeof(job->hash), "%s", hash ? hash : "");
	(void)snprintf(job->new_password, sizeof(job->new_password), "%s",
	    new_password ? new_password : "");
	kore_task_create(&job->task, pw_job_run);
	kore_task_bind_request(&job->task, req);
	kore_task_run(&job->task);
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
	if (kore_task_state(&job->task) != KORE_TASK_STATE_FINISHED) {
		http_request_sleep(req);
		*retry = KORE_RESULT_RETRY;
		return (NULL);
	}
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
