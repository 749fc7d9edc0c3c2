/*
 * invitees.h: who is invited to a Children in Care Council meeting, who
 * came, and telling them when the minutes are out. Councillors attend
 * only when invited, so this is also where a meeting's visibility is
 * decided (invitee_can_see).
 *
 * Not for: the meeting itself, its agenda or minutes (meetings.c).
 */
#ifndef PORTAL_INVITEES_H
#define PORTAL_INVITEES_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "tmpl.h"
#include "users.h"

#define INVITEE_NAME_MAX	100
#define INVITEE_ROLE_MAX	100

/* Attendance values a worker may record, NULL-terminated; "" is none. */
extern const char *const invitee_attendance_keys[];

int	invitee_can_see(struct db *, int64_t, int64_t, enum role);
int	invitee_add_account(struct db *, const struct actor *, int64_t,
	    int64_t, const char *, int64_t, const char **);
int	invitee_add_guest(struct db *, const struct actor *, int64_t,
	    const char *, const char *, int64_t);
int	invitee_remove(struct db *, const struct actor *, int64_t, int64_t);
int	invitee_ids(struct db *, int64_t, int64_t *, int);
int	invitee_attendance(struct db *, const struct actor *, int64_t,
	    const int64_t *, const char *const *, int, int64_t);
int	invitee_list(struct db *, int64_t, int, int64_t, struct tval *);
int	invitee_options(struct db *, int64_t, struct tval *);
int	invitee_minutes_out(struct db *, int64_t, int64_t);

#endif
