"""From corpus utterances to the sentence units the classifier is trained and evaluated on.

Inference scores sentences (spaCy's sentencizer), so training does too: a
sentence carries a label when one of the utterance's evidence spans for that
label overlaps it. Utterance-level predictions are the maximum over sentences,
as ``doc.cats`` is.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def sentencizer_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@dataclass
class Units:
    texts: list[str] = field(default_factory=list)
    Y: list[list[int]] = field(default_factory=list)
    spans: list[list[tuple[str, int, int]]] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # index of the utterance each sentence came from
    starts: list[int] = field(default_factory=list)  # where each sentence starts in its utterance's text

    def matrix(self) -> np.ndarray:
        return np.asarray(self.Y, dtype=int).reshape(len(self.Y), -1)


def sentence_units(rows: list[dict], labels: list[str], text_key: str = "text") -> Units:
    nlp = sentencizer_nlp()
    units = Units()
    for u, (row, doc) in enumerate(zip(rows, nlp.pipe([r[text_key] for r in rows], batch_size=512))):
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            s0, s1 = sent.start_char, sent.end_char
            y = [0] * len(labels)
            spans = []
            for sp in row.get("spans", []):
                if sp["start"] < s1 and sp["end"] > s0 and sp["label"] in labels:
                    y[labels.index(sp["label"])] = 1
                    spans.append((sp["label"], max(sp["start"], s0) - s0, min(sp["end"], s1) - s0))
            units.texts.append(sent.text)
            units.Y.append(y)
            units.spans.append(spans)
            units.owner.append(u)
            units.starts.append(s0)
    return units


def utterance_scores(model, rows: list[dict], text_key: str = "text") -> np.ndarray:
    """Each utterance's label probabilities as the pipeline scores them: each sentence's best window with the
    codebook's decision rules applied (:mod:`coach.model.rules`), the maximum over the utterance's sentences."""
    from coach.model import rules

    labels = list(model.labels_)
    units = sentence_units(rows, labels, text_key=text_key)
    sent = rules.apply(model.predict_proba, model.predict_proba(units.texts), units.texts, units.starts,
                       [r[text_key] for r in rows], units.owner, labels)
    return pool(sent, units.owner, len(rows))


def utterance_matrix(rows: list[dict], labels: list[str]) -> np.ndarray:
    return np.array([[int(label in r["labels"]) for label in labels] for r in rows], dtype=int).reshape(
        len(rows), len(labels))


def pool(sent_values: np.ndarray, owner: list[int], n: int) -> np.ndarray:
    """Maximum over each utterance's sentences."""
    out = np.zeros((n, sent_values.shape[1]))
    for k, u in enumerate(owner):
        out[u] = np.maximum(out[u], sent_values[k])
    return out


_FILLERS = ["um", "uh", "like", "you know", "i mean", "so"]


def asr_noise(text: str, rng: random.Random) -> str:
    """A speech-to-text view of ``text``: lowercase, no punctuation, fillers inserted.

    >>> asr_noise("You need to go. Okay?", random.Random(0)) == asr_noise("You need to go. Okay?", random.Random(0))
    True
    """
    words = re.sub(r"[^\w\s']", " ", text.lower()).split()
    out = []
    for w in words:
        if rng.random() < 0.12:
            out.append(rng.choice(_FILLERS))
        out.append(w)
    return " ".join(out)
