"""The encoder learns from the first thirteen blind probes too: their turns become windows correctly, the later probes stay
held out, and the model card says which probes are not held-out estimates."""

from __future__ import annotations

import numpy as np

from coach import corpus
from coach.model import io
from coach.model.card import trained_probes
from coach.model.train import ENCODER_PROBES, turn_windows
from coach.model.validation import PROBES

TURNS = [
    {"text": "Hi Dana, good to see you. You need to ring your sponsor tonight, no excuses. See you Thursday.",
     "labels": ["power_over"]},
    {"text": "That sounds like a long week. What would you like to do with the weekend? And honestly, that was a "
             "stupid thing to say to your boss.", "labels": ["judgment", "person_driven"]},
    {"text": "Thanks for coming in today, the kettle's on.", "labels": []},
]


def test_a_turn_label_goes_to_one_window_and_the_turn_s_others_leave_the_loss(model):
    texts, Y, mask = turn_windows(model, TURNS)
    assert len(texts) == len(Y) == len(mask) and Y.shape[1] == len(model.labels_)
    labels = list(model.labels_)
    # every window belongs to one turn, in order; find each turn's windows by their text
    owner = []
    for t in texts:
        owner.append(next(i for i, turn in enumerate(TURNS) if t.strip() and t.strip() in turn["text"]))
    owner = np.array(owner)
    assert sorted(set(owner)) == [0, 1, 2] and len(texts) > 3  # several windows per turn
    for i, turn in enumerate(TURNS):
        ks = np.flatnonzero(owner == i)
        for j, label in enumerate(labels):
            if label in turn["labels"]:
                assert Y[ks, j].sum() == 1, (i, label)  # one window carries it ...
                best = ks[Y[ks, j] == 1][0]
                assert mask[best, j] == 1 and mask[ks, j].sum() == 1  # ... and the others are left out
            else:
                assert Y[ks, j].sum() == 0 and mask[ks, j].all(), (i, label)  # a label it lacks: 0 everywhere
    j = labels.index("power_over")
    carrier = texts[int(np.flatnonzero((owner == 0) & (Y[:, j] == 1))[0])]
    assert "need to ring" in carrier  # the linear model picks the window with the order, not the greeting


def test_turn_windows_of_nothing_is_empty(model):
    texts, Y, mask = turn_windows(model, [])
    assert texts == [] and Y.shape == (0, len(model.labels_)) and mask.shape == Y.shape


def test_the_later_probes_stay_held_out():
    """The encoder learns from the first probes, the margins are chosen on the next ones, the rest judge."""
    from coach.model.train import MARGIN_PROBES

    names = [path.name for path, _ in PROBES]
    assert set(ENCODER_PROBES) <= set(names) and set(MARGIN_PROBES) <= set(names)
    assert not set(ENCODER_PROBES) & set(MARGIN_PROBES)
    held = [n for n in names if n not in ENCODER_PROBES and n not in MARGIN_PROBES]
    assert {"probe17.jsonl", "probe18.jsonl", "probe19.jsonl", "probe20.jsonl", "probe21.jsonl", "probe22.jsonl", "probe23.jsonl", "probe24.jsonl"} <= set(held)
    assert max(names.index(n) for n in [*ENCODER_PROBES, *MARGIN_PROBES]) < min(names.index(n) for n in held)


def test_the_shipped_encoder_learnt_from_the_probe_files_as_they_are():
    """The metadata names the probes the encoder was fine-tuned on, and their digest matches the files on disk, so
    the model card's 'not a held-out estimate' marks the right probes."""
    meta = io.read_metadata()
    probes = meta["encoder"]["probes"]
    assert tuple(probes["files"]) == ENCODER_PROBES == tuple(sorted(trained_probes(meta), key=ENCODER_PROBES.index))
    assert probes["sha256"] == corpus.sha256_of([corpus.CORPUS_DIR / n for n in ENCODER_PROBES])
    n_turns = sum(len(corpus.read_jsonl(corpus.CORPUS_DIR / n)) for n in ENCODER_PROBES)
    assert probes["n_turns"] == n_turns


def test_the_card_marks_the_probes_the_encoder_learnt_from():
    from coach.model.train import MARGIN_PROBES

    card = (io.DEFAULT_MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    for name in ENCODER_PROBES:
        heading = next(line for line in card.splitlines() if line.startswith(f"### `corpora/{name}`"))
        assert "not a held-out estimate" in heading, name
    for name in MARGIN_PROBES:
        heading = next(line for line in card.splitlines() if line.startswith(f"### `corpora/{name}`"))
        assert "margins are chosen on this probe: not a held-out estimate" in heading, name
    for name in ("probe17.jsonl", "probe18.jsonl", "probe19.jsonl", "probe20.jsonl", "probe21.jsonl", "probe22.jsonl", "probe23.jsonl", "probe24.jsonl"):
        heading = next(line for line in card.splitlines() if line.startswith(f"### `corpora/{name}`"))
        assert "not a held-out estimate" not in heading, name


def test_held_back_sections_for_the_encoder_leave_out_paraphrases_of_what_measures_it():
    """A held-back utterance that paraphrases a dev, test or judging-probe turn is not learnt from; the rest come in
    built form, their evidence spans located in their text."""
    from coach.model.train import HELD_BACK_DIR, section_rows

    source = corpus.read_jsonl(HELD_BACK_DIR / "AP.jsonl")
    long_one = next(r for r in source if len(r["text"].split()) >= 14)
    paraphrase = {"text": long_one["text"].rsplit(" ", 1)[0] + " okay"}  # one word changed at the end
    rows, left_out = section_rows(("AP.jsonl",), [paraphrase])
    assert left_out >= 1 and long_one["id"] not in {r["id"] for r in rows}
    assert len(rows) + left_out == len(source)
    for r in rows:
        for s in r["spans"]:
            assert r["text"][s["start"]:s["end"]] == s["text"] and s["label"] in r["labels"]
    assert section_rows((), [paraphrase]) == ([], 0)


def test_the_shipped_encoder_learnt_from_the_held_back_sections_as_they_are():
    """The metadata names the held-back sections the encoder learnt from, with their digest (none yet: AJ-AR, then AQ
    alone, were tried in stop 25 and not kept)."""
    from coach.model.train import ENCODER_SECTIONS, HELD_BACK_DIR

    sections = io.read_metadata()["encoder"].get("sections", {"files": []})
    assert tuple(sections["files"]) == ENCODER_SECTIONS
    if ENCODER_SECTIONS:
        assert sections["sha256"] == corpus.sha256_of([HELD_BACK_DIR / n for n in ENCODER_SECTIONS])
        assert sections["n_utterances"] + sections["n_left_out"] == sum(
            len(corpus.read_jsonl(HELD_BACK_DIR / n)) for n in ENCODER_SECTIONS)
