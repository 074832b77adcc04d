#!/usr/bin/python3
"""make bench-vary: extract on the variation corpus (corpus/gen_vary.py:
documents from randomised structures through several producers), against
truth taken from the structures themselves.

Per producer (and the ODT beside LibreOffice's PDF): values precision and
recall; of the matched values, the share with the right unit, period,
measure and note; table cells precision, recall and F1; ratings precision
and recall. Then the same per feature (font, column gap, rules, number
style, ...), so a layout class that fails shows by name. Minutes:
meeting fields, attendees, decisions, items, tasks. Notices and surveys:
each construct (a notice's type, date, time, place, agenda, postal vote;
a survey's type, population, responses, rate, scales, figures) per
phrasing drawn, and the surveys' own values and tables apart.

Usage: bench_vary.py EXTRACT DIR [--json] [--verbose] [--only TEXT]
A value matches when its number is the truth's (or number x scale is)
and its label shares most words with the truth's label; unit, period,
measure and note are then scored apart. A cell matches by its text and
column within the best-overlapping table (as ../shared/eval/real/score.py).
"""
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

X, DIR = sys.argv[1], sys.argv[2]
JSON = "--json" in sys.argv
VERBOSE = "--verbose" in sys.argv
ONLY = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def words(s):
    return set(re.findall(r"\w+", norm(s).casefold()))


def label_sim(t, p):
    a, b = words(t), words(p)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a)


