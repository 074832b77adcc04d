#!/usr/bin/python3
"""make bench-scale: time and memory against the size of one document.

Long ODT documents made here, each size twice the one before: a table
of N rows (a label and two amounts a row, under a header of years) and
N paragraphs with no heading (an amount and a percentage in each: two
prose values a paragraph). Each is read by one extract run as an
archivist runs it (-o FILE: a worker process, the file synced), the
least wall time of RUNS; peak memory is the worker's resident set. The
reference, run in the same rounds, is libxml2's own reading of the same
content.xml (xmllint --stream), the least any ODT reader built on it
can take. Printed: the curve, each doubling's time ratio (linear: 2),
and the issue's targets (100 000 rows and 200 000 paragraphs each under
5 s and 1 GB). SCALE_MAX caps the sizes (default 200000)."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

X = sys.argv[1]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
MAX = int(os.environ.get("SCALE_MAX", "200000"))
OUT = os.environ.get("SCALE_DIR", "build/scale")

NS = "urn:oasis:names:tc:opendocument:xmlns:"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="%soffice:1.0" '
        'xmlns:text="%stext:1.0" xmlns:table="%stable:1.0" office:version="1.2"><office:body><office:text>'
        % (NS, NS, NS))
TAIL = "</office:text></office:body></office:document-content>"
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="%smanifest:1.0" '
            'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>' % NS)


def cell(s):
    return "<table:table-cell><text:p>%s</text:p></table:table-cell>" % s


def rows(n):
    body = ['<text:p>Tabell (tkr)</text:p><table:table table:name="T">'
            '<table:table-column table:number-columns-repeated="3"/>',
            "<table:table-row>%s%s%s</table:table-row>" % (cell("Post"), cell("2022"), cell("2023"))]
    for i in range(n):
        body.append("<table:table-row>%s%s%s</table:table-row>" % (
            cell("Post %d" % i), cell("%d %03d" % (i % 900 + 1, i % 1000)),
            cell("%d %03d" % ((i * 7) % 900 + 1, (i * 3) % 1000))))
    body.append("</table:table>")
    return "".join(body)


def paragraphs(n):
    return "".join("<text:p>Stycke %d: kostnaden blev %d %03d kr under året, %d %% av budget.</text:p>"
                   % (i, i % 900 + 1, i % 1000, i % 100) for i in range(n))


def make(kind, n):
    path = os.path.join(OUT, "%s%d.odt" % (kind, n))
    xml = path[:-4] + ".content.xml"
    if not os.path.exists(path):
        content = HEAD + (rows(n) if kind == "rows" else paragraphs(n)) + TAIL
        with open(xml, "w") as f:
            f.write(content)
        tmp = path + ".tmp"
        with zipfile.ZipFile(tmp, "w") as z:
            z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
            z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
            z.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        os.replace(tmp, path)
    return path, xml


def run(argv):
    """Wall seconds and the largest resident set (MB) of the run's processes."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("bench-scale: %s failed: %s" % (" ".join(argv), err.decode()[-300:]))
    return wall, ru.ru_maxrss / 1024.0


os.makedirs(OUT, exist_ok=True)
tmp = tempfile.mkdtemp(prefix="bench-scale-")
env_ok = subprocess.run(["sh", "-c", "command -v xmllint"], capture_output=True).returncode == 0
sizes = [n for n in (25000, 50000, 100000, 200000) if n <= MAX]
print("bench-scale: one document of N rows or paragraphs (ODT), least wall time of %d runs, "
      "extract -o FILE (worker, file synced)" % RUNS)
print("%-11s %7s %9s %9s %8s %10s %9s" % ("kind", "N", "extract", "ratio 2N", "peak MB", "xmllint", "x xmllint"))
fails = []
for kind, target in (("rows", 100000), ("paragraphs", 200000)):
    prev = None
    for n in sizes:
        path, xml = make(kind, n)
        walls, refs, peak = [], [], 0.0
        for _ in range(RUNS):
            w, m = run([X, "-q", "-o", os.path.join(tmp, "out.json"), path])
            walls.append(w)
            peak = max(peak, m)
            if env_ok:
                refs.append(run(["xmllint", "--stream", "--noout", xml])[0])
        t = min(walls)
        ref = min(refs) if refs else float("nan")
        ratio = t / prev if prev else float("nan")
        print("%-11s %7d %8.2fs %9s %8.0f %9.2fs %9.1f" % (
            kind, n, t, "%.2f" % ratio if prev else "-", peak, ref, t / ref if refs else float("nan")))
        if prev and ratio > 2.2:
            fails.append("%s %d: doubling took %.2fx the time" % (kind, n, ratio))
        if n == target and (t >= 5.0 or peak >= 1024):
            fails.append("%s %d: %.2f s, %.0f MB (target under 5 s and 1 GB)" % (kind, n, t, peak))
        prev = t
shutil.rmtree(tmp, ignore_errors=True)
print("bench-scale: targets (100 000 rows and 200 000 paragraphs under 5 s and 1 GB; each doubling "
      "at most 2x the time, 2.2 with the machine's noise): %s" % ("; ".join(fails) if fails else "met"))
