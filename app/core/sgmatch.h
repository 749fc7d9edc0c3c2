/*
 * sgmatch.h: the word check's patterns and tokens, and an index that
 * finds which of many patterns occur in a text in one pass over it
 * (safeguarding_scan.c compiles the patterns and reads the text).
 */
#ifndef SGMATCH_H
#define SGMATCH_H

#include <stddef.h>
#include <stdint.h>

#define SG_EL_MAX	8	/* elements in one pattern */
#define SG_ALT_MAX	24	/* literal alternatives in one element */

/* One element: any class in mask, or any literal; after up to gap
 * other words. */
struct sg_el {
	uint64_t	 mask;
	uint64_t	 lit[SG_ALT_MAX];
	uint64_t	 bloom;		/* bit hash & 63 of each literal */
	int		 nlit;
	int		 gap;		/* words allowed before this one */
};

struct sg_pat {
	struct sg_el	 el[SG_EL_MAX];
	int		 n;
};

/* A word as the patterns read it; hash 0 is a word blanked out. */
struct sg_tok {
	uint64_t	 hash;
	uint64_t	 mask;
};

struct sg_index;

struct sg_index	*sg_index_new(const struct sg_pat *, size_t);
void		 sg_index_match(const struct sg_index *, const struct sg_tok *,
		    size_t, unsigned char *);

#endif
