#!/usr/bin/python3
"""make bench-diff: extract diff on generated year pairs (corpus/gen_pairs.py:
one organisation's report of year Y and of Y+1 through one producer), each
pair as PDF, as ODT where LibreOffice wrote it, and scanned (both PDFs
rendered at 200 dpi in grey and made image-only: OCR reads them; and
the same in colour, where a rating given by a cell's colour alone is in
the picture: a grey scan keeps no colour, and extract warns of each such
cell, rating_unread, rather than guess).

Scores, per producer and in all, against the truth the pairs were drawn
from (never extract's output):
  changes   recall: indicators of both years paired with the right old
            and new figure (in kronor: tkr tables converted); precision:
            changes extract reports that are such a pair (a change
            between two things that are not one indicator is wrong);
  restated  recall of the figures the new report prints for the old year
            differently;
  ratings   recall and precision of goals whose colour changed;
  seconds   per pair.

With --verbose, each pair's misses: an indicator of both years not
paired with its figures, a change whose figures are no such pair, a
restatement or a rating change not found, a rating change wrongly said.
With --keep, the scans are left in their temporary folder (it is said).

Usage: bench_diff.py EXTRACT DIR [--no-scans] [--no-colour] [--verbose] [--keep]"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

X, D = sys.argv[1], sys.argv[2]
SCANS = "--no-scans" not in sys.argv
COLOUR = SCANS and "--no-colour" not in sys.argv
VERBOSE = "--verbose" in sys.argv
KEEP = "--keep" in sys.argv
MKSCAN = os.path.join(os.path.dirname(os.path.abspath(X)), "tests", "mkscan")
env = dict(os.environ, OMP_THREAD_LIMIT="1", EXTRACT_PATTERNS="")


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(w for w in s.split() if w not in ("tkr", "kr", "kvm", "st"))


def scanned(pdf, tmp, colour=False):
    out = os.path.join(tmp, os.path.basename(pdf)[:-4] + ("_cscan.pdf" if colour else "_scan.pdf"))
    stem = os.path.join(tmp, "p")
    for f in glob.glob(stem + "*.png"):
        os.remove(f)
    subprocess.run(["pdftoppm", "-r", "200"] + ([] if colour else ["-gray"]) + ["-png", pdf, stem], check=True)
    subprocess.run([MKSCAN] + sorted(glob.glob(stem + "*.png")) + [out], check=True)
    return out


def score(d, truth, tally, what=""):
    verbose = VERBOSE and what
    exp = truth["changes"]
    got = d["changes"]
    ok_exp = 0
    good = 0
    for c in got:
        hit = [e for e in exp if norm(e["label"]) == norm(c["label"])]
        if any(abs(c["old"]["value"] - e["old"]) < 0.5 and abs(c["new"]["value"] - e["new"]) < 0.5 for e in hit):
            good += 1
        elif verbose:
            print("  %s: wrong: %s %s -> %s" % (what, c["label"], c["old"]["value"], c["new"]["value"]))
    for e in exp:
        if any(norm(e["label"]) == norm(c["label"]) and abs(c["old"]["value"] - e["old"]) < 0.5 and
               abs(c["new"]["value"] - e["new"]) < 0.5 for c in got):
            ok_exp += 1
        elif verbose:
            print("  %s: missed: %s %s -> %s" % (what, e["label"], e["old"], e["new"]))
    rs = sum(any(norm(r["label"]) == norm(x["label"]) and abs(x["old"]["value"] - r["old"]) < 0.5 and
                 abs(x["new"]["value"] - r["new"]) < 0.5 for x in d["restated"]) for r in truth["restated"])
    want = {(r["goal"], r["dimension"], r["old"], r["new"]) for r in truth["ratings"]}
    have = {(r["goal"], r["dimension"], r["old"], r["new"]) for r in d["ratings"]}
    if verbose:
        for r in truth["restated"]:
            if not any(norm(r["label"]) == norm(x["label"]) and abs(x["old"]["value"] - r["old"]) < 0.5 and
                       abs(x["new"]["value"] - r["new"]) < 0.5 for x in d["restated"]):
                print("  %s: restated missed: %s %s -> %s" % (what, r["label"], r["old"], r["new"]))
        for r in sorted(want - have):
            print("  %s: rating missed: %s / %s %s -> %s" % ((what,) + r))
        for r in sorted(have - want):
            print("  %s: rating wrong: %s / %s %s -> %s" % ((what,) + r))
    for k, v in (("exp", len(exp)), ("exp_ok", ok_exp), ("got", len(got)), ("got_ok", good),
                 ("rs", len(truth["restated"])), ("rs_ok", rs), ("rt", len(want)), ("rt_ok", len(want & have)),
                 ("rt_got", len(have))):
        tally[k] = tally.get(k, 0) + v


def ratio(a, b):
    return a / b if b else 1.0


def main():
    tmp = tempfile.mkdtemp(prefix="bench-diff-")
    rows = {}
    secs = []
    truths = sorted(glob.glob(os.path.join(D, "pair*.truth.json")))
    if not truths:
        sys.exit("bench-diff: no pairs in %s (corpus/gen_pairs.py makes them)" % D)
    for t in truths:
        truth = json.load(open(t, encoding="utf-8"))
        stem = t[:-len(".truth.json")]
        kinds = [("pdf", stem + "_old.pdf", stem + "_new.pdf")]
        if os.path.exists(stem + "_old.odt"):
            kinds.append(("odt", stem + "_old.odt", stem + "_new.odt"))
        if SCANS:
            kinds.append(("scan", scanned(stem + "_old.pdf", tmp), scanned(stem + "_new.pdf", tmp)))
        if COLOUR:
            kinds.append(("scan colour", scanned(stem + "_old.pdf", tmp, True), scanned(stem + "_new.pdf", tmp, True)))
        for kind, old, new in kinds:
            t0 = time.monotonic()
            r = subprocess.run([X, "diff", "--format", "json", old, new], capture_output=True, env=env)
            secs.append(time.monotonic() - t0)
            if r.returncode != 0:
                print("bench-diff: %s: %s" % (old, r.stderr.decode()[-200:]))
                continue
            d = json.loads(r.stdout)
            what = "%s %s" % (os.path.basename(stem), kind)
            score(d, truth, rows.setdefault((truth["producer"], kind), {}), what)
            score(d, truth, rows.setdefault(("all", kind), {}))
    print("bench-diff: %d year pairs in %s; per producer and format" % (len(truths), D))
    print("%-12s %-11s %9s %9s %9s %9s %9s" % ("producer", "form", "chg R", "chg P", "restated", "rating R", "rating P"))
    for (prod, kind), t in sorted(rows.items(), key=lambda kv: (kv[0][0] == "all", kv[0])):
        print("%-12s %-11s %9.3f %9.3f %9.3f %9.3f %9.3f" % (
            prod, kind, ratio(t["exp_ok"], t["exp"]), ratio(t["got_ok"], t["got"]), ratio(t["rs_ok"], t["rs"]),
            ratio(t["rt_ok"], t["rt"]), ratio(t["rt_ok"], t["rt_got"])))
    secs.sort()
    print("bench-diff: seconds a pair (reading both documents and comparing): median %.2f, max %.2f"
          % (secs[len(secs) // 2], secs[-1]))
    if KEEP:
        print("bench-diff: the scans are kept in %s" % tmp)
    else:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
