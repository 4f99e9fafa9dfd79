"""The sentence classifier: a scikit-learn ``Pipeline`` plus per-label thresholds and the span tagger.

:class:`SessionModel` is what ``coach train`` fits and saves and what the
spaCy component loads. It follows scikit-learn conventions: hyper-parameters
in ``__init__``, learned state in attributes ending with ``_``, nothing
fitted at import time.

Long sentences (a speech-to-text turn often has no punctuation at all) are
scored as overlapping token windows, and a sentence's score is its best
window's, so one clause carrying a concern is not diluted by the rest.

>>> windows("one two three four five", size=2, stride=2)
[(0, 7), (8, 18), (19, 23)]
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

from coach.model.compact import CompactTfidfVectorizer as TfidfVectorizer
from coach.model.encoder import blend
from coach.model.features import CueFeatures, SpanText, as_text, char_text, shape_ngrams, word_ngrams
from coach.model.spans import SpanTagger

_TOKEN = re.compile(r"\S+")


def windows(text: str, size: int = 24, stride: int = 12) -> list[tuple[int, int]]:
    """Character spans of overlapping windows of ``size`` whitespace tokens (one window for short texts)."""
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if len(toks) <= size:
        return [(0, len(text))]
    out, i = [], 0
    while True:
        j = min(len(toks), i + size)
        out.append((toks[i][0], toks[j - 1][1]))
        if j == len(toks):
            return out
        i += stride


class NBLogisticEnsemble(ClassifierMixin, BaseEstimator):
    """Binary classifier: the mean logit of a logistic regression on the features and of an NB-SVM-style
    logistic regression on binarised features scaled by naive-Bayes log-count ratios (Wang & Manning's idea,
    our implementation)."""

    def __init__(self, C: float = 16.0, nb_C: float = 4.0, alpha: float = 1.0):
        self.C = C
        self.nb_C = nb_C
        self.alpha = alpha

    def fit(self, X, y):
        X = sp.csr_matrix(X)
        y = np.asarray(y).astype(int)
        self.classes_ = np.array([0, 1])
        Xb = (X > 0).astype(np.float32)
        p = self.alpha + np.asarray(Xb[y == 1].sum(axis=0)).ravel()
        q = self.alpha + np.asarray(Xb[y == 0].sum(axis=0)).ravel()
        self.ratio_ = np.log((p / p.sum()) / (q / q.sum())).astype(np.float32)
        self.lr_ = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear", max_iter=3000)
        self.lr_.fit(X, y)
        self.nb_ = LogisticRegression(C=self.nb_C, class_weight="balanced", solver="liblinear", max_iter=3000)
        self.nb_.fit(Xb.multiply(self.ratio_).tocsr(), y)
        return self

    def decision_function(self, X):
        X = sp.csr_matrix(X)
        Xb = (X > 0).astype(np.float32).multiply(self.ratio_).tocsr()
        return 0.5 * (self.lr_.decision_function(X) + self.nb_.decision_function(Xb))

    def predict_proba(self, X):
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1 - p, p])

    def predict(self, X):
        return (self.decision_function(X) > 0).astype(int)


def build_pipeline(C: float = 16.0, char_max_features: int = 60000, word_max_features: int = 60000,
                   cv: int = 5, shape_max_features: int = 40000) -> Pipeline:
    """The feature union and the calibrated one-vs-rest classifier, unfitted."""
    features = FeatureUnion([
        ("words", TfidfVectorizer(analyzer=word_ngrams, min_df=2, sublinear_tf=True,
                                  max_features=word_max_features, dtype=np.float32)),
        ("chars", TfidfVectorizer(analyzer="char_wb", preprocessor=char_text, ngram_range=(2, 5), min_df=3,
                                  sublinear_tf=True, max_features=char_max_features, dtype=np.float32)),
        ("shapes", TfidfVectorizer(analyzer=shape_ngrams, min_df=3, sublinear_tf=True, max_features=shape_max_features,
                                   dtype=np.float32)),
        ("cues", CueFeatures()),
    ])
    clf = OneVsRestClassifier(CalibratedClassifierCV(NBLogisticEnsemble(C=C), method="sigmoid", cv=cv,
                                                     ensemble=False))
    return Pipeline([("features", features), ("clf", clf)])


class SessionModel(BaseEstimator):
    """Multi-label sentence classifier with precision-tuned thresholds and an evidence-span tagger.

    ``fit(texts, Y, spans)``: ``Y`` is an (n, n_labels) 0/1 matrix; ``spans[i]`` lists (label, start, end). ``fit``
    trains the n-gram model; the fine-tuned sentence encoder (:mod:`coach.model.encoder`) is trained apart
    (:mod:`coach.model.finetune`) and attached with :meth:`attach_encoder`, after which every window's score is the
    two models' logits blended with weight ``encoder_weight``.
    """

    def __init__(self, labels=(), C: float = 16.0, char_max_features: int = 60000,
                 word_max_features: int = 60000, cv: int = 5, window: int = 24, stride: int = 12,
                 encoder_weight: float = 0.5):
        self.labels = labels
        self.encoder_weight = encoder_weight
        self.C = C
        self.char_max_features = char_max_features
        self.word_max_features = word_max_features
        self.cv = cv
        self.window = window
        self.stride = stride

    def _windowed(self, texts, spans=None):
        """Window texts, their owners and offsets (and, with gold spans, window labels and clipped spans).

        Items may be strings, :class:`SpanText` or spaCy spans; a span's windows are sub-spans, so its tokens
        are reused.
        """
        w_texts, owner, offs, w_y, w_spans = [], [], [], [], []
        for k, item in enumerate(texts):
            text = as_text(item)
            span = item.span if isinstance(item, SpanText) else None if isinstance(item, str) else item
            for a, b in windows(text, self.window, self.stride):
                if (a, b) == (0, len(text)):
                    piece = item
                elif span is None:
                    piece = text[a:b]
                else:
                    sub = span.doc.char_span(span.start_char + a, span.start_char + b, alignment_mode="expand")
                    if sub is None:
                        piece = text[a:b]
                    else:  # the sub-span's text and token ids, cut from the sentence's
                        orths = getattr(item, "orths", None)
                        piece = SpanText(
                            text[sub.start_char - span.start_char:sub.end_char - span.start_char], sub,
                            None if orths is None else orths[sub.start - span.start:sub.end - span.start])
                w_texts.append(piece)
                owner.append(k)
                offs.append((a, b))
                if spans is not None:
                    y = [0] * len(self.labels_)
                    clipped = []
                    for label, s, e in spans[k]:
                        overlap = min(b, e) - max(a, s)
                        if overlap > 0 and overlap >= 0.5 * (e - s):
                            y[self.labels_.index(label)] = 1
                            clipped.append((label, max(a, s) - a, min(b, e) - a))
                    w_y.append(y)
                    w_spans.append(clipped)
        return w_texts, owner, offs, w_y, w_spans

    def fit(self, texts, Y, spans=None):
        self.labels_ = list(self.labels)
        texts = list(texts)
        if spans is None:  # without spans, a window inherits its sentence's labels
            spans = [[(lab, 0, len(t)) for lab, v in zip(self.labels_, row) if v] for t, row in zip(texts, Y)]
        w_texts, _, _, w_y, w_spans = self._windowed(texts, spans)
        self.pipeline_ = build_pipeline(self.C, self.char_max_features, self.word_max_features, self.cv)
        self.pipeline_.fit(w_texts, np.asarray(w_y))
        self.thresholds_ = {label: 0.5 for label in self.labels_}
        self.tagger_ = SpanTagger(labels=tuple(self.labels_)).fit(w_texts, w_spans)
        return self

    def predict_proba_windows(self, texts) -> tuple[np.ndarray, np.ndarray]:
        """(n, n_labels) probabilities (best window per text) and (n, n_labels, 2) best-window char offsets.

        One vectorisation and one model call for the whole batch.
        """
        texts = list(texts)
        n, L = len(texts), len(self.labels_)
        proba = np.zeros((n, L))
        best = np.zeros((n, L, 2), dtype=int)
        if not texts:
            return proba, best
        w_texts, owner, offs, _, _ = self._windowed(texts)
        wp = self._linear().predict_proba(w_texts)
        if self.encoder is not None:
            wp = blend(wp, self.encoder.logits([as_text(t) for t in w_texts]), self.encoder_weight)
        for k, o in enumerate(owner):
            better = wp[k] > proba[o]
            proba[o] = np.where(better, wp[k], proba[o])
            best[o][better] = offs[k]
        for i, t in enumerate(texts):  # texts whose windows all scored 0 still need a window
            best[i][best[i][:, 1] == 0] = (0, len(t))
        return proba, best

    def predict_proba(self, texts) -> np.ndarray:
        return self.predict_proba_windows(texts)[0]

    def __getstate__(self):
        state = dict(super().__getstate__())
        state.pop("_compiled", None)  # rebuilt from the fitted pipeline on first use
        state.pop("_encoder", None)  # its own files, beside the model file (coach.model.encoder)
        return state

    @property
    def encoder(self):
        """The fine-tuned sentence encoder blended with the linear model, or ``None`` (linear model alone)."""
        return self.__dict__.get("_encoder")

    def attach_encoder(self, encoder) -> "SessionModel":
        """Blend ``encoder``'s logits into every score from now on (``None`` detaches it); returns ``self``."""
        if encoder is not None and encoder.n_labels != len(self.labels_):
            raise ValueError(f"the encoder has {encoder.n_labels} labels, the model {len(self.labels_)}")
        self.__dict__["_encoder"] = encoder
        return self

    @contextmanager
    def without_encoder(self):
        """Score with the n-gram model alone inside the ``with`` block; the encoder is attached again after it.

        >>> m = SessionModel(labels=("a",))
        >>> with m.without_encoder() as same:
        ...     same is m and m.encoder is None
        True
        """
        encoder = self.encoder
        self.__dict__["_encoder"] = None
        try:
            yield self
        finally:
            self.__dict__["_encoder"] = encoder

    def _linear(self) -> "_LinearModel":
        """The fitted pipeline as one set of linear weights per feature block (built once per process)."""
        if "_compiled" not in self.__dict__:
            self.__dict__["_compiled"] = _LinearModel.from_pipeline(self.pipeline_)
        return self.__dict__["_compiled"]

    def for_inference(self) -> "SessionModel":
        """Compile the linear weights and let go of the fitted estimators they were read from (about 17 MB), for a
        long-running scoring process: ``predict_proba``, ``predict_proba_windows``, ``flags`` and the spans work as
        before; ``pipeline_.predict_proba`` no longer does. Idempotent; returns ``self``."""
        self._linear()
        clf = self.pipeline_.named_steps["clf"]
        if getattr(clf, "estimators_", None):
            clf.estimators_ = []
        return self

    def predict(self, texts) -> np.ndarray:
        return self.flags(self.predict_proba(texts))

    def flags(self, proba: np.ndarray) -> np.ndarray:
        t = np.array([self.thresholds_[label] for label in self.labels_])
        return proba >= t

    def all_spans(self, texts, labels, windows_=None) -> list[list[tuple[int, int]]]:
        """Every evidence span of each (text, label), within the given best windows when passed."""
        texts, labels = list(texts), list(labels)
        if windows_ is None:
            windows_ = [(0, len(t)) for t in texts]
        pieces = self.tagger_.predict_all([t[a:b] for t, (a, b) in zip(texts, windows_)], labels)
        return [[(a + s, a + e) for s, e in spans] for spans, (a, b) in zip(pieces, windows_)]

    def spans(self, texts, labels, windows_=None) -> list[tuple[int, int]]:
        """Evidence span of each (text, label); within the given best windows when passed."""
        texts, labels = list(texts), list(labels)
        if windows_ is None:
            windows_ = [(0, len(t)) for t in texts]
        out = []
        for (s, e), (a, b) in zip(self.tagger_.predict([t[a:b] for t, (a, b) in zip(texts, windows_)], labels),
                                  windows_):
            out.append((a + s, a + e))
        return out


