/*
 * json.h: writing JSON (exports and the open-data feed). Strings are
 * escaped here and only here; UTF-8 passes through as it is.
 */
#ifndef PORTAL_JSON_H
#define PORTAL_JSON_H

#include <stdint.h>

#include "buf.h"

void	json_str(struct buf *, const char *);
void	json_key(struct buf *, const char *, int);
void	json_kv_str(struct buf *, const char *, const char *, int);
void	json_kv_int(struct buf *, const char *, int64_t, int);

#endif
