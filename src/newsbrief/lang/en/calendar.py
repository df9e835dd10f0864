"""Month and weekday names, written once for every component that reads dates.

The date finder resolves them, the quantity reader keeps '6 June' from being
an amount, the conflict rules tell figures of different days apart and the
entity finder keeps 'Monday' from being a name. Each builds what it needs
(a lowercase set, a regex alternation, three-letter prefixes) from these
tuples, in their order: the order of an alternation can matter, the order
of a set never does.

Names are capitalised as news copy writes them; callers lowercase them where
they match case-blind text.
"""

from __future__ import annotations

from itertools import chain

#: The months, January first (a month's number is its position plus one).
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

#: The written abbreviations of each month, in the order of :data:`MONTHS`. 'May'
#: has none (it is short already); September has two, 'Sep' and 'Sept'.
MONTH_ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("Jan",), ("Feb",), ("Mar",), ("Apr",), (), ("Jun",), ("Jul",), ("Aug",), ("Sep", "Sept"),
    ("Oct",), ("Nov",), ("Dec",),
)  # fmt: skip

#: Every month abbreviation, month by month ('Jan', ..., 'Sep', 'Sept', ..., 'Dec').
ABBREVIATED_MONTHS: tuple[str, ...] = tuple(chain.from_iterable(MONTH_ABBREVIATIONS))

#: The weekdays, Monday first (as ``datetime.date.weekday`` numbers them).
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip

#: The weekdays in the plural ('on Mondays'): habits, not dates, but still no names.
WEEKDAYS_PLURAL: tuple[str, ...] = tuple(day + "s" for day in WEEKDAYS)

#: The first three letters of each weekday then each month ('Mon', ..., 'Sun', 'Jan',
#: ..., 'Dec'): what every abbreviated or full name starts with.
SHORT_NAMES: tuple[str, ...] = tuple(name[:3] for name in (*WEEKDAYS, *MONTHS))
