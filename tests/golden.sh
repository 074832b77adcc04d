#!/bin/sh
# Golden tests: every corpus document (PDF, ODT, flat ODT, text) against
# its NAME.EXT.expected.json, compared as JSON; each output is also
# validated against the schema and produced twice to check the bytes
# match. With --update the expected files are rewritten (review the
# diff before committing: an expected file changes only when the new
# output is right).
X=${1:?usage: golden.sh EXTRACT [--update]}
update=${2:-}
B=$(dirname "$X")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
for f in corpus/*.pdf corpus/*.odt corpus/*.fodt corpus/*.source.txt; do
	exp="$f.expected.json"
	if ! "$X" "$f" > "$tmp/a.json" 2> "$tmp/err"; then
		echo "FAIL $f: extract failed: $(cat "$tmp/err")"; fail=$((fail+1)); continue
	fi
	if [ "$update" = "--update" ]; then
		cp "$tmp/a.json" "$exp"; echo "updated $exp"; continue
	fi
	"$X" "$f" > "$tmp/b.json" 2>/dev/null
	if ! cmp -s "$tmp/a.json" "$tmp/b.json"; then
		echo "FAIL $f: two runs gave different bytes"; fail=$((fail+1)); continue
	fi
	if ! /usr/bin/python3 tests/validate.py "$tmp/a.json"; then
		echo "FAIL $f: output does not match output/schema.json"; fail=$((fail+1)); continue
	fi
	if [ ! -f "$exp" ]; then
		echo "FAIL $f: no $exp (make regolden, then review)"; fail=$((fail+1)); continue
	fi
	if ! "$B/tests/jsoncmp" "$exp" "$tmp/a.json"; then
		echo "FAIL $f: differs from $exp"; fail=$((fail+1)); continue
	fi
	pass=$((pass+1))
done
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
