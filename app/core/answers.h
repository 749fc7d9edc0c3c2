/*
 * answers.h: the answer check and honest deadlines. A councillor's answer
 * waits for a participation worker, who approves it (then young people
 * read it) or sends it back with a note; councillors named in the
 * answer_trusted setting, or every councillor when answer_check is 0,
 * skip the check. Asking for more time is limited by settings
 * (extensions_max, extension_days_max).
 *
 * Not for: the answer itself reaching young people (issues.c).
 */
#ifndef PORTAL_ANSWERS_H
#define PORTAL_ANSWERS_H

#include <stdint.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "issues.h"
#include "tmpl.h"

#define ANSWER_NOTE_MAX	2000
/* An answer's version as hex, with its NUL (see answers_approve). */
#define ANSWER_VERSION_LEN	33

int	answers_check_needed(struct db *, int64_t);
const char *answers_trusted_problem(struct db *, struct arena *,
	    const char *);
const char *answers_extension_problem(struct db *, struct arena *, int64_t,
	    const struct response *, int64_t);
int	answers_submit(struct db *, const struct actor *, int64_t, int64_t,
	    const struct response *, int64_t);
int	answers_check(struct db *, int64_t, struct tval *);
int	answers_approve(struct db *, const struct actor *, int64_t,
	    const char *, int64_t);
int	answers_return(struct db *, const struct actor *, int64_t,
	    const char *, int64_t);
void	answers_reading(struct db *, const char *, const char *,
	    struct tval *);

#endif
