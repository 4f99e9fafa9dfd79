"""``coach train``: fit the classifier and span tagger on the corpus, tune thresholds on dev, save.

The model is fitted on the ``train`` split (plus any ``--extra`` files of
reviewed findings in corpus format), and the sentence encoder fine-tuned on the
same windows and on the first ten blind probes (:data:`ENCODER_PROBES`; :mod:`coach.model.finetune`;
``--no-encoder`` skips it); thresholds are tuned on ``dev`` for
precision (F0.5 for concerns: a false flag costs a trainee's trust); ``test``
is left for ``coach evaluate``.
"""

from __future__ import annotations

import platform
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from coach import corpus as corpus_mod
from coach.model import io
from coach.model.classifier import SessionModel
from coach.model.data import sentence_units, utterance_matrix, utterance_scores
from coach.taxonomy import LABELS, kind_of


def fbeta(y_true: np.ndarray, y_pred: np.ndarray, beta: float) -> tuple[float, float, float]:
    tp = float(np.sum(y_true & y_pred))
    fp = float(np.sum(~y_true & y_pred))
    fn = float(np.sum(y_true & ~y_pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    b2 = beta * beta
    f = (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0
    return p, r, f


TRANSFER_MARGIN = 0.15  # added to each concern's dev threshold: see tune_thresholds


def tune_thresholds(y: np.ndarray, proba: np.ndarray, labels: list[str], min_precision: float = 0.9,
                    margin: float = TRANSFER_MARGIN) -> dict[str, float]:
    """Per label, the dev threshold with the best F1 among those reaching ``min_precision``, plus ``margin``
    for the concerns.

    Concerns: a false flag costs a trainee's trust, so precision comes first; where no threshold reaches
    ``min_precision``, the F0.5-optimal one is used. The strength label takes the F1-optimal threshold.

    The margin is for text unlike ours. Dev is written like the training corpus; on turns written apart from it
    (the fresh probes) the same thresholds raise false alarms on 3-9% of no-concern turns, and real sessions,
    where far fewer turns carry a concern than in our sets, pay for each false alarm with more precision. 0.05
    had the best mean macro-F1 of 0, 0.05, 0.10 and 0.15 on probes 1-6 re-weighted to one concern turn in five
    (0.841 -> 0.852; any-concern precision 0.824 -> 0.856; as measured, macro-F1 0.892 -> 0.893), and was then
    checked on probes 7 and 8 and the challenge set. With the fine-tuned encoder blended in, the same rule was
    applied again to 0, 0.05, 0.10, 0.15 and 0.20, and picked 0.15 (re-weighted macro-F1 on probes 1-6 0.866,
    0.872, 0.879, 0.887, 0.882; any-concern precision at one concern turn in five 0.837, 0.859, 0.889, 0.922,
    0.935); over all fifteen probes 0.15 is best too (0.854, 0.859, 0.863, 0.865, 0.859), at a cost of 0.008
    macro-F1 as measured (0.893 -> 0.885) for 0.052 precision at one in five (0.867 -> 0.919). Once the encoder
    learnt from probes 1-10 (:data:`ENCODER_PROBES`), the rule was re-run on probes 11-13 instead: 0.871, 0.872,
    0.873, 0.872, 0.864 for 0 to 0.20, a tie within 0.001 from 0.05 to 0.15, so 0.15 stays, the most precise of
    the tied; with four epochs of fine-tuning, re-run again on probes 11-13: 0.886, 0.888, 0.890, 0.893, 0.890 for
    0 to 0.20, so 0.15.
    """
    out = {}
    grid = np.round(np.arange(0.20, 0.96, 0.01), 2)
    for j, label in enumerate(labels):
        yt = y[:, j].astype(bool)
        stats = [fbeta(yt, proba[:, j] >= t, 1.0) for t in grid]
        if kind_of(label) == "concern":
            ok = [(f, t) for (p, _, f), t in zip(stats, grid) if p >= min_precision]
            best = float(max(ok)[1]) if ok else float(grid[int(np.argmax(
                [fbeta(yt, proba[:, j] >= t, 0.5)[2] for t in grid]))])
            out[label] = round(min(0.95, best + margin), 2)
        else:
            out[label] = float(grid[int(np.argmax([f for _, _, f in stats]))])
    return out


def split_rows(rows: list[dict]) -> dict[str, list[dict]]:
    return {s: [r for r in rows if r["split"] == s] for s in corpus_mod.SPLITS}


def library_versions() -> dict[str, str]:
    import sklearn
    import skops
    import spacy

    out = {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "spacy": spacy.__version__,
           "skops": skops.__version__, "numpy": np.__version__}
    for name in ("onnxruntime", "tokenizers", "torch", "transformers"):
        try:
            out[name] = __import__(name).__version__
        except ImportError:
            pass
    return out


# Blind probes the encoder is fine-tuned on besides the training windows: turns by authors who never saw the
# corpus, so it learns the concerns from other people's wording as well as ours. Probes 11-18 stay held out; on
# probes 11-16 (never trained on) this raised mean macro-F1 from 0.865 to 0.890 with any-concern precision at one
# concern turn in five up from 0.922 to 0.930 (margin 0.15 both; README, "What the encoder learns from the probes").
ENCODER_PROBES = tuple(f"probe{n}.jsonl" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10))


def turn_windows(model: SessionModel, rows: list[dict]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Encoder training windows from turns labelled as wholes (a probe's ``text`` and ``labels``, no spans).

    The turn is cut into sentences and windows as the pipeline cuts it. A label the turn lacks is 0 in every window.
    For a label it has, the window the linear model scores highest is 1 and the turn's other windows are left out
    of the loss for that label (``mask`` 0): which of them carries it is not known. Returns (texts, Y, mask).
    """
    from coach.model.features import as_text

    labels = list(model.labels_)
    units = sentence_units([dict(r, spans=[]) for r in rows], labels)
    w_texts, w_owner, _, _, _ = model._windowed(units.texts)
    texts = [as_text(t) for t in w_texts]
    scores = model._linear().predict_proba(texts) if texts else np.zeros((0, len(labels)))
    owner = np.asarray([units.owner[k] for k in w_owner], dtype=int)
    Y = np.zeros((len(texts), len(labels)), dtype=np.float32)
    mask = np.ones_like(Y)
    for i, row in enumerate(rows):
        ks = np.flatnonzero(owner == i)
        for j, label in enumerate(labels):
            if label in row["labels"] and len(ks):
                best = ks[np.argmax(scores[ks, j])]
                mask[ks, j] = 0
                Y[best, j], mask[best, j] = 1, 1
    return texts, Y, mask


def ngram_thresholds(model: SessionModel, dev: list[dict]) -> dict[str, float]:
    """The n-gram model's own dev thresholds, scored without the encoder and with no margin: what "the n-gram model
    reads this as a concern" means in the checks of the codebook rules (``tests/test_score_rules.py``)."""
    with model.without_encoder():
        proba = utterance_scores(model, dev)
    return tune_thresholds(utterance_matrix(dev, list(model.labels_)).astype(bool), proba, list(model.labels_),
                           margin=0.0)


ENCODER_CHECK = ["You need to call your sponsor tonight.", "That's classic PTSD.", "I promise it'll all work out.",
                 "What would you like to do next?", "honestly hun what were you thinking going round there"]


def train(corpus_path: Path = corpus_mod.BUILT, extra: list[Path] | None = None,
          out_dir: Path | None = None, C: float = 16.0, encoder: bool = True,
          encoder_probes: tuple[str, ...] = ENCODER_PROBES, log=print) -> tuple[SessionModel, dict]:
    """Fit the linear model on the train split, then (with ``encoder``) fine-tune the sentence encoder on the same
    windows and the turns of ``encoder_probes`` (:func:`turn_windows`, :mod:`coach.model.finetune`); tune the
    thresholds on dev with both blended; save to ``out_dir``."""
    labels = list(LABELS)
    rows = corpus_mod.load(corpus_path)
    extra_rows = []
    for p in extra or []:
        extra_rows += [dict(r, split="train") for r in corpus_mod.read_jsonl(Path(p))]
    parts = split_rows(rows)
    train_rows = parts["train"] + extra_rows
    log(f"training on {len(train_rows)} utterances ({len(extra_rows)} extra), dev {len(parts['dev'])}, "
        f"test {len(parts['test'])}")
    t0 = time.time()
    units = sentence_units(train_rows, labels)
    model = SessionModel(labels=tuple(labels), C=C).fit(units.texts, units.matrix(), units.spans)
    log(f"fitted on {len(units.texts)} sentences in {time.time() - t0:.0f}s")
    linear_thresholds = ngram_thresholds(model, parts["dev"])
    encoder_meta = None
    if encoder:
        from coach.model import finetune
        from coach.model.features import as_text

        w_texts, _, _, w_y, _ = model._windowed(units.texts, units.spans)
        texts, Y = [as_text(t) for t in w_texts], np.asarray(w_y, dtype=np.float32)
        probe_rows = [r for name in encoder_probes for r in corpus_mod.read_jsonl(corpus_mod.CORPUS_DIR / name)]
        p_texts, p_Y, p_mask = turn_windows(model, probe_rows)
        log(f"encoder: {len(texts)} training windows and {len(p_texts)} windows of {len(probe_rows)} probe turns")
        # a scratch directory, so the model being replaced stays whole until io.save writes the new one beside it
        enc_dir = Path(tempfile.mkdtemp(prefix="coach-encoder-"))
        model.attach_encoder(finetune.finetune(texts + p_texts, np.vstack([Y, p_Y]), enc_dir,
                                               mask=np.vstack([np.ones_like(Y), p_mask]), log=log))
        encoder_meta = {**finetune.RECIPE, "weight": model.encoder_weight, "n_windows": len(w_texts),
                        "probes": {"files": list(encoder_probes), "n_turns": len(probe_rows),
                                   "n_windows": len(p_texts),
                                   "sha256": corpus_mod.sha256_of([corpus_mod.CORPUS_DIR / n for n in encoder_probes])
                                   if encoder_probes else None},
                        "check": {"texts": ENCODER_CHECK,
                                  "logits": model.encoder.logits(ENCODER_CHECK).round(4).tolist()}}

    dev = parts["dev"]
    dev_proba = utterance_scores(model, dev)  # as the pipeline scores them
    thresholds = tune_thresholds(utterance_matrix(dev, labels).astype(bool), dev_proba, labels)
    model.thresholds_ = thresholds
    log("thresholds: " + ", ".join(f"{k}={v:.2f}" for k, v in thresholds.items()))

    paths = [Path(corpus_path), *[Path(p) for p in extra or []]]
    metadata = {
        "name": "session-coach",
        "created": time.strftime("%Y-%m-%d"),
        "labels": labels,
        "thresholds": thresholds,
        "ngram_thresholds": linear_thresholds,
        "corpus": {"path": str(Path(corpus_path).name), "sha256": corpus_mod.sha256_of([Path(corpus_path)]),
                   "extra": [str(p) for p in extra or []],
                   "extra_sha256": corpus_mod.sha256_of(paths[1:]) if extra else None,
                   "n_train_utterances": len(train_rows), "n_train_sentences": len(units.texts)},
        "hyperparameters": {"C": C, "char_ngrams": [2, 5], "word_ngrams": [1, 3], "shape_ngrams": [2, 4], "calibration": "sigmoid, cv=5",
                            "classifier": "mean logit of LR and NB-LR" + (
                                f", blended in logit space with the fine-tuned encoder (weight "
                                f"{model.encoder_weight})" if encoder else ""), "window_tokens": model.window,
                            "window_stride": model.stride,
                            "threshold_rule": f"max dev F1 with precision >= 0.90, +{TRANSFER_MARGIN:.2f} for concerns",
                            "threshold_margin": TRANSFER_MARGIN},
        "libraries": library_versions(),
        "metrics": {},
    }
    if encoder_meta:
        metadata["encoder"] = encoder_meta
    if out_dir is not None:
        io.save(model, out_dir, metadata)  # copies the encoder's files in, with their SHA-256
        if encoder:
            from coach.model.encoder import Encoder

            scratch = model.encoder.onnx_path.parent
            model.attach_encoder(Encoder(out_dir))
            shutil.rmtree(scratch, ignore_errors=True)
        log(f"saved {Path(out_dir) / io.MODEL_FILE}")
    return model, metadata
