"""Honest limits (coach.model.limits): a promise the supporter says they cannot make is no false promise.

Sentences written for this test.
"""

from __future__ import annotations

import pytest

from coach.model import limits


def _labels(nlp, text):
    doc = nlp(text)  # the spans need their Doc alive
    return sorted({s.label_ for s in doc.spans["coach"]})


@pytest.mark.parametrize("text", [
    "I won't promise you the job, but I'll go through the application with you tonight.",
    "I can't guarantee it'll work, but I'll help you fill in the form.",
])
def test_an_honest_limit_is_no_false_promise(nlp, model, text):
    assert "false_promise" not in _labels(nlp, text)
    # ... though the model alone, without the rule, reads a promise in it
    j = list(model.labels_).index("false_promise")
    assert model.predict_proba([text])[0, j] >= model.thresholds_["false_promise"]


def test_a_guarantee_is_still_a_false_promise(nlp):
    assert "false_promise" in _labels(nlp, "I promise you the housing panel will say yes, they always do.")
    assert "false_promise" in _labels(nlp, "Don't worry, you'll definitely get the flat.")
    # someone else's inability is no limit of the supporter's
    assert not limits.limit("You can't keep promising your kids things you can't do.")


@pytest.mark.parametrize("text", [
    "cant say for sure they wont stop ur money, i honestly dont know how theyll decide",
    "I don't know for certain how the panel will go, and I won't guess.",
])
def test_what_the_supporter_cannot_know_is_an_honest_limit(text):
    """Sentences written for this test: not knowing how it will go is the opposite of a guarantee."""
    assert limits.limit(text.split(",")[0]) or limits.limit(text)
