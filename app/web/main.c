/*
 * main.c: start-up and the worker sandbox.
 *
 * The parent migrates the database, parses every template and loads the
 * assets before any worker forks, so a broken migration or template stops
 * start-up with a clear message instead of failing a request later. Each
 * worker then opens its own SQLite connection.
 *
 * Configuration comes from the environment because Kore refuses extra
 * command-line arguments:
 *   PORTAL_DB    the database file (default var/portal.db)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>

#include <kore/kore.h>
#include <kore/hooks.h>
#include <kore/seccomp.h>

#include "app.h"
#include "auth.h"
#include "timefmt.h"

#define DEFAULT_DB	"var/portal.db"

struct db		*app_db;
struct tmpl_set		*app_templates;

/*
 * The AddressSanitizer runtime (make test's second pass only) asks for
 * the thread id and CPU set when a task thread starts.
 */
#if defined(PORTAL_SANITIZE)
#define SANITIZER_SYSCALLS						\
	KORE_SYSCALL_ALLOW(gettid),					\
	KORE_SYSCALL_ALLOW(sched_getaffinity),
#else
#define SANITIZER_SYSCALLS
#endif

/*
 * Kore's stock worker filter lets the event loop run but kills a worker on
 * the first call SQLite or libsodium makes. What each needs, and why:
 */
KORE_SECCOMP_FILTER("portal",
	SANITIZER_SYSCALLS
	/* SQLite: stat of the database, -wal and -shm files. */
	KORE_SYSCALL_ALLOW(newfstatat),
	/* SQLite: positioned reads and writes of pages and WAL frames. */
	KORE_SYSCALL_ALLOW(pread64),
	KORE_SYSCALL_ALLOW(pwrite64),
	/* SQLite: synchronous=FULL makes every commit durable. */
	KORE_SYSCALL_ALLOW(fsync),
	KORE_SYSCALL_ALLOW(fdatasync),
	/* SQLite: truncating the WAL after a checkpoint. */
	KORE_SYSCALL_ALLOW(ftruncate),
	/* SQLite: new -wal/-shm files take the database file's mode. */
	KORE_SYSCALL_ALLOW(fchmod),
	/* SQLite: access() checks for a hot journal or WAL. Also glibc's
	 * stat of a missing file; without faccessat2 the worker dies. */
	KORE_SYSCALL_ALLOW(faccessat),
	KORE_SYSCALL_ALLOW(faccessat2),
	/* glibc realloc of large page buffers. */
	KORE_SYSCALL_ALLOW(mremap),
	/* libsodium: sodium_mlock keeps key material out of swap. */
	KORE_SYSCALL_ALLOW(mlock),
	KORE_SYSCALL_ALLOW(munlock),
	/* glibc registers restartable sequences in new task threads. */
	KORE_SYSCALL_ALLOW(rseq),
	/* SQLite tries to give files to the database owner when running as
	 * root: refusing is harmless and must not kill the worker. */
	KORE_SYSCALL_DENY(fchown, EPERM),
	/* glibc tries clone3 first for task threads; ENOSYS makes it fall
	 * back to clone, which Kore's task filter allows. */
	KORE_SYSCALL_DENY(clone3, ENOSYS)
)

static const char *
db_path(void)
{
	const char	*p;

	if ((p = getenv("PORTAL_DB")) == NULL || *p == '\0')
		p = DEFAULT_DB;
	return (p);
}

void
kore_parent_configure(int argc, char **argv)
{
	struct db	*db;
	char		 err[512];
	int		 n;

	(void)argc;
	(void)argv;
	/* Line by line, so a log piped to a file is whole even if the server
	 * is killed, and workers do not inherit half-written lines. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	time_zone_init();
	/* Before the fork, so every worker shares the dummy hash and list. */
	if (auth_init() == -1)
		fatal("libsodium could not start");
	if (password_list_load("data/common-passwords.txt") < 1000)
		fatal("cannot read the common-passwords list "
		    "data/common-passwords.txt");

	if (db_open(&db, db_path(), err, sizeof(err)) == -1)
		fatal("%s", err);
	if ((n = db_migrate(db, "migrations", err, sizeof(err))) == -1)
		fatal("%s", err);
	if (n > 0)
		kore_log(LOG_NOTICE, "applied %d migration(s)", n);
	if (user_rekey(db) == -1)
		fatal("cannot fold stored names: %s", db_errmsg(db));
	db_close(db);

	app_templates = tmpl_set_new();
	if (tmpl_set_load_dir(app_templates, "templates", err,
	    sizeof(err)) == -1 ||
	    tmpl_set_check(app_templates, err, sizeof(err)) == -1)
		fatal("template error: %s", err);
	if (assets_load("assets", err, sizeof(err)) == -1)
		fatal("%s", err);
}

void
kore_worker_configure(void)
{
	char	 err[512];

	if (sodium_init() < 0)
		fatal("libsodium could not start");
	if (db_open(&app_db, db_path(), err, sizeof(err)) == -1)
		fatal("%s", err);
}

void
kore_worker_teardown(void)
{
	db_close(app_db);
	app_db = NULL;
}