class _LinearModel:
    """The fitted ``Pipeline`` evaluated straight from its weights, one feature block at a time.

    Every step after the features is linear up to the final sigmoid: for each label, the ensemble's logit is
    ``0.5 * (x . w_lr + b_lr) + 0.5 * ((x > 0) * r) . w_nb + b_nb)`` and Platt calibration maps it through
    ``1 / (1 + exp(a * logit + b))``. So a window's probabilities for all labels come from two sparse-dense
    products per block, without stacking the blocks or calling scikit-learn's estimators one label at a time.
    The result is the pipeline's ``predict_proba`` up to floating-point rounding (a test compares them).
    """

    def __init__(self, blocks, lr_weights, nb_weights, const, a, b):
        self.blocks = blocks  # the fitted feature transformers, in FeatureUnion order
        self.lr_weights = lr_weights  # per block, (n_features, n_labels)
        self.nb_weights = nb_weights
        self.const, self.a, self.b = const, a, b

    @classmethod
    def from_pipeline(cls, pipeline: Pipeline) -> "_LinearModel":
        union: FeatureUnion = pipeline.named_steps["features"]
        ovr: OneVsRestClassifier = pipeline.named_steps["clf"]
        if union.transformer_weights or not getattr(ovr, "multilabel_", False):
            raise ValueError("the compiled model expects an unweighted FeatureUnion and a multi-label classifier")
        blocks = [t for _, t in union.transformer_list]
        sizes = [len(t.get_feature_names_out()) for t in blocks]
        lr_cols, nb_cols, const, a, b = [], [], [], [], []
        for est in ovr.estimators_:
            (cal,) = est.calibrated_classifiers_
            ens, (sig,) = cal.estimator, cal.calibrators
            lr_cols.append(0.5 * ens.lr_.coef_.ravel())
            nb_cols.append(0.5 * ens.ratio_.astype(np.float64) * ens.nb_.coef_.ravel())
            const.append(0.5 * (ens.lr_.intercept_[0] + ens.nb_.intercept_[0]))
            a.append(sig.a_)
            b.append(sig.b_)
        lr, nb = np.column_stack(lr_cols), np.column_stack(nb_cols)
        cuts = np.cumsum([0, *sizes])
        if cuts[-1] != lr.shape[0]:
            raise ValueError("feature blocks and classifier weights disagree in size")
        split = lambda m: [np.ascontiguousarray(m[i:j]) for i, j in zip(cuts[:-1], cuts[1:])]  # noqa: E731
        return cls(blocks, split(lr), split(nb), np.array(const), np.array(a), np.array(b))

    def predict_proba(self, texts) -> np.ndarray:
        """(n, n_labels) probabilities, as ``pipeline.predict_proba`` gives them (one column per label)."""
        z = np.tile(self.const, (len(texts), 1))
        for block, w_lr, w_nb in zip(self.blocks, self.lr_weights, self.nb_weights):
            X = sp.csr_matrix(block.transform(texts))
            z += X @ w_lr
            X.data = (X.data > 0).astype(X.dtype)
            z += X @ w_nb
        p = 1.0 / (1.0 + np.exp(self.a * z + self.b))
        return np.clip(p, 0.0, 1.0)
