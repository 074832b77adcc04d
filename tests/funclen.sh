#!/bin/sh
# No function over 80 lines (body, braces included) in the C and C++ of
# model/, parsers/, patterns/, output/ and extract/: a function longer
# than a screen does more than one thing.
max=${1:-80}
awk -v max="$max" '
	FNR == 1 { name = ""; start = 0 }
	/^[A-Za-z].*\(/ && !/;[ \t]*$/ { name = $0 }
	/^\{/ { start = FNR }
	/^\}/ && start { n = FNR - start + 1; if (n > max) { printf "%s:%d: %d lines: %s\n", FILENAME, start, n, name; bad++ } ; start = 0 }
	END { exit bad > 0 }
' model/*.c extract/*.c parsers/*.c parsers/*.cc patterns/*.c output/*.c
