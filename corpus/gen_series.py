#!/usr/bin/python3
"""Report series for `make bench-series`: one organisation's annual
reports of four consecutive years, drawn from one series of figures and
written by one producer (the variation corpus's writers: LibreOffice PDF
and ODT, pdflatex, pycairo, Chromium's print, groff), one template.

Each report has a flerårsöversikt (its own year and two or three back, so
each year is printed by up to four reports) and a resultaträkning (its
own year and the one before). One multi-year row in five is printed
differently by one later report for one earlier year (a figure restated).
Truth (SERIES.truth.json) comes from the series, never from extract: each
indicator's points, year by year, as the newest report printing that year
prints it, in kronor (tkr converted) or its unit; and the points where
two reports disagree (a conflict, with the figure the other printed).

Usage: gen_series.py OUTDIR [SERIES] [SEED]
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pairs as gp  # noqa: E402
import gen_vary as gv  # noqa: E402

REPORTS = 4


def plan_series(rng, first):
    ncol = rng.choice([3, 4])
    own = list(range(first, first + REPORTS))
    years = list(range(first - ncol + 1, own[-1] + 1))
    multi = []
    for label, unit, mag, negative in rng.sample(gv.ROWS_MULTI, rng.randint(4, 7)):
        if unit == "SEK":
            s = gp.series(rng, mag, negative, years)
            s = {y: (v // 1000) * 1000 for y, v in s.items()}   # printed in tkr at worst: exact in kr
        elif unit == "percent":
            s = {y: rng.randint(5, 95) for y in years}
        else:
            s = {y: rng.randint(10 ** (mag - 1), 10 ** mag - 1) for y in years}
        row = {"label": label, "unit": unit, "series": s, "restated": {}}
        if rng.random() < 0.2:
            # a later report prints a year an earlier one printed too, differently
            by = rng.choice(own[1:])
            y = rng.choice([y for y in range(by - ncol + 1, by) if y >= own[0] - ncol + 1 and y <= by - 1])
            row["restated"] = {(by, y): s[y] + (1000 if unit == "SEK" else 1)}
        multi.append(row)
    stmt = [{"label": label, "series": gp.series(rng, mag, negative, years)}
            for label, mag, negative in rng.sample(gv.ROWS_PL, rng.randint(4, 7))]
    return {"own": own, "ncol": ncol, "multi": multi, "stmt": stmt, "scale": rng.choice(["kr", "tkr"])}


def printed(row, report, y):
    return row["restated"].get((report, y), row["series"][y])


def tables_for(year, plan, st, f):
    tkr = plan["scale"] == "tkr"
    years = [year - k for k in range(plan["ncol"])]
    body = []
    for row in plan["multi"]:
        cells = []
        for y in years:
            v = printed(row, year, y)
            cells.append(gv.fmt_num(v // 1000 if tkr and row["unit"] == "SEK" else v, st, 0))
        suffix = {"SEK": "tkr" if tkr else "kr", "percent": "%", "SEK/m2": "kr/kvm", "count": "st"}[row["unit"]]
        body.append({"label": row["label"] + ("" if row["unit"] == "count" else ", " + suffix), "cells": cells})
    t1 = {"caption": "Flerårsöversikt", "head": [["Flerårsöversikt"] + [str(y) for y in years]], "body": body,
          "features": f}
    per = [year, year - 1]
    body2 = [{"label": row["label"], "cells": [gv.fmt_num(row["series"][y], st, 0) for y in per]}
             for row in plan["stmt"]]
    t2 = {"caption": "Resultaträkning (belopp i kr)", "head": [[""] + [str(y) for y in per]], "body": body2,
          "features": f}
    return [t1, t2]


def truth_for(plan):
    """Each indicator's points as the newest report printing the year
    prints them; conflicts where an older report printed otherwise."""
    unit = {"SEK": "SEK", "percent": "percent", "SEK/m2": "SEK/m2", "count": "count"}
    series = []
    for row in plan["multi"]:
        points = []
        for y in sorted(row["series"]):
            by = [r for r in plan["own"] if r - plan["ncol"] < y <= r]
            if not by:
                continue
            values = {printed(row, r, y) for r in by}
            newest = printed(row, max(by), y)
            points.append({"year": y, "value": newest, "conflicts": sorted(values - {newest})})
        series.append({"label": row["label"], "unit": unit[row["unit"]], "points": points})
    for row in plan["stmt"]:
        points = [{"year": y, "value": row["series"][y], "conflicts": []} for y in sorted(row["series"])
                  if any(r - 2 < y <= r for r in plan["own"])]
        series.append({"label": row["label"], "unit": "SEK", "points": points})
    return {"series": series, "reports": plan["own"]}


def main():
    out, count, seed = gv.command_line("gen_series.py OUTDIR [SERIES] [SEED]", 10)
    fodts = []
    for i in range(count):
        producer = gv.PRODUCERS[i % len(gv.PRODUCERS)]
        rng = random.Random("%d/series%d" % (seed, i))
        f, st = gp.template(rng, producer, False)
        plan = plan_series(rng, rng.randint(2014, 2022))
        org = rng.choice(gv.ORGS)
        truth = truth_for(plan)
        truth.update({"producer": producer, "series_no": i, "tkr": plan["scale"] == "tkr"})
        for year in plan["own"]:
            name = "series%03d_%s_%d" % (i, producer, year)
            blocks = [("title", "Årsredovisning %d" % year), ("p", org)]
            for t in tables_for(year, plan, st, f):
                blocks += [("h", t["caption"]), ("table", t)]
            gv.write_doc({"name": name, "f": f, "blocks": blocks, "year": year},
                         {"values": [], "tables": [], "ratings": []}, producer, out, fodts)
            os.remove(os.path.join(out, name + ".truth.json"))
        with open(os.path.join(out, "series%03d_%s.truth.json" % (i, producer)), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1, sort_keys=True)
    gv.libreoffice(fodts, out)
    print("gen_series: %d series of %d reports in %s" % (count, REPORTS, out))


if __name__ == "__main__":
    main()
