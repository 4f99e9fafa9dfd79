"""Where to start playing a finding: the start of the utterance (cue) that holds the phrase.

A finding's own ``time`` is its turn's start; a long turn can run for a minute,
so for recordings transcribed here the cue holding the phrase is used instead.

>>> from coach.transcript import Transcript, Turn
>>> t = Transcript([Turn("Peer", "Hello there. You need to rest.", 1.0, 9.0)],
...                meta={"cue_times": {0: [(0, 1.0, 2.0), (13, 6.5, 9.0)]}})
>>> phrase_time(t, turn=0, offset=13), phrase_time(t, turn=0, offset=3)
(6.5, 1.0)
"""

from __future__ import annotations

from ..transcript import Transcript


def phrase_time(transcript: Transcript, *, turn: int, offset: int = 0) -> float | None:
    """Seconds at which the character ``offset`` of turn ``turn`` is spoken (its cue's start), if known."""
    return transcript.phrase_time(turn, offset)


def finding_time(transcript: Transcript, finding) -> float | None:
    """Start of the cue holding a :class:`~coach.analysis.Finding`'s phrase (its ``time`` when cues are unknown)."""
    found = phrase_time(transcript, turn=finding.turn, offset=finding.start)
    return found if found is not None else finding.time
