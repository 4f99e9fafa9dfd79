"""The sentence classifier: a scikit-learn ``Pipeline`` plus per-label thresholds and the span tagger.

:class:`SessionModel` is what ``coach train`` fits and saves and what the
spaCy component loads. It follows scikit-learn conventions: hyper-parameters
in ``__init__``, learned state in attributes ending with ``_``, nothing
fitted at import time.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.calibration import CalibratedClassifierCV
from coach.model.compact import CompactTfidfVectorizer as TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

from coach.model.features import CueFeatures, char_text, word_ngrams
from coach.model.spans import SpanTagger


def build_pipeline(C: float = 4.0, char_max_features: int = 40000, word_max_features: int = 40000,
                   cv: int = 5, random_state: int = 0) -> Pipeline:
    """The feature union and the calibrated one-vs-rest linear classifier, unfitted."""
    features = FeatureUnion([
        ("words", TfidfVectorizer(analyzer=word_ngrams, min_df=2, sublinear_tf=True,
                                  max_features=word_max_features, dtype=np.float32)),
        ("chars", TfidfVectorizer(analyzer="char_wb", preprocessor=char_text, ngram_range=(2, 5), min_df=3,
                                  sublinear_tf=True, max_features=char_max_features, dtype=np.float32)),
        ("cues", CueFeatures()),
    ])
    base = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, solver="liblinear",
                              random_state=random_state)
    clf = OneVsRestClassifier(CalibratedClassifierCV(base, method="sigmoid", cv=cv, ensemble=False))
    return Pipeline([("features", features), ("clf", clf)])


class SessionModel(BaseEstimator):
    """Multi-label sentence classifier with precision-tuned thresholds and an evidence-span tagger.

    ``fit(texts, Y, spans)``: ``Y`` is an (n, n_labels) 0/1 matrix; ``spans[i]`` lists (label, start, end).
    """

    def __init__(self, labels=(), C: float = 4.0, char_max_features: int = 40000,
                 word_max_features: int = 40000, cv: int = 5):
        self.labels = labels
        self.C = C
        self.char_max_features = char_max_features
        self.word_max_features = word_max_features
        self.cv = cv

    def fit(self, texts, Y, spans=None):
        self.labels_ = list(self.labels)
        self.pipeline_ = build_pipeline(self.C, self.char_max_features, self.word_max_features, self.cv)
        self.pipeline_.fit(list(texts), np.asarray(Y))
        self.thresholds_ = {label: 0.5 for label in self.labels_}
        self.tagger_ = SpanTagger(labels=tuple(self.labels_)).fit(list(texts), spans or [[] for _ in texts])
        return self

    def predict_proba(self, texts) -> np.ndarray:
        """(n, n_labels) calibrated probabilities, one vectorisation and one model call for the whole batch."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.labels_)))
        return np.asarray(self.pipeline_.predict_proba(texts))

    def predict(self, texts) -> np.ndarray:
        return self.flags(self.predict_proba(texts))

    def flags(self, proba: np.ndarray) -> np.ndarray:
        t = np.array([self.thresholds_[label] for label in self.labels_])
        return proba >= t

    def spans(self, texts, labels) -> list[tuple[int, int]]:
        return self.tagger_.predict(list(texts), list(labels))
