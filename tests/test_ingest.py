"""Tests of the ingest layer: every input format, and every way an input can be bad."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

import pytest

from detente.errors import ArticleError
from detente.ingest import (
    DEFAULT_MAX_BYTES,
    check_article,
    detect_language,
    html_to_text,
    parse_date,
    read_articles,
    read_path,
)
from detente.models import Article, text_hash

BORDER_TALKS = (
    "The foreign ministers of Armenia and Azerbaijan met in Geneva on Friday to discuss the "
    "demarcation of their shared border, according to a statement from the Swiss government."
)
CEASEFIRE = (
    "Officials from both delegations said the talks had been constructive. They agreed to set up a "
    "joint working group on border crossings and to meet again before the end of the year."
)
PRISONERS = (
    "Separately, the Armenian government said it had released six detained soldiers as a goodwill "
    "gesture, and called on Baku to return the remains of servicemen missing since the war."
)
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré vendredi son homologue à Genève pour discuter "
    "d'un cessez-le-feu le long de la frontière. Les deux délégations ont promis de reprendre les "
    "négociations la semaine prochaine, selon un communiqué publié après la réunion, qui a duré plus "
    "de six heures."
)
RUSSIAN = (
    "Министр иностранных дел встретился в пятницу со своим коллегой в Женеве, чтобы обсудить "
    "прекращение огня на границе. Обе делегации пообещали возобновить переговоры на следующей "
    "неделе, говорится в заявлении, опубликованном после встречи, которая продолжалась более шести "
    "часов."
)
NOT_ENGLISH = "Detente codes English text only — article skipped"


@pytest.fixture(scope="module", autouse=True)
def language_model() -> None:
    """Load py3langid's model (about 0.8 s, once) before the tests, not inside the first one."""
    detect_language("warm up")


