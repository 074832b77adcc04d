#!/bin/sh
# The archive database (--db, SQLite) and extract search: documents
# stored once by content, every path a row, a failure recorded, values
# for analysts in v_values, --resume from the database, two runs at once,
# search by words with å, ä and ö in the right document and page; an
# archive made by an earlier version gets the columns added since.
X=${1:?usage: db.sh EXTRACT}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { echo "FAIL $*"; fail=$((fail+1)); }

A=$tmp/arkiv
mkdir -p "$A/2019" "$A/2020"
for f in corpus/seed00*.pdf corpus/seed002_rapport.odt; do cp "$f" "$A/2019/"; done
cp corpus/seed000_tertialrapport.pdf "$A/2020/samma_innehall.pdf"   # the same bytes under another name
printf '%%PDF-1.7\n%%broken\n' > "$A/2020/trasig.pdf"
# a notice (text) and a survey whose table of means compares two years
printf 'Kallelse till årsmöte\n\nTid: 12 maj 2024 kl. 19.00\nPlats: Folkets hus\n\nDagordning\n\n1. Mötets öppnande\n\n2. Val av justerare\n\nPoströstning är tillåten.\n' > "$A/2020/kallelse.txt"
/usr/bin/python3 tests/mksurvey.py "$A/2020/enkat.pdf"
DB=$tmp/arkiv.sqlite

"$X" -q --db "$DB" -o "$tmp/out" "$A" 2> "$tmp/err"; rc=$?
[ "$rc" = 1 ] && ok || no "import: exit $rc, want 1 (one broken file): $(cat "$tmp/err")"
if /usr/bin/python3 - "$DB" "$tmp/out" "$A" <<'PY'
import json, os, sqlite3, sys
db, out, a = sys.argv[1:4]
c = sqlite3.connect(db)
paths = dict(c.execute("SELECT path, status FROM paths"))
assert len(paths) == 10, paths
assert paths[a + "/2020/trasig.pdf"] == "failed", paths
code = c.execute("SELECT error_code FROM paths WHERE path LIKE '%trasig.pdf'").fetchone()[0]
assert code == "format", code
# The same bytes twice: one document, two paths.
assert c.execute("SELECT count(*) FROM documents").fetchone()[0] == 8
assert c.execute("SELECT count(DISTINCT path) FROM paths WHERE sha256 = (SELECT sha256 FROM paths WHERE path LIKE"
                 " '%samma_innehall.pdf')").fetchone()[0] == 2
# Every table holds what the JSON holds.
for p, status in paths.items():
    if status != "done":
        continue
    rel = os.path.relpath(p, a)
    d = json.load(open(os.path.join(out, rel + ".json"), encoding="utf-8"))
    sha = d["source"]["sha256"]
    for table, key in (("blocks", "blocks"), ("tables", "tables"), ("\"values\"", "values"),
                       ("ratings", "ratings"), ("warnings", "warnings"), ("pages", "pages")):
        n = c.execute("SELECT count(*) FROM %s WHERE sha256 = ?" % table, (sha,)).fetchone()[0]
        assert n == len(d[key]), (p, table, n, len(d[key]))
    items = d["protocol"].get("items", [])
    assert c.execute("SELECT count(*) FROM items WHERE sha256 = ?", (sha,)).fetchone()[0] == len(items)
    ndec = sum(len(i.get("decisions", [])) for i in items)
    assert c.execute("SELECT count(*) FROM decisions WHERE sha256 = ?", (sha,)).fetchone()[0] == ndec
    att = d["protocol"].get("attendees", [])
    assert c.execute("SELECT count(*) FROM attendees WHERE sha256 = ?", (sha,)).fetchone()[0] == len(att)
    if d["protocol"]:
        got = c.execute("SELECT opened, closed, excerpt, certified_by FROM meetings WHERE sha256 = ?", (sha,)).fetchone()
        assert got == (d["protocol"]["opened"], d["protocol"]["closed"], int(d["protocol"]["excerpt"]),
                       d["protocol"]["certified_by"]), (p, got)
        assert got[0], (p, "the seed minutes say kl 10-15")
    # notices and their agenda, survey means with what they are compared to
    n = d["notice"]
    got = c.execute("SELECT date, time, place, postal_vote FROM notices WHERE sha256 = ?", (sha,)).fetchone()
    assert got == ((n["date"], n["time"], n["place"], int(n["postal_vote"])) if n else None), (p, got)
    assert c.execute("SELECT count(*) FROM notice_agenda WHERE sha256 = ?", (sha,)).fetchone()[0] == \
        len(n.get("agenda", []))
    means = d["survey"].get("means", [])
    got = c.execute("SELECT question, col, value FROM survey_means WHERE sha256 = ? ORDER BY idx, k", (sha,)).fetchall()
    assert got == [(m["question"], x["column"], x["value"]) for m in means for x in [m] + m["compare"]], (p, got)
