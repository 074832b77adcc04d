/* set.c: the built-in patterns, compiled once per run. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Pieces shared by several patterns. */
#define SP "[ \\x{A0}\\x{2009}\\x{202F}]"
#define NUM "(?<sign>[-+\\x{2212}]|[\\x{2013}\\x{2014}](?=\\d))?" SP "?" \
	"(?<int>\\d{1,3}(?:" SP "\\d{3})+(?!\\d)|\\d+)(?:,(?<frac>\\d+))?"
/* A cell's number may also be written with a decimal point, as money
 * is in an English-style or a spreadsheet's table: two decimals after at
 * least three digits or a lone 0 ("45389.01", "950.00", "0.00",
 * "1,234.50" with comma thousands); never "1.1" (a goal or section
 * number) or "13.00" (a time). */
#define NUMC "(?<sign>[-+\\x{2212}]|[\\x{2013}\\x{2014}](?=\\d))?" SP "?" \
	"(?:(?<intc>\\d{1,3}(?:,\\d{3})+)(?=\\.\\d{2}(?!\\d))|(?<int>\\d{1,3}(?:" SP "\\d{3})+(?!\\d)|\\d+))" \
	"(?:,(?<frac>\\d+)|(?:(?<=\\d\\d\\d)|(?<=^0)|(?<=[\\s+\\x{2212}-]0))\\.(?<fracp>\\d{2})(?!\\d))?"
#define QUAL "(?<q>ca\\.?|cirka|över|under|drygt|nästan|knappt|minst|högst|omkring|runt)"
#define UNITS "(?<unit>miljarder" SP "+kronor|mdkr|mdr" SP "*kr|miljoner" SP "+kronor|milj\\.?" SP "*kr" \
	"|mkr|mnkr|msek|tusental" SP "+kronor|tusen" SP "+kronor|tkr|ksek|tsek|kronor|kr\\b\\.?|sek\\b" \
	"|procent\\b|%|st\\b\\.?)"
#define NOUNS "(?<noun>\\p{L}*(?:underskrifter|fall|följare|medlemmar|skolor|personer|enkäter|besökare" \
	"|deltagare|svar|respondenter|ärenden|ansökningar|aktivister|grupper|kommuner|förbund" \
	"|anställda|möten|utbildningar|aktioner|sidvisningar|givare|lärare|elever|organisationer" \
	"|länder|fonder|projekt|seminarier|underskrifter|träffar|samtal|kontakter)\\b)"
/* A rate: kronor per square metre or a month ("498 kr/kvm", "kr/m²",
 * "kr per månad"); before UNITS, whose "kr" it starts with. */
#define RATE "(?<rate>kr" SP "*/" SP "*(?:kvm|m²|m2)|kr" SP "+per" SP "+(?:kvm|m²|m2)" \
	"|kr" SP "*/" SP "*mån(?:ad)?|kr" SP "+per" SP "+månad)(?![\\p{L}\\p{N}])"
#define CHANGE "(?:" SP "*\\((?<chg>[-+\\x{2212}]" SP "?\\d[\\d \\x{A0}\\x{2009}\\x{202F}]*(?:,\\d+)?)\\))"
#define MONTHS "(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november" \
	"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)"

/* A task taken on: "åtog sig", "fick i uppdrag" (att ...). */
#define TASK_TAKEN "(?:åtog\\s+sig|åtogs|åtar\\s+sig|fick\\s+i\\s+uppdrag(?:et)?|får\\s+i\\s+uppdrag(?:et)?)"

/* The meeting, or its chair, as the subject of a sentence that opens or
 * closes it; and a time of day after the verb, within the sentence
 * ("kl." does not end it). */
#define MEETING_SUBJECT \
	"\\b(?:mötets?|sammanträdets?|stämman|årsmötet|föreningsstämman|ordförande(?:n)?|mötesordförande(?:n)?)\\b"
