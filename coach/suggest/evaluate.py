"""Measures the alternatives on the corpus test split and the rewrite bank.

For every concern the pipeline flags, the served suggestions (best first) are checked:

- clean: no concern reaches its threshold on the alternative (our own model);
- keeps content: the alternative keeps >= 80% of the original sentence's content words (nouns and main
  verbs) outside the flagged phrase, outside the other concern phrases flagged in the same sentence (which a
  clean alternative cannot keep) and outside the concern's own words, an order's rule tags included
  (:func:`coach.suggest.content.retention`; vacuously true when there are none). The stricter count, with the
  other concern phrases' words as content to keep, is reported beside it;
- well-formed: capital start, end punctuation, no doubled words; not empty; does not repeat the phrase.

Run by ``coach evaluate``; the figures go into ``metadata.json`` and ``MODEL_CARD.md``.
"""

from __future__ import annotations

import json
from collections import defaultdict

import numpy as np

from coach import corpus as corpus_mod
from coach import taxonomy
from coach.suggest import repeats_flagged, well_formed
from coach.suggest.bank import BANK_PATH
from coach.suggest.content import retention


def _findings(nlp, texts: list[str]) -> list[dict]:
    out = []
    for text, doc in zip(texts, nlp.pipe(texts)):
        concerns = [s for s in doc.spans["coach"] if taxonomy.kind_of(s.label_) == "concern"]
        for span in concerns:
            sent = span.sent
            others = tuple((o.start_char - sent.start_char, o.end_char - sent.start_char) for o in concerns
                           if o is not span and o.sent.start == sent.start)
            out.append({"sentence": sent.text, "start": span.start_char - sent.start_char,
                        "end": span.end_char - sent.start_char, "label": span.label_, "others": others,
                        "suggestions": list(span._.coach_suggestions or [])})
    return out


def measure(nlp, texts: list[str]) -> dict:
    model = nlp.get_pipe("session_coach").model
    found = _findings(nlp, texts)
    served = [(f, s, rank) for f in found for rank, s in enumerate(f["suggestions"])]
    alt_texts = sorted({s["text"] for _, s, _ in served})
    clean = {}
    if alt_texts:
        flags = model.flags(model.predict_proba(alt_texts))
        concern_cols = [j for j, lab in enumerate(model.labels_) if taxonomy.kind_of(lab) == "concern"]
        clean = dict(zip(alt_texts, ~flags[:, concern_cols].any(axis=1)))
    by_label = defaultdict(lambda: {"n": 0, "best_keeps": 0, "rewrite_first": 0, "retention": [],
                                    "best_keeps_phrase_only": 0})
    n_served = len(served)
    n_clean = sum(bool(clean.get(s["text"], False)) for _, s, _ in served)
    n_formed = sum(well_formed(s["text"]) for _, s, _ in served)
    n_repeat = sum(repeats_flagged(s["text"], f["sentence"], f["start"], f["end"]) for f, s, _ in served)
    n_empty_lists = sum(not f["suggestions"] for f in found)
    sources = defaultdict(int)
    for f in found:
        d = by_label[f["label"]]
        d["n"] += 1
        if f["suggestions"]:
            best = f["suggestions"][0]
            r = retention(f["sentence"], f["start"], f["end"], best["text"], f["label"], f["others"])
            d["retention"].append(r)
            d["best_keeps"] += r >= 0.8
            d["best_keeps_phrase_only"] += (retention(f["sentence"], f["start"], f["end"], best["text"], f["label"])
                                            >= 0.8)
            d["rewrite_first"] += best["source"] == "rewrite"
            sources[best["source"]] += 1
        else:
            d["retention"].append(0.0)
    n = len(found)
    return {
        "findings": n,
        "alternatives_served": n_served,
        "clean": round(n_clean / n_served, 3) if n_served else None,
        "well_formed": round(n_formed / n_served, 3) if n_served else None,
        "repeats_phrase": n_repeat,
        "findings_without_alternative": n_empty_lists,
        "best_keeps_content": round(sum(d["best_keeps"] for d in by_label.values()) / n, 4) if n else None,
        "best_keeps_content_count": int(sum(d["best_keeps"] for d in by_label.values())),
        # the stricter count: other concern phrases of the same sentence counted as content to keep
        "best_keeps_content_phrase_only_count": int(sum(d["best_keeps_phrase_only"] for d in by_label.values())),
        "mean_retention": round(float(np.mean([r for d in by_label.values() for r in d["retention"]])), 3) if n else None,
        "best_source": dict(sources),
        "by_label": {k: {"n": d["n"], "best_keeps_content": round(d["best_keeps"] / d["n"], 3),
                         "rewrite_first": round(d["rewrite_first"] / d["n"], 3),
                         "mean_retention": round(float(np.mean(d["retention"])), 3)} for k, d in by_label.items()},
    }


def evaluate_suggestions(nlp, corpus_path=corpus_mod.BUILT) -> dict:
    rows = [r for r in corpus_mod.load(corpus_path) if r["split"] == "test"]
    bank = [json.loads(line) for line in BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"test_split": measure(nlp, [r["text"] for r in rows]),
            "rewrite_bank": measure(nlp, [b["original"] for b in bank]),
            "bank_reference": {  # how the team's own rewrites score on the same measures
                "keeps_content": round(float(np.mean([
                    retention(b["original"], b["original"].index(b["phrase"]),
                              b["original"].index(b["phrase"]) + len(b["phrase"]), b["rewrite"], b["label"]) >= 0.8
                    for b in bank])), 3),
                "well_formed": round(float(np.mean([well_formed(b["rewrite"]) for b in bank])), 3)}}
