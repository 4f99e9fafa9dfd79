"""Plain-text transcripts: ``Speaker: text`` lines (optionally timestamped) or unlabelled prose.

Recognised labels: ``Sam: ...``, ``[00:01:23] Sam: ...``, ``00:01:23 Sam: ...``,
``(01:23) Sam: ...``, ``Sam (00:01:23): ...``, ``Sam [00:01:23]: ...`` and
Markdown ``**Sam:** ...``. A speaker name is 1-4 words and at most 40 characters.
A line without a label continues the previous turn; blank lines are skipped.

The file counts as a labelled transcript when it has at least two labelled
lines and they are at least half of its "units": labelled lines plus
paragraphs that do not start with a label (a title paragraph before the
first label is not counted). When at least two thirds of the labels carry
a timestamp, an untimed ``Word:`` is part of someone's speech, not a label.
"Note:", "Tip:" and similar headings are never labels. Otherwise it is prose: each
paragraph becomes one turn of speaker ``Supporter``, and lines quoted with ``>`` (a reply quoting the post it
answers) a turn of speaker ``Quoted``, which is context and never scored.

>>> t = parse_text("[00:00:05] Sam: Hi, how are\\n  you doing?\\n[00:00:09] Alex: Okay.")
>>> [(x.speaker, x.text, x.start, x.end) for x in t.turns]
[('Sam', 'Hi, how are you doing?', 5.0, 9.0), ('Alex', 'Okay.', 9.0, None)]
>>> t.turns[0].locate(12)
(2, 3)
>>> parse_text("Note: the client arrived late.\\n\\nWe talked about work.").labelled
False
>>> [(x.speaker, x.text) for x in parse_text("> my mum says get over it\\nThat sounds so hard.").turns]
[('Quoted', 'my mum says get over it'), ('Supporter', 'That sounds so hard.')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..transcript import QUOTED_SPEAKER, Transcript, Turn
from .common import Piece, fill_ends, make_turn, parse_time, silent_speakers, trim

PROSE_SPEAKER = "Supporter"
_QUOTE_MARK = re.compile(r"^[ \t]*(?:>[ \t]?)+")

_TS = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_WORD0 = r"[^\W\d_][\w.'’&-]*"
_WORDN = r"[\w.'’&#-]+"
_LABEL = re.compile(
    rf"""^[ \t]*
    (?:(?:\[(?P<ts1>{_TS})\]|\((?P<ts2>{_TS})\)|(?P<ts3>{_TS}))[ \t]*(?:[-–—|][ \t]*)?)?
    (?:\*\*|__)?
    (?P<name>{_WORD0}(?:[ \t]+{_WORDN}){{0,3}}(?:[ \t]*\([^\W\d_][^()\d:\n]{{0,29}}\))?)
    (?:[ \t]*(?:\[(?P<ts4>{_TS})\]|\((?P<ts5>{_TS})\)))?
    (?:\*\*|__)?[ \t]*:(?:\*\*|__)?
    (?=[ \t]|$)""",
    re.VERBOSE,
)
# "Note: ...", "Tip: ..." and friends head prose, they are not speakers.
_NOT_NAMES = frozenset(
    [
        "note",
        "notes",
        "tip",
        "tips",
        "hint",
        "summary",
        "goal",
        "goals",
        "example",
        "examples",
        "warning",
        "caution",
        "important",
        "reminder",
        "date",
        "time",
        "duration",
        "location",
        "place",
        "setting",
        "scenario",
        "context",
        "background",
        "topic",
        "topics",
        "subject",
        "re",
        "fw",
        "fwd",
        "ps",
        "p.s",
        "nb",
        "n.b",
        "objective",
        "objectives",
        "plan",
        "outcome",
        "outcomes",
        "follow-up",
        "followup",
        "next",
        "steps",
        "action",
        "actions",
        "todo",
        "agenda",
        "attendees",
        "present",
        "title",
        "observation",
        "observations",
        "feedback",
        "comment",
        "comments",
        "instructions",
        "task",
        "prompt",
        "source",
        "url",
        "link",
        "email",
        "e-mail",
        "phone",
        "tel",
        "address",
        "from",
        "to",
        "cc",
        "bcc",
        "update",
        "edit",
        "caveat",
        "disclaimer",
        "key",
        "takeaway",
        "takeaways",
        "why",
        "what",
        "how",
        "who",
        "when",
        "where",
        "answer",
        "question",
    ]
)
_NOT_FIRST_WORDS = frozenset(
    [
        "step",
        "part",
        "section",
        "chapter",
        "question",
        "day",
        "week",
        "session",
        "scene",
        "act",
        "note",
        "tip",
        "example",
    ]
)
# Multi-word "names" containing these are sentence fragments ("I told her: ...", "The plan for today: ...").
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "for",
        "to",
        "of",
        "in",
        "on",
        "at",
        "with",
        "by",
        "from",
        "about",
        "into",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "it",
        "me",
        "him",
        "her",
        "us",
        "them",
        "my",
        "your",
        "his",
        "its",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "asked",
        "ask",
        "if",
        "so",
        "as",
        "not",
        "no",
        "do",
        "did",
        "does",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "here",
        "there",
        "then",
        "also",
        "just",
    ]
)


@dataclass(frozen=True)
class Label:
    """A speaker label found at the start of a line."""

    speaker: str
    text_start: int  # index in the line where the turn's text begins
    start: float | None = None


@dataclass(frozen=True)
class Line:
    """One source line (or DOCX paragraph); ``speaker``/``start`` preset it as labelled (DOCX table rows)."""

    number: int
    text: str
    speaker: str | None = None
    start: float | None = None


def plausible_name(name: str) -> bool:
    """Whether ``name`` can be a speaker name rather than the start of a sentence.

    >>> [plausible_name(n) for n in ("Dr. Lee", "PARTICIPANT 2", "Note", "I told her", "Step 2")]
    [True, True, False, False, False]
    """
    words = [w.strip(".,'’").casefold() for w in name.split()]
    if not words or len(name) > 40 or len(words) > 4:
        return False
    if name.casefold().rstrip(".") in _NOT_NAMES or words[0] in _NOT_FIRST_WORDS:
        return False
    return len(words) == 1 or not any(w in _FUNCTION_WORDS for w in words)


def match_label(line: str) -> Label | None:
    """The speaker label at the start of ``line``, if there is one.

    >>> match_label("Sam (01:02): Hello")
    Label(speaker='Sam', text_start=13, start=62.0)
    >>> match_label("We met at 5:30 today.") is None
    True
    """
    m = _LABEL.match(line)
    if not m:
        return None
    name = " ".join(m["name"].strip("_").split())
    if not plausible_name(name):
        return None
    stamp = next((m[g] for g in ("ts1", "ts2", "ts3", "ts4", "ts5") if m[g]), None)
    rest = line[m.end() :]
    text_start = m.end() + len(rest) - len(rest.lstrip())
    return Label(name, text_start, parse_time(stamp) if stamp else None)


def _label_of(line: Line) -> Label | None:
    if line.speaker is not None:
        lead = len(line.text) - len(line.text.lstrip())
        return Label(" ".join(line.speaker.split()), lead, line.start)
    return match_label(line.text)


def _piece(line: Line, start: int = 0) -> Piece | None:
    piece = trim(line.text[start:], col=start + 1)
    return Piece(piece.text, line.number, piece.col) if piece else None


def _decide_labels(lines: Sequence[Line]) -> list[Label | None]:
    """Labels per line, or all ``None`` when the text is prose rather than a transcript."""
    labels = [_label_of(ln) if ln.text.strip() else None for ln in lines]
    found = [lab for lab in labels if lab is not None]
    # When (nearly) every label is timestamped, an untimed "Name:" is part of someone's speech.
    timed = sum(lab.start is not None for lab in found)
    if timed >= 2 and timed >= 2 * (len(found) - timed):
        labels = [lab if lab is not None and lab.start is not None else None for lab in labels]
        found = [lab for lab in labels if lab is not None]
    starts = [
        i
        for i, ln in enumerate(lines)
        if ln.text.strip() and labels[i] is None and (i == 0 or not lines[i - 1].text.strip())
    ]
    first_label = next((i for i, lab in enumerate(labels) if lab is not None), len(lines))
    unlabelled_paragraphs = len(starts) - (1 if starts and starts[0] < first_label else 0)
    if len(found) >= 2 and 2 * len(found) >= len(found) + unlabelled_paragraphs:
        return labels
    return [None] * len(lines)


def parse_lines(lines: Sequence[Line], *, source: str = "<text>", fmt: str = "text") -> Transcript:
    """Turns from numbered lines: a labelled transcript if labels dominate, else prose."""
    labels = _decide_labels(lines)
    turns: list[Turn | None] = []
    skipped: list[int] = []
    if any(labels):
        speaker: str | None = None
        start: float | None = None
        pieces: list[Piece] = []
        for line, label in zip(lines, labels):
            if label is not None:
                if speaker is not None:
                    turns.append(make_turn(speaker, pieces, start))
                speaker, start, pieces = label.speaker, label.start, []
                piece = _piece(line, label.text_start)
            elif not line.text.strip():
                continue
            else:
                piece = _piece(line)
                if speaker is None:  # a title or notes before the first label
                    skipped.append(line.number)
                    continue
            if piece:
                pieces.append(piece)
        if speaker is not None:
            turns.append(make_turn(speaker, pieces, start))
    else:
        pieces, who = [], PROSE_SPEAKER
        for line in [*lines, Line(0, "")]:
            quote = _QUOTE_MARK.match(line.text)
            speaker = QUOTED_SPEAKER if quote else PROSE_SPEAKER
            piece = _piece(line, quote.end() if quote else 0)
            if pieces and (not piece or speaker != who):
                turns.append(make_turn(who, pieces))
                pieces = []
            if piece:
                pieces.append(piece)
                who = speaker
    kept = fill_ends([t for t in turns if t is not None])
    meta: dict = {"skipped_lines": skipped} if skipped else {}
    silent = silent_speakers((lab.speaker for lab in labels if lab), kept)
    if silent:
        meta["silent_speakers"] = silent
    return Transcript(kept, source=source, format=fmt, labelled=any(labels), meta=meta)


def parse_text(text: str, *, source: str = "<text>", fmt: str = "text") -> Transcript:
    """Parse decoded plain text (``\\n`` newlines)."""
    return parse_lines([Line(i, s) for i, s in enumerate(text.split("\n"), 1)], source=source, fmt=fmt)
