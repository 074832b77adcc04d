#!/bin/sh
# Hard inputs and hard times (make attack, part of make check): each case
# ends in valid JSON or a clear error for that input, with the right exit
# status, nothing half-written and nothing left behind.
X=${1:?usage: attack.sh EXTRACT}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { echo "FAIL $*"; fail=$((fail+1)); }
# A sanitizer's runtime reserves terabytes of address space: no address
# space limit can hold it, so the memory cases need the plain build.
plain=1; ldd "$X" 2>/dev/null | grep -q 'libasan\|libtsan' && plain=0

# outcome NAME LIMIT_KIB ARGS...: under an address-space limit the run
# gives valid JSON (exit 0) or says "out of memory" on one line for the
# input (exit 1, nothing on stdout); never a crash, never JSON short of
# a part. Limits so low the loader cannot map the program are skipped.
outcome() {
	name=$1; lim=$2; shift 2
	(ulimit -v "$lim"; exec "$X" "$@") > "$tmp/out" 2> "$tmp/err"; rc=$?
	if grep -q "error while loading shared libraries" "$tmp/err"; then return; fi
	case $rc in
	0) if /usr/bin/python3 tests/validate.py "$tmp/out" > /dev/null 2>&1; then ok
	   else no "$name at $lim KiB: exit 0 with schema-invalid JSON"; fi ;;
	1) if [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" = 1 ] && grep -q "out of memory" "$tmp/err"; then ok
	   else no "$name at $lim KiB: exit 1 but not one 'out of memory' line: $(head -c 300 "$tmp/err")"; fi ;;
	*) no "$name at $lim KiB: exit $rc: $(head -c 300 "$tmp/err")" ;;
	esac
}

if [ "$plain" = 1 ]; then
	# The JSON writer short of memory: the 106-page report needs about
	# 47 MB of address space in all; below, each step fails somewhere
	# else (reading, patterns, the JSON tree, its text).
	lim=36000
	while [ $lim -le 60000 ]; do
		outcome "long report" $lim corpus/long_verksamhetsberattelse.pdf
		lim=$((lim + 1500))
	done
fi

echo "attack: $pass passed, $fail failed"
[ "$fail" = 0 ]
