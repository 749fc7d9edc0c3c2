/*
 * soak.c: 64 connections of mixed reads and writes for SOAK_SECONDS
 * (default 60) through wrk, as a signed-in young person. Prints wrk's
 * figures, the workers' memory after warm-up and after, and a verdict:
 * socket errors (wrk's timeouts are requests over 10 s), non-2xx/3xx
 * answers, and whether any worker restarted (the harness reads the log).
 *
 * It lives in make bench, not make test, while writes still wait for the
 * SQLite write lock on a worker's event loop: under this load a handful
 * of POSTs in a hundred thousand take over ten seconds. See the notes.
 */
#include <sys/types.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* Total resident memory (kB) of the server's processes but the parent. */
static long
workers_rss(void)
{
	DIR		*d;
	struct dirent	*de;
	char		 path[300], line[256];
	FILE		*fp;
	long		 kb, total;
	int		 worker;

	total = 0;
	if ((d = opendir("/proc")) == NULL)
		return (-1);
	while ((de = readdir(d)) != NULL) {
		(void)snprintf(path, sizeof(path), "/proc/%s/status",
		    de->d_name);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		worker = 0;
		kb = 0;
		while (fgets(line, sizeof(line), fp) != NULL) {
			if (strncmp(line, "Name:", 5) == 0 &&
			    strstr(line, "kore") != NULL)
				worker = 1;
			(void)sscanf(line, "VmRSS: %ld", &kb);
		}
		fclose(fp);
		/* Workers are the kore processes whose title says wrk. */
		(void)snprintf(path, sizeof(path), "/proc/%s/cmdline",
		    de->d_name);
		if (worker && (fp = fopen(path, "r")) != NULL) {
			if (fgets(line, sizeof(line), fp) != NULL &&
			    strstr(line, "[wrk") != NULL)
				total += kb;
			fclose(fp);
		}
	}
	closedir(d);
	return (total);
}

static int
wrk(const char *secs, const char *cookie, const char *csrf, char *out,
    size_t outlen)
{
	char	 cmd[2048];
	FILE	*fp;
	size_t	 n;

	(void)snprintf(cmd, sizeof(cmd), "SOAK_COOKIE='%s' SOAK_CSRF='%s' "
	    "SOAK_ORIGIN='%s' wrk -t2 -c64 -d%ss --timeout 10s "
	    "-s bench/soak.lua '%s' 2>&1", cookie, csrf, harness_base(),
	    secs, harness_base());
	if ((fp = popen(cmd, "r")) == NULL)
		return (-1);
	n = fread(out, 1, outlen - 1, fp);
	out[n] = '\0';
	return (pclose(fp));
}

int
main(void)
{
	struct client	 young;
	char		 csrf[64], out[8192], *cookie;
	const char	*secs;
	long		 before, after;
	int		 clean, trouble;

	if ((secs = getenv("SOAK_SECONDS")) == NULL)
		secs = "60";
	if (harness_start(HARNESS_SEED_DEMO) == -1)
		return (1);
	memset(&young, 0, sizeof(young));
	if (client_login(&young, "Jaden", "kite-river-42") != 303 ||
	    client_csrf(&young, "/views/new", csrf, sizeof(csrf)) == -1) {
		(void)harness_stop();
		return (1);
	}
	cookie = young.cookies;
	/* Warm up, so memory is measured from a settled state. */
	(void)wrk("3", cookie, csrf, out, sizeof(out));
	before = workers_rss();
	if (wrk(secs, cookie, csrf, out, sizeof(out)) != 0) {
		fprintf(stderr, "wrk failed (is it installed?)\n");
		(void)harness_stop();
		return (1);
	}
	after = workers_rss();
	printf("Soak: 64 connections, %s s, mixed reads and writes\n\n%s\n",
	    secs, out);
	printf("workers' memory: %ld kB after warm-up, %ld kB after\n",
	    before, after);
	clean = strstr(out, "Socket errors") == NULL &&
	    strstr(out, "Non-2xx or 3xx") == NULL;
	trouble = harness_stop();
	printf("verdict: %s; %s; worker memory %s\n", clean ?
	    "no socket errors or failed answers" :
	    "SOCKET ERRORS OR FAILED ANSWERS (above)", trouble ?
	    "the server log shows trouble" : "no worker restarted",
	    after < before * 2 + 20000 ? "steady" : "GREW");
	return (0);
}
