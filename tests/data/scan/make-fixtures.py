#!/usr/bin/env python3
"""Regenerates the scan import fixtures (run from this folder; needs poppler-utils).

Good files: a two-page PDF, a JPEG, a PNG, a single-page and a three-page TIFF.
Bad files: each image truncated in the middle, a PDF cut short, a text file named .jpg, an empty
file. Written by hand (PDF, multi-page TIFF) so that no imaging library is needed."""
import struct
import subprocess
import zlib


def pdf(pages):
    objs = []
    kids = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then per page: page, contents
    for i, text in enumerate(pages):
        page_no = 4 + 2 * i
        kids.append(f"{page_no} 0 R")
    objs.append("<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >>")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, text in enumerate(pages):
        stream = f"BT /F1 36 Tf 72 700 Td ({text}) Tj ET".encode()
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>")
        objs.append(("<< /Length %d >>\nstream\n" % len(stream)) + stream.decode() + "\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for k, body in enumerate(objs):
        offsets.append(len(out))
        out += f"{k + 1} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def tiff(pages):
    """Uncompressed 8-bit grey multi-page TIFF; pages: list of (width, height, bytes)."""
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for index, (w, h, data) in enumerate(pages):
        ifd_at = len(out)
        entries = 9
        data_at = ifd_at + 2 + entries * 12 + 4
        tags = [
            (256, 3, 1, w), (257, 3, 1, h), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
            (273, 4, 1, data_at), (277, 3, 1, 1), (278, 3, 1, h), (279, 4, 1, len(data)),
        ]
        ifd = struct.pack("<H", entries)
        for tag, typ, count, value in tags:
            if typ == 3:
                ifd += struct.pack("<HHIHH", tag, typ, count, value, 0)
            else:
                ifd += struct.pack("<HHII", tag, typ, count, value)
        next_ifd = data_at + len(data) if index + 1 < len(pages) else 0
        ifd += struct.pack("<I", next_ifd)
        out += ifd + data
    return bytes(out)


def stripes(w, h, period):
    return bytes(0 if (y // period) % 2 else 255 for y in range(h) for _ in range(w))


def truncate(src, dst, fraction=0.5):
    data = open(src, "rb").read()
    open(dst, "wb").write(data[: int(len(data) * fraction)])


open("two-pages.pdf", "wb").write(pdf(["Trang mot", "Trang hai"]))
subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-singlefile", "-jpeg",
                "two-pages.pdf", "page"], check=True)
subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-singlefile", "-png",
                "two-pages.pdf", "page"], check=True)
subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-singlefile", "-tiff",
                "-tiffcompression", "lzw", "two-pages.pdf", "page"], check=True)
open("three-pages.tif", "wb").write(tiff([(64, 48, stripes(64, 48, p)) for p in (4, 8, 16)]))

truncate("page.jpg", "truncated.jpg")
truncate("page.png", "truncated.png")
truncate("page.tif", "truncated.tif")
# The third page's data is cut short: the first two pages read, the file as a whole must not.
data = open("three-pages.tif", "rb").read()
open("truncated-three-pages.tif", "wb").write(data[: len(data) - 1500])
truncate("two-pages.pdf", "truncated.pdf", 0.6)
open("not-an-image.jpg", "w").write("Đây là một tệp văn bản, không phải ảnh.\n")
open("empty.png", "wb").write(b"")
