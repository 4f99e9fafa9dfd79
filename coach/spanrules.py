"""Normalising evidence spans to the shortest phrase (convention 9 of ``corpora/CONVENTIONS.md``).

Authors often marked a whole order ("You need to call her tonight") where the codebook's evidence is
the marker ("You need to"). :func:`shorten` cuts such spans to the marker; spans without a known
marker are kept as written.

>>> shorten("power_over", "You need to call her tonight and apologize")
'You need to'
>>> shorten("false_promise", "I promise it will get better")
'I promise'
>>> shorten("judgment", "What were you thinking")
'What were you thinking'
"""

from __future__ import annotations

import re

_MARKERS = {
    "power_over": re.compile(
        r"^(?:(?:so|okay|ok|well|look|honestly|just|um|uh|and|but|like)[,\s]+)*"
        r"((?:you|u|ya)\s+(?:really\s+|just\s+|seriously\s+|definitely\s+)?"
        r"(?:need\s+to|needa|have\s+to|have\s+got\s+to|'ve\s+got\s+to|got\s+to|gotta|should|must|better|'d\s+better|"
        r"had\s+better|ought\s+to)"
        r"|(?:i|we)\s+(?:want|need)\s+(?:you|u)\s+to|make\s+sure\s+(?:you|u)|why\s+don'?t\s+(?:you|u)(?:\s+just)?"
        r"|don'?t\s+you\s+dare)\b", re.I),
    "false_promise": re.compile(r"^((?:i\s+(?:promise|swear|guarantee))(?:\s+(?:you|u)(?![''\u2019]))?)\b", re.I),
}


def shorten_at(label: str, phrase: str) -> tuple[int, str]:
    """(offset within ``phrase``, shortest evidence) under convention 9; ``(0, phrase)`` when no rule applies."""
    pattern = _MARKERS.get(label)
    if pattern is None:
        return 0, phrase
    m = pattern.match(phrase)
    if not m or m.end(1) >= len(phrase.rstrip(" .,!?")):
        return 0, phrase
    return m.start(1), phrase[m.start(1):m.end(1)]


def shorten(label: str, phrase: str) -> str:
    """The shortest evidence for ``phrase`` under convention 9 (``phrase`` itself when no rule applies)."""
    return shorten_at(label, phrase)[1]
