#!/bin/sh
# Hard inputs and hard times (make attack, part of make check): each case
# ends in valid JSON or a clear error for that input, with the right exit
# status, nothing half-written and nothing left behind.
X=${1:?usage: attack.sh EXTRACT [MKJBIG2]}
MKJBIG2=${2:-$(dirname "$X")/tests/mkjbig2}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { echo "FAIL $*"; fail=$((fail+1)); }
# A sanitizer's runtime reserves terabytes of address space: no address
# space limit can hold it, so the memory cases need the plain build.
plain=1; ldd "$X" 2>/dev/null | grep -q 'libasan\|libtsan' && plain=0

# outcome NAME LIMIT_KIB ARGS...: under an address-space limit the run
# gives valid JSON (exit 0) or says "out of memory" on one line for the
# input (exit 1, nothing on stdout); never a crash, never JSON short of
# a part. Limits so low the loader cannot map the program are skipped.
outcome() {
	name=$1; lim=$2; shift 2
	(ulimit -v "$lim"; exec "$X" "$@") > "$tmp/out" 2> "$tmp/err"; rc=$?
	if grep -q "error while loading shared libraries" "$tmp/err"; then return; fi
	case $rc in
	0) if /usr/bin/python3 tests/validate.py "$tmp/out" > /dev/null 2>&1; then ok
	   else no "$name at $lim KiB: exit 0 with schema-invalid JSON"; fi ;;
	1) if [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" = 1 ] && grep -q "out of memory" "$tmp/err"; then ok
	   else no "$name at $lim KiB: exit 1 but not one 'out of memory' line: $(head -c 300 "$tmp/err")"; fi ;;
	*) no "$name at $lim KiB: exit $rc: $(head -c 300 "$tmp/err")" ;;
	esac
}

if [ "$plain" = 1 ]; then
	# The JSON writer short of memory: the 106-page report needs about
	# 47 MB of address space in all; below, each step fails somewhere
	# else (reading, patterns, the JSON tree, its text).
	lim=36000
	while [ $lim -le 60000 ]; do
		outcome "long report" $lim corpus/long_verksamhetsberattelse.pdf
		lim=$((lim + 1500))
	done
fi

# OCR short of memory, through the worker's --max-memory: Tesseract's
# std::bad_alloc, leptonica's failures, GLib's abort on a failed
# g_malloc, a loader that cannot map a library all end as that input's
# out_of_memory error, never a crash of the run and never a page left
# empty. The range runs from where nothing loads to where OCR has room,
# finely where Tesseract runs short (at 182 MiB leptonica had no memory
# for a picture, Tesseract failed as for a bad page, and the page ended
# empty with exit 0: leptonica's allocation errors are now heard).
if [ "$plain" = 1 ]; then
	pdftoppm -r 300 -f 1 -l 1 -png corpus/seed004_protokoll.pdf "$tmp/scan" && mv "$tmp"/scan*.png "$tmp/scan.png"
	for mib in 64 96 128 144 160 168 176 180 184 188 192 196 200 208 216 224 240 256 320 400; do
		"$X" --max-memory $mib "$tmp/scan.png" > "$tmp/out" 2> "$tmp/err"; rc=$?
		case $rc in
		0) if /usr/bin/python3 tests/validate.py "$tmp/out" > /dev/null 2>&1 &&
		      /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d['blocks'] else 1)" "$tmp/out"
		   then ok; else no "scan at $mib MiB: exit 0 without its text"; fi ;;
		1) if [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" = 1 ] && grep -q "out of memory" "$tmp/err"; then ok
		   else no "scan at $mib MiB: exit 1 but not one 'out of memory' line: $(head -c 300 "$tmp/err")"; fi ;;
		*) no "scan at $mib MiB: exit $rc: $(head -c 300 "$tmp/err")" ;;
		esac
	done
fi

# Memory guards. A TIFF whose second page claims 46000 x 46000 pixels:
# every page's header is checked before it is decoded, that page is kept
# empty with a too_large warning, and the page after it is read (it was
# lost with the rest of the file); the blank pages around it are said to
# be (ocr_blank). A 66 x 66 inch page with no text: its
# OCR render would be 1.5 GB at 300 dpi; it is made at the resolution
# that fits 64 Mpx, with a downscaled warning. Both within a 1 GiB worker.
/usr/bin/python3 tests/mktiff.py "$tmp/big.tif"
"$X" --max-memory 1024 "$tmp/big.tif" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d['pages']) == 3, d['pages']
assert [(w['code'], w['page']) for w in d['warnings']] == [('ocr_blank', 1), ('too_large', 2), ('ocr_blank', 3)], d['warnings']
" "$tmp/out"; then ok; else no "TIFF with a vast second page: exit $rc: $(head -c 300 "$tmp/err")"; fi
/usr/bin/python3 tests/mkpage.py "$tmp/huge.pdf" 4752
"$X" --max-memory 1024 "$tmp/huge.pdf" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
w = [x for x in d['warnings'] if x['code'] == 'downscaled']
assert len(w) == 1 and '66 x 66 in' in w[0]['message'] and d['pages'][0]['source'] == 'ocr', d['warnings']
" "$tmp/out"; then ok; else no "66-inch page: exit $rc: $(head -c 300 "$tmp/err")"; fi