def split(items: Iterable[Article | ArticleError]) -> tuple[list[Article], list[ArticleError]]:
    """The articles and the errors of a read, each in order."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for item in items:
        if isinstance(item, ArticleError):
            errors.append(item)
        else:
            articles.append(item)
    return articles, errors


def read_one(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: TextIO | None = None
) -> Article | ArticleError:
    """The one item that reading ``path`` gives."""
    items = list(read_articles([path], max_bytes=max_bytes, stdin=stdin))
    assert len(items) == 1, items
    return items[0]


def error_of(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleError:
    item = read_one(path, max_bytes=max_bytes)
    assert isinstance(item, ArticleError), item
    return item


def article_of(path: Path) -> Article:
    item = read_one(path)
    assert isinstance(item, Article), item
    return item


# --- plain text -------------------------------------------------------------------------------


def test_text_with_headers(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(
        "Title: Armenia and Azerbaijan resume border talks\n"
        "Date: 21 November 2025\n"
        "Source: Caucasus Wire\n"
        "URL: https://news.example.org/talks\n"
        "\n"
        f"{BORDER_TALKS}\n\n{CEASEFIRE}\n",
        encoding="utf-8",
    )
    article = article_of(path)
    assert article.title == "Armenia and Azerbaijan resume border talks"
    assert article.published == dt.date(2025, 11, 21)
    assert article.source == "Caucasus Wire"
    assert article.url == "https://news.example.org/talks"
    assert article.text == f"{BORDER_TALKS}\n\n{CEASEFIRE}"
    assert article.origin == str(path)
    assert article.language == "en"
    assert article.doc_id == text_hash(article.text)


def test_text_without_headers_is_all_body(tmp_path: Path) -> None:
    path = tmp_path / "plain.TXT"
    path.write_text(f"\n{BORDER_TALKS}\n{PRISONERS}\n", encoding="utf-8")
    article = article_of(path)
    assert article.text == f"{BORDER_TALKS}\n{PRISONERS}"
    assert article.title is None and article.published is None and article.source is None


def test_text_header_lines_need_a_blank_line_after_them(tmp_path: Path) -> None:
    path = tmp_path / "report.text"
    path.write_text(f"Source: a senior diplomat\n{BORDER_TALKS}\n", encoding="utf-8")
    article = article_of(path)
    assert article.source is None
    assert article.text.startswith("Source: a senior diplomat\n")


def test_text_published_header_iso_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"Published: 2025-03-04\r\nID: talks-7\r\n\r\n{BORDER_TALKS}\r\n".encode())
    article = article_of(path)
    assert article.published == dt.date(2025, 3, 4)
    assert article.doc_id == "talks-7"
    assert "\r" not in article.text


def test_text_bad_date_header(tmp_path: Path) -> None:
    path = tmp_path / "baddate.txt"
    path.write_text(f"Title: Talks\nDate: sometime soon\n\n{BORDER_TALKS}\n", encoding="utf-8")
    error = error_of(path)
    assert error.where == str(path)
    assert "bad Date header 'sometime soon': not a date" in error.problem


# --- HTML -------------------------------------------------------------------------------------

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Armenia and Azerbaijan resume border talks | Caucasus Wire</title>
  <meta property="og:site_name" content="Caucasus Wire">
  <meta property="og:title" content="Armenia and Azerbaijan resume border talks">
  <meta property="article:published_time" content="2025-11-21T09:30:00+01:00">
  <link rel="canonical" href="https://news.example.org/2025/11/21/border-talks">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Armenia and Azerbaijan resume border talks</h1>
    <p>{BORDER_TALKS}</p>
    <p>{CEASEFIRE}</p>
    <p>{PRISONERS}</p>
  </article>
  <footer>Copyright 2025 Caucasus Wire. All rights reserved.</footer>
</body>
</html>
"""


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = article_of(path)
    assert BORDER_TALKS in article.text and PRISONERS in article.text
    assert "All rights reserved" not in article.text
    assert "Sport" not in article.text
    assert article.title == "Armenia and Azerbaijan resume border talks"
    assert article.published == dt.date(2025, 11, 21)
    assert article.source == "Caucasus Wire"
    assert article.url == "https://news.example.org/2025/11/21/border-talks"
    assert article.origin == str(path)


