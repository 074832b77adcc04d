#!/usr/bin/python3
"""mkpage.py OUT.pdf SIDE [IMAGE [FILTER | PBM | JB2 | SMask | Mask]]: a one-page PDF of SIDE x
SIDE points with an empty content stream (no text layer: its page goes to
OCR); with IMAGE, the page draws a 1-bit image of IMAGE x IMAGE pixels
over itself (deflated: 30000 x 30000 white pixels take some 110 KB).

FILTER (DCTDecode, JBIG2Decode, JPXDecode) makes the image claim that
filter instead, over bytes that are no image: for guards that must size
an image without decoding it. PBM (a binary P4 file, such as pdftoppm
-mono makes) is drawn instead of white, each of its pixels a square of
pixels, as many as make it IMAGE wide; the page is then SIDE wide and as
high as the PBM's shape has it. A JBIG2 stream (a .jb2 file, as
tests/mkjbig2 makes it) is drawn as it is (IMAGE is then not read), the
page as high as its shape has it. SMask or Mask gives the white image a
soft mask (8 bits, half through) or a stencil mask (1 bit) of its size."""
import sys
import zlib

side = float(sys.argv[2])
image = int(sys.argv[3]) if len(sys.argv) > 3 else 0
extra = sys.argv[4] if len(sys.argv) > 4 else ""
height = side


def pbm(path):
    """(width, height, rows of packed bits) of a P4 file."""
    raw = open(path, "rb").read()
    fields, pos = [], 2
    while len(fields) < 2:
        while raw[pos:pos + 1].isspace():
            pos += 1
        if raw[pos:pos + 1] == b"#":
            pos = raw.index(b"\n", pos)
            continue
        end = pos
        while not raw[end:end + 1].isspace():
            end += 1
        fields.append(int(raw[pos:end]))
        pos = end
    w, h = fields
    pos += 1
    stride = (w + 7) // 8
    return w, h, [raw[pos + y * stride:pos + (y + 1) * stride] for y in range(h)]


def scaled_rows(path, target):
    """The PBM's rows, each pixel k x k (k: as many as make it target wide),
    1 white as PDF's DeviceGray has it (PBM's 1 is black)."""
    w, h, rows = pbm(path)
    k = max(1, target // w)
    width = w * k
    out = []
    for r in rows:
        bits = bin(int.from_bytes(r, "big") | 1 << (len(r) * 8))[3:][:w]
        wide = "".join(("0" if b == "1" else "1") * k for b in bits)
        wide += "0" * (-len(wide) % 8)
        out.append(int(wide, 2).to_bytes(len(wide) // 8, "big"))
    return width, h * k, k, out


def image_object(width, height, filt, data, bits=1, more=b""):
    return (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d %s "
            b"/BitsPerComponent %d /Filter /%s /Length %d >>\nstream\n%s\nendstream"
            % (width, height, more or b"/ColorSpace /DeviceGray", 8 if filt in ("DCTDecode", "JPXDecode") else bits,
               filt.encode(), len(data), data))


def flat_rows(row, n):
    z = zlib.compressobj(6)
    return b"".join(z.compress(row) for _ in range(n)) + z.flush()


if image:
    z = zlib.compressobj(6)
    if extra.endswith("Decode"):
        iw = ih = image
        img = image_object(iw, ih, extra, b"\x00" * 64)
    elif extra.endswith(".jb2"):
        data = open(extra, "rb").read()
        iw, ih = int.from_bytes(data[11:15], "big"), int.from_bytes(data[15:19], "big")
        height = side * ih / iw
        img = image_object(iw, ih, "JBIG2Decode", data)
    elif extra and extra not in ("SMask", "Mask"):
        iw, ih, k, rows = scaled_rows(extra, image)
        height = side * ih / iw
        data = b"".join(z.compress(r) for r in rows for _ in range(k)) + z.flush()
        img = image_object(iw, ih, "FlateDecode", data)
    else:
        iw = ih = image
        data = flat_rows(b"\xff" * ((image + 7) // 8), image)
        mask = {"SMask": b"/ColorSpace /DeviceGray /SMask 6 0 R", "Mask": b"/ColorSpace /DeviceGray /Mask 6 0 R"}
        img = image_object(iw, ih, "FlateDecode", data, more=mask.get(extra, b""))
    draw = b"q %g 0 0 %g 0 0 cm /Im1 Do Q" % (side, height)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R "
             "/Resources << /XObject << /Im1 5 0 R >> >> >>" % (side, height)).encode(),
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw),
            img]
    if extra == "SMask":
        objs.append(image_object(iw, ih, "FlateDecode", flat_rows(b"\x80" * iw, ih), 8))
    elif extra == "Mask":
        objs.append(image_object(iw, ih, "FlateDecode", flat_rows(b"\x00" * ((iw + 7) // 8), ih),
                                 more=b"/ImageMask true"))
else:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R >>" % (side, side)).encode(),
            b"<< /Length 0 >>\nstream\n\nendstream"]
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
