#!/usr/bin/python3
"""make bench-archive: an archive import as an archivist runs it.

An archive of ARCHIVE_N (default 320) mixed documents in nested year
folders is made from the corpus, its held-out and table documents and the
variation corpus (build/vary, when made): PDF, ODT, flat ODT, one base
name in several years, the same bytes under two names, plus a scan that
outlasts --timeout (a hanging file) and an image too large for
--max-memory (a memory-hungry file). Then, each run into its own -o DIR:

  A  workers, -j 2: every input has one manifest line and one output or
     error; seconds;
  B  the same in-process (threads): what isolation costs, A / B;
  C  workers, -j 1: what a second worker gives, C / A;
  D  killed with SIGKILL at three random moments and resumed: the same
     manifest (path, status, sha256, error code), the same output bytes
     and the same archive database (--db) as A;
  E  1 000 and 10 000 small text inputs: the run's own peak memory
     (sampled from /proc), which must stay flat.

Prints each figure and exits 1 if a correctness check fails (the timing
ratios are reported against their targets, not asserted: they are
measurements of a shared machine)."""
import glob
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

X = os.path.abspath(sys.argv[1])
MKSCAN = os.path.join(os.path.dirname(X), "tests", "mkscan")   # PNGs into an image-only PDF
N = int(os.environ.get("ARCHIVE_N", "320"))
SMALL = int(os.environ.get("ARCHIVE_SMALL", "10000"))
TIMEOUT = "4"
MEMORY = "700"
tmp = tempfile.mkdtemp(prefix="bench-archive-")
env = dict(os.environ, OMP_THREAD_LIMIT="1", EXTRACT_PATTERNS="")
failed = []


def check(ok, what):
    print("  %-62s %s" % (what, "ok" if ok else "FAILED"))
    if not ok:
        failed.append(what)


def make_archive(root):
    docs = []
    for pat in ("corpus/*.pdf", "corpus/*.odt", "corpus/*.fodt", "corpus/holdout/*.pdf", "corpus/holdout/*.odt",
                "corpus/tables/*.pdf", "build/vary/*.pdf", "build/vary/*.odt"):
        docs += sorted(glob.glob(pat))
    docs = [d for d in docs if os.path.getsize(d) < 2 << 20]
    rnd = random.Random(2026)
    n = 0
    while n < N - 4:
        src = docs[n % len(docs)]
        year = str(2010 + rnd.randrange(15))
        sub = rnd.choice(["", "styrelse", "styrelse/protokoll", "ekonomi"])
        d = os.path.join(root, year, sub)
        os.makedirs(d, exist_ok=True)
        dst = os.path.join(d, os.path.basename(src))
        if os.path.exists(dst):
            dst = os.path.join(d, "%d_%s" % (n, os.path.basename(src)))
        shutil.copy(src, dst)
        n += 1
    # The same bytes under another name, and one base name in two years.
    shutil.copy("corpus/seed000_tertialrapport.pdf", os.path.join(root, "2012", "kopia.pdf"))
    os.makedirs(os.path.join(root, "2013"), exist_ok=True)
    shutil.copy("corpus/seed000_tertialrapport.pdf", os.path.join(root, "2013", "kopia.pdf"))
    # A hanging file: a four-page 300 dpi scan OCR cannot read within the timeout.
    scan = os.path.join(tmp, "scan")
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "4", "corpus/long_verksamhetsberattelse.pdf",
                    scan], check=True)
    pngs = sorted(glob.glob(scan + "*.png"))
    hang = os.path.join(root, "2011", "skannad_arsredovisning.pdf")
    os.makedirs(os.path.dirname(hang), exist_ok=True)
    subprocess.run([MKSCAN] + pngs + [hang], check=True)
    # A memory-hungry file: 16000 x 16000 pixels, under the size limit, over the worker's memory.
    big = os.path.join(root, "2014", "affisch.png")
    os.makedirs(os.path.dirname(big), exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "1100", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1",
                    "-scale-to-x", "16000", "-scale-to-y", "16000", "corpus/seed001_memo.pdf", big[:-4]], check=True)
    return sum(len(f) for _, _, f in os.walk(root))


