/*
 * auth.h: password hashing, random tokens and codes, constant-time
 * compares, the password policy. No SQL here: sessions and invites live
 * in session.c and invite.c.
 */
#ifndef PORTAL_AUTH_H
#define PORTAL_AUTH_H

#include <stddef.h>

#include <sodium.h>

#define AUTH_HASH_MAX		crypto_pwhash_STRBYTES
#define AUTH_TOKEN_BYTES	32
#define AUTH_TOKEN_LEN		44	/* 43 base64url characters + NUL */
#define AUTH_DIGEST_BYTES	32
#define AUTH_FORM_TOKEN_LEN	45	/* 22 nonce + 22 MAC characters + NUL */
#define AUTH_CODE_LEN		40	/* up to 26 symbols in groups of four */
#define AUTH_INVITE_SYMBOLS	16	/* a new invite code: see auth.c */
#define AUTH_INVITE_OLD_SYMBOLS	26	/* codes made before: still valid */
#define PASSWORD_MIN		8
#define PASSWORD_MAX		128

int	auth_init(void);
int	auth_password_hash(const char *, char *);
int	auth_password_verify(const char *, const char *);
void	auth_password_dummy(const char *);
void	auth_token_new(char *);
void	auth_form_token_new(const char *, char *);
int	auth_form_token_ok(const char *, const char *);
void	auth_digest(const char *, size_t, unsigned char *);
void	auth_digest_hex(const char *, char *, size_t);
int	auth_equal(const char *, const char *);
void	auth_code_new(char *, size_t);
void	auth_code_symbols(char *, size_t, size_t);
int	auth_code_normalise(const char *, char *, size_t);

int	password_list_load(const char *);
int	password_is_common(const char *);
const char *password_problem(const char *);
const char *password_new_problem(const char *, const char *, int *);

#endif
