"""Retrieval from the team's rewrite bank (``corpora/rewrites.jsonl``)."""

from __future__ import annotations

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


def nearest_many(items, k: int = 1, min_similarity: float = 0.6) -> list[list[str]]:
    """:func:`nearest` for many (sentence, label) pairs with one vectorisation."""
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
            if rows[i]["label"] == label and rows[i]["original"].strip().lower() != sentence.strip().lower():
                found.append(rows[i]["rewrite"])
                if len(found) >= k:
                    break
        out.append(found)
    return out


def nearest(sentence: str, label: str, k: int = 1, min_similarity: float = 0.6) -> list[str]:
    """Rewrites of the ``k`` most similar bank originals with the same label (cosine >= ``min_similarity``)."""
    idx = _index()
    if idx is None:
        return []
    rows, vec, X = idx
    sims = (X @ vec.transform([sentence]).T).toarray().ravel()
    order = sims.argsort()[::-1]
    out = []
    for i in order:
        if sims[i] < min_similarity:
            break
        if rows[i]["label"] == label and rows[i]["original"].strip().lower() != sentence.strip().lower():
            out.append(rows[i]["rewrite"])
            if len(out) >= k:
                break
    return out
