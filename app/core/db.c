/*
 * db.c: SQLite connection, statements, transactions and migrations.
 *
 * One connection per process (each Kore worker opens its own after fork;
 * task threads open their own). Not for SQL of any feature: that lives in
 * the model file of its area.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include "db.h"

#define STMT_SLOTS_MIN		64
#define BUSY_TIMEOUT_MS		5000
#define MIGRATIONS_MAX		256
#define MIGRATION_FILE_MAX	(1024 * 1024)
#define AUTOCHECKPOINT_PAGES	1000	/* SQLite's own default */

struct stmt_slot {
	const char	*sql;
	sqlite3_stmt	*stmt;
};

#define DB_MEMO_MAX	4

struct db_memo {
	const void	*key;
	void		*data;
	void		(*free)(void *);
};

struct db {
	sqlite3			*h;
	int			 depth;		/* open transactions */
	struct stmt_slot	*slots;
	size_t			 nslots;
	size_t			 used;
	int			 reading;	/* db_read_begin() */
	int			 kept;		/* db_read_keep() */
	uint64_t		 read_count;	/* db_commits() when begun */
	struct timespec		 read_at;	/* when begun */
	struct db_memo		 memo[DB_MEMO_MAX];
	uint64_t		*commits;	/* shared: db_commits() */
	uint64_t		 outside;	/* uncounted writes seen */
	int64_t			 outside_dv;	/* data_version when looked */
	struct timespec		 outside_at;	/* when last looked */
	int			 checkpoint_at;	/* log pages; 0: never */
	int			(*wal_hook)(void *, sqlite3 *, const char *,
				    int);
	void			*wal_hook_arg;
};

/* This thread's connection in db_read_begin(), if any. */
static _Thread_local struct db	*reading;

static const char *open_pragmas =
	"PRAGMA journal_mode = WAL;"
	"PRAGMA synchronous = FULL;"
	"PRAGMA foreign_keys = ON;"
	"PRAGMA trusted_schema = OFF;"
	/* Deleted words are overwritten, not left in free pages. */
	"PRAGMA secure_delete = ON;"
	/* Sorts, DISTINCT and savepoint journals stay in memory: on a
	 * file, a report's sort and each writer job's journal were
	 * written out and read back (they cost what they hold). */
	"PRAGMA temp_store = MEMORY;";

/* The folder that holds the database file is created if it is missing. */
static int
make_parent_dir(const char *path, char *err, size_t errlen)
{
	struct stat	 st;
	char		 dir[4096], *slash;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir)) {
		(void)snprintf(err, errlen, "the database path is too long");
		return (-1);
	}
	if ((slash = strrchr(dir, '/')) == NULL || slash == dir)
		return (0);
	*slash = '\0';
	/* Look first: sandboxed workers may stat but not mkdir. */
	if (stat(dir, &st) == 0)
		return (0);
	if (mkdir(dir, 0750) == -1 && errno != EEXIST) {
		(void)snprintf(err, errlen, "cannot create the folder %s: %s",
		    dir, strerror(errno));
		return (-1);
	}
	return (0);
}

/*
 * Waiting for the write lock. SQLite's own busy_timeout sleeps up to
 * 100 ms between tries, and a Kore worker asleep in here stalls every
 * connection it serves, so it could stay asleep long after the other
 * worker's commit freed the lock. Trying again every millisecond takes
 * the lock as soon as it is free; the limit is still BUSY_TIMEOUT_MS.
 */
static int
busy_wait(void *arg, int tries)
{
	struct timespec	 ts = { 0, 1000 * 1000 };

	(void)arg;
	if (tries >= BUSY_TIMEOUT_MS)
		return (0);
	(void)nanosleep(&ts, NULL);
	return (1);
}

/*
 * Before SQLite's first use in this process: no memory statistics, which
 * nothing reads, and which took a process-wide lock around every one of
 * SQLite's allocations (a writer's batch makes thousands). Once SQLite
 * has started this is refused, harmlessly.
 */
