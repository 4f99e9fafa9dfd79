"""Long recordings in short pieces: windows cut at silences, and speech found by frame energy.

:func:`windows` turns a stream of int16 blocks into windows of at most about
30 seconds, each cut at the quietest moment of its last stretch so a word is
rarely split. :func:`speech_regions` is the voice-activity detector: 30 ms
frames whose energy stands clearly above the window's noise floor are speech;
short gaps are bridged and short blips dropped.

>>> import numpy as np
>>> tone = (np.sin(np.arange(8000) / 3) * 8000).astype(np.int16)
>>> x = np.concatenate([np.zeros(16000, np.int16), tone, np.zeros(16000, np.int16)])
>>> [(round(a, 1), round(b, 1)) for a, b in speech_regions(x)]
[(0.9, 1.6)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from .decode import RATE

FRAME = 480  # 30 ms at 16 kHz
FRAME_SECONDS = FRAME / RATE


@dataclass
class Window:
    """A stretch of the recording: ``start`` seconds from the beginning, ``samples`` (n, channels) int16."""

    start: float
    samples: np.ndarray

    @property
    def duration(self) -> float:
        return self.samples.shape[0] / RATE


def frame_db(x: np.ndarray) -> np.ndarray:
    """Energy of each whole 30 ms frame of 1-D int16 audio, in dB relative to full scale (silence ~ -100)."""
    n = len(x) // FRAME
    if n == 0:
        return np.zeros(0, np.float32)
    frames = x[: n * FRAME].reshape(n, FRAME).astype(np.float32) / 32768.0
    return (10.0 * np.log10(np.mean(np.square(frames), axis=1) + 1e-10)).astype(np.float32)


def loudest(samples: np.ndarray) -> np.ndarray:
    """Per-frame energy of the loudest channel of ``(n, channels)`` audio."""
    return np.max(np.stack([frame_db(samples[:, c]) for c in range(samples.shape[1])]), axis=0)


def _quiet_cut(samples: np.ndarray, lo: int, hi: int) -> int:
    """Sample index in [lo, hi) at the centre of the quietest 300 ms stretch."""
    db = loudest(samples[lo:hi])
    if len(db) < 10:
        return hi
    smooth = np.convolve(db, np.ones(10) / 10, mode="valid")
    return lo + (int(np.argmin(smooth)) + 5) * FRAME


def windows(blocks: Iterable[np.ndarray], *, target: float = 30.0, search: float = 10.0) -> Iterator[Window]:
    """Re-cut int16 blocks into windows of at most ``target`` seconds, split at silences.

    The cut falls at the quietest moment of the window's last ``search`` seconds.
    Only one window (plus one incoming block) is held at a time.
    """
    size, lo = int(target * RATE), int((target - search) * RATE)
    pending: list[np.ndarray] = []
    count = start = 0
    for block in blocks:
        pending.append(block)
        count += block.shape[0]
        if count < size:
            continue
        buffer = np.concatenate(pending)
        while buffer.shape[0] >= size:
            cut = _quiet_cut(buffer, lo, size)
            yield Window(start / RATE, buffer[:cut])
            start += cut
            buffer = buffer[cut:]
        pending, count = [buffer], buffer.shape[0]
    if count:
        yield Window(start / RATE, np.concatenate(pending))


def speech_threshold(db: np.ndarray) -> float:
    """Energy (dB) above which a frame counts as speech: over the noise floor, never below -50 dBFS."""
    if len(db) == 0:
        return 0.0
    floor, peak = float(np.percentile(db, 10)), float(np.percentile(db, 97))
    return max(-50.0, min(floor + 10.0, peak - 20.0))


def speech_regions(x: np.ndarray, *, bridge: float = 0.3, shortest: float = 0.12, pad: float = 0.1,
                   threshold: float | None = None) -> list[tuple[float, float]]:
    """(start, end) seconds of speech in 1-D int16 audio, by frame energy.

    Gaps shorter than ``bridge`` seconds are joined, regions shorter than
    ``shortest`` dropped, and each region padded by ``pad`` seconds.
    """
    db = frame_db(x)
    if len(db) == 0:
        return []
    voiced = db > (speech_threshold(db) if threshold is None else threshold)
    runs: list[list[int]] = []
    for i in np.flatnonzero(voiced):
        if runs and i - runs[-1][1] <= bridge / FRAME_SECONDS:
            runs[-1][1] = i + 1
        else:
            runs.append([int(i), int(i) + 1])
    total = len(x) / RATE
    out = []
    for a, b in runs:
        if (b - a) * FRAME_SECONDS < shortest:
            continue
        out.append((round(max(0.0, a * FRAME_SECONDS - pad), 3), round(min(total, float(b) * FRAME_SECONDS + pad), 3)))
    return out


def gate_crosstalk(samples: np.ndarray, margin_db: float = 15.0) -> np.ndarray:
    """Silence, in each channel of stereo audio, frames far quieter than the other channel (bleed-through).

    Returns a new int16 array; mono input is returned unchanged.
    """
    if samples.shape[1] != 2:
        return samples
    out = samples.copy()
    db = [frame_db(samples[:, c]) for c in (0, 1)]
    n = len(db[0]) * FRAME
    for c in (0, 1):
        quiet = np.repeat(db[c] < db[1 - c] - margin_db, FRAME)
        out[:n, c][quiet] = 0
    return out
