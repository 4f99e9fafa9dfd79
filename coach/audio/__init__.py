"""Practice recordings: audio in, timed transcript out, findings you can play.

Offline speech recognition (pocketsphinx, or faster-whisper when
``$COACH_ASR_MODEL`` names a local model directory) turns WAV, MP3, M4A or OGG
into a :class:`~coach.transcript.Transcript` whose turns carry start/end
seconds; :func:`to_vtt` writes it as WebVTT that ``coach check`` reads.

    >>> import coach, coach.audio                                  # doctest: +SKIP
    >>> t = coach.audio.transcribe("roleplay.wav", speakers="Peer,Casey")  # doctest: +SKIP
    >>> a = coach.load().analyze(t, speaker="Peer")                # doctest: +SKIP
    >>> [(f.label, coach.audio.finding_time(t, f)) for f in a.concerns]  # doctest: +SKIP
    [('power_over', 12.4)]
    >>> open("roleplay.vtt", "w").write(coach.audio.to_vtt(t))     # doctest: +SKIP
"""

from .decode import AUDIO_EXTENSIONS, AudioError, survey
from .playback import finding_time, phrase_time
from .recording import transcribe
from .speakers import parse_names, rename_speakers
from .vtt import to_vtt

__all__ = ["AUDIO_EXTENSIONS", "AudioError", "finding_time", "is_audio", "parse_names", "phrase_time",
           "rename_speakers", "survey", "to_vtt", "transcribe"]


def is_audio(name: str) -> bool:
    """True for a file name with an audio extension.

    >>> is_audio("session.M4A"), is_audio("session.vtt")
    (True, False)
    """
    import os

    return os.path.splitext(name)[1].lower() in AUDIO_EXTENSIONS
