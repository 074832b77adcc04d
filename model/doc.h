/* doc.h: the document model, the spine of extract.
 *
 *   parsers/   -> fill a struct doc
 *   patterns/ -> read it, add values, ratings, warnings
 *   output/    -> write it
 *
 * A document owns one arena; every pointer in the model points into it
 * (strings from poppler, libxml2 or Tesseract are copied in). No global
 * state: two documents can be processed in two threads. Coordinates are
 * PDF points with the origin at the page's top-left. */
#ifndef EX_DOC_H
#define EX_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"

struct box {
	float x0, y0, x1, y1;
};

enum doc_format {
	DOC_FMT_UNKNOWN,
	DOC_FMT_PDF,
	DOC_FMT_ODT,
	DOC_FMT_FODT,
	DOC_FMT_TEXT,
	DOC_FMT_IMAGE,
};

enum doc_source {
	DOC_SRC_TEXT_LAYER,
	DOC_SRC_OCR,
	DOC_SRC_ODT,
	DOC_SRC_TEXT,
};

enum doc_block_type {
	DOC_BLK_PARAGRAPH,
	DOC_BLK_HEADING,
	DOC_BLK_LIST_ITEM,
	DOC_BLK_CAPTION,
	DOC_BLK_FOOTNOTE,
	DOC_BLK_TABLE,
	DOC_BLK_HANDWRITING,   /* an OCR'd line read with little confidence: a signature, a note by hand */
};

/* Where a block sits on its page when it is page furniture: kept in the
 * model, kept out of body text. */
enum doc_furniture {
	DOC_FURN_NONE,
	DOC_FURN_HEADER,
	DOC_FURN_FOOTER,
	DOC_FURN_PAGE_NUMBER,
};

enum {
	DOC_WORD_BOLD = 1,
	DOC_WORD_ITALIC = 2,
	DOC_WORD_HAS_COLOR = 4,
	DOC_WORD_TURNED = 8,     /* set along a turned line: a chart's axis title, a sideways header */
	DOC_WORD_HAND = 16,      /* OCR read it from strokes by hand (a signature), not from print */
	DOC_WORD_OTHER_LANG = 32, /* OCR's later language read it ("eng" of "swe+eng": no å, ä or ö) */
};

struct doc_word {
	const char *text;  /* NFC UTF-8 */
	struct box box;
	const char *font;  /* NULL if unknown */
	float size;        /* points; 0 if unknown */
	unsigned flags;    /* DOC_WORD_* */
	uint32_t color;    /* 0xRRGGBB when DOC_WORD_HAS_COLOR */
	float conf;        /* 0..1; 1 for a text layer */
	unsigned space_after : 1; /* a space follows on the same line */
};

struct doc_line {
	struct doc_word *words;
	size_t nwords;
	struct box box;
};

struct doc_block {
	enum doc_block_type type;
	enum doc_furniture furniture;
	int level;          /* heading level 1..6; list nesting 1..; else 0 */
	int page;           /* 1-based */
	struct box box;     /* PDF/OCR; zero for ODT and text */
	int has_box;
	const char *path;   /* ODT/text provenance: "body/3", "table/1/r2/c0"... */
	const char *text;   /* normalised, lines joined */
	const char *marker; /* list bullet or number as printed; NULL if none */
	struct doc_line *lines;
	size_t nlines;
	int table;          /* index into doc->tables for DOC_BLK_TABLE, else -1 */
	int note;           /* footnote number or -1 */
};

struct doc_cell {
	int row, col;
	int rowspan, colspan;
	struct box box;
	int has_box;
	const char *text;
	uint32_t bg;        /* 0xRRGGBB when has_bg */
	int has_bg;
};

struct doc_table {
	int id;             /* 1-based, document order */
	int page_first, page_last;
	struct box box;
	int has_box;
	const char *caption;
	const char *method; /* "odt", "lattice", "stream", "text", "ocr" */
	const char *path;
	int nrows, ncols;
	int header_rows;    /* the first header_rows rows are the header */
	struct doc_cell *cells;
	size_t ncells, cap_cells;
};

struct doc_page {
	int number;         /* 1-based */
	float width, height;
	int rotation;       /* 0, 90, 180, 270 */
	enum doc_source source;
	const char *ocr_reason; /* why OCR ran: "no_text_layer", "always", "image"; NULL if not */
	float ocr_conf;     /* mean word confidence 0..1 when OCR ran */
	float ocr_skew;     /* degrees the scan was turned to level its lines; 0 if not */
};

