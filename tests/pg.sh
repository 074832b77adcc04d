#!/bin/sh
# The archive in PostgreSQL (--db postgresql://...): a throwaway server
# (initdb and pg_ctl on a socket in a temporary folder) holds the same
# rows as the SQLite archive of the same inputs; three --shard runs at
# once give the rows of one run; a second import changes nothing;
# search finds a word in its document and page; runs opening a fresh
# database at once make its schema once; an archive made by an earlier
# version gets the columns added since. Skipped, with one line,
# where PostgreSQL's server programs are missing.
X=${1:?usage: pg.sh EXTRACT}
X=$(cd "$(dirname "$X")" && pwd)/$(basename "$X")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "pg: skipped: PostgreSQL's server programs (initdb, pg_ctl) are not installed"
	echo "pg: 0 passed, 0 failed"
	exit 0
fi
tmp=$(mktemp -d); chmod 755 "$tmp"
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { echo "FAIL $*"; fail=$((fail+1)); }
# initdb refuses root: the server then runs as the postgres user.
as=""; [ "$(id -u)" = 0 ] && as="runuser -u postgres --"
mkdir "$tmp/data" "$tmp/sock"; [ -n "$as" ] && chown postgres "$tmp/data" "$tmp/sock"
$as "$bin/initdb" -D "$tmp/data" -A trust -U arkiv -E UTF8 --locale=C.UTF-8 > "$tmp/initdb.log" 2>&1 ||
	{ echo "FAIL initdb: $(tail -3 "$tmp/initdb.log")"; echo "pg: 0 passed, 1 failed"; rm -rf "$tmp"; exit 1; }
$as "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/sock/server.log" -w -o "-k $tmp/sock -c listen_addresses=''" start > /dev/null ||
	{ echo "FAIL pg_ctl start: $(tail -3 "$tmp/sock/server.log")"; echo "pg: 0 passed, 1 failed"; rm -rf "$tmp"; exit 1; }
trap '$as "$bin/pg_ctl" -D "$tmp/data" -m immediate stop > /dev/null 2>&1; rm -rf "$tmp"' EXIT
createdb() { $as "$bin/createdb" -h "$tmp/sock" -U arkiv "$1"; }
uri() { echo "postgresql:///$1?host=$tmp/sock&user=arkiv"; }

A=$tmp/arkiv; mkdir -p "$A/2019" "$A/2020"
for f in corpus/seed00*.pdf corpus/seed002_rapport.odt corpus/seed004_protokoll.fodt; do cp "$f" "$A/2019/"; done
cp corpus/seed000_tertialrapport.pdf "$A/2020/samma.pdf"
printf '%%PDF-1.7\n%%broken\n' > "$A/2020/trasig.pdf"
printf 'Kallelse till årsmöte\n\nTid: 12 maj 2024 kl. 19.00\nPlats: Folkets hus\n\nDagordning\n\n1. Mötets öppnande\n\n2. Val av justerare\n' > "$A/2020/kallelse.txt"
/usr/bin/python3 tests/mksurvey.py "$A/2020/enkat.pdf"

createdb one
"$X" -q --db "$(uri one)" --ndjson "$A" > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" = 1 ] && ok || no "import into PostgreSQL: exit $rc: $(cat "$tmp/err")"
"$X" -q --db "$tmp/one.sqlite" --ndjson "$A" > /dev/null 2>&1

# The same queries, the same rows, in PostgreSQL and in SQLite.
Q="SELECT path, sha256, status, error_code FROM paths ORDER BY path
SELECT sha256, title, type, pages, pronom FROM documents ORDER BY sha256
SELECT sha256, idx, label, value, unit, period_label, measure FROM \"values\" ORDER BY sha256, idx
SELECT sha256, block, type, page, text FROM blocks ORDER BY sha256, block
SELECT sha256, tbl, row, col, text FROM cells ORDER BY sha256, tbl, row, col
SELECT sha256, item, idx, kind, text FROM decisions ORDER BY sha256, item, idx
SELECT sha256, idx, name, status FROM attendees ORDER BY sha256, idx
SELECT sha256, goal, dimension, colour FROM ratings ORDER BY sha256, idx
SELECT sha256, date, time, place, postal_vote FROM notices ORDER BY sha256
SELECT sha256, idx, number, title FROM notice_agenda ORDER BY sha256, idx
SELECT sha256, idx, k, question, col, value FROM survey_means ORDER BY sha256, idx, k
SELECT label, period_label, value_sek FROM v_values WHERE value_sek IS NOT NULL ORDER BY sha256, coalesce(label, ''), coalesce(period_label, ''), value_sek"
same() { # PGDB SQLITE: every query of Q gives the same rows
	echo "$Q" | while IFS= read -r q; do
		$as "$bin/psql" -X -q -h "$tmp/sock" -U arkiv -d "$1" -c "COPY ($q) TO STDOUT (FORMAT csv)" > "$tmp/p.csv"
		/usr/bin/python3 - "$tmp/p.csv" "$2" "$q" <<'PY' || echo "differ: $q"
import csv, sqlite3, sys
def norm(f):
    if f is None:
        return ""
    try:
        return repr(round(float(f), 6))   # psql and Python write floats each their way
    except ValueError:
        return f
pg = [[norm(f) for f in r] for r in csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))]
lite = [[norm(f) for f in r] for r in sqlite3.connect(sys.argv[2]).execute(sys.argv[3])]
if pg != lite:
    bad = next(i for i in range(max(len(pg), len(lite))) if i >= len(pg) or i >= len(lite) or pg[i] != lite[i])
    sys.stderr.write("%s: %d and %d rows; first difference at %d: %s / %s\n" % (
        sys.argv[3], len(pg), len(lite), bad, pg[bad:bad + 1], lite[bad:bad + 1]))
    sys.exit(1)
