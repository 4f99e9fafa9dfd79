"""The evidence-span tagger: from a flagged sentence to the phrase a supervisor would underline.

For each label, a logistic-regression token classifier scores how likely each
token is to be inside the label's evidence span, from the token, its
neighbours and its cue-lexicon classes. It is trained on the corpus's gold
spans, only on sentences that carry the label, because at inference it is
only asked about sentences the sentence classifier has already flagged.
:func:`best_span` turns the token scores into one contiguous phrase.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression

from coach.model import lexicon as L
from coach.model.compact import CompactDictVectorizer as DictVectorizer

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*|[^\sA-Za-z0-9]")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character offsets of tokens (words with their contractions, and single punctuation marks).

    >>> [("You can't go!"[s:e]) for s, e in tokenize("You can't go!")]
    ['You', "can't", 'go', '!']
    """
    return [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _classes(w: str) -> list[str]:
    out = []
    for name, words in (
        ("you", L.SECOND_PERSON), ("me", L.FIRST_PERSON), ("oblig", L.OBLIGATION), ("prom", L.PROMISE),
        ("diag", L.DIAGNOSIS), ("med", L.MEDICATION), ("judg", L.JUDGMENT), ("hedge", L.HEDGES),
        ("neg", L.NEGATION), ("imp", L.IMPERATIVE_VERBS), ("wh", L.WH), ("choice", L.CHOICE),
        ("auth", L.AUTHORITIES), ("fill", L.FILLERS),
    ):
        if w in words:
            out.append(name)
    return out


def token_features(words: list[str], i: int) -> dict[str, float]:
    w = words[i]
    f: dict[str, float] = {"bias": 1.0, f"w={w}": 1.0, f"suf3={w[-3:]}": 1.0}
    for c in _classes(w):
        f[f"c={c}"] = 1.0
    for d in (-3, -2, -1, 1, 2, 3):
        j = i + d
        tok = words[j] if 0 <= j < len(words) else ("<s>" if j < 0 else "</s>")
        f[f"w{d:+d}={tok}"] = 1.0
        for c in _classes(tok):
            f[f"c{d:+d}={c}"] = 1.0
    prev = words[i - 1] if i > 0 else "<s>"
    nxt = words[i + 1] if i + 1 < len(words) else "</s>"
    f[f"bi-={prev}|{w}"] = 1.0
    f[f"bi+={w}|{nxt}"] = 1.0
    f["first"] = float(i == 0)
    f["last"] = float(i == len(words) - 1)
    f["punct"] = float(not w[:1].isalnum())
    f["pos"] = i / max(1, len(words) - 1)
    return f


def _words(text: str, offsets: list[tuple[int, int]]) -> list[str]:
    return [text[s:e].lower().replace("\u2019", "'") for s, e in offsets]


class SpanTagger(BaseEstimator):
    """Per-label token classifiers. ``fit(texts, spans, labels)``; ``predict(texts, labels)``."""

    def __init__(self, labels=(), C: float = 2.0):
        self.labels = labels
        self.C = C

    def fit(self, texts, spans, labels=None):
        """``spans[i]`` is a list of (label, start, end) gold spans for ``texts[i]``."""
        self.labels_ = list(labels or self.labels)
        self.vectorizers_: dict[str, DictVectorizer] = {}
        self.models_: dict[str, LogisticRegression] = {}
        for label in self.labels_:
            feats, ys = [], []
            for text, gold in zip(texts, spans):
                mine = [(s, e) for lab, s, e in gold if lab == label]
                if not mine:
                    continue
                offs = tokenize(text)
                words = _words(text, offs)
                for i, (s, e) in enumerate(offs):
                    feats.append(token_features(words, i))
                    ys.append(int(any(s >= gs and e <= ge for gs, ge in mine)))
            if not ys or len(set(ys)) < 2:
                continue
            vec = DictVectorizer()
            X = vec.fit_transform(feats)
            model = LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced")
            model.fit(X, np.array(ys))
            self.vectorizers_[label] = vec
            self.models_[label] = model
        return self

    def __getstate__(self):
        state = dict(super().__getstate__())
        state.pop("_compiled", None)  # rebuilt from the fitted vectorizers and models on first use
        return state

    def _weights(self, label: str) -> "_CompiledTagger":
        """The label's logistic regression as a feature-name -> weight table (built once per process)."""
        compiled = self.__dict__.setdefault("_compiled", {})
        if label not in compiled:
            vec, model = self.vectorizers_[label], self.models_[label]
            coef = model.coef_.ravel()
            compiled[label] = _CompiledTagger(
                {name: float(coef[j]) for name, j in vec.vocabulary_.items()}, float(model.intercept_[0]))
        return compiled[label]

    def token_scores(self, text: str, label: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        return self.batch_token_scores([text], [label])[0]

    def predict(self, texts, labels) -> list[tuple[int, int]]:
        """For each (text, label) pair, the (start, end) character span of the evidence."""
        texts = list(texts)
        return [best_span(text, offs, sc) for text, (offs, sc) in zip(texts, self.batch_token_scores(texts, labels))]

    def batch_token_scores(self, texts, labels) -> list[tuple[list[tuple[int, int]], np.ndarray]]:
        """Token offsets and scores for each (text, label), with one vectorisation and one model call per label."""
        texts, labels = list(texts), list(labels)
        out: list = [None] * len(texts)
        by_label: dict[str, list[int]] = {}
        for i, label in enumerate(labels):
            by_label.setdefault(label, []).append(i)
        for label, idx in by_label.items():
            scorer = self._weights(label) if label in self.models_ else None
            for i in idx:
                offs = tokenize(texts[i])
                out[i] = (offs, scorer.scores(_words(texts[i], offs)) if scorer and offs else np.zeros(len(offs)))
        return out

    def predict_all(self, texts, labels) -> list[list[tuple[int, int]]]:
        """For each (text, label) pair, every separate evidence span (at least one), in text order."""
        texts = list(texts)
        return [best_spans(text, offs, sc) for text, (offs, sc) in zip(texts, self.batch_token_scores(texts, labels))]


class _CompiledTagger:
    """One label's token classifier evaluated straight from its weights, without building feature dicts.

    A token's score is the logistic regression's: the intercept plus the weights of its
    :func:`token_features`. Those features are sums of parts that depend on one word at one offset
    (the word itself, its suffix and classes, a neighbour and its classes), on a pair of adjacent words, or
    on the position, so each (word, offset) part is computed once per process and cached. A test checks
    the result against ``predict_proba`` on the fitted vectorizer.
    """

    _OFFSETS = (-3, -2, -1, 1, 2, 3)

    def __init__(self, weights: dict[str, float], intercept: float):
        self.w = weights
        self.const = intercept + weights.get("bias", 0.0)
        self.first, self.last, self.pos = (weights.get(k, 0.0) for k in ("first", "last", "pos"))
        self.cache: dict[str, tuple[float, ...]] = {}
        self.start, self.end = self._parts("<s>"), self._parts("</s>")

    def _parts(self, w: str) -> tuple[float, ...]:
        """(own part, part as neighbour at -3, -2, -1, +1, +2, +3) for word ``w``."""
        got = self.cache.get(w)
        if got is None:
            g, classes = self.w.get, _classes(w)
            own = g(f"w={w}", 0.0) + g(f"suf3={w[-3:]}", 0.0) + sum(g(f"c={c}", 0.0) for c in classes)
            own += g("punct", 0.0) * float(not w[:1].isalnum())
            got = (own, *(g(f"w{d:+d}={w}", 0.0) + sum(g(f"c{d:+d}={c}", 0.0) for c in classes)
                          for d in self._OFFSETS))
            if len(self.cache) > 30_000:
                self.cache.clear()
            self.cache[w] = got
        return got

    def scores(self, words: list[str]) -> np.ndarray:
        n = len(words)
        parts = np.array([self._parts(w) for w in words]).reshape(n, len(self._OFFSETS) + 1)
        z = self.const + parts[:, 0]
        for k, d in enumerate(self._OFFSETS, start=1):  # token i gets part k of its neighbour at i + d
            col = np.full(n, self.start[k] if d < 0 else self.end[k])
            if d < 0 and n + d > 0:
                col[-d:] = parts[:n + d, k]
            elif d > 0 and n - d > 0:
                col[:n - d] = parts[d:, k]
            z += col
        # adjacent-pair weights, looked up rather than cached: distinct pairs are too many to keep per process
        g = self.w.get
        z += np.array([g(f"bi-={a}|{b}", 0.0) for a, b in zip(["<s>", *words[:-1]], words)])
        z += np.array([g(f"bi+={a}|{b}", 0.0) for a, b in zip(words, [*words[1:], "</s>"])])
        z[0] += self.first
        z[-1] += self.last
        z += self.pos * (np.arange(n) / max(1, n - 1))
        return 1.0 / (1.0 + np.exp(-z))


def best_span(text: str, offsets: list[tuple[int, int]], scores: np.ndarray, threshold: float = 0.3,
              max_tokens: int = 10) -> tuple[int, int]:
    """The contiguous run of tokens with the highest summed margin over ``threshold``.

    Falls back to the best single token when none passes; trims punctuation at both ends.

    >>> text = "Okay, you need to go."
    >>> best_span(text, tokenize(text), np.array([.1, .1, .9, .9, .8, .2, .1]))
    (6, 17)
    """
    if not offsets:
        return 0, len(text)
    margins = np.asarray(scores, dtype=float) - threshold
    margins[np.asarray(scores, dtype=float) < 0.15] = -np.inf  # a clearly-outside token ends a run
    best, best_range = -np.inf, (int(np.argmax(scores)), int(np.argmax(scores)))
    n = len(offsets)
    for i in range(n):
        total = 0.0
        for j in range(i, min(n, i + max_tokens)):
            total += margins[j]
            if total == -np.inf:
                break
            if total > best:
                best, best_range = total, (i, j)
    i, j = best_range
    while i < j and not text[offsets[i][0]:offsets[i][1]][:1].isalnum():
        i += 1
    while j > i and not text[offsets[j][0]:offsets[j][1]][:1].isalnum():
        j -= 1
    return offsets[i][0], offsets[j][1]


def best_spans(text: str, offsets: list[tuple[int, int]], scores: np.ndarray, threshold: float = 0.3,
               max_tokens: int = 10, max_spans: int = 3, min_peak: float = 0.6) -> list[tuple[int, int]]:
    """The best span, plus further non-overlapping runs whose peak token score reaches ``min_peak``.

    "You need to open that letter, and you have to stop drinking" has two orders, and a supervisor would
    underline both.

    >>> t = "You need to go, and you have to stop."
    >>> best_spans(t, tokenize(t), np.array([.9, .9, .9, .1, .1, .1, .9, .9, .9, .2, .1]))
    [(0, 11), (20, 31)]
    """
    first = best_span(text, offsets, scores, threshold, max_tokens)
    found = [first]
    scores = np.asarray(scores, dtype=float).copy()

    def clear(s: int, e: int) -> None:
        for i, (a, b) in enumerate(offsets):
            if a < e + 1 and b > s - 1:
                scores[i] = 0.0

    clear(*first)
    for _ in range(2 * max_spans):
        if len(found) >= max_spans or not len(scores) or scores.max() < min_peak:
            break
        nxt = best_span(text, offsets, scores, threshold, max_tokens)
        clear(*nxt)
        # a second phrase counts only across a clause boundary; otherwise it is part of the same concern
        if all(_BOUNDARY.search(text[min(e, nxt[1]):max(s, nxt[0])]) for s, e in found):
            found.append(nxt)
    return sorted(found)


_BOUNDARY = re.compile(r"[;.!?]|\b(and|but|or|then)\b", re.I)  # not bare commas: spoken fillers have them
