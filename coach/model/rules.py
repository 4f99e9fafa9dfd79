"""The codebook's decision rules on sentence scores, in one place for the pipeline and the evaluation.

Forms the codebook names under a concern that a model of n-grams reads past raise the label's score first
(:mod:`coach.model.forms`: a verdict on a choice, a moralising tag, dismissive sarcasm, a sanction on a repeat, a
target set and checked). Then each rule asks for more evidence where the codebook says the words carry no concern
although a model of n-grams reads one in them:

- a turn of phatic words only, for every concern (:mod:`coach.model.phatic`; decision rules 2-3);
- an honest limit, or what the supporter cannot know, for ``false_promise`` (:mod:`coach.model.limits`);
- an offer said as an imperative (:mod:`coach.model.offers`), the supporter's own errand
  (:mod:`coach.model.errands`), a decision left to the person (:mod:`coach.model.choices`) or the person's own
  obligation reflected (:mod:`coach.model.reflections`), for ``power_over``;
- the supporter's own diagnosis disclosed, for ``diagnosis`` (:mod:`coach.model.disclosure`);

and words quoted from someone else are not the supporter's (:func:`coach.reported.unquote_scores`; rule 4). The
component scores documents with these rules and :func:`coach.model.data.utterance_scores` scores the evaluation sets
with them, so the card's figures are the pipeline's.
"""

from __future__ import annotations

import numpy as np

from coach.model import choices, disclosure, errands, forms, limits, offers, phatic, reflections
from coach.reported import unquote_scores
from coach.taxonomy import kind_of


def apply(predict, proba: np.ndarray, sentences: list[str], starts: list[int], doc_texts: list[str],
          owner: list[int], labels: list[str]) -> np.ndarray:
    """``proba`` (sentences x labels, the model's scores) with the rules applied, in place; returned for chaining.

    ``sentences[k]`` starts at character ``starts[k]`` of ``doc_texts[owner[k]]``; ``predict`` scores a list of
    texts (called once more, for the sentences that quote someone, if any).
    """
    forms.apply(proba, sentences, labels)
    proba *= phatic.discount([doc_texts[d] for d in owner], labels, sentences)
    proba *= limits.discount(sentences, labels)
    proba *= offers.discount(sentences, labels)
    proba *= errands.discount(sentences, labels)
    proba *= choices.discount(sentences, labels)
    proba *= reflections.discount(sentences, labels)
    proba *= disclosure.discount(sentences, labels)
    unquote_scores(predict, sentences, starts, doc_texts, owner, proba,
                   np.array([kind_of(label) == "concern" for label in labels]))
    return proba
