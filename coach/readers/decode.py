"""Bytes in, text out: size limit, binary detection, encoding detection, newlines.

>>> decode_bytes("caf\\u00e9 \\u201cok\\u201d\\r\\n".encode("cp1252"), "notes.txt")
('café “ok”\\n', 'cp1252')
>>> decode_bytes(b"\\xff\\xfeH\\x00i\\x00", "a.txt")
('Hi', 'utf-16')
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "an executable"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document; save it as .docx"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"RIFF", "an audio or video file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters no transcript contains (tab, newlines, form feed and the DOS EOF mark are fine).
_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def human_size(n: int) -> str:
    """
    >>> human_size(512), human_size(12_345_678)
    ('512 bytes', '12.3 MB')
    """
    if n < 1000:
        return f"{n} bytes"
    for unit in ("KB", "MB", "GB"):
        n_float = n / 1000
        if n_float < 1000 or unit == "GB":
            return f"{n_float:.1f} {unit}"
        n = int(n_float)
    raise AssertionError("unreachable")


def too_big(label: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{label} is {human_size(size)} ({size} bytes), over the {human_size(max_bytes)} limit "
        f"({max_bytes} bytes); split the transcript or raise the limit"
    )


def read_path(path: Path, label: str, max_bytes: int) -> bytes:
    """The bytes of ``path``; checks the size before reading anything."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_big(label, size, max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{label}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{label} is a directory, not a transcript file") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied; check the file's permissions") from None
    except OSError as e:
        raise InputError(f"{label}: cannot read the file ({e.strerror or e})") from None
    if len(data) > max_bytes:  # grew while we looked, or a special file
        raise too_big(label, len(data), max_bytes)
    return data


def binary_kind(data: bytes) -> str | None:
    """What a known binary signature says the data is, else ``None``."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def is_docx_zip(data: bytes) -> bool:
    """True for a zip archive that looks like a Word document."""
    return data.startswith(b"PK\x03\x04") and (
        b"word/" in data[:65536] or b"[Content_Types].xml" in data[:4096]
    )


def binary_error(label: str, kind: str | None = None) -> InputError:
    what = f" ({kind})" if kind else ""
    return InputError(
        f"{label} looks like a binary file, not a transcript{what}; "
        "export the transcript as .txt, .vtt, .srt, .docx, .csv or .jsonl"
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from where the NUL bytes fall (ASCII text has one NUL per char)."""
    sample = data[:4096]
    n = len(sample) // 2
    if n < 2:
        return None
    even = sample[0::2].count(0) / n
    odd = sample[1::2].count(0) / n
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, label: str) -> tuple[str, str]:
    """Decode transcript bytes; returns (text with ``\\n`` newlines, encoding used).

    Raises InputError for binary data, empty input and broken UTF-16/32.
    """
    if not data.strip():
        raise InputError(f"{label} is empty; nothing to analyse")
    kind = binary_kind(data)
    if kind:
        raise binary_error(label, kind)
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        encoding = _utf16_without_bom(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(
                f"{label}: not valid {encoding.upper()} ({e.reason} at byte {e.start}); re-save it as UTF-8"
            ) from None
    elif b"\x00" in data:
        raise binary_error(label)
    else:
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    text = text.lstrip("\ufeff")
    if len(_CONTROL.findall(text)) > 0.01 * len(text):
        raise binary_error(label)
    text = normalise_newlines(text).replace("\x1a", "")
    if not text.strip():
        raise InputError(f"{label} is empty; nothing to analyse")
    return text, encoding.replace("utf-8-sig", "utf-8")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR (and Unicode line/paragraph separators) become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
