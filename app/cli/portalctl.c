/*
 * portalctl: the operator's tool, over the same core code as the server.
 *
 * Exit status: 0 done, 1 failed (the reason is printed), 2 bad usage.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "db.h"
#include "generate.h"
#include "invite.h"
#include "mail.h"
#include "remind.h"
#include "pledge.h"
#include "retention.h"
#include "safeguarding.h"
#include "timefmt.h"
#include "seed.h"
#include "settings.h"
#include "users.h"

#define EXIT_USAGE	2

struct cli {
	const char	*db_path;
	const char	*migrations;
	struct db	*db;
	int		 may_create;	/* the command may make a database */
};

struct command {
	const char	*name;
	const char	*args;
	const char	*help;
	int		(*run)(struct cli *, int, char **);
};

static int	cmd_migrate(struct cli *, int, char **);
static int	cmd_seed_demo(struct cli *, int, char **);
static int	cmd_demo_logins(struct cli *, int, char **);
static int	cmd_create_admin(struct cli *, int, char **);
static int	cmd_invite(struct cli *, int, char **);
static int	cmd_generate(struct cli *, int, char **);
static int	cmd_purge(struct cli *, int, char **);
static int	cmd_backup(struct cli *, int, char **);
static int	cmd_check(struct cli *, int, char **);
static int	cmd_mail_send(struct cli *, int, char **);
static int	cmd_scan(struct cli *, int, char **);
static int	cmd_remind(struct cli *, int, char **);
static int	cmd_pledge_remind(struct cli *, int, char **);

static const struct command commands[] = {
	{ "migrate", "", "apply any pending database migrations",
	    cmd_migrate },
	{ "seed-demo", "", "create the demo council (only in a database with "
	    "no accounts)", cmd_seed_demo },
	{ "demo-logins", "", "print the demo sign-ins (demo databases only)",
	    cmd_demo_logins },
	{ "create-admin", "NAME", "create an admin account; the password is "
	    "asked for, or read as one line from standard input",
	    cmd_create_admin },
	{ "invite", "--role ROLE", "make a one-time invite code (ROLE: "
	    "young_person, participation_worker, councillor or admin)",
	    cmd_invite },
	{ "generate", "--young N --views M [--password P]", "add a large "
	    "generated council to a demo database, for benchmarks",
	    cmd_generate },
	{ "purge", "[--dry-run]", "delete what is past its retention time "
	    "(safe from cron); --dry-run only says what would go", cmd_purge },
	{ "backup", "FILE", "copy the database to FILE, safely even while the "
	    "server runs", cmd_backup },
	{ "check", "", "check the database file for damage", cmd_check },
	{ "mail-send", "", "send the outbox's mail that is due, once (safe "
	    "from cron while the server runs)", cmd_mail_send },
	{ "scan", "", "read one text a line on standard input and print, for "
	    "each, flag or clear, a tab, the safeguarding rules matched, a "
	    "tab, the text (try a phrase before adding it)", cmd_scan },
	{ "remind", "", "remind councillors of answers coming due and tell "
	    "workers and admins of overdue ones, once each (safe from cron "
	    "while the server runs)", cmd_remind },
	{ "pledge-remind", "", "remind the owners of promises with no "
	    "progress for pledge_stale_days, once (the server does it hourly)",
	    cmd_pledge_remind },
};

static void
usage(FILE *fp)
{
	size_t	 i;

	fprintf(fp, "usage: portalctl [--db FILE] COMMAND [ARGUMENTS]\n\n"
	    "The database is --db, else $PORTAL_DB, else var/portal.db.\n\n"
	    "Commands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %s%s%s\n      %s\n", commands[i].name,
		    *commands[i].args ? " " : "", commands[i].args,
		    commands[i].help);
}

