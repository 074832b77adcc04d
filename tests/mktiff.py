#!/usr/bin/python3
"""mktiff.py OUT.tif: a three-page TIFF (8-bit grey, 300 dpi) whose second
page's header claims 46000 x 46000 pixels (2 GB decoded) over 1 KB of
data: the pages around it are small and blank."""
import struct, sys
def ifd_entries(w, h, bps, data_off, nbytes):
    # tag, type, count, value
    return [(256, 4, 1, w), (257, 4, 1, h), (258, 3, 1, bps), (259, 3, 1, 1), (262, 3, 1, 1),
            (273, 4, 1, data_off), (277, 3, 1, 1), (278, 4, 1, h), (279, 4, 1, nbytes),
            (282, 5, 1, None), (283, 5, 1, None), (296, 3, 1, 2)]
pages = [(200, 100, 8), (46000, 46000, 8), (200, 100, 8)]
out = bytearray(b"II*\0" + struct.pack("<I", 0))
first_ifd_ptr = 4
prev_ptr = first_ifd_ptr
for w, h, bps in pages:
    small = w * h <= 1 << 20
    data = bytes([255]) * (w * h) if small else bytes([255]) * 1024
    data_off = len(out)
    out += data
    if len(out) % 2: out += b"\0"
    res_off = len(out)
    out += struct.pack("<II", 300, 1)
    ifd_off = len(out)
    struct.pack_into("<I", out, prev_ptr, ifd_off)
    ents = ifd_entries(w, h, bps, data_off, w * h if small else w * h)
    out += struct.pack("<H", len(ents))
    for tag, typ, cnt, val in ents:
        if typ == 5:
            out += struct.pack("<HHII", tag, typ, cnt, res_off)
        elif typ == 3:
            out += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, cnt, val)
    prev_ptr = len(out)
    out += struct.pack("<I", 0)
open(sys.argv[1], "wb").write(out)