# the notice and the survey were read
assert c.execute("SELECT place, postal_vote FROM notices").fetchall() == [("Folkets hus", 1)]
assert c.execute("SELECT count(*) FROM notice_agenda").fetchone()[0] == 2
assert c.execute("SELECT col, value FROM survey_means WHERE question = 'Trivsel' ORDER BY k").fetchall() == \
    [("2024", 4.2), ("2023", 3.9)]
# Values for analysts: money in kronor.
rows = c.execute("SELECT label, value, unit, value_sek FROM v_values WHERE unit = 'TSEK' LIMIT 5").fetchall()
assert all(abs(r[3] - r[1] * 1000) < 1e-6 for r in rows), rows
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
PY
then ok; else no "database contents"; fi

# An archive made before meetings had opened and closed gets the columns
# at the next import, its old rows kept, the new document's times stored.
OLD=$tmp/old.sqlite
/usr/bin/python3 - "$OLD" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE meetings (sha256 TEXT PRIMARY KEY, date TEXT, time TEXT, place TEXT, chair TEXT,"
          " secretary TEXT, adjusters TEXT, next_meeting TEXT)")
c.execute("INSERT INTO meetings VALUES ('old', '2001-01-01', NULL, NULL, NULL, NULL, NULL, NULL)")
c.commit()
PY
"$X" -q --db "$OLD" --ndjson corpus/seed004_protokoll.pdf > /dev/null 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 - "$OLD" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = dict((r[0], r[1:]) for r in c.execute("SELECT sha256, date, opened, closed FROM meetings"))
assert rows.pop("old") == ("2001-01-01", None, None), rows
(_, opened, closed), = rows.values()
assert (opened, closed) == ("10:00", "15:00"), rows
PY
then ok; else no "an older archive: exit $rc: $(cat "$tmp/err")"; fi

# Search: a word with å/ä/ö that one block of the archive holds is found
# in that document and on that page; the same word with a and o is not.
if /usr/bin/python3 - "$X" "$DB" "$tmp/out" "$A" <<'PY'
import collections, glob, json, os, re, subprocess, sys
x, db, out, a = sys.argv[1:5]
where = collections.defaultdict(set)
for f in glob.glob(out + "/**/*.json", recursive=True):
    d = json.load(open(f, encoding="utf-8"))
    for b in d["blocks"]:
        if b.get("furniture") or b["type"] == "table":
            continue
        for w in set(re.findall(r"\w+", b["text"].lower())):
            where[w].add((d["source"]["path"], b["page"]))
words = sorted(w for w, s in where.items() if len(s) == 1 and len(w) >= 8 and re.search("[åäö]", w))
assert words, "no word to search for"
for w in words[:5]:
    (path, page), = where[w]
    r = subprocess.run([x, "search", "--db", db, "--json", w], capture_output=True, text=True)
    hits = [json.loads(l) for l in r.stdout.splitlines()]
    assert r.returncode == 0 and hits and all(h["page"] == page for h in hits), (w, hits)
    assert {h["path"] for h in hits} <= {path}, (w, path, hits)
    assert "[" in hits[0]["snippet"], hits[0]
    folded = w.replace("å", "a").replace("ä", "a").replace("ö", "o")
    r = subprocess.run([x, "search", "--db", db, "--json", folded], capture_output=True, text=True)
    assert not any(h["path"] == path and h["page"] == page and w not in h["snippet"].lower().replace("[", "").replace("]", "")
                   for h in map(json.loads, r.stdout.splitlines())), (folded, r.stdout[:300])
