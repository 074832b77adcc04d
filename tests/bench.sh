#!/bin/sh
exec /usr/bin/python3 tests/bench.py "$@"
