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
 *   PORTAL_DB               the database file (default var/portal.db)
 *   PORTAL_TRUSTED_PROXIES  the trusted_proxies setting: addresses or
 *                           networks of reverse proxies whose
 *                           X-Forwarded-For/-Proto are believed (default
 *                           none)
 *
 * With Kore's chroot on (the "root" directive, no -n), workers see the
 * database at its path inside the root, so it must live there; with
 * privilege drop on ("runas", no -r), the database and its folder must
 * belong to that user, who creates the -wal and -shm files beside it.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/socket.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include <kore/kore.h>
#include <kore/hooks.h>
#include <kore/seccomp.h>

#include "app.h"
#include "auth.h"
#include "settings.h"
#include "timefmt.h"

#define DEFAULT_DB	"var/portal.db"

struct db		*app_db;
struct tmpl_set		*app_templates;

/* The database file as the workers open it (after chroot, if any). */
static char		 worker_db[PATH_MAX];
/* Where forms too big to keep in memory wait (see body_folder). */
static char		 worker_bodies[PATH_MAX];

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
	/* bodies_sweep: reading the folder of bodies waiting on disk. */
	KORE_SYSCALL_ALLOW(getdents64),
	/* glibc realloc of large page buffers. */
	KORE_SYSCALL_ALLOW(mremap),
	/* libsodium: sodium_mlock keeps key material out of swap. */
	KORE_SYSCALL_ALLOW(mlock),
	KORE_SYSCALL_ALLOW(munlock),
	/* glibc registers restartable sequences in new task threads. */
	KORE_SYSCALL_ALLOW(rseq),
	/*
	 * Kore's filter kills the thread, not the process: a writer or task
	 * thread killed while it holds a lock (SQLite's memory mutex) leaves
	 * the event loop waiting on it for ever, a worker that answers
	 * nothing. So, two harmless calls a thread may make at any time: a
	 * sleep a signal interrupted comes back through restart_syscall,
	 * and spin locks that wait too long yield (AddressSanitizer's
	 * allocator does, under load).
	 */
	KORE_SYSCALL_ALLOW(restart_syscall),
	KORE_SYSCALL_ALLOW(sched_yield),
	/* SQLite tries to give files to the database owner when running as
	 * root: refusing is harmless and must not kill the worker. */
	KORE_SYSCALL_DENY(fchown, EPERM),
	/* glibc tries clone3 first for task threads; ENOSYS makes it fall
	 * back to clone, which Kore's task filter allows. */
	KORE_SYSCALL_DENY(clone3, ENOSYS),
	/* mailer.c: libcurl talks SMTP to the mail server from a task
	 * thread (resolving its name, connecting, TLS). */
	KORE_SYSCALL_ALLOW_ARG(socket, 0, AF_INET),
	KORE_SYSCALL_ALLOW_ARG(socket, 0, AF_INET6),
	KORE_SYSCALL_ALLOW_ARG(socket, 0, AF_UNIX),
	KORE_SYSCALL_ALLOW_ARG(socket, 0, AF_NETLINK),
	KORE_SYSCALL_ALLOW(bind),
	KORE_SYSCALL_ALLOW(connect),
	KORE_SYSCALL_ALLOW(getsockopt),
	KORE_SYSCALL_ALLOW(getsockname),
	KORE_SYSCALL_ALLOW(getpeername),
	KORE_SYSCALL_ALLOW(recvmsg),
	KORE_SYSCALL_ALLOW(sendmsg),
	KORE_SYSCALL_ALLOW(sendmmsg),
	KORE_SYSCALL_ALLOW(pipe2),
	KORE_SYSCALL_ALLOW(uname)
)

static const char *
db_path(void)
{
	const char	*p;

	if ((p = getenv("PORTAL_DB")) == NULL || *p == '\0')
		p = DEFAULT_DB;
	return (p);
}

/* Absolute path of a file whose folder exists. */
static void
absolute(const char *path, char *out, size_t outlen)
{
	char	 a[PATH_MAX], b[PATH_MAX], dir[PATH_MAX];

	(void)snprintf(a, sizeof(a), "%s", path);
	(void)snprintf(b, sizeof(b), "%s", path);
	if (realpath(dirname(a), dir) == NULL)
		fatal("database folder for %s: %s", path, errno_s);
	if ((size_t)snprintf(out, outlen, "%s/%s", strcmp(dir, "/") == 0 ?
	    "" : dir, basename(b)) >= outlen)
		fatal("database path too long: %s", path);
}

