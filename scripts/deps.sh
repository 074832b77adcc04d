#!/bin/sh
# Installs the Debian packages extract needs to build, with --test also
# those its tests start (PostgreSQL, Chromium; pycairo, Liberation and
# DejaVu for OCR test pages), with --corpus those that
# rebuild the corpus, with --vary the producers of the
# variation corpus (make bench-vary). Does nothing when all are there.
set -eu
pkgs="build-essential pkg-config libpoppler-glib-dev libpoppler-private-dev libzip-dev libxml2-dev
libjansson-dev libpcre2-dev libglib2.0-dev libcairo2-dev libleptonica-dev libtesseract-dev libsqlite3-dev libpq-dev
wswedish wamerican tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng tesseract-ocr-osd libcmocka-dev poppler-utils python3
python3-jsonschema"
# The tests also start a throwaway PostgreSQL and open HTML in Chromium.
if [ "${1:-}" = "--test" ]; then
	pkgs="$pkgs postgresql chromium python3-cairo fonts-liberation2 fonts-dejavu-core"
fi
if [ "${1:-}" = "--corpus" ]; then
	pkgs="$pkgs libreoffice-writer-nogui fonts-dejavu-core fonts-liberation2"
fi
if [ "${1:-}" = "--vary" ]; then
	pkgs="$pkgs libreoffice-writer-nogui fonts-dejavu-core fonts-liberation2 texlive-latex-base
texlive-latex-recommended texlive-fonts-recommended lmodern python3-cairo chromium groff"
fi
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
