"""Who is who in a story: its people, organisations and places, aliases merged.

Outlets name one actor in many ways (ISIS, Isis, IS, Daesh; Raqqa, Raqa; Brett
McGurk, McGurk) and the fact map must see one actor, not five. The project runs
offline and installs no trained model, so names are found as capitalised word
sequences and merged by rules whose evidence is in the text itself: an acronym
in parentheses, initials, spellings that differ only in doubled letters, a
surname reused, a gazetteer of well-known aliases. Every rule errs towards
keeping two entities apart: a wrong merge corrupts the fact map, a missed one
only repeats a line.

Two passes over the sentences are needed because whether a sentence-initial
word is a name depends on the whole story (is it capitalised elsewhere? is it
ever written in lowercase?). Names recur, so the costly cutting and judging of
a capitalised run is done once per distinct run and story.

The package, in the order a story passes through it (each module imports only
those above it):

- ``results``: what comes out (EntityIndex, EntityInfo, NameVariant).
- ``keys``: the name key, the one comparison form of a name.
- ``lexicon``: the word lists, the gazetteer index and the evidence weights.
- ``patterns``: the regular expressions (capitalised runs, cues).
- ``words``: tests of single words (acronym, demonym, title, stop word).
- ``headlines``: where capitals say nothing (sentence starts, headlines).
- ``records``: what travels between the passes (Piece, Judged, Surface).
- ``titles``: titles, roles and demonyms around a name.
- ``cut``: cutting a capitalised run into names (with its fast paths).
- ``context``: what the words around a mention say of its kind.
- ``story``: the state of one call (caches, counts, the union-find).
- ``judge``: whether words are a name, and what they say of its kind.
- ``scan``: pass 1, runs cut and capitals counted.
- ``resolve``: pass 2, the story-wide checks, mentions and their evidence.
- ``variants``: misspellings and one-word variants of a name.
- ``merge``: aliases merged (gazetteer, parentheses, acronyms, surnames).
- ``index``: the merged groups made into the EntityIndex.

Rejected: one module (2,400 lines, unreadable); a class per pass (the passes
share one state, which a function reads as well as a method does).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Sentence
from .index import build_index
from .merge import merge_aliases
from .resolve import resolve_mentions
from .results import EntityIndex, EntityInfo, NameVariant
from .scan import scan_story
from .story import StoryState

__all__ = ("EntityIndex", "EntityInfo", "NameVariant", "find_entities")


def find_entities(sentences: Sequence[Sentence]) -> EntityIndex:
    """Find the people, organisations and places of a story and merge their aliases.

    Rows in the result are positions in ``sentences``. Entities come most
    mentioned first; ``variants`` lists names that look like one source's
    misnaming of an entity rather than an accepted alias.
    """
    story = StoryState(sentences)
    scan_story(story)
    resolve_mentions(story)
    merge_aliases(story)
    return build_index(story)
