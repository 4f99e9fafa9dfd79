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
