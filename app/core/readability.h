/*
 * readability.h: how hard an answer is to read. Counts words, sentences
 * and syllables (a rule-based counter: vowel groups, less a silent "e")
 * and gives the Flesch-Kincaid grade and a UK reading age (the grade
 * plus 5 years). Also counts "real words", so a reason of "." or "ok"
 * is not a reason.
 *
 * Not for: the words a young person may not know (glossary.c).
 */
#ifndef PORTAL_READABILITY_H
#define PORTAL_READABILITY_H

#include <stddef.h>

#define READ_TARGET_AGE		11	/* US grade 6: a 10 to 11 year old */
#define REASON_MIN_WORDS	3	/* real words a reason must have */

struct readability {
	int	 words;
	int	 sentences;
	int	 syllables;
	double	 grade;		/* Flesch-Kincaid grade level, unrounded */
	int	 age;		/* UK reading age in years, rounded; 0: no words */
};

int	read_syllables(const char *, size_t);
void	read_measure(const char *, struct readability *);
int	read_real_words(const char *);

#endif
