#!/bin/sh
# fuzz.sh SECONDS BIN...: run each libFuzzer target for SECONDS over its
# committed seeds plus a working corpus in build/fuzz/corpus. A crash stops
# the run and leaves the input in build/fuzz (add it to fuzz/corpus/NAME as
# a regression case once fixed). Ends with "N passed, N failed".
secs=$1
shift
passed=0
failed=0
for bin in "$@"; do
	name=$(basename "$bin" | sed 's/^fuzz_//')
	work=build/fuzz/corpus/$name
	mkdir -p "$work"
	echo "== fuzz $name for ${secs}s"
	if "$bin" -max_total_time="$secs" -max_len=4096 -timeout=10 \
	    -artifact_prefix=build/fuzz/ -print_final_stats=1 \
	    "$work" "fuzz/corpus/$name" 2>build/fuzz/$name.log; then
		grep -E "stat::number_of_executed_units" build/fuzz/$name.log
		passed=$((passed + 1))
	else
		tail -30 build/fuzz/$name.log
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
