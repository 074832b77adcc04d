#!/usr/bin/python3
"""make bench-sign: minutes of the variation corpus (corpus/gen_vary.py,
five producers) scanned as archives keep them: signed by hand under
'Vid protokollet' and 'Justeras', stamped INKOM with a later date, a
pair of initials in the margin (tests/mksigned.py), and the same
minutes scanned unsigned, each pair under one seeded draw (150, 200 or
300 dpi; colour, grey or bilevel; skew up to 3 degrees; noise; JPEG
quality 30 to 90, not bilevel).

Measured against the generator's truth and what was drawn:
  - the minutes' date, chair, secretary, adjusters, attendees and
    decisions, signed and unsigned (the signatures and the stamp must
    not move them: the stamp's date is not the meeting's);
  - strokes by hand read as print: blocks that are not handwriting
    lying over a signature's box with a word printed nowhere on the
    page (signed scans only);
  - print taken for handwriting: handwriting blocks over none of the
    signatures' boxes (the names printed under them must stay print);
  - the names printed under the signatures, found as print.

Usage: bench_sign.py EXTRACT DEGRADE MKSCAN VARYDIR [--n N] [--keep DIR]
       [--verbose]"""
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

X, DEGRADE, MKSCAN, DIR = sys.argv[1:5]
N = int(sys.argv[sys.argv.index("--n") + 1]) if "--n" in sys.argv else 30
VERBOSE = "--verbose" in sys.argv
KEEP = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], X, DIR]
sys.path.insert(0, HERE)
import bench_vary  # noqa: E402  (its scoring of minutes, on the same truth)

