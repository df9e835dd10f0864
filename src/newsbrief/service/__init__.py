"""newsbrief as a self-hosted service: an HTTP API, browser pages and feed polling.

The modules each do one job: :mod:`.store` (the SQLite database and its
migrations), :mod:`.desk` (grouping into stories and writing briefs, on a
background thread), :mod:`.feeds` (polling RSS and Atom), :mod:`.limits`
(request size), :mod:`.service` (wiring them together) and :mod:`.app` (the
FastAPI routes and pages). Run it with ``newsbrief serve``.
"""

from .settings import DEFAULT_DB, DeskSettings, FeedSettings, ServiceSettings

__all__ = [
    "DEFAULT_DB",
    "DeskSettings",
    "FeedSettings",
    "Service",
    "ServiceSettings",
    "create_app",
    "serve",
]


def __getattr__(name: str):
    # The service itself pulls in the pipeline and the grouper; load it on first use.
    if name == "Service":
        from .service import Service

        return Service
    raise AttributeError(name)


def create_app(settings: ServiceSettings):
    """The FastAPI application (imported lazily: FastAPI is only needed to serve)."""
    from .app import create_app as make

    return make(settings)


def serve(settings: ServiceSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the service with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", workers=1)
