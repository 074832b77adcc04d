/* internal.h: the compiled pattern set, shared by the files of patterns/.
 * Nothing outside patterns/ includes this or pcre2.h. */
#ifndef EX_PAT_INTERNAL_H
#define EX_PAT_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "pat.h"

/* One pattern of a pack. */
struct pat_user {
	char *name;
	char *regex;
	pcre2_code *code;
	char *field;         /* a header field it fills, or NULL */
	char *label;         /* a value's label, or NULL (group "label" if set) */
	char *unit;          /* a value's unit word ("kr", "%", "count" ...), or NULL */
	char *value_group;   /* the group holding the number; default "value" */
	char *source;        /* FILE:LINE of its definition */
};

struct pat_set {
	struct pat_user *user;
	size_t nuser, cap_user;
	pcre2_code *field;    /* "Till: Styrelsen" */
	pcre2_code *date;     /* ISO or "17 september 2010" */
	pcre2_code *cell;     /* a whole cell as a quantity */
	pcre2_code *prose;    /* quantities with a unit or noun in text */
	pcre2_code *hunit;    /* a unit in a header or caption */
	pcre2_code *period;   /* T1 2021, Q3, helår, jan–apr 2021 */
	pcre2_code *measure;  /* Utf, Bud, Fg år, Prognos, Måltal */
	pcre2_code *nonqty;   /* dates, times, codes, ordinals, phones in text */
	pcre2_code *counted;  /* a label that counts things: "antal", "följare" */
	pcre2_code *elected;  /* "A väljs till sekreterare och B till justerare" */
	pcre2_code *chosen;   /* "Mötesordförande Mötet nominerar och väljer A", "Till justerare valdes A" */
	pcre2_code *role_field; /* "Ordförande: A", "Justerare: A och B" */
	pcre2_code *decision; /* BESLUT:, beslutar att, beslutades att */
	pcre2_code *assigned; /* "X får i uppdrag att Y" */
	pcre2_code *and_task; /* " och åtog sig att ": a task after an election */
	pcre2_code *response; /* a response rate: "svarsfrekvens på 36 %", "svarade (36 %)" */
	pcre2_code *answer;   /* "Mycket nöjd 45 %": an answer and its share in a figure's text */
	pcre2_code *respcount; /* "Av de 39 som", "14 personer svarade", "Antal svar: 84" */
	pcre2_code *time;     /* "kl 10-15", "kl. 13.00–15.30" */
	pcre2_code *opened;   /* "Mötet öppnades kl. 18.05", "Mötets öppnande 12:16" */
	pcre2_code *closed;   /* "Mötet avslutades 20.30", "Mötet avslutas 17:55" */
	pcre2_code *span;     /* "18.00–20.30", a meeting's "Tid:" from start to end */
	pcre2_code *venue;    /* "Stämman hålls ... i Folkets hus, Storgatan 5." */
	pcre2_code *dperiod;  /* "2020-01-01 -2020-12-31", "2022-12-31" in a column header */
	pcre2_code *lunit;    /* a unit that ends a row's label: "Soliditet, %", "Årsavgift kr/kvm" */
	pcre2_code *perarea;  /* a label that says per square metre: "Lån/m²", "Årsavgift per kvm" */
	pcre2_code *dunit;    /* "Alla belopp redovisas i kronor", "upprättad i svenska kronor" */
	pcre2_code *reserved; /* "Anna Berg reserverade sig", "Reservation: Per Ek" */
	pcre2_code *conflict; /* "Eva Lind anmälde jäv", "Jäv: Olof Strand" */
};

/* Provenance of block bi: its page, box or path, and index. */
void pat_prov_block(const struct doc *doc, size_t bi, struct doc_prov *p);

/* Line l's words as one text, a space between each two, in the arena;
 * NULL when out of memory. */
const char *pat_line_text(struct arena *a, const struct doc_line *l);

/* Frees the patterns loaded from packs. */
void pat_user_free_all(struct pat_set *ps);

/* Compiles re (UTF, UCP, caseless), JIT where available. */
pcre2_code *pat_compile(const char *re, struct ex_error *err);

/* The named group's text into buf ("" if unset); its length. */
size_t pat_group(pcre2_match_data *md, const char *name, char *buf, size_t n);
/* A named group's text copied into the arena; NULL if it did not take
 * part or memory ran out. */
const char *pat_group_dup(struct arena *a, pcre2_match_data *md, const char *name);

/* Offsets of a named group, or -1 when unset. */
long pat_group_start(const pcre2_code *c, pcre2_match_data *md, const char *name);

#endif
