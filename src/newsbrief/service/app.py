"""The HTTP API and the browser pages, as one FastAPI application.

Requests never compute a brief: they store articles and feeds and read what
the desk (see :mod:`.desk`) has written, so a reader gets an answer at once,
with the story's brief flagged ``stale`` while a newer one is on its way.
Everything the app holds lives on ``app.state.service``, made by
:func:`create_app`; nothing is module-level, so tests can run several apps.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from typing import Annotated, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from ..errors import NewsbriefError
from ..ingest import article_from_fields, article_from_html, parse_iso_date
from ..model import Article
from ..version import __version__
from .feeds import FeedError, check_feed_url
from .limits import BodyLimit
from .service import Service, ServiceSettings

log = logging.getLogger(__name__)


class ArticleIn(BaseModel):
    """An article posted as JSON: its text, or the page's HTML to extract it from."""

    text: str | None = Field(None, description="The article's body text.")
    html: str | None = Field(None, description="The whole web page, when no text is given.")
    title: str = ""
    source: str = Field("", description="The outlet; taken from the URL's host when empty.")
    url: str = ""
    published: str | None = Field(
        None,
        description="Publication date, ISO 8601: a date (2017-07-04) or a date-time"
        " (2017-07-04T09:30:00Z); anything else is refused with 422.",
    )
    id: str | None = Field(None, description="The sender's own id, kept for reference only.")


class ArticleOut(BaseModel):
    id: int
    created: bool
    story: str | None = None
    url: str | None = None


class FeedIn(BaseModel):
    url: str = Field(..., description="An RSS or Atom feed's http(s) URL.")
    interval: float | None = Field(
        None, ge=10, description="Seconds between polls (default: the server's)."
    )


