"""``coach score`` / ``coach agree`` and the coach.batch API: columns, formats, tables, sessions,
failures, --resume, worker processes and Dask giving the same output as the local engine."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from coach import taxonomy
from coach.batch import OUTPUT_COLUMNS, SESSION_COLUMNS, score_frame, set_coach
from coach.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXPECTED_COLUMNS = (
    ["doc_id", "id", "turn", "speaker", "start", "text"]
    + list(taxonomy.LABELS)
    + [f"p_{label}" for label in taxonomy.LABELS]
    + ["spans", "suggestion"]
)

SESSION_CSV = """session,speaker,text,start
s1,Peer Specialist,You need to stop drinking this weekend.,0:01
s1,Sam,I know I know.,0:05
s1,Peer Specialist,What would you like to do next?,0:09
s2,Alex,Hi there.,
s2,Casey,I'm scared about court.,
s2,Alex,I promise everything will be fine.,
"""


@pytest.fixture(autouse=True)
def shared_model(coach_obj):
    """In-process CLI runs reuse the session's loaded model (the default-model cache entry)."""
    set_coach(coach_obj)


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory):
    """A frozen copy of the model, so runs in other processes score with exactly the same one."""
    dst = tmp_path_factory.mktemp("model") / "session-coach"
    shutil.copytree(ROOT / "models" / "session-coach", dst)
    return str(dst)


def score(capsys, *args) -> tuple[int, str]:
    code = main(["score", *map(str, args), "--quiet"])
    return code, capsys.readouterr().err


def read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    df = pd.read_csv(
        path, keep_default_na=False, dtype={"doc_id": str, "id": str, "speaker": str, "text": str}
    )
    df["start"] = pd.to_numeric(df["start"])  # "" (unknown) -> NaN
    return df


def utterances_table(tmp_path: Path, n: int = 24) -> Path:
    rows = [json.loads(line) for line in (ROOT / "corpora" / "utterances.jsonl").open(encoding="utf-8")][:n]
    path = tmp_path / "utts.jsonl"
    path.write_text("".join(json.dumps({"uid": r["id"], "text": r["text"]}) + "\n" for r in rows))
    return path


def test_transcript_rows_have_exact_columns_and_match_the_analysis(tmp_path, capsys, coach_obj):
    out = tmp_path / "scores.csv"
    code, err = score(capsys, EXAMPLES, "--out", out)
    assert code == 0, err
    df = read(out)
    assert list(df.columns) == EXPECTED_COLUMNS == list(OUTPUT_COLUMNS)
    assert "scoring" not in err  # no progress bar when stderr is not a terminal
    for path in sorted(EXAMPLES.iterdir()):
        doc = f"{EXAMPLES}/{path.name}"
        analysis = coach_obj.analyze(str(path))
        want = analysis.utterances_frame()
        got = df[df.doc_id == doc].reset_index(drop=True)
        assert len(got) == len(want) > 0
        assert got["turn"].tolist() == want["turn"].tolist()
        assert got["id"].tolist() == [f"{doc}:{t}" for t in want["turn"]]
        assert set(got["speaker"]) <= set(analysis.supporters)
        for label in taxonomy.LABELS:
            assert got[label].tolist() == want[label].tolist(), label
            assert got[f"p_{label}"].tolist() == pytest.approx(want[f"p_{label}"].tolist(), abs=1e-4)
        for spans, suggestion, turn in zip(got["spans"], got["suggestion"], got["turn"]):
            spans = json.loads(spans)
            mine = [f for f in analysis.findings if f.turn == turn]
            assert [(s["label"], s["start"], s["end"], s["text"]) for s in spans] == [
                (f.label, f.start, f.end, f.text) for f in mine
            ]
            concerns = [f for f in mine if f.kind == "concern"]
            assert bool(suggestion) == bool(concerns)
            if concerns:
                top = max(concerns, key=lambda f: f.score)
                assert suggestion == (
                    top.suggestions[0]["text"] if top.suggestions else taxonomy.get(top.label).alternatives[0]
                )


def test_csv_jsonl_and_parquet_outputs_hold_the_same_rows(tmp_path, capsys):
    frames = {}
    for ext in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"scores.{ext}"
        code, err = score(capsys, EXAMPLES / "zoom_practice.vtt", "--out", out)
        assert code == 0, err
        frames[ext] = read(out)
    base = frames["parquet"]
    assert list(base.columns) == EXPECTED_COLUMNS
    assert base["start"].notna().all() and base["turn"].dtype == "int64"
    for other in ("csv", "jsonl"):
        got = frames[other]
        for col in EXPECTED_COLUMNS:
            if col in ("start",) or col.startswith("p_"):
                assert got[col].astype(float).tolist() == pytest.approx(base[col].tolist())
            elif col in taxonomy.LABELS:
                assert got[col].astype(str).str.lower().tolist() == base[col].astype(str).str.lower().tolist()
            else:
                assert got[col].astype(str).tolist() == base[col].astype(str).tolist(), (other, col)


