#!/usr/bin/python3
"""make bench-series: extract series on generated report series
(corpus/gen_series.py: one organisation's annual reports of four
consecutive years through one producer), each series as PDF, as ODT
where LibreOffice wrote it, and with --scans scanned (each PDF rendered
at 200 dpi and made image-only: OCR reads it).

Scores, per producer and in all, against the truth the reports were
drawn from (never extract's output):
  points R   every year of every indicator printed by some report, with
             the figure the newest report printing it gives (kronor: tkr
             converted), found as a point of that indicator's series;
  points P   points extract gives for an indicator of the truth that are
             such a point (a wrong year or figure is wrong);
  conflict R the points where two reports disagree, flagged (the point
             has a conflict);
  conflict P flagged points that are such a point.
With --verbose, each series' misses.

Usage: bench_series.py EXTRACT DIR [--scans] [--verbose]"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_diff import norm, scanned  # noqa: E402  (one label key and one scan for both benches)

X, D = sys.argv[1], sys.argv[2]
SCANS = "--scans" in sys.argv
VERBOSE = "--verbose" in sys.argv
env = dict(os.environ, OMP_THREAD_LIMIT="1", EXTRACT_PATTERNS="")


def score(d, truth, tally, what):
    verbose = VERBOSE and what
    got = {}
    for s in d["series"]:
        for p in s["points"]:
            got.setdefault((norm(s["label"]), p["period"]["label"]), []).append(p)
    want_labels = {norm(s["label"]) for s in truth["series"]}
    t = {"exp": 0, "exp_ok": 0, "got": 0, "got_ok": 0, "cf": 0, "cf_ok": 0, "cf_got": 0, "cf_got_ok": 0}
    truth_points = {}
    for s in truth["series"]:
        for p in s["points"]:
            truth_points[(norm(s["label"]), str(p["year"]))] = p
    for key, p in truth_points.items():
        t["exp"] += 1
        hit = [q for q in got.get(key, []) if abs(q["value"] - p["value"]) < 0.5]
        t["exp_ok"] += bool(hit)
        if not hit and verbose:
            print("  %s: missed: %s %s %s (got %s)" % (what, key[0], key[1], p["value"],
                                                        [q["value"] for q in got.get(key, [])]))
        if p["conflicts"]:
            t["cf"] += 1
            t["cf_ok"] += any(q["conflicts"] for q in hit)
            if verbose and not any(q["conflicts"] for q in hit):
                print("  %s: conflict not flagged: %s %s %s against %s" % (what, key[0], key[1], p["value"],
                                                                          p["conflicts"]))
    for key, qs in got.items():
        if key[0] not in want_labels:
            continue   # an indicator the truth has none of (a heading's number, say): not scored
        for q in qs:
            p = truth_points.get(key)
            ok = p is not None and abs(q["value"] - p["value"]) < 0.5
            t["got"] += 1
            t["got_ok"] += ok
            if q["conflicts"]:
                t["cf_got"] += 1
                t["cf_got_ok"] += bool(p and p["conflicts"])
                if verbose and not (p and p["conflicts"]):
                    print("  %s: conflict flagged where the reports agree: %s %s %s against %s" % (
                        what, key[0], key[1], q["value"], q["conflicts"]))
            if not ok and verbose:
                print("  %s: wrong: %s %s %s" % (what, key[0], key[1], q["value"]))
    for k, v in t.items():
        tally[k] = tally.get(k, 0) + v


def ratio(a, b):
    return a / b if b else 1.0


def main():
    tmp = tempfile.mkdtemp(prefix="bench-series-")
    rows, secs = {}, []
    truths = sorted(glob.glob(os.path.join(D, "series*.truth.json")))
    if not truths:
        sys.exit("bench-series: no series in %s (corpus/gen_series.py makes them)" % D)
    for tp in truths:
        truth = json.load(open(tp, encoding="utf-8"))
        stem = tp[:-len(".truth.json")]
        pdfs = [stem + "_%d.pdf" % y for y in truth["reports"]]
        kinds = [("pdf", pdfs)]
        if all(os.path.exists(p[:-4] + ".odt") for p in pdfs):
            kinds.append(("odt", [p[:-4] + ".odt" for p in pdfs]))
        if SCANS:
            kinds.append(("scan", [scanned(p, tmp) for p in pdfs]))
        for kind, files in kinds:
            t0 = time.monotonic()
            r = subprocess.run([X, "series", "--format", "json"] + files, capture_output=True, env=env)
            secs.append(time.monotonic() - t0)
            if r.returncode != 0:
                print("bench-series: %s: %s" % (stem, r.stderr.decode()[-200:]))
                continue
            d = json.loads(r.stdout)
            what = "%s %s" % (os.path.basename(stem), kind)
            score(d, truth, rows.setdefault((truth["producer"], kind), {}), what)
            score(d, truth, rows.setdefault(("all", kind), {}), "")
    shutil.rmtree(tmp)
    print("bench-series: %d series of four reports in %s; per producer and format" % (len(truths), D))
    print("%-12s %-5s %9s %9s %11s %11s" % ("producer", "form", "points R", "points P", "conflict R", "conflict P"))
    for (prod, kind), t in sorted(rows.items(), key=lambda kv: (kv[0][0] == "all", kv[0])):
        print("%-12s %-5s %9.3f %9.3f %11.3f %11.3f" % (
            prod, kind, ratio(t["exp_ok"], t["exp"]), ratio(t["got_ok"], t["got"]), ratio(t["cf_ok"], t["cf"]),
            ratio(t["cf_got_ok"], t["cf_got"])))
    secs.sort()
    print("bench-series: seconds a series (reading four reports and building it): median %.2f, max %.2f"
          % (secs[len(secs) // 2], secs[-1]))


if __name__ == "__main__":
    main()