static int
open_db(struct cli *c, int migrate)
{
	char	 err[512];
	int	 n;

	/* Anything else on a path with none (a typo, PORTAL_DB unset)
	 * would quietly make an empty one, and report on it. */
	if (!c->may_create && access(c->db_path, F_OK) != 0) {
		fprintf(stderr, "portalctl: there is no database at %s (set "
		    "PORTAL_DB or --db; \"portalctl migrate\" makes a new "
		    "one)\n", c->db_path);
		return (-1);
	}
	if (db_open(&c->db, c->db_path, err, sizeof(err)) == -1) {
		fprintf(stderr, "portalctl: %s\n", err);
		return (-1);
	}
	if (!migrate)
		return (0);
	if ((n = db_migrate(c->db, c->migrations, err, sizeof(err))) == -1) {
		fprintf(stderr, "portalctl: %s\n", err);
		return (-1);
	}
	if (n > 0)
		printf("Applied %d migration(s) to %s.\n", n, c->db_path);
	if (user_rekey(c->db) == -1) {
		fprintf(stderr, "portalctl: cannot fold stored names: %s\n",
		    db_errmsg(c->db));
		return (-1);
	}
	return (0);
}

static int
cmd_migrate(struct cli *c, int argc, char **argv)
{
	int64_t	 version;

	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	if (open_db(c, 1) == -1)
		return (1);
	if (db_schema_version(c->db, &version) == -1)
		return (1);
	printf("The database is up to date (%lld migrations).\n",
	    (long long)version);
	return (0);
}

static void
print_demo_logins(void)
{
	const struct demo_login	*l;
	size_t			 n, i;

	l = seed_demo_logins(&n);
	printf("Demo sign-ins (demo council only):\n");
	for (i = 0; i < n; i++)
		printf("  %-22s name: %-18s password: %s\n", l[i].role,
		    l[i].name, l[i].password);
}

static int
cmd_seed_demo(struct cli *c, int argc, char **argv)
{
	char	 err[512];
	int	 rc;

	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	if (open_db(c, 1) == -1)
		return (1);
	if (auth_init() == -1) {
		fprintf(stderr, "portalctl: libsodium could not start\n");
		return (1);
	}
	if ((rc = seed_demo(c->db, err, sizeof(err))) == -1) {
		fprintf(stderr, "portalctl: the demo council could not be "
		    "created: %s\n", err);
		return (1);
	}
	if (rc == 0)
		printf("The database already has accounts: no demo data was "
		    "added.\n");
	else
		printf("Created the demo council.\n");
	return (0);
}

static int
cmd_demo_logins(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	if (open_db(c, 1) == -1)
		return (1);
	if (!seed_is_demo(c->db)) {
		printf("This is not a demo database, so there are no demo "
		    "sign-ins.\n");
		return (0);
	}
	print_demo_logins();
	return (0);
}

