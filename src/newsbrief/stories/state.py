"""Saving a grouper's state so that a later process continues the stream.

The state is plain data: ``state.json`` holds the settings and the per-article
and per-story records (ids, sources, dates, headlines), ``arrays.npz`` the
numbers (document frequencies, centroids, postings, MinHash signatures). No
pickle: a state file must not be able to run code when it is loaded, and
both formats stay readable by other tools. The format is versioned; a state of
another version is refused rather than misread.

What is not saved is rebuilt or re-learnt: the LSH index is refilled from the
saved signatures in their original order (so it answers as before), and the
analyzer's caches fill up again (features are hashed, so they do not depend on
them).
"""

from __future__ import annotations

import json
import os
from array import array
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np

if TYPE_CHECKING:
    from .grouper import StoryGrouper

    G = TypeVar("G", bound=StoryGrouper)

#: Version of the on-disk format; bump it when the layout changes. Version 2
#: added the story sizes and lengths that average-linkage refining needs,
#: version 3 the per-story flag "every member is a bare headline".
STATE_VERSION = 3
#: Older versions still read: a version 2 state has no headline flags, and
#: its stories are taken as told in full (as version 2 refined them).
READABLE_VERSIONS = (2, STATE_VERSION)
STATE_FILE = "state.json"
ARRAYS_FILE = "arrays.npz"


def save_state(grouper: StoryGrouper, directory: Path) -> None:
    """Write ``grouper``'s state into ``directory`` (created if need be).

    Each file is written under a temporary name and then renamed, so an
    interrupted save leaves the previous state whole.
    """
    directory.mkdir(parents=True, exist_ok=True)
    index = grouper._index
    meta = {
        "version": STATE_VERSION,
        "params": grouper.params.to_dict(),
        "n_docs": index.n_docs,
        "refined": grouper._refined,
        "ids": grouper._ids,
        "sources": grouper._sources,
        "dates": [_iso(d) for d in grouper._dates],
        "headlines": grouper._headlines,
        "first": [_iso(d) for d in grouper._first],
        "last": [_iso(d) for d in grouper._last],
    }
    alive = np.array([t is not None for t in index.centroid_terms], dtype=bool)
    live_terms = [t for t in index.centroid_terms if t is not None]
    live_weights = [w for w in index.centroid_weights if w is not None]
    posting_keys = np.fromiter(index.postings, dtype=np.int64, count=len(index.postings))
    posting_lists = list(index.postings.values())
    dup_keys, dup_signatures = grouper._dups.state()
    df_terms = np.flatnonzero(index.df)
    arrays = {
        "titled": np.frombuffer(grouper._titled, dtype=np.int8),
        "story": np.frombuffer(grouper._story, dtype=np.int64),
        "dup_of": np.frombuffer(grouper._dup_of, dtype=np.int64),
        "alias": np.frombuffer(grouper._alias, dtype=np.int64),
        "size": np.frombuffer(grouper._size, dtype=np.int64),
        "norm2": np.frombuffer(grouper._norm2, dtype=np.float64),
        "heads": np.frombuffer(grouper._heads, dtype=np.int8),
        "df_terms": df_terms,
        "df_counts": index.df[df_terms],
        "centroid_alive": alive,
        "centroid_indptr": _indptr(live_terms),
        "centroid_terms": _flat(live_terms, np.int32),
        "centroid_weights": _flat(live_weights, np.float32),
        "posting_keys": posting_keys,
        "posting_indptr": _indptr(posting_lists),
        "posting_stories": _flat(posting_lists, np.int64),
        "dup_keys": dup_keys,
        "dup_signatures": dup_signatures,
    }
    _replace(directory / STATE_FILE, json.dumps(meta).encode("utf-8"))
    temporary = directory / (ARRAYS_FILE + ".tmp")
    with temporary.open("wb") as fh:
        np.savez_compressed(fh, **arrays)
    os.replace(temporary, directory / ARRAYS_FILE)


def load_state(cls: type[G], directory: Path) -> G:
    """A new ``cls`` grouper holding the state saved in ``directory``."""
    from .grouper import GrouperParams

    state_path = directory / STATE_FILE
    if not state_path.exists():
        raise FileNotFoundError(f"no grouper state in {directory} (missing {STATE_FILE})")
    meta = json.loads(state_path.read_text(encoding="utf-8"))
    if meta.get("version") not in READABLE_VERSIONS:
        raise ValueError(
            f"grouper state in {directory} has version {meta.get('version')!r}; "
            f"this version of newsbrief reads versions {READABLE_VERSIONS}"
        )
    with np.load(directory / ARRAYS_FILE, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}

    grouper = cls(params=GrouperParams.from_dict(meta["params"]))
    grouper._ids = list(meta["ids"])
    grouper._sources = list(meta["sources"])
    grouper._dates = [_date(d) for d in meta["dates"]]
    grouper._headlines = list(meta["headlines"])
    grouper._titled = array("b", arrays["titled"].astype(np.int8).tobytes())
    grouper._story = array("q", arrays["story"].astype(np.int64).tobytes())
    grouper._dup_of = array("q", arrays["dup_of"].astype(np.int64).tobytes())
    grouper._alias = array("q", arrays["alias"].astype(np.int64).tobytes())
    grouper._position = {article: n for n, article in enumerate(grouper._ids)}
    grouper._first = [_date(d) for d in meta["first"]]
    grouper._last = [_date(d) for d in meta["last"]]
    grouper._refined = int(meta["refined"])
    grouper._size = array("q", arrays["size"].astype(np.int64).tobytes())
    grouper._norm2 = array("d", arrays["norm2"].astype(np.float64).tobytes())
    heads = arrays.get("heads", np.zeros(len(grouper._alias), dtype=np.int8))
    grouper._heads = array("b", heads.astype(np.int8).tobytes())

    index = grouper._index
    index.n_docs = int(meta["n_docs"])
    index.df[arrays["df_terms"]] = arrays["df_counts"]
    terms = _split(arrays["centroid_terms"], arrays["centroid_indptr"])
    weights = _split(arrays["centroid_weights"], arrays["centroid_indptr"])
    live = iter(zip(terms, weights, strict=True))
    for alive in arrays["centroid_alive"].tolist():
        term, weight = next(live) if alive else (None, None)
        index.centroid_terms.append(term)
        index.centroid_weights.append(weight)
    stories = _split(arrays["posting_stories"], arrays["posting_indptr"])
    index.postings = {
        int(key): posting.tolist()
        for key, posting in zip(arrays["posting_keys"].tolist(), stories, strict=True)
    }
    grouper._dups.restore(arrays["dup_keys"], arrays["dup_signatures"])
    return grouper


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _indptr(rows: list) -> np.ndarray:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    sizes = np.fromiter((len(row) for row in rows), dtype=np.int64, count=len(rows))
    np.cumsum(sizes, out=indptr[1:])
    return indptr


def _flat(rows: list, dtype: type) -> np.ndarray:
    if not rows:
        return np.zeros(0, dtype=dtype)
    return np.concatenate([np.asarray(row, dtype=dtype) for row in rows])


def _split(flat: np.ndarray, indptr: np.ndarray) -> list[np.ndarray]:
    return [flat[indptr[i] : indptr[i + 1]].copy() for i in range(len(indptr) - 1)]


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
