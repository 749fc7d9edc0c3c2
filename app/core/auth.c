/*
 * auth.c: the cryptographic primitives of accounts (see auth.h).
 *
 * Passwords: argon2id via crypto_pwhash_str at INTERACTIVE limits (about
 * 0.1 to 0.2 s and 64 MiB): callers in the server run these in a task
 * thread so a worker keeps serving.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "utf8.h"

#define COMMON_MAX	20000

/* Crockford's base32: no I, L, O or U, so codes read aloud well. */
static const char	 code_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define RANDOM_POOL	4096	/* bytes asked of the kernel at a time */

static char		 dummy_hash[AUTH_HASH_MAX];
static char		**common;
static size_t		 ncommon;

int
auth_init(void)
{
	if (sodium_init() < 0)
		return (-1);
	/* A real hash to verify against when the account does not exist, so
	 * "no such account" takes as long as "wrong password". */
	return (auth_password_hash("not a real password", dummy_hash));
}

int
auth_password_hash(const char *pw, char *out)
{
	return (crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1);
}

/* 1 if pw matches hash. */
int
auth_password_verify(const char *hash, const char *pw)
{
	return (crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0);
}

/* Spend the time a verify takes, for accounts that do not exist. */
void
auth_password_dummy(const char *pw)
{
	volatile int	 sink;

	if (dummy_hash[0] != '\0')
		sink = crypto_pwhash_str_verify(dummy_hash, pw, strlen(pw));
	(void)sink;
}

/*
 * n random bytes (n <= RANDOM_POOL). A visitor's first page and every
 * form get a token, and one getrandom() call each was a tenth of a kept
 * page's cost: bytes are taken from the kernel a pool at a time instead.
 * Each thread has its own pool, each byte is given out once and wiped,
 * and a child throws away any pool filled before its fork (the count
 * of forks moved), so no two processes ever hand out the same bytes.
 */
static unsigned int	 forks;
static pthread_once_t	 forks_once = PTHREAD_ONCE_INIT;

static void
count_fork(void)
{
	forks++;
}

static void
watch_forks(void)
{
	(void)pthread_atfork(NULL, NULL, count_fork);
}

static void
random_take(unsigned char *out, size_t n)
{
	static _Thread_local unsigned char	 pool[RANDOM_POOL];
	static _Thread_local size_t		 left;
	static _Thread_local unsigned int	 filled_at;
	unsigned char				*from;

	(void)pthread_once(&forks_once, watch_forks);
	if (filled_at != forks)
		left = 0;
	if (left < n) {
		randombytes_buf(pool, sizeof(pool));
		left = sizeof(pool);
		filled_at = forks;
	}
	from = pool + sizeof(pool) - left;
	memcpy(out, from, n);
	sodium_memzero(from, n);
	left -= n;
}

