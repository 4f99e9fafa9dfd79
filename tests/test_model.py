"""The shipped model: safe persistence, metadata, corpus hash, and behaviour on codebook examples."""

from __future__ import annotations

import json
import shutil
import zipfile

import numpy as np
import pytest

from coach import corpus
from coach.errors import ModelError
from coach.model import io


def test_shipped_model_matches_corpus_hash():
    meta = io.read_metadata()
    assert meta["corpus"]["sha256"] == corpus.sha256_of([corpus.BUILT]), (
        "models/session-coach was trained on another corpus: run 'make model'")


def test_built_corpus_matches_sources(tmp_path):
    out = tmp_path / "u.jsonl"
    corpus.build(out=out)
    assert out.read_bytes() == corpus.BUILT.read_bytes(), "corpora/utterances.jsonl is stale: run 'make corpus'"


def test_metadata_is_complete():
    meta = io.read_metadata()
    assert meta["labels"] == ["power_over", "judgment", "diagnosis", "false_promise", "person_driven"]
    assert set(meta["thresholds"]) == set(meta["labels"])
    assert all(0 < t < 1 for t in meta["thresholds"].values())
    for lib in ("scikit-learn", "spacy", "skops", "python"):
        assert meta["libraries"][lib]
    assert meta["metrics"]["test"]["macro_f1_concerns"] > 0
    assert (io.DEFAULT_MODEL_DIR / "MODEL_CARD.md").exists()


def test_model_file_has_only_trusted_types():
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=io.DEFAULT_MODEL_DIR / io.MODEL_FILE)
    assert set(untrusted) <= set(io.TRUSTED_TYPES)
    with zipfile.ZipFile(io.DEFAULT_MODEL_DIR / io.MODEL_FILE) as z:
        assert not any(n.endswith(".pkl") for n in z.namelist())


def test_model_file_is_small():
    assert (io.DEFAULT_MODEL_DIR / io.MODEL_FILE).stat().st_size < 15_000_000


def test_save_and_load_roundtrip(model, tmp_path):
    io.save(model, tmp_path, io.read_metadata())
    again = io.load(tmp_path)
    texts = ["You need to call your sponsor tonight.", "What would you like to do next?"]
    np.testing.assert_allclose(again.predict_proba(texts), model.predict_proba(texts))
    assert again.spans(texts[:1], ["power_over"]) == model.spans(texts[:1], ["power_over"])


def test_corrupt_model_file_is_a_model_error(tmp_path):
    shutil.copy(io.DEFAULT_MODEL_DIR / io.META_FILE, tmp_path / io.META_FILE)
    (tmp_path / io.MODEL_FILE).write_bytes(b"PK\x03\x04 this is not a real archive")
    with pytest.raises(ModelError, match="corrupt"):
        io.load(tmp_path)


def test_missing_model_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        io.load(tmp_path)


def test_untrusted_type_is_refused(tmp_path):
    import skops.io as sio
    from sklearn.preprocessing import FunctionTransformer

    sio.dump(FunctionTransformer(func=print), tmp_path / io.MODEL_FILE)
    shutil.copy(io.DEFAULT_MODEL_DIR / io.META_FILE, tmp_path / io.META_FILE)
    with pytest.raises(ModelError, match="not trusted"):
        io.load(tmp_path)


def test_metadata_thresholds_apply(tmp_path, model):
    io.save(model, tmp_path, io.read_metadata())
    meta = json.loads((tmp_path / io.META_FILE).read_text())
    meta["thresholds"]["power_over"] = 0.99
    (tmp_path / io.META_FILE).write_text(json.dumps(meta))
    assert io.load(tmp_path).thresholds_["power_over"] == 0.99


def test_precision_at_a_lower_concern_share():
    """Recall and the false-alarm rate carry over to any mix of turns; precision does not."""
    from coach.model.evaluate import label_metrics, precision_at

    # 10 concern turns (8 found), 10 without (1 false alarm): 8/9 as measured
    y = np.zeros((20, 5), dtype=bool)
    y[:10, 0] = True
    pred = np.zeros((20, 5), dtype=bool)
    pred[:8, 0] = True
    pred[10, 1] = True
    a = label_metrics(y, pred, list(corpus.LABELS))["any_concern"]
    assert (a["precision"], a["recall"], a["false_alarm_rate"], a["prevalence"]) == (0.889, 0.8, 0.1, 0.5)
    # one concern turn in five: 0.2 * 0.8 found, 0.8 * 0.1 false alarms -> 0.16 / 0.24
    assert a["precision_at_20"] == round(0.16 / 0.24, 3)
    assert precision_at(0.5, 0.8, 0.1) == pytest.approx(8 / 9)
    assert precision_at(0.1, 0.0, 0.0) == 0.0


def test_concern_thresholds_carry_the_transfer_margin():
    """Dev picks the best-F1 threshold with precision >= 0.90; concerns get the margin on top (one for all, or one
    each), the strength does not."""
    from coach.model.train import TRANSFER_MARGIN, tune_thresholds

    rng = np.random.default_rng(0)
    y = rng.random((400, 5)) < 0.3
    proba = np.clip(np.where(y, 0.55, 0.25) + rng.normal(0, 0.12, y.shape), 0, 1)
    plain = tune_thresholds(y, proba, list(corpus.LABELS), margin=0.0)
    shifted = tune_thresholds(y, proba, list(corpus.LABELS))
    each = {"power_over": 0.2, "judgment": 0.0, "diagnosis": 0.05, "false_promise": 0.25}
    per_label = tune_thresholds(y, proba, list(corpus.LABELS), margin=each)
    for label in corpus.LABELS:
        expected = plain[label] + (TRANSFER_MARGIN if label != "person_driven" else 0.0)
        assert shifted[label] == pytest.approx(min(0.95, expected)), label
        assert per_label[label] == pytest.approx(min(0.95, plain[label] + each.get(label, 0.0))), label


