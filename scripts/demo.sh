#!/bin/sh
# Quick start, part one: install what is missing, build, and run extract
# on the bundled sample (a generated board report, seed 000).
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
make -s -j2 build/extract
sample=corpus/seed000_tertialrapport.pdf
echo "== extract --format markdown $sample (reading order, page furniture left out)"
build/extract --format markdown "$sample"
echo
echo "== extract $sample > build/demo.json (schema extract/1); a summary of it:"
build/extract "$sample" > build/demo.json
/usr/bin/python3 - build/demo.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s, doc = d["source"], d["document"]
print("source:   %s, %s %s (%s), %d pages, %d bytes, sha256 %s..." % (
    s["path"], s["format"], s["format_version"], s["pronom"], s["pages"], s["bytes"], s["sha256"][:12]))
print("document: title %r, date %s, fields %s" % (doc["title"], doc["date"], json.dumps(doc["fields"], ensure_ascii=False)))
kinds = {}
for b in d["blocks"]:
    k = b["type"] + ("/" + b["furniture"] if "furniture" in b else "")
    kinds[k] = kinds.get(k, 0) + 1
print("blocks:   %s" % ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items())))
b = next(b for b in d["blocks"] if b["type"] == "heading")
print("first heading: %s" % json.dumps(b, ensure_ascii=False))
print("tables:   %d; values: %d; ratings: %s" % (len(d["tables"]), len(d["values"]),
      ", ".join("%s %s %s" % (r["goal"], r["dimension"], r["colour"]) for r in d["ratings"])))
v = next(v for v in d["values"] if v["measure"] == "actual")
print("a value:  %s" % json.dumps({k: v[k] for k in ("label", "period", "measure", "value", "unit",
                                                     "scale", "text", "provenance")}, ensure_ascii=False))
PY
echo "(full JSON in build/demo.json)"
