"""Read input files and folders (.txt, .md, .html, .json, .jsonl, plus a manifest) into Documents.

The cascade of ``iter_inputs``:
1. list the files: the given files, folders walked recursively in sorted order (hidden files
   left out), or, with only a manifest, exactly the files it names;
2. read each file: decode it (``io.encoding``), then per format: header lines of .txt/.md, the
   main text and metadata of HTML (trafilatura), the records of .json/.jsonl (``io.records``);
   text tokenized the Penn Treebank way (research corpora) is joined back (``io.ptb``);
3. add the manifest's hints, which outrank the file's own, and give the document its content id;
4. yield the document, or a ``Skipped`` with its reason, logged once. One bad file never stops the
   batch. Two files with the same content get the same id; ``build.unique`` keeps one.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import trafilatura

from storyline.errors import Errors, InputError
from storyline.io.encoding import decode, is_plain_utf8
from storyline.io.manifest import Manifest, file_key, read_manifest, url_only_problems
from storyline.io.ptb import detokenize, looks_tokenized
from storyline.io.records import Record, iter_jsonl_lines, iter_records
from storyline.records import Document, DocumentId, Hint, InputFormat, Skipped
from storyline.textmap import TextMap, cut

log = logging.getLogger(__name__)

E013 = (
    "E013: {path}: no article text was found in the HTML. "
    "Give the saved article page, or paste its text into a .txt file."
)
FORMATS: dict[str, InputFormat] = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "json",
}
_HEADER_FIELDS: dict[str, str] = {
    "title": "title",
    "source": "source",
    "url": "url",
    "byline": "byline",
    "published": "published",
    "date": "published",
}
_HEADER_LINE = re.compile(r"^[ \t]*(title|source|url|byline|published|date)[ \t]*:[ \t]*(\S.*?)\s*$", re.I)
_HEADER_DATE_NO_COLON = re.compile(r"^[ \t]*(date|published)[ \t]+(\d.*?)\s*$", re.I)
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def document_id(text: str, source: str | None) -> DocumentId:
    """A content id: the first 16 hex digits of the sha1 of the normalized body text and the source."""
    body = " ".join(text.split()).lower()
    return hashlib.sha1(f"{body}\n{source or ''}".encode()).hexdigest()[:16]


# -- 2. one file -------------------------------------------------------------------------------


def parse_header(raw: str) -> tuple[tuple[Hint, ...], int]:
    """Hints from the header lines at the top of a text file, and the offset where the body starts.

    The header is the run of ``key: value`` lines (and ``date 2022-09-11``) before the first blank
    or non-header line; the body starts at the first non-blank line after it.
    """
    hints: list[Hint] = []
    pos = 0
    for match in _LINE.finditer(raw):
        line = match.group().rstrip("\r\n")
        found = _HEADER_LINE.match(line) or _HEADER_DATE_NO_COLON.match(line)
        if found is None:
            break
        field = _HEADER_FIELDS[found.group(1).lower()]
        hints.append(Hint(field=field, value=found.group(2), origin="header"))  # type: ignore[arg-type]
        pos = match.end()
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return tuple(hints), pos


def text_document(raw: str, path: str, fmt: InputFormat = "txt") -> Document:
    """A document from the text of a .txt or .md file; ``text`` is the body after the header lines."""
    hints, start = parse_header(raw)
    end = len(raw.rstrip())
    text, text_map = cut(raw, TextMap.identity(len(raw)), [(start, max(start, end))])
    if looks_tokenized(text):
        text, text_map = detokenize(text, text_map)
    if not text.strip():
        raise InputError(Errors.E002.format(path=path))
    return _new_document(path, raw, text, text_map, fmt, hints)


def html_document(html: str, path: str) -> Document:
    """A document from an HTML page: trafilatura's main text, paragraphs separated by blank lines."""
    extracted = trafilatura.extract(html, include_comments=False) or ""
    text = "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())
    if not text:
        raise InputError(E013.format(path=path))
    doc = _new_document(path, html, text, TextMap.unmapped(), "html", html_hints(html))
    return replace(doc, html=html)


def html_hints(html: str) -> tuple[Hint, ...]:
    """Title, author, site name and canonical URL from the page's metadata (origin "html").

    The publication date is left to the metadata stage, which runs htmldate on ``Document.html``.
    """
    meta = trafilatura.extract_metadata(html, extensive=False)
    values = {"title": meta.title, "byline": meta.author, "source": meta.sitename, "url": meta.url}
    return tuple(
        Hint(field=field, value=value.strip(), origin="html")  # type: ignore[arg-type]
        for field, value in values.items()
        if isinstance(value, str) and value.strip()
    )


def record_document(record: Record) -> Document:
    """A document from a JSON record; tokenized text (Timeline17's) is joined back, mapped to the record's."""
    text, text_map = record.text, TextMap.identity(len(record.text))
    if looks_tokenized(text):
        text, text_map = detokenize(text, text_map)
    return _new_document(record.path, record.text, text, text_map, "json", record.hints)


def _new_document(
    path: str, raw: str, text: str, text_map: TextMap, fmt: InputFormat, hints: tuple[Hint, ...]
) -> Document:
    doc = Document(id="", path=path, raw_text=raw, text=text, text_map=text_map, format=fmt, done=frozenset({"read"}))
    return with_hints(doc, hints)


def with_hints(doc: Document, hints: tuple[Hint, ...]) -> Document:
    """Add hints, then set the URL and the content id (which depends on the source hint)."""
    doc = replace(doc, hints=(*doc.hints, *hints))
    url, source = doc.hint("url"), doc.hint("source")
    return replace(
        doc,
        url=url.value if url else None,
        id=document_id(doc.text, source.value if source else None),
    )