static void
sqlite_setup(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/*
 * Every commit to the database, by any connection of any process that
 * opened it here (each worker, its writer and task threads, portalctl),
 * is counted in "<database>-commits", a file every one of them maps.
 * A worker asks it whether anything changed since it kept a page, a
 * session or the settings: one read of memory. PRAGMA data_version says
 * the same but needs a read transaction, and taking and dropping its
 * locks (five fcntl calls and an fstat) was a third of what a kept page
 * cost. SQLite calls the WAL hook after a commit, when it is on the disk
 * and the write lock is let go, so a writer counts before it answers and
 * a reader that sees the new count also sees the new data. The file
 * holds only the count. Without it (a connection that could not map it)
 * pcache_db_version() reads data_version as before. A write the count
 * misses (the sqlite3 shell, a portalctl run as a user who may not open
 * the file) is still seen within a second: db_commits() also reads
 * data_version once a second, and counts any move it finds.
 *
 * The file is never followed through a link, and is used only if it is
 * a plain file of ours (or we are root) that no one else may write: one
 * planted there could hold the count still, or make us write elsewhere.
 */
static void
map_commits(struct db *db, const char *path)
{
	struct stat	 st;
	char		 name[4096], real[PATH_MAX];
	void		*p;
	int		 fd;

	if (strcmp(path, ":memory:") == 0 || *path == '\0')
		return;
	/* Beside the file itself, as SQLite puts -wal and -shm: the same
	 * database opened through a link shares the one count. */
	if (realpath(path, real) != NULL)
		path = real;
	if (snprintf(name, sizeof(name), "%s-commits", path) >=
	    (int)sizeof(name))
		return;
	if ((fd = open(name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600)) == -1)
		return;
	p = MAP_FAILED;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_uid == geteuid() || geteuid() == 0) &&
	    (st.st_mode & 022) == 0 && (st.st_size == sizeof(uint64_t) ||
	    ftruncate(fd, sizeof(uint64_t)) == 0))
		p = mmap(NULL, sizeof(uint64_t), PROT_READ | PROT_WRITE,
		    MAP_SHARED, fd, 0);
	(void)close(fd);
	if (p != MAP_FAILED)
		db->commits = p;
}

/*
 * Once a second at most: whether data_version moved since the last look,
 * which a write the count missed also moves. Any move counts (most are
 * counted writes too): a page made again costs less than a stale one.
 */
static void
look_outside(struct db *db)
{
	struct timespec	 now;
	int64_t		 dv;

	if (clock_gettime(CLOCK_MONOTONIC_COARSE, &now) == -1 ||
	    (now.tv_sec - db->outside_at.tv_sec) * 1000 +
	    (now.tv_nsec - db->outside_at.tv_nsec) / 1000000 < 1000)
		return;
	db->outside_at = now;
	if (db_int(db, &dv, "PRAGMA data_version", "") != 1)
		return;
	if (dv != db->outside_dv)
		db->outside++;
	db->outside_dv = dv;
}

static int
committed(void *arg, sqlite3 *h, const char *name, int pages)
{
	struct db	*db = arg;

	if (db->commits != NULL)
		(void)__atomic_add_fetch(db->commits, 1, __ATOMIC_SEQ_CST);
	if (db->wal_hook != NULL)
		return (db->wal_hook(db->wal_hook_arg, h, name, pages));
	/* What SQLite does when no hook is set. */
	if (db->checkpoint_at > 0 && pages >= db->checkpoint_at)
		(void)sqlite3_wal_checkpoint(h, name);
	return (SQLITE_OK);
}

/*
 * Commits counted so far (see map_commits), and writes the count missed
 * seen since (look_outside): 0 and *have 0 when this connection has no
 * count.
 */
uint64_t
db_commits(struct db *db, int *have)
{
	uint64_t	 n;

	if (!(*have = db->commits != NULL))
		return (0);
	n = __atomic_load_n(db->commits, __ATOMIC_SEQ_CST);
	look_outside(db);
	return (n + db->outside);
}

/*
 * Copy the log back once it holds this many pages (0: never), in place
 * of PRAGMA wal_autocheckpoint, which would replace the hook that counts
 * commits.
 */
