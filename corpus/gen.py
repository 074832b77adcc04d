#!/usr/bin/python3
"""Builds the corpus: one data structure per document -> NAME.fodt ->
(LibreOffice headless) NAME.odt and NAME.pdf, plus NAME.source.txt, the
reading-order text a reader should give back (used by the fidelity
test). Rebuild with `make corpus`; the expected JSON is then refreshed
with `make regolden` and reviewed.

Element forms in a document's body:
  ("field", "Till", "Styrelsen")       header field line
  ("h", level, text)                   heading
  ("p", text)                          paragraph; text may hold {note:...}
  ("ul", [items]) / ("ol", [items])    lists
  ("table", {"caption", "header", "rows", "bg": {(r, c): "#rrggbb"}})
  ("pb",)                              page break
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GREEN, YELLOW, RED = "#00b050", "#ffc000", "#ff0000"

SEED000 = {
    "name": "seed000_tertialrapport",
    "title": "Tertialrapport T1 2021",
    "author": "Sekretariatet",
    "header": "Amnesty Sverige – Tertialrapport T1 2021",
    "footer": True,
    "body": [
        ("field", "Till", "Styrelsen"),
        ("field", "Från", "Sekretariatet"),
        ("field", "Datum", "2021-05-28"),
        ("field", "Punkt", "3.4 T1-rapport verksamhet och ekonomi"),
        ("h", 1, "TERTIALRAPPORT 2021"),
        ("h", 2, "Övergripande kommentarer"),
        ("p", "Covid-19 fortsätter att påverka verksamheten och Amnesty Sverige som arbetsplats. "
              "Sekretariatet fortsätter att anpassa både aktiviteter och arbetssätt och planerar "
              "samtidigt för höstens verksamhet."),
        ("h", 2, "Signifikanta resultat"),
        ("ul", ["Aktionerna avseende migrantarbetares rättigheter i Qatar lanserades 22 mars och "
                "har hittills resulterat i 2500 underskrifter.",
                "Amnesty International och Sverige för UNHCR tilldelades i mars 27,9 miljoner "
                "kronor av Svenska PostkodLotteriet till ett gemensamt projekt.",
                "Amnesty Sveriges insamlingsplattform för peer-peer-fundraising har lanserats."]),
        ("h", 2, "Trafikljusmodellen"),
        ("p", "Alla delmål är skattade enligt trafikljusmodellen och mäter mot taktisk prioritering "
              "för verksamhetsåret enligt nedanstående:"),
        ("table", {"header": [["GENOMFÖRANDE", "EFFEKT"]],
                   "rows": [["GRÖN: Vi har genomfört majoriteten av planerade aktiviteter.",
                             "GRÖN: Vi bör kunna uppnå planerad effekt för verksamhetsåret."],
                            ["GUL: Vi har gjort en del större förändringar i planeringen.",
                             "GUL: Vi kommer till viss del kunna uppnå planerad effekt."],
                            ["RÖD: Vi har ställt in många planerade aktiviteter.",
                             "RÖD: Vi ser stora svårigheter att uppnå planerad effekt."]],
                   "bg": {(1, 0): GREEN, (1, 1): GREEN, (2, 0): YELLOW, (2, 1): YELLOW,
                          (3, 0): RED, (3, 1): RED}}),
        ("h", 1, "1. ÄNDAMÅL"),
        ("h", 2, "1.1 Amnesty Sverige bidrar till att stärka yttrande-, mötes- och föreningsfrihet globalt"),
        ("table", {"header": [["GENOMFÖRANDE", "EFFEKT"]], "rows": [["", ""]],
                   "bg": {(1, 0): GREEN, (1, 1): YELLOW}}),
        ("h", 3, "RESULTAT"),
        ("p", "Under mål ett i den globala strategin har Amnestyfonden bidragit till att stötta "
              "totalt 31 fall under första tertialen. Detta är fler än de tre senaste åren under "
              "samma period där snittet legat på 22."),
        ("h", 2, "1.5 Amnesty Sverige bidrar till ökad andel människor i Sverige som är positivt "
                 "inställda till MR/Amnestys rättighetsfrågor"),
        ("table", {"header": [["GENOMFÖRANDE", "EFFEKT"]], "rows": [["", ""]],
                   "bg": {(1, 0): YELLOW, (1, 1): GREEN}}),
        ("table", {"caption": "Tabell 1: Indikatorer T1 2021",
                   "header": [["Indikatorer", "Kanal", "April 2021", "Dec 2020"]],
                   "rows": [["Ökat antal följare i sociala medier (14)", "Facebook", "95 162 (+867)", "94 295"],
                            ["", "Instagram", "29 200 (+4200)", "25 000"],
                            ["", "Twitter", "14 902", "14 912"],
                            ["Ökat antal besökare på webben (14)", "Unika sidvisningar amnesty.se",
                             "575 894", "458 428"]]}),
        ("h", 3, "RESULTAT"),
        ("p", "En ny samarbetskola har tillkommit under T1 - inom Skola för mänskliga rättigheter "
              "ingår nu 37 samarbetskolor. Vi räknar med att genomföra A-day för 50-60 "
              "gymnasieskolor under hösten."),
        ("pb",),
        ("h", 1, "2. FINANSIERING & MOBILISERING"),
        ("h", 2, "2.2. Öka insamlade medel till x kronor 31 dec 2021"),
        ("table", {"header": [["GENOMFÖRANDE", "EFFEKT"]], "rows": [["", ""]],
                   "bg": {(1, 0): RED, (1, 1): YELLOW}}),
        ("table", {"caption": "Tabell 2: Insamlade medel",
                   "header": [["Indikatorer", "T1 2021", "T1 2020"]],
                   "rows": [["Insamlade medel nya medlemmar och månadsgivare (nyckeltal 7)", "180 495 kr", "265 120 kr"],
                            ["Insamlade medel engångsgivare (nyckeltal 7)", "726 147 kr", "865 424 kr"],
                            ["Ökning intäkter från spontangåvor/engångsgåvor (Måltal: x procent ökning 2021)", "-16 %", ""],
                            ["Insamlade medel testamenten (nyckeltal 7)", "1 859 661 kr", "1 496 044 kr"]]}),
        ("h", 2, "Ekonomiska nyckeltal"),
        ("p", "Ekonomiska nyckeltal redovisas för Ändamål under Mål 1 och för intäkter under mål 2."),
        ("table", {"caption": "Tabell 3: Resultat (Tkr)",
                   "header": [["Resultat (Tkr)", "Utf T1", "Bud T1", "Fg år T1"]],
                   "rows": [["Intäkter", "52 491", "56 027", "50 842"],
                            ["Kostnader", "46 838", "46 826", "46 466"],
                            ["Resultat", "5 653", "9 201", "4 376"]]}),
        ("p", "Bilaga: Ekonomisk uppföljning april 2021."),
    ],
}

SEED001 = {
    "name": "seed001_memo",
    "title": "Sekretariatets arbete med aktivism",
    "author": "Sekretariatet",
    "body": [
        ("h", 1, "Sekretariatets arbete med aktivism"),
        ("p", "Underlag till styrelsemöte 1-2 september 2010"),
        ("field", "Till", "styrelsen"),
        ("field", "Från", "sekretariatet"),
        ("field", "Datum", "17 september 2010"),
        ("h", 2, "BAKGRUND"),
        ("ul", ["Organisationsöversynen väckte många viktiga frågor men innebar små organisatoriska "
                "förändringar.",
                "Påverkansarbetet och vårt arbete med aktivism är i förändring. Mer av arbetet planeras "
                "via sekretariatet som är i stort behov av en livaktig aktivism.",
                "Det finns ett behov av att fastlägga en långsiktig färdriktning för aktivismen."]),
        ("h", 2, "CENTRALA IAKTTAGELSER"),
        ("h", 3, "Aktivism"),
        ("p", "Ordet aktivism är det ord vi använder då det korresponderar till internationella "
              "strategier samt inbegriper såväl medlemmar som icke medlemmar. Aktivister är de "
              "personer som agerar till förmån för våra mål."),
        ("h", 3, "Prioriterade områden"),
        ("ol", ["Öka volymen av aktivister i hela landet.",
                "Stärka stödet till aktiviststrukturer.",
                "Att bidra till lärande och erfarenhetsutbyte inom sektionen."]),
        ("p", "Sekretariatet återkommer med en verksamhetsplan för aktivismen inför hösten."),
    ],
}

SEED002 = {
    "name": "seed002_rapport",
    "title": "Förstärkt styrning och uppföljning av mänskliga rättigheter i sex kommuner",
    "author": "Sveriges Kommuner och Regioner",
    "footer": True,
    "body": [
        ("h", 1, "Förstärkt styrning och uppföljning av mänskliga rättigheter i sex kommuner"),
        ("p", "Rapport från ett utvecklingsarbete"),
        ("p", "© Sveriges Kommuner och Regioner, 2023"),
        ("h", 2, "Förord"),
        ("p", "Regeringen och SKR har sedan 2014 haft en överenskommelse om ett stärkt arbete med "
              "mänskliga rättigheter i kommuner och regioner."),
        ("p", "Arbetet har byggt vidare på slutsatser och rekommendationer från tidigare studier, "
              "följeforskning och enkätuppföljning{note:Bland annat följeforskning och "
              "enkätuppföljning genomförda av RWI 2018 respektive 2020.} som legat till grund för "
              "SKR:s plattform för policy- och verksamhetsutveckling inom mänskliga rättigheter på "
              "lokal nivå{note:MR-kommun/region, plattform, SKR.}."),
        ("p", "Stockholm i oktober 2023"),
        ("h", 2, "Innehåll"),
        ("p", "Kapitel 1. Några ord från Raoul Wallenberginstitutet ..... 5"),
        ("p", "Kapitel 2. Om nätverket ..... 6"),
        ("p", "Syfte och deltagare ..... 6"),
        ("p", "Kapitel 3. Upplägg för arbetet ..... 8"),
        ("pb",),
        ("h", 1, "Kapitel 1. Några ord från Raoul Wallenberginstitutet"),
        ("p", "Denna rapport beskriver en process som Raoul Wallenberginstitutet för mänskliga "
              "rättigheter genomförde tillsammans med strateger från sex svenska kommuner mellan "
              "juni 2022 och augusti 2023."),
        ("h", 1, "Kapitel 2. Om nätverket"),
        ("h", 2, "Syfte och deltagare"),
        ("p", "De kommunala strategerna som ingick i nätverket är verksamma vid "
              "kommun-/stadsledningskontor i Malmö stad, Lunds kommun, Borås stad, Linköpings "
              "kommun, Uppsala kommun och Piteå kommun.{note:Deltagarna utsågs av respektive "
              "kommunledning.}"),
        ("h", 1, "Kapitel 3. Upplägg för arbetet"),
        ("ul", ["Fysiska möten med lokala lovande exempel.",
                "Kollegial granskning mellan kommunerna.",
                "Forskningsstöd från Raoul Wallenberginstitutet."]),
    ],
}

SEED003_FIGURES = [
    ("Hur har arbetet med att implementera handlingsplanen fungerat inom den egna förvaltningen?",
     [("Mycket bra", 14), ("Ganska bra", 57), ("Ganska dåligt", 14), ("Mycket dåligt", 14)]),
    ("I vilken omfattning har er nämnd/styrelse och/eller ledning fattat särskilda beslut för att "
     "arbeta med handlingsplanen?", [("I stor omfattning", 21), ("I viss omfattning", 50),
                                     ("Inte alls", 14), ("Vet ej", 14)]),
    ("Hur nöjd är du med det sätt som arbetet med handlingsplanen organiserats på din förvaltning?",
     [("Mycket nöjd", 21), ("Ganska nöjd", 43), ("Ganska missnöjd", 29), ("Mycket missnöjd", 7)]),
    ("Har ni på er förvaltning valt ut särskilda insatsområden i handlingsplanen att fokusera på?",
     [("Ja", 62), ("Nej", 31), ("Vet ej", 7)]),
    ("I vilken utsträckning bedömer du att handlingsplanen för mänskliga rättigheter inkluderats i er "
     "nämnds/styrelses detaljbudget?", [("I stor utsträckning", 14), ("I viss utsträckning", 36),
                                        ("Inte alls", 21), ("Vet ej/ingen åsikt", 29)]),
    ("Har er förvaltning en egen gällande plan för lika rättigheter och möjligheter på arbetsplatsen?",
     [("Ja", 57), ("Nej", 37), ("Vet ej", 6)]),
    ("Hur stor betydelse bedömer du att handlingsplanen haft för arbetet med mänskliga rättigheter "
     "inom Västra Götalandsregionen?", [("Mycket stor betydelse", 29), ("Ganska stor betydelse", 43),
                                         ("Liten betydelse", 0), ("Vet ej/ingen åsikt", 28)]),
    ("Hur upplever du att arbetet i MR-nätverket fungerar?",
     [("Mycket bra", 36), ("Ganska bra", 50), ("Ganska dåligt", 14)]),
    ("Hur stor betydelse bedömer du att MR-nätverket har för arbetet med mänskliga rättigheter?",
     [("Mycket stor betydelse", 43), ("Ganska stor betydelse", 43), ("Liten betydelse", 14)]),
    ("Hur nöjd är du med stödet från avdelning social hållbarhet?",
     [("Mycket nöjd", 43), ("Ganska nöjd", 50), ("Inte nöjd", 7)]),
]

SEED003 = {
    "name": "seed003_utvardering",
    "title": "Erfarenheter av rollen som MR-samordnare",
    "author": "Västra Götalandsregionen",
    "body": [
        ("h", 1, "Erfarenheter av rollen som MR-samordnare"),
        ("h", 2, "Innehåll"),
        ("p", "Sammanfattning ..... 3"),
        ("p", "Rollen som MR-samordnare – inspel till utvärderingen ..... 5"),
        ("p", "MR-nätverket ..... 11"),
        ("h", 2, "Sammanfattning"),
        ("p", "Föreliggande rapport utgör bilaga till slututvärderingen och består av "
              "sammanfattade resultat från ett enkätutskick och workshop med VGR:s MR-samordnare."),
        ("p", "Av de 39 som enkäten gick ut till, valde 14 personer att svara, vilket ger en "
              "svarsfrekvens på 36 %."),
        ("h", 2, "Arbetssätt och resurser"),
        ("p", "De flesta upplever att arbetet med att implementera handlingsplanen har fungerat bra. "
              "Dock är det 14 % (2 personer) som menar att det fungerat mycket dåligt."),
    ] + [item for k, (q, answers) in enumerate(SEED003_FIGURES, 1) for item in (
        ("table", {"caption": "Figur %d: %s" % (k, q), "header": [["Svar", "Andel"]],
                   "rows": [[a, "%d %%" % p] for a, p in answers]}),
        ("p", "Kommentarerna till fråga %d visar på en blandad bild." % k),
    )] + [
        ("p", "Det finns en hög nöjdhet med stödet från avdelning social hållbarhet – bra "
              "samarbete, stort engagemang och lätt att få kontakt."),
    ],
}

SEED004 = {
    "name": "seed004_protokoll",
    "title": "Protokoll Utvecklingsgruppen för indikatorarbetet",
    "author": "Utvecklingsgruppen",
    "body": [
        ("h", 1, "Protokoll Utvecklingsgruppen för indikatorarbetet"),
        ("field", "DATUM", "2 december 2019 kl 10-15"),
        ("field", "PLATS", "Samordningsförbundet Stockholm Stad"),
        ("h", 2, "Närvarande"),
        ("ul", ["Jonas Wells, verksamhetsledare Indikatorerna samt SF Södra Dalarna",
                "Elin Asplund, verksamhetsledare Indikatorerna samt SF Botkyrka Huddinge Salem",
                "Per Lundgren, SF Gävleborg",
                "Helena Haapala, SF Stockholm Stad"]),
        ("h", 2, "§ 1 Mötets öppnande"),
        ("p", "Jonas Wells hälsar alla välkomna."),
        ("h", 2, "§ 2 Val av sekreterare och justerare"),
        ("p", "Elin Asplund väljs till sekreterare och Per Lundgren till justerare."),
        ("h", 2, "§ 3 Föregående mötes minnesanteckningar"),
        ("p", "Läggs till handlingarna."),
        ("h", 2, "§ 4 Införande av jämställdhetsindikator"),
        ("p", "Genomgång av inkomna remissvar angående införande av jämställdhetsindikator. Av 26 "
              "svar är 25 positiva till att införa en särskild indikator."),
        ("p", "BESLUT: Utvecklingsgruppen beslutar att föreslå NNS styrelse att anta en 16:e "
              "kärnindikator."),
        ("p", "En arbetsgrupp får i uppdrag att skriva ett förslag på förklarande text."),
        ("h", 2, "§ 5 Nästa möte"),
        ("p", "Nästa möte hålls den 4 februari 2020."),
    ],
}

TWOCOL_TEXT = [
    "Samordningsförbunden arbetar med finansiell samordning mellan myndigheter och kommuner.",
    "Verksamheten följs upp med indikatorer som mäter deltagarnas upplevelse av insatserna.",
    "Under året har förbundet genomfört fyra utbildningsdagar för personal i kommunerna.",
    "Resultaten redovisas varje tertial till styrelsen och en gång om året till medlemmarna.",
]
TWOCOL = {
    "name": "twocol_nyhetsbrev",
    "title": "Nyhetsbrev hösten 2022",
    "author": "Samordningsförbundet",
    "columns": 2,
    "body": [("h", 1, "Nyhetsbrev hösten 2022")] +
            [("p", " ".join(TWOCOL_TEXT[(i + k) % 4] for k in range(4))) for i in range(10)],
}


def long_doc():
    sentences = [
        "Styrelsen har under perioden sammanträtt sex gånger och behandlat frågor om budget och verksamhetsplan.",
        "Antalet medlemmar uppgick vid årets slut till 4 400 personer, en ökning med 3,5 procent.",
        "Sekretariatet har fortsatt att utveckla arbetet med mänskliga rättigheter i kommunerna.",
        "Verksamhetsplanen för nästa år bygger på de lärdomar som gjorts under tertialen.",
        "Insamlade medel från engångsgivare ökade jämfört med föregående år.",
        "Arbetet med jämställdhet och mångfald har fått en tydligare plats i organisationen.",
        "Utvärderingen visar att deltagarna är nöjda med stödet från nätverket.",
        "Kostnaderna för lokaler och administration låg i nivå med budget.",
    ]
    body = [("h", 1, "Verksamhetsberättelse 2022")]
    n = 0
    for chap in range(1, 54):
        body.append(("h", 1, "Kapitel %d. Verksamhetsområde %d" % (chap, chap)))
        for sec in range(1, 4):
            body.append(("h", 2, "%d.%d Uppföljning av delmål %d" % (chap, sec, sec)))
            for _ in range(4):
                body.append(("p", " ".join(sentences[(n + k) % 8] for k in range(5))))
                n += 3
        body.append(("pb",))
    return {"name": "long_verksamhetsberattelse", "title": "Verksamhetsberättelse 2022",
            "author": "Styrelsen", "header": "Verksamhetsberättelse 2022", "footer": True,
            "body": body[:-1]}


DOCS = [SEED000, SEED001, SEED002, SEED003, SEED004, TWOCOL, long_doc()]

# ---------------------------------------------------------------- fodt

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

STYLES = """
<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:language="sv" fo:country="SE"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Numbers">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
</office:styles>
"""


def esc(s):
    return html.escape(s, quote=True)


def inline(text, state):
    """Paragraph text with {note:...} turned into ODF footnotes."""
    out = []
    pos = 0
    for m in re.finditer(r"\{note:(.*?)\}", text):
        out.append(esc(text[pos:m.start()]))
        state["note"] += 1
        n = state["note"]
        out.append('<text:note text:id="ftn%d" text:note-class="footnote">'
                   '<text:note-citation>%d</text:note-citation><text:note-body>'
                   '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                   % (n, n, esc(m.group(1))))
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def plain(text, state):
    """Text as printed: each note leaves its number behind."""
    def num(m):
        state["n"] += 1
        state["notes"].append("%d %s" % (state["n"], m.group(1)))
        return str(state["n"])
    return re.sub(r"\{note:(.*?)\}", num, text)


def table_xml(t, tno, auto):
    """A table: header rows (repeated on a new page), body rows; optional
    "bg" {(r, c): colour}, "spans" {(r, c): (rowspan, colspan)} with ""
    in covered positions, "borders" (default True), "zebra" (a fill on
    every other body row)."""
    header, rows = t["header"], t["rows"]
    ncols = len(header[0]) if header else len(rows[0])
    spans = t.get("spans", {})
    covered = set()
    for (r, c), (rs, cs) in spans.items():
        for dr in range(rs):
            for dc in range(cs):
                if dr or dc:
                    covered.add((r + dr, c + dc))
    borders = t.get("borders", True)
    x = []
    if t.get("caption"):
        x.append('<text:p text:style-name="Caption">%s</text:p>' % esc(t["caption"]))
    x.append('<table:table table:name="Tabell%d" table:style-name="Tbl">' % tno)
    x.append('<table:table-column table:number-columns-repeated="%d"/>' % ncols)
    for part, rr, off in (("h", header, 0), ("b", rows, len(header))):
        if part == "h" and rr:
            x.append("<table:table-header-rows>")
        for ri, row in enumerate(rr):
            x.append("<table:table-row>")
            for ci, cell in enumerate(row):
                r = ri + off
                if (r, ci) in covered:
                    x.append("<table:covered-table-cell/>")
                    continue
                bg = t.get("bg", {}).get((r, ci))
                if not bg and t.get("zebra") and part == "b" and ri % 2 == 1:
                    bg = t["zebra"]
                sname = ("Cell" if borders else "Free") + (bg[1:] if bg else "Plain")
                auto[sname] = ('<style:style style:name="%s" style:family="table-cell">'
                               '<style:table-cell-properties %s%s fo:padding="0.1cm"/></style:style>'
                               % (sname, 'fo:border="0.5pt solid #000000" ' if borders else 'fo:border="none" ',
                                  'fo:background-color="%s"' % bg if bg else ""))
                span = ""
                if (r, ci) in spans:
                    rs, cs = spans[(r, ci)]
                    span = ' table:number-rows-spanned="%d" table:number-columns-spanned="%d"' % (rs, cs)
                x.append('<table:table-cell table:style-name="%s"%s office:value-type="string">'
                         '<text:p>%s</text:p></table:table-cell>' % (sname, span, esc(cell)))
            x.append("</table:table-row>")
        if part == "h" and rr:
            x.append("</table:table-header-rows>")
    x.append("</table:table>")
    return "".join(x)


def fodt(doc):
    auto = {
        "Tbl": '<style:style style:name="Tbl" style:family="table"><style:table-properties '
               'style:width="17cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>',
        "PBreak": '<style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Standard">'
                  '<style:paragraph-properties fo:break-before="page"/></style:style>',
        "Sect": '<style:style style:name="Sect" style:family="section"><style:section-properties>'
                '<style:columns fo:column-count="%d" fo:column-gap="0.8cm"/></style:section-properties></style:style>'
                % doc.get("columns", 1),
    }
    state = {"note": 0}
    body = []
    tno = 0
    brk = False
    for el in doc["body"]:
        kind = el[0]
        if kind == "pb":
            brk = True
            continue
        if kind == "h":
            sname = "Heading_20_%d" % el[1]
            if brk:
                auto["HB%d" % el[1]] = ('<style:style style:name="HB%d" style:family="paragraph" '
                                        'style:parent-style-name="%s"><style:paragraph-properties '
                                        'fo:break-before="page"/></style:style>' % (el[1], sname))
                sname = "HB%d" % el[1]
            body.append('<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>'
                        % (sname, el[1], esc(el[2])))
        elif kind in ("p", "field"):
            text = el[1] if kind == "p" else "%s: %s" % (el[1], el[2])
            body.append('<text:p text:style-name="%s">%s</text:p>'
                        % ("PBreak" if brk else "Standard", inline(text, state)))
        elif kind in ("ul", "ol"):
            body.append('<text:list text:style-name="%s">' % ("Bullets" if kind == "ul" else "Numbers"))
            for it in el[1]:
                body.append("<text:list-item><text:p>%s</text:p></text:list-item>" % inline(it, state))
            body.append("</text:list>")
        elif kind == "table":
            tno += 1
            body.append(table_xml(el[1], tno, auto))
        brk = False
    header = footer = ""
    if doc.get("header"):
        header = '<style:header><text:p text:style-name="Header">%s</text:p></style:header>' % esc(doc["header"])
    if doc.get("footer"):
        footer = ('<style:footer><text:p text:style-name="Header">Sida <text:page-number '
                  'text:select-page="current">1</text:page-number> av <text:page-count>1</text:page-count>'
                  '</text:p></style:footer>')
    content = "".join(body)
    if doc.get("columns", 1) > 1:
        content = '<text:section text:style-name="Sect" text:name="Sektion1">%s</text:section>' % content
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n'
            '<office:meta><dc:title>%s</dc:title><meta:initial-creator>%s</meta:initial-creator>'
            '<dc:language>sv-SE</dc:language></office:meta>\n%s'
            '<office:automatic-styles>%s<style:page-layout style:name="pm1"><style:page-layout-properties '
            'fo:page-width="21.001cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" '
            'fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties '
            'fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style>'
            '<style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>'
            '</style:page-layout></office:automatic-styles>\n'
            '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
            '%s%s</style:master-page></office:master-styles>\n'
            '<office:body><office:text>%s</office:text></office:body></office:document>\n'
            % (NS, esc(doc["title"]), esc(doc["author"]), STYLES, "".join(auto[k] for k in sorted(auto)),
               header, footer, content))


def source_text(doc):
    """The reading-order text: what `extract --format text` should give."""
    out = []
    st = {"n": 0, "notes": []}
    for el in doc["body"]:
        kind = el[0]
        if kind == "pb":
            # Footnotes sit at the foot of their page.
            out += st["notes"]
            st["notes"] = []
        elif kind == "h":
            out.append(el[2])
        elif kind == "p":
            out.append(plain(el[1], st))
        elif kind == "field":
            out.append("%s: %s" % (el[1], el[2]))
        elif kind in ("ul", "ol"):
            for i, it in enumerate(el[1]):
                out.append(("• " if kind == "ul" else "%d. " % (i + 1)) + it)
        elif kind == "table":
            t = el[1]
            if t.get("caption"):
                out.append(t["caption"])
            for row in t["header"] + t["rows"]:
                out.append("\t".join(row))
    out += st["notes"]
    return "\n\n".join(out) + "\n"


def convert(src, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                        "--convert-to", fmt, "--outdir", outdir, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    finally:
        shutil.rmtree(prof, ignore_errors=True)


def write_with_truth(outdir, doc, truth, formats, keep_fodt=True):
    """NAME.fodt and NAME.truth.json from one data structure, then the
    formats LibreOffice makes of it."""
    import json
    base = os.path.join(outdir, doc["name"])
    with open(base + ".fodt", "w", encoding="utf-8") as f:
        f.write(fodt(doc))
    with open(base + ".truth.json", "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for fmt in formats:
        convert(base + ".fodt", fmt, outdir)
    if not keep_fodt:
        os.remove(base + ".fodt")


def main():
    only = set(sys.argv[1:])
    for doc in DOCS:
        if only and doc["name"] not in only:
            continue
        base = os.path.join(HERE, doc["name"])
        with open(base + ".fodt", "w", encoding="utf-8") as f:
            f.write(fodt(doc))
        with open(base + ".source.txt", "w", encoding="utf-8") as f:
            f.write(source_text(doc))
        convert(base + ".fodt", "odt", HERE)
        convert(base + ".fodt", "pdf", HERE)
        print("corpus: %s.{fodt,odt,pdf,source.txt}" % doc["name"])


if __name__ == "__main__":
    main()
