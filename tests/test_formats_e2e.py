"""The engine's 'done' criterion: one role-play in every format gives the same findings, supporter only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ROLEPLAY = [
    ("Coach", "Hi Jess, thanks for calling in. How has this week been?"),
    ("Jess", "Bad. I missed my shift again and my manager says I have to bring a doctor's note."),
    ("Coach", "You need to stop drinking on work nights. Honestly that was a really bad decision."),
    ("Jess", "I know. You need to stop judging me, though. I promise I'll try."),
    ("Coach", "I promise they won't fire you. What would you like to do moving forward?"),
    ("Jess", "Maybe talk to my sister."),
]


def _write(fmt: str, path: Path) -> Path:
    if fmt == "txt":
        path.write_text("\n".join(f"[00:00:{i * 5:02d}] {s}: {t}" for i, (s, t) in enumerate(ROLEPLAY)) + "\n")
    elif fmt == "vtt":
        cues = [f"{i + 1}\n00:00:{i * 5:02d}.000 --> 00:00:{i * 5 + 4:02d}.500\n<v {s}>{t}</v>\n"
                for i, (s, t) in enumerate(ROLEPLAY)]
        path.write_text("WEBVTT\n\n" + "\n".join(cues))
    elif fmt == "srt":
        cues = [f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 4:02d},500\n{s}: {t}\n"
                for i, (s, t) in enumerate(ROLEPLAY)]
        path.write_text("\n".join(cues))
    elif fmt == "docx":
        import docx

        d = docx.Document()
        for s, t in ROLEPLAY:
            d.add_paragraph(f"{s}: {t}")
        d.save(path)
    elif fmt == "csv":
        import csv

        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["speaker", "text", "start"])
            for i, (s, t) in enumerate(ROLEPLAY):
                w.writerow([s, t, i * 5])
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps({"speaker": s, "text": t, "start": i * 5}) + "\n"
                                for i, (s, t) in enumerate(ROLEPLAY)))
    return path


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    d = tmp_path_factory.mktemp("formats")
    out = {}
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    for fmt in ("txt", "vtt", "srt", "docx", "csv", "jsonl"):
        path = _write(fmt, d / f"roleplay.{fmt}")
        r = subprocess.run([sys.executable, "-m", "coach.cli", "check", str(path), "--format", "json"],
                           capture_output=True, cwd=ROOT, env=env, timeout=300)
        assert r.returncode == 1, (fmt, r.stderr.decode())
        out[fmt] = json.loads(r.stdout)
    return out


def test_supporter_inferred_and_only_supporter_flagged(results):
    for fmt, doc in results.items():
        assert doc["supporter"] == "Coach", fmt
        assert {f["speaker"] for f in doc["findings"]} == {"Coach"}, fmt
        assert all(f["turn"] in (0, 2, 4) for f in doc["findings"]), fmt


def test_every_format_gives_the_same_findings(results):
    def key(doc):
        return sorted((f["turn"], f["label"], f["start"], f["end"], f["text"]) for f in doc["findings"])

    reference = key(results["txt"])
    labels = {x[1] for x in reference}
    assert {"power_over", "judgment", "false_promise", "person_driven"} <= labels
    for fmt, doc in results.items():
        assert key(doc) == reference, fmt


def test_line_and_time_point_at_the_phrase(results):
    for fmt in ("txt", "vtt", "srt"):
        for f in results[fmt]["findings"]:
            assert f["line"] is not None and f["col"] is not None
            assert f["time"] == f["turn"] * 5, fmt
