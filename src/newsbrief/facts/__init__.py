"""The fact map: how a story is being told across its sources.

Built from the same aligned sentences as the summary, so 'reported by 3
sources' here and a sentence's three citations there always agree:
agreements and unique facts (agreement.py), numeric claims (quantities.py),
dates (dates.py), entities and their aliases (entities.py), the conflicts
between sources (conflicts.py), and their assembly (build.py).
"""


def build_fact_map(story, space):
    """The fact map of a segmented, aligned story (see :func:`.build.build_fact_map`)."""
    from .build import build_fact_map as build

    return build(story, space)
