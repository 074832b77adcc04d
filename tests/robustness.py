#!/usr/bin/python3
"""Robustness: every file in ../shared/eval/external/robustness/ (broken,
corrupt, encrypted or odd PDFs and ODTs) gives either schema-valid JSON
(exit 0) or one clear line on stderr naming the file (exit 1): never a
crash, a hang (30 s) or a memory blow-up (2 GiB address space, unless
built with sanitizers). Files with a password are also run with it.
Skips cleanly when the folder is absent."""
import json
import os
import resource
import subprocess
import sys
import time

import jsonschema

X = sys.argv[1]
sanitized = "asan" in X
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval",
                    "external", "robustness")
if not os.path.isfile(os.path.join(ROOT, "INDEX.json")):
    print("robustness: skipped, %s not present" % ROOT)
    print("robustness: 0 passed, 0 failed")
    sys.exit(0)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "output", "schema.json")) as f:
    validator = jsonschema.Draft202012Validator(json.load(f))
with open(os.path.join(ROOT, "INDEX.json"), encoding="utf-8") as f:
    index = json.load(f)


def limits():
    if not sanitized:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def norm(t):
    return " ".join(t.split())


def grids(doc):
    """Each table as rows of cell texts, header rows first."""
    out = []
    for t in doc["tables"]:
        rows = [list(r) for r in t["header"]] + [[c["text"] for c in r] for r in t["rows"]]
        out.append([[norm(c) for c in r] for r in rows])
    return out


def check_expected(e, doc):
    """Where the corpus states what a file holds, the output must hold it."""
    exp_path = os.path.join(ROOT, "odt", "expected", os.path.basename(e["file"]).rsplit(".", 1)[0] + ".json")
    if not os.path.isfile(exp_path):
        return None
    with open(exp_path, encoding="utf-8") as f:
        exp = json.load(f)
    heads = [norm(b["text"]) for b in doc["blocks"] if b["type"] == "heading"]
    for h in exp.get("headings", []):
        if norm(h) not in heads:
            return "heading %r missing" % h
    want = [[[norm(c) for c in r] for r in t] for t in exp.get("tables", [])]
    got = grids(doc)
    if want != got[:len(want)]:
        return "tables differ from %s: got %r" % (os.path.basename(exp_path), got)
    return None


passed = failed = results = errors = 0
slowest = (0.0, "")
for kind in ("pdf", "odt"):
    for e in index[kind]:
        path = os.path.join(ROOT, e["file"])
        runs = [[]]
        if e.get("password") is not None:
            runs.append(["--password", e["password"]])
        for extra in runs:
            what = "%s%s" % (e["file"], " (with password)" if extra else "")
            t0 = time.monotonic()
            try:
                p = subprocess.run([X] + extra + [path], capture_output=True, timeout=30,
                                   preexec_fn=limits)
            except subprocess.TimeoutExpired:
                print("FAIL %s: no answer in 30 s" % what)
                failed += 1
                continue
            dt = time.monotonic() - t0
            slowest = max(slowest, (dt, what))
            err = p.stderr.decode("utf-8", "replace")
            problem = None
            if p.returncode == 0:
                try:
                    doc = json.loads(p.stdout)
                    bad = next(iter(validator.iter_errors(doc)), None)
                    if bad is not None:
                        problem = "output not schema-valid: %s" % bad.message[:150]
                    else:
                        problem = check_expected(e, doc)
                except ValueError as ex:
                    problem = "exit 0 but stdout is not JSON: %s" % ex
                results += 1
            elif p.returncode == 1:
                lines = err.splitlines()
                if p.stdout:
                    problem = "failed but wrote to stdout"
                elif len(lines) != 1 or not lines[0].startswith("extract: %s: " % path):
                    problem = "error is not one line naming the file: %r" % err[:300]
                errors += 1
            else:
                problem = "exit status %d: %s" % (p.returncode, err[-300:])
            if "ERROR: AddressSanitizer" in err or "runtime error:" in err:
                problem = "sanitizer report: %s" % err[-400:]
            if problem:
                print("FAIL %s: %s" % (what, problem))
                failed += 1
            else:
                passed += 1
print("robustness: %d results, %d clear errors; slowest %.2f s (%s)" % (results, errors, slowest[0], slowest[1]))
print("robustness: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
