#!/usr/bin/python3
"""make bench: wall time and peak memory of extract against pdftotext
-layout on the 100+ page corpus PDF, measured in one run, median of N.
extract uses the machine's cores (helpers read pages' text ahead, as it
does for any single document); the one-core row is the same run at -j 1,
and the CPU column is every thread's time.
Also memory against page count (10 pages vs all), to show it stays flat
apart from the model itself."""
import os
import statistics
import subprocess
import sys
import time

X = sys.argv[1]
PDF = sys.argv[2] if len(sys.argv) > 2 else "corpus/long_verksamhetsberattelse.pdf"
RUNS = int(os.environ.get("BENCH_RUNS", "11"))


def once(cmd):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit("bench: %s failed with status %d" % (" ".join(cmd), status))
    return time.monotonic() - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0


pages = subprocess.run(["pdfinfo", PDF], capture_output=True, text=True).stdout
npages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
rows = [
    ("pdftotext -layout", ["pdftotext", "-layout", PDF, "-"]),
    ("extract --format text", [X, "--format", "text", PDF]),
    ("extract (JSON)", [X, PDF]),
    ("extract (JSON), one core", [X, "-j", "1", PDF]),
    ("extract (JSON), pages 1-10", [X, "--pages", "1-10", PDF]),
]
print("bench: %s, %s pages, median of %d runs" % (PDF, npages, RUNS))
# Rounds interleave the commands, so a load that comes and goes on a
# shared machine falls on all of them alike.
walls = {name: [] for name, _ in rows}
cpus = {name: [] for name, _ in rows}
rss = {name: 0.0 for name, _ in rows}
for _ in range(RUNS):
    for name, cmd in rows:
        t, c, m = once(cmd)
        walls[name].append(t)
        cpus[name].append(c)
        rss[name] = max(rss[name], m)
res = {name: (statistics.median(walls[name]), statistics.median(cpus[name]), rss[name]) for name, _ in rows}
base_t, base_c, base_m = res["pdftotext -layout"]
print("%-28s %8s %8s %8s %8s %10s %8s" % ("", "wall s", "ratio", "cpu s", "ratio", "peak MiB", "ratio"))
for name, _ in rows:
    t, c, m = res[name]
    print("%-28s %8.3f %7.2fx %8.3f %7.2fx %10.1f %7.2fx" % (name, t, t / base_t, c, c / base_c, m, m / base_m))
t_json, c_json, m_json = res["extract (JSON)"]
m10 = res["extract (JSON), pages 1-10"][2]


def spread(name):
    """The ratio to pdftotext round by round (each round runs both within
    a second of each other): its median and quartiles."""
    r = sorted(a / b for a, b in zip(walls[name], walls["pdftotext -layout"]))
    q = statistics.quantiles(r, n=4) if len(r) >= 2 else [r[0]] * 3
    return statistics.median(r), q[0], q[2]


for name, target in (("extract (JSON)", 1.3), ("extract --format text", 1.15), ("extract (JSON), one core", None)):
    med, lo, hi = spread(name)
    print("bench: %s / pdftotext wall time, per round: median %.2f (quartiles %.2f-%.2f%s)"
          % (name, med, lo, hi, "; target <= %.2f" % target if target else ""))
print("bench: peak memory all pages / 10 pages = %.2f (flat would be ~1)" % (m_json / m10))
