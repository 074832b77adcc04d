/* pat.h: patterns over the document model. PCRE2 lives here only.
 * A pat_set holds the compiled patterns: built once (JIT where the
 * platform has it), then only read, so one set serves any number of
 * documents and threads. */
#ifndef EX_PAT_H
#define EX_PAT_H

#include <stddef.h>
#include <stdint.h>

#include "../model/doc.h"

struct pat_set;

struct pat_set *pat_set_new(struct ex_error *err);
void pat_set_free(struct pat_set *ps);

/* A Swedish date at the start of s: "2021-05-28", "2016–05–25",
 * "17 september 2010", "den 9 december 2020". Writes "YYYY-MM-DD" into
 * iso[11] and returns 1, or returns 0. */
int pat_date(const struct pat_set *ps, const char *s, char iso[11]);

/* Header fields (Till, Från, Datum, Punkt, Ärende, Dnr/Diarienummer,
 * Bilaga) from "Label: value" blocks before the first body text of
 * length, into doc->fields; document title and date from them and the
 * metadata. */
int pat_header(const struct pat_set *ps, struct doc *doc);

/* The document's period (from its title, fields and first headings):
 * "T1 2021" for a tertial report; into doc->period. */
int pat_doc_period(const struct pat_set *ps, struct doc *doc);

/* Typed values from every table (one per numeric cell: label from the
 * row, period and measure from the column header, unit from the cell,
 * header or caption) and from prose (numbers with a unit or a counted
 * noun), into doc->values. */
int pat_values(const struct pat_set *ps, struct doc *doc);

/* Traffic-light ratings: goals numbered 1.1 … rated on GENOMFÖRANDE and
 * EFFEKT by cell colour or by the words GRÖN/GUL/RÖD; into doc->ratings. */
int pat_ratings(const struct pat_set *ps, struct doc *doc);

/* Document type (board_report, protocol, evaluation, report, memo,
 * unknown) from weighted cues; the cues found go to doc->type_evidence. */
int pat_doc_type(const struct pat_set *ps, struct doc *doc);

/* Meeting protocols: date, time, place, attendees with role and
 * organisation, chair, secretary, adjusters, agenda items with their
 * decisions, assignments and items noted, next meeting; into
 * doc->protocol when the document is a protocol. */
int pat_protocol(const struct pat_set *ps, struct doc *doc);
/* A notice (kallelse): the meeting's date, time and place, its agenda
 * (Dagordning, Föredragningslista), postal votes. */
int pat_notice(const struct pat_set *ps, struct doc *doc);

/* Evaluations: survey size, responses and response rate (checked against
 * each other), each "Figur N:"/"Tabell N:" question with its percentages,
 * answer scales; into doc->survey. */
int pat_survey(const struct pat_set *ps, struct doc *doc);

/* Pattern packs: extra patterns loaded at run time from a file (format
 * in README.md, "Pattern packs"). Call before the set is shared between
 * threads. A bad file fails with "FILE:LINE: reason" in err->msg. */
int pat_pack_load(struct pat_set *ps, const char *path, struct ex_error *err);

/* Loads every *.pat file of the default search path: the files and
 * folders in $EXTRACT_PATTERNS (colon-separated), else
 * $XDG_CONFIG_HOME/extract/patterns (or ~/.config/extract/patterns) and
 * /etc/extract/patterns. Missing folders are fine. */
int pat_pack_load_default(struct pat_set *ps, struct ex_error *err);

/* Applies the loaded packs to a document: header fields and values. */
int pat_pack_apply(const struct pat_set *ps, struct doc *doc);

/* Contents lists ("Innehåll", "Figurförteckning", "Tabellförteckning"):
 * entries with their printed page numbers into doc->contents; and the
 * publisher and year from a "© Organisation, 2023" line. */
int pat_contents(const struct pat_set *ps, struct doc *doc);

/* Colour name of an RGB value by hue: "green", "yellow", "red" or NULL
 * for white, grey, black and other hues. */
const char *pat_colour_name(uint32_t rgb);

#endif
