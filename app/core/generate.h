/*
 * generate.h: fill a database with a large, plausible council for
 * benchmarks (portalctl generate). Never for a real instance.
 */
#ifndef PORTAL_GENERATE_H
#define PORTAL_GENERATE_H

#include <stdint.h>

#include "db.h"

int	generate_council(struct db *, int64_t, int64_t, int64_t,
	    const char *, char *, size_t);

#endif