def run(args, out, kill_after=None, db=None):
    t0 = time.monotonic()
    p = subprocess.Popen([X, "-q", "--timeout", TIMEOUT, "--max-memory", MEMORY, "-o", out + "/"] +
                         (["--db", db] if db else []) + args,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if kill_after is not None:
        time.sleep(kill_after)
        p.send_signal(signal.SIGKILL)
    p.wait()
    return time.monotonic() - t0, p.returncode


def manifest(out):
    lines = [json.loads(l) for l in open(os.path.join(out, "manifest.ndjson"), encoding="utf-8")]
    return lines, {l["path"]: (l["status"], l["sha256"], (l["error"] or {}).get("code")) for l in lines}


def outputs(out):
    h = {}
    for r, _, fs in os.walk(out):
        for f in fs:
            if f != "manifest.ndjson":
                p = os.path.join(r, f)
                h[os.path.relpath(p, out)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return h


def peak_rss(args):
    """The run's own peak resident memory in MiB (its workers apart)."""
    p = subprocess.Popen([X, "-q"] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    while p.poll() is None:
        try:
            for line in open("/proc/%d/status" % p.pid):
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.05)
    return peak / 1024, p.returncode


archive = os.path.join(tmp, "arkiv")
n = make_archive(archive)
print("bench-archive: %d inputs in %s (timeout %s s, max-memory %s MiB)" % (n, archive, TIMEOUT, MEMORY))

ta, rca = run([archive], os.path.join(tmp, "A"), db=os.path.join(tmp, "A.sqlite"))
lines, ma = manifest(os.path.join(tmp, "A"))
codes = sorted({c for _, _, c in ma.values() if c})
print("A  workers -j 2: %.1f s, exit %d; %d done, %d failed (%s)" % (
    ta, rca, sum(s == "done" for s, _, _ in ma.values()), sum(s == "failed" for s, _, _ in ma.values()),
    ", ".join(codes)))
check(len(lines) == len(ma) == n, "one manifest line per input (%d lines, %d inputs)" % (len(lines), n))
outs = outputs(os.path.join(tmp, "A"))
check(len(outs) == sum(s == "done" for s, _, _ in ma.values()), "one output per input done")
check("timeout" in codes, "the hanging file is a timeout")
check("out_of_memory" in codes, "the memory-hungry file is out_of_memory")

# Isolation and scaling on the ordinary documents (the hanging file
# would hold an in-process run, which has no timeout, for minutes).
plain = os.path.join(tmp, "plain.list")
with open(plain, "w", encoding="utf-8") as f:
    for p in sorted(ma):
        if ma[p][0] == "done":
            f.write(p + "\n")
ta2, _ = run(["--files-from", plain], os.path.join(tmp, "A2"))
tb, _ = run(["--in-process", "--files-from", plain], os.path.join(tmp, "B"))
tc, _ = run(["-j", "1", "--files-from", plain], os.path.join(tmp, "C"))
print("   the %d documents done, workers -j 2: %.1f s" % (sum(s == "done" for s, _, _ in ma.values()), ta2))
print("B  in-process -j 2: %.1f s; isolation costs workers / in-process = %.2f (target <= 1.10)" % (tb, ta2 / tb))
print("C  workers -j 1: %.1f s; two workers give -j 1 / -j 2 = %.2f (target >= 1.8)" % (tc, tc / ta2))

rnd = random.Random(7)
d = os.path.join(tmp, "D")
for k in range(3):
    t = rnd.uniform(0.2, ta * 0.8)
    run(["--resume", archive], d, kill_after=t, db=os.path.join(tmp, "D.sqlite"))
td, rcd = run(["--resume", archive], d, db=os.path.join(tmp, "D.sqlite"))
_, md = manifest(d)
print("D  killed 3 times, resumed: final run %.1f s, exit %d" % (td, rcd))
check(md == ma, "the same manifest as the run never killed")
check(outputs(d) == outs, "the same outputs, byte for byte")
check(not any(".tmp" in f for _, _, fs in os.walk(d) for f in fs), "no temporary file left")


def rows(db):
    c = sqlite3.connect(db)
    return [c.execute(q).fetchall() for q in (
        "SELECT path, sha256, status, error_code, output FROM paths ORDER BY path",
        "SELECT sha256, title, type, pages, pronom FROM documents ORDER BY sha256",
        "SELECT sha256, idx, label, value, unit, period_label FROM \"values\" ORDER BY sha256, idx",
        "SELECT sha256, block, text FROM blocks ORDER BY sha256, block",
        "SELECT count(*) FROM blocks_fts")]


check(rows(os.path.join(tmp, "D.sqlite")) == rows(os.path.join(tmp, "A.sqlite")),
      "the same database (paths, documents, values, blocks, index) as the run never killed")

small = os.path.join(tmp, "small")
for i in range(SMALL):
    sub = os.path.join(small, "%03d" % (i // 100))
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "%05d.txt" % i), "w", encoding="utf-8") as f:
        f.write("Protokoll %d\n\nStyrelsen beslutade att godkänna budgeten på %d kr.\n" % (i, 1000 + i))
first = sorted(glob.glob(os.path.join(small, "00*")))
t0 = time.monotonic()
r1, rc1 = peak_rss(["-o", os.path.join(tmp, "S1") + "/"] + first)
t1 = time.monotonic() - t0
t0 = time.monotonic()
r2, rc2 = peak_rss(["-o", os.path.join(tmp, "S2") + "/", small])
t2 = time.monotonic() - t0
print("E  %d small inputs: %.1f s, run's peak %.1f MiB; %d: %.1f s, peak %.1f MiB (ratio %.2f)" % (
    len(first) * 100, t1, r1, SMALL, t2, r2, r2 / r1 if r1 else 0))
check(rc1 == 0 and rc2 == 0, "small inputs all done")
check(r2 < r1 * 1.5 + 8, "memory flat from %d to %d inputs" % (len(first) * 100, SMALL))
shutil.rmtree(tmp)
print("bench-archive: %s" % ("all checks passed" if not failed else "FAILED: " + "; ".join(failed)))
sys.exit(1 if failed else 0)
