#!/bin/sh
# extract diff: pairs that must be made and pairs that must not, on two
# documents written here as extract/1 JSON (each row a rule: case,
# diacritics, a bracketed addition, a small edit, TSEK against kronor,
# a group to tell two labels apart, printed twice; never across measures
# or units that do not convert); restatements; ratings; survey figures;
# a document against itself; the real housing co-operative's two years
# when ../shared/eval/real is there. Every JSON output schema-valid.
X=${1:?usage: diff.sh EXTRACT}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { echo "FAIL $*"; fail=$((fail+1)); }

/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
def doc(year, values, ratings=(), survey=None, period=None):
    return {"schema": "extract/1", "tool": {"name": "extract", "version": "test"},
            "source": {"path": "rapport_%d.pdf" % year, "sha256": "%064d" % year, "format": "pdf"},
            "document": {"type": "annual_report", "title": "Årsredovisning %d" % year, "period": period},
            "pages": [], "blocks": [], "tables": [], "values": values, "ratings": list(ratings),
            "protocol": {}, "survey": survey or {}, "warnings": [], "ocr_corrections": []}
def v(label, year, value, unit="SEK", scale=1, measure=None, group=None, instant=False, section=None):
    p = {"label": str(year), "start": None if instant else "%d-01-01" % year, "end": "%d-12-31" % year}
    return {"label": label, "group": group, "section": section, "period": p, "measure": measure, "value": value,
            "unit": unit, "scale": scale, "text": str(value), "method": "table", "provenance": {"page": 1},
            "confidence": 0.9}
old = [
    v("Nettoomsättning", 2022, 3200), v("Nettoomsättning", 2021, 3000),               # TSEK below, kr in new
    v("Årsavgifter", 2022, 100, "SEK", 1),                                              # diacritics, case
    v("Räntekostnader (not 5)", 2022, -50),                                             # bracketed addition
    v("Fastighetsskatt", 2022, 10), v("Soliditet", 2022, 70, "percent"),
    v("Facebook", 2022, 900, "count", group="Följare"), v("Facebook", 2022, 40, "count", group="Inlägg"),
    v("Summa", 2022, 5), v("Summa", 2022, 6),                                           # printed twice: in order
    v("Budget drift", 2022, 500, measure="budget"),                                     # budget only in old
    v("Kassa", 2022, 77, "percent"),                                                     # a unit that cannot convert
    v("Underhållsfond", 2022, 1000, instant=True),
    v("Borttagen post", 2022, 1),
    v("Resultat efter finansiella poster", 2022, 300), v("Kassa och bank", 2022, 50),   # synonyms below
    v("Summa skulder", 2022, 900),
    # sections: named by the report's own year; as printed; a year told apart
    v("Sparande per kvm", 2022, 176, "SEK/m2", section="Årsredovisning 2022 | Flerårsöversikt"),
    v("Lokaler", 2022, 40, section="Plan 2024"),
    v("Medlemsavgift", 2022, 300, section="Avgifter 2021"),
]
new = [
    v("Nettoomsättning", 2023, 3500000, "SEK", 1), v("Nettoomsättning", 2022, 3250000, "SEK", 1),
    v("ÅRSAVGIFTER", 2023, 110),
    v("Räntekostnader", 2023, -60),
    v("Fastighetskatt", 2023, 12),                                                       # one letter lost (OCR)
    v("Soliditet", 2023, 72, "percent"),
    v("Facebook", 2023, 950, "count", group="Följare"), v("Facebook", 2023, 45, "count", group="Inlägg"),
    v("Summa", 2023, 7), v("Summa", 2023, 8),
    v("Budget drift", 2023, 520, measure="actual"),                                     # another measure: no pair
    v("Kassa", 2023, 80),
    v("Underhållsfond", 2023, 1200, instant=True),
    v("Ny post", 2023, 2),
    v("Resultat efter finansnetto", 2023, 330), v("Likvida medel", 2023, 55),
    v("Summa eget kapital och skulder", 2023, 950),                                     # no synonym of it
    v("Sparande per kvm", 2023, 917, "SEK/m2", section="Årsredovisning 2023 | Flerårsöversikt"),
    v("Sparande per kvm", 2022, 177, "SEK/m2", section="Årsredovisning 2023 | Flerårsöversikt"),
    v("Lokaler", 2023, 45, section="Plan 2024"), v("Lokaler", 2022, 41, section="Plan 2024"),
    v("Medlemsavgift", 2023, 310, section="Avgifter 2023"), v("Medlemsavgift", 2022, 305, section="Avgifter 2023"),
]
for x in old[:1] + old[1:2]:
    x["unit"], x["scale"] = "TSEK", 1000
