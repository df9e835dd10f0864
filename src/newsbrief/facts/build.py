"""Assembling the fact map from its parts, for one segmented, aligned story."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from ..align import SentenceSpace
from ..model import Entity, Fact, FactMap, Quote, Story, TimelineEvent
from ..quotable import quotable
from .agreement import group_facts, unique_rows
from .conflicts import date_conflicts, name_conflicts, quantity_candidates, quantity_conflicts
from .dates import DateFinder, DateMention
from .entities import EntityIndex, find_entities
from .quantities import Quantity, find_all_quantities, find_quantities

MAX_AGREEMENTS = 10
MAX_UNIQUE = 5
MAX_TIMELINE = 20
MAX_ENTITIES = 15
#: Sentences on the same date need less wording in common to tell the same event.
SAME_DAY_EVENT = 0.2
_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def build_fact_map(story: Story, space: SentenceSpace) -> FactMap:
    """The fact map of a segmented, aligned story."""
    sentences = story.sentences
    source_of = [a + 1 for a in range(len(story.articles))]
    finder = DateFinder()
    # Only complete sentences are shown as facts, claims or events: fragments,
    # headlines and captions are not worth the search.
    fit = quotable(story, space)
    rows = np.flatnonzero(fit).tolist()
    # Figures matter only where they may clash with another source's (or make
    # a lone fact worth listing, asked for below): reading them elsewhere is waste.
    clash_rows = np.flatnonzero(fit & quantity_candidates(story, space)).tolist()
    found = find_all_quantities([sentences[r].text for r in clash_rows], qualify=False)
    quantities: dict[int, list[Quantity]] = {clash_rows[k]: q for k, q in found.items()}
    published = [_published(story, a) for a in range(len(story.articles))]
    found_dates = finder.find_all(
        [sentences[r].text for r in rows], [published[sentences[r].article] for r in rows]
    )
    dates = {rows[k]: mentions for k, mentions in found_dates.items()}
    entities = find_entities(sentences)

    agreements = tuple(
        Fact(
            text=sentences[g.rows[0]].text,
            sources=tuple(source_of[a] for a in g.articles),
            quotes=tuple(
                Quote(source_of[sentences[r].article], sentences[r].text)
                for r in sorted(g.rows, key=lambda r: sentences[r].article)
            ),
        )
        for g in group_facts(story, space, fit)[:MAX_AGREEMENTS]
    )
    centrality = space.centrality()
    candidates = set(clash_rows)

    def informative(row: int) -> bool:
        # A number, a date or a name; figures not read above are read only for
        # the few rows the list of lone facts gets to.
        if row in dates or row in entities.by_row or row in quantities:
            return True
        return row not in candidates and bool(find_quantities(sentences[row].text))

    unique = tuple(
        Fact(
            text=sentences[r].text,
            sources=(source_of[sentences[r].article],),
            quotes=(Quote(source_of[sentences[r].article], sentences[r].text),),
        )
        for r in unique_rows(story, space, fit, centrality, MAX_UNIQUE, informative=informative)
    )
    conflicts = (
        quantity_conflicts(story, space, quantities, dates, entities, source_of)
        + date_conflicts(story, space, dates, source_of)
        + name_conflicts(story, entities, source_of)
    )
    return FactMap(
        agreements=agreements,
        unique=unique,
        conflicts=tuple(conflicts),
        timeline=tuple(_timeline(story, space, dates, source_of, centrality)),
        entities=tuple(_entities(entities, source_of)),
    )


def _published(story: Story, article: int) -> date | None:
    """An article's date, else the story's most common one (a cluster is one news day)."""
    own = story.articles[article].published
    if own is not None:
        return own
    known = [a.published for a in story.articles if a.published is not None]
    return max(set(known), key=known.count) if known else None


def _timeline(
    story: Story,
    space: SentenceSpace,
    dates: dict[int, list[DateMention]],
    source_of: Sequence[int],
    centrality: np.ndarray,
) -> list[TimelineEvent]:
    """Dated events, one per (date, precision, event): the same event told by
    several sources is one entry with all their sources and quotes."""
    events: list[tuple[date, str, list[int]]] = []
    for row in sorted(dates):
        sims = space.similar_to(row)
        for mention in dates[row]:
            for when, precision, rows in events:
                if (
                    when == mention.date
                    and precision == mention.precision
                    and row not in rows
                    and any(sims[r] >= SAME_DAY_EVENT for r in rows)
                ):
                    rows.append(row)
                    break
            else:
                events.append((mention.date, mention.precision, [row]))
    sentences = story.sentences
    built = []
    weight = []
    for when, precision, rows in events:
        by_source: dict[int, int] = {}
        for r in rows:
            by_source.setdefault(source_of[sentences[r].article], r)
        built.append(
            TimelineEvent(
                date=when,
                precision=precision,
                text=sentences[rows[0]].text,
                sources=tuple(sorted(by_source)),
                quotes=tuple(Quote(s, sentences[r].text) for s, r in sorted(by_source.items())),
            )
        )
        weight.append(len(by_source) + float(centrality[rows[0]]))
    if len(built) > MAX_TIMELINE:
        # Keep the events most sources tell, then those closest to the story's centre.
        keep = sorted(range(len(built)), key=lambda i: -weight[i])[:MAX_TIMELINE]
        built = [built[i] for i in keep]
    built.sort(key=lambda e: (e.date, _PRECISION_ORDER.get(e.precision, 9), -len(e.sources)))
    return built


def _entities(index: EntityIndex, source_of: Sequence[int]) -> list[Entity]:
    """Who is who: the entities mentioned more than once, most mentioned first."""
    out = []
    for info in index.entities:
        if info.mentions < 2 and len(info.articles) < 2:
            continue
        out.append(
            Entity(
                name=info.name,
                kind=info.kind,
                aliases=info.aliases,
                sources=tuple(source_of[a] for a in info.articles),
            )
        )
        if len(out) == MAX_ENTITIES:
            break
    return out