void
db_checkpoint_at(struct db *db, int pages)
{
	db->checkpoint_at = pages;
}

/* A WAL hook of the caller's, run after each commit is counted. */
void
db_on_commit(struct db *db, int (*fn)(void *, sqlite3 *, const char *, int),
    void *arg)
{
	db->wal_hook = fn;
	db->wal_hook_arg = arg;
}

int
db_open(struct db **out, const char *path, char *err, size_t errlen)
{
	static pthread_once_t	 once = PTHREAD_ONCE_INIT;
	struct db		*db;
	int			 rc;

	(void)pthread_once(&once, sqlite_setup);
	if (make_parent_dir(path, err, errlen) == -1)
		return (-1);
	if ((db = calloc(1, sizeof(*db))) == NULL)
		abort();
	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_handler(db->h, busy_wait, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db->h, open_pragmas, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		(void)snprintf(err, errlen, "cannot open the database %s: %s",
		    path, db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		db_close(db);
		return (-1);
	}
	db->nslots = STMT_SLOTS_MIN;
	if ((db->slots = calloc(db->nslots, sizeof(*db->slots))) == NULL)
		abort();
	map_commits(db, path);
	db->checkpoint_at = AUTOCHECKPOINT_PAGES;
	(void)sqlite3_wal_hook(db->h, committed, db);
	*out = db;
	return (0);
}

void
db_close(struct db *db)
{
	size_t	 i;

	if (db == NULL)
		return;
	db_read_end(db);
	for (i = 0; i < DB_MEMO_MAX; i++)
		if (db->memo[i].free != NULL)
			db->memo[i].free(db->memo[i].data);
	for (i = 0; i < db->nslots; i++)
		sqlite3_finalize(db->slots ? db->slots[i].stmt : NULL);
	free(db->slots);
	sqlite3_close(db->h);
	if (db->commits != NULL)
		(void)munmap(db->commits, sizeof(uint64_t));
	free(db);
}

/*
 * What a module worked out from this connection's reads and keeps with
 * it (the compiled safeguarding phrases), under the address of one of
 * its statics. A connection belongs to one thread, and so does its memo.
 */
void *
db_memo(struct db *db, const void *key)
{
	size_t	 i;

	for (i = 0; i < DB_MEMO_MAX; i++)
		if (db->memo[i].key == key)
			return (db->memo[i].data);
	return (NULL);
}

/* Keep data under key, freeing what was kept there; freed at db_close. */
void
db_memo_set(struct db *db, const void *key, void *data, void (*fn)(void *))
{
	size_t	 i, at = DB_MEMO_MAX;

	for (i = 0; i < DB_MEMO_MAX && at == DB_MEMO_MAX; i++)
		if (db->memo[i].key == key || db->memo[i].key == NULL)
			at = i;
	if (at == DB_MEMO_MAX)
		abort();	/* more modules than slots: raise the max */
	if (db->memo[at].free != NULL)
		db->memo[at].free(db->memo[at].data);
	db->memo[at].key = key;
	db->memo[at].data = data;
	db->memo[at].free = fn;
}

sqlite3 *
db_handle(struct db *db)
{
	return (db->h);
}

const char *
db_errmsg(struct db *db)
{
	return (sqlite3_errmsg(db->h));
}

static size_t
slot_of(const struct db *db, const char *sql)
{
	uintptr_t	 h;

	h = (uintptr_t)sql;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ULL;
	return ((size_t)(h >> 7) & (db->nslots - 1));
}

static void
slots_grow(struct db *db)
{
	struct stmt_slot	*old;
	size_t			 oldn, i, j;

	old = db->slots;
	oldn = db->nslots;
	db->nslots *= 2;
	if ((db->slots = calloc(db->nslots, sizeof(*db->slots))) == NULL)
		abort();
	for (i = 0; i < oldn; i++) {
		if (old[i].sql == NULL)
			continue;
		j = slot_of(db, old[i].sql);
		while (db->slots[j].sql != NULL)
			j = (j + 1) & (db->nslots - 1);
		db->slots[j] = old[i];
	}
	free(old);
}

/* The cached statement for sql, prepared on first use. NULL on error. */
sqlite3_stmt *
db_prep(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	size_t		 i;

	i = slot_of(db, sql);
	while (db->slots[i].sql != NULL) {
		if (db->slots[i].sql == sql)
			return (db->slots[i].stmt);
		i = (i + 1) & (db->nslots - 1);
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK)
		return (NULL);
	if ((db->used + 1) * 2 > db->nslots) {
		slots_grow(db);
		i = slot_of(db, sql);
		while (db->slots[i].sql != NULL)
			i = (i + 1) & (db->nslots - 1);
	}
	db->slots[i].sql = sql;
	db->slots[i].stmt = st;
	db->used++;
	return (st);
}

static int
bind_args(sqlite3_stmt *st, const char *fmt, va_list ap)
{
	const char	*s;
	int64_t		 n;
	int		 i, rc;

	/* A format that does not match the statement is a programming
	 * error: refuse it rather than bind garbage. */
	if ((int)strlen(fmt) != sqlite3_bind_parameter_count(st))
		return (-1);
	for (i = 1; *fmt != '\0'; fmt++, i++) {
		switch (*fmt) {
		case 'i':
			rc = sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
			break;
		case 'I':
			n = va_arg(ap, int64_t);
			rc = n == 0 ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_int64(st, i, n);
			break;
		case 'd':
			rc = sqlite3_bind_int(st, i, va_arg(ap, int));
			break;
		case 't':
			s = va_arg(ap, const char *);
			rc = s == NULL ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
			break;
		case 'n':
			rc = sqlite3_bind_null(st, i);
			break;
		default:
			return (-1);
		}
		if (rc != SQLITE_OK)
			return (-1);
	}
	return (0);
}

static sqlite3_stmt *
vquery(struct db *db, const char *sql, const char *fmt, va_list ap)
{
	sqlite3_stmt	*st;

	if ((st = db_prep(db, sql)) == NULL)
		return (NULL);
	if (bind_args(st, fmt, ap) == -1) {
		db_done(st);
		return (NULL);
	}
	return (st);
}

/* Prepare (cached) and bind; step with db_step, finish with db_done. */
sqlite3_stmt *
db_query(struct db *db, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;

	va_start(ap, fmt);
	st = vquery(db, sql, fmt, ap);
	va_end(ap);
	return (st);
}

/* 1: a row is ready, 0: done, -1: error. */
int
db_step(sqlite3_stmt *st)
{
	int	 rc;

	if (st == NULL)
		return (-1);
	/* A write ends the page's read first (see db_read_begin). */
	if (reading != NULL && reading->h == sqlite3_db_handle(st) &&
	    !sqlite3_stmt_readonly(st))
		db_read_end(reading);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return (1);
	return (rc == SQLITE_DONE ? 0 : -1);
}

void
db_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Run a statement that returns no rows. 0 on success. */
int
db_exec(struct db *db, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	st = vquery(db, sql, fmt, ap);
	va_end(ap);
	if (st == NULL)
		return (-1);
	while ((rc = db_step(st)) == 1)
		;
	db_done(st);
	return (rc);
}

/* First column of the first row as an integer: 1 found, 0 none, -1 error. */
int
db_int(struct db *db, int64_t *out, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	st = vquery(db, sql, fmt, ap);
	va_end(ap);
	if ((rc = db_step(st)) == 1)
		*out = sqlite3_column_int64(st, 0);
	db_done(st);
	return (rc);
}

/* First column of the first row appended to out: 1 found, 0 none, -1 error. */
int
db_text(struct db *db, struct buf *out, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	st = vquery(db, sql, fmt, ap);
	va_end(ap);
	if ((rc = db_step(st)) == 1)
		buf_puts(out, db_col_text(st, 0));
	db_done(st);
	return (rc);
}

/* Column text, never NULL (SQL NULL reads as ""). */
const char *
db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*s;

	s = sqlite3_column_text(st, col);
	return (s == NULL ? "" : (const char *)s);
}

