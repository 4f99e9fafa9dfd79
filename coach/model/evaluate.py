"""``coach evaluate``: test-split metrics, robustness, span accuracy, error analysis, and ``MODEL_CARD.md``.

Every figure in the model card is computed here from the shipped model and
the corpus, so the card cannot drift from the model.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np

from coach import corpus as corpus_mod
from coach.model import io
from coach.model.data import asr_noise, sentence_units, utterance_matrix, utterance_scores
from coach.model.spans import tokenize
from coach.model.train import fbeta, split_rows
from coach.taxonomy import CONCERNS, LABELS


def utterance_predictions(model, rows: list[dict], text_key: str = "text") -> tuple[np.ndarray, np.ndarray]:
    proba = utterance_scores(model, rows, text_key=text_key)  # as the pipeline scores them
    return proba, model.flags(proba)


def label_metrics(y: np.ndarray, pred: np.ndarray, labels: list[str]) -> dict:
    out = {}
    for j, label in enumerate(labels):
        p, r, f = fbeta(y[:, j].astype(bool), pred[:, j].astype(bool), 1.0)
        out[label] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                      "support": int(y[:, j].sum())}
    concern_idx = [labels.index(c) for c in CONCERNS]
    out["macro_f1_concerns"] = round(float(np.mean([out[c]["f1"] for c in CONCERNS])), 3)
    any_true = y[:, concern_idx].any(axis=1)
    any_pred = pred[:, concern_idx].any(axis=1)
    p, r, f = fbeta(any_true, any_pred, 1.0)
    fa = float(any_pred[~any_true].mean()) if (~any_true).any() else 0.0
    out["any_concern"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                          "prevalence": round(float(any_true.mean()), 3) if len(any_true) else 0.0,
                          "false_alarm_rate": round(fa, 3),
                          **{f"precision_at_{int(q * 100)}": round(precision_at(q, r, fa), 3) for q in PREVALENCES}}
    return out


PREVALENCES = (0.2, 0.1)  # shares of turns with a concern that real sessions may have, far below our test sets'


def precision_at(prevalence: float, recall: float, false_alarm_rate: float) -> float:
    """Any-concern precision expected where ``prevalence`` of the turns carry a concern, from the recall on
    concern turns and the false-alarm rate on no-concern turns (both do not depend on the mix).

    Our test split and probes are about half concern turns; a session of mostly ordinary talk has far fewer,
    and the same false-alarm rate then costs much more precision.

    >>> round(precision_at(0.5, 0.9, 0.05), 3), round(precision_at(0.1, 0.9, 0.05), 3)
    (0.947, 0.667)
    """
    hits, alarms = prevalence * recall, (1 - prevalence) * false_alarm_rate
    return hits / (hits + alarms) if hits + alarms else 0.0


def confusion(y: np.ndarray, pred: np.ndarray, labels: list[str]) -> dict:
    """Rows: gold label (or none); columns: predicted label (or none); counts of utterances."""
    names = [*labels, "none"]
    m = {g: {p: 0 for p in names} for g in names}
    for yt, yp in zip(y.astype(bool), pred.astype(bool)):
        golds = [labels[j] for j in np.flatnonzero(yt)] or ["none"]
        preds = [labels[j] for j in np.flatnonzero(yp)] or ["none"]
        for g in golds:
            for p in preds:
                m[g][p] += 1
    return m


def span_metrics(model, rows: list[dict]) -> dict:
    """On test sentences with a gold span: exact match and token-overlap F1 of the predicted span."""
    labels = list(model.labels_)
    units = sentence_units(rows, labels)
    texts, labs, golds = [], [], []
    for text, spans in zip(units.texts, units.spans):
        for label, s, e in spans:
            texts.append(text)
            labs.append(label)
            golds.append((s, e))
    if not texts:
        return {}
    preds = model.spans(texts, labs)
    exact, f1s, per = 0, [], {}
    for text, label, (gs, ge), (ps, pe) in zip(texts, labs, golds, preds):
        toks = tokenize(text)
        g = {i for i, (s, e) in enumerate(toks) if s >= gs and e <= ge}
        p = {i for i, (s, e) in enumerate(toks) if s >= ps and e <= pe}
        inter = len(g & p)
        f = 2 * inter / (len(g) + len(p)) if g or p else 1.0
        f1s.append(f)
        exact += (gs, ge) == (ps, pe)
        per.setdefault(label, []).append(f)
    return {"n": len(texts), "exact_match": round(exact / len(texts), 3), "token_f1": round(float(np.mean(f1s)), 3),
            "token_f1_by_label": {k: round(float(np.mean(v)), 3) for k, v in per.items()}}


def breakdown(rows, y, pred, labels, key: str) -> dict:
    out = {}
    concern_idx = [labels.index(c) for c in CONCERNS]
    for value in sorted({r[key] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r[key] == value]
        yt = y[idx][:, concern_idx]
        yp = pred[idx][:, concern_idx]
        fs = [fbeta(yt[:, j].astype(bool), yp[:, j].astype(bool), 1.0)[2] for j in range(len(concern_idx))
              if yt[:, j].sum()]
        out[value] = {"n": len(idx), "macro_f1": round(float(np.mean(fs)), 3) if fs else None}
    return out


def worst_errors(rows, y, proba, pred, model, n: int = 20) -> list[dict]:
    labels = list(model.labels_)
    th = np.array([model.thresholds_[label] for label in labels])
    errs = []
    for i, r in enumerate(rows):
        for j, label in enumerate(labels):
            if bool(y[i, j]) != bool(pred[i, j]):
                errs.append({"id": r["id"], "text": r["text"], "label": label,
                             "type": "missed" if y[i, j] else "false flag",
                             "score": round(float(proba[i, j]), 3), "threshold": float(th[j]),
                             "margin": round(abs(float(proba[i, j]) - float(th[j])), 3),
                             "register": r["register"], "setting": r["setting"]})
    errs.sort(key=lambda e: -e["margin"])
    return errs[:n]


def evaluate(model_dir: Path | None = None, corpus_path: Path = corpus_mod.BUILT, write: bool = True,
             log=print) -> dict:
    directory = io.model_dir(model_dir)
    model = io.load(directory)
    meta = io.read_metadata(directory)
    labels = list(model.labels_)
    rows = corpus_mod.load(corpus_path)
    test = split_rows(rows)["test"]
    y = utterance_matrix(test, labels)
    proba, pred = utterance_predictions(model, test)
    metrics = {"test": label_metrics(y, pred, labels), "n_test": len(test)}
    rng = random.Random(13)
    noisy = [dict(r, noisy=asr_noise(r["text"], rng)) for r in test]
    _, pred_noisy = utterance_predictions(model, noisy, text_key="noisy")
    metrics["test_asr_noise"] = label_metrics(y, pred_noisy, labels)
    metrics["asr_drop_macro_f1"] = round(metrics["test"]["macro_f1_concerns"] - metrics["test_asr_noise"]["macro_f1_concerns"], 3)
    metrics["confusion"] = confusion(y, pred, labels)
    metrics["spans"] = span_metrics(model, test)
    metrics["by_register"] = breakdown(test, y, pred, labels, "register")
    metrics["by_setting"] = breakdown(test, y, pred, labels, "setting")
    metrics["worst_errors"] = worst_errors(test, y, proba, pred, model)
    metrics["corpus_counts"] = {s: len(v) for s, v in split_rows(rows).items()}
    from coach.pipeline import make_nlp
    from coach.suggest.evaluate import evaluate_suggestions

    nlp = make_nlp(model=model)
    metrics["suggestions"] = evaluate_suggestions(nlp, corpus_path)
    from coach.analysis import Coach
    from coach.model import validation

    if validation.CHALLENGE.exists():
        metrics["challenge"] = validation.evaluate_challenge(model)
    metrics["probes"] = {path.name: validation.evaluate_probe(model, path) for path, _ in validation.PROBES
                         if path.exists()}
    if (validation.SESSIONS / "manifest.csv").exists():
        metrics["sessions"] = validation.evaluate_sessions(Coach(nlp))
    meta["metrics"] = {k: v for k, v in metrics.items() if k != "worst_errors"}
    if write:
        (directory / io.META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        from coach.model.card import write_card

        write_card(directory, meta, metrics)
        log(f"wrote {directory / 'MODEL_CARD.md'}")
    t = metrics["test"]
    log("test F1: " + ", ".join(f"{k}={t[k]['f1']:.3f}" for k in LABELS) +
        f"; macro-F1 (concerns) {t['macro_f1_concerns']:.3f}; any-concern precision {t['any_concern']['precision']:.3f}")
    return metrics
