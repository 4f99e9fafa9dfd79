"""The suggestions section of ``MODEL_CARD.md``."""

from __future__ import annotations


def _rows(m: dict) -> list[str]:
    out = [f"- {m['findings']} flagged concerns, {m['alternatives_served']} alternatives served; "
           f"concerns left without an alternative: {m['findings_without_alternative']}.",
           f"- Clean under our own model (no concern above threshold): **{m['clean']:.1%}** of served alternatives.",
           f"- Well-formed (capital start, end punctuation, no doubled words): **{m['well_formed']:.1%}**; "
           f"alternatives repeating the flagged phrase: **{m['repeats_phrase']}**.",
           f"- Best alternative keeps >= 80% of the sentence's content words (nouns and main verbs outside the "
           f"phrase, outside the other concern phrases flagged in the same sentence, which a clean alternative "
           f"cannot keep, and outside the concern's own words: a diagnosis label and the frame that recommends a treatment "
           f"(\"it's the best thing for\"), \"I promise\" and the words that vouch for a promise such as \"you have my "
           f"word\", an order's rule tag such as \"that's the deal\"; formulas such as \"trust me\" are no content): "
           f"**{m['best_keeps_content']:.2%}** ({m.get('best_keeps_content_count', '?')} of {m['findings']}; "
           f"mean retention {m['mean_retention']:.2f}); best alternative's "
           "source: " + ", ".join(f"{k} {v}" for k, v in sorted(m["best_source"].items())) + ".",
           f"- Counting the other concern phrases' words as content to keep too: "
           f"{m.get('best_keeps_content_phrase_only_count', 0) / max(m['findings'], 1):.2%} "
           f"({m.get('best_keeps_content_phrase_only_count', '?')} of {m['findings']}).",
           "", "| label | flagged | best keeps content | rewrite ranked first | mean retention |",
           "|---|---|---|---|---|"]
    for k, d in sorted(m["by_label"].items()):
        out.append(f"| `{k}` | {d['n']} | {d['best_keeps_content']:.1%} | {d['rewrite_first']:.1%} | "
                   f"{d['mean_retention']:.2f} |")
    return out


def suggestion_section(s: dict) -> list[str]:
    ref = s["bank_reference"]
    return ["## Alternatives", "Measured by `coach.suggest.evaluate` (run by `coach evaluate`).", "",
            "### On the test split", *_rows(s["test_split"]), "",
            "### On the rewrite bank's originals", *_rows(s["rewrite_bank"]), "",
            f"Reference: the team's own bank rewrites keep the content words in {ref['keeps_content']:.1%} of "
            f"pairs and are well-formed in {ref['well_formed']:.1%}."]
