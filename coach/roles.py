"""Who is the supporter: speakers the user named, a role name, or whoever opens the session.

>>> from coach.transcript import Transcript, Turn
>>> t = Transcript([Turn("Caller", "Hi."), Turn("Peer Specialist", "Hello, I'm Jo.")], source="call.txt")
>>> resolve_supporters(t)
(['Peer Specialist'], 'supporter: Peer Specialist (role name)')
>>> resolve_supporters(t, ["caller"])
(['Caller'], 'supporter: Caller (--speaker)')
>>> resolve_supporters(Transcript([Turn("C", "I can't sleep."), Turn("T", "Tell me more.")], source="s.txt"))
(['T'], "supporter: T (the helper's initial of a therapist/client pair)")
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .errors import SpeakerError
from .transcript import QUOTED_SPEAKER, Transcript

UNKNOWN_SPEAKER = "Unknown"

# Role words, strongest first; the rank decides between several matching speakers.
ROLE_WORDS: tuple[tuple[str, int], ...] = (
    ("peer support specialist", 0),
    ("peer specialist", 0),
    ("peer mentor", 0),
    ("peer", 0),
    ("pss", 0),
    ("cps", 0),
    ("supporter", 1),
    ("recovery coach", 2),
    ("coach", 2),
    ("counselor", 3),
    ("counsellor", 3),
    ("therapist", 3),
    ("listener", 3),
    ("helper", 3),
    ("advocate", 4),
    ("case manager", 4),
    ("social worker", 4),
    ("crisis worker", 4),
    ("clinician", 4),
    ("interviewer", 6),
    ("responder", 6),
    ("mentor", 5),
    ("navigator", 6),
    ("facilitator", 7),
    ("trainee", 8),
    ("volunteer", 9),
)
# The person being supported, whatever else the name says ("Peer Member", "Participant 2").
NOT_SUPPORTER_WORDS = frozenset(
    [
        "member",
        "members",
        "client",
        "caller",
        "participant",
        "guest",
        "patient",
        "resident",
        "youth",
        "person",
        "consumer",
        "customer",
        "visitor",
        "texter",
        "interviewee",
        "respondent",
        "seeker",
    ]
)
# Counselling transcripts often label the two speakers with initials: the helper's initial of each pair
_INITIAL_PAIRS = {
    frozenset({"t", "c"}): "t",  # therapist / client
    frozenset({"th", "cl"}): "th",
    frozenset({"t", "p"}): "t",  # therapist / patient
    frozenset({"co", "cl"}): "co",  # counsellor / client
    frozenset({"i", "r"}): "i",  # interviewer / respondent
    frozenset({"ps", "p"}): "ps",  # peer supporter / person
}


def _key(name: str) -> str:
    """Case- and whitespace-insensitive form of a speaker name."""
    return "".join(name.split()).casefold()


def role_rank(name: str) -> int | None:
    """Rank of the strongest role word in ``name`` (0 = peer), or None if it names no supporter role.

    The last role-ish word decides between supporter and supported: "Peer Member"
    is a member, "Youth Peer Mentor" a mentor.

    >>> [role_rank(n) for n in ("Peer Specialist 1", "Recovery Coach", "Peer Member", "Youth Peer Mentor", "Sam")]
    [0, 2, None, 0, None]
    """
    words = re.findall(r"[a-z]+", name.casefold())
    hits: list[tuple[int, int | None]] = []  # (end position, rank or None for not-a-supporter)
    for phrase, rank in ROLE_WORDS:
        size = len(phrase.split())
        for i in range(len(words) - size + 1):
            if " ".join(words[i : i + size]) == phrase:
                hits.append((i + size - 1, rank))
    hits.extend((i, None) for i, w in enumerate(words) if w in NOT_SUPPORTER_WORDS)
    if not hits:
        return None
    last = max(pos for pos, _ in hits)
    if any(pos == last and rank is None for pos, rank in hits):
        return None
    return min(rank for _, rank in hits if rank is not None)


def _is_supported_person(name: str) -> bool:
    words = re.findall(r"[a-z]+", name.casefold())
    return role_rank(name) is None and any(w in NOT_SUPPORTER_WORDS for w in words)


def _reason(names: Sequence[str], why: str) -> str:
    return f"{'supporter' if len(names) == 1 else 'supporters'}: {', '.join(names)} ({why})"


def resolve_supporters(
    transcript: Transcript, speakers: Sequence[str] | None = None
) -> tuple[list[str], str]:
    """Return (supporter names as spelled in the transcript, a one-line reason).

    ``speakers`` are matched case- and whitespace-insensitively; an unknown name is a
    :class:`SpeakerError`. Without them: the speaker with the strongest role word in
    their name, else whoever opens the session. Unlabelled prose is all ``Supporter``.
    """
    source = transcript.source
    found = transcript.speakers
    groups: dict[str, list[str]] = {}
    for name in found:
        groups.setdefault(_key(name), []).append(name)
    found_list = ", ".join(found) if found else "(none)"
    wanted = [s for s in (speakers or []) if s.strip()]

    if wanted:
        chosen: list[str] = []
        silent = {_key(s) for s in transcript.meta.get("silent_speakers", [])}
        for name in wanted:
            key = _key(name)
            if key not in groups:
                if key in silent:
                    raise SpeakerError(f"speaker '{name}' has no turns with text in {source}")
                hint = " (the file has no speaker labels)" if not transcript.labelled else ""
                raise SpeakerError(
                    f"no speaker named '{name}' in {source}; speakers found: {found_list}{hint}"
                )
            chosen.extend(n for n in groups[key] if n not in chosen)
        why = "--speaker"
    elif not transcript.labelled:
        chosen = [s for s in found if s != QUOTED_SPEAKER]  # quoted lines of prose are someone else's words
        why = "no speaker labels: all of the text is the supporter's" + (
            ", but for the lines quoted with '>'" if len(chosen) < len(found) else "")
    else:
        ranked = [(rank, i, name) for i, name in enumerate(found) if (rank := role_rank(name)) is not None]
        initials = {_key(n).rstrip(".:"): n for n in found if n != UNKNOWN_SPEAKER}
        helper = _INITIAL_PAIRS.get(frozenset(initials)) if len(initials) == 2 else None
        if ranked:
            best = min(ranked)[2]
            chosen, why = groups[_key(best)], "role name"
        elif helper:
            chosen, why = groups[_key(initials[helper])], "the helper's initial of a therapist/client pair"
        else:
            opener = next(
                (
                    t.speaker
                    for t in transcript.turns
                    if t.speaker != UNKNOWN_SPEAKER and not _is_supported_person(t.speaker)
                ),
                None,
            )
            if opener is None:
                raise SpeakerError(
                    f"cannot tell who the supporter is in {source}; speakers found: {found_list}; "
                    "name the supporter with --speaker"
                )
            chosen, why = groups[_key(opener)], "opens the session"

    if not any(t.text.strip() for t in transcript.turns if t.speaker in chosen):
        who = ", ".join(chosen) if chosen else "the supporter"
        raise SpeakerError(f"{who} has no turns with text in {source}; speakers found: {found_list}")
    return chosen, _reason(chosen, why)