def test_broken_html_still_gives_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.HTM"
    path.write_text(f"<html><body><div><p>{BORDER_TALKS}<p>{CEASEFIRE}<p><b>{PRISONERS}", encoding="utf-8")
    article = article_of(path)
    assert "Geneva on Friday" in article.text
    assert "goodwill gesture" in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>App</title><script>start()</script></head>"
        "<body><div id='root'></div><script src='app.js'></script></body></html>",
        "<html><body><img src='map.png' alt=''><!-- nothing here --></body></html>",
    ],
)
def test_html_without_text(tmp_path: Path, page: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    assert error_of(path).problem == "no article text found in HTML"


def test_html_declared_legacy_encoding_is_honoured(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("constructive.", "constructive, said the café owner.")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("windows-1252"))
    assert "café owner" in article_of(path).text


def test_feed_declared_legacy_encoding_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.xml"
    feed = RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    feed = feed.replace("constructive", "très constructive")
    path.write_bytes(feed.encode("latin-1"))
    articles, errors = split(read_articles([path]))
    assert errors == [] and "très constructive" in articles[0].text


def test_undeclared_legacy_encoding_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "undeclared.html"
    page = HTML_PAGE.replace('<meta charset="utf-8">', "").replace("constructive", "très constructive")
    path.write_bytes(page.encode("latin-1"))
    offset = page.encode("latin-1").index(b"tr\xe8s") + 2
    assert error_of(path).problem == f"not valid UTF-8 text (byte offset {offset})"


def test_html_to_text_keeps_paragraphs() -> None:
    assert html_to_text("<p>One <b>two</b>.</p><p>Three &amp; four.</p><script>x()</script>") == (
        "One two.\nThree & four."
    )
    assert html_to_text("plain words") == "plain words"


# --- feeds ------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Caucasus Wire</title>
    <link>https://news.example.org/</link>
    <description>News from the South Caucasus</description>
    <item>
      <title>Border talks resume</title>
      <link>https://news.example.org/border-talks</link>
      <guid>https://news.example.org/?p=101</guid>
      <pubDate>Fri, 21 Nov 2025 01:30:00 +0300</pubDate>
      <description>&lt;p&gt;{BORDER_TALKS}&lt;/p&gt;&lt;p&gt;{CEASEFIRE}&lt;/p&gt;</description>
    </item>
    <item>
      <title>Soldiers released</title>
      <link>https://news.example.org/soldiers</link>
      <pubDate>Sat, 22 Nov 2025 08:00:00 GMT</pubDate>
      <description><![CDATA[<p>{PRISONERS}</p>]]></description>
    </item>
  </channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Geneva Diplomatic Desk</title>
  <id>urn:uuid:5d3c9a6e-0000-4000-8000-000000000001</id>
  <updated>2025-11-22T10:00:00Z</updated>
  <entry>
    <title>Ministers meet in Geneva</title>
    <link href="https://desk.example.net/ministers-meet"/>
    <id>urn:uuid:5d3c9a6e-0000-4000-8000-000000000002</id>
    <updated>2025-11-21T18:00:00Z</updated>
    <summary>Short summary only.</summary>
    <content type="html">&lt;p&gt;{BORDER_TALKS}&lt;/p&gt;&lt;p&gt;{CEASEFIRE}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Prisoners freed</title>
    <link href="https://desk.example.net/prisoners"/>
    <id>urn:uuid:5d3c9a6e-0000-4000-8000-000000000003</id>
    <published>2025-11-22T07:00:00Z</published>
    <updated>2025-11-22T09:00:00Z</updated>
    <content type="text">{PRISONERS}</content>
  </entry>
</feed>
"""


def test_rss_feed(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, errors = split(read_articles([path]))
    assert errors == []
    first, second = articles
    assert first.title == "Border talks resume"
    assert first.url == "https://news.example.org/border-talks"
    assert first.doc_id == "https://news.example.org/?p=101"
    assert first.published == dt.date(2025, 11, 21)  # the date as written, not moved to UTC
    assert first.source == "Caucasus Wire"
    assert first.text == f"{BORDER_TALKS}\n{CEASEFIRE}"
    assert first.origin == f"{path}#1"
    assert second.text == PRISONERS
    assert second.doc_id == text_hash(PRISONERS)  # no guid: the text hash
    assert second.published == dt.date(2025, 11, 22)
    assert second.origin == f"{path}#2"


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, errors = split(read_articles([path]))
    assert errors == []
    first, second = articles
    assert first.title == "Ministers meet in Geneva"
    assert first.text == f"{BORDER_TALKS}\n{CEASEFIRE}"  # the content, not the shorter summary
    assert first.url == "https://desk.example.net/ministers-meet"
    assert first.published == dt.date(2025, 11, 21)
    assert first.source == "Geneva Diplomatic Desk"
    assert second.text == PRISONERS
    assert second.published == dt.date(2025, 11, 22)


@pytest.mark.parametrize(
    "content",
    ["<rss><channel><title>Wire</title><item><title>Broken</item>", "this is not a feed at all"],
)
def test_malformed_feed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(content, encoding="utf-8")
    error = error_of(path)
    assert error.where == str(path)
    assert error.problem.startswith("malformed feed, no entries could be read (")


def test_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "quiet.feed"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        encoding="utf-8",
    )
    assert error_of(path).problem == "feed has no entries"


# --- JSONL ------------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": BORDER_TALKS,
                "title": "Talks",
                "published": "2025-11-21",
                "source": "Caucasus Wire",
                "url": "https://news.example.org/a1",
                "language": "en",
            }
        ),
        "{this is not json",
        json.dumps({"id": "a3", "title": "No text here"}),
        "",
        json.dumps({"id": "a5", "text": CEASEFIRE, "published": "the 32nd of Smarch"}),
        json.dumps(["a list", "not an object"]),
        json.dumps({"id": 7, "text": PRISONERS, "published": "22 November 2025"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": CEASEFIRE, "title": 12}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = split(read_articles([path]))
    assert [a.doc_id for a in articles] == ["a1", "7"]
    first = articles[0]
    assert (first.title, first.published, first.source, first.url, first.language) == (
        "Talks",
        dt.date(2025, 11, 21),
        "Caucasus Wire",
        "https://news.example.org/a1",
        "en",
    )
    assert first.origin == f"{path}:1"
    assert articles[1].published == dt.date(2025, 11, 22)
    assert articles[1].origin == f"{path}:7"
    by_line = {error.where: error.problem for error in errors}
    assert list(by_line) == [f"{path}:{n}" for n in (2, 3, 5, 6, 8, 9)]
    assert by_line[f"{path}:2"].startswith("not valid JSON")
    assert by_line[f"{path}:3"] == "no 'text' field"
    assert by_line[f"{path}:5"].startswith("bad 'published' 'the 32nd of Smarch': not a date")
    assert by_line[f"{path}:6"] == "expected a JSON object, got an array"
    assert by_line[f"{path}:8"] == "empty article"
    assert by_line[f"{path}:9"] == "'title' must be a string, got a number"


def test_jsonl_without_id_hashes_text(tmp_path: Path) -> None:
    path = tmp_path / "noid.ndjson"
    path.write_text(json.dumps({"text": BORDER_TALKS}) + "\n", encoding="utf-8")
    assert article_of(path).doc_id == text_hash(BORDER_TALKS)


def test_jsonl_language_field(tmp_path: Path) -> None:
    path = tmp_path / "langs.jsonl"
    records = [
        {"id": "fr", "text": "Short text.", "language": "fr"},
        {"id": "gb", "text": BORDER_TALKS, "language": "en-GB"},
        {"id": "eng", "text": CEASEFIRE, "language": "English"},
        {"id": "mislabelled", "text": RUSSIAN, "language": "en"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles, errors = split(read_articles([path]))
    assert [a.doc_id for a in articles] == ["gb", "eng"]
    assert all(a.language == "en" for a in articles)
    assert errors[0].where == f"{path}:1"
    assert errors[0].problem == f"language given as 'fr'; {NOT_ENGLISH}"
    assert errors[1].where == f"{path}:4"
    assert errors[1].problem == f"language detected as 'ru' (p=1.00); {NOT_ENGLISH}"


def test_jsonl_line_limits_and_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "limits.jsonl"
    good = json.dumps({"id": "ok", "text": BORDER_TALKS}).encode()
    long_line = json.dumps({"id": "long", "text": "word " * 400}).encode()
    bad_utf8 = b'{"id": "bad", "text": "caf\xe9 talks"}'
    path.write_bytes(b"\n".join([good, long_line, bad_utf8, good]) + b"\n")
    articles, errors = split(read_articles([path], max_bytes=1_000))
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:4"]
    assert errors[0].where == f"{path}:2"
    assert errors[0].problem == "line is 2 kB, over the 1 kB limit"
    offset = len(good) + 1 + len(long_line) + 1 + bad_utf8.index(b"\xe9")
    assert errors[1].where == f"{path}:3"
    assert errors[1].problem == f"not valid UTF-8 text (byte offset {offset})"


def test_jsonl_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "nothing.jsonl"
    path.write_text("\n\n  \n", encoding="utf-8")
    assert error_of(path).problem == "empty file, no articles"


# --- paths and directories --------------------------------------------------------------------


def test_directory_recursion(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b" / "deeper").mkdir(parents=True)
    (corpus / ".git").mkdir()
    (corpus / "a.txt").write_text(BORDER_TALKS, encoding="utf-8")
    (corpus / "b" / "c.TXT").write_text(CEASEFIRE, encoding="utf-8")
    (corpus / "b" / "deeper" / "d.jsonl").write_text(json.dumps({"text": PRISONERS}), encoding="utf-8")
    (corpus / "b" / "report.pdf").write_bytes(b"%PDF-1.7\x00\x01")
    (corpus / "notes.md").write_text("# notes", encoding="utf-8")
    (corpus / ".hidden.txt").write_text(CEASEFIRE, encoding="utf-8")
    (corpus / ".git" / "x.txt").write_text(CEASEFIRE, encoding="utf-8")
    articles, errors = split(read_articles([corpus]))
    assert errors == []
    assert [a.origin for a in articles] == [
        str(corpus / "a.txt"),
        str(corpus / "b" / "c.TXT"),
        f"{corpus / 'b' / 'deeper' / 'd.jsonl'}:1",
    ]


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.7")
    error = error_of(tmp_path)
    assert error.where == str(tmp_path)
    assert error.problem.startswith("no article files in folder")


def test_explicit_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    error = error_of(path)
    assert error.problem.startswith("unsupported file type '.pdf' (expected .txt, .text, .html, .htm, ")


def test_missing_path_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BORDER_TALKS, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(read_articles([missing, good]))
    assert isinstance(items[0], ArticleError)
    assert str(items[0]) == f"{missing}: no such file or directory"
    assert isinstance(items[1], Article)


def test_read_path_directly(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(BORDER_TALKS, encoding="utf-8")
    articles, errors = split(read_path(str(path)))
    assert errors == [] and articles[0].text == BORDER_TALKS


# --- bad content ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.xml"])
@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n"])
def test_empty_file(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert error_of(path).problem == "empty article"


def test_text_with_headers_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "headers.txt"
    path.write_text("Title: Nothing follows\nDate: 2025-11-21\n\n", encoding="utf-8")
    assert error_of(path).problem == "empty article"


@pytest.mark.parametrize("name", ["image.txt", "image.html", "image.rss", "image.jsonl"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert error_of(path).problem == "binary file, not text"


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    data = "Talks in Genève resumed.".encode("latin-1")
    path.write_bytes(data)
    offset = data.index("è".encode("latin-1"))
    assert error_of(path).problem == f"not valid UTF-8 text (byte offset {offset})"


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + f"Title: Talks\n\n{BORDER_TALKS}".encode())
    article = article_of(path)
    assert article.title == "Talks" and article.text == BORDER_TALKS


def test_huge_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.write(BORDER_TALKS.encode())
        stream.truncate(50_000_000)  # sparse: quick to make, 50 MB by stat

    def no_open(self: Path, *args: object, **kwargs: object) -> object:
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(Path, "open", no_open)
    assert error_of(path).problem == "file is 50 MB, over the 20 MB limit"


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.encode().ljust(2_345))
    assert error_of(path, max_bytes=500).problem == "file is 2.3 kB, over the 500 bytes limit"
    assert error_of(path, max_bytes=2_340).problem == "file is 2,345 bytes, over the 2.3 kB limit"
    assert isinstance(read_one(path, max_bytes=2_345), Article)


def test_article_text_too_long(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Talks went on. " * 70_000, encoding="utf-8")  # 1,050,000 characters
    assert error_of(path).problem.startswith("article text too long (1,049,999 characters")


@pytest.mark.parametrize(("text", "lang"), [(FRENCH, "fr"), (RUSSIAN, "ru")])
def test_non_english_article_is_skipped(tmp_path: Path, text: str, lang: str) -> None:
    path = tmp_path / f"{lang}.txt"
    path.write_text(text, encoding="utf-8")
    error = error_of(path)
    assert error.where == str(path)
    assert error.problem == f"language detected as '{lang}' (p=1.00); {NOT_ENGLISH}"


def test_short_non_english_text_is_not_rejected_on_detection(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Les négociations reprennent à Genève.", encoding="utf-8")
    assert article_of(path).text == "Les négociations reprennent à Genève."


def test_check_article() -> None:
    assert check_article(Article(text=BORDER_TALKS, origin="x")) is None
    error = check_article(Article(text=FRENCH, origin="memo"))
    assert error is not None and error.where == "memo" and error.problem.startswith("language detected")
    empty = check_article(Article(text="  "))
    assert empty is not None and empty.problem == "empty article"


# --- standard input ---------------------------------------------------------------------------


def test_stdin_jsonl() -> None:
    stdin = io.StringIO(
        "\n"
        + json.dumps({"id": "s1", "text": BORDER_TALKS})
        + "\nnot json\n"
        + json.dumps({"text": CEASEFIRE})
        + "\n"
    )
    articles, errors = split(read_articles(["-"], stdin=stdin))
    assert [a.doc_id for a in articles] == ["s1", text_hash(CEASEFIRE)]
    assert [a.origin for a in articles] == ["<stdin>:2", "<stdin>:4"]
    assert [e.where for e in errors] == ["<stdin>:3"]


def test_stdin_text() -> None:
    stdin = io.StringIO(f"Title: From a pipe\nDate: 2025-11-21\n\n{BORDER_TALKS}\n")
    article = read_one(Path("-"), stdin=stdin)
    assert isinstance(article, Article)
    assert article.title == "From a pipe"
    assert article.published == dt.date(2025, 11, 21)
    assert article.text == BORDER_TALKS
    assert article.origin == "<stdin>"


def test_stdin_default_is_read_as_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    data = f"Title: Piped\n\n{BORDER_TALKS} Café talks.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    article = read_one(Path("-"))
    assert isinstance(article, Article) and article.text.endswith("Café talks.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9 talks"), encoding="latin-1"))
    assert [str(item) for item in read_articles(["-"])] == ["<stdin>: not valid UTF-8 text"]


def test_stdin_empty() -> None:
    items = list(read_articles(["-"], stdin=io.StringIO("\n  \n")))
    assert [str(item) for item in items] == ["<stdin>: empty article"]


# --- metadata fallbacks and ids ---------------------------------------------------------------


def test_published_fallback(tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text(BORDER_TALKS, encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text(f"Date: 2024-05-01\n\n{CEASEFIRE}", encoding="utf-8")
    articles, _ = split(read_articles([undated, dated], published=dt.date(2025, 1, 2)))
    assert [a.published for a in articles] == [dt.date(2025, 1, 2), dt.date(2024, 5, 1)]
    assert articles[0].doc_id == text_hash(BORDER_TALKS)


def test_stable_doc_id_across_formats(tmp_path: Path) -> None:
    txt = tmp_path / "talks.txt"
    txt.write_bytes(f"{BORDER_TALKS}\r\n".encode())
    jsonl = tmp_path / "talks.jsonl"
    jsonl.write_text(json.dumps({"text": f"  {BORDER_TALKS}\n"}) + "\n", encoding="utf-8")
    from_stdin = read_one(Path("-"), stdin=io.StringIO(BORDER_TALKS))
    ids = {article_of(txt).doc_id, article_of(jsonl).doc_id, article_of(txt).doc_id}
    assert isinstance(from_stdin, Article)
    assert ids == {from_stdin.doc_id} == {text_hash(BORDER_TALKS)}


def test_parse_date_forms() -> None:
    assert parse_date("2025-11-21") == dt.date(2025, 11, 21)
    assert parse_date("2025-11-21T23:30:00-05:00") == dt.date(2025, 11, 21)
    assert parse_date("21 November 2025") == dt.date(2025, 11, 21)
    assert parse_date("Fri, 21 Nov 2025 10:00:00 GMT") == dt.date(2025, 11, 21)
    for vague in ("yesterday", "November 2025", "2025", "2025-02-30", "soon", ""):
        assert parse_date(vague) is None, vague
