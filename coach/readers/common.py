"""Building blocks shared by the readers: errors, turns with source positions, times.

A reader collects, for each turn, the :class:`Piece` of text each source line
contributed; :func:`make_turn` joins them with single spaces and records where
every piece came from, so ``Turn.locate`` maps any character back to line:col.

>>> t = make_turn("Sam", [Piece("Hello", 3, 6), Piece("there", 4, 1)])
>>> t.text, t.locate(6)
('Hello there', (4, 1))
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..errors import InputError
from ..transcript import Turn


@dataclass(frozen=True)
class Piece:
    """A stretch of turn text taken from one source line.

    ``col`` is the 1-based column of ``text[0]``. When markup was removed from
    the line the columns jump; ``cols`` then gives the column of every character.
    """

    text: str
    line: int | None
    col: int = 1
    cols: tuple[int, ...] | None = None


def input_error(label: str, message: str, line: int | None = None) -> InputError:
    """An :class:`InputError` that starts with the file name (and line, if known).

    >>> str(input_error("a.srt", "malformed timing line", line=4))
    'a.srt: line 4: malformed timing line'
    """
    where = f" line {line}:" if line is not None else ""
    return InputError(f"{label}:{where} {message}")


def snippet(text: str, width: int = 40) -> str:
    """A short quoted excerpt of a source line for error messages."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 3] + "..."
    return f"'{text}'"


def trim(text: str, col: int = 1, cols: tuple[int, ...] | None = None) -> Piece | None:
    """Strip ``text`` and keep track of where the stripped text starts.

    ``None`` when nothing but whitespace is left.

    >>> trim("   hi there  ", col=5)
    Piece(text='hi there', line=None, col=8, cols=None)
    """
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    if cols is not None:
        cols = cols[lead : lead + len(stripped)]
        return Piece(stripped, None, cols[0], cols)
    return Piece(stripped, None, col + lead)


def make_turn(
    speaker: str, pieces: Iterable[Piece], start: float | None = None, end: float | None = None
) -> Turn | None:
    """Join ``pieces`` with single spaces into a turn; ``None`` if there is no text."""
    parts: list[str] = []
    triples: list[tuple[int, int, int]] = []
    offset = 0
    for piece in pieces:
        if not piece.text:
            continue
        if parts:
            offset += 1  # the joining space
        if piece.line is not None:
            triples.append((offset, piece.line, piece.cols[0] if piece.cols else piece.col))
            if piece.cols:
                for i in range(1, len(piece.text)):
                    if piece.cols[i] != piece.cols[i - 1] + 1:
                        triples.append((offset + i, piece.line, piece.cols[i]))
        parts.append(piece.text)
        offset += len(piece.text)
    if not parts:
        return None
    line, col = (triples[0][1], triples[0][2]) if triples else (None, 1)
    return Turn(speaker, " ".join(parts), start, end, line=line, col=col, text_line_offsets=tuple(triples))


_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)")


def parse_time(value: str | float) -> float:
    """Seconds from ``12.5``, ``"12.5"``, ``"mm:ss"`` or ``"hh:mm:ss(.mmm)"``; ValueError otherwise.

    >>> parse_time("01:02:03.5"), parse_time("02:03"), parse_time("00:00:01,250"), parse_time(7)
    (3723.5, 123.0, 1.25, 7.0)
    """
    if isinstance(value, bool):
        raise ValueError(f"not a time: {value!r}")  # noqa: TRY004 - callers catch ValueError
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        text = str(value).strip()
        m = _CLOCK.fullmatch(text)
        if m:
            hours, minutes, secs = m.groups()
            seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs.replace(",", "."))
        else:
            seconds = float(text)
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"not a time: {value!r}")
    return seconds


def fill_ends(turns: Sequence[Turn]) -> list[Turn]:
    """Give each timed turn without an end the next timed turn's start.

    >>> [t.end for t in fill_ends([Turn("A", "x", start=1.0), Turn("B", "y", start=4.0)])]
    [4.0, None]
    """
    out = list(turns)
    next_start: float | None = None
    for i in range(len(out) - 1, -1, -1):
        turn = out[i]
        if (
            turn.end is None
            and turn.start is not None
            and next_start is not None
            and next_start >= turn.start
        ):
            out[i] = replace(turn, end=next_start)
        if turn.start is not None:
            next_start = turn.start
    return out


def silent_speakers(labels: Iterable[str], turns: Sequence[Turn]) -> list[str]:
    """Speakers that were labelled in the source but have no turn with text."""
    speaking = {t.speaker for t in turns}
    return list(dict.fromkeys(s for s in labels if s not in speaking))
