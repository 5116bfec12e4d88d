"""Checks on an uploaded document before anything is kept: its size, and its type sniffed
from its first bytes, which must agree with its name. A script renamed `.pdf` starts with
`#!` or `<script`, not `%PDF-`, and is refused with a message saying so.

The accepted types and their signatures follow the file formats' own specifications: PDF
(ISO 32000, header `%PDF-`), PNG (`\\x89PNG\\r\\n\\x1a\\n`), JPEG (`\\xff\\xd8\\xff`), Office
Open XML (a ZIP whose first entry is `[Content_Types].xml`), and plain UTF-8 CSV or text.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.exceptions import ValidationError

from .options import DOCUMENT_MAX_BYTES


@dataclass(frozen=True)
class DocumentType:
    label: str
    media_type: str
    extensions: tuple[str, ...]


PDF = DocumentType("PDF", "application/pdf", (".pdf",))
PNG = DocumentType("PNG image", "image/png", (".png",))
JPEG = DocumentType("JPEG image", "image/jpeg", (".jpg", ".jpeg"))
DOCX = DocumentType(
    "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = DocumentType(
    "Excel spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
)
CSV = DocumentType("CSV file", "text/csv", (".csv",))
TEXT = DocumentType("text file", "text/plain", (".txt",))
ACCEPTED = (PDF, PNG, JPEG, DOCX, XLSX, CSV, TEXT)
ACCEPTED_WORDS = "PDF, Word (.docx), Excel (.xlsx), CSV, text, PNG or JPEG"


def _office_type(upload: IO[bytes]) -> DocumentType | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(n.startswith("word/") for n in names):
        return DOCX
    if any(n.startswith("xl/") for n in names):
        return XLSX
    return None


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # The sample may end inside a character; drop up to three bytes and try again.
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    lowered = text.lstrip().lower()
    # Markup and scripts are not documents, whatever their name says.
    return not lowered.startswith(("#!", "<", "<?php"))


def sniff(upload: IO[bytes]) -> DocumentType | None:
    """The accepted type the content is, or None."""
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    if head and _looks_like_text(head):
        return TEXT
    return None


def check_upload(name: str, size: int, upload: IO[bytes]) -> DocumentType:
    """The document's type, or a ValidationError saying what is wrong and what will do."""
    if size == 0:
        raise ValidationError("The selected file is empty. Choose a file with something in it.")
    if size > DOCUMENT_MAX_BYTES:
        limit = DOCUMENT_MAX_BYTES // (1024 * 1024)
        raise ValidationError(f"The selected file must be smaller than {limit} MB.")
    extension = PurePath(name).suffix.lower()
    named = next((t for t in ACCEPTED if extension in t.extensions), None)
    if named is None:
        raise ValidationError(f"The selected file must be a {ACCEPTED_WORDS} file.")
    found = sniff(upload)
    if found is TEXT and named in (CSV, TEXT):
        return named
    if found is not named:
        what = f"is a {found.label}" if found else f"is not a {named.label}"
        raise ValidationError(
            f"The selected file is named {extension} but its content {what}. Upload the "
            f"real {named.label}, or rename the file to match what it is."
        )
    return found
