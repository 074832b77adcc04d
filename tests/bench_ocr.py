#!/usr/bin/python3
"""make bench-ocr: OCR quality and speed on clean renders of corpus pages
(first pages of seeds 000, 002 and 004) at 150, 200 and 300 dpi:
character error rate against the same page's text layer, the share of
words with å, ä or ö that come out right, and seconds per page against
the tesseract command line on the same images in the same run.
No degradation (skew, noise, blur) yet: these are the best case."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

X, CER = sys.argv[1], sys.argv[2]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PAGES = ["seed000_tertialrapport", "seed002_rapport", "seed004_protokoll"]
env = dict(os.environ, OMP_THREAD_LIMIT="1")


def words(s):
    return re.findall(r"\w+", s.lower())


tmp = tempfile.mkdtemp()
try:
    tess = shutil.which("tesseract")
    print("bench-ocr: %d pages, clean renders%s" % (len(PAGES), "" if tess else "; tesseract CLI not installed"))
    print("%-5s %8s %10s %10s %10s" % ("dpi", "CER %", "åäö words", "s/page", "tesseract s"))
    for dpi in (150, 200, 300):
        cer_edits = cer_chars = 0
        ao_hit = ao_all = 0
        t_ex = t_cli = 0.0
        for name in PAGES:
            pdf = os.path.join(ROOT, "corpus", name + ".pdf")
            ref = subprocess.run([X, "--format", "text", "--pages", "1", pdf], capture_output=True,
                                 text=True).stdout
            png = os.path.join(tmp, "%s-%d" % (name, dpi))
            subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-gray", "-png",
                            "-singlefile", pdf, png], check=True)
            png += ".png"
            t0 = time.monotonic()
            out = subprocess.run([X, "--format", "text", png], capture_output=True, text=True, env=env).stdout
            t_ex += time.monotonic() - t0
            if tess:
                t0 = time.monotonic()
                subprocess.run([tess, png, "-", "-l", "swe+eng"], capture_output=True, env=env)
                t_cli += time.monotonic() - t0
            rf, of = os.path.join(tmp, "ref.txt"), os.path.join(tmp, "out.txt")
            open(rf, "w", encoding="utf-8").write(ref)
            open(of, "w", encoding="utf-8").write(out)
            line = subprocess.run([CER, rf, of, "100"], capture_output=True, text=True).stdout
            m = re.search(r"(\d+) chars, >?(\d+) edits", line)
            cer_chars += int(m.group(1))
            cer_edits += int(m.group(2))
            got = words(out)
            for w in words(ref):
                if re.search("[åäö]", w):
                    ao_all += 1
                    if w in got:
                        got.remove(w)
                        ao_hit += 1
        n = len(PAGES)
        print("%-5d %8.2f %9.1f%% %10.2f %10s" % (dpi, 100.0 * cer_edits / max(cer_chars, 1),
                                                100.0 * ao_hit / max(ao_all, 1), t_ex / n,
                                                "%.2f" % (t_cli / n) if tess else "-"))
    print("bench-ocr: CER counts insert/delete edits (an upper bound); reading order differences count too")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
