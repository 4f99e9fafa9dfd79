"""Who said what in a recording: one speaker per stereo channel, or a new speaker at each long pause.

Stereo calls (each person on their own channel) are split exactly. For mono
there is no voice model: the crude default assumes two people taking turns and
switches speaker whenever the silence between utterances is at least
``turn_pause`` seconds. Users fix names (and wrong guesses) by naming the
voices in order of first appearance.

>>> u = [Utterance(0.0, 2.0, "hello"), Utterance(2.3, 3.0, "there"), Utterance(4.5, 6.0, "hi")]
>>> by_pauses(u, turn_pause=1.0)
[0, 0, 1]
>>> voice_names(2, parse_names("Peer, Casey"))
['Peer', 'Casey']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..errors import InputError
from ..transcript import Transcript


@dataclass(frozen=True)
class Utterance:
    """A stretch of speech between pauses, with its recognised text."""

    start: float
    end: float
    text: str
    channel: int = 0


def parse_names(names: str | Sequence[str] | None) -> list[str]:
    """Speaker names from ``"Peer,Casey"`` or a list; InputError for blank or repeated names.

    >>> parse_names(" Peer ,Casey")
    ['Peer', 'Casey']
    """
    if names is None:
        return []
    items = names.split(",") if isinstance(names, str) else list(names)
    out = [" ".join(str(n).replace("<", " ").replace(">", " ").split()) for n in items]
    if not out or any(not n for n in out):
        raise InputError(f"speaker names must be non-empty and comma-separated, like 'Peer,Casey' (got {names!r})")
    if len({n.casefold() for n in out}) != len(out):
        raise InputError(f"speaker names must differ (got {', '.join(out)})")
    return out


def voice_names(count: int, names: Sequence[str]) -> list[str]:
    """Names for ``count`` voices: the given names first, then 'Speaker 3', 'Speaker 4', ..."""
    return [names[i] if i < len(names) else f"Speaker {i + 1}" for i in range(count)]


def by_channel(utterances: Sequence[Utterance]) -> list[int]:
    """Voice index of each utterance: its channel, numbered in order of first appearance."""
    order: dict[int, int] = {}
    ordered = sorted(range(len(utterances)), key=lambda i: utterances[i].start)
    for i in ordered:
        order.setdefault(utterances[i].channel, len(order))
    return [order[u.channel] for u in utterances]


def by_pauses(utterances: Sequence[Utterance], *, voices: int = 2, turn_pause: float = 1.0) -> list[int]:
    """Voice index of each utterance (in time order): the next voice after every pause of ``turn_pause`` s or more."""
    out: list[int] = []
    voice, last_end = 0, None
    for u in utterances:
        if last_end is not None and voices > 1 and u.start - last_end >= turn_pause:
            voice = (voice + 1) % voices
        out.append(voice)
        last_end = u.end
    return out


def rename_speakers(transcript: Transcript, mapping: Mapping[str, str]) -> Transcript:
    """A copy of ``transcript`` with speakers renamed by ``mapping`` (others unchanged).

    >>> from coach.transcript import Turn
    >>> t = Transcript([Turn("Speaker 1", "Hi."), Turn("Speaker 2", "Hey.")])
    >>> rename_speakers(t, {"Speaker 1": "Peer"}).speakers
    ['Peer', 'Speaker 2']
    """
    clean = {old: parse_names([new])[0] for old, new in mapping.items() if new and new.strip()}
    out = transcript.with_turns([replace(t, speaker=clean.get(t.speaker, t.speaker)) for t in transcript.turns])
    out.meta = dict(transcript.meta)
    return out


def name_in_order(transcript: Transcript, names: Sequence[str]) -> Transcript:
    """Rename the transcript's speakers, in order of first appearance, to ``names``."""
    return rename_speakers(transcript, dict(zip(transcript.speakers, names)))