struct doc_warning {
	const char *code;   /* short stable word: "password", "layout", ... */
	const char *msg;
	int page;           /* 0 if the whole document */
};

struct doc_meta {
	const char *title, *author, *subject, *keywords;
	const char *creator, *producer;
	const char *created, *modified;  /* ISO 8601 */
	const char *format_version;      /* "1.7", "1.2" ... */
	const char *conformance;         /* "PDF/A-1b" ... or NULL */
};

struct doc_source_info {
	const char *path;
	char sha256[65];
	size_t bytes;
	enum doc_format format;
};

/* A period of time: "T1 2021" from 2021-01-01 to 2021-04-30. */
struct doc_period {
	const char *label;   /* NULL: no period */
	const char *start, *end; /* ISO; NULL when the year is unknown */
};

/* Where an item came from: page and box (PDF, OCR), block path (ODT,
 * text), and the table cell when it came from a table. */
struct doc_prov {
	int page;
	struct box box;
	int has_box;
	const char *path;
	int block;           /* index into doc->blocks, -1 if none */
	int table;           /* table id, 0 if none */
	int row, col;
};

/* A typed value: an indicator cell or a quantity in prose. */
struct doc_value {
	const char *label;     /* "Facebook", "Intäkter", "underskrifter" */
	const char *group;     /* the row group: "Ökat antal följare i sociala medier (14)" */
	const char *section;   /* the heading it sits under */
	struct doc_period period;
	const char *measure;   /* "actual", "budget", "previous_year" ... or NULL */
	double value;          /* as printed, in unit */
	int missing;           /* a missing marker: no value */
	const char *unit;      /* "SEK", "TSEK", "MSEK", "GSEK", "SEK/m2", "SEK/month",
				* "percent", "count", NULL */
	double scale;          /* unit to base unit (SEK) */
	int note;              /* the note the row refers to ("Not" column); 0: none */
	const char *qualifier; /* "ca", "över" ... */
	int is_range;
	double hi;
	int has_change;
	double change;
	int has_max;
	double max;
	const char *text;      /* as printed */
	const char *context;   /* the sentence, for values from prose */
	const char *method;    /* "table" or "prose" */
	struct doc_prov prov;
	float confidence;
};

/* A traffic-light rating of a goal on one dimension. */
struct doc_rating {
	const char *goal;      /* "1.1" */
	const char *title;     /* the goal's heading text after its number */
	const char *dimension; /* "genomforande" or "effekt" */
	const char *colour;    /* "green", "yellow", "red" */
	const char *evidence;  /* "cell_background #00b050", "word GRÖN" */
	struct doc_prov prov;
};

/* Meeting protocols. */
struct doc_person {
	const char *name;
	const char *role;          /* "verksamhetsledare", "ordförande" ... or NULL */
	const char *organisation;  /* or NULL */
	const char *status;        /* "present", "absent", "deputy" */
	struct doc_prov prov;
};

struct doc_decision {
	const char *text;          /* the sentence that decides */
	const char *kind;          /* "decision" or "election" */
	struct doc_prov prov;
};

struct doc_assignment {
	const char *who;           /* "En arbetsgrupp", "Jonas" */
	const char *task;          /* what follows "får i uppdrag att" */
	struct doc_prov prov;
};

/* Someone who reserved themselves against a decision, or declared a
 * conflict of interest (jäv), and the sentence that says so. */
struct doc_remark {
	const char *who;
	const char *text;
	struct doc_prov prov;
};

struct doc_agenda_item {
	const char *number;        /* "§ 4", "3", or NULL */
	const char *title;
	const char *text;          /* the item's paragraphs joined */
	struct doc_decision *decisions;
	size_t ndecisions, cap_decisions;
	struct doc_assignment *assignments;
	size_t nassignments, cap_assignments;
	struct doc_remark *reservations;   /* "X reserverade sig mot beslutet" */
	size_t nreservations, cap_reservations;
	struct doc_remark *conflicts;      /* "X anmälde jäv" */
	size_t nconflicts, cap_conflicts;
	int noted;                 /* "Läggs till handlingarna" */
	struct doc_prov prov;
};

