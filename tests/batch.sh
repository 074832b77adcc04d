#!/bin/sh
# Batches as an archivist runs them: folders walked and mirrored, lists
# of paths, standard input, a worker per document (a hang, a crash and
# memory run out are that document's error; the run goes on), the
# manifest, --resume after a clean run and after SIGKILL, Ctrl-C.
X=${1:?usage: batch.sh EXTRACT MKSCAN}
X=$(cd "$(dirname "$X")" && pwd)/$(basename "$X")   # the list test runs from another folder
MKSCAN=${2:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { echo "FAIL $*"; fail=$((fail+1)); }
V="/usr/bin/python3 tests/validate.py"
plain=1; ldd "$X" 2>/dev/null | grep -q 'libasan\|libtsan' && plain=0

# An archive: year folders, one base name in two of them, a hidden file,
# links to a file inside and to one outside, a link to a folder.
A=$tmp/arkiv
mkdir -p "$A/2019" "$A/2020/styrelse" "$A/.cache"
cp corpus/seed001_memo.pdf "$A/2019/protokoll.pdf"
cp corpus/seed004_protokoll.pdf "$A/2020/protokoll.pdf"
cp corpus/seed002_rapport.odt "$A/2020/styrelse/rapport.odt"
cp corpus/seed001_memo.fodt "$A/.dold.fodt"
cp corpus/seed001_memo.fodt "$A/.cache/x.fodt"
cp corpus/seed003_utvardering.pdf "$tmp/outside.pdf"
ln -s ../2019/protokoll.pdf "$A/2020/lank.pdf"
ln -s "$tmp/outside.pdf" "$A/2020/ut.pdf"
ln -s "$A/2019" "$A/2020/mapp"

"$X" -o "$tmp/out" "$A" > "$tmp/stdout" 2> "$tmp/err"; rc=$?
want="2019/protokoll.pdf.json
2020/lank.pdf.json
2020/protokoll.pdf.json
2020/styrelse/rapport.odt.json
manifest.ndjson"
got=$(cd "$tmp/out" && find . -type f | sed 's|^\./||' | sort)
if [ "$rc" = 0 ] && [ "$got" = "$want" ] && [ ! -s "$tmp/stdout" ]; then ok
else no "folder: exit $rc, files: $got"; fi
if $V "$tmp/out/2019/protokoll.pdf.json" "$tmp/out/2020/protokoll.pdf.json" "$tmp/out/2020/styrelse/rapport.odt.json" &&
   grep -q "\"path\": \"$A/2020/protokoll.pdf\"" "$tmp/out/2020/protokoll.pdf.json"
then ok; else no "folder: outputs not the inputs' documents"; fi
if grep -q "^extract: 4 inputs: 4 done, 0 failed" "$tmp/err"; then ok; else no "summary line: $(cat "$tmp/err")"; fi

# The manifest: a line per input, each schema-valid, with the digest and
# format of what was read.
if /usr/bin/python3 - "$tmp/out/manifest.ndjson" "$A" <<'PY'
import hashlib, json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
paths = sorted(l["path"] for l in lines)
a = sys.argv[2]
assert paths == sorted([a + "/2019/protokoll.pdf", a + "/2020/lank.pdf", a + "/2020/protokoll.pdf",
                        a + "/2020/styrelse/rapport.odt"]), paths
for l in lines:
    assert l["status"] == "done" and l["error"] is None, l
    assert l["sha256"] == hashlib.sha256(open(l["path"], "rb").read()).hexdigest(), l
    assert l["output"] == l["path"][len(a) + 1:] + ".json", l
    assert l["tool"]["version"] and len(l["options_digest"]) == 64, l
    assert l["page_sources"] and all(s in ("text_layer", "odt") for s in l["page_sources"]), l
    assert l["pronom"] in ("fmt/20", "fmt/276", "fmt/18", "fmt/19", "fmt/1756", "fmt/17"), l
PY
then ok; else no "manifest lines"; fi
$V --manifest "$tmp/out/manifest.ndjson" && ok || no "manifest not schema-valid"

# The output folder inside the folder read: never read back as input.
cp -r "$A" "$tmp/inner"
"$X" -q -o "$tmp/inner/json" "$tmp/inner" 2>/dev/null
"$X" -q -o "$tmp/inner/json" "$tmp/inner" 2>/dev/null; rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l < "$tmp/inner/json/manifest.ndjson")" = 4 ] && [ ! -e "$tmp/inner/json/json" ]
then ok; else no "output folder inside the input folder: exit $rc"; fi

# Lists of paths: a line each, or NUL-separated; outputs mirror the
# listed path; a path that climbs keeps its base name alone.
(cd "$A" && printf '2019/protokoll.pdf\n./2020/styrelse/rapport.odt\n../outside.pdf\n') > "$tmp/list"
(cd "$A" && "$X" -q -o "$tmp/lout" --files-from "$tmp/list"); rc=$?
got=$(cd "$tmp/lout" && find . -name '*.json' | sed 's|^\./||' | sort | tr '\n' ' ')
if [ "$rc" = 0 ] && [ "$got" = "2019/protokoll.pdf.json 2020/styrelse/rapport.odt.json outside.pdf.json " ]
then ok; else no "--files-from: exit $rc: $got"; fi
(cd "$A" && find . -name '*.pdf' ! -type l -print0 | "$X" -q --ndjson --files-from - -0) > "$tmp/nd"; rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l < "$tmp/nd")" = 2 ] && $V --ndjson "$tmp/nd"; then ok; else no "--files-from - -0: exit $rc"; fi

