"""Errors a user can act on.

Every failure caused by the input is a :class:`NewsbriefError` whose message is
one line that names the culprit, so the CLI can print it without a traceback.
"""


class NewsbriefError(Exception):
    """Something wrong with what the user gave us; the message says what."""


class InputError(NewsbriefError):
    """An input that cannot be read: missing, empty, binary, malformed."""
