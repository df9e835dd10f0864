"""What find_entities returns: a story's entities, their rows, the names that look like slips."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """One actor of the story under the name most sources give it in full."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    articles: tuple[int, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class NameVariant:
    """Sources naming one entity differently in a way that looks like an error, not an alias:
    same acronym/initials and all words equal but one, e.g. 'Syrian Democratic Fighters' vs
    'Syrian Democratic Forces' (both abbreviated SDF)."""

    entity: str
    names: tuple[tuple[str, tuple[int, ...], int], ...]


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of a story and where each is mentioned (rows of the input)."""

    entities: tuple[EntityInfo, ...]
    by_row: dict[int, frozenset[int]]
    variants: tuple[NameVariant, ...]
