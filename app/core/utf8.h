/*
 * utf8.h: UTF-8 validation and the text rules every form shares.
 */
#ifndef PORTAL_UTF8_H
#define PORTAL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_MULTILINE	0x01	/* allow \n, \r and \t */

int	utf8_decode(const char **, const char *, uint32_t *);
int	utf8_valid(const char *, size_t);
size_t	utf8_count(const char *);
int	cp_is_invisible(uint32_t);
int	text_clean(const char *, int);
int	cp_word(uint32_t, uint32_t *);
size_t	utf8_encode(uint32_t, char *);

#endif