/*
 * Where the workers find the database, checked before any fork so a
 * wrong install stops with a clear message rather than failing workers.
 */
static void
worker_db_path(const char *path)
{
	struct passwd	*pw;
	struct stat	 st;
	char		 abs[PATH_MAX], root[PATH_MAX], dir[PATH_MAX];
	size_t		 n;

	absolute(path, abs, sizeof(abs));
	(void)snprintf(worker_db, sizeof(worker_db), "%s", abs);
	if (!skip_chroot) {
		if (realpath(kore_root_path, root) == NULL)
			fatal("root %s: %s", kore_root_path, errno_s);
		n = strlen(root);
		if (strcmp(root, "/") != 0) {
			if (strncmp(abs, root, n) != 0 || abs[n] != '/')
				fatal("the database %s is outside the root %s "
				    "the workers are locked into: move it "
				    "there or change PORTAL_DB", abs, root);
			(void)snprintf(worker_db, sizeof(worker_db), "%s",
			    abs + n);
		}
	}
	if (skip_runas || kore_runas_user == NULL)
		return;
	if ((pw = getpwnam(kore_runas_user)) == NULL)
		fatal("runas user %s does not exist", kore_runas_user);
	if (stat(abs, &st) == -1)
		fatal("the database %s: %s (create it as %s first: "
		    "portalctl migrate)", abs, errno_s, kore_runas_user);
	if (st.st_uid != pw->pw_uid)
		fatal("the database %s must belong to %s, who the workers "
		    "run as", abs, kore_runas_user);
	(void)snprintf(dir, sizeof(dir), "%s", abs);
	if (stat(dirname(dir), &st) == -1 || st.st_uid != pw->pw_uid)
		fatal("the folder of %s must belong to %s (the workers "
		    "create the -wal and -shm files there)", abs,
		    kore_runas_user);
}

/*
 * Forms larger than http_body_disk_offload (kore.conf) wait on disk, so
 * a view pasted too long can still reach its handler and come back to
 * the young person with a plain message, while memory per connection
 * stays small. They wait in <database>-bodies: inside the workers' root,
 * theirs alone to write. Bodies left by a killed worker go at start-up.
 */
static void
body_folder(const char *path)
{
	struct passwd	*pw;
	struct dirent	*de;
	struct stat	 st;
	DIR		*dir;
	char		 abs[PATH_MAX], host[PATH_MAX];
	int		 fd;

	absolute(path, abs, sizeof(abs));
	if ((size_t)snprintf(host, sizeof(host), "%s-bodies", abs) >=
	    sizeof(host) || (size_t)snprintf(worker_bodies,
	    sizeof(worker_bodies), "%s-bodies", worker_db) >=
	    sizeof(worker_bodies))
		fatal("database path too long: %s", path);
	if (mkdir(host, 0700) == -1 && errno != EEXIST)
		fatal("cannot make %s: %s", host, errno_s);
	/* Never through a link: the folder is chowned and emptied. */
	if (lstat(host, &st) == -1 || !S_ISDIR(st.st_mode))
		fatal("%s must be a folder", host);
	if (!skip_runas && kore_runas_user != NULL) {
		if ((pw = getpwnam(kore_runas_user)) == NULL)
			fatal("runas user %s does not exist", kore_runas_user);
		if (chown(host, pw->pw_uid, pw->pw_gid) == -1)
			fatal("chown %s: %s", host, errno_s);
	}
	if ((fd = open(host, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)) == -1 ||
	    (dir = fdopendir(fd)) == NULL)
		fatal("cannot read %s: %s", host, errno_s);
	while ((de = readdir(dir)) != NULL) {
		if (strncmp(de->d_name, "http_body.", 10) == 0)
			(void)unlinkat(dirfd(dir), de->d_name, 0);
	}
	(void)closedir(dir);
	http_body_disk_path = worker_bodies;
}

/*
 * A body a worker was killed holding stays on disk (start-up empties
 * the folder, but a worker restarts alone). Each worker, every ten
 * seconds, removes those not written to for a minute: a body still
 * arriving is written within http_body_timeout, and one being read is
 * open already, so its name can go.
 */
#define BODY_SWEEP_MS	10000
#define BODY_STALE	60

