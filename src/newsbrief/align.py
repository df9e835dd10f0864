"""Aligning sentences across articles: which sentences say the same thing.

Every stage after segmentation needs the same view of the sentences: a
TF-IDF vector per sentence (light stemming, numbers normalised so that
'2,500' matches '2500') and, for each sentence, how closely each other
article echoes it. Computing that once here keeps the summarizers and the
citations consistent, and never builds the all-pairs matrix of a large story
at once (rows are processed in blocks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .model import Fact, Story

#: Cosine at which a sentence of another article is taken to report the same fact.
CITE_THRESHOLD = 0.3
#: Upper bound on the cells of one block of the similarity matrix.
_BLOCK_CELLS = 2_000_000

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "according",
        "mr",
        "mrs",
        "ms",
        "one",
        "two",
        "new",
        "year",
        "years",
        "also",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "us",
        "it's",
        "he's",
        "she's",
        "that's",
        "there's",
    ]
)


def stem(word: str) -> str:
    """A light English stemmer: plurals and common verb endings only.

    Aggressive stemmers conflate news words that differ ('general'/'generate');
    matching facts needs only 'fighters' = 'fighter' and 'breached' = 'breach'.
    """
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    n = len(word)
    if n > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if n > 4 and word.endswith("sses"):
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
        n -= 1
    if n > 5 and word.endswith("ing"):
        return word[:-3]
    if n > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    return word


def content_terms(text: str, cache: dict[str, str] | None = None) -> list[str]:
    """The stemmed content words of ``text``; numbers lose their separators."""
    cache = {} if cache is None else cache
    terms = []
    for token in _TOKEN.findall(text.lower()):
        if token[0].isdigit():
            terms.append(token.replace(",", ""))
            continue
        if token in STOPWORDS or len(token) < 2:
            continue
        stemmed = cache.get(token)
        if stemmed is None:
            stemmed = cache[token] = stem(token)
        terms.append(stemmed)
    return terms


@dataclass(slots=True)
class SentenceSpace:
    """The story's sentences as vectors, with the cross-article echoes.

    ``vectors`` are L2-normalised TF-IDF rows (CSR); ``starts`` the first row of
    each article (rows are in article order); ``echo[i, a]`` the best cosine
    between sentence ``i`` and any sentence of article ``a`` (0 for its own).
    """

    vectors: sp.csr_matrix
    starts: np.ndarray
    echo: np.ndarray
    lengths: np.ndarray
    vocabulary: dict[str, int]

    @property
    def n_articles(self) -> int:
        return len(self.starts)

    def article_of(self, rows: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.starts, rows, side="right") - 1

    def support(self, threshold: float = CITE_THRESHOLD) -> np.ndarray:
        """How many other articles report each sentence's fact."""
        return (self.echo >= threshold).sum(axis=1)

    def citing_articles(self, row: int, threshold: float = CITE_THRESHOLD) -> list[int]:
        """The articles that report the fact of sentence ``row``, its own first."""
        own = int(self.article_of(np.array([row]))[0])
        others = np.flatnonzero(self.echo[row] >= threshold)
        return [own, *sorted(int(a) for a in others if a != own)]

    def fact(self, row: int, threshold: float = CITE_THRESHOLD) -> Fact:
        """The fact of sentence ``row``: it and its best echo in each citing article."""
        articles = self.citing_articles(row, threshold)
        sims = (self.vectors @ self.vectors[row].T).toarray().ravel()
        arts = self.article_of(np.arange(self.vectors.shape[0]))
        sentences = [row]
        for a in articles[1:]:
            members = np.flatnonzero(arts == a)
            sentences.append(int(members[np.argmax(sims[members])]))
        return Fact(sentences=tuple(sentences), articles=tuple(articles))


def build_space(story: Story) -> SentenceSpace:
    """Vectorise ``story.sentences`` (which must be in article order)."""
    sentences = story.sentences
    n = len(sentences)
    cache: dict[str, str] = {}
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[float] = []
    lengths = np.empty(n, dtype=np.int32)
    for i, sentence in enumerate(sentences):
        lengths[i] = len(sentence.text.split())
        bag: dict[int, int] = {}
        for term in content_terms(sentence.text, cache):
            j = vocabulary.setdefault(term, len(vocabulary))
            bag[j] = bag.get(j, 0) + 1
        indices.extend(bag)
        counts.extend(bag.values())
        indptr.append(len(indices))
    tf = sp.csr_matrix(
        (np.asarray(counts, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(n, len(vocabulary)),
    )
    tf.data = 1.0 + np.log(tf.data)
    df = np.bincount(tf.indices, minlength=len(vocabulary))
    idf = np.log((n + 1) / (df + 1)) + 1.0
    vectors = tf @ sp.diags(idf)
    norms = np.sqrt(vectors.multiply(vectors).sum(axis=1)).A.ravel()
    norms[norms == 0] = 1.0
    vectors = sp.csr_matrix(sp.diags(1.0 / norms) @ vectors)

    article_ids = np.fromiter((s.article for s in sentences), dtype=np.int64, count=n)
    n_articles = len(story.articles)
    starts = np.searchsorted(article_ids, np.arange(n_articles))
    echo = _echo(vectors, article_ids, starts, n_articles)
    return SentenceSpace(vectors, starts, echo, lengths, vocabulary)


def _echo(
    vectors: sp.csr_matrix, article_ids: np.ndarray, starts: np.ndarray, n_articles: int
) -> np.ndarray:
    """Best cosine of each sentence with each article, in bounded blocks."""
    n = vectors.shape[0]
    echo = np.zeros((n, n_articles), dtype=np.float32)
    if n == 0 or n_articles < 2:
        return echo
    nonempty = np.flatnonzero(np.diff(np.append(starts, n)) > 0)
    block = max(1, _BLOCK_CELLS // max(n, 1))
    transposed = vectors.T.tocsc()
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        sims = (vectors[lo:hi] @ transposed).toarray()
        maxima = np.maximum.reduceat(sims, starts[nonempty], axis=1)
        echo[lo:hi, nonempty] = maxima
        echo[np.arange(lo, hi), article_ids[lo:hi]] = 0.0
    return echo
