"""Per-document (session) summaries, accumulated while rows are written.

Counts follow :meth:`coach.analysis.Analysis.summary`: ``count_<label>`` is the number of
flagged phrases (spans) of that label, ``rate_<label>`` that count per 100 scored supporter
utterances, ``share_of_voice`` the supporter's words over all words, and
``person_driven_to_concern`` person-driven phrases over concern phrases (empty without concerns).

>>> s = SessionStats()
>>> s.add_rows(["a", "a"], ['[{"label": "power_over"}]', '[{"label": "person_driven"}]'])
>>> s.add_words("a", 10, 40)
>>> row = s.rows()[0]
>>> row["n_utterances"], row["count_power_over"], row["rate_power_over"], row["share_of_voice"]
(2, 1, 50.0, 0.25)
>>> row["person_driven_to_concern"]
1.0
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from coach import taxonomy

from .columns import SESSION_COLUMNS, SESSION_TYPES, to_frame

_INDEX = {label: i for i, label in enumerate(taxonomy.LABELS)}


class SessionStats:
    """Running per-document counts; documents keep the order of their first output row."""

    def __init__(self) -> None:
        self._counts: dict[str, list[int]] = {}  # doc -> [n_utterances, count per label...]
        self._words: dict[str, list[int]] = {}  # doc -> [supporter words, all words]

    def add_rows(self, doc_ids: Iterable[str], spans: Iterable[str]) -> None:
        """Count output rows: their document and their ``spans`` JSON."""
        width = len(taxonomy.LABELS) + 1
        for doc, text in zip(doc_ids, spans):
            counts = self._counts.get(doc)
            if counts is None:
                counts = self._counts[doc] = [0] * width
            counts[0] += 1
            for span in json.loads(text) if text else []:
                i = _INDEX.get(span.get("label"))
                if i is not None:
                    counts[i + 1] += 1

    def add_words(self, doc: str, supporter: int, total: int) -> None:
        words = self._words.setdefault(doc, [0, 0])
        words[0] += supporter
        words[1] += total

    def rows(self) -> list[dict]:
        out = []
        for doc, counts in self._counts.items():
            n = counts[0]
            row: dict = {"doc_id": doc, "n_utterances": n}
            by_label = dict(zip(taxonomy.LABELS, counts[1:]))
            for label in taxonomy.LABELS:
                row[f"count_{label}"] = by_label[label]
            for label in taxonomy.LABELS:
                row[f"rate_{label}"] = round(100.0 * by_label[label] / n, 2) if n else 0.0
            sup, total = self._words.get(doc, (0, 0))
            row["share_of_voice"] = round(sup / total, 3) if total else None
            concerns = sum(by_label[c] for c in taxonomy.CONCERNS)
            strengths = sum(by_label[s] for s in taxonomy.STRENGTHS)
            row["person_driven_to_concern"] = round(strengths / concerns, 3) if concerns else None
            out.append(row)
        return out

    def frame(self):
        return to_frame(self.rows(), SESSION_COLUMNS, SESSION_TYPES)
