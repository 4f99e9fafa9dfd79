"""SubRip (.srt) subtitles: numbered cues, ``00:00:01,000 --> 00:00:04,000`` timings, ``Name: text``.

A blank line inside a cue's text (common in hand-edited files) is tolerated:
a block with no number and no timing continues the previous cue.

>>> srt = "1\\n00:00:01,000 --> 00:00:02,000\\nSam: Hi.\\n\\n2\\n00:00:02,500 --> 00:00:04,000\\nAlex: Hey.\\n"
>>> [(t.speaker, t.text, t.start, t.end, t.line) for t in parse_srt(srt, source="a.srt").turns]
[('Sam', 'Hi.', 1.0, 2.0, 3), ('Alex', 'Hey.', 2.5, 4.0, 7)]
"""

from __future__ import annotations

import re

from ..transcript import Transcript
from .common import input_error, parse_time, snippet
from .cues import Segment, blocks, cue_segments, segments_to_transcript

_TS = r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}"
_TIMING = re.compile(rf"^\s*({_TS})\s*-->\s*({_TS})(?:\s+.*)?$")
EXAMPLE_TIMING = "'00:00:01,000 --> 00:00:04,000'"


def parse_srt(text: str, *, source: str = "<text>") -> Transcript:
    """Parse decoded SRT text; InputError (with the line) when it is malformed."""
    segments: list[Segment] = []
    cue: tuple[float, float] | None = None
    for block in blocks(text.split("\n")):
        number, first = block[0]
        if first.strip().lstrip("\ufeff").isdigit():
            if len(block) < 2:
                raise input_error(source, f"subtitle {first.strip()} has no timing line", line=number)
            timing_at = 1
        elif "-->" in first:
            timing_at = 0
        elif cue is not None and not any("-->" in line for _, line in block):
            more = cue_segments(block, *cue)  # a blank line inside the previous cue's text
            if segments and more[0].speaker is None:
                segments[-1].pieces.extend(more.pop(0).pieces)
            segments.extend(more)
            continue
        else:
            raise input_error(
                source,
                f"expected a subtitle number or a timing line like {EXAMPLE_TIMING}, found {snippet(first)}",
                line=number,
            )
        n, timing = block[timing_at]
        m = _TIMING.match(timing)
        if not m:
            raise input_error(
                source, f"malformed timing line {snippet(timing)}; expected like {EXAMPLE_TIMING}", line=n
            )
        cue = (parse_time(m[1]), parse_time(m[2]))
        segments.extend(cue_segments(block[timing_at + 1 :], *cue))
    return segments_to_transcript(segments, source=source, fmt="srt")
