"""Codebook decision rule 4: words the supporter quotes from someone else are not the supporter's concern.

Sentences written for this test.
"""

from __future__ import annotations

from coach.reported import reported_quotes


def _concerns(nlp, text):
    doc = nlp(text)  # the spans need their Doc alive
    return sorted({s.label_ for s in doc.spans["coach"] if s.label_ != "person_driven"})


def test_reported_quotes_are_found_by_their_reporting_verb():
    t = 'Her caseworker keeps telling her "you have to stop calling so much", which stung.'
    assert [t[a:b] for a, b in reported_quotes(t)] == ['"you have to stop calling so much"']
    t = "\u201cjust get over it\u201d is what my sister told me for years."
    assert [t[a:b] for a, b in reported_quotes(t)] == ["\u201cjust get over it\u201d"]
    # the supporter's own words, or a quote with no source, stay the supporter's
    assert reported_quotes('I said "you need to leave him" and regretted it.') == []
    assert reported_quotes('Line to practise: "You need to leave him."') == []


def test_an_order_or_verdict_someone_else_gave_is_not_flagged(nlp):
    # (without the rule, the model flags these three as judgment, judgment and diagnosis)
    assert _concerns(nlp, '"Stop being so dramatic" - that is what my dad said to me too.') == []
    assert _concerns(nlp, 'Your brother told you "you\'re just being dramatic"? That must have hurt.') == []
    assert _concerns(nlp, 'And then the doctor goes "it\'s classic bipolar" without even looking up?') == []


def test_the_same_words_said_by_the_supporter_are_still_flagged(nlp):
    assert "power_over" in _concerns(nlp, "You need to hit rock bottom first, and I hated it.")
    assert "judgment" in _concerns(nlp, "You're just being dramatic. That must have hurt.")
    # ... and a concern of the supporter's own next to a reported quote is still found
    assert "power_over" in _concerns(nlp, 'Your mum said "it\'s fine" but you need to call the clinic today.')


def test_a_line_quoted_from_their_post_is_not_the_supporters(nlp):
    # (without the rule, the model reads the quoted "they'll take the kids" as the supporter's false promise)
    t = '"I have to be perfect or they\'ll take the kids off me." That line from your post has stayed with me.'
    assert [t[a:b] for a, b in reported_quotes(t)] == ['"I have to be perfect or they\'ll take the kids off me."']
    assert _concerns(nlp, t) == []


def test_single_quotes_report_words_but_apostrophes_do_not():
    t = "You said, um \u2014 'I need to stop lying to her.' That took guts to say."
    assert [t[a:b] for a, b in reported_quotes(t)] == ["'I need to stop lying to her.'"]
    t = "And your nan keeps going 'you should be over it by now.' Every single visit."
    assert [t[a:b] for a, b in reported_quotes(t)] == ["'you should be over it by now.'"]
    # apostrophes, a quoted single word and the supporter's own quoted words are not reported speech
    assert reported_quotes("The kids' room is a mess and I don't know 'cause she won't say.") == []
    assert reported_quotes("Lunch instead of your 'walk' at noon, that's big.") == []
    assert reported_quotes("I told him 'you need to leave' and he did.") == []


def test_a_reflection_in_single_quotes_is_not_flagged(nlp):
    # (without single quotes read, the model flags the first as power_over and the second as judgment)
    assert _concerns(nlp, "You said, 'I need to stop going to the casino on payday.' Those were your words.") == []
    assert _concerns(nlp, "And your nan keeps going 'you should be over it by now.' Every single visit.") == []
    assert "power_over" in _concerns(nlp, "You need to stop going to the casino on payday. Those are my words.")


def test_the_evaluation_scores_utterances_as_the_pipeline_does(nlp, model):
    """The card's figures come from coach.model.data.utterance_scores; the pipeline's doc.cats must agree."""
    import numpy as np

    from coach.model.data import utterance_scores

    texts = ["You said, 'I need to stop going to the casino on payday.' Those were your words.",
             'My dad always said "you need to toughen up" and I believed him.', "Wow.",
             "You need to call her tonight. I'll sit with you while you do."]
    got = utterance_scores(model, [{"text": t} for t in texts])
    for t, row in zip(texts, got):
        doc = nlp(t)
        assert np.allclose(row, [doc.cats[label] for label in model.labels_], atol=1e-6), t
