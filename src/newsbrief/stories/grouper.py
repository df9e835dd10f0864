"""Incremental story grouping: put each incoming article in a story.

Articles arrive as a stream, so grouping is single-pass: each article is
assigned once, when it comes in, at a cost that does not grow with the number
of articles already seen (a bounded candidate search, see
:mod:`.centroids`). In order:

1. An article with no usable text after cleaning is left unassigned.
2. A near-copy of an earlier original (see :mod:`.neardup`) joins the
   original's story, whatever its date, and is recorded as a duplicate. It
   does not move the story's centroid: it brings no new wording.
3. Otherwise the article joins the most similar candidate story whose centroid
   it resembles with a cosine of at least ``threshold`` (``headline_threshold``
   for a bare headline, whose few terms cannot score as high as a full lead),
   provided its date lies within ``window_days`` of the story's date range (or
   the similarity reaches ``time_override``: the text says it is the same
   story). Undated articles and undated stories ignore time.
4. Failing that, the article opens a new story.

The threshold of step 3 is deliberately strict: on arrival an article only
joins a story it plainly belongs to. :meth:`StoryGrouper.refine` then does the
rest of the grouping as average-linkage agglomeration over the stories: best
pair first, two stories are merged while their members are on average alike
enough (mean pairwise cosine at least ``merge_threshold``, computed from the
centroids, see :meth:`.centroids.StoryIndex.linkage`). Average linkage keeps
the merging honest where a growing centroid would not: a story that drifted
towards a broad theme (a president, a country) does not draw in every article
that shares the theme, because each merge must agree with all members, not
with their mean direction. Merging at the end also sees the document
frequencies of the whole batch, and the result depends much less on the order
the articles came in than one greedy pass does.

An article left alone by the merging is often a report from another angle of a
story that is well told elsewhere: its mean cosine with that story is below
``merge_threshold``, but far above its cosine with any other story. So, last,
:meth:`StoryGrouper.refine` attaches a story of one article to its most similar
candidate when their mean cosine reaches ``attach_threshold`` and is at least
``attach_margin`` times the second best. A margin, not a lower threshold: where
many stories share a theme (a campaign, a war) no candidate stands out and the
article stays alone, where its story is the only one of its kind it joins.

Bare headlines (a title, no body) are judged apart, because average linkage
cannot judge them: a dozen title terms have a low cosine with every full
article, so a lone headline's mean similarity to its own story stays under
``merge_threshold``, and a headline counted in a story's centroid and lengths
would make the story look loose to the merges it still needs. So a headline
joins a story by its cosine with the centroid against ``headline_threshold``
(on arrival, and in :meth:`StoryGrouper.refine` for a story made of headlines
only, once the full stories are merged), and it does not move the centroid of
a story told in full (as a near-copy does not). A story of headlines only has
the headlines' centroid until its first full article replaces it.
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from datasketch import MinHash

from ..model import Article
from .centroids import IndexConfig, StoryIndex, Vector
from .features import ArticleFeatures, FeatureConfig, FeatureExtractor
from .groups import Grouping, StoryGroup
from .neardup import NearDuplicateIndex
from .params import DEFAULT_THRESHOLD, HEADLINE_THRESHOLD, GrouperParams
from .refine import StoryTable, refine_stories, widen_range
from .state import GrouperSnapshot, load_state, save_state

__all__ = [
    "DEFAULT_THRESHOLD",
    "HEADLINE_THRESHOLD",
    "GrouperParams",
    "StoryGrouper",
    "extraction_tools",
    "group_articles",
]

log = logging.getLogger(__name__)

#: Distinct headlines of a story scored when its title is chosen.
_TITLE_CANDIDATES = 64


def extraction_tools(params: GrouperParams) -> tuple[FeatureExtractor, NearDuplicateIndex]:
    """The feature extractor and the near-duplicate index (whose MinHash settings
    make the signatures) of a grouper with ``params``; also what
    :mod:`.distributed` workers use, so their features are the grouper's own."""
    dups = NearDuplicateIndex(params.dup_threshold, params.num_perm, capacity=params.dup_capacity)
    return FeatureExtractor(params.features), dups


