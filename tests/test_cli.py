"""``coach check``: linter-style text, JSON contract, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args, stdin: bytes | None = None):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "coach.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=env, timeout=180)


def test_check_text_output_is_linter_style():
    r = run("check", str(EXAMPLES / "roleplay_housing.txt"))
    assert r.returncode == 1, r.stderr.decode()
    out = r.stdout.decode().splitlines()
    flagged = [line for line in out if "roleplay_housing.txt:" in line]
    assert flagged
    for line in flagged:
        path, line_no, col = line.split("  ")[0].rsplit(":", 2)
        assert int(line_no) >= 1 and int(col) >= 1
    assert any("power_over" in line and "you need to" in line.lower() for line in flagged)
    assert "concern" in out[-1]
    assert b"supporter: Peer" in r.stderr


def test_check_json_contract():
    r = run("check", str(EXAMPLES / "roleplay_housing.txt"), "--format", "json")
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert doc["supporter"] == "Peer" and doc["speakers"] == ["Peer", "Casey"]
    keys = {"turn", "speaker", "line", "col", "start", "end", "label", "kind", "text", "sentence", "score",
            "guideline", "suggestions"}
    assert doc["findings"]
    text = (EXAMPLES / "roleplay_housing.txt").read_text(encoding="utf-8").splitlines()
    for f in doc["findings"]:
        assert keys <= set(f)
        assert f["speaker"] == "Peer"
        assert isinstance(f["suggestions"], list)
        # line:col points at the phrase in the file
        assert text[f["line"] - 1][f["col"] - 1:].startswith(f["text"])
    labels = {f["label"] for f in doc["findings"]}
    assert {"power_over", "false_promise", "person_driven"} <= labels


def test_other_speakers_are_never_flagged():
    r = run("check", "-", "--format", "json",
            stdin=b"Peer: How are you doing today?\nSam: You need to stop it. I promise it's fine. You're crazy.\n")
    doc = json.loads(r.stdout)
    assert all(f["speaker"] == "Peer" for f in doc["findings"])
    assert r.returncode == 0


def test_clean_transcript_exits_zero():
    r = run("check", "-", stdin=b"Peer: What would you like to talk about today?\nAlex: My job.\n")
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()


def test_speaker_option_and_unknown_speaker():
    r = run("check", str(EXAMPLES / "roleplay_housing.txt"), "--speaker", "Casey", "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["supporter"] == "Casey"
    assert all(f["speaker"] == "Casey" for f in doc["findings"])
    r = run("check", str(EXAMPLES / "roleplay_housing.txt"), "--speaker", "Nobody")
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "Peer" in err and "Casey" in err and "Traceback" not in err


@pytest.mark.parametrize("content,name,needle", [
    (b"", "empty.txt", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "image.txt", "binary"),
    (b"Peer: hi", "notes.xyz", "unsupported file type"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, content, name, needle):
    p = tmp_path / name
    p.write_bytes(content)
    r = run("check", str(p))
    err = r.stderr.decode().strip()
    assert r.returncode == 2
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert needle in err.lower()


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Peer: hello there.\n" * 70_000)
    r = run("check", str(p), "--max-mb", "1")
    assert r.returncode == 2 and "limit" in r.stderr.decode().lower()


def test_missing_file_and_usage():
    r = run("check", "/no/such/file.txt")
    assert r.returncode == 2 and len(r.stderr.decode().strip().splitlines()) == 1
    r = run("check")
    assert r.returncode == 2
    r = run("check", str(EXAMPLES / "roleplay_housing.txt"), "--format", "xml")
    assert r.returncode == 2


def test_corrupt_model_is_one_line_exit_2(tmp_path):
    import shutil

    from coach.model import io

    shutil.copy(io.DEFAULT_MODEL_DIR / io.META_FILE, tmp_path / io.META_FILE)
    (tmp_path / io.MODEL_FILE).write_bytes(b"garbage")
    r = run("check", str(EXAMPLES / "roleplay_housing.txt"), "--model", str(tmp_path))
    assert r.returncode == 2
    assert len(r.stderr.decode().strip().splitlines()) == 1 and "corrupt" in r.stderr.decode()


@pytest.mark.parametrize("example", ["roleplay_housing.txt", "zoom_practice.vtt", "roleplay_notes.txt"])
def test_examples_flag_concerns(example):
    r = run("check", str(EXAMPLES / example), "--format", "json")
    assert r.returncode == 1, r.stderr.decode()
    doc = json.loads(r.stdout)
    assert any(f["kind"] == "concern" for f in doc["findings"])


def test_unknown_spacy_pipeline_is_one_line_exit_2():
    r = run("check", str(EXAMPLES / "roleplay_housing.txt"), "--spacy-pipeline", "xx_not_installed")
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "not installed" in err


def test_train_refuses_an_unknown_held_back_section_before_training(tmp_path):
    r = run("train", "--no-build", "--no-encoder", "--encoder-section", "ZZ", "--out", str(tmp_path / "m"))
    assert r.returncode == 2 and not (tmp_path / "m").exists()
    err = r.stderr.decode().strip()
    assert "held_back/ZZ.jsonl: no such held-back section" in err and len(err.splitlines()) == 1
