#!/usr/bin/python3
"""make bench-scan: the variation corpus (corpus/gen_vary.py: reports and
minutes from five producers) scanned, and read back through OCR.

Every document is scanned three ways, all made here and the same every
run (fixed seeds; tests/degrade.c, tests/mkscan.c):
  clean   300 dpi grey, straight;
  mild    200 dpi grey, skew up to 1.5 degrees, noise, JPEG quality 80;
  varied  one draw per document: 150, 200 or 300 dpi; colour, grey or
          bilevel; skew up to 5 degrees either way; noise; JPEG quality
          30 to 90 (not bilevel); a copier's dark border on some.
Clean and mild: character error rate of extract and of the tesseract
command line against the born-digital PDF's own text (CER an upper
bound: Myers insert/delete distance; dashes and minus signs count as
one sign). Varied: values, units, periods,
table cells and ratings against the generator's truth (as make
bench-vary scores them), and the values against those extract reads
from the born-digital PDF; minutes: attendees and decisions. Then the
post-correction's changes, each judged against the born-digital text:
right when the corrected word is printed there and the original is
not, wrong when the original is printed there and the corrected word is
not. Ratings are scored on the colour scans only: a grey or bilevel
scan holds no colour to read a coloured cell by.

With --list FILE, every change of the post-correction is written to
FILE, a line each (tab-separated: document, scan, reason, original,
corrected, judgement), for reading through by hand.

Usage: bench_scan.py EXTRACT CER DEGRADE MKSCAN VARYDIR [--n N]
       [--verbose] [--keep DIR] [--list FILE]"""
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

X, CER, DEGRADE, MKSCAN, DIR = sys.argv[1:6]
N = int(sys.argv[sys.argv.index("--n") + 1]) if "--n" in sys.argv else 40
VERBOSE = "--verbose" in sys.argv
KEEP = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
LIST = sys.argv[sys.argv.index("--list") + 1] if "--list" in sys.argv else None
sys.argv = [sys.argv[0], X, DIR]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_vary  # noqa: E402  (its scoring, on the same truth)
bench_vary.VERBOSE = VERBOSE

env = dict(os.environ, OMP_THREAD_LIMIT="1")
tess = shutil.which("tesseract")
tmp = KEEP or tempfile.mkdtemp()
os.makedirs(tmp, exist_ok=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def pick():
    """N documents, reports and minutes of every producer in turn."""
    names = sorted(f[:-len(".truth.json")] for f in os.listdir(DIR) if f.endswith(".truth.json"))
    reports = [n for n in names if not n.startswith("varyP")]
    minutes = [n for n in names if n.startswith("varyP")]
    n_min = N // 4
    return reports[:N - n_min] + minutes[:n_min]


def draw(name):
    r = random.Random(name)
    mode = r.choice(["colour", "grey", "bilevel"])
    return {"dpi": r.choice([150, 200, 300]), "mode": mode, "skew": round(r.uniform(-5, 5), 2),
            "noise": r.choice([4, 8, 12]), "jpeg": 0 if mode == "bilevel" else r.randint(30, 90),
            "border": r.choice([0, 0, 0, 40])}


def scan(name, how, cond):
    """The document's pages scanned as cond says, into an image-only PDF."""
    pdf = os.path.join(DIR, name + ".pdf")
    base = os.path.join(tmp, "%s-%s" % (name, how))
    colour = cond.get("mode") == "colour"
    sh(["pdftoppm", "-r", str(cond["dpi"]), "-png"] + ([] if colour else ["-gray"]) + [pdf, base])
    pages = sorted(f for f in os.listdir(tmp) if f.startswith(os.path.basename(base) + "-") and
                   f.endswith(".png") and not f.endswith(".s.png"))
    out = []
    for i, f in enumerate(pages):
        src, dst = os.path.join(tmp, f), os.path.join(tmp, f[:-4] + ".s.png")
        opts = ["--skew", str(cond.get("skew", 0)), "--noise", str(cond.get("noise", 0)), "--seed", str(i)]
        if cond.get("border"):
            opts += ["--border", str(cond["border"])]
        if cond.get("mode") == "bilevel":
            opts += ["--bilevel"]
        if cond.get("jpeg"):
            jpg = dst[:-4] + ".jpg"
            sh([DEGRADE, src, jpg, "--jpeg", str(cond["jpeg"])] + opts)
            sh([DEGRADE, jpg, dst])   # back to PNG for the PDF, its artefacts kept
        else:
            sh([DEGRADE, src, dst] + opts)
        out.append(dst)
    scanned = base + ".pdf"
    sh([MKSCAN] + out + [scanned])
    return scanned, out


DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                        "\u2212": "-"})


