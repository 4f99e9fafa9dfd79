"""The fine-tuned sentence encoder: a small transformer whose label logits are blended with the linear model's.

The linear model (:mod:`coach.model.classifier`) knows the words and character shapes of our corpus; it does not
know that "a bit of backbone goes a long way" and "toughen up" say the same thing. The encoder does: it is
MiniLM-L6 (``all-MiniLM-L6-v2``, 22M parameters, pretrained on a billion sentence pairs), fine-tuned on the
training windows by :mod:`coach.model.finetune` with a five-label head on its mean-pooled output, exported to
ONNX with int8 weights (23 MB) and read here with ONNX Runtime, on the CPU, with no network and no PyTorch.

A window's probability for a label is ``sigmoid((1 - w) * logit(p_linear) + w * z_encoder)``, with ``w`` the
model's ``encoder_weight`` (0.5, chosen on dev).

The model directory holds ``encoder.onnx`` and ``tokenizer.json`` beside ``model.skops``; their SHA-256 is in
``metadata.json`` and checked on load, so a damaged or swapped file is refused with a clear error. ONNX files
are data (a protobuf graph of standard operators), not code.

>>> blend(np.array([[0.5, 0.9]]), np.array([[0.0, -10.0]]), 0.5).round(3).tolist()
[[0.5, 0.011]]
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from coach.errors import ModelError

ENCODER_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"
MAX_TOKENS = 128  # word pieces per window; a window is at most 24 words


def sha256(path: Path) -> str:
    """The file's SHA-256, as :func:`coach.corpus.sha256_of` reads the corpus's."""
    from coach.corpus import sha256_of

    return sha256_of([path])


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def blend(p_linear: np.ndarray, z_encoder: np.ndarray, weight: float) -> np.ndarray:
    """Probabilities from the linear model's probabilities and the encoder's logits, mixed in logit space."""
    z = (1.0 - weight) * logit(p_linear) + weight * z_encoder
    return 1.0 / (1.0 + np.exp(-z))


def threads() -> int:
    """ONNX Runtime's intra-op threads: ``$COACH_THREADS``, else one when the process is a batch worker (which
    sets ``OMP_NUM_THREADS=1``), else ONNX Runtime's own choice (0)."""
    for var in ("COACH_THREADS", "OMP_NUM_THREADS"):
        value = os.environ.get(var, "")
        if value.isdigit() and int(value) > 0:
            return int(value)
    return 0


class Encoder:
    """Label logits for texts from the fine-tuned encoder in ``directory``.

    ``expected`` maps file names to their SHA-256 (from the model's metadata); a mismatch is a
    :class:`ModelError`, as is a missing or unreadable file.
    """

    def __init__(self, directory: str | os.PathLike, expected: dict[str, str] | None = None):
        directory = Path(directory)
        self.onnx_path = directory / ENCODER_FILE
        self.tokenizer_path = directory / TOKENIZER_FILE
        for path in (self.onnx_path, self.tokenizer_path):
            if not path.exists():
                raise ModelError(f"{path}: encoder file not found; run 'coach train' or set COACH_MODEL")
            want = (expected or {}).get(path.name)
            if want and sha256(path) != want:
                raise ModelError(f"{path}: encoder file is corrupt or from another model (SHA-256 differs from "
                                 f"metadata.json)")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer

            self.tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
            self.tokenizer.enable_truncation(MAX_TOKENS)
            self.tokenizer.no_padding()
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads()
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            self.session = ort.InferenceSession(str(self.onnx_path), options, providers=["CPUExecutionProvider"])
        except ModelError:
            raise
        except Exception as exc:  # onnxruntime and tokenizers raise their own exception types on bad files
            raise ModelError(f"{directory}: encoder files are corrupt or unreadable "
                             f"({exc.__class__.__name__})") from None
        self.n_labels = int(self.session.get_outputs()[0].shape[-1])

    def __getstate__(self):  # a worker process loads its own copy from the files
        return {"dir": str(self.onnx_path.parent)}

    def __setstate__(self, state):
        self.__init__(state["dir"])

    def logits(self, texts: list[str]) -> np.ndarray:
        """(n, n_labels) logits, one text per run.

        The int8 graph quantises each layer's input with a scale read off the whole input tensor, so in a padded
        batch a text's score would depend on the texts beside it (by up to 1.3 logits on probe 14's sentences).
        One text per run keeps every score a function of its own text, as the evaluation, the pipeline, the batch
        scorer and Dask must agree; it computes no padding either, and runs at about 85% of the batched rate.
        Repeated texts in a call are run once.
        """
        n = len(texts)
        out = np.zeros((n, self.n_labels), dtype=np.float32)
        if not n:
            return out
        seen: dict[str, int] = {}
        for t in texts:
            seen.setdefault(t, len(seen))
        unique = list(seen)
        encoded = self.tokenizer.encode_batch(unique)
        rows = np.zeros((len(unique), self.n_labels), dtype=np.float32)
        for k, e in enumerate(encoded):
            ids = np.asarray([e.ids], dtype=np.int64)
            rows[k] = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        return rows[[seen[t] for t in texts]]