r_old = [{"goal": "1.1", "title": "Mål", "dimension": "effekt", "colour": "yellow"},
         {"goal": "1.2", "title": "Mål 2", "dimension": "effekt", "colour": "green"}]
r_new = [{"goal": "1.1", "title": "Mål", "dimension": "effekt", "colour": "green"},
         {"goal": "1.2", "title": "Mål 2", "dimension": "effekt", "colour": "green"}]
json.dump(doc(2022, old, r_old, {"population": 200, "responses": 120, "response_rate": 60}),
          open(tmp + "/old.json", "w"), ensure_ascii=False)
dn = doc(2023, new, r_new, {"population": 200, "responses": 150, "response_rate": 75})
dn["warnings"] = [{"code": "rating_unread", "page": 1, "message": "page 1: goal 1.3 EFFEKT: the rating cell is blank"}]
json.dump(dn, open(tmp + "/new.json", "w"), ensure_ascii=False)
PY

"$X" diff --format json "$tmp/old.json" "$tmp/new.json" > "$tmp/d.json"; rc=$?
[ "$rc" = 0 ] && /usr/bin/python3 tests/validate.py --diff "$tmp/d.json" && ok || no "diff: exit $rc or schema-invalid"
if /usr/bin/python3 - "$tmp/d.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ch = {(c["label"], c.get("group")): c for c in d["changes"]}
def pair(label, old, new, group=None, unit="SEK"):
    c = ch.get((label, group))
    assert c, ("not paired", label, group, sorted(ch))
    assert abs(c["old"]["value"] - old) < 1e-6 and abs(c["new"]["value"] - new) < 1e-6, (label, c)
    assert abs(c["delta"] - (new - old)) < 1e-6 and c["unit"] == unit, c
# must pair
pair("Nettoomsättning", 3200000, 3500000)                        # TSEK against kronor, in kronor
assert abs(ch[("Nettoomsättning", None)]["delta_percent"] - 9.375) < 1e-9
pair("Årsavgifter", 100, 110)                                     # case
pair("Räntekostnader (not 5)", -50, -60)                          # bracketed addition
pair("Fastighetsskatt", 10, 12)                                   # one edit
pair("Soliditet", 70, 72, unit="percent")
pair("Facebook", 900, 950, group="Följare", unit="count")         # the group tells them apart
pair("Facebook", 40, 45, group="Inlägg", unit="count")
pair("Underhållsfond", 1000, 1200)                                # an instant with an instant
pair("Resultat efter finansiella poster", 300, 330)                # synonyms of one figure
pair("Kassa och bank", 50, 55)
summa = sorted((c["old"]["value"], c["new"]["value"]) for c in d["changes"] if c["label"] == "Summa")
assert summa == [(5, 7), (6, 8)], summa                           # printed twice: in order
# must not pair
assert not any(c["label"] == "Budget drift" for c in d["changes"])   # budget against actual
assert not any(c["label"] == "Kassa" for c in d["changes"])          # percent against kronor
assert any(w["code"] == "units" and "Kassa" in w["message"] for w in d["warnings"]), d["warnings"]
assert {e["label"] for e in d["only_old"]} == {"Borttagen post", "Budget drift", "Summa skulder"}, d["only_old"]
assert {e["label"] for e in d["only_new"]} == {"Ny post", "Budget drift", "Summa eget kapital och skulder"}, d["only_new"]
# NEW's 2022 column restates OLD's 2022 figure: a restatement, not a change.
rs = {r["label"]: r for r in d["restated"]}
assert rs["Nettoomsättning"]["delta"] == 50000, rs
# The same section in both: as printed ("Plan 2024"), or named by each
# report's own year ("Årsredovisning 2022" in 2022's, "... 2023" in 2023's).
assert rs["Sparande per kvm"]["old"]["value"] == 176 and rs["Sparande per kvm"]["new"]["value"] == 177, rs
assert rs["Lokaler"]["delta"] == 1, rs
# Must not: "Avgifter 2021" in 2022's report is not "Avgifter 2023" in 2023's.
assert sorted(rs) == ["Lokaler", "Nettoomsättning", "Sparande per kvm"], sorted(rs)
pair("Medlemsavgift", 300, 310)                                   # still a change (label and group)
assert d["ratings"] == [{"goal": "1.1", "title": "Mål", "dimension": "effekt", "old": "yellow", "new": "green"}], d["ratings"]
assert [(s["field"], s["old"], s["new"]) for s in d["survey"]] == [("responses", 120, 150), ("response_rate", 60, 75)]
# NEW has a rating cell it could not read: its goal's change is not known, and said.
rw = [w["message"] for w in d["warnings"] if w["code"] == "ratings"]
assert rw == ["new: 1 rating cell read no colour (its rating_unread warnings): a change of those goals is not known"], rw
assert d["old"]["period"]["end"] == "2022-12-31" and d["new"]["period"]["end"] == "2023-12-31"
PY
then ok; else no "pairing rules"; fi

