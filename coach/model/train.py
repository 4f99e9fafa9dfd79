"""``coach train``: fit the classifier and span tagger on the corpus, tune thresholds on dev, save.

The model is fitted on the ``train`` split (plus any ``--extra`` files of
reviewed findings in corpus format), and the sentence encoder fine-tuned on the
same windows and on the first thirteen blind probes (:data:`ENCODER_PROBES`; :mod:`coach.model.finetune`;
``--no-encoder`` skips it); thresholds are tuned on ``dev`` for
precision (F0.5 for concerns: a false flag costs a trainee's trust); ``test``
is left for ``coach evaluate``.
"""

from __future__ import annotations

import itertools
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
from coach.model.validation import PROBES
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


TRANSFER_MARGIN = 0.15  # the margin every concern took before they were chosen one by one (pick_margins)
MARGIN_GRID = (0.0, 0.05, 0.10, 0.15, 0.20, 0.25)
# Blind probes whose turns choose each concern's margin (pick_margins): never trained on, and not the probes that
# judge the model afterwards (the later ones in coach.model.validation.PROBES).
MARGIN_PROBES = ("probe14.jsonl", "probe15.jsonl", "probe16.jsonl")
PREVALENCE = 0.2  # share of turns with a concern the margins are chosen for: one in five, far below our test sets'
# The target on real text is any-concern precision of 0.90; blind probes of 400 turns differ from one another by
# several hundredths in it at one concern turn in five (0.926-1.000 for the model shipped in stop 23 on probes 17-21),
# so the margins must reach 0.95 on every margin probe.
PRECISION_FLOOR = 0.95