print("searched:", ", ".join(words[:5]))
PY
then ok; else no "search"; fi
"$X" search --db "$DB" "zzqqxx" > "$tmp/o"; rc=$?
[ "$rc" = 1 ] && [ ! -s "$tmp/o" ] && ok || no "search without hits: exit $rc"
"$X" search --db "$DB" 'budget AND (' > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" -le 1 ] && ok || no "a query FTS5 cannot parse: exit $rc: $(cat "$tmp/err")"

# --resume from the database alone: nothing read again; the broken file
# stays failed, and is read again with --retry-failed.
"$X" -q --db "$tmp/nd.sqlite" --ndjson "$A" > /dev/null 2>&1
"$X" --resume --db "$tmp/nd.sqlite" --ndjson "$A" > "$tmp/nd" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && [ ! -s "$tmp/nd" ] && grep -q "10 inputs: 0 done, 0 failed, 10 skipped" "$tmp/err"
then ok; else no "resume from the database: exit $rc: $(cat "$tmp/err")"; fi
"$X" --retry-failed --db "$tmp/nd.sqlite" --ndjson "$A" > "$tmp/nd" 2> "$tmp/err"; rc=$?
if [ "$rc" = 1 ] && grep -q "10 inputs: 0 done, 1 failed, 9 skipped" "$tmp/err"
then ok; else no "retry-failed from the database: exit $rc: $(cat "$tmp/err")"; fi

# Two runs on one database at once: the second waits; nothing lost.
B=$tmp/b; mkdir -p "$B"; cp corpus/seed00*.odt corpus/seed00*.fodt "$B/"
"$X" -q --db "$tmp/two.sqlite" --ndjson "$A" > /dev/null 2>&1 &
p1=$!
"$X" -q --db "$tmp/two.sqlite" --ndjson "$B" > /dev/null 2>&1 &
p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
n=$(/usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('SELECT count(*) FROM paths').fetchone()[0], c.execute('PRAGMA integrity_check').fetchone()[0])" "$tmp/two.sqlite")
nb=$(ls "$B" | wc -l)
if [ "$r1" = 1 ] && [ "$r2" = 0 ] && [ "$n" = "$((10 + nb)) ok" ]; then ok; else no "two runs at once: exits $r1 $r2, rows $n"; fi

# --shard K/N: three shards at once into one database give the rows one
# run gives; the shards split the inputs, each input in one.
for k in 0 1 2; do "$X" -q --shard $k/3 --db "$tmp/shards.sqlite" --ndjson "$A" "$B" > "$tmp/s$k" 2>/dev/null & done
wait
"$X" -q --db "$tmp/one.sqlite" --ndjson "$A" "$B" > /dev/null 2>&1
if /usr/bin/python3 - "$tmp/shards.sqlite" "$tmp/one.sqlite" "$tmp/s0" "$tmp/s1" "$tmp/s2" <<'PY'
import json, sqlite3, sys
a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
for q in ("SELECT path, sha256, status, error_code FROM paths ORDER BY path",
          "SELECT sha256, title, type, pages FROM documents ORDER BY sha256",
          "SELECT sha256, idx, label, value, unit, period_label FROM \"values\" ORDER BY sha256, idx",
          "SELECT sha256, block, text FROM blocks ORDER BY sha256, block"):
    assert a.execute(q).fetchall() == b.execute(q).fetchall(), q
parts = [[json.loads(l).get("source", json.loads(l).get("error", {})).get("path") for l in open(f)] for f in sys.argv[3:]]
every = [p for part in parts for p in part]
assert len(every) == len(set(every)) == a.execute("SELECT count(*) FROM paths").fetchone()[0], parts
assert all(parts), "a shard was empty: the split is not a split"
PY
then ok; else no "three shards into one database"; fi