"$X" diff --format csv "$tmp/old.json" "$tmp/new.json" > "$tmp/d.csv"
if /usr/bin/python3 -c "
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
kinds = {r['kind'] for r in rows}
assert {'change', 'restated', 'only_old', 'only_new'} <= kinds, kinds
n = [r for r in rows if r['kind'] == 'change' and r['label'] == 'Nettoomsättning'][0]
assert float(n['old_value']) == 3200000 and float(n['delta']) == 300000, n
" "$tmp/d.csv"; then ok; else no "csv"; fi
"$X" diff --format text "$tmp/old.json" "$tmp/new.json" > "$tmp/d.txt"
grep -q "Nettoomsättning .* 3 200 000 .* 3 500 000 .* 300 000 *+9,4 %\|Nettoomsättning .* 3 200 000 .* 3 500 000 .* 300 000 *+9.4 %" "$tmp/d.txt" && ok ||
	no "text: $(head -5 "$tmp/d.txt")"

# HTML as a person sees it, in headless Chromium: one self-contained file
# (no external asset), no console error, a screenshot that is not blank
# (several times the bytes of an empty page's), and the chart's bars read
# from the DOM equal to the JSON's largest changes.
"$X" diff --format html "$tmp/old.json" "$tmp/new.json" > "$tmp/d.html"
if ! command -v chromium > /dev/null; then
	no "html: chromium is not installed (scripts/deps.sh installs it)"
elif grep -q 'src=\|href=\|<script\|@import\|url(' "$tmp/d.html"; then
	no "html: refers to something outside itself"
else
	C="chromium --headless --no-sandbox --disable-gpu --user-data-dir=$tmp/chrome --window-size=1000,1400"
	printf '<!DOCTYPE html><html><body></body></html>' > "$tmp/blank.html"
	timeout 120 $C --enable-logging=stderr --v=0 --screenshot="$tmp/d.png" "file://$tmp/d.html" > /dev/null 2> "$tmp/chrome.err"
	timeout 120 $C --screenshot="$tmp/blank.png" "file://$tmp/blank.html" > /dev/null 2>&1
	timeout 120 $C --dump-dom "file://$tmp/d.html" > "$tmp/dom.html" 2> /dev/null
	if ! grep -qi 'CONSOLE\|Failed to load resource\|Uncaught' "$tmp/chrome.err" &&
	   [ -s "$tmp/d.png" ] && [ -s "$tmp/blank.png" ] &&
	   [ "$(stat -c %s "$tmp/d.png")" -gt $(( 3 * $(stat -c %s "$tmp/blank.png") )) ] &&
	   /usr/bin/python3 - "$tmp/dom.html" "$tmp/d.json" <<'PY'
import json, re, sys
from html.parser import HTMLParser
bars = []
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "rect" and "data-delta-percent" in a:
            bars.append((a["data-label"], float(a["data-old"]), float(a["data-new"]), float(a["data-delta-percent"])))
