"""The Python API: ``coach.load()`` and ``Coach.analyze()``.

>>> import coach
>>> c = coach.load()
>>> a = c.analyze("Peer: You need to stop drinking this weekend.\\nSam: I know.", speaker="Peer")
>>> [(f.label, f.text, f.speaker) for f in a.findings]
[('power_over', 'You need to', 'Peer')]
>>> a.to_frame().loc[0, "label"]
'power_over'

Only the supporter's turns are scored; the other speakers' turns are
context and are never flagged.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field

from coach import taxonomy
from coach.transcript import Transcript, Turn


@dataclass
class Finding:
    """One flagged (concern) or affirmed (strength) phrase in a supporter turn."""

    turn: int  # 0-based index of the turn among all turns of the transcript
    speaker: str
    line: int | None  # 1-based line in the source file
    col: int | None  # 1-based column in the source file
    start: int  # character offsets of the phrase within the turn's text
    end: int
    label: str
    kind: str  # concern | strength
    text: str  # the phrase
    sentence: str
    score: float
    guideline: str
    suggestions: list[dict] = field(default_factory=list)
    time: float | None = None  # seconds into the recording when the phrase was spoken (its cue's start), if known

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Analysis:
    transcript: Transcript
    supporters: list[str]
    reason: str
    findings: list[Finding]
    turn_scores: dict[int, dict[str, float]]  # turn index -> label -> probability (supporter turns only)

    @property
    def concerns(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "concern"]

    @property
    def strengths(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "strength"]

    def supporter_turns(self) -> list[int]:
        return [i for i, t in enumerate(self.transcript.turns) if t.speaker in self.supporters]

    def summary(self) -> dict:
        """Counts per label, rate per 100 supporter utterances, share of voice, person-driven to concern ratio."""
        n_utt = len(self.supporter_turns())
        counts = {label: sum(f.label == label for f in self.findings) for label in taxonomy.LABELS}
        words = self.transcript.word_counts()
        sup_words = sum(words.get(s, 0) for s in self.supporters)
        total_words = sum(words.values())
        n_concerns = sum(counts[c] for c in taxonomy.CONCERNS)
        n_strengths = sum(counts[s] for s in taxonomy.STRENGTHS)
        return {
            "supporter": ", ".join(self.supporters),
            "supporter_utterances": n_utt,
            "counts": counts,
            "rates_per_100": {k: round(100.0 * v / n_utt, 2) if n_utt else 0.0 for k, v in counts.items()},
            "concerns": n_concerns,
            "strengths": n_strengths,
            "supporter_words": sup_words,
            "other_words": total_words - sup_words,
            "share_of_voice": round(sup_words / total_words, 3) if total_words else 0.0,
            "person_driven_to_concern": round(n_strengths / n_concerns, 3) if n_concerns else None,
        }

    def to_frame(self):
        """One row per finding, in transcript order (an empty frame with the columns when there are none)."""
        import pandas as pd

        cols = list(Finding.__dataclass_fields__)
        rows = [f.as_dict() for f in self.findings]
        df = pd.DataFrame(rows, columns=cols)
        df.insert(0, "source", self.transcript.source)
        df["best_suggestion"] = [s[0]["text"] if s else "" for s in df["suggestions"]] if len(df) else []
        return df

    def utterances_frame(self):
        """One row per supporter turn: text, time, label flags and probabilities."""
        import pandas as pd

        rows = []
        for i in self.supporter_turns():
            t = self.transcript.turns[i]
            scores = self.turn_scores.get(i, {})
            flagged = {f.label for f in self.findings if f.turn == i}
            row = {"source": self.transcript.source, "turn": i, "speaker": t.speaker, "line": t.line,
                   "start_time": t.start, "text": t.text}
            for label in taxonomy.LABELS:
                row[label] = label in flagged
            for label in taxonomy.LABELS:
                row[f"p_{label}"] = round(float(scores.get(label, 0.0)), 4)
            rows.append(row)
        return pd.DataFrame(rows)

    def to_json(self) -> dict:
        return {
            "source": self.transcript.source,
            "format": self.transcript.format,
            "speakers": self.transcript.speakers,
            "supporter": self.supporters[0] if len(self.supporters) == 1 else self.supporters,
            "supporters": self.supporters,
            "reason": self.reason,
            "summary": self.summary(),
            "findings": [f.as_dict() for f in self.findings],
        }


class Coach:
    """A loaded model and spaCy pipeline; cheap to call repeatedly."""

    def __init__(self, nlp):
        self.nlp = nlp

    @property
    def model(self):
        return self.nlp.get_pipe("session_coach").model

    def read(self, source, *, fmt: str | None = None, name: str | None = None, **options) -> Transcript:
        from coach import readers

        return readers.read(source, fmt=fmt, name=name, **options)

    def analyze(self, source, speaker: str | list[str] | None = None, *, fmt: str | None = None,
                name: str | None = None, **options) -> Analysis:
        """Analyse a path, raw bytes, a transcript string or a :class:`Transcript`."""
        transcript = source if isinstance(source, Transcript) else self.read(source, fmt=fmt, name=name, **options)
        return self.analyze_transcript(transcript, speaker)

    def analyze_transcript(self, transcript: Transcript, speaker: str | list[str] | None = None) -> Analysis:
        from coach.roles import resolve_supporters

        speakers = [speaker] if isinstance(speaker, str) else (list(speaker) if speaker else None)
        supporters, reason = resolve_supporters(transcript, speakers)
        idx = [i for i, t in enumerate(transcript.turns) if t.speaker in supporters and t.text.strip()]
        docs = self.nlp.pipe([transcript.turns[i].text for i in idx])
        findings: list[Finding] = []
        turn_scores: dict[int, dict[str, float]] = {}
        for i, doc in zip(idx, docs):
            turn_scores[i] = dict(doc.cats)
            findings += findings_from_doc(doc, i, transcript.turns[i], transcript)
        return Analysis(transcript, supporters, reason, findings, turn_scores)


def _same_text(doc, text: str) -> bool:
    """Is ``text`` the text the doc was tokenised from? (Cheaper than building ``doc.text``.)"""
    if not len(doc):
        return text == ""
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text) and text.startswith(doc[0].text, doc[0].idx)


def findings_from_doc(doc, turn_index: int, turn: Turn, transcript: Transcript | None = None) -> list[Finding]:
    """The findings of one scored supporter turn, located in the source file and, with the ``transcript``
    it belongs to, at the cue of the recording where each phrase was spoken."""
    out = []
    spans = doc.spans.get("coach", [])
    # slices of the text are cheaper than Span.text, which joins tokens; the doc was made from the turn's text
    text = (turn.text if _same_text(doc, turn.text) else doc.text) if len(spans) else ""
    for span in spans:
        line, col = turn.locate(span.start_char)
        sent = span.sent
        out.append(Finding(
            turn=turn_index, speaker=turn.speaker, line=line, col=col, start=span.start_char, end=span.end_char,
            label=span.label_, kind=span._.coach_kind, text=text[span.start_char:span.end_char],
            sentence=text[sent.start_char:sent.end_char].strip(),
            score=round(float(span._.coach_score), 4), guideline=span._.coach_guideline,
            suggestions=list(span._.coach_suggestions or []), time=transcript.phrase_time(turn_index, span.start_char) if transcript else turn.start,
        ))
    return out


def load(model_path: str | os.PathLike | None = None, *, base: str = "blank", suggest: bool = True,
         max_suggestions: int = 3, suggest_for: str = "all") -> Coach:
    """Load the model (default: ``$COACH_MODEL`` or the shipped one) into a spaCy pipeline."""
    from coach.pipeline import make_nlp

    return Coach(make_nlp(str(model_path) if model_path else None, base=base, suggest=suggest,
                          max_suggestions=max_suggestions, suggest_for=suggest_for))


__all__ = ["Analysis", "Coach", "Finding", "load"]