struct doc_protocol {
	int present;               /* a protocol was read */
	const char *date, *time, *place;
	const char *opened, *closed; /* "18:05": when the meeting opened and closed; NULL */
	struct doc_person *people;
	size_t npeople, cap_people;
	const char *chair, *secretary;
	const char **adjusters;
	size_t nadjusters, cap_adjusters;
	struct doc_agenda_item *items;
	size_t nitems, cap_items;
	const char *next_meeting;  /* ISO date, or NULL */
	const char *next_meeting_text;
	int excerpt;               /* a protokollsutdrag: an extract of the minutes */
	const char *certified_by;  /* who certified the extract ("Utdragsbestyrkande: X"), or NULL */
};

/* A notice of a meeting (kallelse): when and where, its agenda. */
struct doc_notice {
	int present;               /* a notice was read */
	const char *date, *time, *place;   /* ISO date, "HH:MM" ("kl 10-15" keeps its text), place */
	struct doc_agenda_item *agenda;    /* numbers and titles only */
	size_t nagenda, cap_agenda;
	int postal_vote;           /* members may vote by post (poströstning) */
};

/* Evaluations: survey size, responses, rate, and figure questions. */
struct doc_answer {
	const char *answer;
	double percent;
};

struct doc_figure {
	const char *label;         /* "Figur 1", "Tabell 2" */
	const char *question;
	struct doc_answer *answers;
	size_t nanswers, cap_answers;
	struct doc_prov prov;
};

/* A question's mean score from a table of means, beside the table's
 * other columns of means (another year, another unit, all units). */
struct doc_compare {
	const char *column;        /* its column's heading: "2023", "Alla föreningar" */
	double value;
};

struct doc_mean {
	const char *question;      /* the row's label */
	const char *column;        /* the heading of the first column of means, or NULL */
	double value;
	struct doc_compare *compare;
	size_t ncompare, cap_compare;
	struct doc_prov prov;
};

struct doc_survey {
	int present;
	double population, responses, rate;  /* < 0 when not printed */
	const char *text;          /* the sentence they came from */
	struct doc_prov prov;
	struct doc_figure *figures;
	size_t nfigures, cap_figures;
	const char **scales;
	size_t nscales, cap_scales;
	struct doc_mean *means;
	size_t nmeans, cap_means;
};

/* A word OCR post-correction changed, kept for audit. */
struct doc_correction {
	int page;
	struct box box;
	const char *original, *corrected;
	const char *reason;  /* "dictionary", "compound", "context" */
};

/* An entry of a contents list, list of figures or list of tables. */
struct doc_contents {
	const char *title;
	int page;            /* the page number printed */
	const char *list;    /* "contents", "figures", "tables" */
	int block;
};

/* Document classification and header fields (filled by patterns/). */
struct doc_field {
	const char *name;   /* "till", "fran", "datum", "punkt", "dnr" ... */
	const char *value;
	int block;          /* index of the block it came from */
};

struct doc {
	struct arena *arena;
	struct doc_source_info src;
	struct doc_meta meta;

	struct doc_page *pages;
	size_t npages, cap_pages;
	struct doc_block *blocks;
	size_t nblocks, cap_blocks;
	struct doc_table *tables;
	size_t ntables, cap_tables;
	struct doc_warning *warnings;
	size_t nwarnings, cap_warnings;
	struct doc_field *fields;
	size_t nfields, cap_fields;
	struct doc_value *values;
	size_t nvalues, cap_values;
	struct doc_rating *ratings;
	size_t nratings, cap_ratings;
	const char **type_evidence;
	size_t ntype_evidence, cap_type_evidence;
	struct doc_period period;
	struct doc_protocol protocol;
	struct doc_notice notice;
	struct doc_survey survey;
	struct doc_contents *contents;
	size_t ncontents, cap_contents;
	struct doc_correction *corrections;
	size_t ncorrections, cap_corrections;
	const char *organisation;  /* the publisher or organisation, or NULL */
	int year;                  /* publication year, 0 if unknown */

	const char *type;   /* "board_report" ... "unknown" */
	const char *title;
	const char *date;   /* ISO */
};

struct pat_set;
struct ocr_service;

