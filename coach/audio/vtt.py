"""Timed transcripts as WebVTT, the format ``coach check`` and every reader already take.

Each cue carries its speaker as a ``<v Name>`` voice tag (or, with
``voices=False``, a ``Name: `` prefix, which Zoom-style readers expect).
Text is escaped, so ``&``, ``<`` and ``>`` in speech cannot break the file.
When a transcript knows where each of its turns' utterances starts
(``meta["cue_times"]``, set by :func:`coach.audio.transcribe`) every utterance
gets its own cue; otherwise each turn is one cue.

>>> from coach.transcript import Transcript, Turn
>>> t = Transcript([Turn("Peer", "Hi & welcome.", 0.5, 2.0), Turn("Casey", "Thanks.", 2.5, 3.25)])
>>> print(to_vtt(t))
WEBVTT
<BLANKLINE>
1
00:00:00.500 --> 00:00:02.000
<v Peer>Hi &amp; welcome.
<BLANKLINE>
2
00:00:02.500 --> 00:00:03.250
<v Casey>Thanks.
<BLANKLINE>
"""

from __future__ import annotations

import html

from ..errors import InputError
from ..transcript import Transcript

HEADER_LINES = 2  # "WEBVTT" and a blank line
LINES_PER_CUE = 4  # number, timing, text, blank


def timestamp(seconds: float) -> str:
    """``HH:MM:SS.mmm`` for a time in seconds.

    >>> timestamp(3723.4567)
    '01:02:03.457'
    """
    ms = round(max(0.0, seconds) * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _voice(name: str) -> str:
    return " ".join(name.replace("<", " ").replace(">", " ").replace("&", "and").split()) or "Unknown"


def _escape(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def cues(transcript: Transcript) -> list[tuple[float, float, str, str]]:
    """(start, end, speaker, text) of every cue, splitting turns at their known utterance starts."""
    times = transcript.meta.get("cue_times") or {}
    turns = transcript.turns
    out = []
    for i, turn in enumerate(turns):
        if not turn.text.strip():
            continue
        if turn.start is None:
            raise InputError(f"{transcript.source}: turn {i + 1} has no time; WebVTT needs timed turns")
        nxt = next((t.start for t in turns[i + 1 :] if t.start is not None), None)
        end = turn.end if turn.end is not None else (nxt if nxt is not None else turn.start + 2.0)
        spans = times.get(i) or [(0, turn.start, end)]
        for k, (offset, a, b) in enumerate(spans):
            stop = spans[k + 1][0] if k + 1 < len(spans) else len(turn.text)
            text = turn.text[offset:stop].strip()
            if text:
                out.append((a, max(a, b), turn.speaker, text))
    return out


def to_vtt(transcript: Transcript, *, voices: bool = True) -> str:
    """The transcript as WebVTT text (timed turns required)."""
    lines = ["WEBVTT", ""]
    for n, (start, end, speaker, text) in enumerate(cues(transcript), 1):
        body = f"<v {_voice(speaker)}>{_escape(text)}" if voices else f"{_voice(speaker)}: {_escape(text)}"
        lines += [str(n), f"{timestamp(start)} --> {timestamp(end)}", body, ""]
    return "\n".join(lines)


def cue_line(index: int) -> int:
    """1-based line of the text of cue ``index`` (0-based) in :func:`to_vtt` output."""
    return HEADER_LINES + index * LINES_PER_CUE + 3