def edits(ref_text, out_text, key):
    """Edits and characters; dashes count as one sign ('-'): a scan does
    not tell a hyphen from an en dash or a minus, nor does the JSON's
    value."""
    ref_text, out_text = ref_text.translate(DASHES), out_text.translate(DASHES)
    rf, of = os.path.join(tmp, key + ".ref.txt"), os.path.join(tmp, key + ".out.txt")
    with open(rf, "w", encoding="utf-8") as f:
        f.write(ref_text)
    with open(of, "w", encoding="utf-8") as f:
        f.write(out_text)
    m = re.search(r"(\d+) chars, >?(\d+) edits", sh([CER, rf, of, "100"]).stdout)
    return (int(m.group(2)), int(m.group(1))) if m else (0, 0)


def text_of(path):
    return sh([X, "--format", "text", "--furniture", "-j", "1", path], env=env).stdout


def words(s):
    return re.findall(r"\w+", s.casefold())


def one(name):
    pdf = os.path.join(DIR, name + ".pdf")
    ref = text_of(pdf)
    res = {"name": name}
    for how, cond in (("clean", {"dpi": 300}), ("mild", {"dpi": 200, "skew": 1.5 * random.Random(name).uniform(-1, 1),
                                                         "noise": 8, "jpeg": 80})):
        scanned, pngs = scan(name, how, cond)
        res[how] = edits(ref, text_of(scanned), name + how)
        if tess:
            cli = "".join(sh(["tesseract", p, "-", "-l", "swe+eng"], env=env).stdout for p in pngs)
            res[how + "_cli"] = edits(ref, cli, name + how + "cli")
    cond = draw(name)
    scanned, _ = scan(name, "varied", cond)
    res["cond"] = cond
    p = sh([X, "--no-default-patterns", "--compact", "-j", "1", scanned], env=env)
    res["json"] = json.loads(p.stdout) if p.returncode == 0 else None
    res["born"] = json.loads(sh([X, "--no-default-patterns", "--compact", "-j", "1", pdf], env=env).stdout)
    res["ref_words"] = words(ref)
    return res


def judge(corr, ref_words):
    """right, wrong or unsure: is the corrected word printed, or the original?"""
    have = set(ref_words)
    o, c = corr["original"].casefold(), corr["corrected"].casefold()
    ow, cw = set(words(o)), set(words(c))
    if cw <= have and not ow <= have:
        return "right"
    if ow <= have and not cw <= have:
        return "wrong"
    return "unsure"


