"""Stage 1, read: paths (files, folders, "-") to decoded `Document`s.

Every failure is a `KgraphError` with a one-line message naming the file; the
caller decides whether one bad file stops the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgraph.errors import InputBinary, InputEmpty, InputMissing, InputTooLarge, InputUndecodable
from kgraph.model import Document

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# A news article is a few kB; 20 MB is far beyond any real page yet small enough
# to hold in memory twice (raw bytes and text).
MAX_BYTES = 20 * 1024 * 1024
# Indonesian is written in ASCII letters: a page in a legacy 8-bit encoding is
# over 95 % ASCII bytes even when rich in foreign names (Zürich, São Paulo).
# Below 70 % the bytes are noise that some exotic code page happens to accept
# (charset-normalizer reads repeated 0x81 0x8D 0x8F... as Cyrillic cp1125).
MIN_ASCII_SHARE = 0.7
# Control characters other than tab/newline/CR/form feed mark binary data.
_CONTROL = {*range(0, 9), 11, *range(14, 32), 127}


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given, folders searched recursively for articles, in sorted order."""
    out: list[str] = []
    for raw in paths:
        if raw == "-":
            out.append(raw)
            continue
        if not raw.strip():  # Path("") is ".", which would read the working folder
            raise InputMissing(f"{raw!r}: empty path")
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputMissing(f"{raw}: folder holds no .txt or .html articles")
            out.extend(str(p) for p in found)
        elif path.is_file():
            out.append(raw)
        elif path.exists():  # a device, pipe or socket: /dev/zero would never end
            raise InputMissing(f"{raw}: not a regular file or folder")
        else:
            raise InputMissing(f"{raw}: no such file or folder")
    return out


def read_documents(paths: Iterable[str]) -> Iterator[Document]:
    for path in expand_paths(paths):
        yield read_document(path)


def read_document(path: str) -> Document:
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        try:
            size = Path(path).stat().st_size
            if size > MAX_BYTES:
                raise InputTooLarge(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputMissing(f"{path}: no such file") from None
        except (IsADirectoryError, PermissionError) as exc:
            raise InputMissing(f"{path}: cannot read ({exc.strerror})") from None
    return document_from_bytes(raw, path)


def document_from_bytes(raw: bytes, source: str) -> Document:
    if len(raw) > MAX_BYTES:
        raise InputTooLarge(f"{source}: over the {MAX_BYTES:,}-byte limit")
    text = decode(raw, source)
    if not text.strip():
        raise InputEmpty(f"{source}: empty (no text)")
    media_type = "text/html" if _looks_like_html(source, text) else "text/plain"
    return Document(source=source, text=text, sha256=hashlib.sha256(raw).hexdigest(), media_type=media_type)


def decode(raw: bytes, source: str) -> str:
    """UTF-8 (BOM allowed) first; otherwise the encoding charset-normalizer is sure of."""
    if not raw.strip():
        raise InputEmpty(f"{source}: empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputUndecodable(f"{source}: has a UTF-16 byte-order mark but is not UTF-16") from None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect(raw, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A NUL never occurs in text; other control characters may stray into a
    # pasted article, so only a share of them above 1 % marks binary data.
    if "\x00" in text or _binary_share(text) > 0.01:
        raise InputBinary(f"{source}: looks like binary data, not an article")
    return text


def _detect(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:4096]:
        raise InputBinary(f"{source}: looks like binary data, not an article")
    if _ascii_share(raw) < MIN_ASCII_SHARE:
        raise InputUndecodable(f"{source}: not UTF-8, and too little ASCII for an article in any encoding")
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    # chaos is charset-normalizer's share of implausible characters; above 10 %
    # the "text" is noise, whatever encoding it claims.
    if best is None or best.chaos > 0.1:
        raise InputUndecodable(f"{source}: not UTF-8 and no other text encoding fits")
    if _single_byte(raw, best.encoding):
        # Indonesian needs no letters beyond ASCII, so a page has too few other
        # bytes for charset-normalizer to tell one single-byte Latin code page
        # from another (it picks cp1250 for "Genève"). Windows-1252, the code
        # page of Indonesian Windows, is the likely one whenever it fits.
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode("cp1252")
    return str(best)


def _single_byte(raw: bytes, encoding: str) -> bool:
    try:
        return len(raw.decode(encoding)) == len(raw)
    except (UnicodeDecodeError, LookupError):
        return False


def _ascii_share(raw: bytes) -> float:
    sample = raw[:65536]
    return sum(1 for b in sample if 32 <= b < 127 or b in (9, 10, 13)) / max(len(sample), 1)


def _binary_share(text: str) -> float:
    sample = text[:65536]
    bad = sum(1 for ch in sample if ord(ch) in _CONTROL)
    return bad / max(len(sample), 1)


def _looks_like_html(source: str, text: str) -> bool:
    if source.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