def tune_thresholds(y: np.ndarray, proba: np.ndarray, labels: list[str], min_precision: float = 0.9,
                    margin: float | dict[str, float] = TRANSFER_MARGIN) -> dict[str, float]:
    """Per label, the dev threshold with the best F1 among those reaching ``min_precision``, plus ``margin``
    for the concerns (one number for all, or one per concern).

    Concerns: a false flag costs a trainee's trust, so precision comes first; where no threshold reaches
    ``min_precision``, the F0.5-optimal one is used. The strength label takes the F1-optimal threshold.

    The margin is for text unlike ours. Dev is written like the training corpus; on turns written apart from it
    (the fresh probes) the same thresholds raise false alarms on 3-9% of no-concern turns, and real sessions,
    where far fewer turns carry a concern than in our sets, pay for each false alarm with more precision. A single
    margin was chosen first: 0.05 had the best mean macro-F1 of 0, 0.05, 0.10 and 0.15 on probes 1-6 re-weighted
    to one concern turn in five (0.841 -> 0.852); with the fine-tuned encoder blended in, 0.15 (re-weighted
    macro-F1 on probes 1-6 0.866, 0.872, 0.879, 0.887, 0.882 for 0-0.20); re-run on probes 11-13 once the encoder
    learnt from probes 1-10 and again with four epochs, 0.15 both times. The same re-run, read one concern at a
    time, showed the concerns wanting different margins (re-weighted F1 on probes 11-13, margins 0-0.25:
    power_over 0.850-0.859, flat from 0.15; judgment 0.802 rising to 0.843 at 0.25; diagnosis 0.940 falling to
    0.910; false_promise 0.970 falling to 0.942), and probes 14-18 agreed; so each concern now takes its own
    (:func:`pick_margins`), held together to a precision floor since stop 24.
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
            m = margin[label] if isinstance(margin, dict) else margin
            out[label] = round(min(0.95, best + m), 2)
        else:
            out[label] = float(grid[int(np.argmax([f for _, _, f in stats]))])
    return out


def reweighted_f1(y: np.ndarray, pred: np.ndarray, concern_cols: list[int], prevalence: float = PREVALENCE) -> np.ndarray:
    """Per-column F1 with turns weighted so that a share ``prevalence`` of them carry a concern (any of
    ``concern_cols``): what the flags would score in sessions where concerns are that rare.

    >>> y = np.array([[1, 0], [0, 0], [0, 0], [0, 1]], bool)
    >>> reweighted_f1(y, y, [0, 1]).round(3).tolist()
    [1.0, 1.0]
    """
    anyc = y[:, concern_cols].any(1)
    w = np.where(anyc, prevalence / max(anyc.mean(), 1e-9), (1 - prevalence) / max((~anyc).mean(), 1e-9))[:, None]
    tp = (w * (y & pred)).sum(0)
    wrong = (w * (y ^ pred)).sum(0)
    return np.where(tp > 0, 2 * tp / np.maximum(2 * tp + wrong, 1e-12), 0.0)


def any_concern_precision(y: np.ndarray, pred: np.ndarray, concern_cols: list[int],
                          prevalence: float = PREVALENCE) -> float:
    """Any-concern precision where a share ``prevalence`` of the turns carry a concern
    (:func:`coach.model.evaluate.precision_at`, from the recall on concern turns and the false alarms on the rest).

    >>> y = np.array([[1, 0], [0, 0], [0, 0], [0, 1]], bool)
    >>> pred = np.array([[1, 0], [1, 0], [0, 0], [0, 1]], bool)
    >>> round(any_concern_precision(y, pred, [0, 1]), 3)  # all found, one false alarm in two: 0.2 / (0.2 + 0.4)
    0.333
    """
    from coach.model.evaluate import precision_at

    truth, flagged = y[:, concern_cols].any(1), pred[:, concern_cols].any(1)
    recall = float(flagged[truth].mean()) if truth.any() else 0.0
    false_alarms = float(flagged[~truth].mean()) if (~truth).any() else 0.0
    return precision_at(prevalence, recall, false_alarms)


def pick_margins(dev_y: np.ndarray, dev_proba: np.ndarray, probes: list[tuple[np.ndarray, np.ndarray]],
                 labels: list[str], grid: tuple[float, ...] = MARGIN_GRID, tie: float = 0.002,
                 floor: float = PRECISION_FLOOR) -> tuple[dict[str, float], dict[str, list[float]], dict]:
    """The concerns' margins, chosen from ``grid`` on ``probes`` (pairs of gold matrix and scores of turns written
    apart from the corpus), over the dev thresholds of :func:`tune_thresholds`.

    Each concern takes the margin with its best mean :func:`reweighted_f1` (within ``tie`` of the best, the larger
    margin, which flags less). The concerns share the false alarms, though: small margins each worth a little F1
    can add up to a precision that real sessions, with few concern turns, cannot afford. So if those margins
    together leave the any-concern precision at one concern turn in five (:func:`any_concern_precision`) under
    ``floor`` on any probe, the combination that reaches it on every probe with the best mean F1 is taken instead
    (within ``tie``, the largest total margin); if none does, the one whose lowest precision is highest.

    Returns (margins, mean F1 per concern and margin, and the lowest precision over the probes of the margins taken
    and of each concern's own best)."""
    concern_cols = [j for j, label in enumerate(labels) if kind_of(label) == "concern"]
    by_margin = [np.array([th[label] for label in labels])
                 for th in (tune_thresholds(dev_y, dev_proba, labels, margin=m) for m in grid)]
    golds = [y.astype(bool) for y, _ in probes]
    flags = [[proba >= t for t in by_margin] for _, proba in probes]  # so a combination's flags are a lookup
    table = {labels[j]: [] for j in concern_cols}
    for k in range(len(grid)):
        f = np.mean([reweighted_f1(y, fl[k], concern_cols) for y, fl in zip(golds, flags)], axis=0)
        for j in concern_cols:
            table[labels[j]].append(round(float(f[j]), 4))

    def lowest(combo: tuple[int, ...]) -> float:
        return min(_combo_precision(y, fl, combo, concern_cols) for y, fl in zip(golds, flags))

    def mean_f1(combo: tuple[int, ...]) -> float:
        return float(np.mean([table[labels[j]][k] for j, k in zip(concern_cols, combo)]))

    own = tuple(max(k for k, v in enumerate(table[labels[j]]) if v >= max(table[labels[j]]) - tie)
                for j in concern_cols)
    combo, own_lowest = own, lowest(own)
    if own_lowest < floor:
        scored = [(c, mean_f1(c), lowest(c)) for c in itertools.product(range(len(grid)), repeat=len(concern_cols))]
        passing = [c for c in scored if c[2] >= floor]
        if passing:
            best = max(f for _, f, _ in passing)
            combo = max((c for c in passing if c[1] >= best - tie), key=lambda c: (sum(c[0]), c[0]))[0]
        else:
            combo = max(scored, key=lambda c: (c[2], c[1]))[0]
    margins = {labels[j]: float(grid[k]) for j, k in zip(concern_cols, combo)}
    info = {"floor": floor, "lowest_precision": round(lowest(combo), 4),
            "own_best": {labels[j]: float(grid[k]) for j, k in zip(concern_cols, own)},
            "own_best_lowest_precision": round(own_lowest, 4)}
    return margins, table, info


def _combo_precision(y: np.ndarray, flags: list[np.ndarray], combo: tuple[int, ...], concern_cols: list[int]) -> float:
    """Any-concern precision at :data:`PREVALENCE` of one probe when concern ``concern_cols[i]`` is flagged at
    margin index ``combo[i]`` (``flags[k]``: the probe's flags for every label at the grid's k-th margin)."""
    pred = np.zeros_like(y)
    for j, k in zip(concern_cols, combo):
        pred[:, j] = flags[k][:, j]
    return any_concern_precision(y, pred, concern_cols)


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
# corpus, so it learns the concerns from other people's wording as well as ours. With probes 1-10 it raised probes
# 11-16 (never trained on) from a mean macro-F1 of 0.865 to 0.890, any-concern precision at one concern turn in five
# from 0.922 to 0.930 (margin 0.15 both; README, "What the encoder learns from the probes"); probes 11-13 joined in
# stop 23 (held-out probes 17-19: 0.891 -> 0.898, at one in five 0.906 -> 0.933, with the per-concern margins).
# Probes 14-16 choose the margins (MARGIN_PROBES); probes 17 on judge.
ENCODER_PROBES = tuple(f"probe{n}.jsonl" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13))


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