int64_t
db_last_id(struct db *db)
{
	return (sqlite3_last_insert_rowid(db->h));
}

int
db_changes(struct db *db)
{
	return (sqlite3_changes(db->h));
}

/*
 * Transaction statements are prepared once and kept like any other: a
 * page begins and ends a read, and parsing "COMMIT" each time was a
 * visible part of a small page.
 */
static const char *sql_begin_read = "BEGIN";
static const char *sql_begin_write = "BEGIN IMMEDIATE";
static const char *sql_commit = "COMMIT";
static const char *sql_rollback = "ROLLBACK";
static const char *sql_savepoint = "SAVEPOINT nested";
static const char *sql_release = "RELEASE nested";

static int
tx(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, sql)) == NULL)
		return (-1);
	rc = sqlite3_step(st);
	(void)sqlite3_reset(st);
	return (rc == SQLITE_DONE ? 0 : -1);
}

/*
 * Writers take the lock up front, so a transaction never fails halfway on
 * SQLITE_BUSY when it upgrades from reading to writing. Inside another
 * transaction a savepoint is used instead, so a model function that
 * commits its own work can also be one step of a larger whole (the demo
 * council is built that way). Every begin ends in exactly one commit or
 * rollback; a rollback with nothing open does nothing.
 */
int
db_begin(struct db *db)
{
	db_read_end(db);
	if (tx(db, db->depth > 0 ? sql_savepoint : sql_begin_write) == -1)
		return (-1);
	db->depth++;
	return (0);
}

