/*
 * sgmatch.c: which of many word patterns occur in a text, in one pass.
 *
 * Trying each pattern against every word cost about a microsecond a
 * byte with 600 rules: a megabyte sent with a stale form held a worker
 * for a second, before any check of who sent it. The index lists, for
 * each literal and each word class, the pattern elements it can stand
 * for; each word then moves only the patterns it is part of. The answer
 * is the one trying each pattern in turn gives (test_safeguarding
 * compares them on every line of the corpus).
 */
#include <stdlib.h>
#include <string.h>

#include "sgmatch.h"

struct sg_ref {
	uint32_t	 pat;
	uint32_t	 k;		/* its element */
};

struct sg_key {
	uint64_t	 hash;		/* a literal; 0: an empty slot */
	uint32_t	 at;		/* its refs: [at, at + n) */
	uint32_t	 n;
};

struct sg_index {
	const struct sg_pat	*pats;
	size_t			 npats;
	struct sg_ref		*refs;
	struct sg_key		*keys;		/* open addressing */
	size_t			 nkeys;		/* a power of two */
	uint32_t		 cls[65];	/* class c: [cls[c], cls[c + 1]) */
};

struct sg_pair {
	int		 lit;		/* 0: key is a class bit */
	uint64_t	 key;
	struct sg_ref	 ref;
};

static int
pair_cmp(const void *a, const void *b)
{
	const struct sg_pair	*x = a, *y = b;

	if (x->lit != y->lit)
		return (x->lit - y->lit);
	if (x->key != y->key)
		return (x->key < y->key ? -1 : 1);
	if (x->ref.pat != y->ref.pat)
		return (x->ref.pat < y->ref.pat ? -1 : 1);
	return (x->ref.k < y->ref.k ? -1 : x->ref.k > y->ref.k);
}

/* Every (key, element) pair of the patterns, sorted; *n set. */
static struct sg_pair *
pairs_of(const struct sg_pat *pats, size_t npats, size_t *n)
{
	struct sg_pair		*pr;
	const struct sg_el	*el;
	size_t			 i, cap;
	int			 k, c, a;

	for (i = 0, cap = 0; i < npats; i++)
		for (k = 0; k < pats[i].n; k++)
			cap += (size_t)__builtin_popcountll(
			    pats[i].el[k].mask) + (size_t)pats[i].el[k].nlit;
	if ((pr = calloc(cap + 1, sizeof(*pr))) == NULL)
		abort();
	*n = 0;
	for (i = 0; i < npats; i++) {
		for (k = 0; k < pats[i].n; k++) {
			el = &pats[i].el[k];
			for (c = 0; c < 64; c++)
				if (el->mask & (1ULL << c))
					pr[(*n)++] = (struct sg_pair){ 0,
					    (uint64_t)c, { (uint32_t)i,
					    (uint32_t)k } };
			for (a = 0; a < el->nlit; a++)
				pr[(*n)++] = (struct sg_pair){ 1, el->lit[a],
				    { (uint32_t)i, (uint32_t)k } };
		}
	}
	qsort(pr, *n, sizeof(*pr), pair_cmp);
	return (pr);
}

static struct sg_key *
key_slot(const struct sg_index *ix, uint64_t hash)
{
	size_t	 i;

	for (i = hash & (ix->nkeys - 1); ix->keys[i].hash != 0 &&
	    ix->keys[i].hash != hash; i = (i + 1) & (ix->nkeys - 1))
		;
	return (&ix->keys[i]);
}