# Sections written, coded and held back from the corpus (corpora/held_back/) that the encoder alone learns from, as
# it learns from the early probes: the n-gram model, which learns our phrasing word for word, does not see them.
# None yet: AJ-AR, then AQ alone, were tried in stop 25 and not kept (corpora/held_back/README.md).
ENCODER_SECTIONS: tuple[str, ...] = ()
HELD_BACK_DIR = corpus_mod.CORPUS_DIR / "held_back"
PARAPHRASE = 0.6  # word 5-gram Jaccard at which two utterances count as paraphrases (corpus.assign_splits's link)


def section_rows(names: tuple[str, ...], avoid: list[dict]) -> tuple[list[dict], int]:
    """The held-back sections ``names`` in built form, less every utterance that is a paraphrase of one in
    ``avoid`` (the dev and test splits and the probes that pick margins or judge): learning from it would
    leak into what measures the model. Returns (rows, number left out)."""
    rows = [corpus_mod.to_built(r, name) for name in names for r in corpus_mod.read_jsonl(HELD_BACK_DIR / name)]
    if not rows:
        return [], 0
    both = rows + list(avoid)
    leaked = {i for i, j, _ in corpus_mod.near_duplicates(both, PARAPHRASE) if i < len(rows) <= j}
    return [r for k, r in enumerate(rows) if k not in leaked], len(leaked)


ENCODER_CHECK = ["You need to call your sponsor tonight.", "That's classic PTSD.", "I promise it'll all work out.",
                 "What would you like to do next?", "honestly hun what were you thinking going round there"]


