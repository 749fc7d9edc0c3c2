/*
 * board.c: commentary on the board report and who sits on the board (see
 * board.h).
 *
 * Commentary is keyed by the report's period as its first day and the
 * day after its last (midnight timestamps), so the report for the same
 * dates always shows the same words. An empty commentary is removed.
 * Every change is audited with its section, never its words.
 */
#include <string.h>

#include "board.h"

static const char *sql_get =
	"SELECT section, body FROM report_commentary "
	"WHERE period_from = ?1 AND period_to = ?2";
static const char *sql_one =
	"SELECT body FROM report_commentary "
	"WHERE period_from = ?1 AND period_to = ?2 AND section = ?3";
static const char *sql_set =
	"INSERT INTO report_commentary (period_from, period_to, section, "
	"body, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	"ON CONFLICT (period_from, period_to, section) DO UPDATE SET "
	"body = excluded.body, updated_by = excluded.updated_by, "
	"updated_at = excluded.updated_at";
static const char *sql_clear =
	"DELETE FROM report_commentary "
	"WHERE period_from = ?1 AND period_to = ?2 AND section = ?3";
static const char *sql_member =
	"SELECT on_board FROM users WHERE id = ?1 AND role = 'young_person' "
	"AND disabled_at IS NULL AND closed_at IS NULL";
static const char *sql_member_set =
	"UPDATE users SET on_board = ?2 WHERE id = ?1 "
	"AND role = 'young_person'";

const char *const board_sections[BOARD_SECTIONS + 1] = {
	"raised", "answers", "late", "board", "elsewhere", "pledge",
	"participation", NULL,
};

static const char *const titles[BOARD_SECTIONS] = {
	"What young people raised", "How they were answered",
	"Late answers", "Items for the board", "Views sent elsewhere",
	"The Care Pledge", "Who took part",
};

/* The section's index, or -1. */
int
board_section(const char *key)
{
	int	 i;

	for (i = 0; key != NULL && i < BOARD_SECTIONS; i++)
		if (strcmp(board_sections[i], key) == 0)
			return (i);
	return (-1);
}

const char *
board_section_title(int i)
{
	return (i >= 0 && i < BOARD_SECTIONS ? titles[i] : "");
}

/* The period's commentary into map, one key per section written. */
int
board_commentary(struct db *db, int64_t from, int64_t to, struct tval *map)
{
	sqlite3_stmt	*st;
	int		 rc, i;

	st = db_query(db, sql_get, "ii", from, to);
	/* Keys are kept by reference: the section's own, not the row's. */
	while ((rc = db_step(st)) == 1)
		if ((i = board_section(db_col_text(st, 0))) != -1)
			tv_set_str(map, board_sections[i], db_col_text(st, 1));
	db_done(st);
	return (rc);
}

/* One section's commentary into ctx[key] ("" if none). */
int
board_commentary_text(struct db *db, int64_t from, int64_t to, int section,
    struct tval *ctx, const char *key)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_one, "iit", from, to, board_sections[section]);
	rc = db_step(st);
	tv_set_str(ctx, key, rc == 1 ? db_col_text(st, 0) : "");
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

int
board_commentary_set(struct db *db, const struct actor *who, int64_t from,
    int64_t to, int section, const char *body, int64_t now)
{
	const char	*key = board_sections[section];
	int		 ok;

	if (db_begin(db) == -1)
		return (-1);
	if (*body == '\0')
		ok = db_exec(db, sql_clear, "iit", from, to, key) == 0;
	else
		ok = db_exec(db, sql_set, "iittIi", from, to, key, body,
		    who->id, now) == 0;
	ok = ok && audit_write(db, who, *body == '\0' ?
	    "report.commentary_removed" : "report.commentary", "report",
	    from, key) == 0;
	return (db_end(db, ok));
}

/* 1 if the young person sits on the board, 0 if not (or not one). */
int
board_member(struct db *db, int64_t user)
{
	int64_t	 on;

	return (db_int(db, &on, sql_member, "i", user) == 1 && on == 1);
}

int
board_member_set(struct db *db, const struct actor *who, int64_t user,
    int on)
{
	int	 ok;

	if (db_begin(db) == -1)
		return (-1);
	ok = db_exec(db, sql_member_set, "id", user, on) == 0 &&
	    db_changes(db) == 1 && audit_write(db, who, on ? "account.board" :
	    "account.board_off", "user", user, "") == 0;
	return (db_end(db, ok));
}
