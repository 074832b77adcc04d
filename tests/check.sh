#!/bin/sh
# Runs every test group against the binaries in BUILD and prints, last,
# the total as "N passed, N failed". Exits 1 if any group failed.
B=${1:?usage: check.sh BUILD}
# The user's own pattern packs must not change what the tests see.
export EXTRACT_PATTERNS=
# Tesseract's OpenMP: one thread (ocr.c also sees to it).
export OMP_THREAD_LIMIT=1
X=$B/extract
total_p=0; total_f=0; bad=""
run() { # NAME COMMAND...
	name=$1; shift
	echo "== $name"
	out=$("$@" 2>&1); rc=$?
	echo "$out"
	line=$(echo "$out" | grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed$' | tail -1)
	p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
	total_p=$((total_p + ${p:-0})); total_f=$((total_f + ${f:-0}))
	if [ "$rc" != 0 ]; then
		bad="$bad $name"
		[ "${f:-0}" = 0 ] && total_f=$((total_f + 1))
	fi
}
run layering sh tests/layering.sh
run funclen sh -c 'sh tests/funclen.sh && echo "funclen: 1 passed, 0 failed"'
run unit sh tests/run_unit.sh "$B"/tests/test_*
run golden sh tests/golden.sh "$X"
run badinput sh tests/badinput.sh "$X"
run attack sh tests/attack.sh "$X" "$B/tests/mkjbig2"
run pages sh tests/pages.sh "$X"
run batch sh tests/batch.sh "$X" "$B/tests/mkscan"
run db sh tests/db.sh "$X"
run pg sh tests/pg.sh "$X"
run diff sh tests/diff.sh "$X"
run fidelity sh tests/fidelity.sh "$X" "$B/tests/cer"
run tables /usr/bin/python3 tests/bench_tables.py "$X" --check
run ocr sh tests/ocr.sh "$X" "$B/tests/mkscan" "$B/tests/cer" "$B/tests/degrade"
run robustness sh tests/robustness.sh "$X"
# make install and the README's library example against it: on the
# optimised build (a sanitizer's runtime would have to be linked too).
[ "$(basename "$B")" = build ] && run install sh tests/install.sh "$B"
run fuzz-replay sh tests/fuzz/replay.sh "$B/tests/fuzz"
[ -n "$bad" ] && echo "failed groups:$bad"
echo "total: $total_p passed, $total_f failed"
[ -z "$bad" ]
