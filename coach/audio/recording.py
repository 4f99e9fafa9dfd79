"""Recording in, timed transcript out: decode, cut into windows, find speech, recognise, name speakers.

The result is built by writing WebVTT and reading it back with the ordinary
reader, so its line numbers point into the ``.vtt`` that ``coach transcribe``
writes and the analysis of the two is identical.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..errors import InputError
from ..readers.vtt import parse_vtt
from ..transcript import Transcript, Turn
from . import asr
from .chunks import gate_crosstalk, speech_regions, windows
from .decode import RATE, AudioError, AudioInfo, Source, blocks, check_name, label_of, survey
from .speakers import Utterance, by_channel, by_pauses, name_in_order, parse_names, voice_names
from .vtt import HEADER_LINES, LINES_PER_CUE, cues, to_vtt

Progress = Callable[[float, float], None]  # (seconds done, seconds in total)
QUIET_CHANNEL = 0.1  # a stereo channel below a tenth of the loudest one's level (-20 dB) is ignored
SILENT_RMS = 1e-4  # about -80 dBFS: nothing there at all


def transcribe(source: Source, name: str | None = None, *, transcript: Source | Transcript | None = None,
               speakers: str | Sequence[str] | None = None, progress: Progress | None = None,
               turn_pause: float = 1.0, model: str | None = None) -> Transcript:
    """A timed transcript of a recording (path or bytes; ``name`` labels bytes, e.g. the upload's file name).

    ``transcript`` (a VTT/SRT path, bytes, text or :class:`Transcript`) replaces recognition and
    the audio is only checked and kept for playback. ``speakers`` names the voices in order of
    first appearance. ``progress(done, total)`` is called after each window, in seconds.
    ``model`` overrides ``$COACH_ASR_MODEL``. Every problem is a one-line :class:`~coach.errors.CoachError`.
    """
    label = label_of(source, name)
    check_name(label)
    names = parse_names(speakers)
    info = survey(source, label)
    if transcript is not None:
        return _given(transcript, info, names, progress)
    engine = asr.engine(model)
    utterances, split = _recognise(source, info, engine, progress)
    if not utterances:
        raise AudioError(f"{label}: no speech was recognised ({info.duration:.0f} s of audio)")
    utterances.sort(key=lambda u: u.start)
    if split:
        voices, how = by_channel(utterances), "channel"
    else:
        count = len(names) if names else 2  # one name given: a solo practice recording
        voices, how = by_pauses(utterances, voices=count, turn_pause=turn_pause), "pauses"
    result = _to_transcript(utterances, voices, voice_names(max(voices) + 1, names), label)
    result.meta["audio"] = _audio_meta(info, how, engine.name)
    return result


def _recognise(source: Source, info: AudioInfo, engine, progress: Progress | None) -> tuple[list[Utterance], bool]:
    """Utterances of the whole recording, one window at a time; and whether channels were split."""
    stereo = info.channels == 2
    loud = max(info.rms)
    active = [c for c, r in enumerate(info.rms) if r > SILENT_RMS and r >= QUIET_CHANNEL * loud]
    if info.dual_mono:
        active = active[:1]
    split = stereo and len(active) == 2
    out: list[Utterance] = []
    states: dict[int, dict] = {c: {} for c in range(info.channels)}  # per-channel recogniser state
    for win in windows(blocks(source, info.label, stereo=stereo)):
        samples = gate_crosstalk(win.samples) if split else win.samples
        for c in active or [0]:
            out += _utterances(engine, samples[:, c], win.start, c, states[c])
        if progress is not None:
            progress(min(info.duration, win.start + win.duration), info.duration)
    return out, split


def _utterances(engine, x: np.ndarray, offset: float, channel: int, state: dict) -> list[Utterance]:
    """Recognised speech regions of one channel of one window."""
    regions = speech_regions(x)
    if not regions:
        return []
    if engine.per_region:
        found = []
        for a, b in regions:
            words = engine.words(x[int(a * RATE) : int(b * RATE)], offset + a, state)
            found.append((a, b, words))
    else:
        words = engine.words(x, offset, state)
        found = [(a, b, []) for a, b in regions]
        for w in words:
            mid = (w.start + w.end) / 2 - offset
            k = min(range(len(regions)), key=lambda j: 0 if regions[j][0] <= mid <= regions[j][1]
                    else min(abs(mid - regions[j][0]), abs(mid - regions[j][1])))
            found[k][2].append(w)
    return [Utterance(round(offset + a, 3), round(offset + b, 3), " ".join(w.text for w in words), channel)
            for a, b, words in found if words]


def _to_transcript(utterances: Sequence[Utterance], voices: Sequence[int], names: Sequence[str],
                   label: str) -> Transcript:
    """Merge consecutive utterances of one voice into turns, write WebVTT, read it back."""
    turns: list[Turn] = []
    spans: dict[int, list[tuple[int, float, float]]] = {}
    for u, v in zip(utterances, voices):
        if turns and turns[-1].speaker == names[v]:
            last = turns[-1]
            spans[len(turns) - 1].append((len(last.text) + 1, u.start, u.end))
            turns[-1] = Turn(last.speaker, f"{last.text} {u.text}", last.start, u.end)
        else:
            spans[len(turns)] = [(0, u.start, u.end)]
            turns.append(Turn(names[v], u.text, u.start, u.end))
    draft = Transcript(turns, source=label, format="vtt", meta={"cue_times": spans})
    return read_back(draft, label)


def read_back(draft: Transcript, label: str) -> Transcript:
    """``draft`` as :func:`to_vtt` writes it and the VTT reader reads it, keeping each cue's times."""
    timing = cues(draft)
    result = parse_vtt(to_vtt(draft), source=label)
    cue_times: dict[int, list[tuple[int, float, float]]] = {}
    for i, turn in enumerate(result.turns):
        seen: dict[int, int] = {}
        for offset, line, _col in turn.text_line_offsets or ((0, turn.line, turn.col),):
            seen.setdefault(line, offset)
        cue_times[i] = [(off, *timing[(line - HEADER_LINES - 3) // LINES_PER_CUE][:2]) for line, off in seen.items()]
    result.meta["cue_times"] = cue_times
    return result


def _given(transcript: Source | Transcript, info: AudioInfo, names: list[str],
           progress: Progress | None) -> Transcript:
    """A transcript supplied with the recording: check it has times, name speakers, keep the audio."""
    from .. import readers

    result = transcript if isinstance(transcript, Transcript) else readers.read(transcript)
    if not any(t.start is not None for t in result.turns):
        raise InputError(f"{result.source}: has no cue times; give a VTT or SRT transcript for a recording")
    result = name_in_order(result, names)  # a copy, so a caller's Transcript is never changed
    last = max(t.start for t in result.turns if t.start is not None)
    result.meta["audio"] = _audio_meta(info, "transcript", None)
    if last > info.duration + 1.0:
        result.meta["audio"]["warning"] = (f"the transcript runs to {last:.0f} s but the recording is only "
                                           f"{info.duration:.0f} s long; is it the right file?")
    if progress is not None:
        progress(info.duration, info.duration)
    return result


def _audio_meta(info: AudioInfo, speakers_by: str, engine: str | None) -> dict:
    return {"source": info.label, "duration": round(info.duration, 3), "channels": info.channels,
            "dual_mono": info.dual_mono, "speakers_by": speakers_by, "engine": engine}
