"""Speech recognition engines: pocketsphinx (shipped, offline) or faster-whisper (a local model).

Both turn 16 kHz mono int16 audio into timed :class:`Word` objects. Which one
runs is decided by :func:`engine`: ``$COACH_ASR_MODEL`` naming a local
faster-whisper model directory selects faster-whisper, otherwise the English
model bundled in the pocketsphinx wheel is used. Nothing is ever downloaded.

pocketsphinx decodes one speech region at a time, fed in half-second pieces,
so no single call holds the GIL for long; faster-whisper gets a whole window
(it wants context) and its words are placed into regions afterwards.

>>> import numpy as np
>>> engine().name
'pocketsphinx'
>>> engine().words(np.zeros(8000, np.int16), offset=3.0)
[]
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import CoachError
from .decode import RATE

ENV_VAR = "COACH_ASR_MODEL"
_FILLER = re.compile(r"^(?:<.*>|\[.*\]|\+\+.*\+\+)$")  # <s>, </s>, <sil>, [NOISE], ++GARBAGE++
_VARIANT = re.compile(r"\(\d+\)$")  # pronunciation variants: the(2)


@dataclass(frozen=True)
class Word:
    """A recognised word and its time in seconds from the start of the recording."""

    text: str
    start: float
    end: float


class Sphinx:
    """CMU pocketsphinx with the US English acoustic model, language model and dictionary in its wheel."""

    name = "pocketsphinx"
    per_region = True  # decode each speech region separately
    piece = RATE // 2  # samples per process_raw call

    def __init__(self) -> None:
        import pocketsphinx

        self._decoder = pocketsphinx.Decoder(samprate=RATE, loglevel="FATAL")
        self._frate = int(self._decoder.config["frate"])
        self._initial_cmn = self._decoder.get_cmn(False)
        self._lock = threading.Lock()  # a decoder is not thread-safe; the app may call from several sessions

    def words(self, samples: np.ndarray, offset: float, state: dict | None = None) -> list[Word]:
        """Words in 1-D int16 ``samples``, timed from ``offset`` seconds.

        ``state`` (a dict the caller keeps per recording and channel) carries the running
        cepstral mean from one call to the next, so results depend only on that one stream.
        """
        if len(samples) < RATE // 10:
            return []
        data = np.ascontiguousarray(samples, dtype=np.int16)
        state = {} if state is None else state
        with self._lock:
            d = self._decoder
            d.set_cmn(state.get("cmn", self._initial_cmn))
            d.start_utt()
            for i in range(0, len(data), self.piece):
                d.process_raw(data[i : i + self.piece].tobytes(), False, False)
            d.end_utt()
            segs = [(s.word, s.start_frame, s.end_frame) for s in d.seg()]
            state["cmn"] = d.get_cmn(False)
        out = []
        for word, a, b in segs:
            if _FILLER.match(word):
                continue
            out.append(Word(_VARIANT.sub("", word), offset + a / self._frate, offset + (b + 1) / self._frate))
        return out


class Whisper:
    """faster-whisper (CTranslate2) with a model directory the user obtained; CPU, int8."""

    name = "faster-whisper"
    per_region = False  # transcribe whole windows; words are placed into regions afterwards

    def __init__(self, path: str) -> None:
        model_dir = Path(path).expanduser()
        if not model_dir.is_dir():
            raise CoachError(f"{ENV_VAR}={path}: not a directory; point it at a local faster-whisper model "
                             "directory or unset it to use pocketsphinx")
        try:
            from faster_whisper import WhisperModel
        except ImportError:
            raise CoachError(f"{ENV_VAR} is set but faster-whisper is not installed; install it with "
                             "pip install 'session-coach[whisper]' (or unset it to use pocketsphinx)") from None
        try:
            self._model = WhisperModel(str(model_dir), device="cpu", compute_type="int8", local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - CTranslate2 raises RuntimeError/ValueError/OSError for a bad directory
            raise CoachError(f"{ENV_VAR}={path}: cannot load the faster-whisper model "
                             f"({' '.join(str(exc).split())[:120]})") from None
        self._lock = threading.Lock()

    def words(self, samples: np.ndarray, offset: float, state: dict | None = None) -> list[Word]:
        audio = samples.astype(np.float32) / 32768.0
        with self._lock:
            segments, _ = self._model.transcribe(audio, beam_size=5, word_timestamps=True, vad_filter=False,
                                                 condition_on_previous_text=False)
            return [Word(w.word.strip(), offset + float(w.start), offset + float(w.end))
                    for seg in segments for w in (seg.words or []) if w.word.strip()]


@lru_cache(maxsize=4)
def _load(kind: str, path: str):
    return Whisper(path) if kind == "whisper" else Sphinx()


def engine(model: str | None = None) -> Sphinx | Whisper:
    """The engine to use (loaded once per process): faster-whisper for a model directory, else pocketsphinx."""
    path = model if model is not None else os.environ.get(ENV_VAR, "").strip()
    return _load("whisper", path) if path else _load("sphinx", "")