/* 32 random bytes as unpadded base64url. */
void
auth_token_new(char *out)
{
	unsigned char	 raw[AUTH_TOKEN_BYTES];

	random_take(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_TOKEN_LEN, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

/*
 * A one-time form token bound to whoever was shown the form: a random
 * nonce and a MAC of it keyed by their CSRF token (the session's, or the
 * anonymous cookie's). Nobody can plant a token on someone else's form,
 * or test someone else's token, without knowing their CSRF token.
 */
static void
form_token_mac(const char *bind, const unsigned char *nonce, char *out)
{
	unsigned char	 mac[16];

	crypto_generichash(mac, sizeof(mac), nonce, 16,
	    (const unsigned char *)bind, strlen(bind));
	sodium_bin2base64(out, 23, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
auth_form_token_new(const char *bind, char *out)
{
	unsigned char	 nonce[16];

	random_take(nonce, sizeof(nonce));
	sodium_bin2base64(out, 23, nonce, sizeof(nonce),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	form_token_mac(bind, nonce, out + 22);
}

/* 1 if token was made by auth_form_token_new() for bind. */
int
auth_form_token_ok(const char *bind, const char *token)
{
	unsigned char	 nonce[16];
	char		 mac[23];
	size_t		 len;

	if (bind == NULL || token == NULL || strlen(token) != 44 ||
	    strlen(bind) < 16 || strlen(bind) > crypto_generichash_KEYBYTES_MAX)
		return (0);
	if (sodium_base642bin(nonce, sizeof(nonce), token, 22, NULL, &len,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != sizeof(nonce))
		return (0);
	form_token_mac(bind, nonce, mac);
	return (sodium_memcmp(mac, token + 22, 22) == 0);
}

/* What the database stores in place of a token or code. */
void
auth_digest(const char *s, size_t len, unsigned char *out)
{
	crypto_generichash(out, AUTH_DIGEST_BYTES, (const unsigned char *)s,
	    len, NULL, 0);
}

/* auth_digest of a string, in hex (as much as fits in out). */
void
auth_digest_hex(const char *s, char *out, size_t len)
{
	unsigned char	 d[AUTH_DIGEST_BYTES];
	size_t		 i, n;

	auth_digest(s, strlen(s), d);
	out[0] = '\0';
	for (i = 0, n = 0; i < sizeof(d) && n + 2 < len; i++, n += 2)
		(void)snprintf(out + n, len - n, "%02x", d[i]);
}

/* Constant-time string compare (length is not secret). */
int
auth_equal(const char *a, const char *b)
{
	size_t	 la, lb;

	la = strlen(a);
	lb = strlen(b);
	if (la != lb || la == 0)
		return (0);
	return (sodium_memcmp(a, b, la) == 0);
}

/*
 * A one-time invite or reset code a person can read out and type:
 * AUTH_INVITE_SYMBOLS (16) symbols from the 30 of invite_alphabet (no
 * 0, O, 1, I, L or U to mistake), grouped in fours: "7K2M-Q9XD-HT4R-PWZ3".
 *
 * Why 16 symbols (16 x log2(30) = 78.5 random bits) is enough: a code
 * lives invite_days (14 by default) and the join page lets one address
 * (an IPv6 /64 counts as one) try THROTTLE_CODE_PER_10MIN (10) wrong codes
 * per 10 minutes, 20,160 over a code's life. Even 100,000 addresses
 * (2^31 guesses) against 1,000 live codes (2^10) find one with a
 * chance of 2^(31 + 10 - 78.5), under one in 10^11. Only a hash of the
 * code is stored; older 26-symbol codes (130 bits) still work, as
 * auth_code_normalise() reads both.
 *
 * out must hold AUTH_CODE_LEN bytes.
 */
void
auth_code_new(char *out, size_t outlen)
{
	static const char	 invite_alphabet[] =
	    "23456789ABCDEFGHJKMNPQRSTVWXYZ";
	unsigned char		 b;
	size_t			 i, o, n;

	n = AUTH_INVITE_SYMBOLS;
	if (outlen < n + n / 4 + 1)
		abort();
	for (i = 0, o = 0; i < n; i++) {
		/* 240 = 8 x 30: a byte above it would favour some symbols. */
		do {
			randombytes_buf(&b, 1);
		} while (b >= 240);
		if (i > 0 && i % 4 == 0)
			out[o++] = '-';
		out[o++] = invite_alphabet[b % 30];
	}
	out[o] = '\0';
	sodium_memzero(&b, sizeof(b));
}

/* A code of n random base32 symbols (5 bits each), grouped in fours. */
void
auth_code_symbols(char *out, size_t outlen, size_t n)
{
	unsigned char	 raw[32];
	size_t		 i, o;

	if (n > sizeof(raw) || outlen < n + n / 4 + 1)
		abort();
	randombytes_buf(raw, n);
	for (i = 0, o = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = '-';
		out[o++] = code_alphabet[raw[i] & 31];
	}
	out[o] = '\0';
	sodium_memzero(raw, sizeof(raw));
}

/*
 * The canonical form of a code someone typed: spaces and dashes dropped,
 * upper case, and the look-alikes O, I and L read as 0, 1 and 1. Returns
 * the number of symbols, or -1 if a character cannot be part of a code.
 */
int
auth_code_normalise(const char *in, char *out, size_t outlen)
{
	size_t	 o;
	int	 c;

	for (o = 0; *in != '\0'; in++) {
		c = toupper((unsigned char)*in);
		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (c == 'O')
			c = '0';
		else if (c == 'I' || c == 'L')
			c = '1';
		if (c > 127 || strchr(code_alphabet, c) == NULL || c == '\0')
			return (-1);
		if (o + 1 >= outlen)
			return (-1);
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return ((int)o);
}

static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Load the common-passwords list (one a line, compared in lower case). */
int
password_list_load(const char *path)
{
	FILE	*fp;
	char	 line[256], *p;
	size_t	 i;

	if ((fp = fopen(path, "r")) == NULL)
		return (-1);
	if (common == NULL && (common = calloc(COMMON_MAX, sizeof(*common)))
	    == NULL)
		abort();
	while (ncommon < COMMON_MAX && fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		for (p = line; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		if ((common[ncommon++] = strdup(line)) == NULL)
			abort();
	}
	fclose(fp);
	qsort(common, ncommon, sizeof(*common), cmp_str);
	/* Fold duplicates so the count means something. */
	for (i = 1; i < ncommon; i++) {
		if (strcmp(common[i - 1], common[i]) == 0) {
			free(common[i]);
			memmove(&common[i], &common[i + 1],
			    (ncommon - i - 1) * sizeof(*common));
			ncommon--;
			i--;
		}
	}
	return ((int)ncommon);
}

int
password_is_common(const char *pw)
{
	char	 low[PASSWORD_MAX * 4 + 1], *key;
	size_t	 i, len;

	if (common == NULL || (len = strlen(pw)) >= sizeof(low))
		return (0);
	for (i = 0; i <= len; i++)
		low[i] = (char)tolower((unsigned char)pw[i]);
	key = low;
	return (bsearch(&key, common, ncommon, sizeof(*common), cmp_str) !=
	    NULL);
}

/* NULL if pw is acceptable, else what is wrong, in plain words. */
const char *
password_problem(const char *pw)
{
	size_t	 n;

	if (!utf8_valid(pw, strlen(pw)))
		return ("Your password has characters we cannot read. "
		    "Please choose another.");
	n = utf8_count(pw);
	if (n < PASSWORD_MIN)
		return ("Your password must be at least 8 characters long.");
	if (n > PASSWORD_MAX)
		return ("Your password must be 128 characters or fewer.");
	if (password_is_common(pw))
		return ("That password is too easy to guess because lots of "
		    "people use it. Please choose another.");
	return (NULL);
}

/*
 * NULL if pw, typed again as `again`, may be a new password; else what is
 * wrong, with *second set when the problem is with the second box.
 */
const char *
password_new_problem(const char *pw, const char *again, int *second)
{
	const char	*why;

	*second = 0;
	if (pw == NULL || *pw == '\0')
		return ("Choose a password.");
	if ((why = password_problem(pw)) != NULL)
		return (why);
	*second = 1;
	if (again == NULL || strcmp(pw, again) != 0)
		return ("The two passwords are not the same. Type it again.");
	return (NULL);
}