PY
	done
}
out=$(same one "$tmp/one.sqlite" 2>&1)
[ -z "$out" ] && ok || no "PostgreSQL and SQLite rows: $out"

# A second import of the same inputs changes nothing.
"$X" -q --db "$(uri one)" --ndjson "$A" > /dev/null 2>&1
out=$(same one "$tmp/one.sqlite" 2>&1)
[ -z "$out" ] && ok || no "a second import: $out"

# Three shards at once into one database: the rows of one run.
createdb shards
for k in 0 1 2; do "$X" -q --shard $k/3 --db "$(uri shards)" --ndjson "$A" > /dev/null 2> "$tmp/shard$k.err" & done
wait
out=$(same shards "$tmp/one.sqlite" 2>&1)
[ -z "$out" ] && ok || no "three shards at once: $out $(cat "$tmp"/shard*.err | head -3)"

# Runs opening a fresh database at once, ten times over: one makes the
# schema, the others wait and find it made (they had read the catalogue
# as it was before the wait, made it again, and deadlocked with the
# first run's writes: about one round in twenty-five failed).
mkdir "$tmp/small"; for i in 1 2 3; do printf 'Rapport %s\n\nText.\n' "$i" > "$tmp/small/r$i.txt"; done
bad=""
for round in 1 2 3 4 5 6 7 8 9 10; do
	createdb "fresh$round"
	for k in 0 1 2; do
		"$X" -q --shard $k/3 --db "$(uri "fresh$round")" --ndjson "$tmp/small" > /dev/null 2> "$tmp/fresh$k.err" &
	done
	wait
	n=$(echo "SELECT count(*) FROM paths" | $as "$bin/psql" -h "$tmp/sock" -U arkiv -At "fresh$round" 2>&1)
	[ "$n" = 3 ] || bad="$bad round $round: $n paths, $(cat "$tmp"/fresh*.err | head -1);"
done
[ -z "$bad" ] && ok || no "fresh databases opened at once:$bad"

# An archive made before meetings had opened and closed (the columns
# dropped from one made now) gets them back at the next import.
createdb older
"$X" -q --db "$(uri older)" --ndjson corpus/seed004_protokoll.pdf > /dev/null 2>&1
echo "ALTER TABLE meetings DROP COLUMN opened, DROP COLUMN closed; DELETE FROM documents" |
	$as "$bin/psql" -h "$tmp/sock" -U arkiv -q "older" > /dev/null 2>&1
"$X" -q --db "$(uri older)" --ndjson corpus/seed004_protokoll.pdf > /dev/null 2> "$tmp/err"; rc=$?
got=$(echo "SELECT opened || ' ' || closed FROM meetings" | $as "$bin/psql" -h "$tmp/sock" -U arkiv -At "older" 2>&1)
[ "$rc" = 0 ] && [ "$got" = "10:00 15:00" ] && ok || no "an older archive: exit $rc, meetings '$got': $(cat "$tmp/err")"

# --resume from PostgreSQL: nothing read again.
"$X" --resume --db "$(uri one)" --ndjson "$A" > "$tmp/nd" 2> "$tmp/err"
grep -q "inputs: 0 done, 0 failed, 11 skipped" "$tmp/err" && [ ! -s "$tmp/nd" ] && ok || no "resume: $(cat "$tmp/err")"

# Search: a word of one block, in its document and page (swedish stems).
"$X" search --db "$(uri one)" --json "rapporten" > "$tmp/hits" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 - "$tmp/hits" "$tmp/one.sqlite" <<'PY'
import json, sqlite3, sys
hits = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
c = sqlite3.connect(sys.argv[2])
assert hits
for h in hits:
    text = c.execute("SELECT text, page FROM blocks WHERE sha256 = ? AND block = ?", (h["sha256"], h["block"])).fetchone()
    assert text and text[1] == h["page"] and "rapport" in text[0].lower(), (h, text)
    assert "[" in h["snippet"], h
PY
then ok; else no "search in PostgreSQL: exit $rc: $(cat "$tmp/err")"; fi

# extract diff and series read documents back from PostgreSQL as from
# the files: the same bytes; --organisation picks one organisation's.
createdb years
"$X" -q --db "$(uri years)" --ndjson corpus/holdout/holdout_board_1.pdf corpus/holdout/holdout_board_2.pdf \
	corpus/seed002_rapport.pdf corpus/seed002_rapport.odt > /dev/null 2>&1
"$X" diff --format json corpus/holdout/holdout_board_1.pdf corpus/holdout/holdout_board_2.pdf > "$tmp/d1" 2>&1
"$X" diff --format json --db "$(uri years)" corpus/holdout/holdout_board_1.pdf corpus/holdout/holdout_board_2.pdf \
	> "$tmp/d2" 2> "$tmp/err"; rc=$?
"$X" series --db "$(uri years)" --organisation "Sveriges Kommuner och Regioner" > "$tmp/s2" 2>> "$tmp/err"; rc2=$?
n=$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['reports']))" "$tmp/s2" 2>/dev/null)
[ "$rc" = 0 ] && cmp -s "$tmp/d1" "$tmp/d2" && [ "$rc2" = 0 ] && [ "$n" = 2 ] && ok ||
	no "diff/series --db PostgreSQL: exits $rc $rc2, reports $n: $(head -c 300 "$tmp/err")"

echo "pg: $pass passed, $fail failed"
[ "$fail" = 0 ]
