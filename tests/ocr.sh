#!/bin/sh
# OCR: a page of the seed 004 protocol rendered at 300 dpi is read back
# as an image (PNG) and as an image-only PDF (a scan): the text within a
# character error rate of 3 % of the generator's text, the protocol's
# secretary and adjuster found, each page marked as OCR'd with its
# reason and confidence; --ocr never refuses the image and leaves the
# scan's page empty with a warning.
X=${1:?usage: ocr.sh EXTRACT MKSCAN CER}
MKSCAN=${2:?}
CER=${3:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { echo "FAIL $*"; fail=$((fail+1)); }

pdftoppm -r 300 -f 1 -l 1 -png corpus/seed004_protokoll.pdf "$tmp/scan" || { echo "ocr: pdftoppm failed"; exit 1; }
png=$(ls "$tmp"/scan*.png | head -1)
"$MKSCAN" "$png" "$tmp/scan.pdf" || { echo "ocr: mkscan failed"; exit 1; }

for in in "$png" "$tmp/scan.pdf"; do
	name=$(basename "$in")
	if ! "$X" "$in" > "$tmp/out.json" 2> "$tmp/err"; then
		no "$name: extract failed: $(cat "$tmp/err")"; continue
	fi
	/usr/bin/python3 tests/validate.py "$tmp/out.json" && ok || no "$name: not schema-valid"
	if /usr/bin/python3 - "$tmp/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
p = d["pages"][0]
assert p["source"] == "ocr", p
assert p["ocr"]["reason"] in ("image", "no_text_layer"), p
assert p["ocr"]["confidence"] > 0.8, p
assert d["document"]["type"] == "protocol", d["document"]
pr = d["protocol"]
assert pr["secretary"] == "Elin Asplund", pr["secretary"]
assert pr["adjusters"] == ["Per Lundgren"], pr["adjusters"]
assert pr["date"] == "2019-12-02", pr["date"]
assert len(pr["attendees"]) == 4, pr["attendees"]
PY
	then ok; else no "$name: OCR'd protocol lacks what the text layer gives"; fi
	"$X" --format text "$in" > "$tmp/out.txt" 2>/dev/null
	if "$CER" corpus/seed004_protokoll.source.txt "$tmp/out.txt" 3.0 > "$tmp/cer"; then ok; else no "$name: $(cat "$tmp/cer")"; fi
	cat "$tmp/cer"
done

"$X" --ocr never "$png" > /dev/null 2> "$tmp/err"; rc=$?
if [ "$rc" = 1 ] && grep -q "ocr never" "$tmp/err"; then ok; else no "--ocr never on an image: exit $rc"; fi
"$X" --ocr never "$tmp/scan.pdf" > "$tmp/out.json" 2>/dev/null
if grep -q '"no_text"' "$tmp/out.json"; then ok; else no "--ocr never on a scan: no no_text warning"; fi

echo "ocr: $pass passed, $fail failed"
[ "$fail" = 0 ]
