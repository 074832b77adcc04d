#!/bin/sh
# Replays tests/fuzz/corpus/NAME/* through each fuzz target, one file at
# a time with a 20 s limit, so a crash names its input (fuzz_pdf_ocr
# replays the pdf corpus).
B=${1:?usage: replay.sh BUILD_DIR/tests/fuzz}
pass=0; fail=0
for t in pdf pdf_ocr odt txt image pack writers diff cli; do
	for f in tests/fuzz/corpus/${t%_ocr}/*; do
		[ -f "$f" ] || continue
		if timeout 20 "$B/fuzz_$t" "$f" > /dev/null 2> /tmp/replay.$$; then
			pass=$((pass+1))
		else
			echo "FAIL fuzz_$t $f: $(tail -3 /tmp/replay.$$)"; fail=$((fail+1))
		fi
	done
done
rm -f /tmp/replay.$$
echo "fuzz-replay: $pass passed, $fail failed"
[ "$fail" = 0 ]
