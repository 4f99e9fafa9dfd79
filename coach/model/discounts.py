"""One codebook rule's discount on one label's scores, as every sentence rule applies it.

>>> on_label(["a", "b"], ["power_over", "judgment"], "power_over", lambda s: s == "a", 0.5).tolist()
[[0.5, 1.0], [1.0, 1.0]]
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def on_label(sentences: list[str], labels: list[str], label: str, applies: Callable[[str], bool],
             factor: float) -> np.ndarray:
    """(n, n_labels) factors: ``factor`` on ``label``'s column of the sentences the rule ``applies`` to, 1 elsewhere
    (all 1 when the model has no such label)."""
    out = np.ones((len(sentences), len(labels)))
    if label in labels:
        out[:, labels.index(label)] = [factor if applies(s) else 1.0 for s in sentences]
    return out
