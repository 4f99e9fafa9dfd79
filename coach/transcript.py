"""The transcript data model shared by every reader and view.

A :class:`Transcript` is an ordered list of :class:`Turn` objects. Readers
produce it; roles decide which speakers are the supporter; the analysis
scores the supporter's turns only.

>>> t = Transcript([Turn("Sam", "Hi, how are you?", line=1), Turn("Alex", "Okay.", line=2)])
>>> t.speakers
['Sam', 'Alex']
>>> t.turns[0].text
'Hi, how are you?'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


# Lines a prose reply quotes with ">" (the post it answers): someone else's words, kept as context, never scored
QUOTED_SPEAKER = "Quoted"


@dataclass(frozen=True)
class Turn:
    """One speaker turn.

    ``line`` is the 1-based line in the source file where the turn's text
    starts (for tables: the row number counting the header as line 1);
    ``text_line_offsets`` maps positions in ``text`` to source lines when a
    turn spans several lines: a tuple of (char_offset, line, col) triples,
    sorted by char_offset, one for each source line the text came from.
    ``start``/``end`` are seconds from the start of the recording.
    """

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None
    line: int | None = None
    col: int = 1
    text_line_offsets: tuple[tuple[int, int, int], ...] = ()

    def locate(self, offset: int) -> tuple[int | None, int | None]:
        """Return the (line, col), both 1-based, of character ``offset`` of ``text``.

        >>> Turn("A", "one\\ntwo", line=5, col=4, text_line_offsets=((0, 5, 4), (4, 6, 1))).locate(5)
        (6, 2)
        """
        if self.line is None:
            return None, None
        base_off, base_line, base_col = 0, self.line, self.col
        for off, ln, col in self.text_line_offsets:
            if off <= offset:
                base_off, base_line, base_col = off, ln, col
            else:
                break
        return base_line, base_col + (offset - base_off)


@dataclass
class Transcript:
    """An ordered list of turns plus where they came from."""

    turns: list[Turn]
    source: str = "<text>"
    format: str = "text"
    labelled: bool = True  # False for prose with no speaker labels (all of it is the supporter's)
    meta: dict = field(default_factory=dict)

    @property
    def speakers(self) -> list[str]:
        """Distinct speakers in order of first appearance."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            seen.setdefault(turn.speaker, None)
        return list(seen)

    def phrase_time(self, turn: int, offset: int = 0) -> float | None:
        """Seconds at which character ``offset`` of turn ``turn`` was spoken: the start of the cue holding it.

        Subtitle readers and the recordings module record each turn's merged cues in
        ``meta["cue_times"]`` (turn index -> [(char offset, start, end), ...]); without them it is the
        turn's start.

        >>> t = Transcript([Turn("Peer", "Hi. You need to rest.", start=1.0)],
        ...                meta={"cue_times": {0: [(0, 1.0, 2.0), (4, 6.5, 9.0)]}})
        >>> t.phrase_time(0, 4), t.phrase_time(0, 2)
        (6.5, 1.0)
        """
        if not 0 <= turn < len(self.turns):
            return None
        best = self.turns[turn].start
        for off, start, _end in (self.meta.get("cue_times") or {}).get(turn, ()):
            if off <= offset and start is not None:
                best = start
        return best

    def word_counts(self) -> dict[str, int]:
        """Words spoken by each speaker (whitespace tokens)."""
        counts: dict[str, int] = {}
        for turn in self.turns:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + len(turn.text.split())
        return counts

    def with_turns(self, turns: list[Turn]) -> "Transcript":
        return replace(self, turns=list(turns))

    def __len__(self) -> int:
        return len(self.turns)
