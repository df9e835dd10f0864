"""Publication dates: from metadata, from a leading ``date YYYY-MM-DD`` line, or strict ISO.

Files and web pages carry dates in every shape, so :func:`parse_date` tries
ISO 8601 first (fast) and falls back to dateparser, which is slow (its first
call loads its language data, seconds on a cold start) and therefore only used
for file and HTML ingest. A request path must answer at once: it uses
:func:`parse_iso_date`, ISO 8601 only, and rejects anything else with a
message naming the expected format.
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ("ISO_FORMATS", "parse_date", "parse_iso_date", "take_date_line")

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)

#: The accepted shapes of :func:`parse_iso_date`, as an error message states them.
ISO_FORMATS = "an ISO 8601 date or date-time, such as 2017-07-04 or 2017-07-04T09:30:00Z"


def _from_iso(text: str) -> date:
    """The date of an ISO 8601 date or date-time; ValueError otherwise."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).date()


def parse_iso_date(value: str) -> date:
    """The date of an ISO 8601 date or date-time ('2017-07-04', '2017-07-04T09:30:00Z').

    Raises ValueError, naming the expected format, for anything else; never slow.
    """
    try:
        return _from_iso(value.strip())
    except ValueError:
        raise ValueError(f"expected {ISO_FORMATS}, got {value!r}") from None


def parse_date(value: object) -> date | None:
    """A publication date from metadata: ISO first (fast), dateparser otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return _from_iso(text)
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def take_date_line(text: str) -> tuple[date | None, str]:
    """The date of a leading ``date YYYY-MM-DD`` line and the text without it.

    A text without such a line (or with an impossible date) comes back whole.
    """
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    try:
        return date.fromisoformat(match.group(1)), text[match.end() :]
    except ValueError:
        return None, text
