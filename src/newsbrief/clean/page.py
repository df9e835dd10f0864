"""Page checks: which lines of a whole page are items of an index page, and
where an "About this site" footer starts.

These are the only decisions that need the whole page before any line is
cleaned; :mod:`.engine` asks them once per text. Each check has a fast path
(``fast=True``, what cleaning uses) that skips lines which cannot qualify
(too short or too long to be an item, not opening with "About"); with
``fast=False`` every line is tried against the general rule, which
tests/test_clean.py uses to show both give the same cleaned text.
"""

from __future__ import annotations

from .rules_page import (
    DOUBLED_TITLE_MAX,
    DOUBLED_TITLE_MIN,
    FOOTER_HEADER,
    FOOTER_MAX,
    LISTING_MIN_ITEMS,
    TEASER_LINE_MAX,
    TEASER_PROBES,
    TEASER_REPEAT_MIN,
    TRUNCATED,
    TRUNCATED_MIN_ITEMS,
    TRUNCATED_MIN_LENGTH,
)

__all__ = ("footer_start", "listing_items")


def listing_items(lines: list[str], *, fast: bool = True) -> frozenset[int]:
    """Return the numbers of the lines that are items of an index page.

    A text is an index page if at least two of its paragraphs end in a long
    repeated teaser, or if at least five of them, and two thirds of those of
    teaser length (labels and headers aside), are teasers cut off
    mid-sentence. Without that evidence nothing is an item, so a single
    doubled or cut-off paragraph in an article stays.
    """
    shortest = 2 * TEASER_REPEAT_MIN + 1
    repeated = {
        n
        for n, line in enumerate(lines)
        if (not fast or shortest <= len(line) <= TEASER_LINE_MAX) and _ends_in_repeat(line)
    }
    if fast:  # a cut-off ending is at most five characters: "x ..." or "x…"
        truncated = {
            n
            for n, line in enumerate(lines)
            if line.endswith(("...", "…"))
            and len(line) >= TRUNCATED_MIN_LENGTH
            and TRUNCATED.search(line, len(line) - 5)
        }
    else:
        truncated = {
            n
            for n, line in enumerate(lines)
            if len(line) >= TRUNCATED_MIN_LENGTH and TRUNCATED.search(line)
        }
    if len(repeated) < LISTING_MIN_ITEMS and not (
        len(truncated) >= TRUNCATED_MIN_ITEMS
        and 3 * len(truncated) >= 2 * sum(1 for line in lines if len(line) >= TRUNCATED_MIN_LENGTH)
    ):
        return frozenset()
    doubled = {n for n, line in enumerate(lines) if _opens_with_doubled_title(line)}
    return frozenset(repeated | truncated | doubled)


def _ends_in_repeat(line: str) -> bool:
    """Tell whether ``line`` ends in a passage of TEASER_REPEAT_MIN+ characters said twice.

    The last TEASER_REPEAT_MIN characters must occur earlier in the line; only
    their few occurrences are checked, so the test is linear in the line.
    """
    size = TEASER_REPEAT_MIN
    n = len(line)
    if not 2 * size < n <= TEASER_LINE_MAX:
        return False
    probe = line[-size:]
    start = line.rfind(probe, 0, n - size - 1)
    for _ in range(TEASER_PROBES):
        if start < 0:
            break
        end = start + size  # the first copy ends here, then a space, then the second copy
        length = n - end - 1
        if length >= size and line[end] == " " and line[end - length : end] == line[-length:]:
            return True
        start = line.rfind(probe, 0, end - 1)
    return False


def _opens_with_doubled_title(line: str) -> bool:
    """Tell whether ``line`` opens with a headline said twice ("Fire Kills 2 Fire Kills 2 ...").

    The headline has at least three words and DOUBLED_TITLE_MIN characters.
    """
    space = line.find(" ", DOUBLED_TITLE_MIN)
    while 0 < space <= DOUBLED_TITLE_MAX:
        title = line[:space]
        after = 2 * space + 1
        if (
            title.count(" ") >= 2
            and line.startswith(title, space + 1)
            and (after == len(line) or line[after] == " ")
        ):
            return True
        space = line.find(" ", space + 1)
    return False


def footer_start(lines: list[str], *, fast: bool = True) -> int:
    """Return the number of the line where an "About this site" footer starts, or len(lines)."""
    for number in range(len(lines) - 1, -1, -1):
        header = lines[number]
        if (not fast or header.startswith(("About", "ABOUT"))) and FOOTER_HEADER.fullmatch(header):
            rest = sum(len(line) for line in lines[number + 1 :])
            return number if rest <= FOOTER_MAX else len(lines)
    return len(lines)
