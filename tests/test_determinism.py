"""Findings do not depend on the process: same input, same spans and suggestions under any hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _check(seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONWARNINGS": "ignore"}
    r = subprocess.run([sys.executable, "-m", "coach.cli", "check", str(ROOT / "examples" / "roleplay_housing.txt"),
                        "--format", "json"], capture_output=True, env=env, cwd=ROOT, timeout=300)
    assert r.returncode in (0, 1), r.stderr.decode()
    return r.stdout


def test_output_is_identical_across_hash_seeds():
    assert _check("1") == _check("12345")
