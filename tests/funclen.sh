#!/bin/sh
# No function over 80 lines (from its opening brace to its closing one)
# in the C and C++ of model/, extract/, parsers/, patterns/ and output/:
# a function longer than a screen does more than one thing.
max=${1:-80}
awk -v max="$max" '
	FNR == 1 { sig = ""; start = 0 }
	/^\{/ && sig ~ /\(/ { start = FNR; name = sig }
	/^\}/ && start { n = FNR - start + 1; if (n > max) { printf "%s:%d: %d lines: %s\n", FILENAME, start, n, name; bad++ } ; start = 0 }
	/^[A-Za-z_]/ { sig = $0 }
	END { if (bad) exit 1 }
' model/*.c extract/*.c parsers/*.c parsers/*.cc patterns/*.c output/*.c