/* What a reader is asked for. */
struct doc_read_opts {
	const struct pat_set *patterns; /* compiled once by the caller; NULL:
					 * the pipeline compiles its own */
	const char *password;  /* PDF user or owner password; NULL for none */
	int first_page;        /* 1-based, 0 = from the start */
	int last_page;         /* 0 = to the end */
	int no_tables;         /* PDF: do not look for tables in the layout */
	int ocr;               /* 0 auto (pages with no text layer), 1 always, -1 never */
	const char *lang;      /* OCR languages; NULL: "swe+eng" */
	int dpi;               /* OCR rendering resolution; 0: 300 */
	int no_correct;        /* OCR: leave Tesseract's words as they are */
	int ocr_workers;       /* OCR: pages of one document read at a time; 0: 1 */
	int blocks_only;       /* the writer reads blocks and tables alone (text,
			        * markdown, CSV): the pattern passes are skipped */
	struct ocr_service *ocr_service; /* made once by the caller and shared by
					  * documents (engines, word list); NULL:
					  * each document makes its own */
	double image_budget;   /* PDF: pixels of an image past which a page's
				* OCR render reads it a row at a time (Splash),
				* or not at all if its decoder makes it whole;
				* 0: 150 M (fuzz builds: small, so both ways run) */
};

/* A new document living in a fresh arena; doc_free releases it all. */
struct doc *doc_new(void);
void doc_free(struct doc *doc);

/* Append and return a zeroed element, or NULL when memory runs out. */
struct doc_page *doc_add_page(struct doc *doc);
struct doc_block *doc_add_block(struct doc *doc, enum doc_block_type type, int page);
/* The page numbered number (1-based, as printed in blocks: with --pages
 * the first page read need not be 1), or NULL when it was not read. */
const struct doc_page *doc_page_numbered(const struct doc *doc, int number);
struct doc_table *doc_add_table(struct doc *doc, const char *method);
struct doc_cell *doc_table_add_cell(struct doc *doc, struct doc_table *t,
				    int row, int col, const char *text);
int doc_add_field(struct doc *doc, const char *name, const char *value, int block);
struct doc_value *doc_add_value(struct doc *doc);
struct doc_rating *doc_add_rating(struct doc *doc);
int doc_add_type_evidence(struct doc *doc, const char *cue);
void doc_warn(struct doc *doc, int page, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

const char *doc_format_name(enum doc_format f);
const char *doc_source_name(enum doc_source s);
const char *doc_block_type_name(enum doc_block_type t);
/* The mean confidence of a block's words (OCR's, 0..1; a text layer's
 * are 1); 1 for a block without words. */
float doc_block_confidence(const struct doc_block *b);
const char *doc_furniture_name(enum doc_furniture f);

/* The PRONOM format identifier archives file the source under, or NULL
 * when the format and version have none we know. */
const char *doc_pronom(const struct doc *doc);

/* The cell covering each position of t's grid, row by row (nrows x
 * ncols; NULL where none covers it), the first in t's order where two
 * do: one pass over the cells, where a search at every position would
 * be quadratic in a long table. malloc'd; NULL when out of memory or
 * the table is empty. */
const struct doc_cell **doc_table_grid(const struct doc_table *t);

/* The same grid by origin: at each position the first cell whose
 * top-left it is (NULL where none starts), as the writers print a
 * spanning cell's text once. malloc'd; NULL as doc_table_grid. */
const struct doc_cell **doc_table_origins(const struct doc_table *t);

/* Position (r, c) of such a grid g; NULL outside the table or when g is. */
static inline const struct doc_cell *doc_grid_at(const struct doc_table *t, const struct doc_cell **g,
						 int r, int c)
{
	return g && r >= 0 && r < t->nrows && c >= 0 && c < t->ncols ? g[(size_t)r * (size_t)t->ncols + (size_t)c]
									: NULL;
}

/* Whether patterns read a block's text: not a table's (read from its
 * cells), nor handwriting's (kept with its confidence; it feeds no
 * item, decision, attendee or value). */
static inline int doc_block_readable(const struct doc_block *b)
{
	return b->type != DOC_BLK_TABLE && b->type != DOC_BLK_HANDWRITING;
}

/* Union of two boxes; an all-zero box counts as empty. */
static inline struct box box_union(struct box a, struct box b)
{
	/* an all-zero box is no box (inline: the PDF reader calls it for
	 * every character) */
	if (a.x0 == 0 && a.y0 == 0 && a.x1 == 0 && a.y1 == 0)
		return b;
	if (b.x0 == 0 && b.y0 == 0 && b.x1 == 0 && b.y1 == 0)
		return a;
	a.x0 = a.x0 < b.x0 ? a.x0 : b.x0;
	a.y0 = a.y0 < b.y0 ? a.y0 : b.y0;
	a.x1 = a.x1 > b.x1 ? a.x1 : b.x1;
	a.y1 = a.y1 > b.y1 ? a.y1 : b.y1;
	return a;
}

#endif
