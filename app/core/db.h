/*
 * db.h: the SQLite layer: open with the house pragmas, run migrations,
 * prepare-once statements, transactions, backup and integrity checks.
 *
 * Statements are cached per connection by the address of their SQL text,
 * so SQL must be a string literal (or live as long as the connection).
 *
 * Bind formats, one character per parameter, bound by position:
 *   i  int64_t        d  int            t  const char * (NULL binds NULL)
 *   I  int64_t, where 0 binds NULL (optional references)
 *   n  NULL (no argument)
 */
#ifndef PORTAL_DB_H
#define PORTAL_DB_H

/*
 * How long a page's snapshot may serve the pages after it (db_read_again).
 * Short: a writer starting the log again waits for every snapshot in it.
 */
#define DB_KEEP_MS	20

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "buf.h"
#include "tmpl.h"

struct db;

int		 db_open(struct db **, const char *, char *, size_t);
void		 db_close(struct db *);
sqlite3		*db_handle(struct db *);
const char	*db_errmsg(struct db *);
void		*db_memo(struct db *, const void *);
void		 db_memo_set(struct db *, const void *, void *,
		    void (*)(void *));

int		 db_migrate(struct db *, const char *, char *, size_t);
int		 db_schema_version(struct db *, int64_t *);

sqlite3_stmt	*db_prep(struct db *, const char *);
sqlite3_stmt	*db_query(struct db *, const char *, const char *, ...);
int		 db_step(sqlite3_stmt *);
void		 db_done(sqlite3_stmt *);
int		 db_exec(struct db *, const char *, const char *, ...);
int		 db_int(struct db *, int64_t *, const char *, const char *, ...);
int		 db_text(struct db *, struct buf *, const char *,
		    const char *, ...);
int64_t		 db_last_id(struct db *);
int		 db_changes(struct db *);

int		 db_begin(struct db *);
int		 db_commit(struct db *);
void		 db_rollback(struct db *);
int		 db_end(struct db *, int);
int		 db_read_begin(struct db *);
void		 db_read_end(struct db *);
void		 db_read_keep(struct db *);
int		 db_read_again(struct db *);
void		 db_read_drop_kept(struct db *);
int		 db_empty_log(struct db *);
uint64_t	 db_commits(struct db *, int *);
void		 db_checkpoint_at(struct db *, int);
void		 db_on_commit(struct db *,
		    int (*)(void *, sqlite3 *, const char *, int), void *);

int		 db_backup(struct db *, const char *, char *, size_t);
int		 db_check(struct db *, struct buf *);

const char	*db_col_text(sqlite3_stmt *, int);
int		 db_options(struct db *, const char *, int64_t, struct tval *);

#endif
