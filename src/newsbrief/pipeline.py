"""The brief pipeline: ingest -> clean -> segment -> align -> select -> render.

Each stage is a plain function of the story so far; :func:`brief` runs them
in order for one story and :func:`brief_stories` for every story of an input,
yielding failures in place so that one bad story never loses the others.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .align import CITE_THRESHOLD, Analyzer, SentenceSpace, build_space
from .clean import clean_text
from .errors import InputError, NewsbriefError
from .ingest import StoryError, load_articles, read_stories
from .model import Article, Brief, Quote, Sentence, Source, Story, SummarySentence
from .segment import split_sentences
from .summarizers import Budget, Summarizer, get_summarizer

log = logging.getLogger(__name__)


def segment(story: Story) -> Story:
    """Clean every article and split it into sentences, in article order."""
    sentences: list[Sentence] = []
    for a, article in enumerate(story.articles):
        cleaned = clean_text(article.text)
        for i, text in enumerate(split_sentences(cleaned)):
            sentences.append(Sentence(text=text, article=a, index=i))
    return Story(articles=story.articles, id=story.id, sentences=sentences)


def select(
    story: Story,
    budget: Budget,
    summarizer: Summarizer,
    analyzer: Analyzer | None = None,
) -> tuple[SentenceSpace, list[int]]:
    """Align a segmented story and pick its summary: (the space, the chosen rows).

    The one place where a summarizer meets a story, for :func:`summarize` and
    for evaluation alike. ``analyzer`` is a cache that may be shared across
    stories: the space depends on this story alone (see :func:`build_space`).
    """
    space = build_space(story, analyzer)
    rows = list(summarizer.select(story, space, budget)) if story.sentences else []
    return space, rows


def summarize(
    story: Story,
    budget: Budget,
    summarizer: Summarizer,
    analyzer: Analyzer | None = None,
    facts: bool = True,
) -> Brief:
    """Select the summary of a segmented story, cite every sentence and (with
    ``facts``) build its fact map."""
    if not story.sentences:
        raise InputError(f"{story.id or 'story'}: no text left after cleaning")
    space, rows = select(story, budget, summarizer, analyzer)
    summary = []
    for row in rows:
        sentence = story.sentences[row]
        cited = sorted(space.citing_sentences(row, CITE_THRESHOLD))
        summary.append(
            SummarySentence(
                text=sentence.text,
                citations=tuple(a + 1 for a, _ in cited),
                article=sentence.article + 1,
                sentence_index=sentence.index,
                quotes=tuple(Quote(a + 1, story.sentences[r].text) for a, r in cited),
            )
        )
    sources = tuple(
        Source(
            number=i + 1,
            id=a.id,
            name=a.source,
            title=a.title,
            url=a.url,
            published=a.published,
        )
        for i, a in enumerate(story.articles)
    )
    warnings = []
    if len(story.articles) == 1:
        warnings.append("single article: citations cannot be cross-checked")
    fact_map = None
    if facts:
        from .facts import build_fact_map

        fact_map = build_fact_map(story, space)
    return Brief(
        story_id=story.id,
        sources=sources,
        summary=tuple(summary),
        warnings=tuple(warnings),
        facts=fact_map,
    )


def brief_story(
    story: Story,
    *,
    words: int | None = 120,
    sentences: int | None = None,
    summarizer: str | Summarizer = "newsbrief",
    facts: bool = True,
) -> Brief:
    """The brief of one story given as :class:`Story`."""
    budget = Budget(words=words, sentences=sentences)
    return summarize(segment(story), budget, get_summarizer(summarizer), facts=facts)


def brief(
    articles_or_paths: Iterable[Article | str | Path] | str | Path | Story,
    *,
    words: int | None = 120,
    sentences: int | None = None,
    summarizer: str | Summarizer = "newsbrief",
    facts: bool = True,
) -> Brief:
    """Brief one story: a list of :class:`Article`, or paths of its articles.

    >>> brief(["examples/raqqa"], words=80)  # doctest: +SKIP
    """
    if isinstance(articles_or_paths, Story):
        story = articles_or_paths
    else:
        items: Sequence[Article | str | Path]
        if isinstance(articles_or_paths, (str, Path)):
            items = [articles_or_paths]
        else:
            items = list(articles_or_paths)
        if not items:
            raise InputError("no input: give articles or paths")
        if all(isinstance(x, Article) for x in items):
            articles = list(items)  # type: ignore[arg-type]
        elif any(isinstance(x, Article) for x in items):
            raise NewsbriefError("give either Article objects or paths, not both")
        else:
            articles = load_articles(items)  # type: ignore[arg-type]
        story = Story(articles=articles, id=articles[0].id if len(articles) == 1 else "")
    return brief_story(story, words=words, sentences=sentences, summarizer=summarizer, facts=facts)


def brief_stories(
    paths: Iterable[str | Path],
    *,
    words: int | None = 120,
    sentences: int | None = None,
    summarizer: str | Summarizer = "newsbrief",
    facts: bool = True,
) -> Iterator[Brief | StoryError]:
    """Brief every story of the input, yielding a :class:`StoryError` in place
    of each story that fails, so the batch goes on."""
    budget = Budget(words=words, sentences=sentences)
    method = get_summarizer(summarizer)
    analyzer = Analyzer()
    for item in read_stories(paths):
        if isinstance(item, StoryError):
            yield item
            continue
        try:
            yield summarize(segment(item), budget, method, analyzer, facts=facts)
        except NewsbriefError as exc:
            error = exc if isinstance(exc, InputError) else InputError(str(exc))
            yield StoryError(item.id, error)
