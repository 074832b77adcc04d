#!/usr/bin/python3
"""mkpage.py OUT.pdf SIDE [IMAGE]: a one-page PDF of SIDE x SIDE points
with an empty content stream (no text layer: its page goes to OCR); with
IMAGE, the page draws a white 1-bit image of IMAGE x IMAGE pixels over
itself (deflated: 30000 x 30000 pixels take some 110 KB)."""
import sys
import zlib
side = float(sys.argv[2])
image = int(sys.argv[3]) if len(sys.argv) > 3 else 0
if image:
    row = b"\xff" * ((image + 7) // 8)
    z = zlib.compressobj(9)
    data = b"".join(z.compress(row) for _ in range(image)) + z.flush()
    draw = b"q %g 0 0 %g 0 0 cm /Im1 Do Q" % (side, side)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R "
             "/Resources << /XObject << /Im1 5 0 R >> >> >>" % (side, side)).encode(),
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw),
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (image, image, len(data), data)]
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
