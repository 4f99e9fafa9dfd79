"""The researcher walkthrough notebook runs top to bottom in a fresh kernel from this venv."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "researcher_walkthrough.ipynb"


def test_researcher_walkthrough_executes(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    # A kernel spec pointing at this interpreter, in a private directory (nothing global changes).
    from ipykernel.kernelspec import install
    from jupyter_client.kernelspec import KernelSpecManager

    prefix = tmp_path / "kernels"
    install(prefix=str(prefix), kernel_name="coach-venv")
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    spec = KernelSpecManager().get_kernel_spec("coach-venv")
    assert Path(spec.argv[0]).resolve() == Path(sys.executable).resolve()

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="coach-venv", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "utterances matched" in text and "rates.html" in text
    assert "scores.parquet" in str(outputs[-1].get("data", {}).get("text/plain", ""))