P().feed(open(sys.argv[1], encoding="utf-8").read())
d = json.load(open(sys.argv[2], encoding="utf-8"))
want = sorted((c for c in d["changes"] if c["delta_percent"] is not None), key=lambda c: -abs(c["delta_percent"]))[:12]
want = [(c["label"], c["old"]["value"], c["new"]["value"], c["delta_percent"]) for c in want]
assert len(bars) == len(want) and all(b[0] == w[0] and abs(b[1] - w[1]) < 1e-6 and abs(b[2] - w[2]) < 1e-6
                                      and abs(b[3] - w[3]) < 1e-6 for b, w in zip(bars, want)), (bars, want)
PY
	then ok; else no "html in Chromium: $(grep -i 'CONSOLE\|Failed' "$tmp/chrome.err" | head -3)"; fi
fi

# Text on a terminal colours the changes (green up, red down); piped,
# or with NO_COLOR, it is plain.
if command -v script > /dev/null; then
	script -qc "$X diff $tmp/old.json $tmp/new.json" /dev/null > "$tmp/tty.txt" 2>&1
	NO_COLOR=1 script -qc "$X diff $tmp/old.json $tmp/new.json" /dev/null > "$tmp/nocolor.txt" 2>&1
	esc=$(printf '\033')
	if grep -q "${esc}\[32m300 000${esc}\[0m" "$tmp/tty.txt" && grep -q "${esc}\[31m" "$tmp/tty.txt" &&
	   ! grep -q "$esc" "$tmp/nocolor.txt" && ! grep -q "$esc" "$tmp/d.txt"
	then ok; else no "text colours on a terminal"; fi
fi

# A document against itself: every value paired, nothing changed.
"$X" diff --format json corpus/seed000_tertialrapport.pdf corpus/seed000_tertialrapport.pdf > "$tmp/self.json"
if /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['changes'] and all(c['delta'] == 0 for c in d['changes']), d['changes'][:2]
assert not d['only_old'] and not d['only_new'] and not d['restated'] and not d['ratings'], d
" "$tmp/self.json"; then ok; else no "a document against itself"; fi

# extract series: four annual reports, each with a multi-year overview of
# four years: every year from the earliest column to the last report's
# own is a point; where two reports print one year differently, the newer
# report's figure is kept and the other is its conflict.
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
truth = {2016: 80, 2017: 90, 2018: 100, 2019: 110, 2020: 120, 2021: 130, 2022: 140}
for own in (2019, 2020, 2021, 2022):
    vals = []
    for y in range(own - 3, own + 1):
        x = truth[y]
        if own == 2020 and y == 2018:
            x = 99                     # printed differently in the 2020 report: later reports say 100
        vals.append({"label": "Nettoomsättning", "group": None, "section": "Flerårsöversikt",
                     "period": {"label": str(y), "start": "%d-01-01" % y, "end": "%d-12-31" % y},
                     "measure": None, "value": x, "unit": "TSEK", "scale": 1000, "text": str(x),
                     "method": "table", "provenance": {"page": 2}, "confidence": 0.9})
        vals.append({"label": "Soliditet", "group": None, "section": "Flerårsöversikt",
                     "period": {"label": str(y), "start": "%d-01-01" % y, "end": "%d-12-31" % y},
                     "measure": None, "value": 50 + y - 2016, "unit": "percent", "scale": 1, "text": "",
                     "method": "table", "provenance": {"page": 2}, "confidence": 0.9})
    d = {"schema": "extract/1", "tool": {"name": "extract", "version": "test"},
         "source": {"path": "ar%d.pdf" % own, "sha256": "%064d" % own, "format": "pdf"},
         "document": {"type": "annual_report", "title": "Årsredovisning %d" % own, "period": None},
         "pages": [], "blocks": [], "tables": [], "values": vals, "ratings": [], "protocol": {}, "survey": {},
         "warnings": [], "ocr_corrections": []}
    json.dump(d, open("%s/ar%d.json" % (tmp, own), "w"), ensure_ascii=False)
