"""What the grouper knows of an article: lead terms, text shingles, a headline.

Two views of the same cleaned text serve two different questions:

* *Is this the same story?* A story is told in the headline and the first
  paragraphs; the rest of an article is background that different stories share
  (the history of a war, the career of a politician). So the topic vector holds
  the title's terms plus the first ``lead_terms`` content terms of the body,
  each occurrence weighted down the further it comes from the top.
* *Is this the same text?* Syndicated copies and light rewrites share long runs
  of words anywhere in the body, so near-duplicates are judged on shingles
  (runs of ``shingle_size`` content terms) of the whole text.

Terms are hashed into a fixed number of buckets with a stable hash (CRC-32),
not numbered by a vocabulary. That keeps memory bounded however many words a
stream brings, and makes features computed in one process comparable with the
state a previous process saved (Python's own ``hash`` is salted per process).
"""

from __future__ import annotations

import logging
import re
import sys
import zlib
from dataclasses import dataclass

import numpy as np

from ..align import Analyzer
from ..clean import clean_text
from ..model import Article
from ..segment import split_sentences

log = logging.getLogger(__name__)

#: Words of a lead sentence kept when it stands in for a missing title.
HEADLINE_WORDS = 15
#: Multiplier of the polynomial that combines term hashes into a shingle hash.
_SHINGLE_BASE = np.uint64(1_000_003)
#: Terms an analyzer may learn before it is replaced (bounds its memory).
_VOCABULARY_LIMIT = 200_000
#: Characters of the first paragraph searched for the lead sentence.
_LEAD_CHARS = 600
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """How articles are turned into features (saved with a grouper's state)."""

    #: Content terms of the body that make up the lead (about twice as many words).
    lead_terms: int = 300
    #: Weight of a title term, added to its lead weight: titles name the story.
    title_weight: float = 2.0
    #: Weight of a pair of consecutive lead terms relative to a single term
    #: (0: no pairs). Pairs tell "White House" from "white" and "house".
    bigram_weight: float = 0.0
    #: Position scale of the lead weighting: a term's occurrence at position p
    #: counts 1 / (1 + p / lead_decay) (0: every occurrence counts 1).
    lead_decay: float = 30.0
    #: Number of hash buckets of the term space (a power of two).
    n_buckets: int = 1 << 20
    #: Content terms per shingle for near-duplicate detection.
    shingle_size: int = 5
    #: Content terms of the body shingled at most (bounds the cost of long texts).
    max_shingle_terms: int = 2000
    #: An article needs this many words of cleaned body text...
    min_words: int = 5
    #: ...or this many content terms in its title, else it is unassigned.
    min_title_terms: int = 2

    def __post_init__(self) -> None:
        if self.n_buckets < 2 or self.n_buckets & (self.n_buckets - 1):
            raise ValueError(f"n_buckets must be a power of two, got {self.n_buckets}")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """The features of one usable article.

    ``terms`` are sorted distinct bucket ids and ``weights`` their raw weights
    (lead frequency plus the title bonus, no IDF yet: document
    frequencies keep changing while a stream comes in, so IDF is applied when
    vectors are compared). ``shingles`` are 32-bit hashes of the body's term
    shingles, empty when the body is too short to have one. ``headline_only``
    says the article is a title without usable body text.
    """

    terms: np.ndarray
    weights: np.ndarray
    shingles: list[int]
    headline: str
    has_title: bool
    headline_only: bool = False


