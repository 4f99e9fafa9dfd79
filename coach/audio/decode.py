"""Audio decoding with PyAV: any file FFmpeg reads, streamed as 16 kHz int16 blocks.

Nothing here holds a whole recording: :func:`blocks` yields about one second
at a time (``(samples, channels)`` int16 arrays), and :func:`survey` makes one
streaming pass to learn the duration and how loud each channel is.

>>> import io, wave
>>> buf = io.BytesIO()
>>> with wave.open(buf, "wb") as w:
...     w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000); w.writeframes(b"\\x00\\x10" * 8000)
>>> info = survey(buf.getvalue(), "tone.wav")
>>> info.channels, round(info.duration, 2)
(1, 1.0)
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import InputError

RATE = 16_000  # samples per second everything is decoded to
AUDIO_EXTENSIONS: tuple[str, ...] = (".wav", ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".flac")

Source = str | os.PathLike | bytes | bytearray | memoryview


class AudioError(InputError):
    """The recording cannot be decoded: missing, corrupt, silent, or not audio."""


@dataclass(frozen=True)
class AudioInfo:
    """What one streaming pass learns about a recording."""

    label: str
    duration: float  # seconds
    channels: int  # channels as decoded: 1, or 2 for stereo (more are mixed down to mono)
    rms: tuple[float, ...]  # root mean square of each channel, full scale = 1.0
    dual_mono: bool = False  # two channels carrying (almost) the same signal


def label_of(source: Source, name: str | None) -> str:
    """The name used in messages: ``name``, else the path, else ``<audio>``."""
    if name:
        return name
    if isinstance(source, (str, os.PathLike)):
        return str(source)
    return "<audio>"


def check_name(label: str) -> None:
    """Refuse file names whose extension is not a supported audio type (names without one pass)."""
    ext = os.path.splitext(label)[1].lower()
    if ext and label != "<audio>" and ext not in AUDIO_EXTENSIONS:
        raise AudioError(f"{label}: unsupported audio type '{ext}'; supported: {', '.join(AUDIO_EXTENSIONS)}")


@contextmanager
def _opened(source: Source, label: str):
    import av

    if isinstance(source, (bytes, bytearray, memoryview)):
        if not bytes(source[:64]).strip(b"\x00 \t\r\n"):
            raise AudioError(f"{label} is empty; nothing to transcribe")
        target = io.BytesIO(bytes(source))
    else:
        path = Path(source)
        if not path.is_file():
            raise AudioError(f"{label}: no such file")
        if path.stat().st_size == 0:
            raise AudioError(f"{label} is empty; nothing to transcribe")
        target = str(path)
    try:
        container = av.open(target, mode="r")
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise AudioError(f"{label}: not a readable audio file ({_reason(exc)})") from None
    try:
        if not container.streams.audio:
            raise AudioError(f"{label}: the file has no audio stream")
        yield container
    finally:
        container.close()


def _reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())[:120]


def blocks(source: Source, label: str, *, stereo: bool = False, seconds: float = 1.0) -> Iterator[np.ndarray]:
    """Yield ``(n, channels)`` int16 blocks of about ``seconds`` each, 16 kHz, mono or stereo.

    Stereo is only produced for two-channel input when ``stereo`` is true;
    anything else is mixed down to mono.
    """
    import av

    size = max(1, int(seconds * RATE))
    with _opened(source, label) as container:
        stream = container.streams.audio[0]
        two = stereo and (stream.codec_context.channels or 0) == 2
        resampler = av.AudioResampler(format="s16", layout="stereo" if two else "mono", rate=RATE)
        width = 2 if two else 1
        pending: list[np.ndarray] = []
        count = 0
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    pending.append(out.to_ndarray().reshape(-1, width))
                    count += pending[-1].shape[0]
                if count >= size:
                    yield np.concatenate(pending)
                    pending, count = [], 0
            for out in resampler.resample(None):
                pending.append(out.to_ndarray().reshape(-1, width))
        except av.FFmpegError as exc:
            raise AudioError(f"{label}: the audio is corrupt or unsupported ({_reason(exc)})") from None
        if pending:
            tail = np.concatenate(pending)
            if len(tail):
                yield tail


def channel_count(source: Source, label: str) -> int:
    """Channels of the first audio stream as stored in the file."""
    with _opened(source, label) as container:
        return int(container.streams.audio[0].codec_context.channels or 1)


def survey(source: Source, label: str) -> AudioInfo:
    """One streaming pass: duration, per-channel loudness and whether stereo is really dual mono."""
    stereo = channel_count(source, label) == 2
    n = 0
    power = np.zeros(2 if stereo else 1)
    diff = 0.0
    for block in blocks(source, label, stereo=stereo):
        x = block.astype(np.float32) / 32768.0  # one block (~1 s) at a time
        n += x.shape[0]
        power += np.square(x).sum(axis=0)
        if stereo:
            diff += float(np.square(x[:, 0] - x[:, 1]).sum())
    if n == 0:
        raise AudioError(f"{label}: no audio samples could be decoded")
    rms = tuple(float(np.sqrt(p / n)) for p in power)
    dual = stereo and diff <= 0.01 * float(power.max())  # channels differ by less than -20 dB
    return AudioInfo(label, n / RATE, 2 if stereo else 1, rms, dual)
