"""What WebVTT and SRT share: blocks, markup removal, speakers in cues, merging cues into turns.

A cue's speaker comes from a ``<v Name>`` voice tag or a ``Name: text`` prefix.
Consecutive cues of one speaker merge into one turn (start of the first, end of
the last). Cues without a speaker belong to ``Unknown``; when no cue names a
speaker at all the file is unlabelled and each cue is a ``Supporter`` turn.

>>> clean_markup("<c.yellow>Hi</c> &amp; bye")
('Hi & bye', (11, 12, 17, 18, 23, 24, 25, 26))
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..transcript import Transcript
from .common import Piece, make_turn, silent_speakers, trim
from .text import PROSE_SPEAKER, match_label

UNKNOWN_SPEAKER = "Unknown"

_MARKUP = re.compile(r"<[^>\n]*>|\{\\[^}\n]*\}|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_VOICE = re.compile(r"^\s*(?:<(?!v[\s.])[^>]*>\s*)*<v(?:\.[^\s>]+)?\s+([^>]+)>")
_DASH = re.compile(r"[ \t]*[-–][ \t]+")
_INVISIBLE = {"\u200e", "\u200f", "\ufeff"}


@dataclass
class Segment:
    """Text of one speaker within a cue (a cue usually holds one segment)."""

    speaker: str | None
    start: float | None
    end: float | None
    pieces: list[Piece] = field(default_factory=list)


def blocks(lines: Sequence[str]) -> Iterator[list[tuple[int, str]]]:
    """Blank-line separated blocks of (1-based line number, line) pairs."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def clean_markup(line: str) -> tuple[str, tuple[int, ...]]:
    """Remove tags (``<c>``, ``<i>``, ``<00:01.000>``, ``{\\an8}``) and decode entities.

    Returns the clean text and, for each of its characters, its 1-based column in ``line``.
    """
    out: list[str] = []
    cols: list[int] = []

    def keep(text: str, col: int, step: int = 1) -> None:
        for i, ch in enumerate(text):
            if ch in _INVISIBLE:
                continue
            out.append(" " if ch == "\xa0" else ch)
            cols.append(col + i * step)

    pos = 0
    for m in _MARKUP.finditer(line):
        keep(line[pos : m.start()], pos + 1)
        token = m.group()
        if token.startswith("&"):
            keep(html.unescape(token), m.start() + 1, step=0)
        pos = m.end()
    keep(line[pos:], pos + 1)
    return "".join(out), tuple(cols)


def cue_segments(payload: Sequence[tuple[int, str]], start: float | None, end: float | None) -> list[Segment]:
    """Split a cue's text lines into speaker segments."""
    segments: list[Segment] = []
    current: Segment | None = None
    from_voice = False
    for number, raw in payload:
        voice = _VOICE.match(raw)
        text, cols = clean_markup(raw)
        dash = _DASH.match(text)  # dialogue dash: "- Sam: hi"
        if dash:
            text, cols = text[dash.end() :], cols[dash.end() :]
        label = None if voice else match_label(text)
        if voice or current is None or (label and not from_voice):
            if voice:
                speaker: str | None = " ".join(voice.group(1).split())
            elif label:
                speaker = label.speaker
                text, cols = text[label.text_start :], cols[label.text_start :]
            else:
                speaker = None
            current = Segment(speaker, start, end)
            from_voice = bool(voice)
            segments.append(current)
        piece = trim(text, cols=cols)
        if piece:
            current.pieces.append(Piece(piece.text, number, piece.col, piece.cols))
    return segments


def _cue_offsets(groups: Sequence[Sequence[Segment]]) -> list[list[tuple[int, float, float | None]]]:
    """For each turn (a group of merged segments): (char offset in the turn's text, start, end) of each cue.

    Offsets follow :func:`make_turn`, which joins the pieces' texts with single spaces.
    """
    out = []
    for group in groups:
        cues, offset, first = [], 0, True
        for seg in group:
            texts = [p.text for p in seg.pieces if p.text]
            if not texts:
                continue
            if not first:
                offset += 1
            if seg.start is not None:
                cues.append((offset, seg.start, seg.end))
            offset += sum(len(t) for t in texts) + len(texts) - 1
            first = False
        out.append(cues)
    return out


def segments_to_transcript(segments: Sequence[Segment], *, source: str, fmt: str) -> Transcript:
    """Merge consecutive same-speaker segments into turns.

    ``meta["cue_times"]`` maps each turn index to the (character offset, start, end) of the cues merged
    into it, so a phrase inside a long turn can be played from the cue that holds it.
    """
    labelled = any(s.speaker for s in segments)
    voiced = [s for s in segments if s.pieces]
    if not labelled:
        groups = [[s] for s in voiced]
        turns = [make_turn(PROSE_SPEAKER, s.pieces, s.start, s.end) for s in voiced]
    else:
        groups: list[list[Segment]] = []
        merged: list[Segment] = []
        for seg in voiced:
            speaker = seg.speaker or UNKNOWN_SPEAKER
            if merged and merged[-1].speaker == speaker:
                merged[-1].pieces.extend(seg.pieces)
                merged[-1].end = seg.end if seg.end is not None else merged[-1].end
                groups[-1].append(seg)
            else:
                merged.append(Segment(speaker, seg.start, seg.end, list(seg.pieces)))
                groups.append([seg])
        turns = [make_turn(s.speaker or UNKNOWN_SPEAKER, s.pieces, s.start, s.end) for s in merged]
    cue_lists = _cue_offsets(groups)
    kept, cue_times = [], {}
    for turn, cues in zip(turns, cue_lists):
        if turn is None:
            continue
        if len(cues) > 1:
            cue_times[len(kept)] = cues
        kept.append(turn)
    meta: dict = {}
    if cue_times:
        meta["cue_times"] = cue_times
    silent = silent_speakers((s.speaker for s in segments if s.speaker), kept)
    if silent:
        meta["silent_speakers"] = silent
    return Transcript(kept, source=source, format=fmt, labelled=labelled, meta=meta)