# A scan of 870 Mpx (the seed 004 protocol at 200 dpi, each pixel 15 x
# 15) as a 1-bit image in a 380 KB PDF: cairo decodes an image whole at
# any render scale (a 30000 x 30000 one took 3.6 GB and 16 s); the page's
# images are sized first, without decoding, and one over the budget is
# rendered by Splash, which scales it down a row at a time: read, with a
# downscaled warning, within a 1 GiB worker and 20 s (90 s under a
# sanitizer). An image claiming a
# filter that decodes it whole (JPEG here) is not rendered: too_large.
pdftoppm -mono -r 200 -f 1 -l 1 corpus/seed004_protokoll.pdf "$tmp/p4" &&
/usr/bin/python3 tests/mkpage.py "$tmp/bigimage.pdf" 595 25000 "$(ls "$tmp"/p4*.pbm | head -1)"
slow=20; [ "$plain" = 1 ] || slow=90   # ASan's build: 12 s where the plain one takes 4.5
"$X" --max-memory 1024 --timeout $slow "$tmp/bigimage.pdf" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
w = [(x['code'], x['page']) for x in d['warnings']]
assert w == [('downscaled', 1)] and '870 megapixels' in d['warnings'][0]['message'], d['warnings']
assert d['pages'][0]['source'] == 'ocr', d['pages']
assert d['protocol']['secretary'] == 'Elin Asplund', d['protocol']
" "$tmp/out"; then ok; else no "870 Mpx image: exit $rc: $(head -c 300 "$tmp/err")"; fi
# The same page as a bilevel scanner stores it, JBIG2: its decoder
# makes the image whole, at a bit a pixel (109 MB, and as much again for
# its region): rendered by Splash likewise. One of 65535 x 65535 (4.3
# Gpx, 45 s to decode) is past what is read in bounded time: too_large.
"$MKJBIG2" "$(ls "$tmp"/p4*.pbm | head -1)" 15 "$tmp/big.jb2" > /dev/null &&
/usr/bin/python3 tests/mkpage.py "$tmp/bigjbig2.pdf" 595 1 "$tmp/big.jb2"
"$X" --max-memory 1024 --timeout $slow "$tmp/bigjbig2.pdf" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
w = [(x['code'], x['page']) for x in d['warnings']]
assert w == [('downscaled', 1)] and '870 megapixels' in d['warnings'][0]['message'], d['warnings']
assert d['protocol']['secretary'] == 'Elin Asplund', d['protocol']
" "$tmp/out"; then ok; else no "870 Mpx JBIG2 image: exit $rc: $(head -c 300 "$tmp/err")"; fi
# An image of 156 Mpx with a soft mask (Splash reads both a row at a
# time) and one with a stencil mask (held whole at a byte a pixel, 200
# MB): both read, with downscaled, blank.
for m in SMask Mask; do
	/usr/bin/python3 tests/mkpage.py "$tmp/$m.pdf" 595 12500 $m
	"$X" --max-memory 1024 --timeout $slow "$tmp/$m.pdf" > "$tmp/out" 2> "$tmp/err"; rc=$?
	if [ "$rc" = 0 ] && /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
w = [(x['code'], x['page']) for x in d['warnings']]
assert w == [('downscaled', 1), ('ocr_blank', 1)] and '156 megapixels' in d['warnings'][0]['message'], w
" "$tmp/out"; then ok; else no "156 Mpx image with $m: exit $rc: $(head -c 300 "$tmp/err")"; fi
done
/usr/bin/python3 tests/mkpage.py "$tmp/vastjbig2.pdf" 595 65535 JBIG2Decode
"$X" --max-memory 1024 --timeout 20 "$tmp/vastjbig2.pdf" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
w = [x for x in d['warnings'] if x['code'] == 'too_large']
assert len(w) == 1 and '4295 megapixels' in w[0]['message'], d['warnings']
" "$tmp/out"; then ok; else no "65535-pixel JBIG2: exit $rc: $(head -c 300 "$tmp/err")"; fi
/usr/bin/python3 tests/mkpage.py "$tmp/bigjpeg.pdf" 595 30000 DCTDecode
"$X" --max-memory 1024 --timeout 20 "$tmp/bigjpeg.pdf" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
w = [x for x in d['warnings'] if x['code'] == 'too_large']
assert len(w) == 1 and '900 megapixels' in w[0]['message'] and w[0]['page'] == 1, d['warnings']
assert d['pages'][0]['source'] != 'ocr', d['pages']
" "$tmp/out"; then ok; else no "30000-pixel JPEG: exit $rc: $(head -c 300 "$tmp/err")"; fi

echo "attack: $pass passed, $fail failed"
[ "$fail" = 0 ]