#define MEETING_AT "(?:kl\\.|[^.\\n]|\\.(?!\\s)){0,40}?(?<![\\d.:])(?<t>[012]?\\d[.:][0-5]\\d)(?![\\d.:]\\d)"

static const struct { size_t off; const char *re; } res[] = {
	{ offsetof(struct pat_set, field),
	  "(?J)^\\s*(?<label>till|från|fran|datum|punkt|ärende|arende|dnr|diarienummer|diarienr|bilaga"
	  "|plats|tid)\\b\\s*[:.]?\\s*(?<value>\\S.{0,200}?)\\s*$"
	  /* a notice's "Lokal:", "När:", "Var:" (words of prose without the colon) */
	  "|^\\s*(?<label>lokal|när|var)\\s*:\\s*(?<value>\\S.{0,200}?)\\s*$" },
	{ offsetof(struct pat_set, date),
	  "^\\s*(?:den\\s+)?(?:(?<y>\\d{4})[-\\x{2013}](?<m>\\d{2})[-\\x{2013}](?<d>\\d{2})\\b"
	  "|(?<d2>\\d{1,2})\\s+(?<mon>januari|februari|mars|april|maj|juni|juli|augusti"
	  "|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\.?"
	  "\\s+(?<y2>\\d{4})\\b)" },
	{ offsetof(struct pat_set, cell),
	  "^\\s*(?:(?<missing>-|\\x{2013}|\\x{2014}|n\\.?\\s?a\\.?|x|\\.\\.)"
	  "|(?:" QUAL "\\s+)?" NUMC "(?:" SP "?[-\\x{2013}]" SP "?(?<hi>\\d+(?:,\\d+)?))?"
	  "(?:" SP "*(?:" RATE "|" UNITS "|" NOUNS "))?" CHANGE "?"
	  "(?:\\s+av\\s+max\\s+(?<max>\\d+(?:,\\d+)?))?)\\s*$" },
	{ offsetof(struct pat_set, prose),
	  "(?<![\\p{L}\\p{N}.,:/\\x{2013}-])(?:" QUAL "\\s+)?" NUM
	  "(?:" SP "?[-\\x{2013}]" SP "?(?<hi>\\d+(?:,\\d+)?))?"
	  SP "*(?:" UNITS "|" NOUNS ")" CHANGE "?"
	  "(?:\\s+av\\s+max\\s+(?<max>\\d+(?:,\\d+)?))?" },
	{ offsetof(struct pat_set, hunit),
	  "(?:\\(\\s*" UNITS "\\s*\\)|\\bbelopp\\s+i\\s+" UNITS "|^\\s*" UNITS "\\s*$)" },
	{ offsetof(struct pat_set, period),
	  "(?<![\\p{L}\\p{N}])(?:"
	  "(?:(?<t>t|tertial\\s*)(?<ti>[1-3])|(?<qq>q|kvartal\\s*)(?<qi>[1-4])"
	  "|(?<h>helår(?:et)?|verksamhetsår(?:et)?)"
	  "|(?<m1>" MONTHS ")\\.?\\s*[-\\x{2013}]\\s*(?<m2>" MONTHS ")\\.?|(?<m>" MONTHS ")\\.?)"
	  "(?![\\p{L}\\p{N}])(?:\\s*[-\\x{2013}]?\\s*(?<y>(?:19|20)\\d{2})(?!\\d))?"
	  "|(?<s1>(?:19|20)\\d{2})/(?<s2>(?:19|20)?\\d{2})(?![\\p{N}/])"
	  "|(?<yo>(?:19|20)\\d{2})(?![\\p{N}/-])(?!\\s*[-\\x{2013}]\\s*\\d))" },
	{ offsetof(struct pat_set, measure),
	  /* å also as OCR leaves it ("Fg ar", "Maltal") */
	  "(?<![\\p{L}])(?:(?<p>fg\\.?\\s*[åa]r|f[öo]reg[åa]ende\\s+[åa]r|fjol[åa]ret)|(?<a>utfall|utf)"
	  "|(?<b>budget(?:förslag)?|bud)|(?<f>prognos)|(?<t>m[åa]ltal|m[åa]lv[äa]rde)|(?<d>avvikelse|avv))(?![\\p{L}])" },
	{ offsetof(struct pat_set, nonqty),
	  /* a date, a time, a code, an ordinal or a phone number */
	  "\\d{4}[-\\x{2013}]\\d{2}[-\\x{2013}]\\d{2}|\\d{1,2}(?:[-\\x{2013}]\\d{1,2})?\\s+" MONTHS "\\b"
	  "|\\bkl\\.?\\s*\\d{1,2}(?:[.:]\\d{2})?(?:\\s*[-\\x{2013}]\\s*\\d{1,2}(?:[.:]\\d{2})?)?"
	  "|\\b\\d{1,2}[.:]\\d{2}\\b|\\bcc\\s*\\d[\\d,\\s-]*|\\b\\d+:e\\b|\\b0\\d{1,3}[-/ ]?\\d{2,3}[ ]?\\d{2}[ ]?\\d{2}\\b" },
	{ offsetof(struct pat_set, counted),
	  "(?<![\\p{L}])(?:antal(?![\\p{L}])|" NOUNS ")" },
	{ offsetof(struct pat_set, elected),
	  "(?<n1>\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})\\s+(?:väljs|valdes|utses|utsågs|valdes)\\s+till\\s+"
	  "(?<r1>mötesordförande|mötessekreterare|ordförande|sekreterare|justerare|justeringspersoner|justeringsperson)"
	  "(?:\\s*(?:,|och)\\s*(?<n2>\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})\\s+till\\s+"
	  "(?<r2>mötesordförande|mötessekreterare|ordförande|sekreterare|justerare|justeringsperson))?" },
	{ offsetof(struct pat_set, chosen),
	  /* the role first: "Mötesordförande Mötet nominerar och väljer X", "Till
	   * justerare valdes X"; only roles of the meeting itself (a
	   * "ordförande" alone may be the association's) */
	  "(?<![\\p{L}])(?<r>mötesordförande|mötessekreterare|justeringspersoner|justeringsperson|justerare"
	  "|protokollförare|rösträknare)(?![\\p{L}])[^.]{0,80}?(?<![\\p{L}])"
	  "(?:väljer|valde|valdes|väljs|utses|utsågs|utser)\\s+(?:till\\s+\\p{Ll}+\\s+)?"
	  "(?<n>\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2}"
	  "(?:\\s*(?:,|och)\\s*\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})?)"
	  "|^\\s*till\\s+(?<r2>mötesordförande|ordförande|mötessekreterare|sekreterare|justerare|justeringsperson)"
	  "\\s+(?:valdes|väljs|utsågs)\\s+(?<n2>\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2}"
	  "(?:\\s*(?:,|och)\\s*\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})?)" },
	{ offsetof(struct pat_set, role_field),
	  /* "Ordförande: X", "Justerare: X och Y", "Mötesordförande Anna Berg",
	   * a municipal board's "Utses att justera: X" */
	  "^\\s*(?<r>mötesordförande|ordförande|mötessekreterare|sekreterare|protokollförare|justerare"
	  "|justeringspersoner|justeringsperson|utses\\s+att\\s+justera)\\s*(?::\\s*|\\s+(?=\\p{Lu}))"
	  "(?<n>\\p{Lu}[^:]{0,120})$" },
	{ offsetof(struct pat_set, decision),
	  "(?:^\\s*beslut\\s*:|\\bbeslutar\\s+att\\b|\\bbeslutade\\s+att\\b|\\bbeslutades\\s+att\\b"
	  "|\\bbeslöt\\s+att\\b|\\bbeslöts\\b|\\bdet\\s+beslutades\\b|\\bstyrelsen\\s+beslutar\\b"
	  "|\\bmötet\\s+beslutar\\b"
	  "|\\b(?:mötet|stämman|styrelsen|årsmötet|föreningsstämman)\\s+(?:nominerar\\s+och\\s+)?"
	  "(?:godkänner|godkände|röstar|röstade|väljer|valde|fastställer|fastställde|antar|antog|beviljar"
	  "|beviljade|tillstyrker|avslår|avslog|bifaller|biföll|utser|utsåg)\\b"
	  "|\\b(?:fastställs|fastställdes|godkänns|godkändes|antas|antogs|beviljas|beviljades|bifalls|avslås"
	  "|avslogs)\\b|\\b(?:valdes|väljs|utsågs)\\s+(?:till|att)\\b)" },
	{ offsetof(struct pat_set, assigned),
	  /* "X får i uppdrag att T", "Mötet uppdrar åt X att T" (the names
	   * twice: whichever form matched) */
	  "(?J)(?<who>(?:\\p{L}+\\s+){0,3}?\\p{L}+)\\s+(?:får|fick|ges|gavs)\\s+(?:i\\s+)?uppdrag(?:et)?\\s+att\\s+"
	  "(?<task>[^.]+)"
	  "|\\b(?:uppdrar|uppdrog|uppdras|uppdrogs)\\s+åt\\s+(?<who>\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){0,2}|\\p{Ll}+)"
	  "\\s+att\\s+(?<task>[^.]+)"
	  /* "X utsågs till Y och åtog sig att T", "X åtar sig att T" */
	  "|(?<who>\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+){0,2})\\s+(?:(?:valdes|utsågs|väljs|utses)\\s+till\\s+[^.]*?"
	  "\\s+och\\s+)?" TASK_TAKEN "\\s+att\\s+(?<task>[^.]+)" },
	{ offsetof(struct pat_set, and_task),
	  /* where an election's sentence goes on with a task: " och åtog sig att " */
	  "\\s+och\\s+" TASK_TAKEN "\\s+att\\s+" },
	{ offsetof(struct pat_set, response),
	  /* a response rate: "svarsfrekvensen blev 43 %", "Svarsfrekvens: 36,4 %",
	   * "14 av 39 svarade (36 %)", "besvarade enkäten (70 %)" */
	  "(?J)svarsfrekvens(?:en)?\\s*(?::|på|om|blev|är|var|uppgick\\s+till)?\\s*(?<rate>\\d+(?:,\\d+)?)\\s*(?:%|procent)"
	  "|(?:svarade|besvarade\\s+enkäten)\\s*\\(\\s*(?<rate>\\d+(?:,\\d+)?)\\s*(?:%|procent)\\s*\\)" },
	{ offsetof(struct pat_set, answer),
	  /* an answer and its share in a list of them in a figure's text:
	   * "Mycket nöjd 45 %, ganska nöjd 30 % och vet ej 25 %." (a share
	   * inside a sentence, "deltog 40 % i ...", is none) */
	  "(?:(?:^|(?<=[,;:]))\\s*(?:och\\s+)?|(?<=%)\\s+och\\s+)(?<a>\\p{L}[\\p{L}\\-]*(?:\\s+\\p{L}[\\p{L}\\-]*){0,3}?)\\s+"
	  "(?<p>\\d{1,3}(?:,\\d+)?)\\s*(?:%|procent)(?=\\s*(?:[,;.]|och\\b|$))" },
	{ offsetof(struct pat_set, respcount),
	  /* who was asked and who answered, beside a response rate or as
	   * "Antal tillfrågade: 120", "Antal svar: 84" */
	  "(?J)\\bav\\s+(?:de\\s+|totalt\\s+)?(?<pop>\\d+)\\s+(?:som|personer|tillfrågade|respondenter|medlemmar"
	  "|möjliga)\\b"
	  "|\\b(?:skickades|gick\\s+ut|delades\\s+ut|sändes\\s+ut)\\s+till\\s+(?:(?!svar)\\p{L}+\\s+){0,2}?(?<pop>\\d+)\\b"
	  "|(?<resp>\\d+)\\s+(?:\\p{L}+\\s+){0,2}av\\s+(?:de\\s+|totalt\\s+)?(?<pop>\\d+)(?!\\s*%)(?![\\d,])"
	  "|(?<resp>\\d+)\\s+(?:personer\\s+|medlemmar\\s+|respondenter\\s+|st\\s+)?(?:har\\s+)?(?:att\\s+)?"
	  "(?:svara|svarade|besvarade|svarat|besvarat)\\b"
	  "|\\bsvarade\\s+(?<resp>\\d+)\\b|\\binkom\\s+(?<resp>\\d+)\\s+svar"
	  "|\\bantal\\s+(?:svar|svarande|respondenter)\\s*:\\s*(?<resp>\\d+)"
	  "|\\bantal\\s+(?:tillfrågade|utskick|mottagare)\\s*:\\s*(?<pop>\\d+)" },
	{ offsetof(struct pat_set, dperiod),
	  "(?<![\\p{N}])(?<a>(?:19|20)\\d{2}-[01]\\d-[0-3]\\d)(?![\\p{N}])"
	  "(?:\\s*[-\\x{2010}-\\x{2015}\\x{2212}]\\s*(?<b>(?:19|20)\\d{2}-[01]\\d-[0-3]\\d)(?![\\p{N}]))?" },
	{ offsetof(struct pat_set, lunit),
	  "(?:^|[\\s,(])(?<rate>kr" SP "*/" SP "*(?:kvm|m²|m2)|kr" SP "+per" SP "+(?:kvm|m²|m2)"
	  "|kr" SP "*/" SP "*mån(?:ad)?|kr" SP "+per" SP "+månad)\\)?\\s*$"
	  "|(?:^|[\\s,(])" UNITS "\\)?\\s*$" },
	{ offsetof(struct pat_set, perarea),
	  "(?:/" SP "*|\\bper" SP "+)(?:kvm|m²|m2)(?![\\p{L}\\p{N}])" },
	{ offsetof(struct pat_set, dunit),
	  "\\bbelopp\\s+(?:redovisas|anges|är|uttrycks)\\s+i\\s+(?:svenska\\s+)?" UNITS
	  "|\\bupprättad\\s+i\\s+(?:svenska\\s+)?" UNITS },
	{ offsetof(struct pat_set, reserved),
	  /* (never "Ingen", "Ingen ledamot": no one) */
	  "(?<who>(?!(?:Ingen|Inga|Ingen\\s+\\p{Ll}+)\\b)\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})\\s+(?:reserverade|reserverar)\\s+sig"
	  "|\\breservation\\s*(?::|från|av)\\s*(?<who>\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})" },
	{ offsetof(struct pat_set, conflict),
	  "(?<who>(?!(?:Ingen|Inga)\\b)\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})\\s+(?:anmälde|anmäler|förklarade|uppgav)\\s+(?:sig\\s+)?(?:jäv|jävig)"
	  "|\\bjäv\\s*(?::|för|anmäldes\\s+av)\\s*(?<who>\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){0,2})" },
	{ offsetof(struct pat_set, time),
	  /* after "kl", "kl." or "klockan", also whole hours; alone only
	   * with a colon ("18:30"), never inside a date or a ratio */
	  "(?J)\\b(?:kl\\.?|klockan)\\s*(?<t>\\d{1,2}(?:[.:]\\d{2})?(?:\\s*[-\\x{2013}]\\s*\\d{1,2}(?:[.:]\\d{2})?)?)"
	  "|(?<![\\d.:,-])(?<t>[012]?\\d:[0-5]\\d(?:\\s*[-\\x{2013}]\\s*[012]?\\d[.:][0-5]\\d)?)(?![\\d]|[.:]\\d)" },
	{ offsetof(struct pat_set, venue),
	  /* where a meeting is held, in a sentence: "Stämman hålls den 12
	   * maj kl. 19.00 i Folkets hus, Storgatan 5." (a name: capitalised) */
	  "\\b(?:hålls|äger\\s+rum|genomförs|avhålls)\\b.{0,80}?\\s(?:i|på)\\s+(?<place>\\p{Lu}[^!\\n]*?)"
	  "(?=\\.(?:\\s|$)|!|$|\\s+(?:med\\s+start|och\\s+börjar|kl\\.?|klockan|den)\\b)" },
	/* The meeting opened and closed at a time of day ("18.05", "12:16"):
	 * the meeting (or its chair) and the verb in one sentence, or the
	 * item "Mötets öppnande"/"Mötets avslutande" with a time; never a
	 * door that opens, nor a time without the verb. */
	{ offsetof(struct pat_set, opened),
	  "(?:" MEETING_SUBJECT "[^.\\n]{0,60}?\\böppna(?:de|des|s|t|r)\\b|\\bmötets\\s+öppnande\\b)" MEETING_AT },
	{ offsetof(struct pat_set, closed),
	  "(?:" MEETING_SUBJECT "[^.\\n]{0,60}?\\b(?:avsluta(?:de|des|s|t|r)|avslöt)\\b|\\bmötets\\s+avslutande\\b)"
	  MEETING_AT },
	{ offsetof(struct pat_set, span),
	  /* "18.00–20.30" at the start, or after "kl" also in whole hours
	   * ("2 december 2019 kl 10-15") */
	  "(?:\\bkl\\.?\\s*(?<a>[012]?\\d(?:[.:][0-5]\\d)?)|^(?<a>[012]?\\d[.:][0-5]\\d))\\s*(?:[-\\x{2013}]|till)\\s*"
	  "(?<b>[012]?\\d(?:[.:][0-5]\\d)?)(?![\\d.:]\\d)" },
};

