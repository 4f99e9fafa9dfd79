"""The fast inference paths compute exactly what the straightforward implementations would.

Throughput work (benchmarks/throughput.py) replaced three hot spots with cached or compiled
versions; these tests hold each to its reference on real corpus text, so speed never changes a score.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from conftest import ROOT
from sklearn.feature_extraction.text import CountVectorizer

from coach.model import features as F
from coach.model.spans import _words, token_features, tokenize


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rows = [json.loads(line)["text"] for line in (ROOT / "corpora" / "utterances.jsonl").open(encoding="utf-8")]
    rng = random.Random(7)
    sample = rng.sample(rows, 1500)
    # speech-to-text copies and odd whitespace too
    return sample + [t.lower().replace(",", "").replace(".", "") for t in sample[:300]] + ["", "  ", "a\tb\n c"]


def test_vectorizers_transform_like_scikit_learn(model, texts):
    vectorizers = [(name, vec) for name, vec in model.pipeline_.named_steps["features"].transformer_list
                   if hasattr(vec, "vocabulary_")]
    assert len(vectorizers) >= 2
    for name, vec in vectorizers:
        fast = vec.transform(texts)
        fast_again = vec.transform(texts)  # from the warm word cache
        _, counts = CountVectorizer._count_vocab(vec, texts, True)  # scikit-learn's own counting
        ref = vec._tfidf.transform(counts, copy=False)
        for got in (fast, fast_again):
            assert got.shape == ref.shape and got.dtype == ref.dtype, name
            assert got.has_sorted_indices, name
            assert abs(got - ref).max() == 0.0, name


def test_compiled_classifier_matches_the_fitted_pipeline(model, texts):
    # the weights-only evaluation of words + chars + cues -> NB/LR ensemble -> Platt sigmoid, for all labels
    got = model._linear().predict_proba(texts)
    ref = np.asarray(model.pipeline_.predict_proba(texts))
    assert got.shape == ref.shape == (len(texts), len(model.labels_))
    np.testing.assert_allclose(got, ref, rtol=0, atol=1e-9)
    assert (model.flags(got) == model.flags(ref)).all()


def test_compiled_span_tagger_matches_its_logistic_regressions(model, texts):
    tagger = model.tagger_
    for label in tagger.models_:
        got = tagger.batch_token_scores(texts[:400], [label] * 400)
        for text, (offs, scores) in zip(texts[:400], got):
            if not offs:
                assert len(scores) == 0
                continue
            words = _words(text, offs)
            X = tagger.vectorizers_[label].transform([token_features(words, i) for i in range(len(offs))])
            ref = tagger.models_[label].predict_proba(X)[:, 1]
            np.testing.assert_allclose(scores, ref, rtol=0, atol=1e-12)
            assert offs == tokenize(text)


def test_phrase_cues_count_each_phrase_once_as_a_substring_would(texts):
    idx = {name: i for i, name in enumerate(F.CUE_NAMES)}
    for text in texts[:600] + ["why don't you why don't you just go, trust me, trust me"]:
        toks = F.cue_tokens(text)
        joined = " " + " ".join(toks) + " "
        expected = np.zeros(len(F.CUE_NAMES))
        for pat, name in F._PHRASE_LIST:
            expected[idx[name]] += pat in joined
        got = F.cue_vector(toks)
        phrase_cues = sorted({idx[name] for _, name in F._PHRASE_LIST})  # counted by phrases only
        assert np.array_equal(got[phrase_cues], expected[phrase_cues]), text


def test_cue_vector_is_stable_under_its_token_cache():
    toks = F.cue_tokens("You need to take your meds, I promise it'll be fine, your doctor said so.")
    first = F.cue_vector(toks)
    F._TOKEN_CUES.clear()
    assert np.array_equal(F.cue_vector(toks), first)
    assert first[F.CUE_NAMES.index("you_obligation")] == 1
    assert first[F.CUE_NAMES.index("reported_speech")] == 1
    assert first[F.CUE_NAMES.index("second_person")] == 3


def test_cue_tokens_from_orth_ids_equal_those_from_tokens(texts):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for doc in nlp.pipe(texts[:800] + ["I\u2019m sure you\u2019ll be fine \u2014 won't you?!  \n ok"]):
        orths = doc.to_array("ORTH").tolist()
        for sent in doc.sents:
            item = F.SpanText.of(sent, doc.text, orths)
            assert item == sent.text
            assert F.cue_tokens(item) == F.cue_tokens(sent) == F.cue_tokens(F.SpanText.of(sent))


def test_cue_tokens_of_a_string_equal_those_of_its_tokens(texts):
    tokenizer = F._tokenizer()
    for text in texts[:800]:
        doc = tokenizer(text.replace("\u2019", "'"))
        assert F.cue_tokens(text) == F.cue_tokens(doc[:])


def test_caches_never_keep_a_doc_alive():
    """A SpanText carries its Doc; a cache keyed by one would keep every scored Doc in memory (it did: the
    1,000,000-utterance memory benchmark peaked at 726 MB)."""
    import gc
    import sys

    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("You need to call her tonight. Honestly it'll all work out.")
    gc.collect()
    before = sys.getrefcount(doc)
    items = [F.SpanText.of(s, doc.text, doc.to_array("ORTH").tolist()) for s in doc.sents]
    for item in items:
        F.normalise(item)
        F.word_ngrams(item)
        F.char_text(item)
        F.cue_vector(F.cue_tokens(item))
    del items, item
    gc.collect()
    assert sys.getrefcount(doc) == before


@pytest.mark.parametrize(
    "module",
    [
        "coach.model.features",
        "coach.model.compact",
        "coach.model.spans",
        "coach.model.classifier",
        "coach.model.evaluate",
        "coach.model.limits",
        "coach.reported",
        "coach.suggest",
        "coach.suggest.content",
        "coach.suggest.clause",
        "coach.suggest.rewrite",
        "coach.suggest.vocative",
        "coach.suggest.bank",
        "coach.component",
    ],
)
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0


def test_component_sentences_from_arrays_equal_doc_sents(texts):
    import spacy

    from coach.component import SessionCoach, doc_text

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    coach = SessionCoach.__new__(SessionCoach)  # _sentences reads only the Doc
    coach._sentencizer = None
    for doc in nlp.pipe(texts + ["Hi.  \n  There", "\n\nok. ", "One. Two! Three?"]):
        orths = doc.to_array("ORTH").tolist()
        assert doc_text(doc) == doc_text(doc, orths) == doc.text
        ref = [t for t in (F.SpanText.of(s, doc.text, orths) for s in doc.sents) if t.strip()]
        got, text = coach._sentences(doc)
        assert text == doc.text
        assert [(str(t), t.span.start, t.span.end, t.orths) for t in got] == \
            [(str(t), t.span.start, t.span.end, t.orths) for t in ref]


def test_shape_ngrams_from_the_cache_equal_word_shapes(texts):
    def reference(text):
        toks = ["<s>", *(F.word_shape(w) for w in F.word_tokens(text)), "</s>"]
        return [" ".join(toks[i:i + n]) for n in (2, 3, 4) for i in range(len(toks) - n + 1)]

    for _ in range(2):  # cold, then from the shape cache
        for text in texts:
            assert F.shape_ngrams(text) == reference(text)


def test_for_inference_scores_the_same_without_the_estimators():
    """A scoring process lets go of the fitted estimators once the weights are compiled (memory target of the batch
    scorer); the probabilities it gives do not move."""
    from coach.model import io

    model = io.load()
    texts = ["You need to call your sponsor tonight.", "What would you like to do next?", "That's classic PTSD."]
    before = model.predict_proba(texts)
    assert model.for_inference() is model
    assert model.pipeline_.named_steps["clf"].estimators_ == []
    np.testing.assert_array_equal(model.predict_proba(texts), before)
    model.for_inference()  # idempotent
    np.testing.assert_array_equal(model.predict_proba(texts), before)
