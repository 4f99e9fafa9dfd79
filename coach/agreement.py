"""Agreement statistics: Cohen's kappa, precision/recall/F1, bootstrap intervals.

Used by the corpus's second-coding audit and by ``coach agree``.

>>> cohen_kappa([1, 1, 0, 0], [1, 1, 0, 0])
1.0
>>> round(cohen_kappa([1, 0, 1, 0], [1, 1, 0, 0]), 3)
0.0
"""

from __future__ import annotations

import numpy as np


def cohen_kappa(a, b) -> float:
    """Cohen's kappa for two binary codings (1.0 when both are constant and equal)."""
    a = np.asarray(a, dtype=bool)
    b = np.asarray(b, dtype=bool)
    if len(a) != len(b):
        raise ValueError("codings differ in length")
    if len(a) == 0:
        return float("nan")
    po = float(np.mean(a == b))
    pa, pb = float(a.mean()), float(b.mean())
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe == 1.0:
        return 1.0 if po == 1.0 else 0.0
    return (po - pe) / (1 - pe)


def prf(gold, pred) -> tuple[float, float, float]:
    gold = np.asarray(gold, dtype=bool)
    pred = np.asarray(pred, dtype=bool)
    tp = float(np.sum(gold & pred))
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / gold.sum() if gold.sum() else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bootstrap(gold, pred, n: int = 1000, seed: int = 0, alpha: float = 0.05) -> dict:
    """Point estimates and percentile bootstrap (1 - alpha) intervals of kappa, precision, recall, F1."""
    gold = np.asarray(gold, dtype=bool)
    pred = np.asarray(pred, dtype=bool)
    rng = np.random.default_rng(seed)
    m = len(gold)
    samples = {"kappa": [], "precision": [], "recall": [], "f1": []}
    for _ in range(n):
        idx = rng.integers(0, m, m)
        g, p = gold[idx], pred[idx]
        pr, rc, f = prf(g, p)
        samples["kappa"].append(cohen_kappa(g, p))
        samples["precision"].append(pr)
        samples["recall"].append(rc)
        samples["f1"].append(f)
    pr, rc, f = prf(gold, pred)
    point = {"kappa": cohen_kappa(gold, pred), "precision": pr, "recall": rc, "f1": f}
    out = {}
    for k, v in point.items():
        lo, hi = np.nanpercentile(samples[k], [100 * alpha / 2, 100 * (1 - alpha / 2)])
        out[k] = (round(float(v), 3), round(float(lo), 3), round(float(hi), 3))
    out["n"] = m
    out["gold_positive"] = int(gold.sum())
    return out
