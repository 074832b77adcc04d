#!/usr/bin/python3
"""Documents the patterns were not tuned on, for `make bench-values`.

Each document is drawn from a seeded random generator over new
organisations, years, periods, labels and values, and written as .fodt,
then .odt and .pdf by LibreOffice, beside NAME.truth.json: the values,
ratings, attendees, decisions and survey figures the document holds,
taken from the same data structure as the document itself.
Rebuild with: make corpus-holdout (needs LibreOffice).
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402  (fodt writer and LibreOffice conversion)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout")
ORGS = ["Föreningen Rättvisa Villkor", "Samordningsförbundet Norra Skaraborg", "Region Gotland",
        "Stiftelsen Öppna Dörrar", "Nätverket för Lika Rättigheter", "Kommunförbundet Västerbotten"]
NAMES = ["Anna Lindqvist", "Karl Östberg", "Maria Sjöström", "Erik Åkesson", "Sara Nyberg",
         "Johan Bergkvist", "Lena Håkansson", "Omar Haddad", "Fatima Rahimi", "Petra Ekdahl"]
ROLES = ["ordförande", "vice ordförande", "ledamot", "kassör", "ledamot"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]
COLOURS = {"green": gen.GREEN, "yellow": gen.YELLOW, "red": gen.RED}


def sek(n):
    """52491 -> '52 491' (no-break space as many producers write it)."""
    s = "{:,}".format(n).replace(",", "\u00a0")
    return s


def board_report(rng, i):
    org = rng.choice(ORGS)
    year = rng.randint(2015, 2024)
    t = rng.randint(1, 3)
    end_month = {1: "april", 2: "augusti", 3: "december"}[t]
    truth = {"values": [], "ratings": []}
    body = [("field", "Till", "Styrelsen"), ("field", "Från", "Kansliet"),
            ("field", "Datum", "%d %s %d" % (rng.randint(2, 27), end_month, year)),
            ("field", "Punkt", "%d.%d T%d-rapport" % (rng.randint(2, 9), rng.randint(1, 9), t)),
            ("h", 1, "TERTIALRAPPORT %d" % year),
            ("h", 2, "Sammanfattning")]
    members = rng.randint(800, 20000)
    events = rng.randint(5, 90)
    body.append(("p", "Under perioden har %s vuxit till %s medlemmar och genomfört %d möten med "
                 "förtroendevalda." % (org, sek(members), events)))
    truth["values"] += [{"label": "medlemmar", "value": members, "unit": "count", "period": "T%d %d" % (t, year)},
                        {"label": "möten", "value": events, "unit": "count", "period": "T%d %d" % (t, year)}]
    goal_titles = ["Fler unga engagerar sig lokalt", "Stärkt påverkan gentemot kommunerna",
                   "Ökad kännedom om verksamheten", "Bredare finansiering", "Bättre stöd till grupperna"]
    for g in range(1, 4):
        num = "%d.%d" % (rng.randint(1, 3), g)
        title = rng.choice(goal_titles)
        body.append(("h", 2, "%s %s" % (num, title)))
        gc, ec = rng.choice(list(COLOURS)), rng.choice(list(COLOURS))
        body.append(("table", {"header": [["GENOMFÖRANDE", "EFFEKT"]], "rows": [["", ""]],
                               "bg": {(1, 0): COLOURS[gc], (1, 1): COLOURS[ec]}}))
        truth["ratings"] += [{"goal": num, "dimension": "genomforande", "colour": gc},
                             {"goal": num, "dimension": "effekt", "colour": ec}]
        body.append(("h", 3, "RESULTAT"))
        body.append(("p", "Arbetet med målet har fortsatt enligt plan och följs upp nästa tertial."))
    # An indicator table: channels, this period against the same period last year.
    chans = rng.sample(["Facebook", "Instagram", "LinkedIn", "Youtube", "Nyhetsbrev"], 3)
    rows = []
    for c in chans:
        now, before = rng.randint(500, 90000), rng.randint(500, 90000)
        rows.append([c, sek(now), sek(before)])
        truth["values"] += [{"label": c, "value": now, "unit": "count", "period": "T%d %d" % (t, year)},
                            {"label": c, "value": before, "unit": "count", "period": "T%d %d" % (t, year - 1)}]
    body.append(("table", {"caption": "Tabell 1: Antal följare per kanal",
                           "header": [["Kanal", "T%d %d" % (t, year), "T%d %d" % (t, year - 1)]],
                           "rows": rows}))
    # A money table in mkr with actual, budget and forecast.
    body.append(("h", 2, "Ekonomi"))
    rows = []
    for label in ["Intäkter", "Kostnader", "Resultat"]:
        a, b, f = (round(rng.uniform(1, 80), 1) for _ in range(3))
        rows.append([label] + [("%.1f" % x).replace(".", ",") for x in (a, b, f)])
        for m, x in (("actual", a), ("budget", b), ("forecast", f)):
            truth["values"].append({"label": label, "value": x, "unit": "MSEK", "measure": m,
                                    "period": "T%d %d" % (t, year) if m != "forecast" else None})
    body.append(("table", {"caption": "Tabell 2: Ekonomiskt utfall, belopp i mkr",
                           "header": [["Post", "Utfall", "Budget", "Prognos helår"]], "rows": rows}))
    for v in truth["values"]:
        v.setdefault("measure", None)
    truth["type"] = "board_report"
    doc = {"name": "holdout_board_%d" % i, "title": "Tertialrapport T%d %d" % (t, year),
           "author": org, "header": org, "footer": True, "body": body}
    return doc, truth


def protocol(rng, i):
    year = rng.randint(2012, 2024)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    people = rng.sample(NAMES, 6)
    present, absent = people[:4], people[4:5]
    sec, adj = present[2], present[3]
    truth = {"attendees": [], "decisions": [], "assignments": [], "type": "protocol"}
    body = [("h", 1, "Protokoll från styrelsemöte"),
            ("field", "Datum", "%d %s %d kl. 18.00–20.30" % (day, MONTHS[month - 1], year)),
            ("field", "Plats", rng.choice(["Folkets hus, Umeå", "Kansliet, Visby", "Digitalt möte"])),
            ("h", 2, "Närvarande ledamöter")]
    items = []
    for k, p in enumerate(present):
        items.append("%s, %s" % (p, ROLES[k]))
        truth["attendees"].append({"name": p, "status": "present"})
    body.append(("ul", items))
    body.append(("h", 2, "Frånvarande"))
    body.append(("ul", absent))
    truth["attendees"] += [{"name": p, "status": "absent"} for p in absent]
    topics = rng.sample(["Verksamhetsplan", "Budget för nästa år", "Lokalfrågan", "Medlemsavgift",
                         "Samverkan med kommunen", "Rekrytering av kanslist"], 3)
    n = 1
    body.append(("h", 2, "§ %d Mötets öppnande" % n))
    body.append(("p", "Ordföranden öppnade mötet."))
    n += 1
    body.append(("h", 2, "§ %d Val av sekreterare och justerare" % n))
    body.append(("p", "%s väljs till sekreterare och %s till justerare." % (sec, adj)))
    truth["secretary"], truth["adjusters"] = sec, [adj]
    n += 1
    for tp in topics:
        body.append(("h", 2, "§ %d %s" % (n, tp)))
        body.append(("p", "Frågan om %s diskuterades." % tp.lower()))
        dec = "Styrelsen beslutar att godkänna förslaget om %s." % tp.lower()
        body.append(("p", dec))
        truth["decisions"].append(dec)
        who = rng.choice(["Kansliet", present[0], "Arbetsgruppen"])
        task = "ta fram ett underlag om %s" % tp.lower()
        body.append(("p", "%s får i uppdrag att %s." % (who, task)))
        truth["assignments"].append({"who": who, "task": task})
        n += 1
    body.append(("h", 2, "§ %d Nästa möte" % n))
    nd, nm = rng.randint(1, 28), rng.randint(1, 12)
    body.append(("p", "Nästa möte hålls den %d %s %d." % (nd, MONTHS[nm - 1], year + 1)))
    truth["next_meeting"] = "%04d-%02d-%02d" % (year + 1, nm, nd)
    truth["date"] = "%04d-%02d-%02d" % (year, month, day)
    doc = {"name": "holdout_protocol_%d" % i, "title": "Protokoll styrelsemöte",
           "author": "Styrelsen", "body": body}
    return doc, truth


def evaluation(rng, i):
    pop = rng.randint(20, 400)
    resp = rng.randint(5, pop)
    rate = round(100.0 * resp / pop)
    truth = {"type": "evaluation", "population": pop, "responses": resp, "rate": rate, "figures": []}
    body = [("h", 1, "Utvärdering av utbildningsinsatsen"),
            ("h", 2, "Om enkäten"),
            ("p", "Av de %d som enkäten gick ut till, valde %d personer att svara, vilket ger en "
                  "svarsfrekvens på %d %%." % (pop, resp, rate))]
    questions = rng.sample(["Hur nöjd är du med utbildningen som helhet?",
                            "I vilken grad har du nytta av innehållet i ditt arbete?",
                            "Hur bedömer du föreläsarnas kunskaper?",
                            "Skulle du rekommendera utbildningen till en kollega?"], 3)
    for k, q in enumerate(questions, 1):
        answers = ["Mycket", "Ganska", "Lite", "Inte alls"]
        cuts = sorted(rng.sample(range(1, 100), 3))
        pcts = [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 100 - cuts[2]]
        body.append(("table", {"caption": "Figur %d: %s" % (k, q), "header": [["Svar", "Andel"]],
                               "rows": [[a, "%d %%" % p] for a, p in zip(answers, pcts)]}))
        truth["figures"].append({"label": "Figur %d" % k, "answers": pcts})
        body.append(("p", "Kommentarerna visar på en blandad bild."))
    doc = {"name": "holdout_evaluation_%d" % i, "title": "Utvärdering", "author": "Utvärderaren",
           "body": body}
    return doc, truth


def main():
    rng = random.Random(20261123)
    os.makedirs(OUT, exist_ok=True)
    docs = [board_report(rng, i) for i in range(1, 4)] + [protocol(rng, i) for i in range(1, 3)] + \
           [evaluation(rng, i) for i in range(1, 3)]
    for doc, truth in docs:
        gen.write_with_truth(OUT, doc, truth, ("odt", "pdf"))
        print("holdout: %s" % doc["name"])


if __name__ == "__main__":
    main()
