"""Corpus hygiene and size, as the corpus issue requires."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from coach import corpus
from coach.model.validation import PROBES

PROBE_FILES = [path.name for path, _ in PROBES]  # every probe the model card reports
SECOND_CODED_PROBES = [path.stem for path, _ in PROBES[3:]]  # from the fourth on, every turn was coded twice

ROWS = corpus.load()


def assert_agreement(coded: list[dict], first: str, second: str) -> None:
    """Per-label Cohen's kappa between two independent codings (keys ``first`` and ``second``) is at least 0.8."""
    from coach.agreement import cohen_kappa

    for label in corpus.LABELS:
        kappa = cohen_kappa([label in c[first] for c in coded], [label in c[second] for c in coded])
        assert kappa >= 0.8, (label, kappa)


def test_every_span_is_an_exact_substring():
    for r in ROWS:
        for s in r["spans"]:
            assert r["text"][s["start"]:s["end"]] == s["text"], r["id"]
        assert sorted({s["label"] for s in r["spans"]}) == sorted(r["labels"])


def test_ids_unique_and_fields_valid():
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for r in ROWS:
        assert r["setting"] in corpus.SETTINGS and r["register"] in corpus.REGISTERS and r["split"] in corpus.SPLITS


def test_split_is_grouped_by_scenario():
    splits = defaultdict(set)
    for r in ROWS:
        splits[r["scenario"]].add(r["split"])
    assert all(len(s) == 1 for s in splits.values())
    counts = corpus.stats(ROWS)["splits"]
    assert counts["test"] > 0.1 * len(ROWS) and counts["dev"] > 0.1 * len(ROWS)


def test_near_duplicates_under_one_percent():
    pairs = corpus.near_duplicates(ROWS)
    involved = {i for i, j, _ in pairs} | {j for i, j, _ in pairs}
    assert len(involved) / len(ROWS) < 0.01, [(ROWS[i]["text"], ROWS[j]["text"]) for i, j, _ in pairs[:5]]


def test_near_duplicates_never_straddle_splits():
    for i, j, _ in corpus.near_duplicates(ROWS, threshold=0.6):
        if ROWS[i]["split"] != ROWS[j]["split"]:
            pytest.fail(f"paraphrases across splits: {ROWS[i]['id']} / {ROWS[j]['id']}")


def test_near_duplicate_detector_works():
    rows = [{"text": "you need to stop drinking this weekend okay"},
            {"text": "You need to stop drinking this weekend, okay?"},
            {"text": "what would you like to do moving forward from here"}]
    assert [(i, j) for i, j, _ in corpus.near_duplicates(rows)] == [(0, 1)]


def test_size_and_balance():
    s = corpus.stats(ROWS)
    assert s["total"] >= 6000
    for label in corpus.LABELS:
        assert s["labels"][label] >= 700, label
    assert s["none"] >= 2000
    assert sum(s["hard_negatives"].values()) >= 800
    assert len(s["hard_negatives"]) >= 10


def test_variety():
    s = corpus.stats(ROWS)
    assert len(s["settings"]) >= 12
    assert all(s["registers"][r] >= 0.1 * s["total"] for r in corpus.REGISTERS)
    assert len(s["topics"]) >= 10
    lengths = [len(r["text"].split()) for r in ROWS]
    assert min(lengths) <= 2 and max(lengths) >= 60
    assert s["multi_sentence"] >= 300


@pytest.mark.parametrize("name,size", [("second_coding.jsonl", 400), ("second_coding_round3.jsonl", 400),
                                       ("second_coding_round4.jsonl", 250), ("second_coding_round5.jsonl", 250),
                                       ("second_coding_round6.jsonl", 250), ("second_coding_round7.jsonl", 250),
                                       ("second_coding_round8.jsonl", 250), ("second_coding_round9.jsonl", 150),
                                       ("second_coding_round10.jsonl", 300), ("second_coding_round11.jsonl", 300)])
def test_second_coding_agreement(name, size):
    path = corpus.CORPUS_DIR / name
    coded = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(coded) >= size
    by_id = {r["id"]: r for r in ROWS}
    coded = [c for c in coded if c["id"] in by_id]  # (as the data card: near-duplicates dropped at build are out)
    for c in coded:  # the corpus holds the adjudicated labels
        assert sorted(c["adjudicated"]) == sorted(by_id[c["id"]]["labels"]), c["id"]
    assert_agreement(coded, "first_labels", "labels")  # the two independent codings, before adjudication


@pytest.mark.parametrize("name", ["challenge.jsonl", *PROBE_FILES])
def test_held_out_sets_stay_out_of_the_corpus(name):
    """The challenge set and the probe are held out: none of their turns of more than six words is (nearly) a corpus
    utterance. (Shorter stock turns, "lol fair", "Yeah. Okay.", "did u take ur meds today?", come out the same
    when two people write them independently.)"""
    path = corpus.CORPUS_DIR / name
    held = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(held) >= 300
    held = [h for h in held if len(h["text"].split()) > 6]
    rows = [{"text": r["text"]} for r in ROWS] + [{"text": h["text"]} for h in held]
    n = len(ROWS)
    leaks = [(i, j) for i, j, _ in corpus.near_duplicates(rows) if (i < n) != (j < n)]
    assert not leaks, [(rows[i]["text"], rows[j]["text"]) for i, j in leaks[:3]]


