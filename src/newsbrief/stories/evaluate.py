"""Scores of a clustering against a gold one: B-cubed and the adjusted Rand index.

B-cubed is per article (what share of an article's story is really its story,
and what share of its real story it was grouped with), so a big story does not
dominate as it does in pair counts, and a split or merge costs in proportion
to the articles it misplaces. ARI is the chance-corrected pair measure that
clustering papers report, so figures compare with published ones. Both are
computed from the contingency table (linear in the number of items).

Items are the keys of ``gold``; one missing from ``pred`` counts as a cluster
of its own there (an unassigned article is a story of one).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import numpy as np

__all__ = ("adjusted_rand", "bcubed", "contingency")


def contingency(
    pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cell counts of the (predicted, gold) cluster pairs that hold items, with
    the cluster of each cell: (counts, predicted cluster, gold cluster), the
    clusters as small integers."""
    items = list(gold)
    missing = object()
    pred_labels = [pred.get(item, missing) for item in items]
    # A missing prediction is a singleton: give it a label of its own.
    pred_keys = [
        ("missing", n) if label is missing else ("label", label)
        for n, label in enumerate(pred_labels)
    ]
    p = _codes(pred_keys)
    g = _codes([gold[item] for item in items])
    if not items:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    width = int(g.max()) + 1
    cells, counts = np.unique(p * width + g, return_counts=True)
    return counts, cells // width, cells % width


def bcubed(
    pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of ``pred`` against ``gold``."""
    counts, p, g = contingency(pred, gold)
    total = int(counts.sum())
    if not total:
        return 0.0, 0.0, 0.0
    pred_sizes = np.bincount(p, weights=counts)
    gold_sizes = np.bincount(g, weights=counts)
    squares = counts.astype(np.float64) ** 2
    precision = float((squares / pred_sizes[p]).sum()) / total
    recall = float((squares / gold_sizes[g]).sum()) / total
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> float:
    """Adjusted Rand index of ``pred`` against ``gold`` (Hubert and Arabie).

    1 for identical partitions, about 0 for chance agreement. When the
    partitions cannot differ from chance (one cluster, or all singletons, on
    both sides), identical ones score 1 as in scikit-learn.
    """
    counts, p, g = contingency(pred, gold)
    n = int(counts.sum())
    if n < 2:
        return 1.0
    pairs = _pairs(counts).sum()
    pred_pairs = _pairs(np.bincount(p, weights=counts)).sum()
    gold_pairs = _pairs(np.bincount(g, weights=counts)).sum()
    expected = pred_pairs * gold_pairs / _pairs(np.array([n]))[0]
    maximum = (pred_pairs + gold_pairs) / 2
    if maximum == expected:
        return 1.0
    return float((pairs - expected) / (maximum - expected))


def _pairs(sizes: np.ndarray) -> np.ndarray:
    sizes = np.asarray(sizes, dtype=np.float64)
    return sizes * (sizes - 1) / 2


def _codes(labels: list) -> np.ndarray:
    """Small integer codes for arbitrary hashable labels."""
    codes: dict = {}
    return np.fromiter(
        (codes.setdefault(label, len(codes)) for label in labels), dtype=np.int64, count=len(labels)
    )
