"""Bytes in, text out: size limits, gzip, binary sniffing and encoding detection.

Every failure is an `IngestError` carrying the document status it stands for, so the caller
records the input instead of crashing.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import zlib

from sitrep.errors import IngestError
from sitrep.models import DOC_MISSING, DOC_NOT_TEXT, DOC_TOO_LARGE, DOC_UNREADABLE


class InputError(IngestError):
    """An input that cannot be read; `status` is the document status to record."""

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


# Signatures of common binary formats that show up in scraped folders (PDF, images, archives,
# office files); named in the reason so people know what they fed in.
_MAGIC = {
    b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a zip archive (or office document)",
    b"\x7fELF": "an executable", b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old office document", b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive", b"7z\xbc\xaf": "a 7z archive", b"RIFF": "a media file",
}


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes, checking the size before reading (a huge file is never loaded)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(DOC_MISSING, "no such file (or a broken link)") from None
    except OSError as exc:
        raise InputError(DOC_UNREADABLE, f"cannot stat: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        # a FIFO or device would block or never end: never open one
        raise InputError(DOC_NOT_TEXT, "not a regular file (pipe, socket or device)")
    size = st.st_size
    if size > max_bytes:
        raise InputError(DOC_TOO_LARGE, f"{size} bytes, over the limit of {max_bytes} (settings.max_bytes)")
    try:
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(DOC_UNREADABLE, "permission denied") from None
    except IsADirectoryError:
        raise InputError(DOC_UNREADABLE, "is a directory") from None
    except OSError as exc:
        raise InputError(DOC_UNREADABLE, f"cannot read: {exc.strerror or exc}") from None


def gunzip(raw: bytes, max_bytes: int) -> bytes:
    """Decompress in chunks so a gzip bomb stops at `max_bytes` instead of filling memory."""
    out = bytearray()
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = raw
    try:
        while data:
            out += d.decompress(data, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise InputError(DOC_TOO_LARGE, f"decompresses to over {max_bytes} bytes (settings.max_bytes)")
            data = d.unconsumed_tail
            if d.eof and d.unused_data:      # concatenated gzip members
                data, d = d.unused_data, zlib.decompressobj(16 + zlib.MAX_WBITS)
        if not d.eof:
            raise InputError(DOC_UNREADABLE, "truncated gzip file (ends before the compressed data does)")
    except zlib.error as exc:
        raise InputError(DOC_UNREADABLE, f"broken gzip data: {exc}") from None
    return bytes(out)


def is_gzip(raw: bytes) -> bool:
    return raw[:2] == b"\x1f\x8b"


def sniff_binary(raw: bytes) -> str | None:
    """Why `raw` is not text, or None. Text with a UTF-16 BOM contains NULs legitimately."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            return f"binary content: {what}"
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    head = raw[:8192]
    if b"\x00" in head:
        return "binary content (NUL bytes)"
    # Control characters other than tab/newline/CR/formfeed: text files have (almost) none;
    # 10% was the point where sampled binaries and real pages separated cleanly.
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and ctrl / len(head) > 0.10:
        return "binary content (control bytes)"
    return None


_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,30})""", re.I)


def _declared(raw: bytes) -> list[str]:
    """The charset an HTML/XML page declares in its first bytes, if Python knows it."""
    m = _DECLARED.search(raw[:4096])
    if not m:
        return []
    try:
        return [codecs.lookup(m.group(1).decode("ascii")).name]
    except LookupError:
        return []


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding). Order: BOMs (utf-8-sig, utf-16), strict UTF-8, the charset the page
    declares, then cp1252 and latin-1 (the usual encodings of older Western pages; latin-1
    accepts every byte)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"] + _declared(raw) + ["cp1252", "latin-1"]
    last = None
    for enc in candidates:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as exc:
            last = exc
            continue
        if "\x00" in text:
            raise InputError(DOC_NOT_TEXT, f"binary content after decoding as {enc}")
        return text, enc
    raise InputError(DOC_UNREADABLE, f"cannot decode text ({last})")