def main():
    names = pick()
    print("bench-scan: %d documents of %s scanned three ways (clean 300 dpi, mild 200 dpi, one varied draw each)"
          % (len(names), DIR))
    sys.stdout.flush()
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        results = list(ex.map(one, names))
    tot = {}
    acc_rep, acc_min, by_cond = {}, {}, {}
    corr = {"right": 0, "wrong": 0, "unsure": 0}
    wrong_list = []
    listed = []
    born_hit = born_n = 0
    for r in results:
        for k in ("clean", "mild", "clean_cli", "mild_cli"):
            if k in r:
                t = tot.setdefault(k, [0, 0])
                t[0] += r[k][0]
                t[1] += r[k][1]
        with open(os.path.join(DIR, r["name"] + ".truth.json"), encoding="utf-8") as f:
            truth = json.load(f)
        d = r["json"]
        if d is None:
            continue
        path = os.path.join(tmp, r["name"] + ".scan.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(d, f)
        c = r["cond"]
        if c["mode"] != "colour":
            # a grey or black-and-white scan holds no colour: ratings
            # printed as coloured cells are not there to read
            truth = dict(truth, ratings=[])
            d = dict(d, ratings=[])
        _, s, misses = score_doc(truth, d)
        key = "%s %d dpi" % (c["mode"], c["dpi"])
        bench_vary.add(acc_min if "protocol" in truth else acc_rep, "all", s)
        bench_vary.add(acc_min if "protocol" in truth else acc_rep, truth["producer"], s)
        if "protocol" not in truth:
            bench_vary.add(by_cond, key, s)
        bv = [(v.get("value"), v.get("unit"), (v.get("period") or {}).get("label")) for v in r["born"]["values"]
              if v.get("value") is not None]
        sv = [(v.get("value"), v.get("unit"), (v.get("period") or {}).get("label")) for v in d["values"]
              if v.get("value") is not None]
        born_n += len(bv)
        for v in bv:
            if v in sv:
                sv.remove(v)
                born_hit += 1
        for x in d.get("ocr_corrections") or []:
            j = judge(x, r["ref_words"])
            corr[j] += 1
            listed.append("\t".join((r["name"], key, x.get("reason", ""), x["original"], x["corrected"], j)))
            if j == "wrong":
                wrong_list.append("%s: %s -> %s" % (r["name"], x["original"], x["corrected"]))
        if VERBOSE and misses:
            print("%s (%s, skew %.1f, jpeg %d, border %d)" % (r["name"], key, c["skew"], c["jpeg"], c["border"]))
            for m in misses:
                print("   " + m)
    print("\nCER against the born-digital text   extract   tesseract CLI")
    for k, title in (("clean", "clean 300 dpi"), ("mild", "mild 200 dpi")):
        e, n = tot.get(k, [0, 1])
        ce, cn = tot.get(k + "_cli", [0, 1])
        print("  %-34s %6.2f %%  %6.2f %%" % (title, 100.0 * e / max(n, 1), 100.0 * ce / max(cn, 1)))
    print("\nvaried scans against the generator's truth")
    head = ["docs", "err", "v.prec", "v.rec", "unit", "period", "measure", "cellF1", "r.prec", "r.rec"]
    cols = ["docs", "errors", "values_precision", "values_recall", "unit", "period", "measure", "cells_f1",
            "ratings_precision", "ratings_recall"]
    print("%-22s" % "" + "".join("%8s" % h for h in head))
    for table in (acc_rep, by_cond):
        for k, a in sorted(table.items()):
            f = bench_vary.figures(a)
            print("%-22s" % k[:22] + "".join(("%8d" % f[c]) if isinstance(f[c], int) else ("%8.3f" % f[c])
                                             for c in cols))
    if acc_min:
        f = bench_vary.figures(acc_min["all"])
        print("minutes (%d): attendees P %.3f R %.3f, decisions P %.3f R %.3f, meeting %.3f" % (
            f["docs"], f["attendees_precision"], f["attendees_recall"], f["decisions_precision"],
            f["decisions_recall"], f["meeting"]))
    print("values the born-digital PDF gives (number, unit, period) found again on the varied scans: %d/%d (%.3f)"
          % (born_hit, born_n, born_hit / max(born_n, 1)))
    n = sum(corr.values())
    print("post-correction: %d changes: %d right, %d wrong (%.1f %%), %d unsure" % (
        n, corr["right"], corr["wrong"], 100.0 * corr["wrong"] / max(n, 1), corr["unsure"]))
    if VERBOSE:
        for w in wrong_list:
            print("   wrong: " + w)
    if LIST:
        with open(LIST, "w", encoding="utf-8") as f:
            f.write("document\tscan\treason\toriginal\tcorrected\tjudgement\n")
            f.writelines(line + "\n" for line in listed)
        print("post-correction: the %d changes listed in %s" % (len(listed), LIST))


def score_doc(truth, d):
    """bench_vary.score() on an output already read (its truth file
    written again beside it, its reader handed the output)."""
    tp = os.path.join(tmp, "t.truth.json")
    with open(tp, "w", encoding="utf-8") as f:
        json.dump(truth, f)
    run = bench_vary.run
    bench_vary.run = lambda path: (d, None)
    try:
        return bench_vary.score(tp, "pdf")
    finally:
        bench_vary.run = run


if __name__ == "__main__":
    try:
        main()
    finally:
        if not KEEP:
            shutil.rmtree(tmp, ignore_errors=True)
