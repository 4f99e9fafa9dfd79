"""``coach score`` and ``coach agree``: batch scoring and agreement for researchers.

Registered into the main ``coach`` app by :func:`register` (see the plugin hook in ``coach.cli``).
Exit codes for ``score``: 0 everything scored, 3 some inputs or rows failed (each logged on
stderr, the rest scored), 2 usage errors (no inputs, unknown column, unknown output type).
"""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path

import typer

from coach.errors import CoachError


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class AgreeFormat(str, Enum):
    text = "text"
    json = "json"


def score(
    inputs: list[str] = typer.Argument(
        ...,
        help="Transcript files, directories (recursive), globs, or tables (.csv, .tsv, .jsonl, .parquet).",
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Output table: .csv, .jsonl or .parquet (by extension)."
    ),
    sessions: Path | None = typer.Option(None, "--sessions", help="Also write one row per document here."),
    speaker: list[str] | None = typer.Option(
        None,
        "--speaker",
        "-s",
        help="The supporter's name (repeatable); default: inferred per document as `coach check` does.",
    ),
    text_col: str | None = typer.Option(
        None, "--text-col", help="Tables: the text column (default: guessed)."
    ),
    id_col: str | None = typer.Option(None, "--id-col", help="Tables: a column of utterance ids to keep."),
    speaker_col: str | None = typer.Option(
        None,
        "--speaker-col",
        help="Tables: the speaker column (default: guessed; without one every row is the supporter's).",
    ),
    doc_col: str | None = typer.Option(
        None,
        "--doc-col",
        help="Tables: group rows into documents (sessions) "
        "by this column (default: the whole table is one document).",
    ),
    start_col: str | None = typer.Option(
        None, "--start-col", help="Tables: start-time column (default: guessed)."
    ),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, help="Worker processes (each loads the model once)."
    ),
    engine: Engine = typer.Option(
        Engine.local, "--engine", help="local (this machine) or dask (dask.distributed)."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster of --workers processes).",
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Keep the rows already in --out and skip their documents."
    ),
    batch_size: int = typer.Option(
        256, "--batch-size", min=1, help="Utterances per model call and per task."
    ),
    max_mb: float = typer.Option(
        10.0, "--max-mb", help="Skip transcript files larger than this many megabytes."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No progress bar (it only shows on a terminal anyway)."
    ),
    model: Path | None = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
    suggestions: bool = typer.Option(
        True, "--suggestions/--no-suggestions",
        help="Rewrite each top concern into an alternative (--no-suggestions: faster; `suggestion` then holds the "
        "label's first guideline alternative).",
    ),
) -> None:
    """Score many transcripts or utterance tables into one table: a row per supporter utterance."""
    from coach.batch.engine import run
    from coach.batch.inputs import expand
    from coach.batch.plan import Options
    from coach.batch.sinks import format_of

    format_of(out, "--out")
    if sessions is not None:
        format_of(sessions, "--sessions")
        if Path(sessions).resolve() == Path(out).resolve():
            raise CoachError("--sessions must be a different file from --out")
    if scheduler and engine is not Engine.dask:
        raise CoachError("--scheduler needs --engine dask")
    found = expand(inputs, exclude=[p for p in (out, sessions) if p is not None])
    if not found.inputs:
        why = "; ".join(found.failures) if found.failures else "nothing matched"
        raise CoachError(f"no inputs to score ({why})")
    model_path = str(model) if model else None
    if model_path and not os.path.isdir(model_path):
        raise CoachError(f"--model {model}: no such model directory")
    options = Options(
        speakers=list(speaker) if speaker else None,
        text_col=text_col,
        speaker_col=speaker_col,
        start_col=start_col,
        doc_col=doc_col,
        id_col=id_col,
        batch_size=batch_size,
        max_bytes=int(max_mb * 1_000_000),
        model=model_path,
        suggest=suggestions,
    )
    # this process reads and writes Arrow data in small batches between scoring them: the C allocator gives their
    # memory back, where Arrow's default pool (mimalloc) keeps about 30 MB more resident (benchmarks/memory.py)
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())
    summary = run(
        found.inputs,
        str(out),
        options=options,
        sessions=str(sessions) if sessions else None,
        resume=resume,
        engine=engine.value,
        workers=workers,
        scheduler=scheduler,
        quiet=quiet,
        initial_failures=found.failures,
    )
    resumed = f" ({summary.resumed_rows} kept from before)" if summary.resumed_rows else ""
    typer.echo(
        f"coach: scored {summary.rows} utterance(s){resumed} in {len(summary.documents)} document(s) "
        f"from {summary.inputs} input(s) into {out}" + (f"; sessions in {sessions}" if sessions else ""),
        err=True,
    )
    if summary.failures:
        typer.echo(f"coach: {len(summary.failures)} failure(s):", err=True)
        for message in summary.failures:
            typer.echo(f"  {message}", err=True)
    raise typer.Exit(summary.exit_code)


def agree(
    human: Path = typer.Argument(
        ..., help="Human-coded table (CSV, TSV, JSONL, Parquet): id + label columns."
    ),
    model_table: Path = typer.Argument(
        ..., metavar="MODEL", help="Model-coded table, e.g. `coach score` output."
    ),
    id_col: str = typer.Option("id", "--id-col", help="The id column both tables share."),
    format: AgreeFormat = typer.Option(AgreeFormat.text, "--format", "-f", help="text or json."),
    n_boot: int = typer.Option(1000, "--n-boot", min=10, help="Bootstrap resamples for the 95% intervals."),
    seed: int = typer.Option(0, "--seed", help="Bootstrap seed."),
) -> None:
    """Per-label Cohen's kappa, precision, recall and F1 (95% bootstrap intervals) between two codings."""
    from coach.batch.agree import agreement, format_text, read_table

    report = agreement(
        read_table(human),
        read_table(model_table),
        id_col=id_col,
        n_boot=n_boot,
        seed=seed,
        human_name=str(human),
        model_name=str(model_table),
    )
    if format is AgreeFormat.json:
        typer.echo(json.dumps(report, indent=2))
    else:
        typer.echo(format_text(report))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Add ``score`` and ``agree`` to the ``coach`` command."""
    app.command("score")(score)
    app.command("agree")(agree)
