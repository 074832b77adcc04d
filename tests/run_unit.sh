#!/bin/sh
# Runs the cmocka unit-test binaries and sums their results.
pass=0; fail=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	echo "$out" | grep -E "FAILED|ERROR|Failure|failed" | grep -v "^\[  PASSED" | head -20
	p=$(echo "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(echo "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
	if [ "$rc" != 0 ] && [ -z "$f" ]; then
		echo "FAIL $t: exit $rc"; echo "$out" | tail -5; fail=$((fail+1))
	fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" = 0 ]
