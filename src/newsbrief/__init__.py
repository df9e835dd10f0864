"""newsbrief: many articles in, one sourced brief out."""

from .errors import InputError, NewsbriefError
from .ingest import StoryError, read_stories
from .model import Article, Brief, Fact, Sentence, Source, Story, SummarySentence
from .pipeline import brief, brief_stories, brief_story
from .version import __version__

__all__ = [
    "Article",
    "Brief",
    "Fact",
    "InputError",
    "NewsbriefError",
    "Sentence",
    "Source",
    "Story",
    "StoryError",
    "SummarySentence",
    "__version__",
    "brief",
    "brief_stories",
    "brief_story",
    "read_stories",
]