class FeatureExtractor:
    """Cleans articles and computes their :class:`ArticleFeatures`.

    One extractor is kept for a whole stream, so that the analyzer's token
    cache and the term hash cache pay off across articles.
    """

    def __init__(self, config: FeatureConfig | None = None) -> None:
        self.config = config or FeatureConfig()
        self._reset()

    def _reset(self) -> None:
        """Start a fresh analyzer, and with it a fresh cache of term hashes.

        The analyzer's own bound would renumber its terms behind our back, so
        it is given none and replaced here, with the cache that follows its
        numbering, once its vocabulary reaches ``_VOCABULARY_LIMIT``.
        """
        self.analyzer = Analyzer(max_tokens=sys.maxsize)
        self._hash_of_id = np.zeros(1024, dtype=np.uint64)  # grown by doubling
        self._hashed = 0  # terms of the vocabulary hashed so far

    def extract(self, article: Article) -> ArticleFeatures | None:
        """The features of ``article``, or None when it has no usable text."""
        config = self.config
        if len(self.analyzer.vocabulary) > _VOCABULARY_LIMIT:
            self._reset()
        body = _clean(article) if article.text else ""
        title = " ".join(article.title.split()) if article.title else ""
        if len(body.split()) < config.min_words:
            body = ""
        ids, (n_title, n_body) = self.analyzer.batch_ids([title, body])
        if n_title < config.min_title_terms and not body:
            return None
        if n_title + n_body == 0:
            return None
        hashes = self._term_hashes(ids[: n_title + config.max_shingle_terms])
        title_hashes, body_hashes = hashes[:n_title], hashes[n_title:]
        terms, weights = self._weights(title_hashes, body_hashes[: config.lead_terms])
        return ArticleFeatures(
            terms=terms,
            weights=weights,
            shingles=self._shingles(body_hashes),
            headline=title or lead_sentence(body),
            has_title=bool(title),
            headline_only=not n_body,
        )

    def headline_vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Bucket ids and raw weights of a short text (a headline), for scoring."""
        hashes = self._term_hashes(self.analyzer.batch_ids([text])[0])
        return self._weights(hashes[:0], hashes)

    def _term_hashes(self, ids: np.ndarray) -> np.ndarray:
        """Stable 32-bit hashes of the analyzer's term ids, one per token."""
        vocabulary = self.analyzer.vocabulary
        known, size = self._hashed, len(vocabulary)
        if size > known:
            if size > len(self._hash_of_id):
                grown = np.zeros(max(size, 2 * len(self._hash_of_id)), dtype=np.uint64)
                grown[:known] = self._hash_of_id[:known]
                self._hash_of_id = grown
            self._hash_of_id[known:size] = np.fromiter(
                (zlib.crc32(term.encode("utf-8")) for term in vocabulary[known:]),
                dtype=np.uint64,
                count=size - known,
            )
            self._hashed = size
        return self._hash_of_id[ids]

    def _weights(
        self, title_hashes: np.ndarray, lead_hashes: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Lead weight plus ``title_weight`` per title term, by bucket.

        A lead term's weight grows with its occurrences, each counted less the
        later it comes (``lead_decay``), and sublinearly, so that one word
        repeated down the article does not outweigh the story's other terms.
        """
        config = self.config
        mask = np.uint64(config.n_buckets - 1)
        if config.lead_decay > 0:
            lead, where = np.unique(lead_hashes & mask, return_inverse=True)
            position = np.arange(len(lead_hashes), dtype=np.float64)
            mass = np.bincount(where, weights=1.0 / (1.0 + position / config.lead_decay))
            parts = [lead]
            values = [np.log1p(mass) / np.log(2.0)]
        else:
            lead, lead_counts = np.unique(lead_hashes & mask, return_counts=True)
            parts = [lead]
            values = [1.0 + np.log(lead_counts)]
        if config.bigram_weight and len(lead_hashes) > 1:
            pairs = _combine(lead_hashes[:-1], lead_hashes[1:])
            pair_buckets, pair_counts = np.unique(pairs & mask, return_counts=True)
            parts.append(pair_buckets)
            values.append(config.bigram_weight * (1.0 + np.log(pair_counts)))
        if len(title_hashes):
            title = np.unique(title_hashes & mask)
            parts.append(title)
            values.append(np.full(len(title), config.title_weight))
        if len(parts) == 1:
            return lead.astype(np.int64), values[0]
        terms, where = np.unique(np.concatenate(parts).astype(np.int64), return_inverse=True)
        return terms, np.bincount(where, weights=np.concatenate(values), minlength=len(terms))

    def _shingles(self, hashes: np.ndarray) -> list[int]:
        """32-bit hashes of the runs of ``shingle_size`` consecutive terms."""
        size = self.config.shingle_size
        count = len(hashes) - size + 1
        if count < 1:
            return []
        combined = hashes[:count]
        for offset in range(1, size):
            combined = _combine(combined, hashes[offset : offset + count])
        return np.unique(combined).tolist()


def _combine(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """A 32-bit hash of each pair (left[i], right[i]) of 32-bit hashes."""
    combined = left * _SHINGLE_BASE + right
    return (combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


def _clean(article: Article) -> str:
    """The cleaned text of ``article``; its raw text if the cleaner fails.

    One article the cleaner chokes on must not stop a stream of thousands.
    """
    try:
        return clean_text(article.text)
    except Exception:  # a cleaner bug; the raw text still says what the story is
        log.warning(
            "cleaning failed for article %r; grouping its raw text", article.id, exc_info=True
        )
        return article.text


def lead_sentence(body: str, words: int = HEADLINE_WORDS) -> str:
    """The first sentence of ``body``, cut to about ``words`` words.

    It stands in for a title: news puts the event in its first sentence.
    """
    first = next((line for line in body.split("\n", 8) if _HAS_WORD.search(line)), "")
    first = " ".join(first[:_LEAD_CHARS].split())
    if not first:
        return ""
    sentences = split_sentences(first)
    sentence = sentences[0] if sentences else first
    tokens = sentence.split()
    if len(tokens) <= words:
        return sentence
    return " ".join(tokens[:words]).rstrip(",;:-–—") + "…"
