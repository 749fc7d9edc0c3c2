/*
 * glossary.h: words a young person may not know ("LAC", "Staying Put")
 * and a plain explanation of each. Admins edit the list at
 * /admin/glossary; writers of answers see which ones they used; public
 * pages explain each one in brackets the first time it is used.
 */
#ifndef PORTAL_GLOSSARY_H
#define PORTAL_GLOSSARY_H

#include <stdint.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "tmpl.h"

#define GLOSSARY_TERM_MAX	60
#define GLOSSARY_PLAIN_MAX	200
#define GLOSSARY_MAX		200	/* terms loaded */

struct glossary {
	size_t		 n;
	const char	*term[GLOSSARY_MAX];
	const char	*plain[GLOSSARY_MAX];
	unsigned char	 seen[GLOSSARY_MAX];	/* explained already */
};

int	glossary_load(struct db *, struct arena *, struct glossary *);
void	glossary_words(const struct glossary *, const char *, struct tval *);
const char *glossary_explain(struct glossary *, struct arena *,
	    const char *);
void	glossary_explain_keys(struct glossary *, struct tval *,
	    const char *const *);
int	glossary_list(struct db *, struct tval *);
int	glossary_get(struct db *, struct arena *, int64_t, const char **,
	    const char **);
int	glossary_save(struct db *, const struct actor *, int64_t,
	    const char *, const char *);
int	glossary_delete(struct db *, const struct actor *, int64_t);

#endif