# Standard input: the same document as from its file.
"$X" - < corpus/seed001_memo.pdf > "$tmp/stdin.json"; rc=$?
"$X" corpus/seed001_memo.pdf > "$tmp/file.json"
if [ "$rc" = 0 ] && [ "$(grep -v '"path"' "$tmp/stdin.json" | md5sum)" = "$(grep -v '"path"' "$tmp/file.json" | md5sum)" ]
then ok; else no "standard input: exit $rc"; fi

# A scan that takes OCR a few seconds is a hanging file under --timeout 1:
# its error is timeout, and the documents after it are read.
pdftoppm -r 150 -f 1 -l 1 -png corpus/seed004_protokoll.pdf "$tmp/scan" && mv "$tmp"/scan*.png "$tmp/scan.png"
start=$(date +%s)
"$X" --ndjson --timeout 1 -j 1 "$tmp/scan.png" corpus/seed001_memo.pdf > "$tmp/nd" 2> "$tmp/err"; rc=$?
took=$(( $(date +%s) - start ))
if [ "$rc" = 1 ] && [ "$took" -lt 20 ] && head -1 "$tmp/nd" | grep -q '"code":"timeout"' &&
   sed -n 2p "$tmp/nd" | grep -q '"source"' && $V --ndjson "$tmp/nd" &&
   grep -q "scan.png: took longer than its time" "$tmp/err"
then ok; else no "timeout: exit $rc in $took s: $(cat "$tmp/err")"; fi

# Memory: a worker held to 64 MiB cannot read the scan; that document's
# error is out_of_memory and the next is read.
if [ "$plain" = 1 ]; then
	"$X" --ndjson --max-memory 64 "$tmp/scan.png" corpus/seed001_memo.pdf > "$tmp/nd" 2> "$tmp/err"; rc=$?
	if [ "$rc" = 1 ] && head -1 "$tmp/nd" | grep -q '"code":"out_of_memory"' && sed -n 2p "$tmp/nd" | grep -q '"source"'
	then ok; else no "max-memory: exit $rc: $(cat "$tmp/err")"; fi
	# a memory budget under a worker's limit is that limit
	"$X" --ndjson --memory-budget 64 "$tmp/scan.png" corpus/seed001_memo.pdf > "$tmp/nd" 2> "$tmp/err"; rc=$?
	if [ "$rc" = 1 ] && head -1 "$tmp/nd" | grep -q '"code":"out_of_memory"' && sed -n 2p "$tmp/nd" | grep -q '"source"'
	then ok; else no "memory-budget under a worker: exit $rc: $(cat "$tmp/err")"; fi
fi

# One budget for the workers together: -j 4 workers of 1024 MiB in a
# budget of 2048 MiB read two at a time, said once; every input is read.
"$X" --ndjson -j 4 --max-memory 1024 --memory-budget 2048 corpus/seed000_tertialrapport.pdf \
	corpus/seed001_memo.pdf corpus/seed002_rapport.pdf corpus/seed003_utvardering.pdf > "$tmp/nd" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && [ "$(grep -c '"source"' "$tmp/nd")" = 4 ] &&
   grep -qx "extract: 4 workers of 1024 MiB pass the memory budget of 2048 MiB: 2 at a time" "$tmp/err"
then ok; else no "memory-budget: exit $rc: $(cat "$tmp/err")"; fi

# A crash: the worker reading the scan is killed by SIGSEGV from outside;
# that document's error is crashed and the run goes on.
"$X" --ndjson --timeout 0 -j 1 "$tmp/scan.png" corpus/seed001_memo.pdf > "$tmp/nd" 2> "$tmp/err" &
pid=$!
for i in $(seq 1 50); do w=$(pgrep -P $pid | head -1); [ -n "$w" ] && break; sleep 0.1; done
sleep 0.3; kill -SEGV "$w" 2>/dev/null; wait $pid; rc=$?
# (A sanitizer's runtime catches the signal itself and exits: then the
# worker "ended" rather than "crashed (signal)"; the code is the same.)
if [ "$rc" = 1 ] && head -1 "$tmp/nd" | grep -q '"code":"crashed"' && sed -n 2p "$tmp/nd" | grep -q '"source"' &&
   { grep -q "scan.png: crashed (Segmentation fault)" "$tmp/err" || { [ "$plain" = 0 ] && grep -q "scan.png: its worker ended" "$tmp/err"; }; }
then ok; else no "crash: exit $rc: $(cat "$tmp/err")"; fi

