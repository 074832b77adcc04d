#!/usr/bin/python3
"""make bench-batch: a batch of one-page scans (made here from the
corpus PDFs, 200 dpi grey PNGs) read by one extract run at -j 2: wall
seconds, median of interleaved runs. With REF (another extract binary,
e.g. an earlier commit's), both are run in the same rounds and their
ratio is printed: OCR engines and the word list made once per run
rather than once per document show here."""
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time

X = sys.argv[1]
REF = os.environ.get("REF", "")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
N = int(os.environ.get("BENCH_DOCS", "20"))

tmp = tempfile.mkdtemp(prefix="bench-batch-")
pdfs = sorted(glob.glob("corpus/*.pdf")) + sorted(glob.glob("corpus/holdout/*.pdf"))
scans = []
for pdf in pdfs:
    for page in (1, 2):
        if len(scans) == N:
            break
        out = os.path.join(tmp, "%02d" % len(scans))
        r = subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                            pdf, out], capture_output=True)
        if r.returncode == 0 and os.path.exists(out + ".png"):
            scans.append(out + ".png")
if len(scans) < N:
    sys.exit("bench-batch: only %d scans could be made" % len(scans))

env = dict(os.environ, OMP_THREAD_LIMIT="1", EXTRACT_PATTERNS="")
rows = [("extract", X)] + ([("reference", REF)] if REF else [])
walls = {name: [] for name, _ in rows}
for _ in range(RUNS):
    for name, exe in rows:
        t0 = time.monotonic()
        r = subprocess.run([exe, "-j", "2", "-o", os.path.join(tmp, "out-" + name) + "/"] + scans,
                           capture_output=True, env=env)
        walls[name].append(time.monotonic() - t0)
        if r.returncode != 0:
            sys.exit("bench-batch: %s failed: %s" % (exe, r.stderr.decode()[-300:]))
print("bench-batch: %d one-page scans at 200 dpi, -j 2, median of %d interleaved runs" % (N, RUNS))
for name, exe in rows:
    print("%-10s %8.2f s  (%.2f s a document)  %s" % (name, statistics.median(walls[name]),
                                                     statistics.median(walls[name]) / N, exe))
if REF:
    r = sorted(a / b for a, b in zip(walls["extract"], walls["reference"]))
    print("bench-batch: extract / reference per round: median %.2f (range %.2f-%.2f); %.0f %% faster"
          % (statistics.median(r), r[0], r[-1], 100 * (1 - statistics.median(r))))
    same = all(open(os.path.join(tmp, "out-extract", os.path.basename(s) + ".json"), "rb").read() ==
               open(os.path.join(tmp, "out-reference", os.path.basename(s) + ".json"), "rb").read()
               for s in scans)
    print("bench-batch: outputs byte-identical to the reference: %s" % ("yes" if same else "NO"))
