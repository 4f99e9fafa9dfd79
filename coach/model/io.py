"""Saving and loading the model with skops, never raw pickle.

The model directory holds ``model.skops`` (the :class:`SessionModel`),
``encoder.onnx`` and ``tokenizer.json`` (the fine-tuned encoder blended with it,
:mod:`coach.model.encoder`), ``metadata.json`` (library versions, labels,
thresholds, corpus and encoder SHA-256, metrics) and ``MODEL_CARD.md``. Loading passes an explicit list of trusted
types: anything else in the file is refused.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from coach.errors import ModelError

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_MODEL_DIR = ROOT / "models" / "session-coach"
MODEL_FILE = "model.skops"
META_FILE = "metadata.json"

# Every type the model file may contain beyond skops' defaults. Reviewed by hand: add to it only
# classes from this package or well-known libraries, never anything that runs code on load.
TRUSTED_TYPES = [
    "coach.model.classifier.SessionModel",
    "coach.model.features.CueFeatures",
    "coach.model.features.word_ngrams",
    "coach.model.features.shape_ngrams",
    "coach.model.features.char_text",
    "coach.model.spans.SpanTagger",
    "coach.model.classifier.NBLogisticEnsemble",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "coach.model.compact.CompactDictVectorizer",
    "coach.model.compact.CompactTfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.multiclass.OneVsRestClassifier",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._label.LabelBinarizer",
    "numpy.float32",
    "numpy.float64",
    "numpy.int64",
    "numpy.int32",
    "numpy.dtype",
    "builtins.int",
    "builtins.float",
    "builtins.str",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.slice",
]


def model_dir(path: str | os.PathLike | None = None) -> Path:
    """The model directory: ``path``, else ``$COACH_MODEL``, else the shipped model."""
    if path is None:
        path = os.environ.get("COACH_MODEL") or DEFAULT_MODEL_DIR
    path = Path(path)
    return path.parent if path.is_file() else path


def save(model, directory: str | os.PathLike, metadata: dict) -> Path:
    """Write the model file, its attached encoder's files (with their SHA-256 in the metadata) and the metadata."""
    import shutil

    import skops.io as sio

    from coach.model import encoder as enc_mod

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    metadata = dict(metadata)
    enc = getattr(model, "encoder", None)
    if enc is not None:
        digests = {}
        for src in (enc.onnx_path, enc.tokenizer_path):
            dst = directory / src.name
            if src.resolve() != dst.resolve():
                shutil.copyfile(src, dst)
            digests[src.name] = enc_mod.sha256(dst)
        metadata["encoder"] = dict(metadata.get("encoder") or {}, sha256=digests)
    else:
        metadata.pop("encoder", None)
    # deflated: the packed vocabularies and weight arrays shrink to about half, and skops reads it as it is
    sio.dump(model, directory / MODEL_FILE, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    (directory / META_FILE).write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return directory


def read_metadata(directory: str | os.PathLike | None = None) -> dict:
    path = model_dir(directory) / META_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{path}: model metadata not found; run 'coach train' first") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: model metadata is corrupt ({exc.__class__.__name__})") from None


_MEMORY: dict[str, object] = {}


def register(model) -> str:
    """Keep an in-memory model under a ``memory:`` key that :func:`load` accepts in place of a path."""
    key = f"memory:{id(model):x}"
    _MEMORY[key] = model
    return key


def load(directory: str | os.PathLike | None = None):
    """Load the model from ``directory`` (default: ``$COACH_MODEL`` or the shipped one) or a ``memory:`` key
    from :func:`register`; a missing or corrupt file is a :class:`ModelError`."""
    if isinstance(directory, str) and directory.startswith("memory:"):
        try:
            return _MEMORY[directory]
        except KeyError:
            raise ModelError(f"{directory}: no such in-memory model") from None
    return _load_file(directory)


def _load_file(directory: str | os.PathLike | None = None):
    """Load the :class:`SessionModel` from a model directory, trusting only :data:`TRUSTED_TYPES`."""
    import zipfile

    import skops.io as sio

    directory = model_dir(directory)
    path = directory / MODEL_FILE
    if not path.exists():
        raise ModelError(f"{path}: model file not found; run 'coach train' or set COACH_MODEL")
    try:
        untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
        if untrusted:
            raise ModelError(f"{path}: model file holds types that are not trusted: {', '.join(untrusted[:5])}")
        model = sio.load(path, trusted=TRUSTED_TYPES)
    except ModelError:
        raise
    except (zipfile.BadZipFile, ValueError, KeyError, TypeError, AttributeError, EOFError, OSError,
            json.JSONDecodeError, ImportError) as exc:
        raise ModelError(f"{path}: model file is corrupt or from another version ({exc.__class__.__name__})") from None
    meta = read_metadata(directory)
    if list(getattr(model, "labels_", [])) != list(meta.get("labels", [])):
        raise ModelError(f"{path}: model labels do not match {META_FILE}")
    thresholds = meta.get("thresholds")
    if thresholds:
        model.thresholds_ = {k: float(v) for k, v in thresholds.items()}
    if meta.get("encoder"):
        from coach.model.encoder import Encoder

        try:
            model.attach_encoder(Encoder(directory, expected=meta["encoder"].get("sha256")))
        except ValueError as exc:
            raise ModelError(f"{directory}: {exc}") from None
    return model

