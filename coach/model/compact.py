"""Vectorizers whose saved state is small.

skops writes a Python dict entry by entry, so an n-gram vocabulary of tens of
thousands of terms becomes tens of megabytes. These subclasses keep the same
behaviour but, when saved, pack the vocabulary into one newline-joined string
(terms never contain newlines: they come from whitespace-free tokens or from
whitespace-normalised text) and rebuild the dict on load.

>>> v = CompactTfidfVectorizer(analyzer="char_wb", ngram_range=(2, 2)).fit(["ab ba"])
>>> w = CompactTfidfVectorizer(); w.__setstate__(v.__getstate__())
>>> w.vocabulary_ == v.vocabulary_
True
"""

from __future__ import annotations

from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer


def _pack(vocabulary: dict[str, int]) -> str:
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    if any("\n" in t for t in terms):
        raise ValueError("a vocabulary term contains a newline; it cannot be packed")
    return "\n".join(terms)


def _unpack(packed: str) -> dict[str, int]:
    return {t: i for i, t in enumerate(packed.split("\n"))} if packed else {}


class CompactTfidfVectorizer(TfidfVectorizer):
    def __getstate__(self):
        state = dict(super().__getstate__())
        state.pop("stop_words_", None)
        if "vocabulary_" in state:
            state["vocabulary_packed_"] = _pack(state.pop("vocabulary_"))
        return state

    def __setstate__(self, state):
        state = dict(state)
        if "vocabulary_packed_" in state:
            state["vocabulary_"] = _unpack(state.pop("vocabulary_packed_"))
        super().__setstate__(state)


class CompactDictVectorizer(DictVectorizer):
    def __getstate__(self):
        state = dict(super().__getstate__())
        if "vocabulary_" in state:
            state["vocabulary_packed_"] = _pack(state.pop("vocabulary_"))
            state.pop("feature_names_", None)
        return state

    def __setstate__(self, state):
        state = dict(state)
        if "vocabulary_packed_" in state:
            vocab = _unpack(state.pop("vocabulary_packed_"))
            state["vocabulary_"] = vocab
            state["feature_names_"] = sorted(vocab, key=vocab.__getitem__)
        super().__setstate__(state)
