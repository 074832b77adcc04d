#!/bin/sh
# Fidelity: `extract --format text` of each born-digital corpus PDF,
# ODT and flat ODT against the text the generator wrote them from
# (NAME.source.txt), reading order included. Target: CER below 0.5%.
# The three formats of one document must so also agree with each other.
X=${1:?usage: fidelity.sh EXTRACT CER}
CER=${2:?usage: fidelity.sh EXTRACT CER}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
for src in corpus/*.source.txt; do
	for ext in pdf odt fodt; do
		in="${src%.source.txt}.$ext"
		[ -f "$in" ] || continue
		out="$tmp/$(basename "$in").txt"
		if "$X" --format text "$in" > "$out" && "$CER" "$src" "$out" 0.5; then
			pass=$((pass+1))
		else
			echo "FAIL $in: text differs from $src by more than 0.5%"; fail=$((fail+1))
		fi
	done
done
echo "fidelity: $pass passed, $fail failed"
[ "$fail" = 0 ]
