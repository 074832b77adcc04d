#!/bin/sh
# One document's pages read by several threads (-j N on one input: the
# text of pages ahead read by helpers, parsers/pdfahead.c) give the same
# bytes as one thread: JSON and text, whole documents and page ranges,
# with more threads than cores (standard output: the summary line on
# standard error says how long it took).
#   sh tests/pages.sh build/extract
X=${1:?usage: pages.sh EXTRACT}
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
same() { # NAME ARGS...
	name=$1; shift
	"$X" -j 1 "$@" > "$tmp/one" 2>/dev/null; r1=$?
	for j in 2 3 8; do
		"$X" -j $j "$@" > "$tmp/many" 2>/dev/null; rj=$?
		if [ $r1 != $rj ] || ! cmp -s "$tmp/one" "$tmp/many"; then
			echo "FAIL pages: $name: -j $j differs from -j 1 (exit $rj against $r1)"
			fail=$((fail + 1)); return
		fi
	done
	pass=$((pass + 1))
}
for f in corpus/long_verksamhetsberattelse.pdf corpus/seed000_tertialrapport.pdf corpus/seed003_utvardering.pdf corpus/seed002_rapport.pdf; do
	[ -f "$f" ] || continue
	same "$f" "$f"
done
same "text" --format text corpus/long_verksamhetsberattelse.pdf
same "pages 5-23" --pages 5-23 corpus/long_verksamhetsberattelse.pdf
same "pages 104-" --pages 104- corpus/long_verksamhetsberattelse.pdf
same "two documents" --ndjson corpus/long_verksamhetsberattelse.pdf corpus/seed000_tertialrapport.pdf
# A page range is read as those pages of the whole: running headers and
# page numbers found on pages 104-106 alone as on the whole report (the
# page of a block was looked up as if the range began at page 1: past
# the end of the pages read, whatever memory held).
"$X" corpus/long_verksamhetsberattelse.pdf > "$tmp/all" 2>/dev/null
"$X" --pages 104- corpus/long_verksamhetsberattelse.pdf > "$tmp/part" 2>/dev/null
if /usr/bin/python3 - "$tmp/all" "$tmp/part" <<'PY'
import json, sys
def furniture(path):
    d = json.load(open(path))
    return [(b["page"], b["furniture"], b["text"]) for b in d["blocks"] if b["page"] >= 104 and b.get("furniture")]
a, b = furniture(sys.argv[1]), furniture(sys.argv[2])
sys.exit(0 if a == b and len(a) == 6 else 1)
PY
then pass=$((pass + 1)); else echo "FAIL pages: --pages 104-: headers and page numbers differ from the whole report's"; fail=$((fail + 1)); fi
echo "pages: $pass passed, $fail failed"
[ "$fail" = 0 ]
