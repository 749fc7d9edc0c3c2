/*
 * holidays.c: the holidays table (see holidays.h). Days are stored as
 * "YYYY-MM-DD" in the council's time zone, so they compare as text.
 */
#include <stdio.h>
#include <string.h>

#include "holidays.h"

static const char *sql_from =
	"SELECT day FROM holidays WHERE day >= ?1 ORDER BY day LIMIT ?2";
static const char *sql_list =
	"SELECT id, day, name FROM holidays WHERE day >= ?1 ORDER BY day";
static const char *sql_add = "INSERT INTO holidays (day, name) VALUES (?1, ?2)";
static const char *sql_remove = "DELETE FROM holidays WHERE id = ?1";

/* The first TIME_DAYS_MAX days off on or after t's day. 0, or -1. */
int
holidays_from(struct db *db, int64_t t, struct time_days *off)
{
	sqlite3_stmt	*st;
	char		 day[TIME_DAY_LEN];
	int		 rc;

	time_day(t, day);
	off->n = 0;
	st = db_query(db, sql_from, "ti", day, (int64_t)TIME_DAYS_MAX);
	while ((rc = db_step(st)) == 1 && off->n < TIME_DAYS_MAX)
		(void)snprintf(off->day[off->n++], TIME_DAY_LEN, "%s",
		    db_col_text(st, 0));
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

/* t plus n working days (end of that day), or -1 on a database error. */
int64_t
holidays_working_days(struct db *db, int64_t t, int n)
{
	struct time_days	 off;

	if (holidays_from(db, t, &off) == -1)
		return (-1);
	return (time_add_working_days(t, n, &off));
}

/* Whether t's day is a working day here: 1, 0, or -1 on error. */
int
holidays_working(struct db *db, int64_t t)
{
	struct time_days	 off;

	if (holidays_from(db, t, &off) == -1)
		return (-1);
	return (time_is_working_day(t, &off));
}

/* Days off from t's day on, for the admins' page: how many, or -1. */
int
holidays_list(struct db *db, int64_t t, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	char		 day[TIME_DAY_LEN];
	int64_t		 start;
	int		 rc, n;

	time_day(t, day);
	n = 0;
	st = db_query(db, sql_list, "t", day);
	while ((rc = db_step(st)) == 1) {
		n++;
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "day", db_col_text(st, 1));
		tv_set_str(row, "name", db_col_text(st, 2));
		if (time_parse_date(db_col_text(st, 1), &start) == 0)
			tv_set_str(row, "date", time_date(tv_arena(row),
			    start));
	}
	db_done(st);
	return (rc == -1 ? -1 : n);
}

/*
 * Adds a day off. On a refusal -1 with *why in words; -1 with *why NULL
 * is a database error.
 */
int
holidays_add(struct db *db, const struct actor *who, const char *day,
    const char *name, const char **why)
{
	int64_t	 start;
	int	 rc;

	*why = NULL;
	if (time_parse_date(day, &start) == -1) {
		*why = "Enter a real date, like 2027-12-24.";
		return (-1);
	}
	if (db_begin(db) == -1)
		return (-1);
	rc = db_exec(db, sql_add, "tt", day, name);
	if (rc != 0 && sqlite3_extended_errcode(db_handle(db)) ==
	    SQLITE_CONSTRAINT_UNIQUE)
		*why = "That day is already on the list.";
	return (db_end(db, rc == 0 && audit_write(db, who, "holiday.add",
	    "holiday", db_last_id(db), day) == 0));
}

/* 0 when removed; -1 if there is no such day or on error. */
int
holidays_remove(struct db *db, const struct actor *who, int64_t id)
{
	if (db_begin(db) == -1)
		return (-1);
	return (db_end(db, db_exec(db, sql_remove, "i", id) == 0 &&
	    db_changes(db) == 1 && audit_write(db, who, "holiday.remove",
	    "holiday", id, "") == 0));
}
