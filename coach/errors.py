"""Errors that reach the user as one clear line.

Every problem with the user's input or environment is raised as a
:class:`CoachError` subclass. The CLI prints ``str(error)`` on stderr and
exits 2; the app shows it as a message. Nothing else should be caught
broadly, so real bugs still surface in tests.
"""

from __future__ import annotations


class CoachError(Exception):
    """Base class: a problem the user can fix, described in one line."""

    exit_code = 2

    def __init__(self, message: str):
        # Keep it to one line whatever the caller passed in.
        super().__init__(" ".join(str(message).split()))


class InputError(CoachError):
    """The transcript cannot be read: empty, binary, undecodable, too big, unknown format."""


class SpeakerError(CoachError):
    """The supporter cannot be identified among the transcript's speakers."""


class ModelError(CoachError):
    """The model file is missing, corrupt, or does not match this version."""
