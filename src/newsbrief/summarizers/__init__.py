"""Summarization methods, one module each, behind :class:`Summarizer`."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import NewsbriefError
from .base import Budget, Summarizer
from .coverage import CoverageSummarizer
from .lead import LeadSummarizer
from .lexrank import LexRankSummarizer
from .textrank import TextRankSummarizer

__all__ = ["Budget", "Summarizer", "available", "get_summarizer"]


def _registry() -> dict[str, Callable[[], Summarizer]]:
    return {
        "newsbrief": CoverageSummarizer,
        "lead": LeadSummarizer,
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
    }


def available() -> list[str]:
    """Names accepted by :func:`get_summarizer`."""
    return list(_registry())


def get_summarizer(name: str | Summarizer = "newsbrief") -> Summarizer:
    """A summarizer by name (or the instance itself, for custom settings)."""
    if isinstance(name, Summarizer):
        return name
    factory = _registry().get(name)
    if factory is None:
        raise NewsbriefError(f"unknown summarizer '{name}' (choose from {', '.join(available())})")
    return factory()