static void
bodies_sweep(void *arg, u_int64_t msecs)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*dir;
	char		 path[PATH_MAX];
	time_t		 now;

	(void)arg;
	(void)msecs;
	if ((dir = opendir(worker_bodies)) == NULL)
		return;
	now = time(NULL);
	while ((de = readdir(dir)) != NULL) {
		if (strncmp(de->d_name, "http_body.", 10) != 0 ||
		    fstatat(dirfd(dir), de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == -1 || !S_ISREG(st.st_mode) ||
		    now - st.st_mtime < BODY_STALE)
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s",
		    worker_bodies, de->d_name) < sizeof(path))
			(void)unlink(path);
	}
	(void)closedir(dir);
}

/*
 * A page's snapshot is kept for the pages after it (db_read_again); an
 * idle worker lets it go within DB_KEEP_MS and a half, so the log can be
 * emptied and started again (a writer doing so waits for it).
 */
static void
reads_tick(void *arg, u_int64_t msecs)
{
	(void)arg;
	(void)msecs;
	db_read_drop_kept(app_db);
}

/*
 * A database made before umask was set may be readable by everyone:
 * make it, and its -wal and -shm files, the owner's alone.
 */
static void
db_files_private(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-commits" };
	struct stat	 sb;
	char		 f[4096];
	size_t		 i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		(void)snprintf(f, sizeof(f), "%s%s", path, ext[i]);
		/* Never through a link: chmod would change its target. */
		if (lstat(f, &sb) == -1 || !S_ISREG(sb.st_mode))
			continue;
		/* Take away group's and others' bits only: an operator who
		 * made the file read-only meant it. */
		if ((sb.st_mode & 077) != 0 && chmod(f, sb.st_mode & 0700) ==
		    -1)
			kore_log(LOG_WARNING, "chmod %s: %s", f,
			    strerror(errno));
	}
}

void
kore_parent_configure(int argc, char **argv)
{
	struct db	*db;
	const char	*proxies;
	char		 err[512];
	int		 n;

	(void)argc;
	(void)argv;
	/* Everything the server creates (the database, its -wal and -shm,
	 * logs) holds password hashes or children's words: owner only. */
	(void)umask(077);
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

	proxies = getenv("PORTAL_TRUSTED_PROXIES");
	if (guard_proxies_init(proxies, err, sizeof(err)) == -1)
		fatal("%s", err);
	if (proxies != NULL && *proxies != '\0')
		kore_log(LOG_NOTICE, "trusted_proxies: %s (their "
		    "X-Forwarded-For and X-Forwarded-Proto are believed)",
		    proxies);
	mailer_configure();

	worker_db_path(db_path());
	body_folder(db_path());
	if (db_open(&db, db_path(), err, sizeof(err)) == -1)
		fatal("%s", err);
	if ((n = db_migrate(db, "migrations", err, sizeof(err))) == -1)
		fatal("%s", err);
	if (n > 0)
		kore_log(LOG_NOTICE, "applied %d migration(s)", n);
	if (user_rekey(db) == -1)
		fatal("cannot fold stored names: %s", db_errmsg(db));
	db_close(db);
	db_files_private(db_path());

	app_templates = tmpl_set_new();
	if (tmpl_set_load_dir(app_templates, "templates", err,
	    sizeof(err)) == -1 ||
	    tmpl_set_check(app_templates, err, sizeof(err)) == -1)
		fatal("template error: %s", err);
	if (assets_load("assets", err, sizeof(err)) == -1)
		fatal("%s", err);
}

/* The database as this worker sees it (inside its root). */
const char *
app_db_path(void)
{
	return (worker_db);
}

void
kore_worker_configure(void)
{
	char	 err[512];

	if (sodium_init() < 0)
		fatal("libsodium could not start");
	if (db_open(&app_db, worker_db, err, sizeof(err)) == -1)
		fatal("%s", err);
	/* The writers copy the log back after their batches (writer.c); a
	 * commit here would do it inside the event loop. Only a log that
	 * no writer copies (nothing sent through one) gets so long. */
	db_checkpoint_at(app_db, 16384);
	conns_init();
	kore_timer_add(bodies_sweep, BODY_SWEEP_MS, NULL, 0);
	kore_timer_add(reads_tick, DB_KEEP_MS / 2, NULL, 0);
	mailer_init();
	reminders_init();
}

void
kore_worker_teardown(void)
{
	write_job_teardown();
	settings_forget();
	db_close(app_db);
	app_db = NULL;
}
