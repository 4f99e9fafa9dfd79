"""WebVTT captions (Zoom, Teams, YouTube): cues with ``Name: text`` prefixes or ``<v Name>`` voices.

Zoom writes numeric cue ids and ``Name: text``; Teams writes ``<v Name>text</v>``,
uuid-like cue ids and NOTE blocks. NOTE, STYLE and REGION blocks are skipped.
Line numbers point into the .vtt file.

>>> vtt = "WEBVTT\\n\\n1\\n00:00:01.000 --> 00:00:03.000\\nSam: Hi there.\\n\\n"
>>> vtt += "2\\n00:00:03.000 --> 00:00:05.500\\nSam: How are you?\\n"
>>> t = parse_vtt(vtt, source="call.vtt")
>>> [(x.speaker, x.text, x.start, x.end, x.line, x.col) for x in t.turns]
[('Sam', 'Hi there. How are you?', 1.0, 5.5, 5, 6)]
"""

from __future__ import annotations

import re

from ..transcript import Transcript
from .common import input_error, parse_time, snippet
from .cues import Segment, blocks, cue_segments, segments_to_transcript

_TS = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"^\s*({_TS})\s*-->\s*({_TS})(?:\s+.*)?$")
_HEADER = re.compile(r"WEBVTT(?:[ \t]|$)")
_SKIP_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
EXAMPLE_TIMING = "'00:00:01.000 --> 00:00:04.000'"


def parse_vtt(text: str, *, source: str = "<text>") -> Transcript:
    """Parse decoded WebVTT text; InputError (with the line) when it is malformed."""
    lines = text.split("\n")
    if not _HEADER.match(lines[0].lstrip("\ufeff")):
        raise input_error(
            source, "missing the 'WEBVTT' header on the first line; is this really a .vtt file?", line=1
        )
    segments: list[Segment] = []
    for block in blocks(lines):
        number, first = block[0]
        if number == 1:  # the header block: WEBVTT plus optional metadata lines
            for n, line in block:
                if "-->" in line:
                    raise input_error(source, "the WEBVTT header must be followed by a blank line", line=n)
            continue
        if _SKIP_BLOCK.match(first):
            continue
        if "-->" in first:
            at = 0
        elif len(block) > 1 and "-->" in block[1][1]:
            at = 1
        else:
            n, line = block[1] if len(block) > 1 else block[0]
            raise input_error(
                source, f"expected a cue timing line like {EXAMPLE_TIMING}, found {snippet(line)}", line=n
            )
        n, timing = block[at]
        m = _TIMING.match(timing)
        if not m:
            raise input_error(
                source, f"malformed cue timing {snippet(timing)}; expected like {EXAMPLE_TIMING}", line=n
            )
        segments.extend(cue_segments(block[at + 1 :], parse_time(m[1]), parse_time(m[2])))
    return segments_to_transcript(segments, source=source, fmt="vtt")