def test_table_without_speaker_column_is_all_supporter(tmp_path, capsys):
    table = utterances_table(tmp_path)
    out = tmp_path / "scores.parquet"
    code, err = score(capsys, table, "--out", out, "--id-col", "uid", "--speaker", "Jo")
    assert code == 0, err
    df = read(out)
    source = pd.read_json(table, lines=True)
    assert df["id"].tolist() == source["uid"].tolist()
    assert df["text"].tolist() == [" ".join(t.split()) for t in source["text"]]
    assert set(df["speaker"]) == {"Jo"} and set(df["doc_id"]) == {str(table)}
    assert df["turn"].tolist() == list(range(len(source)))
    assert df["start"].isna().all()


def test_table_with_speaker_and_doc_columns_and_sessions(tmp_path, capsys):
    table = tmp_path / "sessions.csv"
    table.write_text(SESSION_CSV)
    out, sessions = tmp_path / "scores.csv", tmp_path / "sessions.parquet"
    code, err = score(capsys, table, "--doc-col", "session", "--out", out, "--sessions", sessions)
    assert code == 0, err
    df = read(out)
    # s1: the role name picks "Peer Specialist"; s2: no role names, whoever opens ("Alex").
    assert df[["doc_id", "id", "turn", "speaker"]].values.tolist() == [
        ["s1", "s1:0", 0, "Peer Specialist"],
        ["s1", "s1:2", 2, "Peer Specialist"],
        ["s2", "s2:0", 0, "Alex"],
        ["s2", "s2:2", 2, "Alex"],
    ]
    assert df["start"].tolist()[:2] == [1.0, 9.0]
    s = read(sessions)
    assert list(s.columns) == list(SESSION_COLUMNS)
    assert s["doc_id"].tolist() == ["s1", "s2"] and s["n_utterances"].tolist() == [2, 2]
    assert s["share_of_voice"].tolist() == [round(14 / 18, 3), round(8 / 12, 3)]
    for _, row in s.iterrows():
        mine = df[df.doc_id == row["doc_id"]]
        spans = [sp["label"] for text in mine["spans"] for sp in json.loads(text)]
        concerns = sum(spans.count(c) for c in taxonomy.CONCERNS)
        for label in taxonomy.LABELS:
            assert row[f"count_{label}"] == spans.count(label)
            assert row[f"rate_{label}"] == round(100 * spans.count(label) / len(mine), 2)
        ratio = row["person_driven_to_concern"]
        assert pd.isna(ratio) if not concerns else ratio == round(spans.count("person_driven") / concerns, 3)
    # The session table of a transcript is its Analysis.summary().


def test_transcript_sessions_equal_analysis_summary(tmp_path, capsys, coach_obj):
    out, sessions = tmp_path / "s.jsonl", tmp_path / "sessions.csv"
    path = EXAMPLES / "roleplay_housing.txt"
    assert score(capsys, path, "--out", out, "--sessions", sessions)[0] == 0
    row = pd.read_csv(sessions).iloc[0]
    summary = coach_obj.analyze(str(path)).summary()
    assert row["n_utterances"] == summary["supporter_utterances"]
    assert row["share_of_voice"] == summary["share_of_voice"] < 1.0
    for label in taxonomy.LABELS:
        assert row[f"count_{label}"] == summary["counts"][label]
        assert row[f"rate_{label}"] == summary["rates_per_100"][label]


