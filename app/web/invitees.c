/*
 * invitees.c: a meeting's invitees and who came, on the meeting's page
 * (/meetings/ID, see meetings.c). A worker invites accounts and named
 * guests, takes people off the list, and records attendance once the
 * meeting has begun; admins see the same list; councillors and young
 * people see which adults are invited and never who came.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "invitees.h"
#include "outbox.h"

#define ATTENDANCE_MAX	200

/* The list (and, for a worker, the forms) into the page's context. */
int
invitees_context(struct page *pg, int64_t meeting, int64_t starts_at)
{
	int	 full;

	full = pg->sess.role == ROLE_WORKER || pg->sess.role == ROLE_ADMIN;
	tv_set_bool(pg->ctx, "staff_view", full);
	tv_set_bool(pg->ctx, "started", starts_at <= pg->now);
	if (invitee_list(app_db, meeting, full, pg->sess.user_id, pg->ctx) ==
	    -1)
		return (-1);
	if (pg->sess.role != ROLE_WORKER)
		return (0);
	tv_set_str(pg->ctx, "f_email", form_raw(&pg->form, "email"));
	tv_set_str(pg->ctx, "f_guest_name", form_raw(&pg->form, "guest_name"));
	tv_set_str(pg->ctx, "f_guest_role", form_raw(&pg->form, "guest_role"));
	return (invitee_options(app_db, meeting, tv_set_list(pg->ctx,
	    "invite_options")));
}

static int
invite_account(struct page *pg, int64_t meeting)
{
	const char	*email, *why;
	int64_t		 user;
	int		 rc;

	if (form_id(&pg->form, "user", &user) == -1)
		form_error(&pg->errors, "invite_user", "Choose someone from "
		    "the list.");
	email = form_text(&pg->form, "email", OUTBOX_ADDR_MAX, 0, 0,
	    &pg->errors, "");
	if (email != NULL && *email != '\0' &&
	    !outbox_addr_ok(email, strlen(email)))
		form_error(&pg->errors, "invite_email", "Enter one email "
		    "address, like name@example.gov.uk, or leave it empty.");
	else if (email == NULL)
		form_error(&pg->errors, "invite_email", "This email address "
		    "has a character we cannot accept. Please type it again.");
	if (pg->errors.n > 0)
		return (1);
	rc = invitee_add_account(app_db, &pg->actor, meeting, user, email,
	    pg->now, &why);
	if (rc == 1)
		form_error(&pg->errors, strstr(why, "email") != NULL ?
		    "invite_email" : "invite_user", why);
	return (rc);
}

static int
invite_guest(struct page *pg, int64_t meeting)
{
	const char	*name, *role;
	int		 rc;

	name = form_text(&pg->form, "guest_name", INVITEE_NAME_MAX, 0, 1,
	    &pg->errors, "Write the guest's name.");
	role = form_text(&pg->form, "guest_role", INVITEE_ROLE_MAX, 0, 1,
	    &pg->errors, "Write what the guest does, like Head of Virtual "
	    "School.");
	if (pg->errors.n > 0)
		return (1);
	if ((rc = invitee_add_guest(app_db, &pg->actor, meeting, name,
	    role, pg->now)) == 1)
		form_error(&pg->errors, "guest_name", "This meeting already "
		    "has as many invitees as it can hold.");
	return (rc);
}

/*
 * One field per invitee, "a<id>": attended, apologies, absent or empty
 * (not recorded). An invitee without a field (added since the form was
 * shown) is left as it was.
 */
static int
attendance(struct page *pg, int64_t meeting)
{
	int64_t		 ids[ATTENDANCE_MAX], keep[ATTENDANCE_MAX];
	const char	*states[ATTENDANCE_MAX], *v, *name;
	int		 n, i, k, j, rc;

	if ((n = invitee_ids(app_db, meeting, ids, ATTENDANCE_MAX)) == -1)
		return (-1);
	for (k = i = 0; i < n; i++) {
		name = arena_printf(&pg->arena, "a%lld", (long long)ids[i]);
		if (!form_has(&pg->form, name))
			continue;
		v = form_raw(&pg->form, name);
		for (j = 0; v != NULL && *v != '\0' &&
		    invitee_attendance_keys[j] != NULL; j++)
			if (strcmp(v, invitee_attendance_keys[j]) == 0)
				break;
		if (v == NULL || (*v != '\0' &&
		    invitee_attendance_keys[j] == NULL)) {
			form_error(&pg->errors, "attendance", "Choose attended, "
			    "sent apologies, did not come or not recorded for "
			    "each person.");
			return (1);
		}
		keep[k] = ids[i];
		states[k++] = v;
	}
	if ((rc = invitee_attendance(app_db, &pg->actor, meeting, keep,
	    states, k, pg->now)) == 1)
		form_error(&pg->errors, "attendance", "You can record who came "
		    "once the meeting has begun.");
	return (rc);
}

/*
 * A worker's change to the invitees: 0 done, 1 to show again with
 * errors, -1 refused (404), INVITEES_NOT_MINE for another action.
 */
int
invitees_action(struct page *pg, int64_t meeting, const char *action)
{
	int64_t	 invitee;

	if (strcmp(action, "invite_account") == 0)
		return (invite_account(pg, meeting));
	if (strcmp(action, "invite_guest") == 0)
		return (invite_guest(pg, meeting));
	if (strcmp(action, "attendance") == 0)
		return (attendance(pg, meeting));
	if (strcmp(action, "uninvite") == 0)
		return (form_id(&pg->form, "invitee", &invitee) == -1 ? -1 :
		    invitee_remove(app_db, &pg->actor, meeting, invitee));
	return (INVITEES_NOT_MINE);
}
