"""Building the spaCy ``Language`` object that runs Session Coach.

>>> nlp = make_nlp()
>>> nlp.pipe_names
['sentencizer', 'session_coach']
"""

from __future__ import annotations

import spacy

from coach.errors import ModelError


def make_nlp(model_path: str | None = None, base: str = "blank", suggest: bool = True, model=None,
             max_suggestions: int = 3, suggest_for: str = "all"):
    """``spacy.blank("en")`` (or the installed pipeline named ``base``) + sentencizer + ``session_coach``.

    ``model`` passes an in-memory :class:`~coach.model.classifier.SessionModel` (for evaluation and tests)
    instead of a path. ``suggest_for="top_concern"`` computes alternatives only for each document's
    highest-scoring concern (what batch scoring keeps), instead of for every span.
    """
    import coach.component  # noqa: F401  (registers the factory even when the package is not installed)
    from coach.model import io

    if base in ("blank", "en", None):
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(base, exclude=["ner", "textcat", "textcat_multilabel"])
        except OSError:
            raise ModelError(f"spaCy pipeline {base!r} is not installed; leave it out to use blank English") from None
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("sentencizer")
    if model is not None:
        model_path = io.register(model)
    nlp.add_pipe("session_coach", config={"model_path": str(model_path) if model_path else None,
                                          "suggest": suggest, "max_suggestions": max_suggestions,
                                          "suggest_for": suggest_for})
    return nlp