def test_bad_file_and_bad_row_are_logged_and_the_rest_scored(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    shutil.copy(EXAMPLES / "roleplay_housing.txt", tmp_path / "in" / "good.txt")
    (tmp_path / "in" / "empty.vtt").write_text("WEBVTT\n\n")
    (tmp_path / "in" / "rows.jsonl").write_text(
        '{"text": "You need to go to group."}\n{not json\n{"text": "What would help you most?"}\n'
    )
    out = tmp_path / "scores.csv"
    code, err = score(capsys, tmp_path / "in", tmp_path / "missing.srt", "--out", out)
    assert code == 3
    df = read(out)
    assert set(df["doc_id"]) == {f"{tmp_path}/in/good.txt", f"{tmp_path}/in/rows.jsonl"}
    assert df[df.doc_id.str.endswith("rows.jsonl")]["turn"].tolist() == [0, 1]
    skipped = [line for line in err.splitlines() if line.startswith("coach: skipped:")]
    assert len(skipped) == 3
    assert any("empty.vtt" in line for line in skipped)
    assert any("rows.jsonl: line 2: not valid JSON" in line for line in skipped)
    assert any("missing.srt: no such file" in line for line in skipped)
    assert "3 failure(s)" in err and "Traceback" not in err


def test_resume_keeps_written_documents_and_scores_the_rest(tmp_path, capsys):
    files = [EXAMPLES / "roleplay_housing.txt", EXAMPLES / "zoom_practice.vtt"]
    table = utterances_table(tmp_path, 12)
    full = tmp_path / "full.csv"
    assert score(capsys, *files, table, "--out", full, "--batch-size", "5")[0] == 0
    lines = full.read_text().splitlines(keepends=True)
    first_table_row = next(i for i, ln in enumerate(lines) if ln.startswith(str(table)))
    # An interrupted run: both transcripts, 5 table rows, and half of the next line.
    cut = first_table_row + 5
    partial = tmp_path / "partial.csv"
    partial.write_text("".join(lines[:cut]) + lines[cut][:20])
    code, err = score(capsys, *files, table, "--out", partial, "--resume", "--batch-size", "5")
    assert code == 0, err
    assert f"scored {len(lines) - cut} utterance(s) ({cut - 1} kept from before)" in err
    assert partial.read_text() == full.read_text()
    # Kept rows are not rescored: tamper with one and it survives a second resume.
    text = partial.read_text().replace("Hey Casey", "Hey CASEY", 1)
    partial.write_text(text)
    assert score(capsys, *files, table, "--out", partial, "--resume")[0] == 0
    assert partial.read_text() == text
    # Parquet resume keeps the old row groups too.
    pq_full, pq_part = tmp_path / "full.parquet", tmp_path / "part.parquet"
    assert score(capsys, *files, "--out", pq_full)[0] == 0
    assert score(capsys, files[0], "--out", pq_part)[0] == 0
    assert score(capsys, *files, "--out", pq_part, "--resume")[0] == 0
    pd.testing.assert_frame_equal(read(pq_part), read(pq_full))


def test_workers_2_and_dask_write_the_same_file_as_one_worker(tmp_path, model_copy):
    # Whole processes with one hash seed: the span tagger and suggestions depend on set order today.
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    inputs = [str(EXAMPLES), str(utterances_table(tmp_path, 30))]
    common = ["--model", model_copy, "--batch-size", "6", "--id-col", "uid", "--quiet"]
    outs = {}
    for name, extra in (
        ("one", []),
        ("two", ["--workers", "2"]),
        ("dask", ["--engine", "dask", "--workers", "2"]),
    ):
        outs[name] = tmp_path / f"{name}.csv"
        r = subprocess.run(
            [sys.executable, "-m", "coach.cli", "score", *inputs, "--out", str(outs[name]), *common, *extra],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert r.returncode == 0, r.stderr.decode()[-2000:]
    assert len(read(outs["one"])) == 30 + 16
    assert outs["two"].read_bytes() == outs["one"].read_bytes()
    assert outs["dask"].read_bytes() == outs["one"].read_bytes()


def test_score_frame_and_score_dask_api(tmp_path, coach_obj):
    import dask
    import dask.dataframe as dd

    from coach.batch import score_dask, score_files

    df = pd.read_json(utterances_table(tmp_path, 10), lines=True)
    rows = score_frame(df, id_col="uid", coach=coach_obj)
    assert list(rows.columns) == EXPECTED_COLUMNS and rows["id"].tolist() == df["uid"].tolist()
    with dask.config.set(scheduler="sync"):
        lazy = score_dask(dd.from_pandas(df, npartitions=2), id_col="uid")
        assert list(lazy.columns) == EXPECTED_COLUMNS
        got = lazy.compute()
    assert got["id"].tolist() == rows["id"].tolist()
    pd.testing.assert_frame_equal(
        got.drop(columns=["doc_id", "turn"]).reset_index(drop=True), rows.drop(columns=["doc_id", "turn"])
    )
    files = score_files([str(EXAMPLES / "zoom_practice.vtt")], coach=coach_obj)
    assert len(files) == len(coach_obj.analyze(str(EXAMPLES / "zoom_practice.vtt")).supporter_turns())


def _tables(tmp_path: Path, human: dict, model: dict, ext: str = "csv") -> tuple[Path, Path]:
    h, m = tmp_path / f"human.{ext}", tmp_path / f"model.{ext}"
    for path, data in ((h, human), (m, model)):
        df = pd.DataFrame(data)
        df.to_csv(path, index=False) if ext == "csv" else df.to_json(path, orient="records", lines=True)
    return h, m


def test_agree_reports_known_kappa(tmp_path, capsys):
    # judgment: po = 0.75, pe = 0.5 -> kappa 0.5; power_over: identical -> 1.0
    human = {"id": ["a", "b", "c", "d", "x"], "judgment": [1, 1, 0, 0, 1], "power_over": [1, 0, 0, 1, 0]}
    model = {
        "id": ["d", "c", "b", "a", "y"],
        "judgment": [False, True, True, True, False],
        "power_over": [True, False, False, True, False],
        "notes": ["", "", "", "", ""],
    }
    h, m = _tables(tmp_path, human, model)
    assert main(["agree", str(h), str(m), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["matched"] == 4 and report["n_human"] == 5
    assert set(report["labels"]) == {"power_over", "judgment"}
    j = report["labels"]["judgment"]
    assert j["kappa"][0] == 0.5 and j["n"] == 4
    assert j["precision"][0] == pytest.approx(2 / 3, abs=1e-3) and j["recall"][0] == 1.0
    assert j["kappa"][1] <= 0.5 <= j["kappa"][2]
    assert report["labels"]["power_over"]["kappa"][0] == 1.0
    assert main(["agree", str(h), str(m)]) == 0
    text = capsys.readouterr().out
    assert "4 of 5" in text and "judgment" in text and "0.500 [" in text


def test_agree_errors_are_one_line_exit_2(tmp_path, capsys):
    h, m = _tables(tmp_path, {"id": [1, 2], "judgment": [1, 0]}, {"id": [1, 2], "other": [1, 0]}, "jsonl")
    assert main(["agree", str(h), str(m)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("coach: error: no label columns in common") and "\n" not in err
    h2, m2 = _tables(tmp_path, {"id": [1, 2], "judgment": [1, 0]}, {"id": [3, 4], "judgment": [1, 0]})
    assert main(["agree", str(h2), str(m2)]) == 2
    assert "no ids in common" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, message",
    [
        (["{tmp}/nothing-here.txt", "--out", "{tmp}/o.csv"], "no inputs to score"),
        (["{table}", "--out", "{tmp}/o.csv", "--text-col", "nope"], "no column named 'nope'"),
        (["{table}", "--out", "{tmp}/o.csv", "--doc-col", "session"], "no column named 'session'"),
        (["{table}", "--out", "{tmp}/o.xlsx"], "unknown output type"),
        (
            ["{table}", "--out", "{tmp}/o.csv", "--scheduler", "tcp://127.0.0.1:1"],
            "--scheduler needs --engine dask",
        ),
        (["--out", "{tmp}/o.csv"], "Missing argument"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, capsys, args, message):
    table = utterances_table(tmp_path, 3)
    argv = [a.format(tmp=tmp_path, table=table) for a in args]
    assert main(["score", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "Traceback" not in err
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "o.csv").exists()


def test_batch_coach_computes_only_the_kept_suggestion_and_keeps_the_same_output(tmp_path):
    """`coach score` loads the model with suggest_for="top_concern" (what a row keeps); same rows as "all"."""
    import coach as coach_pkg
    from coach.batch.scoring import get_coach

    df = pd.read_json(utterances_table(tmp_path, 400), lines=True)
    batch_coach = coach_pkg.load(max_suggestions=1, suggest_for="top_concern")
    assert batch_coach.nlp.get_pipe("session_coach").suggest_for == "top_concern"
    full = score_frame(df, id_col="uid", coach=coach_pkg.load(max_suggestions=1))
    top = score_frame(df, id_col="uid", coach=batch_coach)
    assert (full["suggestion"] != "").sum() > 100
    pd.testing.assert_frame_equal(top, full)
    import inspect

    assert 'suggest_for="top_concern"' in inspect.getsource(get_coach)  # what the CLI and workers load


def test_no_suggestions_scores_the_same_and_skips_the_rewrites(tmp_path, capsys):
    """`--no-suggestions`: same flags, probabilities and spans; `suggestion` is the guideline alternative."""
    table = utterances_table(tmp_path, 60)
    full, fast = tmp_path / "full.csv", tmp_path / "fast.csv"
    assert score(capsys, table, "--out", full, "--id-col", "uid")[0] == 0
    assert score(capsys, table, "--out", fast, "--id-col", "uid", "--no-suggestions")[0] == 0
    a, b = read(full), read(fast)
    pd.testing.assert_frame_equal(a.drop(columns=["suggestion"]), b.drop(columns=["suggestion"]))
    guideline = {alt for label in taxonomy.LABELS for alt in taxonomy.get(label).alternatives[:1]}
    concern = b[[c for c in taxonomy.LABELS if taxonomy.kind_of(c) == "concern"]].any(axis=1)
    assert concern.sum() > 10
    assert set(b.loc[concern, "suggestion"]) <= guideline
    assert (b.loc[~concern, "suggestion"] == "").all()
    assert (a.loc[concern, "suggestion"] != b.loc[concern, "suggestion"]).any()  # rewrites were skipped
