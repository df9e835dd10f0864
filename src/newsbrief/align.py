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
from itertools import chain

import numpy as np
import scipy.sparse as sp

from .lang.en.stopwords import ANALYZER_STOPWORDS
from .model import Story

#: Cosine at which a sentence of another article is taken to report the same fact.
CITE_THRESHOLD = 0.3
#: Upper bound on the cells of one block of the similarity matrix.
_BLOCK_CELLS = 2_000_000

_TOKEN = re.compile(r"\w+(?:[.,'’]\w+)*")

#: Tokens that get no term (the analyzer's list of :mod:`.lang.en.stopwords`).
STOPWORDS = ANALYZER_STOPWORDS


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
    if n > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
        n -= 1
    if n > 5 and word.endswith("ing"):
        return word[:-3]
    if n > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    return word


def _term(token: str) -> str:
    """The index term of a lowercase token; '' for tokens that carry no content."""
    if token[0].isdigit():
        return token.replace(",", "")
    if token in STOPWORDS or len(token) < 2:
        return ""
    return stem(token)


class Analyzer:
    """Turns text into index terms, remembering the term of every token it saw.

    News repeats its vocabulary from sentence to sentence and story to story,
    so one analyzer kept across the stories of a run looks most tokens up
    instead of stemming them again. Terms get ids shared by every story the
    analyzer sees; the memory is bounded by ``max_tokens``. Those ids are a
    cache key, not a result: :func:`build_space` renumbers the columns of each
    story by first use, so a brief never depends on the analyzer's history.
    """

    def __init__(self, max_tokens: int = 200_000) -> None:
        self.max_tokens = max_tokens
        self._ids: dict[str, int] = {}
        self._term_ids: dict[str, int] = {}
        self.vocabulary: list[str] = []

    def _lookup(self, token: str) -> int:
        term = _term(token)
        if not term:
            return -1
        term_id = self._term_ids.get(term)
        if term_id is None:
            term_id = self._term_ids[term] = len(self.vocabulary)
            self.vocabulary.append(term)
        return term_id

    def term_ids(self, text: str) -> list[int]:
        """Ids of the content terms of ``text``, in order (see :attr:`vocabulary`)."""
        ids = self._ids
        if len(ids) > self.max_tokens:
            ids.clear()
            self._term_ids.clear()
            self.vocabulary.clear()
        lookup = self._lookup
        out = []
        for token in _TOKEN.findall(text.lower()):
            term_id = ids.get(token)
            if term_id is None:
                term_id = ids[token] = lookup(token)
            if term_id >= 0:
                out.append(term_id)
        return out

    def batch_ids(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Term ids of many texts at once: (flat ids, the number of ids of each text).

        The same as :meth:`term_ids` per text, but tokens are looked up in one
        C-level pass, which is most of the cost of aligning a story.
        """
        if len(self._ids) > self.max_tokens:
            self._ids.clear()
            self._term_ids.clear()
            self.vocabulary.clear()
        tokens = [_TOKEN.findall(text.lower()) for text in texts]
        flat = list(chain.from_iterable(tokens))
        ids = self._ids
        # New tokens in reading order (not set order): term ids, and so every float sum
        # over them, must not depend on the process's hash seed.
        for token in dict.fromkeys(flat):
            if token not in ids:
                ids[token] = self._lookup(token)
        all_ids = np.fromiter(map(ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        rows = np.repeat(np.arange(len(texts)), [len(t) for t in tokens])
        keep = all_ids >= 0
        sizes = np.bincount(rows[keep], minlength=len(texts))
        return all_ids[keep], sizes

    def terms(self, text: str) -> list[str]:
        """The stemmed content words of ``text``; numbers lose their separators."""
        vocabulary = self.vocabulary
        return [vocabulary[i] for i in self.term_ids(text)]


def content_terms(text: str) -> list[str]:
    """The stemmed content words of ``text`` (see :class:`Analyzer`)."""
    return Analyzer().terms(text)


@dataclass(slots=True)
class SentenceSpace:
    """The story's sentences as vectors, with the cross-article echoes.

    ``vectors`` are L2-normalised TF-IDF rows (CSR); ``starts`` the first row of
    each article (rows are in article order); ``echo[i, a]`` the best cosine
    between sentence ``i`` and any sentence of article ``a`` (0 for its own).
    ``terms`` are the analyzer's ids of the vector columns, which are numbered
    in order of first use in the story (so a space never depends on what the
    analyzer saw before it).
    ``cosines`` is the full sentence-by-sentence matrix when the story is small
    enough to hold it (most are), else None and rows are computed on demand.
    """

    vectors: sp.csr_matrix
    starts: np.ndarray
    echo: np.ndarray
    lengths: np.ndarray
    terms: np.ndarray
    cosines: np.ndarray | None = None

    @property
    def n_articles(self) -> int:
        return len(self.starts)

    def article_of(self, rows: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.starts, rows, side="right") - 1

    def similar_to(self, row: int) -> np.ndarray:
        """Cosine of sentence ``row`` with every sentence."""
        if self.cosines is not None:
            return self.cosines[row]
        return (self.vectors @ self.vectors[row].T).toarray().ravel()

    def centrality(self) -> np.ndarray:
        """Cosine of each sentence with the story's article-balanced centroid.

        Each article weighs the same in the centroid, so a long article cannot
        pull the story's centre towards its own angle.
        """
        n = self.vectors.shape[0]
        if n == 0:
            return np.zeros(0)
        articles = self.article_of(np.arange(n))
        counts = np.bincount(articles, minlength=self.n_articles).astype(np.float64)
        weights = 1.0 / counts[articles]
        if self.cosines is not None:  # x_i . c = sum_j w_j cos(i, j); |c|^2 = w C w
            dots = self.cosines @ weights
            norm = np.sqrt(max(float(weights @ dots), 0.0))
        else:
            centroid = np.asarray(self.vectors.T @ weights).ravel()
            dots = self.vectors @ centroid
            norm = float(np.linalg.norm(centroid))
        return dots / norm if norm else np.zeros(n)

    def support(self, threshold: float = CITE_THRESHOLD) -> np.ndarray:
        """How many other articles report each sentence's fact."""
        return (self.echo >= threshold).sum(axis=1)

    def citing_articles(self, row: int, threshold: float = CITE_THRESHOLD) -> list[int]:
        """The articles that report the fact of sentence ``row``, its own first."""
        own = int(self.article_of(np.array([row]))[0])
        others = np.flatnonzero(self.echo[row] >= threshold)
        return [own, *sorted(int(a) for a in others if a != own)]

    def citing_sentences(
        self, row: int, threshold: float = CITE_THRESHOLD
    ) -> list[tuple[int, int]]:
        """(article, row) for each article of :meth:`citing_articles`: the
        article's sentence closest to sentence ``row``, ``row`` itself for its own.

        A citation is only checkable if the reader can see what the cited
        source actually said; the closest sentence is the one whose cosine
        made ``echo`` pass the threshold, so it is the evidence for the citation.
        """
        articles = self.citing_articles(row, threshold)
        if len(articles) == 1:
            return [(articles[0], row)]
        sims = self.similar_to(row)
        ends = np.append(self.starts[1:], len(sims))
        pairs = [(articles[0], row)]
        for a in articles[1:]:
            lo = int(self.starts[a])
            pairs.append((a, lo + int(np.argmax(sims[lo : ends[a]]))))
        return pairs


def build_space(story: Story, analyzer: Analyzer | None = None) -> SentenceSpace:
    """Vectorise ``story.sentences`` (which must be in article order)."""
    analyzer = Analyzer() if analyzer is None else analyzer
    sentences = story.sentences
    n = len(sentences)
    lengths = np.fromiter((len(s.text.split()) for s in sentences), dtype=np.int32, count=n)
    global_ids, sizes = analyzer.batch_ids([s.text for s in sentences])
    # Story-local columns numbered in order of first use in the story, so the
    # vectors (and every float sum and tie over them) depend on this story alone,
    # not on what the analyzer saw before; then (row, column) pairs counted in one sort.
    used, first, cols = np.unique(global_ids, return_index=True, return_inverse=True)
    n_terms = len(used)
    order = np.argsort(first, kind="stable")
    rank = np.empty(n_terms, dtype=np.int64)
    rank[order] = np.arange(n_terms)
    used, cols = used[order], rank[cols]
    rows = np.repeat(np.arange(n, dtype=np.int64), sizes)
    keys, counts = np.unique(rows * max(n_terms, 1) + cols, return_counts=True)
    rows, cols = np.divmod(keys, max(n_terms, 1))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    df = np.bincount(cols, minlength=n_terms)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    data = (1.0 + np.log(counts.astype(np.float64))) * idf[cols]
    sizes = np.diff(indptr)
    squares = np.zeros(n)
    nonempty = sizes > 0
    if len(data):
        squares[nonempty] = np.add.reduceat(data * data, indptr[:-1][nonempty])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    data /= np.repeat(norms, sizes)
    vectors = sp.csr_matrix((data, cols, indptr), shape=(n, n_terms))

    article_ids = np.fromiter((s.article for s in sentences), dtype=np.int64, count=n)
    n_articles = len(story.articles)
    starts = np.searchsorted(article_ids, np.arange(n_articles))
    cosines = None
    if n * n <= _BLOCK_CELLS:
        cosines = (vectors @ vectors.T).toarray()
    echo = _echo(vectors, cosines, article_ids, starts, n_articles)
    return SentenceSpace(vectors, starts, echo, lengths, used, cosines)


def _echo(
    vectors: sp.csr_matrix,
    cosines: np.ndarray | None,
    article_ids: np.ndarray,
    starts: np.ndarray,
    n_articles: int,
) -> np.ndarray:
    """Best cosine of each sentence with each article, in bounded blocks."""
    n = vectors.shape[0]
    echo = np.zeros((n, n_articles), dtype=np.float32)
    if n == 0 or n_articles < 2:
        return echo
    nonempty = np.flatnonzero(np.diff(np.append(starts, n)) > 0)
    block = n if cosines is not None else max(1, _BLOCK_CELLS // n)
    transposed = None if cosines is not None else vectors.T.tocsc()
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        sims = cosines[lo:hi] if cosines is not None else (vectors[lo:hi] @ transposed).toarray()
        echo[lo:hi, nonempty] = np.maximum.reduceat(sims, starts[nonempty], axis=1)
        echo[np.arange(lo, hi), article_ids[lo:hi]] = 0.0
    return echo
