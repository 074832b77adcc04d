#!/bin/sh
# make install into a scratch prefix, then the README's library example
# compiled against the installed tree with pkg-config (shared and
# static: the archive with its dependencies' shared libraries) gives the same bytes as the installed command line.
set -u
B=${1:-build}
P=$(mktemp -d)
pass=0; fail=0
ok() { if [ "$1" = 0 ]; then pass=$((pass+1)); else echo "FAIL install: $2"; fail=$((fail+1)); fi; }
make -s BUILD="$B" install PREFIX="$P" >/dev/null; ok $? "make install PREFIX=$P"
for f in bin/extract lib/libextract.so.1 lib/libextract.so lib/libextract.a lib/pkgconfig/extract.pc \
	 include/extract.h share/extract/schema.json share/man/man1/extract.1 share/man/man3/extract.3; do
	[ -e "$P/$f" ]; ok $? "$f installed"
done
ls "$P"/share/extract/patterns/*.pat >/dev/null 2>&1; ok $? "pattern packs installed"
# The example between the README's markers.
sed -n '/<!-- library example -->/,/<!-- end -->/p' README.md | sed '1,2d;$d' | sed '$d' > "$P/example.c"
grep -q extract_ctx_new "$P/example.c"; ok $? "README example found"
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
cc -Wall -Werror -o "$P/example" "$P/example.c" $(pkg-config --cflags --libs extract) 2>&1
ok $? "example compiles against the installed tree (shared)"
cc -Wall -Werror -o "$P/example-static" "$P/example.c" $(pkg-config --cflags extract) \
	"$P/lib/libextract.a" $(pkg-config --libs $(pkg-config --print-requires-private extract)) \
	-lstdc++ -ldl -lm 2>&1
ok $? "example links the static library"
for doc in corpus/seed000_tertialrapport.pdf corpus/seed004_protokoll.odt; do
	"$P/bin/extract" --ocr never "$doc" > "$P/cli.json" 2>/dev/null
	LD_LIBRARY_PATH="$P/lib" "$P/example" "$doc" > "$P/lib.json"; ok $? "example runs on $doc"
	cmp -s "$P/cli.json" "$P/lib.json"; ok $? "library JSON = command line JSON ($doc)"
	"$P/example-static" "$doc" | cmp -s "$P/cli.json" -; ok $? "static library JSON ($doc)"
done
LD_LIBRARY_PATH="$P/lib" "$P/example" tests/no/such.pdf 2> "$P/err"; [ $? = 1 ]; ok $? "example fails on a missing file"
grep -qx "example: tests/no/such.pdf: No such file or directory" "$P/err"; ok $? "one-line error naming the file"
nm -D --defined-only "$P/lib/libextract.so.1" | awk '$2 == "T" { print $3 }' | grep -v '^extract_' > "$P/leak"
[ ! -s "$P/leak" ]; ok $? "the shared library exports extract_* alone"
objdump -p "$P/lib/libextract.so.1" | grep -q 'SONAME *libextract.so.1'; ok $? "soname libextract.so.1"
rm -rf "$P"
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
