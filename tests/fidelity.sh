#!/bin/sh
# Fidelity: `extract --format text` of each born-digital corpus PDF
# against the text the generator wrote it from (NAME.source.txt),
# reading order included. Target: CER below 0.5%.
X=${1:?usage: fidelity.sh EXTRACT CER}
CER=${2:?usage: fidelity.sh EXTRACT CER}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
for src in corpus/*.source.txt; do
	pdf="${src%.source.txt}.pdf"
	[ -f "$pdf" ] || continue
	if "$X" --format text "$pdf" > "$tmp/$(basename "$pdf").txt" &&
	   "$CER" "$src" "$tmp/$(basename "$pdf").txt" 0.5; then
		pass=$((pass+1))
	else
		echo "FAIL $pdf: text differs from $src by more than 0.5%"; fail=$((fail+1))
	fi
done
echo "fidelity: $pass passed, $fail failed"
[ "$fail" = 0 ]