/* 0 when committed; on failure everything since db_begin is undone. */
int
db_commit(struct db *db)
{
	if (db->depth == 0)
		return (-1);
	if (tx(db, db->depth > 1 ? sql_release : sql_commit) == 0) {
		db->depth--;
		return (0);
	}
	db_rollback(db);
	return (-1);
}

/*
 * Ends a transaction whose steps were checked as they went: commits when
 * ok, otherwise undoes it all. 0 when committed.
 */
int
db_end(struct db *db, int ok)
{
	if (!ok) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db));
}

void
db_rollback(struct db *db)
{
	if (db->depth == 0)
		return;
	if (db->depth > 1)
		(void)sqlite3_exec(db->h, "ROLLBACK TO nested; RELEASE nested",
		    NULL, NULL, NULL);
	else if (!sqlite3_get_autocommit(db->h))
		(void)tx(db, sql_rollback);
	db->depth--;
}

/*
 * One read transaction for the many reads of a page. Outside a
 * transaction each statement is a read transaction of its own, and in
 * WAL mode each takes and drops a lock in the shared index with a
 * system call: a page's dozen reads cost more in locking than in
 * reading. All reads between db_read_begin() and db_read_end() see one
 * snapshot. Anything that writes ends it first (db_begin, or a statement
 * that is not read-only), so a write starts from the newest data, never
 * fails on an old snapshot, and commits when it always did. Nothing
 * happens if a transaction is open already. -1 on error.
 */
int
db_read_begin(struct db *db)
{
	int	 have;

	if (db->reading || db->depth > 0 || !sqlite3_get_autocommit(db->h))
		return (0);
	/* The count before the snapshot: it holds every commit counted. */
	db->read_count = db_commits(db, &have);
	(void)clock_gettime(CLOCK_MONOTONIC_COARSE, &db->read_at);
	if (tx(db, sql_begin_read) == -1)
		return (-1);
	db->reading = 1;
	db->kept = 0;
	reading = db;
	return (0);
}

static int64_t
read_age_ms(const struct db *db)
{
	struct timespec	 now;

	(void)clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	return ((int64_t)(now.tv_sec - db->read_at.tv_sec) * 1000 +
	    (now.tv_nsec - db->read_at.tv_nsec) / 1000000);
}

/*
 * A page's read, left open for the next page (db_read_again): taking
 * and dropping a snapshot's lock is two system calls and two statements,
 * a tenth of a small signed-in page.
 */
void
db_read_keep(struct db *db)
{
	if (db->reading)
		db->kept = 1;
}

/*
 * A read for a new page: the snapshot kept from the last page while
 * nothing has been committed since it began (the count of commits says
 * so, and a writer counts before it answers, so no answered write is
 * missing from it) and it is younger than DB_KEEP_MS; else a new one.
 * The age bounds how late a write the count misses is seen, and how
 * long a kept snapshot holds the log from being started again.
 */