PY
"$X" series "$tmp"/ar2019.json "$tmp"/ar2020.json "$tmp"/ar2021.json "$tmp"/ar2022.json > "$tmp/series.json"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 - "$tmp/series.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = {x["label"]: x for x in d["series"]}
n = s["Nettoomsättning"]
pts = [(p["period"]["label"], p["value"], len(p["conflicts"])) for p in n["points"]]
want = [(str(y), v * 1000.0, 1 if y == 2018 else 0) for y, v in
        {2016: 80, 2017: 90, 2018: 100, 2019: 110, 2020: 120, 2021: 130, 2022: 140}.items()]
assert pts == want, pts
c = n["points"][2]["conflicts"][0]
assert c["value"] == 99000 and c["source"] == "ar2020.pdf", c
# where to look: each point's and each conflict's confidence and page
assert c["confidence"] == 0.9 and c["provenance"] == {"page": 2}, c
assert n["points"][2]["confidence"] == 0.9 and n["points"][2]["provenance"] == {"page": 2}, n["points"][2]
assert n["unit"] == "SEK" and s["Soliditet"]["unit"] == "percent" and len(s["Soliditet"]["points"]) == 7
assert d["conflicts"] == 1
PY
then ok; else no "series: exit $rc"; fi
"$X" series --format csv --label '^soliditet$' "$tmp"/ar20*.json > "$tmp/series.csv"
[ "$(wc -l < "$tmp/series.csv")" = 8 ] && ! grep -q Nettoomsättning "$tmp/series.csv" && ok || no "series --label, csv"
"$X" series --format html "$tmp"/ar20*.json > "$tmp/series.html"
if command -v chromium > /dev/null; then
	timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/chrome" --dump-dom \
		"file://$tmp/series.html" > "$tmp/sdom.html" 2> /dev/null
	if /usr/bin/python3 - "$tmp/sdom.html" "$tmp/series.json" <<'PY'
import json, sys
from html.parser import HTMLParser
charts, cur = [], None
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "series" in a.get("class", ""):
            charts.append([])
        if tag == "circle" and "data-value" in a:
            charts[-1].append((a["data-period"], float(a["data-value"])))
P().feed(open(sys.argv[1], encoding="utf-8").read())
d = json.load(open(sys.argv[2], encoding="utf-8"))
want = [[(p["period"]["label"], p["value"]) for p in s["points"]] for s in d["series"] if len(s["points"]) > 1]
assert charts == want, (charts, want)
PY
	then ok; else no "series html: the chart's points are not the JSON's"; fi
fi

# Usage and bad input.
"$X" diff "$tmp/old.json" > /dev/null 2>&1; [ $? = 2 ] && ok || no "diff with one input: not a usage error"
printf '{"schema": "other"}' > "$tmp/other.json"
"$X" diff "$tmp/old.json" "$tmp/other.json" > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" = 1 ] && grep -q "not an extract/1 document" "$tmp/err" && ok || no "a JSON that is not ours: exit $rc"

# The real housing co-operative's two annual accounts (when present):
# pairs made, each value in it one its document has.
R=../shared/eval/real/docs
if [ -f "$R/brf-teleterrassen1_arsredovisning_2020.pdf" ]; then
	"$X" "$R/brf-teleterrassen1_arsredovisning_2020.pdf" > "$tmp/a.json"
	"$X" "$R/brf-teleterrassen1_arsredovisning_2022.pdf" > "$tmp/b.json"
	"$X" diff --format json "$tmp/a.json" "$tmp/b.json" > "$tmp/r.json"
	if /usr/bin/python3 tests/validate.py --diff "$tmp/r.json" && /usr/bin/python3 -c "
import json, sys
a, b, d = (json.load(open(p)) for p in sys.argv[1:4])
assert len(d['changes']) >= 10, len(d['changes'])
def values(doc):
    return {(v['label'], v['value'] * (v.get('scale') or 1) if v['unit'] in ('SEK','TSEK','MSEK','GSEK') else v['value'])
            for v in doc['values'] if v['value'] is not None}
va, vb = values(a), values(b)
for c in d['changes']:
    assert any(l == c['label'] and abs(x - c['old']['value']) < 1e-6 for l, x in va), c
    assert any(abs(x - c['new']['value']) < 1e-6 for l, x in vb), c
" "$tmp/a.json" "$tmp/b.json" "$tmp/r.json"; then ok; else no "real year pair"; fi
fi

echo "diff: $pass passed, $fail failed"
[ "$fail" = 0 ]
