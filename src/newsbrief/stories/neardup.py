"""Near-duplicate detection: which earlier article is this one a copy of?

Agencies syndicate their copy and sites republish it with a new headline or a
trimmed ending; counted as separate reports, such copies would make a story
look more widely sourced than it is. Copies share long runs of words, so the
resemblance (Jaccard) of their shingle sets is high, and MinHash signatures
with an LSH index (datasketch) find such pairs in constant time per article
instead of comparing each article with all earlier ones.

Only originals are indexed: a copy of a copy is found through the original it
shares its text with, so every recorded duplicate points at an original, and
the index holds each text once. The index is a bounded FIFO (``capacity``
originals), so a long stream cannot grow it without limit.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from datasketch import MinHash, MinHashLSH

_SCHEME = "affine32"


def _identity(value: int) -> int:
    """Shingles are already 32-bit hashes; datasketch must not hash them again."""
    return value


class NearDuplicateIndex:
    """MinHash LSH over the shingles of original articles, keyed by article number."""

    def __init__(
        self,
        threshold: float = 0.7,
        num_perm: int = 64,
        seed: int = 1,
        capacity: int = 100_000,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self.capacity = capacity
        self._permutations = MinHash(num_perm, seed=seed, scheme=_SCHEME).permutations
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: OrderedDict[int, np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, shingles: list[int]) -> MinHash | None:
        """The MinHash of a shingle set, or None for a text too short to have one."""
        if not shingles:
            return None
        minhash = MinHash(
            self.num_perm,
            seed=self.seed,
            hashfunc=_identity,
            permutations=self._permutations,
            scheme=_SCHEME,
        )
        minhash.update_batch(shingles)
        return minhash

    def from_values(self, values: np.ndarray) -> MinHash:
        """The MinHash whose signature is ``values`` (from :meth:`signature` in
        another process, or from a saved state)."""
        return MinHash(
            self.num_perm,
            seed=self.seed,
            hashfunc=_identity,
            hashvalues=values,
            permutations=self._permutations,
            scheme=_SCHEME,
        )

    def find(self, minhash: MinHash) -> tuple[int, float] | None:
        """The indexed original most resembling ``minhash`` and the estimated
        resemblance, if it reaches the threshold.

        LSH candidates are checked against their signatures, because banding
        lets some pairs below the threshold through. Ties go to the earliest
        original, so the answer does not depend on set iteration order.
        """
        best: tuple[int, float] | None = None
        values = minhash.hashvalues
        for key in self._lsh.query(minhash):
            score = float(np.count_nonzero(self._signatures[key] == values)) / self.num_perm
            if score >= self.threshold and (
                best is None or score > best[1] or (score == best[1] and key < best[0])
            ):
                best = (key, score)
        return best

    def insert(self, key: int, minhash: MinHash) -> None:
        """Index an original; the oldest is dropped once ``capacity`` is reached."""
        self._lsh.insert(key, minhash, check_duplication=False)
        self._signatures[key] = minhash.hashvalues.copy()
        while len(self._signatures) > self.capacity:
            old, _ = self._signatures.popitem(last=False)
            self._lsh.remove(old)

    def state(self) -> tuple[np.ndarray, np.ndarray]:
        """(keys, signatures) in insertion order, for persistence."""
        keys = np.fromiter(self._signatures, dtype=np.int64, count=len(self._signatures))
        if not len(keys):
            return keys, np.zeros((0, self.num_perm), dtype=np.uint32)
        return keys, np.stack(list(self._signatures.values())).astype(np.uint32)

    def restore(self, keys: np.ndarray, signatures: np.ndarray) -> None:
        """Re-insert saved originals (in their order) into an empty index."""
        for key, values in zip(keys.tolist(), signatures, strict=True):
            self.insert(int(key), self.from_values(values))
