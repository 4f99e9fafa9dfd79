"""The ``coach`` command line. Thin: every command calls the modules that own the work.

Exit codes, as linters have them: 0 nothing to flag, 1 concerns found, 2 bad input or usage,
3 (``coach score``) some inputs failed.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from coach.errors import CoachError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Session Coach: flags power-over, judgment, diagnosis and false-promise language in a "
                       "peer supporter's turns, and affirms person-driven language.")


class OutFormat(str, Enum):
    text = "text"
    json = "json"


def _err(message: str) -> None:
    typer.echo(f"coach: error: {message}", err=True)


def _read_source(path: str):
    """Path as given, or bytes from stdin for '-'."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return data, "<stdin>"
    return path, None


@app.command()
def check(
    path: str = typer.Argument(..., help="Transcript file, or - for standard input."),
    speaker: Optional[List[str]] = typer.Option(None, "--speaker", "-s", help="The supporter's name (repeatable)."),
    format: OutFormat = typer.Option(OutFormat.text, "--format", "-f", help="Output format."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="text, vtt, srt, docx, csv, tsv, jsonl "
                                                                             "(default: from the extension)."),
    text_col: Optional[str] = typer.Option(None, help="Text column (CSV, TSV, JSONL)."),
    speaker_col: Optional[str] = typer.Option(None, help="Speaker column (CSV, TSV, JSONL)."),
    start_col: Optional[str] = typer.Option(None, help="Start-time column (CSV, TSV, JSONL)."),
    end_col: Optional[str] = typer.Option(None, help="End-time column (CSV, TSV, JSONL)."),
    max_mb: float = typer.Option(10.0, "--max-mb", help="Refuse files larger than this many megabytes."),
    strengths: bool = typer.Option(True, "--strengths/--no-strengths", help="Also list person-driven phrases."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
    spacy_pipeline: str = typer.Option("blank", "--spacy-pipeline",
                                       help="An installed spaCy pipeline to run the component in "
                                            "(default: blank English + sentencizer)."),
) -> None:
    """Flag the supporter's phrases in one transcript, like a linter: path:line:col label "phrase" -> suggestion."""
    from coach.analysis import load

    source, name = _read_source(path)
    coach_ = load(model, base=spacy_pipeline)
    analysis = coach_.analyze(source, speaker or None, fmt=input_format, name=name,
                              max_bytes=int(max_mb * 1_000_000), text_col=text_col, speaker_col=speaker_col,
                              start_col=start_col, end_col=end_col)
    shown = [f for f in analysis.findings if strengths or f.kind == "concern"]
    if format is OutFormat.json:
        doc = analysis.to_json()
        doc["findings"] = [f.as_dict() for f in shown]
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        typer.echo(analysis.reason, err=True)
        label_w = max((len(f.label) for f in shown), default=0)
        for f in shown:
            where = f"{analysis.transcript.source}:{f.line or 0}:{f.col or 0}"
            tail = ""
            if f.suggestions:
                arrow = "+" if f.kind == "strength" else "->"
                tail = f"  {arrow} {f.suggestions[0]['text']}"
            typer.echo(f"{where}  {f.label:<{label_w}}  \"{f.text}\"{tail}")
        s = analysis.summary()
        parts = ", ".join(f"{k} {v}" for k, v in s["counts"].items() if v)
        typer.echo(f"{s['concerns']} concern(s), {s['strengths']} strength(s) in {s['supporter_utterances']} "
                   f"supporter turn(s)" + (f" ({parts})" if parts else "") + ".")
    raise typer.Exit(1 if analysis.concerns else 0)


@app.command()
def train(
    corpus: Path = typer.Option(None, help="Built corpus JSONL (default: corpora/utterances.jsonl)."),
    extra: Optional[List[Path]] = typer.Option(None, "--extra", help="More labelled utterances in corpus format, "
                                                                      "e.g. reviewed findings exported by the app."),
    out: Path = typer.Option(None, help="Model directory to write (default: models/session-coach)."),
    build: bool = typer.Option(True, "--build/--no-build", help="Rebuild the corpus from corpora/src first."),
    encoder: bool = typer.Option(True, "--encoder/--no-encoder",
                                 help="Fine-tune the sentence encoder too (needs pip install -e '.[train]'; "
                                      "about 45 minutes on two cores)."),
    encoder_section: Optional[List[str]] = typer.Option(
        None, "--encoder-section", help="A held-back section (corpora/held_back/NAME.jsonl) the encoder alone learns "
                                        "from; repeatable (default: coach.model.train.ENCODER_SECTIONS)."),
) -> None:
    """Train the classifier and span tagger on the corpus, fine-tune the sentence encoder, tune thresholds on dev;
    save with skops (the encoder as ONNX)."""
    from coach import corpus as corpus_mod
    from coach.model import io
    from coach.model.train import ENCODER_SECTIONS, HELD_BACK_DIR
    from coach.model.train import train as run_train

    if corpus is None:
        corpus = corpus_mod.BUILT
        if build:
            try:
                n = corpus_mod.build()
            except ValueError as exc:
                raise CoachError(f"corpus problems: {str(exc).splitlines()[0]}") from None
            typer.echo(f"built {corpus} ({n} utterances)")
    for p in extra or []:
        _check_extra(p)
    if encoder:
        from coach.model.finetune import _imports

        _imports()  # fail before the linear model's minutes, not after them
    sections = ENCODER_SECTIONS if encoder_section is None else tuple(
        n if n.endswith(".jsonl") else f"{n}.jsonl" for n in encoder_section)
    for name in sections:
        if not (HELD_BACK_DIR / name).is_file():
            raise CoachError(f"{HELD_BACK_DIR / name}: no such held-back section")
    run_train(corpus, extra=list(extra or []), out_dir=out or io.DEFAULT_MODEL_DIR, encoder=encoder,
              encoder_sections=sections)


def _check_extra(path: Path) -> None:
    from coach import corpus as corpus_mod

    if not path.exists():
        raise CoachError(f"{path}: no such file")
    try:
        rows = corpus_mod.read_jsonl(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CoachError(f"{path}: not a corpus JSONL file ({str(exc).splitlines()[0]})") from None
    for n, r in enumerate(rows, 1):
        if not isinstance(r, dict) or not {"text", "labels", "spans"} <= set(r):
            raise CoachError(f"{path}:{n}: needs text, labels and spans fields (corpus format)")


@app.command()
def evaluate(
    model: Path = typer.Option(None, help="Model directory (default: models/session-coach)."),
    corpus: Path = typer.Option(None, help="Built corpus JSONL (default: corpora/utterances.jsonl)."),
) -> None:
    """Evaluate on the test split; write metrics into metadata.json and MODEL_CARD.md."""
    from coach import corpus as corpus_mod
    from coach.model.evaluate import evaluate as run_eval

    run_eval(model, corpus or corpus_mod.BUILT)


# Commands owned by other modules register themselves here (batch scoring, recordings).
for _module in ("coach.cli_batch", "coach.cli_audio"):
    try:
        __import__(_module, fromlist=["register"]).register(app)
    except ModuleNotFoundError as _exc:  # pragma: no cover - only while a module is absent
        if _exc.name != _module:
            raise


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors become one line on stderr and exit 2, never a traceback."""
    try:
        code = app(args=argv, prog_name="coach", standalone_mode=False)
    except CoachError as exc:
        _err(str(exc))
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except (KeyboardInterrupt, BrokenPipeError):
        return 130
    except Exception as exc:
        # Usage errors are click exceptions (typer vendors its own click, so match by shape, not class).
        if type(exc).__name__ == "Abort":
            return 130
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            _err(exc.format_message())
            return 2
        raise
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
