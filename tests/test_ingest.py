from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import StoryError, load_articles, read_stories
from newsbrief.model import Story


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def stories(*paths) -> list[Story | StoryError]:
    return list(read_stories(paths))


def test_text_files_form_one_story_with_title_date_and_source(tmp_path):
    a = write(
        tmp_path / "01_meridian_wire.txt",
        "date 2017-07-04\nForces breach Raqqa wall\n\nForces entered the Old City on Tuesday.\n",
    )
    b = write(tmp_path / "other.txt", "Another outlet reports the breach of the wall today.\n")
    [story] = stories(a, b)
    first, second = story.articles
    assert first.published == date(2017, 7, 4)
    assert first.title == "Forces breach Raqqa wall"
    assert first.source == "Meridian Wire"
    assert "date 2017" not in first.text and "Old City" in first.text
    assert second.title == "" and second.published is None
    assert first.id == str(a)


def test_title_is_found_past_menus_and_section_labels(tmp_path):
    text = (
        "1. Skip to content\n2. Skip to main menu\nMiddle East\n\n"
        "Fighters punch through Raqqa's ancient wall\n\nJuly 4, 2017\n\n"
        "Coalition strikes opened two gaps in the wall.\n"
    )
    [story] = stories(write(tmp_path / "dw.txt", text))
    article = story.articles[0]
    assert article.title == "Fighters punch through Raqqa's ancient wall"
    assert "punch through" not in article.text and "two gaps" in article.text


def test_directory_is_read_recursively_in_order_and_skips_readme(tmp_path):
    write(tmp_path / "b.txt", "Second article text that is long enough.")
    write(tmp_path / "a.md", "# Title A\n\nFirst article with **bold** and a [link](http://x.y).")
    write(tmp_path / "README.md", "# About this folder\n\nNot an article.")
    write(tmp_path / "notes.csv", "a,b")
    [story] = stories(tmp_path)
    assert [Path(a.id).name for a in story.articles] == ["a.md", "b.txt"]
    md = story.articles[0]
    assert md.title == "Title A"
    assert "First article with bold and a link." in md.text


def test_html_uses_trafilatura_metadata(tmp_path):
    html = """<html><head><title>Wall breached | Levant Observer</title>
    <meta property="og:site_name" content="Levant Observer">
    <meta property="og:title" content="Wall breached">
    <meta property="article:published_time" content="2017-07-04T18:40:00+03:00">
    <link rel="canonical" href="https://www.levantobserver.example/a/1"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Wall breached</h1>
    <p>US-backed forces breached the wall around the Old City of Raqqa on Tuesday, they said.</p>
    <p>The offensive to retake the city from the Islamic State group began on 6 June.</p>
    </article><footer>We use cookies to improve your experience.</footer></body></html>"""
    [story] = stories(write(tmp_path / "page.html", html))
    [article] = story.articles
    assert article.source == "Levant Observer"
    assert article.url == "https://www.levantobserver.example/a/1"
    assert article.published == date(2017, 7, 4)
    assert "began on 6 June" in article.text
    assert "cookies" not in article.text and "Home" not in article.text


def test_source_falls_back_to_url_host(tmp_path):
    line = {
        "id": "s1",
        "documents": [{"text": "Some text here.", "url": "https://www.bbc.co.uk/n"}],
    }
    [story] = stories(write(tmp_path / "x.jsonl", json.dumps(line) + "\n"))
    assert story.articles[0].source == "bbc.co.uk"


def test_jsonl_one_story_per_line_with_string_and_object_documents(tmp_path):
    lines = [
        {
            "id": "a",
            "documents": [
                "First doc.",
                {"text": "Second doc.", "source": "Wire", "title": "T", "published": "4 July 2017"},
            ],
        },
        {"id": "b", "documents": ["Only doc of b."]},
    ]
    path = write(tmp_path / "s.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    a, b = stories(path)
    assert a.id == "a" and b.id == "b"
    assert [x.source for x in a.articles] == ["Article 1", "Wire"]
    assert a.articles[1].published == date(2017, 7, 4)
    assert a.articles[1].title == "T"


def test_jsonl_single_articles_form_one_story(tmp_path):
    lines = [
        {"id": "x1", "text": "One.", "source": "A"},
        {"id": "x2", "text": "Two.", "source": "B"},
    ]
    path = write(tmp_path / "arts.jsonl", "\n".join(json.dumps(x) for x in lines))
    [story] = stories(path)
    assert [a.id for a in story.articles] == ["x1", "x2"]


def test_malformed_jsonl_line_is_reported_with_its_number_and_others_survive(tmp_path):
    good = json.dumps({"id": "ok", "documents": ["Fine."]})
    path = write(tmp_path / "bad.jsonl", f"{good}\n{{not json\n{good}\n")
    items = stories(path)
    assert [type(x).__name__ for x in items] == ["Story", "StoryError", "Story"]
    assert f"{path}:2" in str(items[1].error)
    assert "invalid JSON" in str(items[1].error)


@pytest.mark.parametrize(
    "line, message",
    [
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "x"}', "neither 'documents' nor 'text'"),
        ('{"documents": "abc"}', "'documents' must be a list"),
        ('{"documents": [5]}', "must be a string or an object"),
        ('{"documents": [{"title": "no text"}]}', "has no 'text'"),
        ('{"documents": ["   "]}', "has no article text"),
    ],
)
def test_jsonl_shape_errors(tmp_path, line, message):
    [item] = stories(write(tmp_path / "s.jsonl", line + "\n"))
    assert isinstance(item, StoryError)
    assert message in str(item.error)