env = dict(os.environ, OMP_THREAD_LIMIT="1")
tmp = KEEP or tempfile.mkdtemp()
os.makedirs(tmp, exist_ok=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def draw(name):
    r = random.Random("sign" + name)
    mode = r.choice(["colour", "grey", "bilevel"])
    return {"dpi": r.choice([150, 200, 300]), "mode": mode, "skew": round(r.uniform(-3, 3), 2),
            "noise": r.choice([4, 8, 12]), "jpeg": 0 if mode == "bilevel" else r.randint(30, 90),
            "own_page": r.random() < 0.25}


def degrade(src, dst, cond, seed):
    opts = ["--skew", str(cond["skew"]), "--noise", str(cond["noise"]), "--seed", str(seed)]
    if cond["mode"] == "bilevel":
        opts += ["--bilevel"]
    if cond["jpeg"]:
        jpg = dst[:-4] + ".jpg"
        sh([DEGRADE, src, jpg, "--jpeg", str(cond["jpeg"])] + opts)
        sh([DEGRADE, jpg, dst])
    else:
        sh([DEGRADE, src, dst] + opts)


def scans(name, cond):
    """The minutes scanned unsigned and signed: two image-only PDFs, and
    what mksigned drew (its page numbered from 1)."""
    pdf, truth = os.path.join(DIR, name + ".pdf"), os.path.join(DIR, name + ".truth.json")
    base = os.path.join(tmp, name)
    sh(["pdftoppm", "-r", str(cond["dpi"]), "-png"] + ([] if cond["mode"] == "colour" else ["-gray"]) +
       [pdf, base])
    pages = sorted(f for f in os.listdir(tmp) if re.fullmatch(re.escape(name) + r"-\d+\.png", f))
    pages = [os.path.join(tmp, f) for f in pages]
    signed_png = base + "-signed.png"
    p = sh(["/usr/bin/python3", os.path.join(HERE, "mksigned.py"), pages[-1], truth, str(cond["dpi"]),
            str(sum(map(ord, name))), signed_png] + (["--colour"] if cond["mode"] == "colour" else []) +
           (["--new-page"] if cond["own_page"] else []))
    drawn = json.loads(p.stdout)
    plain, signed = [], []
    for i, f in enumerate(pages):
        dst = f[:-4] + ".s.png"
        degrade(f, dst, cond, i)
        plain.append(dst)
    signed = list(plain)
    dst = signed_png[:-4] + ".s.png"
    degrade(signed_png, dst, cond, len(pages) - 1 if not drawn["own_page"] else len(pages))
    if drawn["own_page"]:
        signed.append(dst)
        drawn["page"] = len(pages) + 1
    else:
        signed[-1] = dst
        drawn["page"] = len(pages)
    sh([MKSCAN] + plain + [base + "-plain.pdf"])
    sh([MKSCAN] + signed + [base + "-signed.pdf"])
    return base + "-plain.pdf", base + "-signed.pdf", drawn


def overlap(a, b):
    """The share of box a that lies in box b."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = (a[2] - a[0]) * (a[3] - a[1])
    return w * h / area if w > 0 and h > 0 and area > 0 else 0.0


def extract(path):
    p = sh([X, "--no-default-patterns", "--compact", "-j", "1", path], env=env)
    return json.loads(p.stdout) if p.returncode == 0 else None


def one(name):
    cond = draw(name)
    plain, signed, drawn = scans(name, cond)
    return {"name": name, "cond": cond, "drawn": drawn, "plain": extract(plain), "signed": extract(signed)}


def page_blocks(d, page):
    return [b for b in d.get("blocks") or [] if b.get("page") == page and b.get("bbox")]


def fold(w):
    """A word as compared: lower case, marks off (a name read "Ohman" is
    a misread of print, not strokes by hand)."""
    return unicodedata.normalize("NFKD", w.casefold()).encode("ascii", "ignore").decode()


def judge(r, printed, acc, misses):
    """Hand read as print, print taken for hand, printed names kept. A
    block over a stroke by hand (a third of its box in the stroke's box:
    the scan's skew moves the ink a little from where it was drawn) that
    is not handwriting and holds a word of two letters or more printed
    nowhere on the page is the stroke read as print."""
    d, drawn = r["signed"], r["drawn"]
    blocks = page_blocks(d, drawn["page"])
    for box in drawn["hand"]:
        acc["hand"] += 1
        over = [b for b in blocks if b["type"] != "handwriting" and overlap(b["bbox"], box) > 0.3 and
                any(len(w) >= 2 and fold(w) not in printed for w in re.findall(r"[^\W\d_]+", b["text"]))]
        if over:
            acc["hand_as_print"] += 1
            misses.append("hand read as print: %s" % " | ".join(b["text"][:40] for b in over))
        if any(b["type"] == "handwriting" and overlap(b["bbox"], box) > 0.3 for b in blocks):
            acc["hand_marked"] += 1
    for b in blocks:
        if b["type"] == "handwriting":
            acc["hw_blocks"] += 1
            if not any(overlap(b["bbox"], box) > 0.3 for box in drawn["hand"]):
                acc["print_as_hand"] += 1
                misses.append("print taken for hand: %s" % b["text"][:60])
    text = " ".join(b["text"] for b in blocks if b["type"] != "handwriting")
    for n in drawn["names"]:
        acc["names"] += 1
        if fold(n) in fold(text):
            acc["names_kept"] += 1
        else:
            misses.append("printed name not found as print: %s" % n)
    if drawn["stamp"]["date"] in ((d.get("protocol") or {}).get("date"), (d.get("document") or {}).get("date")):
        acc["stamp_date"] += 1
        misses.append("the stamp's date taken for the meeting's or the document's")


def printed_words(name, drawn):
    """Every word printed on the minutes (their born-digital text) and on
    the signatures' page (its cues, the names, the stamp), folded."""
    t = sh(["pdftotext", os.path.join(DIR, name + ".pdf"), "-"]).stdout
    t += " Vid protokollet Justeras sekreterare INKOM Dnr " + " ".join(drawn["names"])
    return {fold(w) for w in re.findall(r"[^\W\d_]+", t)}


def main():
    names = sorted(f[:-len(".truth.json")] for f in os.listdir(DIR)
                   if f.startswith("varyP") and f.endswith(".truth.json"))[:N]
    print("bench-sign: %d sets of minutes of %s, scanned unsigned and signed (one draw each)" % (len(names), DIR))
    sys.stdout.flush()
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        results = list(ex.map(one, names))
    acc = {k: 0 for k in ("hand", "hand_as_print", "hand_marked", "hw_blocks", "print_as_hand", "names",
                          "names_kept", "stamp_date", "errors")}
    tot = {}
    for r in results:
        with open(os.path.join(DIR, r["name"] + ".truth.json"), encoding="utf-8") as f:
            truth = json.load(f)["protocol"]
        misses = []
        for how in ("plain", "signed"):
            if r[how] is None:
                acc["errors"] += 1
                continue
            s = tot.setdefault(how, {k: 0 for k in ("m_hit", "m_n", "a_hit", "a_found", "a_truth", "d_hit",
                                                    "d_found", "d_truth", "i_hit", "i_n", "g_hit", "g_found",
                                                    "g_truth")})
            m = []
            bench_vary.score_protocol(truth, r[how].get("protocol") or {}, s, m)
            misses += ["%s: %s" % (how, x) for x in m]
        if r["signed"] is not None:
            judge(r, printed_words(r["name"], r["drawn"]), acc, misses)
        if VERBOSE and misses:
            c = r["cond"]
            print("%s (%s %d dpi%s):" % (r["name"], c["mode"], c["dpi"], ", own page" if c["own_page"] else ""))
            for x in misses:
                print("   " + x)
    ratio = bench_vary.ratio
    print("\n%-10s %8s %8s %8s %8s %8s" % ("minutes", "meeting", "att.prec", "att.rec", "dec.prec", "dec.rec"))
    for how in ("plain", "signed"):
        s = tot.get(how)
        if s:
            print("%-10s %8.3f %8.3f %8.3f %8.3f %8.3f" % (
                how, ratio(s["m_hit"], s["m_n"]), ratio(s["a_hit"], s["a_found"]), ratio(s["a_hit"], s["a_truth"]),
                ratio(s["d_hit"], s["d_found"]), ratio(s["d_hit"], s["d_truth"])))
    print("\nsignatures and initials by hand: %d; read as print %d; marked handwriting %d (the rest left out)"
          % (acc["hand"], acc["hand_as_print"], acc["hand_marked"]))
    print("handwriting blocks: %d, of them over no stroke by hand (print taken for hand) %d"
          % (acc["hw_blocks"], acc["print_as_hand"]))
    print("names printed under signatures found as print: %d/%d; the stamp's date taken for the minutes': %d"
          % (acc["names_kept"], acc["names"], acc["stamp_date"]))
    print("errors: %d" % acc["errors"])
    if not KEEP:
        shutil.rmtree(tmp, ignore_errors=True)


main()