/* One line from the terminal with echo off, or from a pipe. */
static int
read_secret(const char *prompt, char *out, size_t outlen)
{
	struct termios	 old, quiet;
	int		 tty, ok;

	tty = isatty(STDIN_FILENO);
	if (tty) {
		fprintf(stderr, "%s", prompt);
		if (tcgetattr(STDIN_FILENO, &old) == -1)
			return (-1);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		(void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	ok = fgets(out, (int)outlen, stdin) != NULL;
	if (tty) {
		(void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	if (!ok)
		return (-1);
	out[strcspn(out, "\r\n")] = '\0';
	return (0);
}

static int
read_new_password(char *pw, size_t pwlen)
{
	char		 again[PASSWORD_MAX * 4 + 2];
	const char	*why;

	if (read_secret("Password: ", pw, pwlen) == -1) {
		fprintf(stderr, "portalctl: no password was given\n");
		return (-1);
	}
	if ((why = password_problem(pw)) != NULL) {
		fprintf(stderr, "portalctl: %s\n", why);
		return (-1);
	}
	if (isatty(STDIN_FILENO)) {
		if (read_secret("Password again: ", again, sizeof(again)) == -1 ||
		    strcmp(pw, again) != 0) {
			fprintf(stderr, "portalctl: the passwords do not "
			    "match\n");
			return (-1);
		}
	}
	return (0);
}

static int
cmd_create_admin(struct cli *c, int argc, char **argv)
{
	struct actor	 system = { 0, "portalctl", "", "" };
	char		 pw[PASSWORD_MAX * 4 + 2], hash[AUTH_HASH_MAX];
	const char	*why;
	int64_t		 id;

	if (argc != 1)
		return (EXIT_USAGE);
	if ((why = user_name_problem(argv[0], ROLE_ADMIN)) != NULL) {
		fprintf(stderr, "portalctl: %s\n", why);
		return (1);
	}
	if (auth_init() == -1 ||
	    password_list_load("data/common-passwords.txt") == -1)
		fprintf(stderr, "portalctl: warning: the common-passwords "
		    "list was not found\n");
	if (read_new_password(pw, sizeof(pw)) == -1)
		return (1);
	if (auth_password_hash(pw, hash) == -1) {
		fprintf(stderr, "portalctl: the password could not be "
		    "hashed\n");
		return (1);
	}
	sodium_memzero(pw, sizeof(pw));
	if (open_db(c, 1) == -1 || db_begin(c->db) == -1)
		return (1);
	if (user_create(c->db, argv[0], ROLE_ADMIN, hash, NULL, 0, &id,
	    &why) == -1 ||
	    audit_write(c->db, &system, "account.create", "user", id,
	    "admin") == -1 || db_commit(c->db) == -1) {
		db_rollback(c->db);
		fprintf(stderr, "portalctl: %s\n", why ? why :
		    db_errmsg(c->db));
		return (1);
	}
	printf("Created the admin account \"%s\".\n", argv[0]);
	return (0);
}

static int
cmd_invite(struct cli *c, int argc, char **argv)
{
	struct actor	 system = { 0, "portalctl", "", "" };
	char		 code[AUTH_CODE_LEN];
	enum role	 role;
	int64_t		 id, days;

	if (argc != 2 || strcmp(argv[0], "--role") != 0)
		return (EXIT_USAGE);
	if ((role = role_parse(argv[1])) == ROLE_NONE) {
		fprintf(stderr, "portalctl: \"%s\" is not a role. Use "
		    "young_person, participation_worker, councillor or "
		    "admin.\n", argv[1]);
		return (1);
	}
	if (auth_init() == -1 || open_db(c, 1) == -1)
		return (1);
	days = settings_int(c->db, "invite_days", 14);
	if (db_begin(c->db) == -1 ||
	    invite_create(c->db, &system, role, 0, (int64_t)time(NULL), days,
	    code, &id) == -1 || db_commit(c->db) == -1) {
		db_rollback(c->db);
		fprintf(stderr, "portalctl: %s\n", db_errmsg(c->db));
		return (1);
	}
	printf("Invite code for a %s (works once, for %lld days):\n\n"
	    "    %s\n\nThey type it in at /join.\n", role_label(role),
	    (long long)days, code);
	return (0);
}

static int
cmd_generate(struct cli *c, int argc, char **argv)
{
	const char	*password = NULL;
	char		 err[512], *end;
	long long	 young = -1, views = -1, *target;
	int		 i;

	for (i = 0; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--password") == 0) {
			password = argv[i + 1];
			continue;
		}
		target = strcmp(argv[i], "--young") == 0 ? &young :
		    strcmp(argv[i], "--views") == 0 ? &views : NULL;
		if (target == NULL)
			return (EXIT_USAGE);
		*target = strtoll(argv[i + 1], &end, 10);
		if (*end != '\0' || *target < 1 || *target > 10000000)
			return (EXIT_USAGE);
	}
	if (i != argc || young < 1 || views < 0)
		return (EXIT_USAGE);
	if (auth_init() == -1 || open_db(c, 1) == -1)
		return (1);
	if (!seed_is_demo(c->db)) {
		fprintf(stderr, "portalctl: generated data only goes into a "
		    "demo database (run seed-demo first)\n");
		return (1);
	}
	if (generate_council(c->db, young, views, (int64_t)time(NULL),
	    password, err, sizeof(err)) == -1) {
		fprintf(stderr, "portalctl: %s\n", err);
		return (1);
	}
	printf("Added %lld young people and %lld views.\n", young, views);
	return (0);
}

/* How many migrations wait to be applied to c's database; -1 on error. */
static int
pending_migrations(struct cli *c)
{
	struct dirent	*de;
	DIR		*d;
	int64_t		 applied;
	int		 n;

	if (db_schema_version(c->db, &applied) != 0)
		applied = 0;
	if ((d = opendir(c->migrations)) == NULL)
		return (-1);
	for (n = 0; (de = readdir(d)) != NULL; )
		if (strlen(de->d_name) > 4 && strcmp(de->d_name +
		    strlen(de->d_name) - 4, ".sql") == 0)
			n++;
	closedir(d);
	return (n > applied ? n - (int)applied : 0);
}

static int
cmd_purge(struct cli *c, int argc, char **argv)
{
	struct actor		 system = { 0, "portalctl", "", "" };
	struct purge_counts	 n;
	int			 dry, pending;

	dry = argc == 1 && strcmp(argv[0], "--dry-run") == 0;
	if (argc > 1 || (argc == 1 && !dry))
		return (EXIT_USAGE);
	/* A dry run changes nothing, not even the schema. */
	if (open_db(c, !dry) == -1)
		return (1);
	if (dry && (pending = pending_migrations(c)) != 0) {
		fprintf(stderr, "portalctl: %s has %d migration(s) waiting: run "
		    "\"portalctl migrate\" first (after a backup), then try "
		    "again\n", c->db_path, pending);
		return (1);
	}
	if (retention_purge(c->db, &system, (int64_t)time(NULL), dry, &n) ==
	    -1) {
		fprintf(stderr, "portalctl: the purge failed and changed "
		    "nothing: %s\n", n.why);
		return (1);
	}
	printf("%s %lld unpublished view(s) and %lld closed account(s).\n",
	    dry ? "Would delete" : "Deleted", (long long)n.views,
	    (long long)n.accounts);
	if (n.views_kept > 0)
		printf("Kept %lld old view(s) that have a safeguarding "
		    "record.\n", (long long)n.views_kept);
	if (n.concerns > 0)
		printf("%s %lld closed safeguarding concern(s) past their "
		    "time.\n", dry ? "Would delete" : "Deleted",
		    (long long)n.concerns);
	if (n.accounts_kept > 0)
		printf("Wiped %lld account(s) to a number, kept because a "
		    "record that must stay (such as a safeguarding record) "
		    "points at them.\n",
		    (long long)n.accounts_kept);
	return (0);
}

static int
cmd_backup(struct cli *c, int argc, char **argv)
{
	char	 err[512];

	if (argc != 1)
		return (EXIT_USAGE);
	if (access(argv[0], F_OK) == 0) {
		fprintf(stderr, "portalctl: %s already exists; choose a new "
		    "file name\n", argv[0]);
		return (1);
	}
	if (open_db(c, 0) == -1)
		return (1);
	if (db_backup(c->db, argv[0], err, sizeof(err)) == -1) {
		fprintf(stderr, "portalctl: %s\n", err);
		return (1);
	}
	printf("Backed up %s to %s.\n", c->db_path, argv[0]);
	return (0);
}

static int
cmd_check(struct cli *c, int argc, char **argv)
{
	struct buf	 report;
	int64_t		 version;
	int		 rc;

	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	if (open_db(c, 0) == -1)
		return (1);
	if (db_schema_version(c->db, &version) != 0 || version == 0) {
		fprintf(stderr, "portalctl: %s is not a portal database (it "
		    "has no migrations)\n", c->db_path);
		return (1);
	}
	buf_init(&report, 256);
	rc = db_check(c->db, &report);
	if (rc == 1)
		printf("ok: %s has no damage.\n", c->db_path);
	else if (rc == 0)
		printf("DAMAGED: %s\n%s", c->db_path, buf_cstr(&report));
	else
		fprintf(stderr, "portalctl: the check could not run: %s\n",
		    db_errmsg(c->db));
	buf_free(&report);
	return (rc == 1 ? 0 : 1);
}

static int
cmd_mail_send(struct cli *c, int argc, char **argv)
{
	struct mail_report	 r;

	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	if (open_db(c, 0) == -1)
		return (1);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
		fprintf(stderr, "portalctl: libcurl could not start\n");
		return (1);
	}
	if (mail_deliver_due(c->db, &r) == -1) {
		fprintf(stderr, "portalctl: %s\n", db_errmsg(c->db));
		curl_global_cleanup();
		return (1);
	}
	curl_global_cleanup();
	if (!r.configured) {
		printf("No mail server is set (smtp_url and smtp_from in the "
		    "settings): nothing was sent.\n");
		return (0);
	}
	printf("Sent %d, %d to try again later, %d failed for good.\n",
	    r.sent, r.retry, r.failed);
	return (0);
}

/*
 * One text a line in, "flag|clear TAB rules TAB text" out, against the
 * database's phrase list and the built-in rules: what a post would get.
 */
static int
cmd_scan(struct cli *c, int argc, char **argv)
{
	struct buf	 rules;
	char		 err[512], *line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	int		 hits, rc = 0;

	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	/* Migrations quietly: standard output is only the results. */
	if (db_open(&c->db, c->db_path, err, sizeof(err)) == -1 ||
	    db_migrate(c->db, c->migrations, err, sizeof(err)) == -1) {
		fprintf(stderr, "portalctl: %s\n", err);
		return (1);
	}
	buf_init(&rules, 256);
	while ((n = getline(&line, &cap, stdin)) != -1) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		buf_reset(&rules);
		if ((hits = safeguarding_match(c->db, line, &rules)) == -1) {
			fprintf(stderr, "portalctl: %s\n", db_errmsg(c->db));
			rc = 1;
			break;
		}
		printf("%s\t%s\t%s\n", hits > 0 ? "flag" : "clear",
		    buf_cstr(&rules), line);
	}
	free(line);
	buf_free(&rules);
	if (fflush(stdout) == EOF || ferror(stdout))
		rc = 1;
	return (rc);
}

static int
cmd_remind(struct cli *c, int argc, char **argv)
{
	struct remind_report	 r;

	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	if (open_db(c, 0) == -1)
		return (1);
	if (remind_run(c->db, (int64_t)time(NULL), &r) == -1) {
		fprintf(stderr, "portalctl: %s\n", db_errmsg(c->db));
		return (1);
	}
	printf("Sent %d reminders and %d overdue alerts.\n", r.before,
	    r.overdue);
	return (0);
}

static int
cmd_pledge_remind(struct cli *c, int argc, char **argv)
{
	int	 n;

	(void)argv;
	if (argc != 0)
		return (EXIT_USAGE);
	if (open_db(c, 0) == -1)
		return (1);
	if ((n = pledge_remind_stale(c->db, (int64_t)time(NULL),
	    settings_int(c->db, "pledge_stale_days", 90))) == -1) {
		fprintf(stderr, "portalctl: %s\n", db_errmsg(c->db));
		return (1);
	}
	printf("Reminded the owners of %d promises.\n", n);
	return (0);
}

int
main(int argc, char **argv)
{
	struct cli	 c;
	size_t		 i;
	int		 rc;

	/* The database and its backups hold password hashes and children's
	 * words: files portalctl creates are the owner's alone. */
	(void)umask(077);
	/* Dates it writes and migrations that read local time use the
	 * council's clock, as the server does. */
	time_zone_init();
	memset(&c, 0, sizeof(c));
	if ((c.db_path = getenv("PORTAL_DB")) == NULL || *c.db_path == '\0')
		c.db_path = "var/portal.db";
	c.migrations = "migrations";
	argc--;
	argv++;
	while (argc >= 2 && strncmp(argv[0], "--", 2) == 0) {
		if (strcmp(argv[0], "--db") == 0)
			c.db_path = argv[1];
		else if (strcmp(argv[0], "--migrations") == 0)
			c.migrations = argv[1];
		else
			break;
		argc -= 2;
		argv += 2;
	}
	if (argc < 1 || strcmp(argv[0], "help") == 0 ||
	    strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		usage(argc < 1 ? stderr : stdout);
		return (argc < 1 ? EXIT_USAGE : 0);
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(commands[i].name, argv[0]) != 0)
			continue;
		/* Only these make a database (open_db()). */
		c.may_create = strcmp(argv[0], "migrate") == 0 ||
		    strcmp(argv[0], "seed-demo") == 0 ||
		    strcmp(argv[0], "create-admin") == 0;
		rc = commands[i].run(&c, argc - 1, argv + 1);
		if (rc == EXIT_USAGE)
			fprintf(stderr, "usage: portalctl %s %s\n",
			    commands[i].name, commands[i].args);
		db_close(c.db);
		return (rc);
	}
	fprintf(stderr, "portalctl: unknown command \"%s\"\n\n", argv[0]);
	usage(stderr);
	return (EXIT_USAGE);
}
