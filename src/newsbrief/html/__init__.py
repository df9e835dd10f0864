"""Self-contained HTML reports: a story's brief, a digest, the list of stories.

The pages inline their CSS and JavaScript (``static/``) and are built from the
Jinja2 templates in ``templates/`` with autoescaping on, because every piece of
text on them comes from articles nobody vetted.
"""

from .report import StoryRow, render_brief_page, render_digest_page, render_story_index

__all__ = ["StoryRow", "render_brief_page", "render_digest_page", "render_story_index"]