def create_app(settings: ServiceSettings) -> FastAPI:
    """The application over the database ``settings.db``; threads start with it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service = Service(settings)
        app.state.service = service
        service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(
        title="newsbrief",
        version=__version__,
        description="Many articles in, one sourced brief out: stories, briefs and fact maps.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)

    def service_of(request: Request) -> Service:
        return request.app.state.service

    @app.exception_handler(NewsbriefError)
    async def bad_input(request: Request, exc: NewsbriefError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    # -- API --------------------------------------------------------------------

    @app.get("/health", tags=["service"])
    def health(request: Request) -> dict:
        """Liveness and what the service holds."""
        return service_of(request).health()

    @app.post(
        "/articles",
        tags=["articles"],
        status_code=201,
        response_model=ArticleOut,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": ArticleIn.model_json_schema()},
                    "text/html": {"schema": {"type": "string"}},
                },
            }
        },
        responses={
            200: {"description": "Already stored (same URL or same text)"},
            413: {"description": "Body larger than the server's limit"},
        },
    )
    async def post_article(
        request: Request,
        url: Annotated[str, Query(description="The page's URL, for an HTML body")] = "",
        source: Annotated[str, Query(description="The outlet, for an HTML body")] = "",
    ) -> Response:
        """Store an article (JSON, or a web page as text/html); the same URL or text is
        stored once. It joins a story shortly after, off the request path."""
        body = await request.body()
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        service = service_of(request)

        def store() -> ArticleOut:
            # Parsing (trafilatura for pages) and the database are blocking work:
            # a worker thread does them, not the event loop.
            if kind in ("text/html", "application/xhtml+xml"):
                article = _from_html(body, url, source)
            else:
                article = _from_json(body)
            number, created = service.add_article(article)
            stored = service.store.article(number)
            return ArticleOut(
                id=number,
                created=created,
                story=stored.story_id if stored else None,
                url=article.url or None,
            )

        out = await run_in_threadpool(store)
        return JSONResponse(out.model_dump(), status_code=201 if out.created else 200)

    @app.get(
        "/articles/{number}", tags=["articles"], responses={404: {"description": "No such article"}}
    )
    def get_article(request: Request, number: int) -> dict:
        """One stored article and the story it belongs to."""
        stored = service_of(request).store.article(number)
        if stored is None:
            raise HTTPException(404, f"no article {number}")
        a = stored.article
        return {
            "id": stored.number,
            "title": a.title,
            "source": a.source,
            "url": a.url or None,
            "published": a.published.isoformat() if a.published else None,
            "text": a.text,
            "story": stored.story_id,
        }

    @app.get("/stories", tags=["stories"])
    def list_stories(
        request: Request,
        order: Literal["newest", "covered"] = "newest",
        page: Annotated[int, Query(ge=1)] = 1,
        per_page: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict:
        """A page of stories: newest first, or most covered (independent sources) first."""
        return service_of(request).story_page(order, page, per_page)

    @app.get(
        "/stories/{story_id}",
        tags=["stories"],
        responses={
            202: {"description": "The story's first brief is not written yet"},
            404: {"description": "No such story"},
        },
    )
    def get_story(request: Request, story_id: str) -> Response:
        """The story's brief (JSON as `newsbrief brief --format json`, with the fact
        map) and, under `story`, its metadata; 202 until its first brief exists."""
        record = service_of(request).store.story(story_id)
        if record is None:
            raise HTTPException(404, f"no story {story_id}")
        meta = record.summary()
        if record.brief_json is None:
            meta["brief"] = "error" if record.brief_error else "pending"
            return JSONResponse({"story": meta}, status_code=202, headers={"Retry-After": "1"})
        return Response(
            '{"story": ' + json.dumps(meta) + ", " + record.brief_json[1:],
            media_type="application/json",
        )

    @app.post("/feeds", tags=["feeds"], status_code=201)
    def post_feed(request: Request, feed: FeedIn) -> JSONResponse:
        """Follow an RSS or Atom feed; it is polled at once, then on its interval."""
        try:
            url = check_feed_url(feed.url)
        except FeedError as exc:
            raise HTTPException(422, str(exc)) from None
        record, created = service_of(request).add_feed(url, feed.interval)
        return JSONResponse(record.to_dict(), status_code=201 if created else 200)

    @app.get("/feeds", tags=["feeds"])
    def list_feeds(request: Request) -> dict:
        """Every feed followed, with its last poll and error."""
        return {"feeds": [f.to_dict() for f in service_of(request).store.feeds()]}

    @app.get("/feeds/{feed_id}", tags=["feeds"], responses={404: {"description": "No such feed"}})
    def get_feed(request: Request, feed_id: int) -> dict:
        record = service_of(request).store.feed(feed_id)
        if record is None:
            raise HTTPException(404, f"no feed {feed_id}")
        return record.to_dict()

    @app.delete(
        "/feeds/{feed_id}",
        tags=["feeds"],
        status_code=204,
        responses={404: {"description": "No such feed"}},
    )
    def delete_feed(request: Request, feed_id: int) -> Response:
        """Stop following a feed; the articles it brought stay. Posting its URL again
        follows it again, without storing its old items twice."""
        if not service_of(request).store.remove_feed(feed_id):
            raise HTTPException(404, f"no feed {feed_id}")
        return Response(status_code=204)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        from .pages import render_api_page

        return _page(render_api_page(request.app.openapi()))

    # -- pages ------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        request: Request,
        order: Literal["newest", "covered"] = "newest",
        page: Annotated[int, Query(ge=1)] = 1,
    ) -> HTMLResponse:
        return _page(service_of(request).index_page(order, page))

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        record = service_of(request).store.story(story_id)
        if record is None:
            return _page(service_of(request).message_page("No such story", story_id), 404)
        if record.brief_html is None:
            return _page(service_of(request).pending_page(record), 202)
        return _page(record.brief_html)

    return app


def _page(html: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        html,
        status_code=status,
        headers={"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"},
    )


def _from_json(body: bytes) -> Article:
    try:
        doc = ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
    published = _published(doc.published)
    if doc.text and doc.text.strip():
        return article_from_fields(
            doc.text,
            id=doc.url or doc.id or "",
            default_source="unknown",
            source=doc.source,
            title=doc.title,
            url=doc.url,
            published=published,
        )
    if doc.html and doc.html.strip():
        article = article_from_html(doc.html, doc.url or "posted page", doc.url or None)
        return replace(
            article,
            source=doc.source or article.source,
            title=doc.title or article.title,
            url=doc.url or article.url,
            published=published or article.published,
        )
    raise RequestValidationError(
        [{"loc": ("body", "text"), "msg": "give 'text' or 'html'", "type": "missing"}]
    )


def _from_html(body: bytes, url: str, source: str) -> Article:
    html = body.decode("utf-8", "replace")
    if not html.strip():
        raise RequestValidationError(
            [{"loc": ("body",), "msg": "empty HTML body", "type": "missing"}]
        )
    article = article_from_html(html, url or "posted page", url or None)
    return replace(article, source=source or article.source, url=url or article.url)


def _published(value: str | None) -> date | None:
    """The posted ``published`` field: strict ISO 8601, so the request path never waits
    on dateparser (seconds on its first call); a 422 naming the field otherwise."""
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise RequestValidationError(
            [{"loc": ("body", "published"), "msg": f"published: {exc}", "type": "value"}]
        ) from None
