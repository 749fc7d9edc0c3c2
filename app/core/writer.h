/*
 * writer.h: one writer thread, group commit.
 *
 * Jobs are handed to the writer, which runs every job waiting in one
 * transaction on its own connection (each job in its own savepoint, so
 * one bad job fails alone), commits once (one fsync with
 * synchronous=FULL), and then hands the jobs back as done. See writer.c.
 * A reader (writer_new_reader) is the same queue for long reads: one job
 * at a time, each in its own read transaction.
 */
#ifndef PORTAL_WRITER_H
#define PORTAL_WRITER_H

#include <sys/queue.h>

#include <stdint.h>

#include "db.h"

/* What became of a job. */
#define WRITER_QUEUED	1	/* not run yet */
#define WRITER_SAVED	0	/* committed and durable */
#define WRITER_FAILED	(-1)	/* not saved: its work was undone */

struct writer_job {
	/* Runs on the writer's connection, inside a savepoint: 0 keep,
	 * -1 undo this job's work. Must not begin or end transactions of
	 * its own except through db_begin/db_commit (they nest). */
	int			(*run)(struct db *, void *);
	void			*arg;
	int			 result;	/* WRITER_* */
	int			 orphan;	/* its asker went away */
	int			 state;		/* the writer's own */
	TAILQ_ENTRY(writer_job)	 list;
};

TAILQ_HEAD(writer_jobs, writer_job);

struct writer;

struct writer	*writer_new(const char *, void (*)(void *), void *, char *,
		    size_t);
struct writer	*writer_new_reader(const char *, void (*)(void *), void *,
		    char *, size_t);
void		 writer_free(struct writer *);
void		 writer_submit(struct writer *, struct writer_job *);
void		 writer_take_done(struct writer *, struct writer_jobs *);
int		 writer_forget(struct writer *, struct writer_job *);
void		 writer_empty_log(struct writer *);

/* For tests and the bench. */
uint64_t	 writer_batches(struct writer *);
void		 writer_hold(struct writer *, int);
void		 writer_pause_after_commit(struct writer *, unsigned int);

#endif
