#!/usr/bin/python3
"""Validates JSON documents (files, or NDJSON lines with --ndjson) against
output/schema.json, or manifest lines (--manifest FILE) against
output/manifest.schema.json, or extract diff's JSON (--diff) against
output/diff-schema.json. Prints one line per invalid document; exits 1
if any."""
import json
import os
import sys

import jsonschema

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
manifest = "--manifest" in args
diff = "--diff" in args
ndjson = "--ndjson" in args or manifest
args = [a for a in args if a not in ("--ndjson", "--manifest", "--diff")]
name = "manifest.schema.json" if manifest else "diff-schema.json" if diff else "schema.json"
with open(os.path.join(here, "..", "output", name), encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in args:
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(l) for l in f if l.strip()] if ndjson else [json.load(f)]
    for i, doc in enumerate(docs):
        errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errs:
            bad += 1
            e = errs[0]
            print("schema: %s#%d: %s at /%s" % (path, i, e.message[:200],
                  "/".join(str(p) for p in e.absolute_path)))
sys.exit(1 if bad else 0)
