"""Transcript readers: :func:`read` decodes a file, upload or pasted text and dispatches by format.

>>> t = read("Sam: Hi, how are you?\\nAlex: Okay, I guess.")
>>> t.format, t.speakers, t.source
('text', ['Sam', 'Alex'], '<text>')
>>> read(b"1\\n00:00:01,000 --> 00:00:02,000\\nSam: Hi.\\n", name="call.srt").format
'srt'
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..errors import InputError
from ..transcript import Transcript
from .decode import binary_error, decode_bytes, is_docx_zip, normalise_newlines, read_path, too_big
from .docx import parse_docx
from .srt import parse_srt
from .table import parse_csv, parse_jsonl
from .text import match_label, parse_text
from .vtt import parse_vtt

__all__ = ["EXTENSIONS", "FORMATS", "read", "sniff_format"]

FORMATS: tuple[str, ...] = ("text", "vtt", "srt", "docx", "csv", "tsv", "jsonl")
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".vtt": "vtt",
    ".srt": "srt",
    ".docx": "docx",
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_OTHER_FILE_EXTENSIONS = frozenset(
    [
        ".doc",
        ".pdf",
        ".rtf",
        ".odt",
        ".json",
        ".xlsx",
        ".xls",
        ".html",
        ".htm",
        ".xml",
        ".log",
        ".png",
        ".jpg",
        ".jpeg",
        ".mp3",
        ".mp4",
        ".m4a",
        ".wav",
        ".zip",
    ]
)
_SRT_TIMING = re.compile(r"\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")


def sniff_format(text: str) -> str:
    """Format of decoded text from its content: vtt, srt, jsonl, else text.

    >>> sniff_format("WEBVTT\\n\\n00:01.000 --> 00:02.000\\nhi"), sniff_format("Sam: hi")
    ('vtt', 'text')
    """
    lines = [ln for ln in text.split("\n") if ln.strip()][:2]
    if not lines:
        return "text"
    if re.match(r"WEBVTT(?:[ \t]|$)", lines[0].lstrip("\ufeff")):
        return "vtt"
    if lines[0].strip().isdigit() and len(lines) > 1 and _SRT_TIMING.match(lines[1]):
        return "srt"
    if lines[0].lstrip().startswith("{"):
        try:
            if isinstance(json.loads(lines[0]), dict):
                return "jsonl"
        except json.JSONDecodeError:
            pass
    return "text"


def _looks_like_path(text: str) -> bool:
    """A one-line string that names a file rather than holding transcript text."""
    if "\n" in text or len(text) > 1024 or not text.strip():
        return False
    if Path(text).exists():
        return True
    ext = os.path.splitext(text.strip())[1].lower()
    if ext in EXTENSIONS or ext in _OTHER_FILE_EXTENSIONS:
        return match_label(text) is None
    return (os.sep in text or "/" in text) and not any(ch.isspace() for ch in text.strip())


def _format_from_name(name: str, label: str) -> str | None:
    """Format for a file name's extension; None without one; InputError for an unknown one."""
    ext = os.path.splitext(name)[1].lower()
    if not ext:
        return None
    if ext not in EXTENSIONS:
        raise InputError(
            f"{label}: unsupported file type '{ext}'; supported: {', '.join(EXTENSIONS)} "
            "(or choose a format explicitly)"
        )
    return EXTENSIONS[ext]


def read(
    source: str | os.PathLike | bytes | bytearray,
    *,
    fmt: str | None = None,
    name: str | None = None,
    max_bytes: int = 10_000_000,
    speaker_col: str | None = None,
    text_col: str | None = None,
    start_col: str | None = None,
    end_col: str | None = None,
) -> Transcript:
    """Read a transcript from a path, uploaded bytes (``name`` = its file name) or transcript text.

    ``fmt`` (one of :data:`FORMATS`) overrides the extension. Without either, the
    content decides (WEBVTT header, SRT numbering, JSON objects, else plain text).
    Every problem is an :class:`InputError` whose one-line message starts with the file name.
    """
    data: bytes | None = None
    text: str | None = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        label = name or "<upload>"
        data = bytes(source)
        if len(data) > max_bytes:
            raise too_big(label, len(data), max_bytes)
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
        label = name or str(source)
        if fmt is None:
            fmt = _format_from_name(name or path.name, label)
        data = read_path(path, label, max_bytes)
    elif isinstance(source, str):
        label = name or "<text>"
        size = len(source.encode("utf-8", errors="surrogatepass"))
        if size > max_bytes:
            raise too_big(label, size, max_bytes)
        text = normalise_newlines(source).lstrip("\ufeff")
        if not text.strip():
            raise InputError(f"{label} is empty; nothing to analyse")
    else:
        raise TypeError(f"read() takes a path, bytes or str, not {type(source).__name__}")

    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"{label}: unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    if fmt is None and name:
        fmt = _format_from_name(name, label)

    encoding = None
    if data is not None:
        if not data.strip():
            raise InputError(f"{label} is empty; nothing to analyse")
        if fmt == "docx" or (fmt is None and is_docx_zip(data)):
            return _checked(parse_docx(data, source=label), "docx")
        if data.startswith(b"PK\x03\x04") and is_docx_zip(data):
            raise binary_error(label, "a Word document; read it with the .docx extension or format 'docx'")
        text, encoding = decode_bytes(data, label)
    assert text is not None
    fmt = fmt or sniff_format(text)
    options = {"speaker_col": speaker_col, "text_col": text_col, "start_col": start_col, "end_col": end_col}
    if fmt == "text":
        transcript = parse_text(text, source=label)
    elif fmt == "vtt":
        transcript = parse_vtt(text, source=label)
    elif fmt == "srt":
        transcript = parse_srt(text, source=label)
    elif fmt in ("csv", "tsv"):
        transcript = parse_csv(text, source=label, fmt=fmt, **options)
    elif fmt == "jsonl":
        transcript = parse_jsonl(text, source=label, **options)
    else:  # docx given for a str source
        raise InputError(f"{label}: format 'docx' needs the file or its bytes, not text")
    if encoding:
        transcript.meta["encoding"] = encoding
    return _checked(transcript, fmt)


_EXPECTED = {
    "text": "lines like 'Speaker: what they said' or paragraphs of notes",
    "docx": "paragraphs like 'Speaker: what they said'",
    "vtt": "cues with text",
    "srt": "subtitles with text",
    "csv": "rows with text",
    "tsv": "rows with text",
    "jsonl": "records with text",
}


def _checked(transcript: Transcript, fmt: str) -> Transcript:
    if not transcript.turns:
        raise InputError(f"{transcript.source}: no transcript turns found; expected {_EXPECTED[fmt]}")
    return transcript
