"""Saving a grouper's state so that a later process continues the stream.

The grouper hands over a :class:`GrouperSnapshot` (typed, plain data: this
module never sees the grouper, which imports it) and is rebuilt from one;
here the snapshot is written to a folder and read back.

The state is plain data: ``state.json`` holds the settings and the per-article
and per-story records (ids, sources, dates, headlines), ``arrays.npz`` the
numbers (document frequencies, centroids, postings, MinHash signatures). No
pickle: a state file must not be able to run code when it is loaded, and
both formats stay readable by other tools. The format is versioned; a state of
another version is refused rather than misread.

One durability policy, for the CLI's ``--state`` and the service alike
(:func:`save_state`): the two files are written into a fresh folder beside
DIR (``DIR.new``) and flushed to disk, then DIR is moved aside (``DIR.old``)
and the new folder renamed to DIR. A reader sees the old pair or the new pair,
never one file of each; a save cut off between the renames leaves only
``DIR.old``, which :func:`load_state` reads and the next save puts back.
Rejected: renaming each file into place (a crash between the two leaves a
mismatched pair) and a pointer file naming the current pair (a new format).
DIR is the state's own folder: other files in it do not survive a save.

What is not saved is rebuilt or re-learnt: the LSH index is refilled from the
saved signatures in their original order (so it answers as before), and the
analyzer's caches fill up again (features are hashed, so they do not depend on
them).
"""

from __future__ import annotations

import json
import os
import shutil
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .params import GrouperParams

#: Version of the on-disk format; bump it when the layout changes. Version 2
#: added the story sizes and lengths that average-linkage refining needs,
#: version 3 the per-story flag "every member is a bare headline".
STATE_VERSION = 3
#: Older versions still read: a version 2 state has no headline flags, and
#: its stories are taken as told in full (as version 2 refined them).
READABLE_VERSIONS = (2, STATE_VERSION)
STATE_FILE = "state.json"
ARRAYS_FILE = "arrays.npz"
#: Suffixes of the folders beside DIR during a save (see the module docstring).
NEW_SUFFIX = ".new"
OLD_SUFFIX = ".old"


@dataclass(slots=True)
class GrouperSnapshot:
    """Everything a grouper must keep to go on: made by
    :meth:`~.grouper.StoryGrouper.snapshot` (sharing the grouper's arrays, not
    copies: write it before the grouper changes) and turned back into a
    grouper by :meth:`~.grouper.StoryGrouper.from_snapshot`."""

    params: GrouperParams
    #: Stories numbered below this were looked at by the last refine.
    refined: int
    # Per article, in input order.
    ids: list[str]
    sources: list[str]
    dates: list[date | None]
    headlines: list[str]
    #: 1 where the headline is a title (not a lead sentence).
    titled: array
    #: The article's story on arrival (-1: unassigned).
    story: array
    #: The article number of the original it is a near-copy of (-1: none).
    dup_of: array
    # Per story, by number (see :class:`.refine.StoryTable`).
    alias: array
    size: array
    norm2: array
    heads: array
    first: list[date | None]
    last: list[date | None]
    # The candidate index (:class:`.centroids.StoryIndex`).
    n_docs: int
    #: Document frequency of every bucket.
    df: np.ndarray
    #: Centroid terms and weights per story (None once merged away).
    centroid_terms: list[np.ndarray | None]
    centroid_weights: list[np.ndarray | None]
    #: Stories posted under each term.
    postings: dict[int, list[int]]
    # The near-duplicate index: originals' numbers and MinHash values, in insertion order.
    dup_keys: np.ndarray
    dup_signatures: np.ndarray


# -- the folder ---------------------------------------------------------------


def has_state(directory: Path) -> bool:
    """Whether ``directory`` holds a saved state (or a save cut off between
    its renames left the previous one beside it)."""
    return _source(Path(directory)) is not None


def save_state(snapshot: GrouperSnapshot, directory: Path) -> None:
    """Write ``snapshot`` as the state in ``directory`` (created if need be),
    atomically: see the module docstring."""
    directory = Path(directory).resolve()
    fresh, old = _beside(directory, NEW_SUFFIX), _beside(directory, OLD_SUFFIX)
    if not directory.exists() and (old / STATE_FILE).is_file():
        os.rename(old, directory)  # the last save was cut off between its renames
    meta, arrays = _encode(snapshot)
    if fresh.exists():
        shutil.rmtree(fresh)
    fresh.mkdir(parents=True)
    _write(fresh / STATE_FILE, lambda fh: fh.write(json.dumps(meta).encode("utf-8")))
    _write(fresh / ARRAYS_FILE, lambda fh: _write_arrays(fh, arrays))
    _sync_folder(fresh)
    if directory.exists():
        if old.exists():
            shutil.rmtree(old)
        os.rename(directory, old)
    os.rename(fresh, directory)
    _sync_folder(directory.parent)
    if old.exists():
        shutil.rmtree(old)


