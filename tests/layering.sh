#!/bin/sh
# The spine's rule: parsers/ and patterns/ never include output/, output/
# never includes parsers/ or patterns/; each library lives in one file.
fail=0; pass=0
check() { # DIR PATTERN WHY
	hits=$(grep -ln "#include.*$2" $1/*.c $1/*.h 2>/dev/null)
	if [ -n "$hits" ]; then echo "FAIL layering: $3: $hits"; fail=$((fail+1)); else pass=$((pass+1)); fi
}
check parsers '\.\./output/' "a parser includes a writer"
check patterns '\.\./output/' "a pattern includes a writer"
check output '\.\./parsers/' "a writer includes a parser"
check output '\.\./patterns/' "a writer includes a pattern"
only() { # HEADER FILE...
	h=$1; shift
	hits=$(grep -l "#include <$h" extract/*.c parsers/*.c patterns/*.c output/*.c 2>/dev/null | sort | tr '\n' ' ')
	want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	if [ "$hits" != "$want" ]; then echo "FAIL layering: <$h> included by $hits(only $want)"; fail=$((fail+1)); else pass=$((pass+1)); fi
}
only poppler.h parsers/pdf.c
only zip.h parsers/odt.c
only libxml/ parsers/odt.c
only jansson.h output/json.c
only leptonica/ parsers/ocr.c parsers/tables.c
only tesseract/ parsers/ocr.c
echo "layering: $pass passed, $fail failed"
[ "$fail" = 0 ]
