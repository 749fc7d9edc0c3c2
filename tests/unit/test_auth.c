/*
 * test_auth.c: tokens, codes, constant-time compare, password hashing and
 * the password policy.
 */
#include <stdarg.h>
#include <stddef.h>
#include <ctype.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "auth.h"

static int
setup(void **state)
{
	(void)state;
	if (auth_init() == -1)
		return (-1);
	return (password_list_load("data/common-passwords.txt") >= 1000 ?
	    0 : -1);
}

static void
tokens_are_random_and_urlsafe(void **state)
{
	char		 a[AUTH_TOKEN_LEN], b[AUTH_TOKEN_LEN];
	unsigned char	 da[AUTH_DIGEST_BYTES], db[AUTH_DIGEST_BYTES];

	(void)state;
	auth_token_new(a);
	auth_token_new(b);
	assert_int_equal(strlen(a), 43);
	assert_string_not_equal(a, b);
	assert_int_equal(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	    "opqrstuvwxyz0123456789-_"), 43);
	auth_digest(a, strlen(a), da);
	auth_digest(b, strlen(b), db);
	assert_memory_not_equal(da, db, sizeof(da));
	auth_digest(a, strlen(a), db);
	assert_memory_equal(da, db, sizeof(da));
}

/*
 * Tokens come from a pool of random bytes (auth.c): a worker forked after
 * its parent filled the pool must not hand out the parent's next token.
 */
static void
a_forked_child_never_repeats_a_token(void **state)
{
	char	 mine[AUTH_TOKEN_LEN], theirs[AUTH_TOKEN_LEN];
	int	 fds[2], status;
	pid_t	 pid;

	(void)state;
	auth_token_new(mine);	/* the pool is filled */
	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		auth_token_new(theirs);
		_exit(write(fds[1], theirs, sizeof(theirs)) ==
		    (ssize_t)sizeof(theirs) ? 0 : 1);
	}
	assert_true(pid > 0);
	auth_token_new(mine);
	assert_int_equal(read(fds[0], theirs, sizeof(theirs)),
	    (ssize_t)sizeof(theirs));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_string_not_equal(mine, theirs);
	close(fds[0]);
	close(fds[1]);
}

static void
codes_read_aloud_and_normalise(void **state)
{
	char	 code[AUTH_CODE_LEN], other[AUTH_CODE_LEN], norm[64], n2[64];
	size_t	 i;

	(void)state;
	auth_code_new(code, sizeof(code));
	auth_code_new(other, sizeof(other));
	assert_string_not_equal(code, other);
	/* 16 symbols of log2(30) bits = 78 bits, in groups of four. */
	assert_int_equal(strlen(code), 16 + 3);
	assert_int_equal(code[4], '-');
	assert_int_equal(code[14], '-');
	assert_int_equal(auth_code_normalise(code, norm, sizeof(norm)), 16);
	/* Nothing a person could misread: no 0, O, 1, I, L or U. */
	assert_null(strpbrk(code, "01OILU"));
	/* Typed in lower case, spaces for dashes: the same code. */
	for (i = 0; code[i] != '\0'; i++)
		n2[i] = code[i] == '-' ? ' ' : (char)tolower((unsigned char)
		    code[i]);
	n2[i] = '\0';
	assert_int_equal(auth_code_normalise(n2, n2, sizeof(n2)), 16);
	assert_string_equal(n2, norm);
	/* Old-style tracking codes still come from auth_code_symbols. */
	auth_code_symbols(other, sizeof(other), 26);
	assert_int_equal(auth_code_normalise(other, n2, sizeof(n2)), 26);
	/* Typed in lower case with spaces, the same code. */
	assert_int_equal(auth_code_normalise(" 7k2m q9xd-", n2, sizeof(n2)), 8);
	assert_string_equal(n2, "7K2MQ9XD");
	/* Look-alikes read as digits. */
	assert_int_equal(auth_code_normalise("OIL", n2, sizeof(n2)), 3);
	assert_string_equal(n2, "011");
	assert_int_equal(auth_code_normalise("AB<script>", n2, sizeof(n2)),
	    -1);
	assert_int_equal(auth_code_normalise("U", n2, sizeof(n2)), -1);
}

static void
constant_time_compare(void **state)
{
	(void)state;
	assert_true(auth_equal("abc", "abc"));
	assert_false(auth_equal("abc", "abd"));
	assert_false(auth_equal("abc", "abcd"));
	assert_false(auth_equal("", ""));
}

static void
passwords_hash_and_verify(void **state)
{
	char	 hash[AUTH_HASH_MAX];

	(void)state;
	assert_int_equal(auth_password_hash("correct horse", hash), 0);
	assert_non_null(strstr(hash, "$argon2id$"));
	assert_true(auth_password_verify(hash, "correct horse"));
	assert_false(auth_password_verify(hash, "Correct horse"));
	assert_false(auth_password_verify("garbage", "correct horse"));
}

static void
password_policy(void **state)
{
	char	 long_pw[200];

	(void)state;
	assert_non_null(password_problem("short"));
	assert_non_null(password_problem("password"));
	assert_non_null(password_problem("PASSWORD123"));	/* any case */
	assert_non_null(password_problem("football1"));
	assert_null(password_problem("kite-river-42"));
	/* 8 characters counted as characters, not bytes. */
	assert_null(password_problem("\xc3\xa9t\xc3\xa9 \xc3\xa0 la"));
	assert_non_null(password_problem("\xc3\xa9t\xc3\xa9"));
	memset(long_pw, 'x', 129);
	long_pw[129] = '\0';
	assert_non_null(password_problem(long_pw));
	long_pw[128] = '\0';
	assert_null(password_problem(long_pw));
	assert_true(password_is_common("qwerty"));
}

/* A form token works only for the CSRF token it was issued to. */
static void
form_tokens_are_bound(void **state)
{
	char	 a[AUTH_TOKEN_LEN], b[AUTH_TOKEN_LEN];
	char	 t[AUTH_FORM_TOKEN_LEN], u[AUTH_FORM_TOKEN_LEN];

	(void)state;
	auth_token_new(a);
	auth_token_new(b);
	auth_form_token_new(a, t);
	auth_form_token_new(a, u);
	assert_int_equal(strlen(t), 44);
	assert_string_not_equal(t, u);
	assert_int_equal(auth_form_token_ok(a, t), 1);
	assert_int_equal(auth_form_token_ok(a, u), 1);
	assert_int_equal(auth_form_token_ok(b, t), 0);
	assert_int_equal(auth_form_token_ok(NULL, t), 0);
	assert_int_equal(auth_form_token_ok(a, NULL), 0);
	assert_int_equal(auth_form_token_ok(a, "AAAAAAAAAAAAAAAAAAAAAAAAAAA"
	    "AAAAAAAAAAAAAAAAA"), 0);
	t[30] = t[30] == 'A' ? 'B' : 'A';
	assert_int_equal(auth_form_token_ok(a, t), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokens_are_random_and_urlsafe),
		cmocka_unit_test(a_forked_child_never_repeats_a_token),
		cmocka_unit_test(codes_read_aloud_and_normalise),
		cmocka_unit_test(constant_time_compare),
		cmocka_unit_test(form_tokens_are_bound),
		cmocka_unit_test(passwords_hash_and_verify),
		cmocka_unit_test(password_policy),
	};

	return (cmocka_run_group_tests_name("auth", tests, setup, NULL));
}
