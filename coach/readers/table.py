"""Tables: CSV, TSV and JSON Lines, one turn per row.

Columns are named by the caller (``speaker_col`` etc.) or guessed from common
names. Without a speaker column every row is the ``Supporter``'s (unlabelled).
``Turn.line`` is the row's line in the file (CSV header = line 1; JSONL: the
record's line).

>>> t = parse_csv("Who,Said,Time\\nSam,Hello,00:00:02\\nAlex,Hi,5\\n", source="s.csv")
>>> [(x.speaker, x.text, x.start, x.end, x.line) for x in t.turns]
[('Sam', 'Hello', 2.0, 5.0, 2), ('Alex', 'Hi', 5.0, None, 3)]
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..transcript import Transcript, Turn
from .common import fill_ends, input_error, parse_time, silent_speakers
from .text import PROSE_SPEAKER

UNKNOWN_SPEAKER = "Unknown"

GUESSES: dict[str, tuple[str, ...]] = {
    "speaker": (
        "speaker",
        "speaker name",
        "speaker label",
        "role",
        "name",
        "participant",
        "who",
        "author",
        "sender",
        "from",
    ),
    "text": (
        "text",
        "utterance",
        "content",
        "message",
        "transcript",
        "said",
        "body",
        "sentence",
        "speech",
        "turn",
        "line",
    ),
    "start": ("start", "start time", "start seconds", "begin", "time", "timestamp", "start timestamp"),
    "end": ("end", "end time", "end seconds", "stop", "end timestamp"),
}


@dataclass(frozen=True)
class Columns:
    """Which column holds what (``None``: absent)."""

    speaker: str | None
    text: str
    start: str | None
    end: str | None


def _norm(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").casefold().split())


def match_column(found: Sequence[str], given: str, what: str, source: str) -> str:
    """The column called ``given`` (exact, then case/underscore-insensitive); InputError naming those found.

    >>> match_column(["Session_ID", "text"], "session id", "document", "a.csv")
    'Session_ID'
    """
    if given in found:
        return given
    for col in found:
        if _norm(col) == _norm(given):
            return col
    listing = ", ".join(found) if found else "(none)"
    raise InputError(f"{source}: no column named '{given}' ({what} column); columns found: {listing}")


def choose_columns(
    found: Sequence[str],
    source: str,
    *,
    speaker_col: str | None = None,
    text_col: str | None = None,
    start_col: str | None = None,
    end_col: str | None = None,
) -> Columns:
    """Resolve named columns (exact, then case/underscore-insensitive) or guess them.

    >>> choose_columns(["Role", "Utterance", "start_time"], "a.csv")
    Columns(speaker='Role', text='Utterance', start='start_time', end=None)
    """
    by_norm: dict[str, str] = {}
    for col in found:
        by_norm.setdefault(_norm(col), col)
    listing = ", ".join(found) if found else "(none)"

    def pick(what: str, given: str | None) -> str | None:
        if given is not None:
            return match_column(found, given, what, source)
        return next((by_norm[g] for g in GUESSES[what] if g in by_norm), None)

    text = pick("text", text_col)
    if text is None:
        raise InputError(
            f"{source}: cannot tell which column holds the text (looked for {', '.join(GUESSES['text'][:5])}); "
            f"columns found: {listing}; name it with text_col / --text-col"
        )
    speaker = pick("speaker", speaker_col)
    start, end = pick("start", start_col), pick("end", end_col)
    if speaker == text:
        speaker = None
    return Columns(speaker, text, start, end)


def cell(value: object) -> str:
    """A table cell as text ("" for missing values and NaN; JSON for nested values).

    >>> cell(None), cell(float("nan")), cell(17), cell(" a\\tb "), cell({"a": 1})
    ('', '', '17', ' a\\tb ', '{"a": 1}')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)


def _time(value: object, column: str, source: str, line: int) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_time(value)  # type: ignore[arg-type]
    except ValueError:
        raise input_error(
            source,
            f"cannot read time '{cell(value)}' in column '{column}'; use seconds or hh:mm:ss",
            line=line,
        ) from None


def rows_to_transcript(
    found: Sequence[str], rows: Sequence[tuple[int, dict]], *, source: str, fmt: str, **options: str | None
) -> Transcript:
    """Turns from (line number, record) rows."""
    cols = choose_columns(found, source, **options)
    turns: list[Turn] = []
    labels: list[str] = []
    for line, row in rows:
        speaker = " ".join(cell(row.get(cols.speaker)).split()) if cols.speaker else PROSE_SPEAKER
        speaker = speaker or UNKNOWN_SPEAKER
        labels.append(speaker)
        text = " ".join(cell(row.get(cols.text)).split())
        start = _time(row.get(cols.start), cols.start, source, line) if cols.start else None
        end = _time(row.get(cols.end), cols.end, source, line) if cols.end else None
        if text:
            turns.append(Turn(speaker, text, start, end, line=line, col=1))
    meta: dict = {"columns": {k: v for k, v in vars(cols).items() if v is not None}}
    kept = fill_ends(turns)
    silent = silent_speakers(labels, kept)
    if silent and cols.speaker:
        meta["silent_speakers"] = silent
    return Transcript(kept, source=source, format=fmt, labelled=cols.speaker is not None, meta=meta)


def sniff_delimiter(text: str, default: str) -> str:
    """``;`` for European-style CSV whose header has more semicolons than commas."""
    header = next((ln for ln in text.split("\n") if ln.strip()), "")
    if default == "," and header.count(";") > header.count(",") and "\t" not in header:
        return ";"
    return default


def parse_csv(text: str, *, source: str = "<text>", fmt: str = "csv", **options: str | None) -> Transcript:
    """CSV (or TSV with ``fmt="tsv"``) with a header row."""
    delimiter = sniff_delimiter(text, "\t" if fmt == "tsv" else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, dict]] = []
    try:
        line = 1
        for cells in reader:
            if cells and any(c.strip() for c in cells):
                if header is None:
                    header = [c.strip().lstrip("\ufeff") for c in cells]
                else:
                    rows.append((line, dict(zip(header, cells))))
            line = reader.line_num + 1
    except csv.Error as e:
        raise input_error(source, f"not valid {fmt.upper()} ({e})", line=reader.line_num) from None
    return rows_to_transcript(header or [], rows, source=source, fmt=fmt, **options)


def parse_jsonl(text: str, *, source: str = "<text>", **options: str | None) -> Transcript:
    """JSON Lines: one JSON object per line; blank lines are skipped."""
    rows: list[tuple[int, dict]] = []
    found: dict[str, None] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise input_error(
                source,
                f"not valid JSON ({e.msg} at column {e.colno}); expected one JSON object per line",
                line=number,
            ) from None
        if not isinstance(record, dict):
            raise input_error(source, f"expected a JSON object, found {type(record).__name__}", line=number)
        found.update(dict.fromkeys(record))
        rows.append((number, record))
    return rows_to_transcript(list(found), rows, source=source, fmt="jsonl", **options)
