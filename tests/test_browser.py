"""The story page in a real headless Chromium, driven by Playwright.

Needs Debian's chromium (``/usr/bin/chromium``, or ``NEWSBRIEF_CHROMIUM``);
without it the tests skip, unless ``NEWSBRIEF_REQUIRE_BROWSER=1`` (set by CI,
which installs it) turns the skip into a failure. Screenshots are kept in
``test-artifacts/`` (or ``NEWSBRIEF_ARTIFACTS``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsbrief.ingest import load_articles
from servers import local_http, running_service, wait_until_briefed
from test_service import article_json, settings_for

CHROMIUM = os.environ.get("NEWSBRIEF_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(
    os.environ.get("NEWSBRIEF_ARTIFACTS") or Path(__file__).parent.parent / "test-artifacts"
)
# Chromium as the probe of this machine runs it: no sandbox (root), and no
# background connections, which a closed network refuses by the dozen.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set NEWSBRIEF_CHROMIUM)"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _browser_missing()
    if missing:
        if os.environ.get("NEWSBRIEF_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser test required but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def briefed_service(tmp_path_factory, example_dir):
    """The service holding the bundled example, and one story with hostile text."""
    tmp = tmp_path_factory.mktemp("browser")
    docs = [article_json(a) for a in load_articles([example_dir])]
    hostile = {
        "title": "Storm <script>window.pwned = 1</script> floods harbour town",
        "text": (
            '<img src=x onerror="window.pwned = 2"> A storm flooded the harbour town of '
            "Quillby on Monday, forcing 300 people from their homes. <script>window.pwned = 3"
            "</script> The coastguard said the sea wall failed at dawn."
        ),
        "source": 'Harbour <b onmouseover="window.pwned=4">Gazette</b>',
        "published": "2026-11-02",
    }
    with running_service(settings_for(tmp)) as base:
        for doc in [*docs, hostile]:
            local_http.post(f"{base}/articles", json=doc).raise_for_status()
        wait_until_briefed(base)
        stories = local_http.get(f"{base}/stories", params={"order": "covered"}).json()["stories"]
        yield base, stories


def test_story_page_shows_citations_timeline_and_conflicts(browser, briefed_service):
    base, stories = briefed_service
    raqqa = stories[0]
    brief = local_http.get(f"{base}/stories/{raqqa['id']}").json()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/")
    page.click(f"a[href='/story/{raqqa['id']}']")
    page.wait_for_url(f"{base}/story/{raqqa['id']}")

    cites = page.locator("#summary .cite")
    assert cites.count() == sum(len(s["citations"]) for s in brief["summary"])
    first = cites.first
    quote = first.locator(".cite-quote")
    assert not quote.is_visible()
    first.hover()
    quote.wait_for(state="visible")
    number = int(first.get_attribute("data-source"))
    expected = {q["source"]: q["text"] for q in brief["summary"][0]["quotes"]}
    assert quote.inner_text().strip() == expected[number]

    # The timeline chart: one dot per dated event, drawn as SVG.
    dots = page.locator("#timeline svg circle.event")
    assert dots.count() == len(brief["timeline"])
    assert page.locator("#timeline svg").bounding_box()["width"] > 200
    differ = page.locator("#differ").inner_text()
    assert "2,500" in differ and "4,000" in differ
    assert page.locator("#agree").is_visible()
    # Agree and differ side by side on a wide screen.
    agree_box = page.locator("#agree").bounding_box()
    differ_box = page.locator("#differ").bounding_box()
    assert abs(agree_box["y"] - differ_box["y"]) < 5 and agree_box["x"] != differ_box["x"]
    links = page.locator("#sources a")
    assert links.count() >= 1

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-page.png"), full_page=True)
    assert (ARTIFACTS / "story-page.png").stat().st_size > 10_000
    page.close()


def test_story_page_reads_on_a_phone(browser, briefed_service):
    base, stories = briefed_service
    page = browser.new_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page.goto(f"{base}/story/{stories[0]['id']}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    cite = page.locator("#summary .cite").first
    cite.locator("button").tap()
    cite.locator(".cite-quote").wait_for(state="visible")
    agree_box = page.locator("#agree").bounding_box()
    differ_box = page.locator("#differ").bounding_box()
    assert differ_box["y"] > agree_box["y"]  # stacked, not squeezed side by side
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-page-phone.png"), full_page=True)
    page.close()


def test_hostile_article_text_never_runs(browser, briefed_service):
    base, stories = briefed_service
    storm = next(s for s in stories if "Storm" in s["title"] or "storm" in s["title"])
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/", f"/story/{storm['id']}"):
        page.goto(f"{base}{path}")
        page.mouse.move(10, 10)
        for cite in page.locator(".cite button").all()[:5]:
            cite.hover()
        assert page.evaluate("typeof window.pwned") == "undefined"
        shown = page.locator("body").inner_text()
        assert "<script>window.pwned = 1</script>" in shown  # the title, as text
    assert dialogs == []
    page.close()