def same(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def period_ok(tp, pp):
    if not tp:
        return pp is None
    if not isinstance(pp, dict):
        return False
    label, start, end = pp.get("label") or "", pp.get("start"), pp.get("end")
    if norm(label) == tp:
        return True
    if re.fullmatch(r"\d{4}", tp):
        return end == tp + "-12-31" and start in (tp + "-01-01", None, end)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", tp):
        return end == tp
    m = re.fullmatch(r"(\d{4})/(\d{4})", tp)
    return bool(m and start and end and start[:4] == m.group(1) and end[:4] == m.group(2))


def unit_ok(tu, p):
    if p.get("unit") == tu:
        return True
    return tu == "TSEK" and p.get("unit") == "SEK" and same(p.get("scale"), 1000.0)


def match_values(truth, got):
    used, pairs = set(), []
    for t in truth:
        best, bi = 0.0, None
        for i, p in enumerate(got):
            if i in used or p.get("value") is None:
                continue
            v, sc = p["value"], p.get("scale") or 1
            scaled = t["value"] * 1000 if t["unit"] == "TSEK" else t["value"]
            if not (same(v, t["value"]) or same(v * sc, scaled)):
                continue
            s = label_sim(t["label"], p.get("label"))
            if s < 0.6:
                continue
            s += 0.3 * period_ok(t["period"], p.get("period")) + 0.1 * (p.get("measure") == t["measure"])
            if s > best:
                best, bi = s, i
        if bi is None:
            pairs.append((t, None))
        else:
            used.add(bi)
            pairs.append((t, got[bi]))
    return pairs


def sign(s):
    """A number's sign written with an en dash or a minus sign compared
    as '-': TeX's fonts map the en dash the generator wrote to '-' in the
    text layer, which is what the page then says; the value is the same
    (values are compared as numbers)."""
    return re.sub(r"(^|[\s(])[\u2013\u2212](?=\d)", r"\1-", s)


def cells(grid):
    return {(sign(norm(c)), j) for r in grid for j, c in enumerate(r) if norm(c)}


def pred_grids(d):
    out = []
    for t in d.get("tables") or []:
        g = [[c if isinstance(c, str) else c.get("text", "") for c in r] for r in t.get("header") or []]
        g += [[c.get("text", "") if isinstance(c, dict) else c for c in r] for r in t.get("rows") or []]
        out.append(g)
    return out


def score_cells(truth, d):
    pg = [cells(g) for g in pred_grids(d)]
    used, hit, want, found = set(), 0, 0, 0
    for t in truth:
        tc = cells(t["header"] + t["rows"])
        want += len(tc)
        best, bi = 0, None
        for i, c in enumerate(pg):
            if i not in used and len(tc & c) > best:
                best, bi = len(tc & c), i
        if bi is not None:
            used.add(bi)
            hit += best
            found += len(pg[bi])
    return hit, found, want


def tally(want, have, s, key, misses, what):
    """Exact matches of want in have, each used once, into s[key+"_truth"],
    s[key+"_found"] and s[key+"_hit"]; the missed ones said."""
    have = list(have)
    s[key + "_truth"] += len(want)
    s[key + "_found"] += len(have)
    for x in want:
        if x in have:
            have.remove(x)
            s[key + "_hit"] += 1
        else:
            misses.append("missed %s %s" % (what, " ".join(str(v) for v in x)))


def similar(a, b):
    """Two decisions are one when most of their words are shared."""
    x, y = words(a), words(b)
    return bool(x and y) and len(x & y) >= 0.8 * max(len(x), len(y))


def score_protocol(t, p, s, misses):
    """Minutes: date, chair, secretary, adjusters, attendees (name and
    status), decisions (by their words; elections are the functionaries'),
    the number of items, tasks given (who and what)."""
    s["m_n"] += 4
    s["m_hit"] += (p.get("date") == t["date"]) + (p.get("chair") == t["chair"]) + \
        (p.get("secretary") == t["secretary"]) + (sorted(p.get("adjusters") or []) == t["adjusters"])
    for k, ok in (("date", p.get("date") == t["date"]), ("chair", p.get("chair") == t["chair"]),
                  ("secretary", p.get("secretary") == t["secretary"]),
                  ("adjusters", sorted(p.get("adjusters") or []) == t["adjusters"])):
        if not ok:
            misses.append("meeting %s: %s, read %s" % (k, t[k], p.get(k)))
    tally([tuple(a) for a in t["attendees"]], [(a.get("name"), a.get("status")) for a in p.get("attendees") or []],
          s, "a", misses, "attendee")
    got = [x.get("text", "") for it in p.get("items") or [] for x in it.get("decisions") or []
           if x.get("kind") != "election"]
    s["d_truth"] += len(t["decisions"])
    s["d_found"] += len(got)
    for d in t["decisions"]:
        k = next((i for i, g in enumerate(got) if similar(d, g)), None)
        if k is None:
            misses.append("missed decision %s" % d)
        else:
            got.pop(k)
            s["d_hit"] += 1
    s["i_n"] += 1
    s["i_hit"] += len(p.get("items") or []) == t["items"]
    tally([tuple(a) for a in t.get("assignments") or []],
          [(x.get("who"), x.get("task")) for it in p.get("items") or [] for x in it.get("assignments") or []],
          s, "g", misses, "assignment")


def norm_place(x):
    return " ".join(words(x or ""))


def score_notice(t, d, s, misses):
    """A notice: its type, the meeting's date, start time and place, the
    agenda (every item's title, in order) and whether postal votes are
    spoken of; each a construct of its own."""
    n = d.get("notice") or {}
    got = {"type": (d.get("document") or {}).get("type"), "date": n.get("date"), "time": n.get("time"),
           "place": norm_place(n.get("place")), "agenda": [a.get("title") for a in n.get("agenda") or []],
           "postal_vote": bool(n.get("postal_vote"))}
    want = dict(t, place=norm_place(t["place"]))
    for k in ("type", "date", "time", "place", "agenda", "postal_vote"):
        ok = got[k] == want[k]
        s["checks"].append(("notice." + k, ok))
        if not ok and k == "agenda":
            lost, extra = [a for a in want[k] if a not in got[k]], [a for a in got[k] if a not in want[k]]
            misses.append("notice agenda: %d items, read %d; not read %s; read wrong %s" % (
                len(want[k]), len(got[k]), lost, extra))
        elif not ok:
            misses.append("notice %s: %s, read %s" % (k, want[k], got[k]))


def score_survey(t, d, s, misses):
    """A survey report: its type, population, responses and response
    rate, each figure's question with its answers and shares, each
    question's mean and the means compared beside it, the answer scales;
    each a construct of its own."""
    v = d.get("survey") or {}
    figs = [(f.get("question"), [[a.get("answer"), a.get("percent")] for a in f.get("answers") or []])
            for f in v.get("figures") or []]
    got = {"type": (d.get("document") or {}).get("type"), "population": v.get("population"),
           "responses": v.get("responses"), "rate": v.get("response_rate"), "scales": v.get("scales") or []}
    for k in ("type", "population", "responses", "rate", "scales"):
        want = t.get(k, [])
        ok = got[k] == want if not isinstance(want, (int, float)) or got[k] is None else same(got[k], want)
        s["checks"].append(("survey." + k, ok))
        if not ok:
            misses.append("survey %s: %s, read %s" % (k, want, got[k]))
    means = [(m.get("question"), m.get("column"), m.get("value"),
              [[c.get("column"), c.get("value")] for c in m.get("compare") or []]) for m in v.get("means") or []]
    for m in t.get("means") or []:
        ok = (m["question"], m["column"], m["value"], m["compare"]) in means
        s["checks"].append(("survey.means", ok))
        if not ok:
            misses.append("survey mean %s %s %s %s, read %s" % (m["question"], m["column"], m["value"], m["compare"],
                                                                [x for x in means if x[0] == m["question"]]))
    if not t.get("means") and means:
        s["checks"].append(("survey.means", False))
        misses.append("survey means read where none: %s" % means[:2])
    for f in t["figures"]:
        ok = (f["question"], f["answers"]) in figs
        s["checks"].append(("survey.figure", ok))
        if not ok:
            near = [g for g in figs if g[0] == f["question"]]
            misses.append("survey figure %s %s, read %s" % (f["question"], f["answers"], near or figs))


def run(path):
    p = subprocess.run([X, "--no-default-patterns", "--compact", path], capture_output=True, timeout=300)
    if p.returncode != 0:
        return None, p.stderr.decode(errors="replace").strip()
    return json.loads(p.stdout), None


def score(tp, fmt):
    with open(tp, encoding="utf-8") as f:
        truth = json.load(f)
    path = tp[:-len(".truth.json")] + "." + fmt
    d, err = run(path)
    s = {"docs": 1, "errors": 0, "v_truth": len(truth["values"]), "v_found": 0, "v_hit": 0,
         "unit": 0, "period": 0, "measure": 0, "note": 0, "note_n": 0,
         "c_hit": 0, "c_found": 0, "c_want": 0, "r_hit": 0, "r_found": 0, "r_truth": len(truth["ratings"]),
         "m_hit": 0, "m_n": 0, "a_hit": 0, "a_found": 0, "a_truth": 0, "d_hit": 0, "d_found": 0, "d_truth": 0,
         "i_hit": 0, "i_n": 0, "g_hit": 0, "g_found": 0, "g_truth": 0, "checks": []}
    misses = []
    if d is None:
        s["errors"] = 1
        misses.append("error: " + err)
        return truth, s, misses
    # a missing marker ('-') is kept as a value with missing: true; it is
    # not a value found (as ../shared/eval/real/score.py counts)
    got = [v for v in d.get("values") or [] if v.get("value") is not None]
    s["v_found"] = len(got)
    for t, p in match_values(truth["values"], got):
        if p is None:
            misses.append("missed value %s %s %s %s" % (t["label"], t["period"], t["value"], t["unit"]))
            continue
        s["v_hit"] += 1
        s["unit"] += unit_ok(t["unit"], p)
        s["period"] += period_ok(t["period"], p.get("period"))
        s["measure"] += p.get("measure") == t["measure"]
        if t.get("note"):
            s["note_n"] += 1
            s["note"] += p.get("note") == t["note"]
        if VERBOSE and not (unit_ok(t["unit"], p) and period_ok(t["period"], p.get("period")) and
                            p.get("measure") == t["measure"] and p.get("note") == t.get("note", p.get("note"))):
            misses.append("value %s %s: unit %s/%s period %s/%s measure %s/%s note %s/%s" % (
                t["label"], t["value"], t["unit"], p.get("unit"), t["period"],
                (p.get("period") or {}).get("label"), t["measure"], p.get("measure"), t.get("note"), p.get("note")))
    if VERBOSE:
        matched = {id(p) for _, p in match_values(truth["values"], got) if p is not None}
        for p in got:
            if id(p) not in matched:
                misses.append("extra value %s %s %s (%s)" % (p.get("label"), p.get("value"), p.get("unit"),
                                                            p.get("text")))
    s["c_hit"], s["c_found"], s["c_want"] = score_cells(truth["tables"], d)
    if VERBOSE and (s["c_hit"] < s["c_want"] or s["c_hit"] < s["c_found"]):
        misses.append("cells matched %d, found %d, wanted %d" % (s["c_hit"], s["c_found"], s["c_want"]))
    if "protocol" in truth:
        score_protocol(truth["protocol"], d.get("protocol") or {}, s, misses)
    if "notice" in truth:
        score_notice(truth["notice"], d, s, misses)
    if "survey" in truth:
        score_survey(truth["survey"], d, s, misses)
    s["r_truth"] = 0
    tally([(r["goal"], r["dimension"], r["colour"]) for r in truth["ratings"]],
          [(r.get("goal"), r.get("dimension"), r.get("colour")) for r in d.get("ratings") or []],
          s, "r", misses, "rating")
    return truth, s, misses


def add(acc, key, s):
    a = acc.setdefault(key, {k: type(v)() for k, v in s.items()})
    for k, v in s.items():
        a[k] += v


def ratio(a, b):
    return a / b if b else 1.0


def figures(a):
    cp, cr = ratio(a["c_hit"], a["c_found"]), ratio(a["c_hit"], a["c_want"])
    return {"docs": a["docs"], "errors": a["errors"],
            "values_precision": ratio(a["v_hit"], a["v_found"]), "values_recall": ratio(a["v_hit"], a["v_truth"]),
            "unit": ratio(a["unit"], a["v_hit"]), "period": ratio(a["period"], a["v_hit"]),
            "measure": ratio(a["measure"], a["v_hit"]), "note": ratio(a["note"], a["note_n"]),
            "cells_precision": cp, "cells_recall": cr, "cells_f1": 2 * cp * cr / (cp + cr) if cp + cr else 0.0,
            "ratings_precision": ratio(a["r_hit"], a["r_found"]), "ratings_recall": ratio(a["r_hit"], a["r_truth"]),
            "meeting": ratio(a["m_hit"], a["m_n"]), "attendees_precision": ratio(a["a_hit"], a["a_found"]),
            "attendees_recall": ratio(a["a_hit"], a["a_truth"]),
            "decisions_precision": ratio(a["d_hit"], a["d_found"]),
            "decisions_recall": ratio(a["d_hit"], a["d_truth"]), "items": ratio(a["i_hit"], a["i_n"]),
            "assignments_precision": ratio(a["g_hit"], a["g_found"]),
            "assignments_recall": ratio(a["g_hit"], a["g_truth"])}


def constructs(checks):
    """Each construct's share right: {name: [right, of]}."""
    out = {}
    for name, ok in checks:
        c = out.setdefault(name, [0, 0])
        c[0] += ok
        c[1] += 1
    return out


def print_constructs(kind, table):
    """A construct's files and share right, per phrasing drawn."""
    names = sorted({n for c in table.values() for n in c})
    print("\n%-30s" % kind + "".join("%13s" % n.split(".", 1)[1][:12] for n in names))
    for k, c in table.items():
        print("%-30s" % k[:30] + "".join(("%7d %5.3f" % (c[n][1], c[n][0] / c[n][1])) if n in c else "%13s" % "-"
                                          for n in names))


def main():
    truths = sorted(t for t in glob.glob(os.path.join(DIR, "*.truth.json")) if ONLY in os.path.basename(t))
    if not truths:
        sys.exit("bench-vary: no *.truth.json in %s" % DIR)
    jobs = []
    for tp in truths:
        with open(tp, encoding="utf-8") as f:
            files = json.load(f)["files"]
        jobs += [(tp, name.rsplit(".", 1)[1]) for name in files]
    by_prod, by_feat, by_min, by_con, by_sv = {}, {}, {}, {}, {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        for (tp, fmt), (truth, s, misses) in zip(jobs, ex.map(lambda j: score(*j), jobs)):
            prod = truth["producer"] + ("-odt" if fmt == "odt" else "")
            if "notice" in truth or "survey" in truth:
                if "survey" in truth:   # their tables and values, apart from the reports'
                    add(by_sv, prod, s)
                    add(by_sv, "all", s)
                con = by_con.setdefault("notices" if "notice" in truth else "surveys", {})
                for k, v in truth["features"].items():
                    add(con, "%s=%s" % (k, v), s)
                add(con, prod, s)
                add(con, "all", s)
            elif "protocol" in truth:
                add(by_min, prod, s)
                add(by_min, "all", s)
                for k, v in truth["features"].items():
                    add(by_min, "%s=%s" % (k, v), s)
            else:
                add(by_prod, prod, s)
                add(by_prod, "all", s)
                for k, v in truth["features"].items():
                    add(by_feat, (k, str(v)), s)
            if VERBOSE and misses:
                print("%s.%s" % (os.path.basename(tp)[:-len(".truth.json")], fmt))
                for m in misses:
                    print("   " + m)
    out = {"producers": {k: figures(v) for k, v in sorted(by_prod.items())},
           "features": {"%s=%s" % k: figures(v) for k, v in sorted(by_feat.items())},
           "minutes": {k: figures(v) for k, v in sorted(by_min.items())},
           "surveys": {k: figures(v) for k, v in sorted(by_sv.items())},
           "constructs": {kind: {k: constructs(v["checks"]) for k, v in sorted(t.items())}
                          for kind, t in sorted(by_con.items())}}
    if JSON:
        print(json.dumps(out, indent=1, sort_keys=True))
        return
    cols = ["docs", "errors", "values_precision", "values_recall", "unit", "period", "measure", "note",
            "cells_f1", "ratings_precision", "ratings_recall"]
    head = ["docs", "err", "v.prec", "v.rec", "unit", "period", "measure", "note", "cellF1", "r.prec", "r.rec"]
    print("bench-vary: %d documents in %s" % (len(truths), DIR))
    for title, table in (("producer", out["producers"]), ("feature", out["features"]),
                         ("survey values", out["surveys"])):
        print("\n%-22s" % title + "".join("%8s" % h for h in head))
        for k, f in table.items():
            print("%-22s" % k[:22] + "".join(("%8d" % f[c]) if isinstance(f[c], int) else ("%8.3f" % f[c])
                                             for c in cols))
    if out["minutes"]:
        mcols = ["docs", "errors", "meeting", "attendees_precision", "attendees_recall", "decisions_precision",
                 "decisions_recall", "items", "assignments_precision", "assignments_recall"]
        print("\n%-22s" % "minutes" + "".join("%9s" % h for h in ["docs", "err", "meeting", "att.prec",
                                                                    "att.rec", "dec.prec", "dec.rec", "items",
                                                                    "task.prec", "task.rec"]))
        for k, f in out["minutes"].items():
            print("%-22s" % k[:22] + "".join(("%9d" % f[c]) if isinstance(f[c], int) else ("%9.3f" % f[c])
                                             for c in mcols))
    for kind, table in out["constructs"].items():
        print_constructs(kind, table)


if __name__ == "__main__":
    main()
