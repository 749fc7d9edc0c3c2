/*
 * safeguarding.h: spotting text that suggests a young person may be at
 * risk, so a participation worker reads it first, today.
 *
 * The phrase list is data (safeguarding_phrases), kept by admins; built-in
 * rules (safeguarding_scan.c) add word classes near each other, text-speak
 * and inflections. Matching ignores case, punctuation, apostrophes and
 * repeated letters, and is whole-word: "cut myself" matches "I cutt
 * myself!!" but "kill" would not match "skills". It is a net, not a
 * judge: a worker reads everything anyway; this puts risk at the top.
 */
#ifndef PORTAL_SAFEGUARDING_H
#define PORTAL_SAFEGUARDING_H

#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "tmpl.h"

struct sg_phrases;

void	safeguarding_normalise(const char *, struct buf *);
int	safeguarding_match(struct db *, const char *, struct buf *);
int	safeguarding_scan(const char *, const char *const *,
	    const char *const *, size_t, struct buf *);
struct sg_phrases *safeguarding_phrases_compile(const char *const *,
	    const char *const *, size_t);
void	safeguarding_phrases_free(struct sg_phrases *);
int	safeguarding_scan_with(const char *, const struct sg_phrases *,
	    struct buf *);
const char *safeguarding_rules_check(void);
int	safeguarding_index_agrees(const char *);
int	safeguarding_phrases(struct db *, struct tval *);
const char *safeguarding_topic_label(const char *);
const char *safeguarding_rules_text(struct arena *, const char *);
int	safeguarding_add(struct db *, const struct actor *, const char *,
	    const char *, const char **);
int	safeguarding_remove(struct db *, const struct actor *, int64_t);

#endif
