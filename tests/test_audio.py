"""Practice recordings: espeak-ng role-plays in, timed WebVTT and playable findings out.

The audio is synthesised here (two espeak-ng voices, silences placed by us), so
we know when each phrase is spoken. Without espeak-ng the recognition tests skip.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import io
import itertools
import shutil
import subprocess
import sys
import wave

import numpy as np
import pytest

from coach import audio, readers
from coach.audio import chunks, decode, speakers
from coach.cli import main
from coach.errors import CoachError, InputError

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
RATE = 16_000
PEER, MEMBER = "en-us+f2", "en-us"  # two clearly different voices pocketsphinx recognises well
CONCERN = "You need to stop drinking."
SCRIPT = [  # (voice, text, silence after, seconds)
    (PEER, "Hi Casey, what would you like to focus on today?", 1.5),
    (MEMBER, "I know it has been a hard week.", 1.5),
    (PEER, CONCERN, 1.5),
    (MEMBER, "I will try.", 1.0),
]


def say(text: str, voice: str) -> np.ndarray:
    """16 kHz mono int16 speech from espeak-ng (resampled with PyAV)."""
    wav = subprocess.run([ESPEAK, "-v", voice, "-s", "150", "--stdout", text], check=True,
                         capture_output=True, timeout=30).stdout
    return np.concatenate(list(decode.blocks(wav, "speech.wav")))[:, 0]


def wav_bytes(samples: np.ndarray, channels: int = 1, rate: int = RATE) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.ascontiguousarray(samples, dtype=np.int16).tobytes())
    return buf.getvalue()


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.int16)


@pytest.fixture(scope="module")
def clips():
    if ESPEAK is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return [say(text, voice) for voice, text, _ in SCRIPT]


@pytest.fixture(scope="module")
def roleplay(clips, tmp_path_factory):
    """Mono role-play WAV and the start time of each line."""
    parts, starts, t = [silence(0.5)], [], 0.5
    for clip, (_, _, gap) in zip(clips, SCRIPT):
        starts.append(t)
        parts += [clip, silence(gap)]
        t += (len(clip) + int(gap * RATE)) / RATE
    path = tmp_path_factory.mktemp("audio") / "roleplay.wav"
    path.write_bytes(wav_bytes(np.concatenate(parts)))
    return path, starts


@pytest.fixture(scope="module")
def transcribed(roleplay):
    path, _ = roleplay
    calls = []
    t = audio.transcribe(path, speakers="Peer,Casey", progress=lambda done, total: calls.append((done, total)))
    return t, calls


# --- recognition and analysis -----------------------------------------------------------------------------


@needs_espeak
def test_roleplay_gives_timed_turns_with_key_words(transcribed, roleplay):
    t, calls = transcribed
    _, starts = roleplay
    assert t.speakers == ["Peer", "Casey"]
    assert [turn.speaker for turn in t.turns] == ["Peer", "Casey", "Peer", "Casey"]
    for turn, start in zip(t.turns, starts):
        assert turn.start is not None and turn.end is not None and turn.start < turn.end
        assert abs(turn.start - start) < 0.5
    assert "drinking" in t.turns[2].text and "focus" in t.turns[0].text
    assert t.meta["audio"]["speakers_by"] == "pauses" and t.meta["audio"]["engine"] == "pocketsphinx"
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and dones[-1] == pytest.approx(calls[-1][1])


@needs_espeak
def test_concern_finding_is_timed_at_the_spoken_phrase(transcribed, roleplay, coach_obj):
    t, _ = transcribed
    _, starts = roleplay
    analysis = coach_obj.analyze(t, speaker="Peer")
    concerns = [f for f in analysis.concerns if "drink" in f.sentence or "need" in f.text]
    assert concerns, [(f.label, f.text) for f in analysis.findings]
    f = concerns[0]
    assert f.label == "power_over"
    assert abs(audio.finding_time(t, f) - starts[2]) < 2.0
    assert abs(f.time - starts[2]) < 2.0
    assert all(x.speaker == "Peer" for x in analysis.findings)


@needs_espeak
def test_vtt_round_trips_through_the_reader(transcribed, tmp_path):
    t, _ = transcribed
    vtt = audio.to_vtt(t)
    assert vtt.startswith("WEBVTT\n") and "<v Peer>" in vtt and "<v Casey>" in vtt
    back = readers.read(vtt.encode(), name="roleplay.vtt")
    assert [(x.speaker, x.text, x.start, x.end, x.line) for x in back.turns] == \
        [(x.speaker, x.text, round(x.start, 3), round(x.end, 3), x.line) for x in t.turns]
    assert audio.to_vtt(back) == vtt
    prefixed = readers.read(audio.to_vtt(t, voices=False), fmt="vtt")
    assert [(x.speaker, x.text) for x in prefixed.turns] == [(x.speaker, x.text) for x in t.turns]


@needs_espeak
def test_cli_transcribe_then_check(roleplay, tmp_path, capsys):
    path, _ = roleplay
    out = tmp_path / "roleplay.vtt"
    assert main(["transcribe", str(path), "--speakers", "Peer,Casey", "--out", str(out), "--no-progress"]) == 0
    assert "wrote" in capsys.readouterr().err
    assert main(["check", str(out), "--speaker", "Peer"]) == 1
    printed = capsys.readouterr().out
    assert "roleplay.vtt:" in printed and "power_over" in printed
    line = next(ln for ln in printed.splitlines() if "power_over" in ln)
    line_no = int(line.split("  ")[0].rsplit(":", 2)[1])
    assert "drinking" in out.read_text().splitlines()[line_no - 1]  # the reported line is the cue's text


@needs_espeak
def test_stereo_is_split_by_channel(clips, tmp_path):
    left, right = [silence(0.5)], [silence(0.5)]
    for clip, (voice, _, gap) in zip(clips, SCRIPT):
        pad = silence(len(clip) / RATE + gap)
        (left if voice == PEER else right).append(np.concatenate([clip, silence(gap)]))
        (right if voice == PEER else left).append(pad)
    stereo = np.stack([np.concatenate(left), np.concatenate(right)], axis=1)
    path = tmp_path / "call.wav"
    path.write_bytes(wav_bytes(stereo, channels=2))
    t = audio.transcribe(path, turn_pause=60.0)  # pauses never decide speakers for stereo
    assert t.meta["audio"]["speakers_by"] == "channel"
    assert [x.speaker for x in t.turns] == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]
    assert "drinking" in t.turns[2].text


@needs_espeak
def test_near_silent_channel_is_ignored(clips, tmp_path):
    voice = np.concatenate([silence(0.3), clips[2], silence(0.5)])
    hiss = (np.random.default_rng(0).normal(0, 3, len(voice))).astype(np.int16)  # about -80 dBFS
    path = tmp_path / "one_sided.wav"
    path.write_bytes(wav_bytes(np.stack([voice, hiss], axis=1), channels=2))
    t = audio.transcribe(path, speakers=["Peer"])
    assert t.meta["audio"]["channels"] == 2 and t.meta["audio"]["speakers_by"] == "pauses"
    assert t.speakers == ["Peer"] and "drinking" in t.turns[0].text


@needs_espeak
@pytest.mark.parametrize("ext,codec", [(".mp3", "libmp3lame"), (".ogg", "libopus"), (".m4a", "aac")])
def test_compressed_formats_decode_and_transcribe(clips, tmp_path, ext, codec):
    import av

    samples = np.concatenate([silence(0.3), clips[2], silence(0.5)])
    path = tmp_path / f"clip{ext}"
    rate = 48_000 if codec == "libopus" else 16_000
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        stream.bit_rate = 96_000
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = RATE
        resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="mono", rate=rate)
        for f in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    info = audio.survey(path.read_bytes(), path.name)
    assert info.channels == 1 and abs(info.duration - len(samples) / RATE) < 0.2
    t = audio.transcribe(path.read_bytes(), path.name)
    assert "drinking" in t.turns[0].text and t.source == path.name


@needs_espeak
def test_transcript_file_replaces_recognition(roleplay, tmp_path, capsys):
    path, _ = roleplay
    srt = tmp_path / "roleplay.srt"
    srt.write_text("1\n00:00:00,500 --> 00:00:04,000\nJo: What would you like to focus on today?\n\n"
                   "2\n00:00:09,400 --> 00:00:11,300\nJo: You need to stop drinking.\n\n"
                   "3\n00:00:11,500 --> 00:00:12,500\nSam: <i>I will</i> try & see.\n")
    t = audio.transcribe(path, transcript=srt, speakers="Peer,Casey")
    assert [(x.speaker, x.start) for x in t.turns] == [("Peer", 0.5), ("Casey", 11.5)]
    assert t.meta["audio"]["speakers_by"] == "transcript" and t.meta["audio"]["source"] == str(path)
    assert main(["transcribe", str(path), "--transcript", str(srt)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("WEBVTT") and "<v Sam>I will try &amp; see." in out
    notimes = tmp_path / "notes.txt"
    notimes.write_text("Jo: Hello there.\nSam: Hi.\n")
    with pytest.raises(InputError, match="no cue times"):
        audio.transcribe(path, transcript=notimes)


# --- errors ----------------------------------------------------------------------------------------------


def test_corrupt_and_unsupported_audio_are_one_line_errors(tmp_path):
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(256)) * 4)
    with pytest.raises(CoachError, match="broken.wav"):
        audio.transcribe(bad)
    with pytest.raises(CoachError, match="unsupported audio type '.docx'"):
        audio.transcribe(b"PK\x03\x04", "notes.docx")
    with pytest.raises(CoachError, match="empty"):
        audio.transcribe(b"", "empty.mp3")
    with pytest.raises(CoachError, match="no such file"):
        audio.transcribe(tmp_path / "missing.ogg")
    with pytest.raises(CoachError, match="no speech"):
        audio.transcribe(wav_bytes(silence(2.0)), "quiet.wav")
    r = subprocess.run([sys.executable, "-m", "coach.cli", "transcribe", str(bad)], check=False, capture_output=True,
                       timeout=120)
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert err.startswith("coach: error: ") and "\n" not in err and "Traceback" not in err


def test_whisper_model_setting_without_the_package_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("pocketsphinx")
    if importlib.util.find_spec("faster_whisper") is not None:
        pytest.skip("faster-whisper is installed; this checks the message shown without it")
    monkeypatch.setenv("COACH_ASR_MODEL", str(tmp_path))
    with pytest.raises(CoachError, match=r"pip install 'session-coach\[whisper\]'"):
        audio.transcribe(wav_bytes(silence(0.5)), "x.wav")
    monkeypatch.setenv("COACH_ASR_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(CoachError, match="not a directory"):
        audio.transcribe(wav_bytes(silence(0.5)), "x.wav")


# --- long recordings, speakers, VTT writing ---------------------------------------------------------------


def test_long_recording_is_cut_into_windows_at_silences(tmp_path):
    rng = np.random.default_rng(1)
    parts, gaps = [], []
    t = 0
    for k in range(40):  # ~100 s: bursts of noise ("speech") with silences between
        burst = (rng.normal(0, 3000, int(RATE * rng.uniform(1.0, 2.5)))).astype(np.int16)
        parts.append(burst)
        t += len(burst)
        gap = int(RATE * 0.6)
        gaps.append((t, t + gap))
        parts.append(np.zeros(gap, np.int16))
        t += gap
    x = np.concatenate(parts)
    path = tmp_path / "long.wav"
    path.write_bytes(wav_bytes(x, rate=8000))  # an 8 kHz file: resampled to 16 kHz while streaming
    scale = 2  # 8 kHz -> 16 kHz
    wins = list(chunks.windows(decode.blocks(path, "long.wav")))
    assert len(wins) >= 6
    assert all(w.duration <= 30.0 for w in wins) and all(w.samples.dtype == np.int16 for w in wins)
    assert sum(w.samples.shape[0] for w in wins) == pytest.approx(len(x) * scale, abs=64)
    for prev, nxt in itertools.pairwise(wins):
        assert nxt.start == pytest.approx(prev.start + prev.duration)
        cut = nxt.start * RATE / scale  # in samples of the 8 kHz original
        assert any(a - 200 <= cut <= b + 200 for a, b in gaps), f"cut at {nxt.start:.2f}s is not in a silence"


def test_speakers_by_pauses_and_names():
    u = [speakers.Utterance(0, 1, "a"), speakers.Utterance(1.2, 2, "b"), speakers.Utterance(3.5, 4, "c"),
         speakers.Utterance(5.5, 6, "d")]
    assert speakers.by_pauses(u, turn_pause=1.0) == [0, 0, 1, 0]
    assert speakers.by_pauses(u, voices=3, turn_pause=1.0) == [0, 0, 1, 2]
    assert speakers.by_pauses(u, voices=1) == [0, 0, 0, 0]
    stereo = [speakers.Utterance(2, 3, "x", channel=1), speakers.Utterance(0, 1, "y", channel=0)]
    assert speakers.by_channel(stereo) == [1, 0]
    with pytest.raises(InputError):
        speakers.parse_names("Peer,,Casey")
    with pytest.raises(InputError):
        speakers.parse_names("Peer,peer")


def test_to_vtt_escapes_text_and_needs_times():
    from coach.transcript import Transcript, Turn

    t = Transcript([Turn("Jo <Peer>", "a <b> & c --> d", 1.0, 2.0), Turn("Sam", "ok", 2.5, None)])
    vtt = audio.to_vtt(t)
    assert "<b>" not in vtt and "-->" not in vtt.split("\n")[4]
    back = readers.read(vtt, fmt="vtt")
    assert [(x.speaker, x.text, x.end) for x in back.turns] == [("Jo Peer", "a <b> & c --> d", 2.0),
                                                               ("Sam", "ok", 4.5)]
    with pytest.raises(InputError, match="no time"):
        audio.to_vtt(Transcript([Turn("Sam", "hi")]))


@pytest.mark.parametrize("module", ["coach.audio", "coach.audio.decode", "coach.audio.chunks",
                                    "coach.audio.speakers", "coach.audio.vtt", "coach.audio.playback",
                                    "coach.audio.asr"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0


@needs_espeak
def test_dual_mono_stereo_is_treated_as_mono(clips, tmp_path):
    voice = np.concatenate([silence(0.3), clips[2], silence(1.5), clips[3], silence(0.5)])
    path = tmp_path / "dual.wav"
    path.write_bytes(wav_bytes(np.stack([voice, voice], axis=1), channels=2))
    t = audio.transcribe(path)
    assert t.meta["audio"]["dual_mono"] and t.meta["audio"]["speakers_by"] == "pauses"
    assert [x.speaker for x in t.turns] == ["Speaker 1", "Speaker 2"]  # each line once, not twice
