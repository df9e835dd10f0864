"""Story centroids, document frequencies and the inverted index that finds
the stories a new article may belong to.

Comparing a new article with every story would make grouping quadratic. Each
story is instead posted under its few most distinctive terms, and an article
is compared only with the stories posted under its own most distinctive terms
(a handful of candidates whatever the number of stories). Posting lists are
capped, dropping their oldest stories first, so that the index stays bounded
and a common term does not drag in every story of the past months.

Document frequencies grow as the stream comes in, and a story's centroid
summarises articles seen at different times, so vectors are kept *without*
IDF and weighted with the current IDF each time they are compared: the first
articles of a stream are not stuck with the flat IDF of an almost empty
collection. A centroid is the sum of its members' vectors (each scaled to
unit length when it joined, so that a long article weighs no more than a
short one), which has the direction of their mean; it is truncated to its
``centroid_terms`` heaviest terms, so a story of a thousand articles costs no
more memory than one of ten.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class IndexConfig:
    """Sizes of the centroids and of the candidate search (saved with the state)."""

    #: Terms kept per centroid.
    centroid_terms: int = 200
    #: Heaviest centroid terms under which a story is posted.
    index_terms: int = 20
    #: Heaviest article terms whose postings are searched.
    query_terms: int = 24
    #: Stories compared with an article at most (best by shared term weight).
    max_candidates: int = 32
    #: Stories kept per posting list (the oldest go first).
    posting_limit: int = 64
    #: Exponent of the IDF: above 1 it lets rare terms (names) decide more.
    idf_power: float = 1.5


@dataclass(frozen=True, slots=True)
class Vector:
    """An IDF-weighted unit vector over sorted bucket ids."""

    terms: np.ndarray
    weights: np.ndarray


class StoryIndex:
    """Centroids of the stories, the document frequencies, the postings."""

    def __init__(self, n_buckets: int, config: IndexConfig | None = None) -> None:
        self.config = config or IndexConfig()
        self.n_buckets = n_buckets
        self.df = np.zeros(n_buckets, dtype=np.int32)
        self.n_docs = 0
        self.centroid_terms: list[np.ndarray | None] = []
        self.centroid_weights: list[np.ndarray | None] = []
        self.postings: dict[int, list[int]] = {}
        self._query = np.zeros(n_buckets, dtype=np.float64)

    # -- weighting -----------------------------------------------------------

    def observe(self, terms: np.ndarray) -> None:
        """Count a document's terms in the document frequencies."""
        self.df[terms] += 1
        self.n_docs += 1

    def idf(self, terms: np.ndarray) -> np.ndarray:
        """Smoothed IDF of ``terms`` with the frequencies seen so far."""
        idf = np.log((self.n_docs + 1.0) / (self.df[terms] + 1.0)) + 1.0
        power = self.config.idf_power
        return idf if power == 1.0 else idf**power

    def vector(self, terms: np.ndarray, weights: np.ndarray) -> Vector:
        """The IDF-weighted unit vector of raw term weights."""
        weighted = weights * self.idf(terms)
        norm = float(np.sqrt(weighted @ weighted))
        return Vector(terms, weighted / norm if norm else weighted)

    def centroid_vector(self, story: int) -> Vector:
        """A story's centroid as an IDF-weighted unit vector (for merging)."""
        terms, weights = self.centroid_terms[story], self.centroid_weights[story]
        assert terms is not None and weights is not None, "story was merged away"
        return self.vector(terms, weights.astype(np.float64))

    # -- search --------------------------------------------------------------

    def candidates(self, query: Vector) -> list[int]:
        """Live stories sharing distinctive terms with ``query``, best first.

        Candidates are ranked by the summed query weight of the terms they are
        posted under, and ties by age, so the result is deterministic.
        """
        config = self.config
        terms, weights = query.terms, query.weights
        if len(terms) > config.query_terms:
            top = np.argpartition(weights, -config.query_terms)[-config.query_terms :]
            terms, weights = terms[top], weights[top]
        scores: dict[int, float] = {}
        postings = self.postings
        for term, weight in zip(terms.tolist(), weights.tolist(), strict=True):
            for story in postings.get(term, ()):
                scores[story] = scores.get(story, 0.0) + weight
        alive = self.centroid_terms
        ranked = [s for s in scores if alive[s] is not None]
        if len(ranked) > config.max_candidates:
            return heapq.nsmallest(config.max_candidates, ranked, key=lambda s: (-scores[s], s))
        return sorted(ranked, key=lambda s: (-scores[s], s))

    def similarities(self, query: Vector, stories: list[int]) -> np.ndarray:
        """Cosine of ``query`` with each story's centroid (current IDF)."""
        dots, norms = self._dots(query.terms, query.weights, stories)
        return dots / np.where(norms > 0, norms, 1.0)

    def linkage(self, story: int, others: list[int], cohesion: np.ndarray) -> np.ndarray:
        """Mean cosine between a member of ``story`` and a member of each of
        ``others`` (average linkage); ``cohesion`` holds each story's mean
        cosine of its members' unit vectors with their own mean vector, i.e.
        the length of that mean (see :meth:`.grouper.StoryGrouper.refine`).

        A centroid is the sum of its members' unit vectors, so the dot product
        of two centroids is the sum of the cosines of all member pairs: the
        mean needs no pairwise comparison, and it is the cosine of the two
        centroids times the two cohesions. The cosine comes from the centroids
        with the current IDF; the lengths are tracked as members join, because
        centroids summed under the IDF of different times have lost them.
        Unlike the cosine alone, the mean falls when a story is loose, so two
        broad stories that share a theme are not merged for it.
        """
        query = self.centroid_vector(story)
        dots, norms = self._dots(query.terms, query.weights, others)
        cosine = dots / np.where(norms > 0, norms, 1.0)
        return cosine * cohesion[story] * cohesion[others]

    def _dots(
        self, terms: np.ndarray, weights: np.ndarray, stories: list[int]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Dot products of a weighted vector with each story's IDF-weighted
        centroid, and the centroids' norms."""
        if not stories:
            return np.zeros(0), np.zeros(0)
        centroids = [self.centroid_terms[s] for s in stories]
        sizes = np.fromiter((len(t) for t in centroids), dtype=np.int64, count=len(stories))
        flat = np.concatenate(centroids)
        weighted = np.concatenate([self.centroid_weights[s] for s in stories]) * self.idf(flat)
        starts = np.zeros(len(stories), dtype=np.int64)
        np.cumsum(sizes[:-1], out=starts[1:])
        buffer = self._query
        buffer[terms] = weights
        dots = np.add.reduceat(buffer[flat] * weighted, starts)
        buffer[terms] = 0.0
        return dots, np.sqrt(np.add.reduceat(weighted * weighted, starts))

    # -- updates -------------------------------------------------------------

    def new_story(self, query: Vector) -> int:
        """Open a story whose centroid is ``query``; return its number."""
        story = len(self.centroid_terms)
        self.centroid_terms.append(None)
        self.centroid_weights.append(None)
        self._set(story, query.terms, self._raw(query))
        return story

    def add(self, story: int, query: Vector) -> None:
        """Add a member's vector to a story's centroid."""
        self._accumulate(story, query.terms, self._raw(query))

    def merge(self, target: int, source: int, centroid: int | None = None) -> None:
        """Fold story ``source`` into ``target``; ``source`` is dead afterwards.

        The merged centroid is the sum of both, or the centroid of story
        ``centroid`` (one of the two) alone, when the other's members are not
        to count (bare headlines joining a story told in full).
        """
        terms, weights = self.centroid_terms[source], self.centroid_weights[source]
        assert terms is not None and weights is not None, "story was merged away"
        self.centroid_terms[source] = self.centroid_weights[source] = None
        if centroid is None:
            self._accumulate(target, terms, weights.astype(np.float64))
        elif centroid == source:
            self._set(target, terms, weights.astype(np.float64))

    def reset(self, story: int, query: Vector) -> None:
        """Make ``query`` the whole centroid of ``story``."""
        self._set(story, query.terms, self._raw(query))

    def alive(self, story: int) -> bool:
        return self.centroid_terms[story] is not None

    def _raw(self, query: Vector) -> np.ndarray:
        """Undo the IDF of a unit query vector: the member's contribution is its
        raw weights scaled to unit weighted length, so IDF can be re-applied."""
        return query.weights / self.idf(query.terms)

    def _accumulate(self, story: int, terms: np.ndarray, weights: np.ndarray) -> None:
        old_terms, old_weights = self.centroid_terms[story], self.centroid_weights[story]
        assert old_terms is not None and old_weights is not None, "story was merged away"
        merged, where = np.unique(np.concatenate([old_terms, terms]), return_inverse=True)
        values = np.bincount(
            where, weights=np.concatenate([old_weights, weights]), minlength=len(merged)
        )
        self._set(story, merged, values)

    def _set(self, story: int, terms: np.ndarray, weights: np.ndarray) -> None:
        """Store a centroid, truncated to its heaviest terms, and post it."""
        config = self.config
        weighted = weights * self.idf(terms)
        size = config.centroid_terms
        if len(terms) > size:
            keep = np.sort(np.argpartition(weighted, -size)[-size:])
            terms, weights, weighted = terms[keep], weights[keep], weighted[keep]
        self.centroid_terms[story] = terms.astype(np.int32)
        self.centroid_weights[story] = weights.astype(np.float32)
        top = terms
        if len(terms) > config.index_terms:
            top = terms[np.argpartition(weighted, -config.index_terms)[-config.index_terms :]]
        limit = config.posting_limit
        postings = self.postings
        for term in top.tolist():
            posting = postings.get(term)
            if posting is None:
                postings[term] = [story]
            elif story not in posting:
                posting.append(story)
                if len(posting) > limit:
                    del posting[0]
