"""The merged groups made into the EntityIndex: names, kinds, rows, variants."""

from __future__ import annotations

from collections import defaultdict

from .lexicon import GAZETTEER, ORG, PERSON, W_GAZETTEER, W_WEAK
from .records import Surface
from .results import EntityIndex, EntityInfo, NameVariant
from .story import StoryState, add_member, kind_of


# ---- output
def build_index(story: StoryState) -> EntityIndex:
    find = story.uf.find
    parent = story.uf.parent.get
    members: dict[str, Surface | list[Surface]] = {}  # a group of one: its surface
    for text, surface in story.surfaces.items():
        root = parent(text, text)
        if root != text and parent(root) != root:
            root = find(text)
        add_member(members, root, surface)
    extra: dict[str, list[int]] = {}  # rows of generic words, by the root they stand for
    if story.generic:
        owners = _generic_owners(story, {word for _, word in story.generic})
        for row, word in story.generic:
            if word in owners:
                extra.setdefault(owners[word], []).append(row)
    article_of = story.articles
    uses = story.surname_uses
    # Most mentioned first, then by name: the sort key leads each item, and
    # its place in the list breaks ties as a stable sort would.
    infos: list[tuple[int, str, str, int, str, EntityInfo, list[int]]] = []
    for root, group in members.items():
        if group.__class__ is not list:
            single = group
            count, rows = single.count, single.rows
            if root[0] != "\0" and not extra:
                # One spelling, no alias, no gazetteer entry (a name the
                # gazetteer knows has a gazetteer root): its own evidence
                # says its kind, as in _kind.
                if not count:
                    continue
                name = single.text
                person, org, place = single.person, single.org, single.place
                if uses:
                    person += W_WEAK * uses.get(name, 0)
                kind = kind_of(person, org, place, count)
                if count == 1:
                    articles = (article_of[rows[0]],)
                else:
                    articles = tuple(sorted(set(map(article_of.__getitem__, rows))))
                info = EntityInfo(name, kind, (), articles, count)
                infos.append((-count, name.lower(), name, len(infos), root, info, rows))
                continue
            group = [single]
        else:
            count, rows = 0, []
            for surface in group:
                count += surface.count
                rows += surface.rows
        more = extra.get(root)
        if more:
            count += len(more)
            rows = rows + more
        if not count:
            continue
        articles = set(map(article_of.__getitem__, rows))
        if len(group) == 1:
            name = group[0].text
            aliases = ()
            if root[0] == "\0":  # see _name
                if name != root[1:]:
                    aliases = (name,)
                name = root[1:]
        else:
            name = _name(story, root, group)
            aliases = tuple(sorted({s.text for s in group} - {name}))
        info = EntityInfo(
            name, _kind(story, root, group, count), aliases, tuple(sorted(articles)), count
        )
        infos.append((-count, name.lower(), name, len(infos), root, info, rows))
    infos.sort()
    # The entities of each row: its first (-1 for none), and all of them for
    # the rows of several. Positions come in order, a row's repeats together.
    first = [-1] * len(article_of)
    several: dict[int, tuple[int, ...]] = {}
    for position, item in enumerate(infos):
        for row in item[6]:
            found = first[row]
            if found < 0:
                first[row] = position
            elif found != position:
                positions = several.get(row)
                if positions is None:
                    several[row] = (found, position)
                elif positions[-1] != position:
                    several[row] = (*positions, position)
    by_row: dict[int, frozenset[int]] = {}
    alone: dict[int, frozenset[int]] = {}  # one set for the rows of one entity
    for row, found in enumerate(first):
        if found >= 0:
            positions = several.get(row)
            if positions is not None:
                by_row[row] = frozenset(positions)
            else:
                one = alone.get(found)
                if one is None:
                    one = alone[found] = frozenset((found,))
                by_row[row] = one
    return EntityIndex(
        entities=tuple([item[5] for item in infos]),
        by_row=by_row,
        variants=(
            _variant_report(story, [(item[4], item[5]) for item in infos]) if story.variants else ()
        ),
    )


def _generic_owners(story: StoryState, words: set[str]) -> dict[str, str]:
    """'the Observatory' is the story's only name with the word Observatory."""
    if not words:
        return {}
    roots: dict[str, set[str]] = defaultdict(set)
    for surface in story.multiword_surfaces():
        for word in words.intersection(surface.words):
            roots[word].add(story.uf.find(surface.text))
    return {word: next(iter(found)) for word, found in roots.items() if len(found) == 1}


def _name(story: StoryState, root: str, group: list[Surface]) -> str:
    if root.startswith("\0"):
        return root[1:]
    plain = [s for s in group if s.so_called_of is None] or group

    def rank(s: Surface) -> tuple:
        full = len(s.content) > 1
        return (not s.acronym, full, s.count, len(s.words), -min(s.rows, default=0))

    return max(plain, key=rank).text


def _kind(story: StoryState, root: str, group: list[Surface], mentions: int) -> str:
    if root[0] == "\0":
        return GAZETTEER[story.key(root[1:])][1]
    person = org = place = 0.0
    uses = story.surname_uses
    for surface in group:
        person += surface.person
        org += surface.org
        place += surface.place
        person += W_WEAK * uses.get(surface.text, 0)
        hit = GAZETTEER.get(surface.key)
        if hit is not None:
            weight = W_GAZETTEER * surface.count
            if hit[1] == PERSON:
                person += weight
            elif hit[1] == ORG:
                org += weight
            else:
                place += weight
    return kind_of(person, org, place, mentions)


def _variant_report(
    story: StoryState, infos: list[tuple[str, EntityInfo]]
) -> tuple[NameVariant, ...]:
    names = {root: info.name for root, info in infos}
    by_root: dict[str, set[str]] = defaultdict(set)
    for text, others in story.variants.items():
        by_root[story.uf.find(text)].update({text, *others})
    out = []
    for root, texts in by_root.items():
        if root not in names:
            continue
        surfaces = sorted((story.surfaces[t] for t in texts), key=lambda s: (-s.count, s.text))
        out.append(
            NameVariant(
                entity=names[root],
                names=tuple(
                    (s.text, tuple(sorted(story.articles_of(s))), min(s.rows)) for s in surfaces
                ),
            )
        )
    out.sort(key=lambda v: v.entity)
    return tuple(out)