/* The index of npats patterns, which must outlive it. Never fails. */
struct sg_index *
sg_index_new(const struct sg_pat *pats, size_t npats)
{
	struct sg_index	*ix;
	struct sg_pair	*pr;
	struct sg_key	*key;
	size_t		 i, n, distinct;

	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		abort();
	ix->pats = pats;
	ix->npats = npats;
	pr = pairs_of(pats, npats, &n);
	if ((ix->refs = calloc(n + 1, sizeof(*ix->refs))) == NULL)
		abort();
	for (i = 0, distinct = 0; i < n; i++) {
		ix->refs[i] = pr[i].ref;
		if (!pr[i].lit)
			ix->cls[pr[i].key + 1] = (uint32_t)i + 1;
		else if (i == 0 || !pr[i - 1].lit || pr[i - 1].key != pr[i].key)
			distinct++;
	}
	/* A class with no refs starts where the one before ends. */
	for (i = 1; i < 65; i++)
		if (ix->cls[i] < ix->cls[i - 1])
			ix->cls[i] = ix->cls[i - 1];
	for (ix->nkeys = 16; ix->nkeys < distinct * 2; ix->nkeys *= 2)
		;
	if ((ix->keys = calloc(ix->nkeys, sizeof(*ix->keys))) == NULL)
		abort();
	for (i = 0; i < n; i++) {
		if (!pr[i].lit)
			continue;
		key = key_slot(ix, pr[i].key);
		if (key->hash == 0) {
			key->hash = pr[i].key;
			key->at = (uint32_t)i;
		}
		key->n++;
	}
	free(pr);
	return (ix);
}

struct sg_run {
	const struct sg_index	*ix;
	unsigned char		*hit;
	ptrdiff_t		*last;	/* [pat * SG_EL_MAX + k]: see below */
	unsigned char		*els;	/* per pattern: elements this word is */
	uint32_t		*touched;
	size_t			 ntouched;
};

static void
touch(struct sg_run *r, uint32_t at, uint32_t n)
{
	const struct sg_ref	*ref;

	for (ref = r->ix->refs + at; ref < r->ix->refs + at + n; ref++) {
		if (r->hit[ref->pat])
			continue;
		if (r->els[ref->pat] == 0)
			r->touched[r->ntouched++] = ref->pat;
		r->els[ref->pat] |= (unsigned char)(1u << ref->k);
	}
}

/*
 * Word i stands for the elements in els of pattern p. As in trying p
 * alone: last[k] is the latest word where its first k + 1 elements
 * matched in order within their gaps; elements from the last back, so
 * one word is never two elements in a row.
 */
static void
advance(struct sg_run *r, uint32_t p, unsigned char els, ptrdiff_t i)
{
	const struct sg_pat	*pat = &r->ix->pats[p];
	ptrdiff_t		*last = r->last + (size_t)p * SG_EL_MAX;
	int			 k;

	for (k = pat->n - 1; k >= 0; k--) {
		if ((els & (1u << k)) == 0)
			continue;
		if (k > 0 && (last[k - 1] < 0 ||
		    i - last[k - 1] - 1 > pat->el[k].gap))
			continue;
		last[k] = i;
		if (k == pat->n - 1) {
			r->hit[p] = 1;
			return;
		}
	}
}

/* hit[p] = 1 for each pattern p found in the n words t, else 0. */
void
sg_index_match(const struct sg_index *ix, const struct sg_tok *t, size_t n,
    unsigned char *hit)
{
	struct sg_run	 r;
	struct sg_key	*key;
	uint64_t	 m;
	size_t		 i, j;
	int		 c;

	memset(hit, 0, ix->npats);
	r.ix = ix;
	r.hit = hit;
	r.last = malloc(ix->npats * SG_EL_MAX * sizeof(*r.last) + 1);
	r.els = calloc(ix->npats + 1, 1);
	r.touched = malloc(ix->npats * sizeof(*r.touched) + 1);
	if (r.last == NULL || r.els == NULL || r.touched == NULL)
		abort();
	for (i = 0; i < ix->npats * SG_EL_MAX; i++)
		r.last[i] = -1;
	for (i = 0; i < n; i++) {
		if (t[i].hash == 0)
			continue;
		r.ntouched = 0;
		if ((key = key_slot(ix, t[i].hash))->hash != 0)
			touch(&r, key->at, key->n);
		for (m = t[i].mask; m != 0; m &= m - 1) {
			c = __builtin_ctzll(m);
			touch(&r, ix->cls[c], ix->cls[c + 1] - ix->cls[c]);
		}
		for (j = 0; j < r.ntouched; j++) {
			advance(&r, r.touched[j], r.els[r.touched[j]],
			    (ptrdiff_t)i);
			r.els[r.touched[j]] = 0;
		}
	}
	free(r.last);
	free(r.els);
	free(r.touched);
}
