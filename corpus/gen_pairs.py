#!/usr/bin/python3
"""Year pairs for `make bench-diff`: one organisation's report of year Y
and of Y+1, drawn from one series of figures and written by one producer
(the variation corpus's writers: LibreOffice PDF and ODT, pdflatex,
pycairo, Chromium's print, groff).

Each pair has a flerårsöversikt (three or four years back from its own
year, so the new report repeats the old one's figures), a resultat- or
balansräkning (this year and last), and goals with ratings. Truth
(PAIR.truth.json) comes from the series: every indicator printed for the
old year in the old report and for the new year in the new one, with both
figures in kronor (or their unit); the figures the new report prints for
the old year differently (restated, one in eight rows); ratings whose
colour changed. Layout features (fonts, gaps, rules, number styles) vary
between pairs, not within one: a pair is one organisation's template.

Usage: gen_pairs.py OUTDIR [PAIRS] [SEED]
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_vary as gv  # noqa: E402


def series(rng, mag, negative, years):
    v = gv.draw_value(rng, "SEK", mag, negative)[0]
    out = {}
    for y in years:
        out[y] = v
        v = int(v * rng.uniform(0.8, 1.3))
    return out


def tables_for(year, plan, st, f):
    """The two tables of the report of `year`, and its printed values."""
    multi, stmt = plan["multi"], plan["stmt"]
    years = [year - k for k in range(plan["ncol"])]
    tkr = plan["scale"] == "tkr"
    head = [["Flerårsöversikt"] + [str(y) for y in years]]
    body = []
    for row in multi:
        cells = []
        for y in years:
            v = row["series"][y]
            if year == plan["new"] and y == plan["old"] and row.get("restated") is not None:
                v = row["restated"]
            shown = v // 1000 if tkr and row["unit"] == "SEK" else v
            cells.append(gv.fmt_num(shown, st, 0))
        suffix = {"SEK": "tkr" if tkr else "kr", "percent": "%", "SEK/m2": "kr/kvm", "count": "st"}[row["unit"]]
        body.append({"label": row["label"] + ("" if row["unit"] == "count" else ", " + suffix), "cells": cells})
    t1 = {"caption": "Flerårsöversikt", "head": head, "body": body, "features": f}
    per = [year, year - 1]
    head2 = [[""] + [str(y) for y in per]]
    body2 = [{"label": row["label"], "cells": [gv.fmt_num(row["series"][y], st, 0) for y in per]} for row in stmt]
    t2 = {"caption": "Resultaträkning (belopp i kr)", "head": head2, "body": body2, "features": f}
    return [t1, t2]


def plan_pair(rng, old):
    new = old + 1
    ncol = rng.choice([3, 4])
    years = list(range(new - ncol, new + 1))
    multi = []
    for label, unit, mag, negative in rng.sample(gv.ROWS_MULTI, rng.randint(4, 7)):
        if unit == "SEK":
            s = series(rng, mag, negative, years)
            s = {y: (v // 1000) * 1000 for y, v in s.items()}   # printed in tkr at worst: exact in kr
        elif unit == "percent":
            s = {y: rng.randint(5, 95) for y in years}
        else:
            s = {y: rng.randint(10 ** (mag - 1), 10 ** mag - 1) for y in years}
        row = {"label": label, "unit": unit, "series": s}
        if rng.random() < 0.125:
            row["restated"] = s[old] + (1000 if unit == "SEK" else 1)
        multi.append(row)
    stmt = [{"label": label, "series": series(rng, mag, negative, years)}
            for label, mag, negative in rng.sample(gv.ROWS_PL, rng.randint(4, 7))]
    goals = [("%d.%d" % (rng.randint(1, 4), g + 1), rng.choice(gv.GOALS)) for g in range(rng.randint(1, 3))]
    colours = {y: [(rng.choice(list(gv.COLOUR_HEX)), rng.choice(list(gv.COLOUR_HEX))) for _ in goals]
               for y in (old, new)}
    return {"old": old, "new": new, "ncol": ncol, "multi": multi, "stmt": stmt, "goals": goals,
            "colours": colours, "scale": rng.choice(["kr", "tkr"])}


def doc_for(name, year, plan, st, f, org):
    blocks = [("title", "Årsredovisning %d" % year), ("p", org)]
    for t in tables_for(year, plan, st, f):
        blocks += [("h", t["caption"]), ("table", t)]
    blocks.append(("h", "Måluppfyllelse"))
    for (num, goal), (cg, ce) in zip(plan["goals"], plan["colours"][year]):
        blocks.append(("h2", "%s %s" % (num, goal)))
        blocks.append(("rating", {"colours": (cg, ce), "shape": f["rating_shape"],
                                  "words": (gv.COLOUR_WORDS[cg][0], gv.COLOUR_WORDS[ce][0])}))
    return {"name": name, "f": f, "blocks": blocks, "year": year}


def truth_for(plan):
    old, new, tkr = plan["old"], plan["new"], plan["scale"] == "tkr"
    unit = {"SEK": "SEK", "percent": "percent", "SEK/m2": "SEK/m2", "count": "count"}
    changes, restated = [], []
    for row in plan["multi"]:
        changes.append({"label": row["label"], "unit": unit[row["unit"]], "old": row["series"][old],
                        "new": row["series"][new]})
        if row.get("restated") is not None:
            restated.append({"label": row["label"], "old": row["series"][old], "new": row["restated"]})
    for row in plan["stmt"]:
        changes.append({"label": row["label"], "unit": "SEK", "old": row["series"][old], "new": row["series"][new]})
    ratings = []
    for (num, _), a, b in zip(plan["goals"], plan["colours"][old], plan["colours"][new]):
        for dim, x, y in (("genomforande", a[0], b[0]), ("effekt", a[1], b[1])):
            if x != y:
                ratings.append({"goal": num, "dimension": dim, "old": x, "new": y})
    return {"changes": changes, "restated": restated, "ratings": ratings, "tkr": tkr}


def template(rng, producer, ratings):
    """One organisation's layout features and number style, kept through
    its reports (ratings drawn as fills, words or both; groff's as words)."""
    f = {"font": rng.choice(["serif", "sans", "mono"]), "gap": rng.choice([2.0, 1.5, 1.0, 0.75]),
         "rules": rng.choice(["grid", "horizontal", "none"]), "zebra": rng.random() < 0.3, "header_rows": 1,
         "note": False, "wrap": False, "landscape": False, "head_label": True, "rating_shape": "word"}
    if ratings and producer != "groff":
        f["rating_shape"] = rng.choice(["fill", "word", "fillword"])
    st = gv.number_style(rng)
    if st["thousands"] in ("none", "en", "dot"):
        st["thousands"] = "space"   # one organisation, one style: kept to the Swedish ones here
    return f, st


def main():
    out, count, seed = gv.command_line("gen_pairs.py OUTDIR [PAIRS] [SEED]", 25)
    fodts = []
    for i in range(count):
        producer = gv.PRODUCERS[i % len(gv.PRODUCERS)]
        rng = random.Random("%d/pair%d" % (seed, i))
        f, st = template(rng, producer, True)
        plan = plan_pair(rng, rng.randint(2016, 2024))
        org = rng.choice(gv.ORGS)
        truth = truth_for(plan)
        truth.update({"producer": producer, "pair": i})
        for which in ("old", "new"):
            name = "pair%03d_%s_%s" % (i, producer, which)
            doc = doc_for(name, plan[which], plan, st, f, org)
            gv.write_doc(doc, {"values": [], "tables": [], "ratings": []}, producer, out, fodts)
            os.remove(os.path.join(out, name + ".truth.json"))
        with open(os.path.join(out, "pair%03d_%s.truth.json" % (i, producer)), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1, sort_keys=True)
    gv.libreoffice(fodts, out)
    print("gen_pairs: %d year pairs in %s" % (count, out))


if __name__ == "__main__":
    main()