class StoryGrouper:
    """Groups a stream of articles into stories, one article at a time.

    Per article it keeps only what the result needs (id, source, date, story,
    duplicate link, a headline); the text is dropped once its features are
    computed. See the module docstring for the rules.
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        window_days: int = 7,
        *,
        params: GrouperParams | None = None,
        **options: object,
    ) -> None:
        """``options`` set any other field of :class:`GrouperParams`,
        :class:`~.features.FeatureConfig` or :class:`~.centroids.IndexConfig` by
        name (``lead_terms=200``, ``idf_power=2.0``); ``params`` gives them all at
        once instead (as :meth:`load` does), and then ``threshold`` and
        ``window_days`` are those of ``params``."""
        if params is None:
            features = FeatureConfig(
                **{k: options.pop(k) for k in list(options) if k in FeatureConfig.__slots__}
            )
            index = IndexConfig(
                **{k: options.pop(k) for k in list(options) if k in IndexConfig.__slots__}
            )
            params = GrouperParams(
                threshold=threshold,
                window_days=window_days,
                features=features,
                index=index,
                **options,  # type: ignore[arg-type]
            )
        elif options:
            raise TypeError(f"unexpected options with params: {sorted(options)}")
        self.params = params
        self._window = timedelta(days=params.window_days)
        self._extractor, self._dups = extraction_tools(params)
        self._index = StoryIndex(params.features.n_buckets, params.index)
        # Per article, in input order.
        self._ids: list[str] = []
        self._sources: list[str] = []
        self._dates: list[date | None] = []
        self._headlines: list[str] = []
        self._titled = array("b")
        self._story = array("q")  # story number, -1 when unassigned
        self._dup_of = array("q")  # article number of the original, -1 if none
        self._position: dict[str, int] = {}
        # Per story, by number.
        self._alias = array("q")  # the story it was merged into (itself if alive)
        self._size = array("q")  # articles in its centroid (near-copies, headlines are not)
        self._norm2 = array("d")  # squared length of the sum of their unit vectors
        self._heads = array("b")  # 1 while every member is headline-only
        self._first: list[date | None] = []
        self._last: list[date | None] = []
        self._refined = 0  # stories before this number were checked by refine()
        self._cache: Grouping | None = None
        self._titles: dict[int, str] = {}

    # -- adding articles -----------------------------------------------------

    def add(self, article: Article) -> str | None:
        """Assign ``article`` to a story; return the story's id (None if unassigned).

        An id seen before is not added again: its current story is returned.
        """
        if article.id in self._position:
            return self._repeat(article.id)
        features = self._extractor.extract(article)
        minhash = self._dups.signature(features.shingles) if features is not None else None
        return self._assign(article, features, minhash)

    def add_extracted(
        self, article: Article, features: ArticleFeatures | None, signature: np.ndarray | None
    ) -> str | None:
        """:meth:`add` with the article's features and MinHash values computed
        elsewhere (by :func:`extract_features`, on another process or machine).

        Extraction is a pure function of the article and the settings, so this
        assigns exactly as :meth:`add` would; only the assignment, which
        depends on every earlier article, has to run here, in input order.
        """
        if article.id in self._position:
            return self._repeat(article.id)
        minhash = self._dups.from_values(signature) if signature is not None else None
        return self._assign(article, features, minhash)

    def _repeat(self, article_id: str) -> str | None:
        log.warning("article %r was already added; ignoring the repeat", article_id)
        story = self._story[self._position[article_id]]
        return None if story < 0 else self._story_id(self._root(story))

    def _assign(
        self, article: Article, features: ArticleFeatures | None, minhash: MinHash | None
    ) -> str | None:
        number = len(self._ids)
        self._position[article.id] = number
        self._ids.append(article.id)
        self._sources.append(article.source)
        self._dates.append(article.published)
        self._cache = None

        if features is None:
            self._headlines.append("")
            self._titled.append(0)
            self._story.append(-1)
            self._dup_of.append(-1)
            return None
        self._headlines.append(features.headline)
        self._titled.append(1 if features.has_title else 0)

        index = self._index
        index.observe(features.terms)
        query = index.vector(features.terms, features.weights)
        original = self._dups.find(minhash) if minhash is not None else None
        if original is not None:
            story = self._root(self._story[original[0]])
            self._dup_of.append(original[0])
        else:
            self._dup_of.append(-1)
            threshold = (
                self.params.headline_threshold if features.headline_only else self.params.threshold
            )
            story, similarity = self._best_story(query, article.published, threshold)
            if story is None:
                story = index.new_story(query)
                self._alias.append(story)
                self._size.append(1)
                self._norm2.append(1.0)
                self._heads.append(1 if features.headline_only else 0)
                self._first.append(None)
                self._last.append(None)
            elif features.headline_only and not self._heads[story]:
                pass  # a bare headline does not move a story told in full
            elif self._heads[story] and not features.headline_only:
                # The first full article: the story is now told by it alone.
                index.reset(story, query)
                self._size[story] = 1
                self._norm2[story] = 1.0
                self._heads[story] = 0
            else:
                index.add(story, query)
                self._size[story] += 1
                # |S + x|^2 = |S|^2 + 2 |S| cos(x, S) + 1 for a unit vector x.
                norm2 = self._norm2[story]
                self._norm2[story] = norm2 + 2.0 * similarity * norm2**0.5 + 1.0
            if minhash is not None:
                self._dups.insert(number, minhash)
        self._story.append(story)
        self._widen(story, article.published, article.published)
        self._titles.pop(story, None)
        return self._story_id(story)

    def add_many(self, articles: Iterable[Article], progress: bool = False) -> None:
        """Add articles in order (a batch is the same as a stream)."""
        if progress:
            from tqdm import tqdm

            articles = tqdm(articles, unit="article", desc="grouping")
        for article in articles:
            self.add(article)

    def _best_story(
        self, query: Vector, published: date | None, threshold: float
    ) -> tuple[int | None, float]:
        """The most similar candidate story the article may join, if any, and
        the cosine of the article with its centroid."""
        stories = self._index.candidates(query)
        if not stories:
            return None, 0.0
        similarities = self._index.similarities(query, stories)
        override = self.params.time_override
        for rank in np.argsort(-similarities, kind="stable").tolist():
            similarity = float(similarities[rank])
            if similarity < threshold:
                break
            story = stories[rank]
            if similarity >= override or self._in_window(story, published):
                return story, similarity
        return None, 0.0

    def _in_window(self, story: int, published: date | None) -> bool:
        first, last = self._first[story], self._last[story]
        if published is None or first is None or last is None:
            return True
        return first - self._window <= published <= last + self._window

    def _widen(self, story: int, first: date | None, last: date | None) -> None:
        """Extend a story's date range to cover ``first``..``last``."""
        widen_range(self._first, self._last, story, first, last)

    # -- merging -------------------------------------------------------------

    def refine(self) -> int:
        """Merge stories by average linkage while a pair reaches ``merge_threshold``.

        Assignment is greedy and in order of arrival, so a story can be split
        when its first reports were told from different angles. This pass
        joins, best pair first, the two stories whose members are on average
        most alike (:meth:`~.centroids.StoryIndex.linkage`, with the document
        frequencies of everything seen so far), re-scoring a merged story
        against its candidates, until no pair reaches the threshold. Each story
        is compared with its candidates only (as an article would be), and
        only stories opened since the last refine are looked at anew, so
        repeated calls on a stream stay cheap. The younger story is folded into
        the older one, whose id survives. Returns the number of merges.

        Then each new story of a single article (bare headlines that joined it
        count, near-copies do not) joins its most similar candidate if their
        mean cosine reaches ``attach_threshold`` and is at least
        ``attach_margin`` times that with the second best candidate (see the
        module docstring).

        Stories of bare headlines only take no part in the linkage; when it is
        done, each one met along the way (new, or a candidate of a new story)
        joins its most similar candidate if their centroids' cosine reaches
        ``headline_threshold``, as a headline does on arrival: by then the full
        stories are whole, so the headline finds the story, not a fragment.
        """
        table = StoryTable(
            self._index, self._alias, self._size, self._norm2, self._heads,
            self._first, self._last, self._titles, self._window,
        )  # fmt: skip
        merges = refine_stories(table, self.params, self._refined, self._story, self._dup_of)
        self._refined = len(self._alias)
        if merges:
            self._cache = None
            log.info("refine merged %d stories", merges)
        return merges

    def _root(self, story: int) -> int:
        alias = self._alias
        root = story
        while alias[root] != root:
            root = alias[root]
        while alias[story] != root:
            alias[story], story = root, alias[story]
        return root

    # -- results -------------------------------------------------------------

    @staticmethod
    def _story_id(story: int) -> str:
        return f"s{story + 1}"

    def __len__(self) -> int:
        return len(self._ids)

    def grouping(self) -> Grouping:
        """The stories so far (in order of their first article) and the unassigned."""
        if self._cache is not None:
            return self._cache
        members: dict[int, list[int]] = {}
        unassigned = []
        for number, story in enumerate(self._story):
            if story < 0:
                unassigned.append(self._ids[number])
            else:
                members.setdefault(self._root(story), []).append(number)
        stories = tuple(self._group(story, members[story]) for story in sorted(members))
        self._cache = Grouping(stories, tuple(unassigned))
        return self._cache

    def _group(self, story: int, numbers: list[int]) -> StoryGroup:
        ids = self._ids
        dates = [self._dates[n] for n in numbers if self._dates[n] is not None]
        title = self._titles.get(story)
        if title is None:
            title = self._titles[story] = self._title(story, numbers)
        return StoryGroup(
            id=self._story_id(story),
            title=title,
            articles=tuple(ids[n] for n in numbers),
            sources=tuple(sorted({self._sources[n] for n in numbers})),
            first_published=min(dates) if dates else None,
            last_published=max(dates) if dates else None,
            duplicates={ids[n]: ids[self._dup_of[n]] for n in numbers if self._dup_of[n] >= 0},
        )

    def _title(self, story: int, numbers: list[int]) -> str:
        """The headline closest to the story's centroid.

        Titles are preferred to lead sentences (they are written to name the
        story); among them, the one whose terms best match the centroid is the
        one that best says what all the articles share.
        """
        titled = [n for n in numbers if self._titled[n]]
        pool = titled or numbers
        headlines: list[str] = []
        for n in pool:
            headline = self._headlines[n]
            if headline and headline not in headlines:
                headlines.append(headline)
                if len(headlines) == _TITLE_CANDIDATES:
                    break
        if len(headlines) < 2:
            return headlines[0] if headlines else ""
        index = self._index
        best, best_score = headlines[0], -1.0
        for headline in headlines:
            terms, weights = self._extractor.headline_vector(headline)
            if not len(terms):
                continue
            score = float(index.similarities(index.vector(terms, weights), [story])[0])
            if score > best_score:
                best, best_score = headline, score
        return best

    # -- persistence ---------------------------------------------------------

    def snapshot(self) -> GrouperSnapshot:
        """What :mod:`.state` saves: the grouper's records as they are now
        (shared, not copied)."""
        index = self._index
        dup_keys, dup_signatures = self._dups.state()
        return GrouperSnapshot(
            params=self.params,
            refined=self._refined,
            ids=self._ids,
            sources=self._sources,
            dates=self._dates,
            headlines=self._headlines,
            titled=self._titled,
            story=self._story,
            dup_of=self._dup_of,
            alias=self._alias,
            size=self._size,
            norm2=self._norm2,
            heads=self._heads,
            first=self._first,
            last=self._last,
            n_docs=index.n_docs,
            df=index.df,
            centroid_terms=index.centroid_terms,
            centroid_weights=index.centroid_weights,
            postings=index.postings,
            dup_keys=dup_keys,
            dup_signatures=dup_signatures,
        )

    @classmethod
    def from_snapshot(cls, snapshot: GrouperSnapshot) -> StoryGrouper:
        """A grouper that goes on from ``snapshot`` (which it then owns)."""
        grouper = cls(params=snapshot.params)
        grouper._ids = snapshot.ids
        grouper._sources = snapshot.sources
        grouper._dates = snapshot.dates
        grouper._headlines = snapshot.headlines
        grouper._titled = snapshot.titled
        grouper._story = snapshot.story
        grouper._dup_of = snapshot.dup_of
        grouper._position = {article: n for n, article in enumerate(snapshot.ids)}
        grouper._alias = snapshot.alias
        grouper._size = snapshot.size
        grouper._norm2 = snapshot.norm2
        grouper._heads = snapshot.heads
        grouper._first = snapshot.first
        grouper._last = snapshot.last
        grouper._refined = snapshot.refined
        index = grouper._index
        index.n_docs = snapshot.n_docs
        index.df = snapshot.df
        index.centroid_terms = snapshot.centroid_terms
        index.centroid_weights = snapshot.centroid_weights
        index.postings = snapshot.postings
        grouper._dups.restore(snapshot.dup_keys, snapshot.dup_signatures)
        return grouper

    def save(self, directory: Path) -> None:
        """Write the state to ``directory`` so that a later process can go on
        (atomically: a reader sees this state or the previous one, see
        :func:`.state.save_state`)."""
        save_state(self.snapshot(), Path(directory))

    @classmethod
    def load(cls, directory: Path) -> StoryGrouper:
        """A grouper that continues from the state saved in ``directory``."""
        return cls.from_snapshot(load_state(Path(directory)))


def group_articles(
    articles: Iterable[Article], *, refine: bool = True, progress: bool = False, **params
) -> Grouping:
    """Group ``articles`` into stories in one call (see :class:`StoryGrouper`;
    ``params`` are its options). ``refine`` runs the merging pass at the end."""
    grouper = StoryGrouper(**params)
    grouper.add_many(articles, progress=progress)
    if refine:
        grouper.refine()
    return grouper.grouping()
