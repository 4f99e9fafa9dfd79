"""Session Coach: flags power-over, judgment, diagnosis and false-promise language in what a peer
supporter says, and affirms person-driven language, each with its guideline and an alternative.

>>> import coach
>>> coach.LABELS
('power_over', 'judgment', 'diagnosis', 'false_promise', 'person_driven')

Load once, analyse many: ``c = coach.load(); c.analyze("transcript.vtt").to_frame()``.
"""

from coach.taxonomy import CONCERNS, LABELS, STRENGTHS

__version__ = "0.1.0"


def load(*args, **kwargs):
    """See :func:`coach.analysis.load`."""
    from coach.analysis import load as _load

    return _load(*args, **kwargs)


__all__ = ["CONCERNS", "LABELS", "STRENGTHS", "load", "__version__"]
