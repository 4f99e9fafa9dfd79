"""Retrieval from the team's rewrite bank (``corpora/rewrites.jsonl``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

BANK_PATH = Path(__file__).resolve().parent.parent.parent / "corpora" / "rewrites.jsonl"


@lru_cache(maxsize=1)
def _index():
    import json

    from coach.model.compact import CompactTfidfVectorizer as TfidfVectorizer  # scikit-learn's, faster transform

    if not BANK_PATH.exists():
        return None
    rows = [json.loads(line) for line in BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        return None
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True)
    X = vec.fit_transform([r["original"] for r in rows])
    return rows, vec, X


_GENERIC = frozenset("thing things stuff bit lot lots kind sort time times".split())


def _specifics(text: str) -> set[str]:
    """The words of ``text`` that name particulars: four letters or more, no stop words, fillers, verbs
    (lemminflect's lexicon) or words as general as "thing"; cut to five letters so "month" and "months" meet."""
    from lemminflect import getAllLemmas
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from coach.model import lexicon as L

    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())
            if w not in ENGLISH_STOP_WORDS and w not in L.FILLERS and w not in L.SLANG_FILLERS
            and w not in _GENERIC and "VERB" not in getAllLemmas(w)}


def carries_over(rewrite: str, original: str, sentence: str) -> bool:
    """Does a bank rewrite name particulars of its own original that ``sentence`` never mentions? Retrieval
    finds a similar sentence, not the same situation: "your kids are gonna be fine" must not be answered
    about "your daughter", nor "nothing bad is gonna happen to you" about "tonight".

    >>> carries_over("I can't say how it'll go for your daughter; what worries you?",
    ...              "Your daughter's gonna be totally fine, kids bounce back.", "ur kids are gonna be fine")
    True
    >>> carries_over("What are your thoughts about treatment right now?",
    ...              "I think you should go back on your antidepressants.", "u should get on antidepressants")
    False
    """
    return bool(_specifics(rewrite) & (_specifics(original) - _specifics(sentence)))


def nearest_many(items, k: int = 1, min_similarity: float = 0.6) -> list[list[str]]:
    """:func:`nearest` for many (sentence, label) pairs with one vectorisation. A rewrite naming its original's
    particulars that the sentence does not mention (:func:`carries_over`) is passed by."""
    items = list(items)
    idx = _index()
    if idx is None or not items:
        return [[] for _ in items]
    rows, vec, X = idx
    sims = (vec.transform([s for s, _ in items]) @ X.T).toarray()
    out = []
    for (sentence, label), row in zip(items, sims):
        found = []
        for i in row.argsort()[::-1]:
            if row[i] < min_similarity:
                break
            if rows[i]["label"] == label and rows[i]["original"].strip().lower() != sentence.strip().lower() \
                    and not carries_over(rows[i]["rewrite"], rows[i]["original"], sentence):
                found.append(rows[i]["rewrite"])
                if len(found) >= k:
                    break
        out.append(found)
    return out


def nearest(sentence: str, label: str, k: int = 1, min_similarity: float = 0.6) -> list[str]:
    """Rewrites of the ``k`` most similar bank originals with the same label (cosine >= ``min_similarity``)."""
    return nearest_many([(sentence, label)], k, min_similarity)[0]