int
db_read_again(struct db *db)
{
	int	 have;

	if (db->reading && db->kept && db_commits(db, &have) ==
	    db->read_count && have && read_age_ms(db) < DB_KEEP_MS) {
		db->kept = 0;
		return (0);
	}
	db_read_end(db);
	return (db_read_begin(db));
}

/* Ends a kept snapshot once it is DB_KEEP_MS old (an idle worker's). */
void
db_read_drop_kept(struct db *db)
{
	if (db->reading && db->kept && read_age_ms(db) >= DB_KEEP_MS)
		db_read_end(db);
}

void
db_read_end(struct db *db)
{
	if (!db->reading)
		return;
	db->reading = 0;
	db->kept = 0;
	if (reading == db)
		reading = NULL;
	if (!sqlite3_get_autocommit(db->h))
		(void)tx(db, sql_commit);
}

/*
 * Empty the log (-wal) file, so that older copies of pages that have
 * since been wiped (secure_delete) are gone from the disk's file too.
 * It needs every reader to have moved past the log; rather than wait
 * for that: 0 done, 1 someone is still in it (try again), -1 an error.
 */
int
db_empty_log(struct db *db)
{
	int	 rc;

	db_read_end(db);	/* our own snapshot would hold it too */
	(void)sqlite3_busy_handler(db->h, NULL, NULL);
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL,
	    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	(void)sqlite3_busy_handler(db->h, busy_wait, NULL);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return (1);
	return (rc == SQLITE_OK ? 0 : -1);
}

/*
 * Migrations.
 */

static int
is_migration_name(const char *name)
{
	size_t	 len;
	int	 i;

	len = strlen(name);
	if (len < 10 || strcmp(name + len - 4, ".sql") != 0)
		return (0);
	for (i = 0; i < 4; i++)
		if (name[i] < '0' || name[i] > '9')
			return (0);
	return (name[4] == '_');
}

static int
cmp_names(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

static int
list_migrations(const char *dir, char **names, size_t *n, char *err,
    size_t errlen)
{
	DIR		*d;
	struct dirent	*de;

	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		(void)snprintf(err, errlen, "cannot open the migrations folder "
		    "%s: %s", dir, strerror(errno));
		return (-1);
	}
	while ((de = readdir(d)) != NULL) {
		if (!is_migration_name(de->d_name))
			continue;
		if (*n == MIGRATIONS_MAX) {
			(void)snprintf(err, errlen, "too many migrations in %s",
			    dir);
			closedir(d);
			return (-1);
		}
		if ((names[(*n)++] = strdup(de->d_name)) == NULL)
			abort();
	}
	closedir(d);
	qsort(names, *n, sizeof(*names), cmp_names);
	return (0);
}

static char *
slurp(const char *path)
{
	FILE	*fp;
	char	*data;
	size_t	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return (NULL);
	if ((data = malloc(MIGRATION_FILE_MAX + 1)) == NULL)
		abort();
	n = fread(data, 1, MIGRATION_FILE_MAX + 1, fp);
	if (ferror(fp) || n > MIGRATION_FILE_MAX) {
		fclose(fp);
		free(data);
		return (NULL);
	}
	fclose(fp);
	data[n] = '\0';
	return (data);
}

static int
apply_one(struct db *db, const char *dir, const char *name, char *err,
    size_t errlen)
{
	char	 path[4096], *sql, *msg;
	int64_t	 seen;

	if (db_int(db, &seen, "SELECT count(*) FROM schema_migrations "
	    "WHERE name = ?1", "t", name) != 1)
		goto sqlerr;
	if (seen)
		return (0);
	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((sql = slurp(path)) == NULL) {
		(void)snprintf(err, errlen, "cannot read %s", path);
		return (-1);
	}
	msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		(void)snprintf(err, errlen, "migration %s failed: %s", name,
		    msg ? msg : db_errmsg(db));
		sqlite3_free(msg);
		free(sql);
		return (-1);
	}
	free(sql);
	if (db_exec(db, "INSERT INTO schema_migrations (name, applied_at) "
	    "VALUES (?1, strftime('%s','now'))", "t", name) != 0)
		goto sqlerr;
	return (1);
