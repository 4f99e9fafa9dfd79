"""Words the supporter quotes from someone else, which are not the supporter's own (codebook decision rule 4).

"My dad always said \"you need to toughen up\"" reports an order; the supporter gives none. A stretch in double
quotes ("...", “...”) is reported speech when a reporting verb stands next to it (within a few words before
the opening quote or after the closing one) and its subject is someone other than the supporter: "my dad said",
"she keeps telling me", "is what my sponsor told me". Quotes the supporter attributes to themselves ("I told
her \"...\"" in role-play notes) or gives no source for ("Practice line: \"...\"") stay the supporter's.
Single quotes are not read: they cannot be told from apostrophes.

>>> t = 'My dad always said "you need to toughen up" and I believed him.'
>>> [t[a:b] for a, b in reported_quotes(t)]
['"you need to toughen up"']
>>> reported_quotes('I told her "you need to go to rehab" and she cried.'), reported_quotes('Practice line: "You need to stop."')
([], [])
>>> t = '"stop being so dramatic" - that is what my mum says to me too.'
>>> [t[a:b] for a, b in reported_quotes(t)]
['"stop being so dramatic"']
"""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{2,400})[\"\u201d]")
_REPORTING = (r"(?:said|says|say|saying|told|tells|tell|telling|goes|went|wrote|writes|posted|posts|texted|texts|"
              r"asked|asks|yelled|yells|screamed|shouted|snapped|replied|replies|put it|called me|calls me|"
              r"was like|is like|were like|are like)")
# the reporting verb (and its subject) right before the quote: "my dad always said", "she keeps telling me,"
_BEFORE = re.compile(rf"(?P<subj>[\w'’]+)\s+(?:(?:always|just|literally|basically|then|kept|keeps|would|used to|"
                     rf"even|once|also|still)\s+)*{_REPORTING}(?:\s+(?:me|us|you|him|her|them|that|to me|to you))?"
                     r"[\s,:-]*$", re.I)
# ... or after it: "- that is what my mum says", ", she told me", "is what the nurse told him"
_AFTER = re.compile(rf"^[\s,.!?-]*(?:(?:that|this)(?:'s|’s| is| was)? )?(?:(?:is|was|'s|’s) )?(?:what |how )?"
                    rf"(?P<subj>(?:my|your|his|her|their|our|the|a|an|some|that|this)\s+[\w'’-]+(?:\s+[\w'’-]+)?|"
                    rf"[\w'’]+)\s+(?:(?:always|just|literally|kept|keeps|would|used to|once|also)\s+)*{_REPORTING}\b",
                    re.I)
_SUPPORTER = frozenset("i we i'd i've i’d i’ve".split())


@lru_cache(maxsize=8192)
def reported_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges (quote marks included) of the double-quoted stretches of ``text`` that report someone
    else's words."""
    out: list[tuple[int, int]] = []
    if '"' not in text and "\u201c" not in text:
        return out
    for m in _QUOTE.finditer(text):
        before = _BEFORE.search(text[max(0, m.start() - 60):m.start()])
        after = _AFTER.match(text[m.end():m.end() + 60])
        hit = before or after
        if hit and hit.group("subj").lower() not in _SUPPORTER:
            out.append((m.start(), m.end()))
    return out