# --resume: nothing read again; a changed input read again; a failure
# kept (and read again with --retry-failed).
cp "$tmp/scan.png" "$A/2020/skanning.png"
"$X" -q --timeout 1 -o "$tmp/out" "$A" 2>/dev/null
before=$(md5sum "$tmp/out/2019/protokoll.pdf.json")
"$X" --resume --timeout 1 -o "$tmp/out" "$A" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && grep -q "^extract: 5 inputs: 0 done, 0 failed, 5 skipped" "$tmp/err" &&
   [ "$(md5sum "$tmp/out/2019/protokoll.pdf.json")" = "$before" ] && [ "$(wc -l < "$tmp/out/manifest.ndjson")" = 5 ]
then ok; else no "resume: exit $rc: $(cat "$tmp/err")"; fi
cp corpus/seed003_utvardering.pdf "$A/2020/protokoll.pdf"
"$X" --resume --timeout 1 -o "$tmp/out" "$A" 2> "$tmp/err"; rc=$?
sha=$(sha256sum "$A/2020/protokoll.pdf" | cut -d' ' -f1)
if [ "$rc" = 0 ] && grep -q "^extract: 5 inputs: 1 done, 0 failed, 4 skipped" "$tmp/err" &&
   grep -q "\"sha256\": \"$sha\"" "$tmp/out/2020/protokoll.pdf.json"
then ok; else no "resume after a change: exit $rc: $(cat "$tmp/err")"; fi
"$X" --retry-failed --timeout 0 -o "$tmp/out" "$A" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && grep -q "^extract: 5 inputs: 1 done, 0 failed, 4 skipped" "$tmp/err" &&
   [ "$(wc -l < "$tmp/out/manifest.ndjson")" = 5 ] && ! grep -q '"failed"' "$tmp/out/manifest.ndjson"
then ok; else no "retry-failed: exit $rc: $(cat "$tmp/err")"; fi

# Killed outright (SIGKILL) at three moments and resumed: every input
# done once, one manifest line each, no temporary file left.
B=$tmp/many; mkdir -p "$B"
for f in corpus/seed00*.pdf corpus/seed00*.odt corpus/seed00*.fodt; do
	for y in 2018 2019 2020; do mkdir -p "$B/$y"; cp "$f" "$B/$y/"; done
done
n=$(find "$B" -type f | wc -l)
for t in 0.3 0.8 1.5; do
	"$X" -q --resume -o "$tmp/kout" "$B" 2>/dev/null &
	pid=$!; sleep $t; kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null
done
"$X" -q --resume -o "$tmp/kout" "$B" 2>/dev/null; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 - "$tmp/kout" "$n" <<'PY'
import json, os, sys
d, n = sys.argv[1], int(sys.argv[2])
lines = [json.loads(l) for l in open(os.path.join(d, "manifest.ndjson"), encoding="utf-8")]
paths = [l["path"] for l in lines]
assert len(paths) == n == len(set(paths)), (len(paths), n, len(set(paths)))
assert all(l["status"] == "done" for l in lines)
for root, dirs, files in os.walk(d):
    for f in files:
        assert ".tmp" not in f, f
        if f.endswith(".json"):
            json.load(open(os.path.join(root, f), encoding="utf-8"))
PY
then ok; else no "SIGKILL and --resume: exit $rc"; fi

# Ctrl-C: the run stops, says so, exit 130; what finished is written
# whole, with its manifest line.
"$X" -o "$tmp/iout/" -j 1 --timeout 0 corpus/seed001_memo.pdf "$tmp/scan.png" corpus/seed002_rapport.pdf > /dev/null 2> "$tmp/err" &
pid=$!; sleep 1; kill -INT $pid; wait $pid; rc=$?
if [ "$rc" = 130 ] && grep -q "then interrupted" "$tmp/err" && [ -s "$tmp/iout/seed001_memo.pdf.json" ] &&
   [ "$(wc -l < "$tmp/iout/manifest.ndjson")" = 1 ] && ! ls "$tmp/iout" | grep -q tmp
then ok; else no "interrupt: exit $rc: $(cat "$tmp/err")"; fi

# Progress off a terminal when asked; --quiet says nothing on success.
"$X" --progress --ndjson corpus/seed001_memo.pdf corpus/seed002_rapport.pdf > /dev/null 2> "$tmp/err"
if grep -q "^extract: 2/2 done, 0 failed, [0-9]* pages" "$tmp/err"; then ok; else no "--progress: $(cat "$tmp/err")"; fi
"$X" -q --ndjson corpus/seed001_memo.pdf corpus/seed002_rapport.pdf > /dev/null 2> "$tmp/err"
[ ! -s "$tmp/err" ] && ok || no "--quiet: $(cat "$tmp/err")"

# Workers and threads give the same bytes.
"$X" --ndjson -j 2 corpus/seed000_tertialrapport.pdf corpus/seed004_protokoll.fodt > "$tmp/w" 2>/dev/null
"$X" --ndjson -j 2 --in-process corpus/seed000_tertialrapport.pdf corpus/seed004_protokoll.fodt > "$tmp/t" 2>/dev/null
cmp -s "$tmp/w" "$tmp/t" && ok || no "workers and --in-process differ"

echo "batch: $pass passed, $fail failed"
[ "$fail" = 0 ]
