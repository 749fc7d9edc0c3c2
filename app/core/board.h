/*
 * board.h: what the corporate parenting board report needs besides its
 * figures (reports.c): a worker's commentary per section and period, and
 * which young people sit on the board (they may read its young people's
 * version).
 */
#ifndef PORTAL_BOARD_H
#define PORTAL_BOARD_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "tmpl.h"

#define BOARD_SECTIONS		7
#define BOARD_COMMENT_MAX	4000	/* characters */

extern const char *const board_sections[BOARD_SECTIONS + 1];

int		 board_section(const char *);
const char	*board_section_title(int);
int		 board_commentary(struct db *, int64_t, int64_t, struct tval *);
int		 board_commentary_text(struct db *, int64_t, int64_t, int,
		    struct tval *, const char *);
int		 board_commentary_set(struct db *, const struct actor *,
		    int64_t, int64_t, int, const char *, int64_t);
int		 board_member(struct db *, int64_t);
int		 board_member_set(struct db *, const struct actor *, int64_t,
		    int);

#endif