def load_state(directory: Path) -> GrouperSnapshot:
    """The snapshot saved in ``directory`` (a leftover ``DIR.new`` is ignored)."""
    directory = Path(directory)
    source = _source(directory)
    if source is None:
        raise FileNotFoundError(f"no grouper state in {directory} (missing {STATE_FILE})")
    meta = json.loads((source / STATE_FILE).read_text(encoding="utf-8"))
    if meta.get("version") not in READABLE_VERSIONS:
        raise ValueError(
            f"grouper state in {directory} has version {meta.get('version')!r}; "
            f"this version of newsbrief reads versions {READABLE_VERSIONS}"
        )
    with np.load(source / ARRAYS_FILE, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    return _decode(meta, arrays)


def _source(directory: Path) -> Path | None:
    """The folder to read: ``directory``, or the previous state moved aside by
    a save that did not finish."""
    if (directory / STATE_FILE).is_file():
        return directory
    old = _beside(directory.resolve(), OLD_SUFFIX)
    if not directory.exists() and (old / STATE_FILE).is_file():
        return old
    return None


def _beside(directory: Path, suffix: str) -> Path:
    return directory.with_name(directory.name + suffix)


def _write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a file and flush it to disk before it counts as written."""
    with path.open("wb") as fh:
        write(fh)
        fh.flush()
        os.fsync(fh.fileno())


def _write_arrays(fh: BinaryIO, arrays: dict[str, np.ndarray]) -> None:
    np.savez_compressed(fh, **arrays)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (new names, renames) to disk, where the system allows."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not POSIX
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover - a file system that cannot
        pass
    finally:
        os.close(handle)


# -- the format ---------------------------------------------------------------


def _encode(snap: GrouperSnapshot) -> tuple[dict, dict[str, np.ndarray]]:
    """``state.json``'s content and ``arrays.npz``'s arrays."""
    meta = {
        "version": STATE_VERSION,
        "params": snap.params.to_dict(),
        "n_docs": snap.n_docs,
        "refined": snap.refined,
        "ids": snap.ids,
        "sources": snap.sources,
        "dates": [_iso(d) for d in snap.dates],
        "headlines": snap.headlines,
        "first": [_iso(d) for d in snap.first],
        "last": [_iso(d) for d in snap.last],
    }
    alive = np.array([t is not None for t in snap.centroid_terms], dtype=bool)
    live_terms = [t for t in snap.centroid_terms if t is not None]
    live_weights = [w for w in snap.centroid_weights if w is not None]
    posting_keys = np.fromiter(snap.postings, dtype=np.int64, count=len(snap.postings))
    posting_lists = list(snap.postings.values())
    df_terms = np.flatnonzero(snap.df)
    arrays = {
        "titled": np.frombuffer(snap.titled, dtype=np.int8),
        "story": np.frombuffer(snap.story, dtype=np.int64),
        "dup_of": np.frombuffer(snap.dup_of, dtype=np.int64),
        "alias": np.frombuffer(snap.alias, dtype=np.int64),
        "size": np.frombuffer(snap.size, dtype=np.int64),
        "norm2": np.frombuffer(snap.norm2, dtype=np.float64),
        "heads": np.frombuffer(snap.heads, dtype=np.int8),
        "df_terms": df_terms,
        "df_counts": snap.df[df_terms],
        "centroid_alive": alive,
        "centroid_indptr": _indptr(live_terms),
        "centroid_terms": _flat(live_terms, np.int32),
        "centroid_weights": _flat(live_weights, np.float32),
        "posting_keys": posting_keys,
        "posting_indptr": _indptr(posting_lists),
        "posting_stories": _flat(posting_lists, np.int64),
        "dup_keys": snap.dup_keys,
        "dup_signatures": snap.dup_signatures,
    }
    return meta, arrays


def _decode(meta: dict, arrays: dict[str, np.ndarray]) -> GrouperSnapshot:
    params = GrouperParams.from_dict(meta["params"])
    df = np.zeros(params.features.n_buckets, dtype=np.int32)
    df[arrays["df_terms"]] = arrays["df_counts"]
    terms = _split(arrays["centroid_terms"], arrays["centroid_indptr"])
    weights = _split(arrays["centroid_weights"], arrays["centroid_indptr"])
    live = iter(zip(terms, weights, strict=True))
    centroid_terms: list[np.ndarray | None] = []
    centroid_weights: list[np.ndarray | None] = []
    for alive in arrays["centroid_alive"].tolist():
        term, weight = next(live) if alive else (None, None)
        centroid_terms.append(term)
        centroid_weights.append(weight)
    stories = _split(arrays["posting_stories"], arrays["posting_indptr"])
    postings = {
        int(key): posting.tolist()
        for key, posting in zip(arrays["posting_keys"].tolist(), stories, strict=True)
    }
    alias = _array("q", arrays["alias"], np.int64)
    heads = arrays.get("heads", np.zeros(len(alias), dtype=np.int8))
    return GrouperSnapshot(
        params=params,
        refined=int(meta["refined"]),
        ids=list(meta["ids"]),
        sources=list(meta["sources"]),
        dates=[_date(d) for d in meta["dates"]],
        headlines=list(meta["headlines"]),
        titled=_array("b", arrays["titled"], np.int8),
        story=_array("q", arrays["story"], np.int64),
        dup_of=_array("q", arrays["dup_of"], np.int64),
        alias=alias,
        size=_array("q", arrays["size"], np.int64),
        norm2=_array("d", arrays["norm2"], np.float64),
        heads=_array("b", heads, np.int8),
        first=[_date(d) for d in meta["first"]],
        last=[_date(d) for d in meta["last"]],
        n_docs=int(meta["n_docs"]),
        df=df,
        centroid_terms=centroid_terms,
        centroid_weights=centroid_weights,
        postings=postings,
        dup_keys=arrays["dup_keys"],
        dup_signatures=arrays["dup_signatures"],
    )


def _array(typecode: str, values: np.ndarray, dtype: type) -> array:
    return array(typecode, values.astype(dtype).tobytes())


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
