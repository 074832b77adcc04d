#!/bin/sh
# The shape, checked on every .c, .cc and .h: the model (model/) on the
# ground floor includes nothing above it; parsers/ and patterns/ read
# and fill the model and never include each other; output/ writes the
# model and never includes a reader or a pattern; the program (extract/)
# is on top and may include everything; the public header
# (include/extract.h) includes nothing of ours. Each library is included
# by its one file (poppler's core by pdfdraw.cc alone).
fail=0; pass=0
files() { ls "$1"/*.c "$1"/*.cc "$1"/*.h 2>/dev/null; }
check() { # DIR PATTERN WHY
	hits=$(grep -ln "#include.*$2" $(files "$1") 2>/dev/null | tr '\n' ' ')
	if [ -n "$hits" ]; then echo "FAIL layering: $3: $hits"; fail=$((fail+1)); else pass=$((pass+1)); fi
}
for up in extract parsers patterns output; do
	check model "\"\.\./$up/" "the model includes $up/"
done
check parsers '"\.\./patterns/' "a parser includes a pattern"
check parsers '"\.\./output/' "a parser includes a writer"
check parsers '"\.\./extract/' "a parser includes the program"
check patterns '"\.\./parsers/' "a pattern includes a parser"
check patterns '"\.\./output/' "a pattern includes a writer"
check patterns '"\.\./extract/' "a pattern includes the program"
check output '"\.\./parsers/' "a writer includes a parser"
check output '"\.\./patterns/' "a writer includes a pattern"
check output '"\.\./extract/' "a writer includes the program"
check include '"' "the public header includes a project header"
only() { # HEADER FILE...
	h=$1; shift
	hits=$(grep -l "#include <$h" $(files model) $(files extract) $(files parsers) $(files patterns) \
		$(files output) 2>/dev/null | sort | tr '\n' ' ')
	want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	if [ "$hits" != "$want" ]; then echo "FAIL layering: <$h> included by $hits(only $want)"; fail=$((fail+1)); else pass=$((pass+1)); fi
}
only poppler.h parsers/pdf.c
only 'PDFDoc.h\|<OutputDev.h\|<GfxState.h\|<Page.h\|<GlobalParams.h\|<Stream.h\|<poppler/' parsers/pdfdraw.cc
only zip.h parsers/odt.c
only libxml/ parsers/odt.c
only jansson.h output/json.c output/diff.c output/series.c
only sqlite3.h output/db.c
only libpq-fe.h output/db.c
only leptonica/ parsers/scan.c parsers/tables.c
only tesseract/ parsers/ocr.c parsers/tessguard.h
only pcre2.h patterns/internal.h
# The program's own headers are for the program: nothing below reads them.
for d in model parsers patterns output; do
	check "$d" 'pipeline\.h\|options\.h' "$d/ includes the program's headers"
done
echo "layering: $pass passed, $fail failed"
[ "$fail" = 0 ]
