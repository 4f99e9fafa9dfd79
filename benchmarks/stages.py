"""Where the time of scoring goes, stage by stage, against bare spaCy, all in one process after start-up.

The throughput target compares whole ``coach score`` processes with a whole bare ``spacy.blank("en")`` +
sentencizer process. This script shows what each stage of scoring costs on the same texts, as a ratio to that
baseline (machines are noisy, so every figure is read in this process, against the baseline read here):

1. bare spaCy: blank English tokenizer + sentencizer (the baseline, 1.0);
2. the classifier's scores alone (``SessionModel.predict_proba`` on the texts: the n-gram and cue features the
   corpus-and-model issue asks for and the linear models, blended with the fine-tuned encoder), no evidence spans,
   no codebook rules, no alternatives; then its two parts apart: the linear models' scores (features and weights)
   and the encoder's logits (ONNX Runtime);
3. the ``coach score`` scorer without alternatives (``--no-suggestions``);
4. the ``coach score`` scorer as shipped (with the best alternative per utterance).

    .venv/bin/python benchmarks/stages.py --n 20000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import sample_texts  # noqa: E402


def _rate(n: int, fn) -> float:
    t0 = time.perf_counter()
    fn()
    return n / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000, help="utterances (default 20000)")
    args = ap.parse_args()
    import spacy

    from coach.batch.scoring import Utterance, get_coach, score_utterances

    texts = sample_texts(args.n)
    items = [Utterance("bench", f"u{i}", i, "supporter", None, t) for i, t in enumerate(texts)]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    full, lean = get_coach(), get_coach(suggest=False)
    model = full.nlp.get_pipe("session_coach").model
    # warm-up: lazy imports, lexicon and per-word caches
    list(nlp.pipe(texts[:500]))
    model.predict_proba(texts[:500])
    score_utterances(items[:500], full)
    score_utterances(items[:500], lean)

    def scored(coach):
        for i in range(0, len(items), 256):  # the CLI's default --batch-size
            score_utterances(items[i:i + 256], coach)

    stages = [
        ("bare spaCy (blank en + sentencizer)", lambda: list(nlp.pipe(texts, batch_size=256))),
        ("classifier scores alone", lambda: model.predict_proba(texts)),
        ("  of which: linear models' scores", lambda: model._linear().predict_proba(texts)),
        *([("  of which: encoder logits", lambda: model.encoder.logits(texts))] if model.encoder else []),
        ("coach score --no-suggestions", lambda: scored(lean)),
        ("coach score (with alternatives)", lambda: scored(full)),
    ]
    base = None
    for name, fn in stages:
        rate = _rate(args.n, fn)
        base = base or rate
        print(f"{name:40s} {rate:9.0f} utt/s   ratio to bare spaCy {rate / base:.3f}", flush=True)


if __name__ == "__main__":
    main()
