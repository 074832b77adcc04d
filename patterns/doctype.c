/* doctype.c: what kind of document this is, and the cues that said so. */
#include "internal.h"

#include <glib.h>
#include <string.h>

struct cue {
	const char *type;
	const char *word;   /* lower case, matched as a substring of a block */
	int weight;
	int headings_only;  /* count only in headings, title and fields */
};

static const struct cue cues[] = {
	{ "board_report", "tertialrapport", 5, 0 }, { "board_report", "t1-rapport", 4, 0 },
	{ "board_report", "t2-rapport", 4, 0 }, { "board_report", "verksamhetsberättelse", 4, 1 },
	{ "annual_report", "årsredovisning", 6, 1 }, { "annual_report", "förvaltningsberättelse", 3, 0 },
	{ "annual_report", "balansräkning", 2, 0 }, { "annual_report", "revisionsberättelse", 2, 0 },
	{ "board_report", "trafikljus", 3, 0 }, { "board_report", "genomförande", 1, 1 },
	{ "board_report", "nyckeltal", 2, 0 }, { "board_report", "indikatorer", 1, 0 },
	{ "annual_report", "flerårsöversikt", 3, 0 }, { "annual_report", "resultaträkning", 2, 0 },
	{ "notice", "kallelse", 6, 1 }, { "notice", "kallas härmed", 4, 0 }, { "notice", "inbjudan", 5, 1 },
	{ "notice", "anmälan", 1, 0 }, { "notice", "välkommen", 1, 0 },
	{ "notice", "kallar härmed", 4, 0 }, { "notice", "kallas till", 4, 0 }, { "notice", "kallar till", 4, 0 },
	{ "notice", "välkommen till", 3, 1 }, { "notice", "förslag till dagordning", 3, 1 },
	{ "notice", "föredragningslista", 3, 1 }, { "notice", "anmälan senast", 2, 0 },
	{ "notice", "poströst", 2, 0 },
	{ "protocol", "protokoll", 5, 1 }, { "protocol", "närvarande", 4, 0 },
	{ "protocol", "justerare", 4, 0 }, { "protocol", "mötets öppnande", 4, 0 },
	{ "protocol", "minnesanteckningar", 3, 0 }, { "protocol", "beslut:", 2, 0 },
	{ "protocol", "beslutar att", 2, 0 }, { "protocol", "läggs till handlingarna", 3, 0 },
	{ "protocol", "nästa möte", 2, 0 }, { "protocol", "§ ", 1, 1 },
	{ "protocol", "styrelsemöte", 3, 1 }, { "protocol", "mötet öppnades", 3, 0 },
	{ "protocol", "förklarade mötet öppnat", 3, 0 }, { "protocol", "mötet avslutades", 3, 0 },
	{ "evaluation", "utvärdering", 4, 0 }, { "evaluation", "enkät", 3, 0 },
	{ "evaluation", "svarsfrekvens", 4, 0 }, { "evaluation", "respondenter", 2, 0 },
	{ "evaluation", "figur ", 1, 0 }, { "evaluation", "enkät", 2, 1 }, { "evaluation", "tillfrågade", 2, 0 },
	{ "evaluation", "besvarade", 2, 0 },
	{ "report", "rapport från", 4, 0 }, { "report", "förord", 3, 1 }, { "report", "innehåll", 2, 1 },
	{ "report", "kapitel ", 1, 1 }, { "report", "©", 2, 0 }, { "report", "sammanfattning", 1, 1 },
	{ "memo", "underlag till", 3, 0 }, { "memo", "promemoria", 5, 1 }, { "memo", "pm ", 2, 1 },
};

#define TITLE_LEN 80   /* a first block this long may be a title; longer is prose */
#define TITLE 2        /* scan(): the text is the title, whose cues count twice ("Kallelse
			* till årsmöte" over an agenda of "Val av justerare") */

static const char *const types[] = { "board_report", "protocol", "evaluation", "report", "memo",
				     "annual_report", "notice" };

#define NTYPES ((int)(sizeof(types) / sizeof(types[0])))

static int type_index(const char *t)
{
	for (int i = 0; i < NTYPES; i++)
		if (!strcmp(types[i], t))
			return i;
	return -1;
}

/* Scores the cues in one text; each cue counts once per document. */
static int scan(struct doc *doc, const char *text, int heading, int score[NTYPES], unsigned char seen[])
{
	gchar *low;

	if (!text || !text[0])
		return 0;
	low = g_utf8_strdown(text, -1);
	for (size_t i = 0; i < sizeof(cues) / sizeof(cues[0]); i++) {
		if (seen[i] || (cues[i].headings_only && !heading) || !strstr(low, cues[i].word))
			continue;
		seen[i] = 1 + (heading > 0);   /* 2: in a heading, the title or the first blocks */
		score[type_index(cues[i].type)] += cues[i].weight * (heading == TITLE ? 2 : 1);
		if (doc_add_type_evidence(doc, arena_printf(doc->arena, "%s: \"%s\" (+%d)", cues[i].type,
							    cues[i].word, cues[i].weight)) < 0) {
			g_free(low);
			return EX_ENOMEM;
		}
	}
	g_free(low);
	return 0;
}

int pat_doc_type(const struct pat_set *ps, struct doc *doc)
{
	int score[NTYPES] = { 0 }, ncues[NTYPES] = { 0 }, best = -1, rc = 0;
	unsigned char seen[sizeof(cues) / sizeof(cues[0])] = { 0 };
	int fields = 0, titled = 0;

	(void)ps;
	rc = scan(doc, doc->meta.title, TITLE, score, seen);
	/* What a document is shows in its first pages. */
	for (size_t i = 0; i < doc->nblocks && i < 400 && rc == 0; i++) {
		const struct doc_block *b = &doc->blocks[i];
		int heading, short_text;

		if (b->furniture || b->type == DOC_BLK_HANDWRITING)
			continue;
		heading = b->type == DOC_BLK_HEADING;
		short_text = strlen(b->text) <= TITLE_LEN;
		/* the first block is the title if it may be one; the first
		 * three short blocks count as headings */
		rc = scan(doc, b->text, !titled++ && (heading || short_text) ? TITLE : heading || (i < 3 && short_text),
			  score, seen);
	}
	/* Till/Från/Datum make a paper to the board: a memo unless more says
	 * it is a report of some kind. */
	for (size_t i = 0; i < doc->nfields; i++)
		fields += !strcmp(doc->fields[i].name, "till") || !strcmp(doc->fields[i].name, "fran");
	if (fields >= 2 && rc == 0) {
		score[4] += 3;
		ncues[4] += 2;
		rc = doc_add_type_evidence(doc, "memo: header fields Till/Från (+3)");
	}
	/* A type needs a word of its title or headings, or two cues: one
	 * cue in running text ("justerare" in a notice's agenda) is none. */
	for (size_t i = 0; i < sizeof(cues) / sizeof(cues[0]); i++)
		if (seen[i]) {
			int t = type_index(cues[i].type);

			ncues[t] += seen[i];
		}
	for (int i = 0; i < NTYPES; i++)
		if (score[i] >= 4 && ncues[i] >= 2 && (best < 0 || score[i] > score[best]))
			best = i;
	doc->type = best >= 0 ? types[best] : "unknown";
	return rc;
}
