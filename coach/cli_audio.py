"""``coach transcribe``: a practice recording in, a timed WebVTT transcript out.

Registered on the main app by the plugin hook in :mod:`coach.cli`::

    coach transcribe roleplay.m4a --speakers "Peer,Casey" --out roleplay.vtt
    coach check roleplay.vtt --speaker Peer
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add the ``transcribe`` command to ``app``."""
    app.command("transcribe")(transcribe)


def transcribe(
    audio: str = typer.Argument(..., help="Recording: WAV, MP3, M4A or OGG (or - for standard input)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the WebVTT here (default: print it)."),
    transcript: Path | None = typer.Option(None, "--transcript", help="A VTT or SRT transcript of the recording: "
                                                                          "used instead of speech recognition."),
    speakers: str | None = typer.Option(None, "--speakers", help="Speaker names in order of first appearance, "
                                                                     "comma-separated, e.g. \"Peer,Casey\"."),
    turn_pause: float = typer.Option(1.0, "--turn-pause", min=0.1, help="Mono recordings: a silence this long "
                                                                        "(seconds) switches speaker."),
    prefixes: bool = typer.Option(False, "--prefixes", help="Write 'Speaker: text' instead of <v Speaker> tags."),
    progress: bool | None = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr "
                                                                          "(default: when stderr is a terminal)."),
) -> None:
    """Transcribe a recording offline (pocketsphinx, or faster-whisper via $COACH_ASR_MODEL) to timed WebVTT."""
    from coach import audio as audio_mod
    from coach.errors import InputError

    source, name = (sys.stdin.buffer.read(), "<stdin>") if audio == "-" else (audio, None)
    if transcript is not None and not transcript.is_file():
        raise InputError(f"{transcript}: no such file")
    show = sys.stderr.isatty() if progress is None else progress
    bar = None

    def report(done: float, total: float) -> None:
        nonlocal bar
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=round(total, 1), unit="s", desc="transcribing", file=sys.stderr, leave=False)
        bar.update(round(done - bar.n, 1))

    try:
        result = audio_mod.transcribe(source, name, transcript=transcript, speakers=speakers,
                                      progress=report if show else None, turn_pause=turn_pause)
    finally:
        if bar is not None:
            bar.close()
    warning = result.meta.get("audio", {}).get("warning")
    if warning:
        typer.echo(f"coach: warning: {warning}", err=True)
    vtt = audio_mod.to_vtt(result, voices=not prefixes)
    if out is None:
        typer.echo(vtt, nl=False)
        return
    try:
        out.write_text(vtt, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror or exc})") from None
    info = result.meta.get("audio", {})
    typer.echo(f"wrote {out}: {len(result.turns)} turn(s) from {', '.join(result.speakers)} "
               f"({info.get('duration', 0):.0f} s; speakers by {info.get('speakers_by')})", err=True)
