"""PDF parser: text and page spans from a hand-built PDF, and clear refusals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader, PdfWriter

from touyan.ingest.sources import SourceError, parse_bytes
from touyan.ingest.sources.pdf import join_pages, parse_pdf


def make_pdf(pages: list[list[str]], *, title: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string, a correct xref table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        shows = " T* ".join(f"({line}) Tj" for line in lines)
        content = f"BT /F1 12 Tf 14 TL 72 720 Td {shows} ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    info = ""
    if title is not None:
        objects.append(f"<< /Title ({title}) /CreationDate (D:20240328093000+08'00') >>".encode())
        info = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypt(pdf: bytes, user_password: str, owner_password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_one_page_pdf() -> None:
    doc = parse_bytes(make_pdf([["Hello 2014 revenue"]]), name="a.pdf").documents[0]
    assert doc.text == "Hello 2014 revenue"
    assert doc.pages == [(1, 0, len("Hello 2014 revenue"))]
    assert doc.title == "Hello 2014 revenue" and doc.kind == "filing" and doc.origin == "a.pdf"


def test_page_spans_skip_empty_pages_and_cover_each_page_exactly() -> None:
    pdf = make_pdf(
        [["Hello 2014 revenue"], [], ["Page three line one", "Net profit 12.5 billion"]],
        title="Annual Report 2014",
    )
    doc = parse_pdf(pdf, origin="r.pdf", url="https://x.example/r.pdf").documents[0]
    assert doc.text == "Hello 2014 revenue\n\nPage three line one\nNet profit 12.5 billion"
    assert doc.pages == [(1, 0, 18), (3, 20, 63)]
    assert [doc.text[s:e] for _, s, e in doc.pages] == [
        "Hello 2014 revenue",
        "Page three line one\nNet profit 12.5 billion",
    ]
    assert doc.title == "Annual Report 2014" and doc.url == "https://x.example/r.pdf"
    assert doc.published_at == dt.datetime(2024, 3, 28, 1, 30)  # creation date, naive UTC


def test_join_pages() -> None:
    text, spans = join_pages(["  a \n", "", "\n", "bc"])
    assert text == "a\n\nbc" and spans == [(1, 0, 1), (4, 3, 5)]
    assert join_pages([]) == ("", [])


def test_encrypted_pdf_needing_a_password() -> None:
    with pytest.raises(SourceError, match="encrypted PDF: it needs a password"):
        parse_bytes(encrypt(make_pdf([["Secret 2024 numbers"]]), "secret"), name="e.pdf")


def test_encrypted_pdf_with_empty_user_password_opens() -> None:
    data = encrypt(make_pdf([["Open 2024 numbers"]]), "", "owner-only")
    assert parse_bytes(data, name="o.pdf").documents[0].text == "Open 2024 numbers"


@pytest.mark.parametrize(
    "data",
    [
        make_pdf([["Hello 2014 revenue"]])[:150],
        b"%PDF-1.4\nthis is not a pdf body at all",
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
    ],
)
def test_broken_pdf(data: bytes) -> None:
    with pytest.raises(SourceError, match="corrupt or unreadable PDF"):
        parse_bytes(data, name="broken.pdf")


def test_pdf_without_text_is_refused_as_scanned() -> None:
    with pytest.raises(SourceError, match="no extractable text"):
        parse_bytes(make_pdf([[], []]), name="scan.pdf")


def test_empty_pdf_file() -> None:
    with pytest.raises(SourceError, match="empty file"):
        parse_pdf(b"", origin="e.pdf")


def test_pypdf_noise_stays_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    # A wrong xref offset makes pypdf warn and rebuild the table; the text still comes out.
    pdf = make_pdf([["Hello 2014 revenue"]])
    broken_xref = pdf.replace(b"startxref\n", b"startxref\n9")
    doc = parse_bytes(broken_xref, name="odd.pdf").documents[0]
    assert doc.text == "Hello 2014 revenue"
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
