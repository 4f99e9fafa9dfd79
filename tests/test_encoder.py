"""The fine-tuned sentence encoder: shipped, checked on load, blended with the linear model, refused when damaged."""

from __future__ import annotations

import json
import shutil
import sys

import numpy as np
import pytest

from coach.errors import ModelError
from coach.model import encoder as enc_mod
from coach.model import io


def _copy_model(tmp_path):
    for f in (io.MODEL_FILE, io.META_FILE, enc_mod.ENCODER_FILE, enc_mod.TOKENIZER_FILE):
        shutil.copy(io.DEFAULT_MODEL_DIR / f, tmp_path / f)
    return tmp_path


def test_shipped_model_blends_the_encoder(model):
    meta = io.read_metadata()
    assert model.encoder is not None
    assert meta["encoder"]["weight"] == model.encoder_weight == 0.5
    for name, digest in meta["encoder"]["sha256"].items():
        assert enc_mod.sha256(io.DEFAULT_MODEL_DIR / name) == digest


def test_encoder_reproduces_the_logits_recorded_at_training(model):
    """Catches a tokenizer or runtime that reads the exported graph differently from the one that trained it."""
    check = io.read_metadata()["encoder"]["check"]
    got = model.encoder.logits(check["texts"])
    np.testing.assert_allclose(got, np.array(check["logits"]), atol=0.02)


def test_encoder_scores_are_sensible(model):
    z = model.encoder.logits(["Stop taking the sertraline.", "What would you like to do next?"])
    labels = list(model.labels_)
    assert z[0, labels.index("diagnosis")] > 0 > z[1, labels.index("diagnosis")]
    assert z[1, labels.index("person_driven")] > 0 > z[0, labels.index("person_driven")]


def test_scores_are_the_blend_of_both_models(model):
    texts = ["You need to call your sponsor tonight.", "A bit of backbone goes a long way, that's all I'm saying."]
    enc = model.encoder
    with model.without_encoder():
        linear = model.predict_proba(texts)
    blended = model.predict_proba(texts)
    expected = enc_mod.blend(linear, enc.logits(texts), model.encoder_weight)
    np.testing.assert_allclose(blended, expected, atol=1e-6)
    assert not np.allclose(blended, linear)


def test_blend_weights():
    p = np.array([[0.2, 0.7]])
    z = np.array([[3.0, -1.0]])
    np.testing.assert_allclose(enc_mod.blend(p, z, 0.0), p, atol=1e-9)
    np.testing.assert_allclose(enc_mod.blend(p, z, 1.0), 1 / (1 + np.exp(-z)), atol=1e-9)
    mid = enc_mod.blend(p, z, 0.5)
    assert ((mid > np.minimum(p, 1 / (1 + np.exp(-z)))) & (mid < np.maximum(p, 1 / (1 + np.exp(-z))))).all()


def test_empty_batch(model):
    assert model.encoder.logits([]).shape == (0, len(model.labels_))


def test_damaged_encoder_file_is_refused(tmp_path):
    d = _copy_model(tmp_path)
    (d / enc_mod.ENCODER_FILE).write_bytes(b"\x08\x07 not an onnx graph")
    with pytest.raises(ModelError, match="corrupt"):
        io.load(d)


def test_unreadable_encoder_with_matching_digest_is_refused(tmp_path):
    d = _copy_model(tmp_path)
    (d / enc_mod.ENCODER_FILE).write_bytes(b"\x08\x07 not an onnx graph")
    meta = json.loads((d / io.META_FILE).read_text())
    meta["encoder"]["sha256"][enc_mod.ENCODER_FILE] = enc_mod.sha256(d / enc_mod.ENCODER_FILE)
    (d / io.META_FILE).write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="corrupt or unreadable"):
        io.load(d)


def test_missing_encoder_file_is_refused(tmp_path):
    d = _copy_model(tmp_path)
    (d / enc_mod.TOKENIZER_FILE).unlink()
    with pytest.raises(ModelError, match="not found"):
        io.load(d)


def test_a_model_without_encoder_metadata_scores_alone(tmp_path, model):
    d = _copy_model(tmp_path)
    meta = json.loads((d / io.META_FILE).read_text())
    del meta["encoder"]
    (d / io.META_FILE).write_text(json.dumps(meta))
    alone = io.load(d)
    assert alone.encoder is None
    texts = ["You need to call your sponsor tonight."]
    assert not np.allclose(alone.predict_proba(texts), model.predict_proba(texts))


def test_saved_model_carries_its_encoder(tmp_path, model):
    io.save(model, tmp_path, io.read_metadata())
    again = io.load(tmp_path)
    assert again.encoder is not None
    assert (tmp_path / enc_mod.ENCODER_FILE).read_bytes() == (io.DEFAULT_MODEL_DIR / enc_mod.ENCODER_FILE).read_bytes()


def test_encoder_file_stays_small():
    assert (io.DEFAULT_MODEL_DIR / enc_mod.ENCODER_FILE).stat().st_size < 30_000_000


def test_threads_follow_the_environment(monkeypatch):
    monkeypatch.delenv("COACH_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert enc_mod.threads() == 0
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert enc_mod.threads() == 1
    monkeypatch.setenv("COACH_THREADS", "3")
    assert enc_mod.threads() == 3


def test_finetuning_without_the_training_extras_says_what_to_install(monkeypatch):
    from coach.model import finetune

    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(ModelError, match=r"\.\[train\]"):
        finetune._imports()


def test_encoder_survives_pickling_for_worker_processes(model):
    import pickle

    again = pickle.loads(pickle.dumps(model.encoder))
    texts = ["Have you taken your meds today?"]
    np.testing.assert_allclose(again.logits(texts), model.encoder.logits(texts))
