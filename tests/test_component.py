"""The spaCy component: registration, outputs, and one model call per batch."""

from __future__ import annotations

import spacy

from coach.taxonomy import LABELS


def test_factory_is_available_through_entry_point():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("session_coach")
    doc = nlp("You need to stop drinking this weekend. What would you like to do?")
    labels = [s.label_ for s in doc.spans["coach"]]
    assert "power_over" in labels and "person_driven" in labels
    assert set(doc.cats) == set(LABELS)


def test_span_is_the_phrase_not_the_sentence(nlp):
    doc = nlp("Okay so, you need to stop drinking this weekend, alright?")
    spans = [s for s in doc.spans["coach"] if s.label_ == "power_over"]
    assert spans, "power_over not found"
    span = spans[0]
    assert "need" in span.text.lower()
    assert len(span) < len(list(span.sent)) - 2
    assert span._.coach_kind == "concern"
    assert 0.0 < span._.coach_score <= 1.0
    assert "Equally shared power" in span._.coach_guideline
    assert span._.coach_suggestions and span._.coach_suggestions[0]["text"]


def test_works_without_a_sentencizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("session_coach")
    doc = nlp("I promise everything will be fine.")
    assert [s.label_ for s in doc.spans["coach"]] == ["false_promise"]


def test_pipe_equals_call(nlp):
    texts = ["You have to go to group.", "That sounds really hard.", "I promise it will get better.",
             "It's completely your call.", "That's classic PTSD."]
    docs = [nlp(t) for t in texts]  # keep the Docs alive while reading their spans
    one = [[(s.label_, s.start_char, s.end_char) for s in d.spans["coach"]] for d in docs]
    piped = list(nlp.pipe(texts))
    many = [[(s.label_, s.start_char, s.end_char) for s in d.spans["coach"]] for d in piped]
    assert one == many


def test_model_runs_once_per_batch(nlp):
    """The model is evaluated once per batch of documents, never once per sentence."""
    component = nlp.get_pipe("session_coach")
    linear = component.model._linear()  # the compiled weights every prediction goes through
    calls = []
    original = linear.predict_proba

    def counting(texts):
        calls.append(len(texts))
        return original(texts)

    linear.predict_proba = counting  # instance attribute shadows the method for this test
    try:
        texts = [f"You need to call your sister, number {i}. Thanks for telling me." for i in range(40)]
        component.suggest = False
        list(nlp.pipe(texts, batch_size=64))
        assert len(calls) == 1 and calls[0] == 80  # 40 docs x 2 sentences, one call
        calls.clear()
        component.suggest = True
        list(nlp.pipe(texts, batch_size=64))
        assert 1 <= len(calls) <= 3  # the batch, plus at most two batched checks of its suggestions (cached texts skip them)
    finally:
        component.suggest = True
        del linear.predict_proba  # the class method is back


def test_empty_doc(nlp):
    doc = nlp("")
    assert list(doc.spans["coach"]) == []
    assert all(v == 0.0 for v in doc.cats.values())



def test_one_phrase_with_two_labels_keeps_each_labels_own_data(nlp):
    # spaCy keys span extensions by offsets only; ours are keyed by label too
    from spacy.tokens import Span

    import coach.component  # noqa: F401

    doc = nlp.make_doc("pull yourself together")
    a, b = Span(doc, 0, 3, label="power_over"), Span(doc, 0, 3, label="judgment")
    a._.coach_score, b._.coach_score = 0.6, 0.9
    a._.coach_suggestions, b._.coach_suggestions = [{"text": "A"}], [{"text": "B"}]
    doc.spans["coach"] = [a, b]
    assert [(s._.coach_score, s._.coach_suggestions[0]["text"]) for s in doc.spans["coach"]] == [(0.6, "A"), (0.9, "B")]


def test_every_span_carries_its_own_labels_guideline_and_score(nlp):
    from coach import taxonomy

    texts = ["Come on, Lou, pull yourself together.", "Toughen up, it's not that big a deal.",
             "You're basically a functional addict, man.", "Stop being so dramatic and just call her."]
    for doc in nlp.pipe(texts):
        sent_scores = doc._.coach_sentence_scores
        for span in doc.spans["coach"]:
            assert span._.coach_guideline == taxonomy.get(span.label_).guideline
            assert span._.coach_kind == taxonomy.get(span.label_).kind
            assert any(abs(row[span.label_] - span._.coach_score) < 1e-9 for row in sent_scores)