sqlerr:
	(void)snprintf(err, errlen, "recording migration %s: %s", name,
	    db_errmsg(db));
	return (-1);
}

/*
 * Apply every pending DIR/NNNN_name.sql in order, all in one transaction:
 * a failure leaves the database exactly as it was. Returns the number
 * applied, or -1 with err naming the file and SQLite's message.
 */
int
db_migrate(struct db *db, const char *dir, char *err, size_t errlen)
{
	char	*names[MIGRATIONS_MAX];
	size_t	 n, i;
	int	 applied, rc;

	if (list_migrations(dir, names, &n, err, errlen) == -1)
		return (-1);
	applied = 0;
	if (db_begin(db) == -1) {
		(void)snprintf(err, errlen, "cannot start migrating: %s",
		    db_errmsg(db));
		applied = -1;
		goto out;
	}
	if (sqlite3_exec(db->h, "CREATE TABLE IF NOT EXISTS schema_migrations "
	    "(name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)",
	    NULL, NULL, NULL) != SQLITE_OK) {
		(void)snprintf(err, errlen, "cannot create schema_migrations: "
		    "%s", db_errmsg(db));
		applied = -1;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if ((rc = apply_one(db, dir, names[i], err, errlen)) == -1) {
			applied = -1;
			goto out;
		}
		applied += rc;
	}
	if (db_commit(db) == -1) {
		(void)snprintf(err, errlen, "cannot commit migrations: %s",
		    db_errmsg(db));
		applied = -1;
	}
out:
	if (applied == -1)
		db_rollback(db);
	for (i = 0; i < n; i++)
		free(names[i]);
	return (applied);
}

/* How many migrations have been applied. */
int
db_schema_version(struct db *db, int64_t *out)
{
	return (db_int(db, out, "SELECT count(*) FROM schema_migrations", "")
	    == 1 ? 0 : -1);
}

/* Online backup: consistent even while the server writes. */
int
db_backup(struct db *db, const char *dest, char *err, size_t errlen)
{
	sqlite3		*to;
	sqlite3_backup	*bk;
	int		 rc;

	if (sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		(void)snprintf(err, errlen, "cannot create %s: %s", dest,
		    sqlite3_errmsg(to));
		sqlite3_close(to);
		return (-1);
	}
	if ((bk = sqlite3_backup_init(to, "main", db->h, "main")) == NULL) {
		(void)snprintf(err, errlen, "cannot start the backup: %s",
		    sqlite3_errmsg(to));
		sqlite3_close(to);
		(void)unlink(dest);
		return (-1);
	}
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		(void)snprintf(err, errlen, "the backup failed: %s",
		    sqlite3_errstr(rc));
		sqlite3_close(to);
		/* A part-written copy checks "ok" as an empty database and
		 * would be mistaken for a backup. */
		(void)unlink(dest);
		return (-1);
	}
	sqlite3_close(to);
	return (0);
}

/* PRAGMA integrity_check: 1 when "ok", 0 with the problems in report. */
int
db_check(struct db *db, struct buf *report)
{
	sqlite3_stmt	*st;
	int		 ok, rc;

	if (sqlite3_prepare_v2(db->h, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK)
		return (-1);
	ok = 1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(db_col_text(st, 0), "ok") != 0)
			ok = 0;
		buf_puts(report, db_col_text(st, 0));
		buf_putc(report, '\n');
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (-1);
	return (ok);
}

/*
 * Choices for a select or radio list: sql returns id, name and optionally
 * a hint; the row whose id is `selected` is marked.
 */
int
db_options(struct db *db, const char *sql, int64_t selected,
    struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "name", db_col_text(st, 1));
		if (sqlite3_column_count(st) > 2)
			tv_set_str(row, "hint", db_col_text(st, 2));
		tv_set_bool(row, "selected", sqlite3_column_int64(st, 0) ==
		    selected);
	}
	db_done(st);
	return (rc);
}