@pytest.mark.parametrize("name", PROBE_FILES)
def test_probes_are_well_formed(name):
    """The fresh probes the model card reports: unique ids, a style, a non-empty text, known labels only."""
    path = corpus.CORPUS_DIR / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["style"] and r["text"].strip(), r["id"]
        assert set(r["labels"]) <= set(corpus.LABELS), r["id"]
    assert sum(1 for r in rows if not r["labels"]) >= len(rows) // 3  # many turns carry no label, as sessions do


@pytest.mark.parametrize("name", SECOND_CODED_PROBES)
def test_newer_probes_are_second_coded(name):
    """Every turn of the fourth and later probes was coded twice, blind; per-label kappa between the two codings is
    at least 0.8, and the probe holds the adjudicated labels, each disagreement with its reason."""
    probe = {json.loads(line)["id"]: json.loads(line) for line in
             (corpus.CORPUS_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    coded = [json.loads(line) for line in
             (corpus.CORPUS_DIR / f"{name}_coding.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert {c["id"] for c in coded} == set(probe)
    for c in coded:
        assert sorted(c["labels"]) == sorted(probe[c["id"]]["labels"]), c["id"]
        if sorted(c["first_labels"]) != sorted(c["second_labels"]):
            assert c.get("adjudication"), c["id"]
    assert_agreement(coded, "first_labels", "second_labels")


def test_corpus_tool_survives_a_closed_pipe():
    """`python -m coach.corpus check FILE | head -1`: the reader leaving early is no reason for a traceback."""
    import subprocess
    import sys

    proc = subprocess.run(
        f"{sys.executable} -m coach.corpus check corpora/src/A.jsonl corpora/src/B.jsonl | head -c 1",
        shell=True, cwd=corpus.ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr


def test_corpus_check_reports_bad_files_in_one_line(tmp_path, capsys):
    """An author's slip (a missing file, a binary file, a line that is not JSON, a record that is not an object,
    spans that are not a list) is one line each and exit 2 or 1, never a traceback; the other files still get checked."""
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    not_json = tmp_path / "n.jsonl"
    not_json.write_text("hello\n", encoding="utf-8")
    odd = tmp_path / "o.jsonl"
    odd.write_text('[1]\n{"id": "A-0001", "scenario": "A-s001", "setting": "housing", "register": "spoken", '
                   '"topic": "general", "text": "hi there", "spans": "x"}\n', encoding="utf-8")
    assert corpus._main(["check", str(tmp_path / "missing.jsonl"), str(binary), str(not_json)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(line.startswith("error: ") for line in err), err
    assert "No such file" in err[0] and "not UTF-8" in err[1] and "not JSON" in err[2]
    assert corpus._main(["check", str(odd)]) == 1
    out = capsys.readouterr().out
    assert "o.jsonl:1: not a JSON object" in out and "o.jsonl:2: spans must be a list" in out
    assert corpus._main(["--help"]) == 0 and "usage:" in capsys.readouterr().out


HELD_BACK = corpus.CORPUS_DIR / "held_back"


@pytest.mark.parametrize("name", ["second_coding_AJ_AK.jsonl", "second_coding_AL_AM.jsonl",
                                  "second_coding_AN_AO.jsonl", "second_coding_AP_AQ_AR.jsonl"])
def test_held_back_sections_are_clean_coded_and_not_trained_on(name):
    """Sections waiting in corpora/held_back/ pass the authoring check, hold their adjudicated second-coded labels
    (kappa 0.8 or more per label, every disagreement with its reason), and none of their
    utterances is in the built corpus: the card's claim that nothing there is trained on."""
    sections = name.removeprefix("second_coding_").removesuffix(".jsonl").split("_")
    rows = {}
    for sec in sections:
        problems, _ = corpus.check_file(HELD_BACK / f"{sec}.jsonl")
        assert not problems, problems[:3]
        rows |= {r["id"]: r for r in corpus.read_jsonl(HELD_BACK / f"{sec}.jsonl")}
    built = {r["text"] for r in ROWS}
    assert not [r["id"] for r in rows.values() if r["text"] in built]
    coded = corpus.read_jsonl(HELD_BACK / name)
    assert len(coded) >= 300 and {c["id"] for c in coded} <= set(rows)
    for c in coded:
        held = sorted({s["label"] for s in rows[c["id"]]["spans"]})
        assert sorted(c["adjudicated"]) == held, c["id"]
        if sorted(c["first_labels"]) != sorted(c["labels"]):
            assert c.get("adjudication", "").strip(), c["id"]
    assert_agreement(coded, "first_labels", "labels")