pcre2_code *pat_compile(const char *re, struct ex_error *err)
{
	int ec;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
				      PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES, &ec, &off, NULL);

	if (!c) {
		PCRE2_UCHAR msg[120];

		pcre2_get_error_message(ec, msg, sizeof(msg));
		EX_FAIL(err, EX_EFORMAT, "pattern at offset %zu: %s", (size_t)off, (char *)msg);
		return NULL;
	}
	pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
	return c;
}

struct pat_set *pat_set_new(struct ex_error *err)
{
	struct pat_set *ps = calloc(1, sizeof(*ps));

	if (!ps) {
		EX_FAIL(err, EX_ENOMEM, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < sizeof(res) / sizeof(res[0]); i++) {
		pcre2_code **slot = (pcre2_code **)((char *)ps + res[i].off);

		*slot = pat_compile(res[i].re, err);
		if (!*slot) {
			pat_set_free(ps);
			return NULL;
		}
	}
	return ps;
}

void pat_set_free(struct pat_set *ps)
{
	if (!ps)
		return;
	pat_user_free_all(ps);
	for (size_t i = 0; i < sizeof(res) / sizeof(res[0]); i++)
		pcre2_code_free(*(pcre2_code **)((char *)ps + res[i].off));
	free(ps);
}

const char *pat_group_dup(struct arena *a, pcre2_match_data *md, const char *name)
{
	char b[512];

	return pat_group(md, name, b, sizeof(b)) ? arena_strdup(a, b) : NULL;
}

size_t pat_group(pcre2_match_data *md, const char *name, char *buf, size_t n)
{
	PCRE2_SIZE len = n;

	buf[0] = '\0';
	if (pcre2_substring_copy_byname(md, (PCRE2_SPTR)name, (PCRE2_UCHAR *)buf, &len) < 0) {
		buf[0] = '\0';
		return 0;
	}
	return len;
}

long pat_group_start(const pcre2_code *c, pcre2_match_data *md, const char *name)
{
	int n = pcre2_substring_number_from_name(c, (PCRE2_SPTR)name);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

	if (n < 0 || ov[2 * n] == PCRE2_UNSET)
		return -1;
	return (long)ov[2 * n];
}