def train(corpus_path: Path = corpus_mod.BUILT, extra: list[Path] | None = None,
          out_dir: Path | None = None, C: float = 16.0, encoder: bool = True,
          encoder_probes: tuple[str, ...] = ENCODER_PROBES, encoder_sections: tuple[str, ...] = ENCODER_SECTIONS,
          log=print) -> tuple[SessionModel, dict]:
    """Fit the linear model on the train split, then (with ``encoder``) fine-tune the sentence encoder on the same
    windows, the windows of the held-back ``encoder_sections`` (:func:`section_rows`) and the turns of
    ``encoder_probes`` (:func:`turn_windows`, :mod:`coach.model.finetune`); tune the
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
        s_rows, s_left_out = [], 0
        if encoder_sections:  # what measures the model: dev, test and the probes the encoder does not learn from
            judged = [r for name in dict.fromkeys(MARGIN_PROBES + tuple(p.name for p, _ in PROBES))
                      if name not in encoder_probes for r in corpus_mod.read_jsonl(corpus_mod.CORPUS_DIR / name)]
            s_rows, s_left_out = section_rows(encoder_sections, parts["dev"] + parts["test"] + judged)
        s_units = sentence_units(s_rows, labels)
        s_windows, _, _, s_y, _ = model._windowed(s_units.texts, s_units.spans)
        texts += [as_text(t) for t in s_windows]
        Y = np.vstack([Y, np.asarray(s_y, dtype=np.float32).reshape(-1, len(labels))])
        log(f"encoder: {len(texts)} training windows ({len(s_windows)} of {len(s_rows)} held-back utterances, "
            f"{s_left_out} left out as paraphrases) and {len(p_texts)} windows of {len(probe_rows)} probe turns")
        # a scratch directory, so the model being replaced stays whole until io.save writes the new one beside it
        enc_dir = Path(tempfile.mkdtemp(prefix="coach-encoder-"))
        model.attach_encoder(finetune.finetune(texts + p_texts, np.vstack([Y, p_Y]), enc_dir,
                                               mask=np.vstack([np.ones_like(Y), p_mask]), log=log))
        encoder_meta = {**finetune.RECIPE, "weight": model.encoder_weight, "n_windows": len(w_texts),
                        "probes": {"files": list(encoder_probes), "n_turns": len(probe_rows),
                                   "n_windows": len(p_texts),
                                   "sha256": corpus_mod.sha256_of([corpus_mod.CORPUS_DIR / n for n in encoder_probes])
                                   if encoder_probes else None},
                        "sections": {"files": list(encoder_sections), "n_utterances": len(s_rows),
                                     "n_left_out": s_left_out, "n_windows": len(s_windows),
                                     "sha256": corpus_mod.sha256_of([HELD_BACK_DIR / n for n in encoder_sections])
                                     if encoder_sections else None},
                        "check": {"texts": ENCODER_CHECK,
                                  "logits": model.encoder.logits(ENCODER_CHECK).round(4).tolist()}}

    dev = parts["dev"]
    dev_proba = utterance_scores(model, dev)  # as the pipeline scores them
    dev_y = utterance_matrix(dev, labels).astype(bool)
    margin_probes = []
    for name in MARGIN_PROBES:
        probe_rows = [dict(r, spans=[]) for r in corpus_mod.read_jsonl(corpus_mod.CORPUS_DIR / name)]
        margin_probes.append((utterance_matrix(probe_rows, labels), utterance_scores(model, probe_rows)))
    margins, margin_table, margin_info = pick_margins(dev_y, dev_proba, margin_probes, labels)
    log("margins: " + ", ".join(f"{k}={v:.2f}" for k, v in margins.items()))
    thresholds = tune_thresholds(dev_y, dev_proba, labels, margin=margins)
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
                            "threshold_rule": "max dev F1 with precision >= 0.90, plus each concern's margin",
                            "threshold_margin": margins,
                            "margin_choice": {"probes": list(MARGIN_PROBES), "grid": list(MARGIN_GRID),
                                              "prevalence": PREVALENCE, "reweighted_f1": margin_table,
                                              "precision_at_prevalence": margin_info}},
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