def read_file(path: Path) -> Iterator[Document | Skipped]:
    """The documents of one file (several for .json/.jsonl), or ``Skipped`` with the reason."""
    name = str(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        yield Skipped(name, Errors.E009.format(path=name, ext=path.suffix))
        return
    try:
        if path.suffix.lower() == ".jsonl" and is_plain_utf8(path):
            yield from _read_jsonl_lines(path, name)
            return
        data = path.read_bytes()
    except OSError as e:
        yield Skipped(name, Errors.E008.format(path=name, detail=e.strerror or e))
        return
    yield from read_bytes(data, name)


def _read_jsonl_lines(path: Path, name: str) -> Iterator[Document | Skipped]:
    """A UTF-8 .jsonl file read a line at a time, so that memory does not grow with the file (a
    feed dump of 100,000 reports). Other files, and .jsonl files in a legacy encoding, are read
    whole by ``read_bytes``."""
    with path.open(encoding="utf-8-sig", newline=None) as lines:
        yield from _documents(iter_jsonl_lines(lines, name))


def read_bytes(data: bytes, name: str) -> Iterator[Document | Skipped]:
    """The documents of a file's bytes (an upload, say), read by the extension of ``name`` as ``read_file`` does."""
    suffix = Path(name).suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        yield Skipped(name, Errors.E009.format(path=name, ext=suffix))
        return
    try:
        content = decode(data, name)
        if fmt == "json":
            yield from _read_records(content, name, jsonl=suffix == ".jsonl")
        elif fmt == "html":
            yield html_document(content, name)
        else:
            yield text_document(content, name, fmt)
    except InputError as e:
        yield Skipped(name, str(e))


def _read_records(content: str, path: str, jsonl: bool) -> Iterator[Document | Skipped]:
    yield from _documents(iter_records(content, path, jsonl))


def _documents(items: Iterable[Record | Skipped]) -> Iterator[Document | Skipped]:
    """Each record as a Document; what was skipped passes through."""
    for item in items:
        yield item if isinstance(item, Skipped) else record_document(item)


# -- 1. the files ------------------------------------------------------------------------------


def list_files(paths: Sequence[Path], exclude: Collection[str] = ()) -> Iterator[Path | Skipped]:
    """The files to read: given files as they are, folders walked in sorted order, each file once.

    A named file with an unsupported extension is passed on, so that ``read_file`` skips it (E009).
    """
    seen = set(exclude)
    for path in paths:
        if not path.exists():
            yield Skipped(str(path), Errors.E001.format(path=path))
            continue
        candidates = [path] if path.is_file() else _walk(path)
        for file in candidates:
            key = file_key(file)
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path) -> list[Path]:
    """Readable files under ``folder``, recursively and sorted, leaving out hidden files and folders.

    Files with other extensions (a manifest.csv, images) are left out with one log line per folder.
    """
    files = (p for p in folder.rglob("*") if p.is_file())
    visible = [p for p in files if not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    readable = [p for p in visible if p.suffix.lower() in FORMATS]
    if len(readable) < len(visible):
        log.info("%s: left out %d files with other extensions", folder, len(visible) - len(readable))
    return sorted(readable, key=lambda p: p.relative_to(folder).as_posix())


# -- the cascade -------------------------------------------------------------------------------


def iter_inputs(paths: Sequence[Path], manifest: Path | None = None) -> Iterator[Document | Skipped]:
    """Stream Documents (done={"read"}) from files and folders, or a ``Skipped`` per bad input.

    With a manifest and no paths, read exactly the files it names; with both, read the paths and
    give each file the manifest's hints. Raise ``InputError`` (E040, E011) when there is nothing to read.
    """
    listing = read_manifest(manifest) if manifest is not None else None
    exclude = {file_key(manifest)} if manifest is not None else set()
    # 1. the files
    files: list[Path | Skipped] = list(list_files(paths, exclude)) if paths else []
    if listing is not None:
        files = [*listing.problems, *files] if paths else [*listing.problems, *listing.files()]
    if not files and (listing is None or not listing.rows):
        given = [*paths, manifest] if manifest is not None else list(paths)
        raise InputError(Errors.E040.format(paths=", ".join(str(p) for p in given) or "no paths"))
    yield from _read_all(files, listing)


def _read_all(files: list[Path | Skipped], listing: Manifest | None) -> Iterator[Document | Skipped]:
    urls: set[str] = set()
    for file in files:
        items = [file] if isinstance(file, Skipped) else read_file(file)
        for item in items:
            # 3. the manifest's hints (they change the id when they give the source)
            if isinstance(item, Document) and listing is not None and isinstance(file, Path):
                item = with_hints(item, listing.hints_for(file, _record_number(item), item.url))
            # 4. log what is skipped, once
            if isinstance(item, Skipped):
                log.warning(item.reason)
            elif item.url:
                urls.add(item.url)
            yield item
    for problem in url_only_problems(listing, urls) if listing is not None else []:
        log.warning(problem.reason)
        yield problem


def _record_number(doc: Document) -> int | None:
    if doc.format != "json" or doc.path is None:
        return None
    number = doc.path.rpartition("#")[2]
    return int(number) if number.isdigit() else None


def read_inputs(paths: Sequence[Path], manifest: Path | None = None) -> tuple[list[Document], list[Skipped]]:
    """All of ``iter_inputs`` at once: the documents read and the inputs skipped."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in iter_inputs(paths, manifest):
        (docs if isinstance(item, Document) else skipped).append(item)  # type: ignore[arg-type]
    return docs, skipped
