#!/usr/bin/python3
"""make bench-values: precision and recall of what extract finds in the
held-out documents (corpus/holdout/, made by corpus/gen_holdout.py from
organisations, years, labels and values no test or pattern was written
against), per kind and per format, against each document's truth."""
import glob
import json
import os
import subprocess
import sys

X = sys.argv[1]
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "holdout")


def norm(s):
    return " ".join((s or "").casefold().split())


def run(path):
    p = subprocess.run([X, "--no-default-patterns", path], capture_output=True)
    if p.returncode != 0:
        sys.exit("bench-values: %s: %s" % (path, p.stderr.decode().strip()))
    return json.loads(p.stdout)


def match_values(truth, got):
    used = [False] * len(got)
    hit = 0
    for t in truth:
        for k, v in enumerate(got):
            if used[k] or v["value"] is None or abs(v["value"] - t["value"]) > 1e-6:
                continue
            if v["unit"] != t["unit"] or norm(v["label"]) != norm(t["label"]):
                continue
            if t.get("period") and (not v["period"] or v["period"]["label"] != t["period"]):
                continue
            if t.get("measure") and v["measure"] != t["measure"]:
                continue
            used[k] = True
            hit += 1
            break
    return hit, len(got), len(truth)


def match_sets(truth, got):
    t, g = list(truth), list(got)
    hit = 0
    for x in t:
        if x in g:
            g.remove(x)
            hit += 1
    return hit, len(got), len(truth)


def kinds(truth, d):
    out = {"type": match_sets([truth["type"]], [d["document"]["type"]])}
    if "values" in truth:
        out["values"] = match_values(truth["values"], d["values"])
    if "ratings" in truth:
        out["ratings"] = match_sets([(r["goal"], r["dimension"], r["colour"]) for r in truth["ratings"]],
                                    [(r["goal"], r["dimension"], r["colour"]) for r in d["ratings"]])
    p = d.get("protocol") or {}
    if "attendees" in truth:
        out["attendees"] = match_sets([(a["name"], a["status"]) for a in truth["attendees"]],
                                      [(a["name"], a["status"]) for a in p.get("attendees", [])])
        # the generator's truth lists decisions, not elections (those are
        # the meeting's secretary and adjusters, scored as "meeting")
        got = [x["text"] for it in p.get("items", []) for x in it["decisions"]
               if x.get("kind") != "election"]
        out["decisions"] = match_sets(truth["decisions"], got)
        got = [(x["who"], x["task"]) for it in p.get("items", []) for x in it["assignments"]]
        out["assignments"] = match_sets([(a["who"], a["task"]) for a in truth["assignments"]], got)
        out["meeting"] = match_sets([truth["date"], truth["next_meeting"], truth["secretary"]] + truth["adjusters"],
                                    [x for x in [p.get("date"), (p.get("next_meeting") or {}).get("date"),
                                                 p.get("secretary")] + p.get("adjusters", []) if x])
    s = d.get("survey") or {}
    if "population" in truth:
        out["survey"] = match_sets([("population", truth["population"]), ("responses", truth["responses"]),
                                    ("rate", truth["rate"])],
                                   [(k, s.get(n)) for k, n in (("population", "population"),
                                                              ("responses", "responses"),
                                                              ("rate", "response_rate")) if s.get(n) is not None])
        out["figures"] = match_sets([(f["label"], tuple(f["answers"])) for f in truth["figures"]],
                                    [(f["label"], tuple(a["percent"] for a in f["answers"]))
                                     for f in s.get("figures", [])])
    return out


truths = sorted(glob.glob(os.path.join(HERE, "*.truth.json")))
if not truths:
    sys.exit("bench-values: no corpus/holdout/*.truth.json (make corpus-holdout)")
total = {}
for tp in truths:
    with open(tp, encoding="utf-8") as f:
        truth = json.load(f)
    base = tp[:-len(".truth.json")]
    for ext in ("odt", "pdf"):
        d = run(base + "." + ext)
        for kind, (hit, ngot, ntruth) in kinds(truth, d).items():
            t = total.setdefault((ext, kind), [0, 0, 0])
            t[0] += hit
            t[1] += ngot
            t[2] += ntruth
print("bench-values: %d held-out documents (%s)" % (len(truths), HERE))
print("%-6s %-12s %8s %8s %10s %8s" % ("format", "kind", "found", "truth", "precision", "recall"))
for (ext, kind), (hit, ngot, ntruth) in sorted(total.items()):
    p = hit / ngot if ngot else 1.0
    r = hit / ntruth if ntruth else 1.0
    print("%-6s %-12s %8d %8d %10.3f %8.3f" % (ext, kind, ngot, ntruth, p, r))
