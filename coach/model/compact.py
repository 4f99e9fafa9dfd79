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

import re

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer

_WHITE = re.compile(r"\s\s+")
_CACHE_LIMIT = 200_000  # cached words per vectorizer; cleared when full


def _pack(vocabulary: dict[str, int]) -> str:
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    if any("\n" in t for t in terms):
        raise ValueError("a vocabulary term contains a newline; it cannot be packed")
    return "\n".join(terms)


def _unpack(packed: str) -> dict[str, int]:
    return {t: i for i, t in enumerate(packed.split("\n"))} if packed else {}


class CompactTfidfVectorizer(TfidfVectorizer):
    """A ``TfidfVectorizer`` with a small saved state and a faster ``transform``.

    ``transform`` gives exactly what scikit-learn's would (a test compares them), but counts
    ``char_wb`` n-grams per distinct word, from a cache of each word's vocabulary indices: character
    n-grams of ``char_wb`` never cross a word boundary, so a word's n-grams are the same wherever it
    occurs, and a corpus repeats its words endlessly. Fitting is scikit-learn's own.
    """

    def __getstate__(self):
        state = dict(super().__getstate__())
        state.pop("stop_words_", None)
        state.pop("_word_cache", None)
        if "vocabulary_" in state:
            state["vocabulary_packed_"] = _pack(state.pop("vocabulary_"))
        return state

    def __setstate__(self, state):
        state = dict(state)
        if "vocabulary_packed_" in state:
            state["vocabulary_"] = _unpack(state.pop("vocabulary_packed_"))
        super().__setstate__(state)

    def _count_vocab(self, raw_documents, fixed_vocab):
        if not fixed_vocab:
            return super()._count_vocab(raw_documents, fixed_vocab)
        vocabulary = self.vocabulary_
        parts: list[np.ndarray] = []
        indptr = [0]
        if self.analyzer == "char_wb":
            cache = self.__dict__.setdefault("_word_cache", {})
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            preprocess, decode, ngrams = self.build_preprocessor(), self.decode, self._char_wb_ngrams
            total = 0
            for doc in raw_documents:
                for word in _WHITE.sub(" ", preprocess(decode(doc))).split():
                    idx = cache.get(word)
                    if idx is None:
                        idx = cache[word] = np.array(
                            [vocabulary[g] for g in ngrams(word) if g in vocabulary], dtype=np.int32)
                    parts.append(idx)
                    total += len(idx)
                indptr.append(total)
            indices = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
        else:
            analyze, get = self.build_analyzer(), vocabulary.get
            flat: list[int] = []
            for doc in raw_documents:
                flat += [i for i in map(get, analyze(doc)) if i is not None]
                indptr.append(len(flat))
            indices = np.asarray(flat, dtype=np.int32)
        X = sp.csr_matrix((np.ones(len(indices), dtype=self.dtype), indices, np.asarray(indptr, dtype=np.int32)),
                          shape=(len(indptr) - 1, len(vocabulary)))
        X.sum_duplicates()  # counts, with sorted indices, as scikit-learn builds them
        return vocabulary, X


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