def test_multinews_raw_form(tmp_path):
    raw = (
        "First article line one.NEWLINE_CHARNEWLINE_CHARLine two. ||||| Second article. |||||\n"
        "Other story only article.\n"
    )
    a, b = stories(write(tmp_path / "test.src", raw))
    assert len(a.articles) == 2
    assert a.articles[0].text == "First article line one.\n\nLine two."
    assert len(b.articles) == 1


def test_multinews_sniffed_from_txt(tmp_path):
    [story] = stories(write(tmp_path / "mn.txt", "A one. ||||| B two."))
    assert len(story.articles) == 2


def test_stdin(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"An article from stdin. It has two sentences.\n"))
    monkeypatch.setattr(sys, "stdin", fake)
    [story] = stories("-")
    assert story.articles[0].source == "stdin"


def test_stdin_jsonl(monkeypatch):
    data = json.dumps({"id": "z", "documents": ["x y z."]}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [story] = stories("-")
    assert story.id == "z"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty input"),
        (b"  \n\n ", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ],
)
def test_bad_files(tmp_path, content, message):
    path = write(tmp_path / "bad.txt", content)
    with pytest.raises(InputError, match=message):
        stories(path)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        stories(tmp_path / "nope.txt")


def test_no_paths():
    with pytest.raises(InputError, match="no input"):
        stories()


def test_empty_directory(tmp_path):
    with pytest.raises(InputError, match="directory has no"):
        stories(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", "text")

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError, match="permission denied"):
        stories(path)


def test_non_utf8_is_decoded_with_a_warning(tmp_path, caplog):
    text = "Le président a déclaré que l'armée était prête à intervenir à Raqqa ce mardi."
    path = write(tmp_path / "latin.txt", text.encode("cp1252"))
    [story] = stories(path)
    assert "président" in story.articles[0].text
    assert any("not valid UTF-8" in r.message for r in caplog.records)


def test_load_articles_rejects_multi_story_input(tmp_path):
    lines = "\n".join(json.dumps({"id": i, "documents": ["x."]}) for i in "ab")
    with pytest.raises(InputError, match="holds 2 stories"):
        load_articles([write(tmp_path / "s.jsonl", lines)])


def test_bundled_example_reads(example_dir):
    [story] = stories(example_dir)
    assert len(story.articles) >= 5
    names = {a.source for a in story.articles}
    assert len(names) == len(story.articles)
    assert any(a.published == date(2017, 7, 4) for a in story.articles)
    assert any(a.url for a in story.articles)


def test_files_take_free_text_dates_and_requests_only_iso():
    from newsbrief.ingest import parse_date, parse_iso_date

    assert parse_date("2017-07-04T09:30:00Z") == date(2017, 7, 4)
    assert parse_date("July 4, 2017") == date(2017, 7, 4)  # dateparser, for files and pages
    assert parse_iso_date("2017-07-04") == date(2017, 7, 4)
    assert parse_iso_date(" 2017-07-04T23:30:00-05:00 ") == date(2017, 7, 4)
    for value in ("July 4, 2017", "yesterday", ""):
        with pytest.raises(ValueError, match="expected an ISO 8601 date or date-time"):
            parse_iso_date(value)


def test_outlet_falls_back_to_the_url_host_then_a_default():
    from newsbrief.ingest import article_from_fields, host_of

    assert host_of("https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert host_of("not a url") == ""
    named = article_from_fields("T.", id="a", default_source="unknown", source="Wire", url="")
    hosted = article_from_fields("T.", id="a", default_source="unknown", url="https://www.x.org/")
    bare = article_from_fields("T.", id="a", default_source="Article 2")
    assert (named.source, hosted.source, bare.source) == ("Wire", "x.org", "Article 2")