def test_reweighted_f1_weighs_turns_to_the_prevalence():
    """With one concern turn in two and a prevalence of one in five, each false alarm on a no-concern turn weighs
    four times a concern turn."""
    from coach.model.train import reweighted_f1

    y = np.array([[1], [1], [0], [0]], bool)
    pred = np.array([[1], [1], [1], [0]], bool)
    # weights: concern turns 0.2/0.5 = 0.4 each, no-concern 0.8/0.5 = 1.6 each: F1 = 2*0.8 / (2*0.8 + 1.6)
    assert reweighted_f1(y, pred, [0], prevalence=0.2)[0] == pytest.approx(0.5)
    assert reweighted_f1(y, pred, [0], prevalence=0.5)[0] == pytest.approx(0.8)


def test_pick_margins_takes_each_concerns_best_and_breaks_ties_towards_fewer_flags():
    """A concern whose probe turns bring false alarms just above the dev threshold takes a margin that clears
    them; one whose probe positives sit just above it takes 0.05 at most; equal F1 goes to the larger margin."""
    from coach.model.train import pick_margins

    labels = list(corpus.LABELS)
    rng = np.random.default_rng(1)
    n = 600
    dev_y = rng.random((n, 5)) < 0.4
    dev_p = np.where(dev_y, 0.7, 0.2) + rng.normal(0, 0.03, dev_y.shape)  # dev threshold lands near 0.3-0.6
    probe_y = np.zeros((400, 5), bool)
    probe_y[:100] = True
    probe_p = np.where(probe_y, 0.95, 0.05)
    po, ju = labels.index("power_over"), labels.index("judgment")
    probe_p[100:200, po] = 0.68  # false alarms that a margin of 0.25 clears and 0.05 does not
    probe_p[:100, ju] = 0.65  # judgment's positives sit low: any margin above 0.05 misses them
    margins, table, info = pick_margins(dev_y, dev_p, [(probe_y, probe_p)], labels, grid=(0.0, 0.05, 0.25, 0.35))
    assert info["own_best"] == margins and info["lowest_precision"] >= info["floor"]  # the floor did not bind
    assert set(margins) == {"power_over", "judgment", "diagnosis", "false_promise"}
    assert margins["power_over"] >= 0.25 and table["power_over"][-1] == pytest.approx(1.0)
    assert margins["judgment"] <= 0.05 and table["judgment"][-1] == 0.0
    assert margins["diagnosis"] == 0.35  # every margin scores 1.0: the tie goes to the largest


def test_pick_margins_raises_margins_when_the_concerns_false_alarms_add_up():
    """Each concern alone is better off with a small margin (its low-scoring positives outnumber its false alarms),
    but their false alarms fall on different turns: together they leave any-concern precision at one concern turn
    in five far under the floor, so every concern takes the margin that clears them; with no floor, each its own."""
    from coach.model.train import pick_margins

    labels = list(corpus.LABELS)
    rng = np.random.default_rng(1)
    dev_y = rng.random((600, 5)) < 0.4
    dev_p = np.where(dev_y, 0.7, 0.2) + rng.normal(0, 0.03, dev_y.shape)
    probe_y = np.zeros((400, 5), bool)
    probe_y[:100] = True
    probe_p = np.where(probe_y, 0.95, 0.05)
    probe_p[:20] = 0.68  # positives a margin of 0.25 misses
    for k, label in enumerate(("power_over", "judgment", "diagnosis", "false_promise")):
        probe_p[100 + 12 * k:112 + 12 * k, labels.index(label)] = 0.68  # 12 false alarms each, on different turns
    grid = (0.0, 0.05, 0.25, 0.35)
    margins, table, info = pick_margins(dev_y, dev_p, [(probe_y, probe_p)], labels, grid=grid)
    assert all(m <= 0.05 for m in info["own_best"].values())
    assert info["own_best_lowest_precision"] < 0.7
    assert all(m >= 0.25 for m in margins.values()) and info["lowest_precision"] >= 0.95
    unfloored, _, _ = pick_margins(dev_y, dev_p, [(probe_y, probe_p)], labels, grid=grid, floor=0.0)
    assert unfloored == info["own_best"]


def test_shipped_margins_are_those_the_recorded_choice_picks():
    """The metadata records each margin's re-weighted F1 on the margin probes; the shipped margins are the best of
    them (ties within 0.002 to the larger) unless together they fall under the precision floor, and the probes
    chosen on are not trained on."""
    from coach.model.train import ENCODER_PROBES, MARGIN_PROBES

    meta = io.read_metadata()
    hp = meta["hyperparameters"]
    choice = hp["margin_choice"]
    assert choice["probes"] == list(MARGIN_PROBES) and not set(MARGIN_PROBES) & set(ENCODER_PROBES)
    assert not set(MARGIN_PROBES) & set(meta["encoder"]["probes"]["files"])
    own = {label: max(g for g, v in zip(choice["grid"], vals) if v >= max(vals) - 0.002)
           for label, vals in choice["reweighted_f1"].items()}
    info = choice["precision_at_prevalence"]
    assert info["own_best"] == own
    if info["own_best_lowest_precision"] >= info["floor"]:  # each concern its own best margin
        assert hp["threshold_margin"] == own
    else:  # raised until the margin probes' precision reaches the floor (or comes as close as the grid allows)
        assert info["lowest_precision"] > info["own_best_lowest_precision"]
