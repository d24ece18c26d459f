"""What an add request carries, checked: uploads limited in number, size and type (by extension and
by content), and pasted text with its metadata turned into the .txt file it stands for.

``read_request`` gives the documents to add, through the readers of ``storyline.io.read``, so an
upload is read exactly as the same file given to ``storyline add``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath, PureWindowsPath

from storyline.config import WebConfig
from storyline.io.encoding import binary_reason
from storyline.io.read import FORMATS, read_bytes
from storyline.records import Document, Skipped
from storyline.web.errors import WebError, WebErrors

# The first bytes of files that people upload by mistake, and what they are.
_MAGIC: dict[bytes, str] = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (a Word or OpenDocument file is one)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
}
_SNIFF = 65536
_HTML_TAG = re.compile(rb"<\s*(?:!doctype|html|head|body|article|main|div|p|h1|meta|title)\b", re.I)
_HTML_START = re.compile(rb"\s*<\s*(?:!doctype\s+html|html)\b", re.I)


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser gave (directories dropped) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Pasted:
    """Pasted report text and the metadata typed with it (empty strings for fields left blank)."""

    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""


def upload_name(filename: str | None) -> str:
    """The file's own name, without any directory a client sent (``../x.txt`` and ``C:\\a\\x.txt`` give ``x.txt``)."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name
    return name.strip() or "upload"


def check_uploads(uploads: Sequence[Upload], config: WebConfig) -> None:
    """Raise a ``WebError`` naming the first upload that is too many, too large or of the wrong type."""
    if len(uploads) > config.max_files:
        raise WebError(413, WebErrors.E174.format(count=len(uploads), limit=config.max_files))
    for upload in uploads:
        ext = PurePosixPath(upload.name).suffix.lower()
        if ext not in FORMATS:
            raise WebError(415, WebErrors.E137.format(name=upload.name, ext=ext or "(none)"))
        if len(upload.data) > config.max_file_bytes:
            raise WebError(
                413, WebErrors.E136.format(name=upload.name, size=len(upload.data), limit=config.max_file_bytes)
            )
        problem = content_problem(ext, upload.data)
        if problem is not None:
            raise WebError(415, WebErrors.E171.format(name=upload.name, ext=ext, problem=problem))


def content_problem(ext: str, data: bytes) -> str | None:
    """Why the content does not match the extension (sniffed from the first bytes), or None."""
    head = data[:_SNIFF]
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return f"it is {kind}"
    binary = binary_reason(head)
    if binary is not None:
        return f"it looks binary ({binary})"
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if FORMATS[ext] == "json" and body and body[:1] not in (b"{", b"["):
        return "its content does not start with '{' or '[' as JSON records do"
    if FORMATS[ext] == "html" and body and not _HTML_TAG.search(head):
        return "it has no HTML tag (save plain text as .txt)"
    if FORMATS[ext] in ("txt", "md") and _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "it is an HTML page (name it .html, so that its article text is extracted)"
    return None


def check_pasted(pasted: Pasted) -> None:
    """Raise E178 for a publication date that is not YYYY-MM-DD or an address that is not http(s)."""
    if pasted.published.strip():
        try:
            date.fromisoformat(pasted.published.strip())
        except ValueError as e:
            raise WebError(
                422,
                WebErrors.E178.format(
                    field="publication date", value=pasted.published, detail=e, fix="Give it as YYYY-MM-DD."
                ),
            ) from e
    url = pasted.url.strip()
    if url and not re.match(r"https?://[^\s/]", url, re.I):
        raise WebError(
            422,
            WebErrors.E178.format(
                field="URL",
                value=pasted.url,
                detail="only http:// and https:// addresses are kept",
                fix="Give the report's web address, or leave the field empty.",
            ),
        )


def pasted_file(pasted: Pasted) -> Upload:
    """The .txt file the pasted text stands for: header lines from the metadata, a blank line, the text.

    Line breaks in a metadata field become spaces, so a field cannot add header lines of its own.
    """
    fields = [("title", pasted.title), ("source", pasted.outlet), ("url", pasted.url), ("published", pasted.published)]
    header = "".join(f"{key}: {_one_line(value)}\n" for key, value in fields if _one_line(value))
    text = pasted.text.replace("\r\n", "\n").strip()
    slug = re.sub(r"[^a-z0-9]+", "-", _one_line(pasted.title).lower()).strip("-")[:60]
    return Upload(name=f"pasted-{slug or 'report'}.txt", data=f"{header}\n{text}\n".encode())


def _one_line(value: str) -> str:
    return " ".join(value.split())


def read_request(uploads: Sequence[Upload], pasted: Pasted | None) -> Iterator[Document | Skipped]:
    """The documents of the uploads, then of the pasted text; an unreadable one is a ``Skipped``."""
    for upload in [*uploads, *([pasted_file(pasted)] if pasted is not None else [])]:
        yield from read_bytes(upload.data, upload.name)