# extract diff and series read documents back from the archive (by the
# path imported or the sha256): the same output as from the files; a
# path not in it, an archive that is not there, and documents stored
# without their JSON (an earlier version's) are clear errors.
Y=$tmp/years; mkdir -p "$Y"
cp corpus/holdout/holdout_board_1.pdf "$Y/old.pdf"; cp corpus/holdout/holdout_board_2.pdf "$Y/new.pdf"
cp corpus/seed002_rapport.pdf corpus/seed002_rapport.odt "$Y/"   # one organisation's, twice
"$X" -q --db "$tmp/years.sqlite" --ndjson "$Y/old.pdf" "$Y/new.pdf" "$Y/seed002_rapport.pdf" "$Y/seed002_rapport.odt" > /dev/null 2>&1
sha=$(/usr/bin/python3 -c "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())" "$Y/new.pdf")
"$X" diff --format json "$Y/old.pdf" "$Y/new.pdf" > "$tmp/d1" 2>&1
"$X" diff --format json --db "$tmp/years.sqlite" "$Y/old.pdf" "$sha" > "$tmp/d2" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && cmp -s "$tmp/d1" "$tmp/d2" && grep -q '"extract-diff/1"' "$tmp/d2"
then ok; else no "diff --db: exit $rc, $(cmp "$tmp/d1" "$tmp/d2" 2>&1) $(head -c 200 "$tmp/err")"; fi
# series of one organisation (named in capitals): its two reports, the
# same output as series given the files in the archive's order
"$X" series --db "$tmp/years.sqlite" --organisation "SVERIGES KOMMUNER OCH REGIONER" > "$tmp/s2" 2> "$tmp/err"; rc=$?
set -- $(/usr/bin/python3 -c "import json,sys; print(' '.join(r['path'] for r in json.load(open(sys.argv[1]))['reports']))" "$tmp/s2" 2>/dev/null)
"$X" series "$@" > "$tmp/s1" 2>&1
if [ "$rc" = 0 ] && [ "$#" = 2 ] && cmp -s "$tmp/s1" "$tmp/s2" && case "$*" in *seed002_rapport.pdf*seed002_rapport.odt*|*seed002_rapport.odt*seed002_rapport.pdf*) true;; *) false;; esac
then ok; else no "series --db --organisation: exit $rc, reports: $*, $(cmp "$tmp/s1" "$tmp/s2" 2>&1) $(head -c 200 "$tmp/err")"; fi
# one organisation printed in capitals one year and not the next: its
# name meets either way, å and all (SQLite's own lower() folds ASCII only)
mkdir -p "$tmp/masen"
printf 'Årsredovisning 2022\n\nBRF MÅSEN 12\n\nStyrelsen avger årsredovisning.\n' > "$tmp/masen/a2022.txt"
printf 'Årsredovisning 2023\n\nBrf Måsen 12\n\nStyrelsen avger årsredovisning.\n' > "$tmp/masen/a2023.txt"
"$X" -q --db "$tmp/masen.sqlite" --ndjson "$tmp/masen" > /dev/null 2>&1
"$X" series --db "$tmp/masen.sqlite" --organisation "brf måsen 12" > "$tmp/s3" 2> "$tmp/err"; rc=$?
n=$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['reports']))" "$tmp/s3" 2>/dev/null)
[ "$rc" = 0 ] && [ "$n" = 2 ] && ok || no "series --organisation across capitals: exit $rc, $n reports: $(head -c 200 "$tmp/err")"
"$X" diff --db "$tmp/years.sqlite" "$Y/old.pdf" "$Y/none.pdf" > /dev/null 2> "$tmp/err"; r1=$?
"$X" diff --db "$tmp/nowhere.sqlite" a b > /dev/null 2> "$tmp/err2"; r2=$?
/usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE documents SET json = NULL'); c.commit()" "$tmp/years.sqlite"
"$X" series --db "$tmp/years.sqlite" > /dev/null 2> "$tmp/err3"; r3=$?
if [ "$r1" = 1 ] && grep -q "none.pdf: not in the archive" "$tmp/err" && [ "$r2" = 1 ] &&
   grep -q "nowhere.sqlite: no such archive" "$tmp/err2" && [ ! -e "$tmp/nowhere.sqlite" ] &&
   [ "$r3" = 1 ] && grep -q "without their JSON" "$tmp/err3"
then ok; else no "diff/series --db errors: exits $r1 $r2 $r3: $(cat "$tmp/err" "$tmp/err2" "$tmp/err3")"; fi

echo "db: $pass passed, $fail failed"
[ "$fail" = 0 ]
