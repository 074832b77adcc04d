#!/bin/sh
# Writes the output of every corpus, peer-suite and real document (and of
# a few scans made here) into DIR, one file per input, so that two builds
# can be compared byte for byte (diff -r) through a restructuring.
#   sh tests/snapshot.sh build/extract DIR
set -u
ex=$1 out=$2
jobs=${SNAPSHOT_JOBS:-1}   # documents, and pages of one document, at a time
shared=${SHARED:-../shared}
scans=${SNAPSHOT_SCANS:-build/snapshot-scans}   # a fixed path: it is in the JSON
mkdir -p "$out" "$scans"
list=$(mktemp)
{
	find corpus -type f \( -name '*.pdf' -o -name '*.odt' -o -name '*.fodt' -o -name '*.txt' \)
	for d in "$shared/eval/external" "$shared/eval/real"; do
		[ -d "$d" ] && find "$d" -type f \( -name '*.pdf' -o -name '*.odt' \)
	done
} | sort > "$list"
# Scans: two pages of the board report and the memo, as OCR reads them.
# Made once and kept: a scan PDF carries its making time.
if [ ! -f "$scans/s0.pdf" ] && command -v pdftoppm >/dev/null && [ -x "${MKSCAN:-build/tests/mkscan}" ]; then
	pdftoppm -r 150 -gray -png -f 1 -l 2 corpus/seed000_tertialrapport.pdf "$scans/s0"
	pdftoppm -r 200 -gray -png -f 1 -l 1 corpus/seed004_protokoll.pdf "$scans/s4"
	"${MKSCAN:-build/tests/mkscan}" "$scans/s0-1.png" "$scans/s0-2.png" "$scans/s0.pdf"
fi
[ -f "$scans/s0.pdf" ] && ls "$scans/s0.pdf" "$scans"/s4-1.png >> "$list"
i=0
while IFS= read -r f; do
	i=$((i + 1))
	name=$(printf '%s' "$f" | tr '/' '_' | sed 's/^[._]*//')
	timeout 300 "$ex" -j "$jobs" "$f" > "$out/$name.json" 2> "$out/$name.err"
	echo "rc=$?" >> "$out/$name.err"
	"$ex" -j "$jobs" --format text "$f" > "$out/$name.txt" 2>/dev/null
done < "$list"
rm -f "$list"
echo "snapshot: $i inputs in $out"
