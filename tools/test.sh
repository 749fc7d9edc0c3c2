#!/bin/sh
# test.sh: build and run every test, then again under ASan + UBSan.
# Ends with "N passed, N failed"; exits non-zero if anything failed.
#
#   TEST_FILTER=http_test_site sh tools/test.sh    run matching binaries only
#   TEST_SANITIZE=0 sh tools/test.sh               skip the sanitizer pass
#   TEST_BROWSER=0 / TEST_FUZZ=0                    skip the browser / fuzz runs
set -u
jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0
failed_names=""
t0=$(date +%s)

phase() {	# phase TITLE: a heading with the minutes:seconds so far
	el=$(( $(date +%s) - t0 ))
	printf '== %s (at %d:%02d) ==\n' "$1" $((el / 60)) $((el % 60))
}

# Tests that measure time, load or throttles run alone; the rest two at
# a time (each has its own temporary folder and loopback port).
ALONE=" http_test_soak http_test_idle http_test_signin http_test_accounts \
http_test_durability http_test_outbox http_test_proxy http_test_board_build "

run_one() {	# run_one BUILD LABEL BIN DIR: its log and exit code into DIR
	name=$(basename "$3")
	start=$(date +%s)
	# A hung test must not hang the run: it fails after TEST_TIMEOUT s.
	PORTAL_BUILD="$1" timeout -k 10 "${TEST_TIMEOUT:-900}" "$3" \
	    >"$4/$name.log" 2>&1
	rc=$?
	echo "-- $2 $name: $(( $(date +%s) - start )) s (exit $rc)" \
	    >>"$4/$name.log"
	echo "$rc" >"$4/$name.rc"
}

tally() {	# tally LABEL DIR NAME: print the binary's log and count it
	out=$(cat "$2/$3.log")
	rc=$(cat "$2/$3.rc" 2>/dev/null || echo 1)
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# crashed or failed to start: count it
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -gt 0 ] && failed_names="$failed_names $1:$3"
}

run_suite() {	# run_suite BUILD LABEL
	build=$1
	label=$2
	dir=$(mktemp -d /tmp/portal-suite-XXXXXX)
	list=""
	for bin in "$build"/tests/test_* "$build"/tests/http_test_*; do
		[ -x "$bin" ] || continue
		name=$(basename "$bin")
		case "$name" in *"${TEST_FILTER:-}"*) ;; *) continue ;; esac
		# Only binaries whose source still exists (a moved test's old
		# binary may linger in a working tree).
		[ -f "tests/unit/$name.c" ] || [ -f "tests/http/${name#http_}.c" ] ||
		    continue
		list="$list $bin"
	done
	# Waits name their own jobs: the sanitizer build may be running too.
	pids=""
	for bin in $list; do
		case "$ALONE" in *" $(basename "$bin") "*) continue ;; esac
		run_one "$build" "$label" "$bin" "$dir" &
		pids="$pids $!"
		set -- $pids
		[ "$#" -ge "$jobs" ] && { wait $pids; pids=""; }
	done
	[ -n "$pids" ] && wait $pids
	for bin in $list; do
		case "$ALONE" in *" $(basename "$bin") "*) ;; *) continue ;; esac
		run_one "$build" "$label" "$bin" "$dir"
	done
	for bin in $list; do
		tally "$label" "$dir" "$(basename "$bin")"
	done
	rm -rf "$dir"
}

summary() {	# summary NAME OUTPUT: count a "N passed, N failed" line
	printf '%s\n' "$2" | grep -v "^[0-9]* passed, [0-9]* failed$"
	p=$(printf '%s\n' "$2" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s\n' "$2" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
	[ "${f:-1}" -gt 0 ] && failed_names="$failed_names $1"
}

phase "Build (gcc)"
make -s -j"$jobs" check-tests CC=gcc || { echo "0 passed, 1 failed"; exit 1; }

# Three more builds run one after another behind the plain tests (which
# mostly wait on sockets and sleeps): the sanitizer build, the fuzz
# targets and the clang check. Each log is shown if its build fails.
san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DPORTAL_SANITIZE"
logs=$(mktemp -d /tmp/portal-builds-XXXXXX)
fuzz_on=0
[ "${TEST_FUZZ:-1}" = 1 ] && [ -z "${TEST_FILTER:-}" ] && fuzz_on=1
(
	if [ "${TEST_SANITIZE:-1}" = 1 ]; then
		make -s -j1 check-tests CC=gcc BUILD=build/asan SAN="$san" \
		    >"$logs/asan" 2>&1
		echo $? >"$logs/asan.rc"
	fi
	if [ "$fuzz_on" = 1 ]; then
		make -s -j1 fuzz-build >"$logs/fuzz" 2>&1
		echo $? >"$logs/fuzz.rc"
	fi
	make -s -j1 all BUILD=build/clang CC=clang >"$logs/clang" 2>&1
	echo $? >"$logs/clang.rc"
) &
builds_pid=$!

built() {	# built NAME: wait for that build; 0 if it worked
	while [ ! -f "$logs/$1.rc" ]; do
		kill -0 "$builds_pid" 2>/dev/null || break
		sleep 1
	done
	[ "$(cat "$logs/$1.rc" 2>/dev/null)" = 0 ] && return 0
	cat "$logs/$1"
	failed=$((failed + 1))
	failed_names="$failed_names $1:build"
	return 1
}

demo_db() {	# demo_db BUILD: one demo council for a pass's HTTP tests
	rm -f "$logs/demo.db" "$logs/demo.db-wal" "$logs/demo.db-shm"
	PORTAL_DB="$logs/demo.db" ASAN_OPTIONS=detect_leaks=1 \
	    LSAN_OPTIONS=suppressions=$(pwd)/tools/lsan.supp \
	    "$1/portalctl" seed-demo >/dev/null || return 1
	PORTAL_TEST_DEMO_DB="$logs/demo.db"
	export PORTAL_TEST_DEMO_DB
}

phase "Tests"
demo_db build || { echo "0 passed, 1 failed"; exit 1; }
SOAK_SECONDS=${SOAK_SECONDS:-30} run_suite build plain

if [ "${TEST_SANITIZE:-1}" = 1 ]; then
	phase "Tests under AddressSanitizer + UBSan"
	if built asan && demo_db build/asan; then
		PORTAL_KORE_PRELOAD=$(gcc -print-file-name=libasan.so) \
		ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		LSAN_OPTIONS=suppressions=$(pwd)/tools/lsan.supp \
		SOAK_SECONDS=${SOAK_SECONDS:-20} \
		    run_suite build/asan asan
	fi
fi

if [ "${TEST_BROWSER:-1}" = 1 ] && [ -z "${TEST_FILTER:-}" ]; then
	phase "Browser journeys (Debian Chromium, axe-core)"
	command -v node >/dev/null 2>&1 || sh tools/deps.sh nodejs npm
	if (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error \
	    >/dev/null); then
		summary browser "$(node tests/browser/journeys.mjs build 2>&1)"
	else
		failed=$((failed + 1))
		failed_names="$failed_names browser:npm"
	fi
fi

if [ "$fuzz_on" = 1 ]; then
	phase "Fuzz smoke (libFuzzer, ${FUZZ_SMOKE_SECONDS:-3}s a target)"
	built fuzz && summary fuzz "$(sh tools/fuzz.sh \
	    "${FUZZ_SMOKE_SECONDS:-3}" build/fuzz/fuzz_*)"
fi

phase "Build check (clang)"
built clang && echo "clang: built without a warning"
wait "$builds_pid"
rm -rf "$logs"

phase "Done"
[ -n "$failed_names" ] && echo "Failed:$failed_names"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
