#!/usr/bin/python3
"""mklayer: a scanned page carrying an earlier, poor OCR layer, as old
archive PDFs do: one A4 page holding a JPEG and, over it, invisible text
(render mode 3) with the words given.
    mklayer.py IN.jpg OUT.pdf "TEXT OF THE LAYER"
    mklayer.py - OUT.pdf "TEXT"      no picture: the text drawn, visible
The text is written in lines of about 60 characters down the page."""
import struct
import sys


def jpeg_size(data):
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            raise ValueError("not a JPEG")
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h, data[i + 9]
        i += 2 + length
    raise ValueError("no frame header")


def esc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def main():
    jpg, out, text = sys.argv[1], sys.argv[2], sys.argv[3]
    data = open(jpg, "rb").read() if jpg != "-" else b""
    w, h, comps = jpeg_size(data) if data else (1, 1, 1)
    lines, cur = [], ""
    for word in text.split():
        if len(cur) + len(word) > 60:
            lines.append(cur)
            cur = ""
        cur = (cur + " " + word).strip()
    if cur:
        lines.append(cur)
    ops = ["q 595.28 0 0 841.89 0 0 cm /Im0 Do Q", "BT 3 Tr /F1 10 Tf 12 TL 60 780 Td"] if data else \
        ["BT 0 Tr /F1 10 Tf 12 TL 60 780 Td"]
    ops += ["(%s) Tj T*" % esc(l) for l in lines]
    ops.append("ET")
    content = "\n".join(ops).encode("cp1252", "replace")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
        b"/Resources << " + (b"/XObject << /Im0 5 0 R >> " if data else b"") + b"/Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8 "
        b"/Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, b"DeviceGray" if comps == 1 else b"DeviceRGB",
                                                        len(data)) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        pdf += b"%010d 00000 n \n" % off
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(out, "wb").write(pdf)


if __name__ == "__main__":
    main()
