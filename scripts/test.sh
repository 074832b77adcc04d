#!/bin/sh
# Quick start, part two: install what is missing, build, and run every
# test group (unit, golden, bad input, fidelity, robustness, fuzz replay)
# and the same again under AddressSanitizer and UBSan; the threads test
# under ThreadSanitizer.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh --test
make -s -j2 all
make -s tsan
make -s check
make -s asan
