/*
 * unitdb.h: a migrated database in a fresh temporary folder, for unit
 * tests of models that need real tables. Header-only: each test binary
 * is one file plus the core.
 */
#ifndef PORTAL_UNITDB_H
#define PORTAL_UNITDB_H

#include <stdio.h>
#include <stdlib.h>

#include "db.h"

/* Open dir (a "/tmp/...-XXXXXX" template) as a migrated database. */
static int
unitdb_open(char *dir, struct db **db)
{
	char	 path[128], err[256];

	if (mkdtemp(dir) == NULL)
		return (-1);
	(void)snprintf(path, sizeof(path), "%s/unit.db", dir);
	if (db_open(db, path, err, sizeof(err)) == -1 ||
	    db_migrate(*db, "migrations", err, sizeof(err)) < 0) {
		fprintf(stderr, "unit database: %s\n", err);
		return (-1);
	}
	return (0);
}

static int
unitdb_close(const char *dir, struct db *db)
{
	char	 cmd[160];

	db_close(db);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

/*
 * A file-wide migrated database for a group of tests: defines db, and
 * setup and teardown for cmocka_run_group_tests_name.
 */
#define UNITDB_GROUP(template)						\
static struct db	*db;						\
static char		 unitdb_dir[64];				\
									\
static int								\
setup(void **state)							\
{									\
	(void)state;							\
	(void)snprintf(unitdb_dir, sizeof(unitdb_dir), "%s", template);	\
	return (unitdb_open(unitdb_dir, &db));				\
}									\
									\
static int								\
teardown(void **state)							\
{									\
	(void)state;							\
	return (unitdb_close(unitdb_dir, db));				\
}

#endif
