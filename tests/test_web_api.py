"""The web app in process (FastAPI TestClient): every page and API endpoint, filters and paging, errors,
ingest over POST, and escaping of article text. A small store: a few demo articles plus one whose
text holds markup."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.api import good_articles, ingest_articles
from detente.core import Pipeline
from detente.data_files import data_path
from detente.models import Article
from detente.store import Store

web_app = pytest.importorskip("detente.web.app")
queries = pytest.importorskip("detente.web.queries")

DEMO = (
    "12-border-fire-claims.txt",
    "13-yerevan-investigation-mechanism.txt",
    "34-putin-apologises-dushanbe.txt",
    "35-aliyev-thanks-putin.txt",
    "36-kazakh-view-after-dushanbe.txt",
    "41-kyiv-embassy-iskander.txt",
    "42-russian-source-interceptor.txt",
    "43-baku-rejects-russian-version.txt",
)
SCRIPT = "<script>alert(1)</script>"
HOSTILE_ID = "hostile-markup"
HOSTILE = Article(
    doc_id=HOSTILE_ID,
    title="Ministry site <b>defaced</b>",
    published=dt.date(2025, 10, 20),
    source="Test <i>Wire</i>",
    text=(
        "Latvia's Foreign Ministry recalled its ambassador from Lithuania on Monday after a statement on "
        f"its website was replaced by the text {SCRIPT} overnight. Lithuania expressed regret to Latvia "
        "on Tuesday."
    ),
)
TOKEN = "s3cret-token"
POSTED = (
    "Title: Test envoy summoned\nDate: 2025-11-03\nSource: Test Wire\n\n"
    "Estonia's Foreign Ministry summoned the Hungarian ambassador on Monday to protest over remarks "
    "made by Hungary's prime minister."
)


@pytest.fixture(scope="module")
def web_db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with eight demo articles and the markup article (built once for this module)."""
    path = tmp_path_factory.mktemp("webapi") / "web.duckdb"
    folder = Path(str(data_path("demo")))
    articles = list(good_articles([str(folder / name) for name in DEMO]))
    assert len(articles) == len(DEMO)
    with Store(path) as store:
        ingest_articles([*articles, HOSTILE], store, pipeline)
    return path


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    """A read-only app (no token) over the module's store."""
    app = web_app.create_app(web_db)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.detente.con.close()


@pytest.fixture
def writer(web_db: Path, tmp_path: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    """An app with a token over a copy of the store, and a small body limit."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_db, copy)
    app = web_app.create_app(copy, token=TOKEN, max_body_bytes=20_000, pipeline=pipeline)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.detente.con.close()


def first_day(date: str | None) -> str | None:
    """The first day an event date covers, as YYYY-MM-DD ("2025-10" → "2025-10-01")."""
    if not date:
        return None
    start = date.split("/")[0]
    return start + ("-01-01" if len(start) == 4 else "-01" if len(start) == 7 else "")


def get_json(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def html(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def all_events(client: TestClient, query: str = "") -> list[dict[str, Any]]:
    """Every event matching ``query``, read page by page."""
    items: list[dict[str, Any]] = []
    offset = 0
    while True:
        page = get_json(client, f"/api/events?limit=7&offset={offset}{query}")
        items += page["items"]
        offset += 7
        if offset >= page["total"]:
            assert len(items) == page["total"]
            return items


# ------------------------------------------------------------------------------------------------
# HTML pages
# ------------------------------------------------------------------------------------------------


def test_home_lists_dyads_with_links_and_a_search_form(client: TestClient) -> None:
    page = html(client, "/")
    links = re.findall(r'<a data-testid="dyad-link" href="/dyads/([A-Z0-9]+)/([A-Z0-9]+)"', page)
    assert ("AZE", "RUS") in links
    ranking = get_json(client, "/api/dyads?limit=500")
    assert links == [(d["a"], d["b"]) for d in ranking["items"]], "the page shows the API's ranking"
    assert re.search(r'<form data-testid="search" action="/search"[^>]*>\s*<input name="q"', page)
    csp = client.get("/").headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", csp)
    assert script_src and script_src.group(1).strip() == "'self'"


def test_dyad_page_has_chart_spec_and_timeline_linking_to_events(client: TestClient) -> None:
    page = html(client, "/dyads/RUS/AZE")
    assert '<div id="chart" data-testid="chart"' in page
    spec = json.loads(
        re.search(r'<script type="application/json" id="chart-spec">(.*?)</script>', page, re.S)[1]
    )
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    hrefs = [v["href"] for values in spec["datasets"].values() for v in values if "href" in v]
    assert hrefs and all(h.startswith("/events/") for h in hrefs)
    for href in set(hrefs):
        assert get_json(client, "/api" + href)["event"]["event_id"] == href.split("/")[-1]
    assert "cdn" not in page.lower() and "https://" not in re.sub(r'"\$schema": "[^"]*"', "", page)
    items = re.findall(
        r'<a data-testid="timeline-event" href="/events/([^"]+)" data-date="([^"]*)"',
        page.split('data-testid="timeline"')[1],
    )
    timeline = get_json(client, "/api/dyads/AZE/RUS/timeline?limit=500")
    assert len(items) == timeline["total"] > 0, "one timeline entry per merged event"
    assert any(date.startswith("2025-10") for _, date in items)
    for _, date in items:
        assert date == "" or re.fullmatch(r"\d{4}-\d\d-\d\d", date)
    event_id, _ = next(i for i in items if i[1].startswith("2025-10"))
    event = get_json(client, f"/api/events/{event_id}")
    event_page = html(client, f"/events/{event_id}")
    evidence = re.search(
        r'<mark class="evidence" title="[^"]*" data-testid="evidence">(.*?)</mark>', event_page, re.S
    )
    assert evidence is not None
    from html import unescape

    assert unescape(evidence[1]) == event["event"]["sentence"].rstrip()


def test_dyad_page_options_and_errors(client: TestClient) -> None:
    weekly = html(client, "/dyads/AZE/RUS?freq=week&since=2025-10-01&until=2025-10-31")
    dates = re.findall(r'data-testid="timeline-event" href="[^"]+" data-date="([^"]*)"', weekly)
    assert dates and all("2025-09-01" <= d <= "2025-10-31" for d in dates)
    assert "freq" in html(client, "/dyads/AZE/RUS?freq=year", 400)
    assert "since" in html(client, "/dyads/AZE/RUS?since=yesterday", 400)
    assert "since" in html(client, "/dyads/AZE/RUS?since=2025-12-01&until=2025-01-01", 400)
    assert "no events between" in html(client, "/dyads/AZE/ZZZ", 404)
    assert "not a country" in html(client, "/dyads/AZE/%3Cx%3E", 400)


def test_event_page_lists_every_merged_report(client: TestClient) -> None:
    timeline = get_json(client, "/api/dyads/AZE/RUS/timeline?limit=500")["items"]
    merged = [t for t in timeline if t["n_sources"] >= 2]
    assert merged, "precondition: an event reported by two articles"
    item = merged[0]
    detail = get_json(client, f"/api/events/{item['event_id']}")
    assert {s["doc_id"] for s in detail["sources"]} == set(item["sources"])
    page = html(client, f"/events/{item['event_id']}")
    block = page.split('<ul data-testid="sources"')[1].split("</ul>")[0]
    for doc_id in item["sources"]:
        assert f'href="/articles/{doc_id}"' in block
    for source in detail["sources"]:
        assert f'href="/events/{source["event_id"]}"' in block
    assert "event" in html(client, "/events/no-such-event", 404)


def test_article_page_marks_actors_and_triggers(client: TestClient) -> None:
    doc_id = get_json(client, "/api/articles?limit=1")["items"][0]["doc_id"]
    article = get_json(client, f"/api/articles/{doc_id}")
    page = html(client, f"/articles/{doc_id}")
    assert article["events"], "precondition: the article has events"
    assert page.count('<mark class="event"') >= 1 and '<mark class="actor"' in page
    for event in article["events"]:
        assert f'href="/events/{event["event_id"]}"' in page
    html(client, "/articles/nope", 404)


def test_contested_page_and_api(client: TestClient) -> None:
    data = get_json(client, "/api/contested")
    assert data["claims_built"] is True
    assert data["total"] == len(data["items"]) >= 1
    page = html(client, "/contested")
    for incident in data["items"]:
        for claim in incident["claims"]:
            assert f'href="/articles/{claim["doc_id"]}"' in page
            assert {"claimant", "perpetrator", "sentence", "polarity"} <= set(claim)
    assert len(get_json(client, "/api/contested?limit=1")["items"]) == 1


def test_search_page_and_wildcards_taken_literally(client: TestClient) -> None:
    page = html(client, "/search?q=ambassador")
    found = re.findall(r'<li><a href="/events/([^"]+)"', page)
    assert found
    for event_id in found:
        assert "ambassador" in get_json(client, f"/api/events/{event_id}")["event"]["sentence"].lower()
    assert re.findall(r'<li><a href="/events/', html(client, "/search?q=qqxzzv")) == []
    assert re.findall(r'<li><a href="/events/', html(client, "/search?q=%25")) == [], "% is not a wildcard"
    assert html(client, "/search")  # no query: a prompt


# ------------------------------------------------------------------------------------------------
# JSON API
# ------------------------------------------------------------------------------------------------


def test_articles_are_paged(client: TestClient) -> None:
    first = get_json(client, "/api/articles?limit=4")
    second = get_json(client, "/api/articles?limit=4&offset=4")
    every = get_json(client, "/api/articles?limit=500")
    assert first["total"] == len(DEMO) + 1 == len(every["items"])
    assert [a["doc_id"] for a in first["items"] + second["items"]] == [a["doc_id"] for a in every["items"]][
        :8
    ]
    assert (first["limit"], first["offset"], second["offset"]) == (4, 0, 4)
    detail = get_json(client, f"/api/articles/{HOSTILE_ID}")
    assert detail["text"] == HOSTILE.text and detail["n_events"] == len(detail["events"]) > 0
    assert get_json(client, "/api/articles/nope", 404) == {"error": "no article 'nope'"}


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("since=2025-13-01", "since"),
        ("until=soon", "until"),
        ("since=2025-12-01&until=2025-01-01", "since"),
        ("type=BOMB", "type"),
        ("track=space", "track"),
        ("a=R%20U", "a"),
        ("b=RUS", "b"),
        ("a=RUS&directed=true", "directed"),
        ("directed=maybe", "directed"),
    ],
)
def test_bad_event_filters_are_400_naming_the_parameter(client: TestClient, query: str, name: str) -> None:
    body = get_json(client, f"/api/events?{query}", 400)
    assert body["error"].startswith(f"{name}:"), body


def test_event_filters(client: TestClient) -> None:
    everything = all_events(client)
    assert len(everything) == get_json(client, "/api/events")["total"]
    starts = [first_day(e["date"]) for e in everything]
    dated = [d for d in starts if d is not None]
    assert dated == sorted(dated) and starts[: len(dated)] == dated, "date order, undated last"
    both = all_events(client, "&a=RUS&b=AZE")
    directed = all_events(client, "&a=RUS&b=AZE&directed=true")
    assert both and {(e["source"]["country"], e["target"]["country"]) for e in both} <= {
        ("RUS", "AZE"),
        ("AZE", "RUS"),
    }
    assert all(e["source"]["country"] == "RUS" for e in directed) and len(directed) < len(both)
    either = all_events(client, "&a=AZE")
    assert all("AZE" in (e["source"]["country"], (e["target"] or {}).get("country")) for e in either)
    typed = all_events(client, "&type=accuse")
    assert typed and all(e["event_type"] == "ACCUSE" for e in typed)
    window = all_events(client, "&since=2025-10-01&until=2025-10-31")
    assert window and all(e["date"] and e["date"][:10] <= "2025-10-31" for e in window)
    worded = all_events(client, "&q=ambassador")
    assert worded and all("ambassador" in e["sentence"].lower() for e in worded)
    claimed = all_events(client, "&claimant=AZE")
    assert all(e["claimant"] and e["claimant"]["country"] == "AZE" for e in claimed)
    military = all_events(client, "&track=military")
    assert military and len(military) < len(everything)
    combined = all_events(client, "&a=RUS&b=AZE&since=2025-10-01&type=CONSULT")
    assert {e["event_id"] for e in combined} <= {e["event_id"] for e in both}


def test_event_detail(client: TestClient) -> None:
    event = get_json(client, "/api/events?limit=1")["items"][0]
    detail = get_json(client, f"/api/events/{event['event_id']}")
    assert detail["event"] == event
    assert event["event_id"] in {s["event_id"] for s in detail["sources"]}
    assert get_json(client, "/api/events/missing", 404)["error"] == "no event 'missing'"


def test_dyad_ranking_series_and_timeline(client: TestClient) -> None:
    ranking = get_json(client, "/api/dyads")
    keys = [(-d["recent"], -d["facade_max"], -d["events"]) for d in ranking["items"]]
    assert keys == sorted(keys), "most recent activity first, then facade gap, then size"
    assert ranking["total"] == len(ranking["items"])
    assert ("AZE", "RUS") in [(d["a"], d["b"]) for d in ranking["items"]]
    assert len(get_json(client, "/api/dyads?limit=1")["items"]) == 1
    series = get_json(client, "/api/dyads/RUS/AZE/series?freq=week")
    assert series["freq"] == "week" and series["series"]
    assert all(dt.date.fromisoformat(p["period"]).weekday() == 0 for p in series["series"])
    assert get_json(client, "/api/dyads/RUS/AZE/series?freq=hour", 400)["error"].startswith("freq:")
    assert get_json(client, "/api/dyads/RUS/XYZ/series", 404)["error"]
    page = get_json(client, "/api/dyads/RUS/AZE/timeline?limit=3&offset=1")
    every = get_json(client, "/api/dyads/RUS/AZE/timeline?limit=500")
    assert [i["cluster_id"] for i in page["items"]] == [i["cluster_id"] for i in every["items"]][1:4]
    for item in page["items"]:
        assert get_json(client, f"/api/events/{item['event_id']}")["cluster_id"] == item["cluster_id"]


def test_actors(client: TestClient) -> None:
    found = get_json(client, "/api/actors?q=aliyev")
    assert found["total"] >= 1 and all(
        "aliyev" in " ".join(str(v) for v in a.values()).lower() for a in found["items"]
    )
    assert get_json(client, "/api/actors?q=zzqqxx")["total"] == 0
    assert get_json(client, "/api/actors?limit=2")["limit"] == 2


def test_openapi_and_docs_are_served_offline(client: TestClient) -> None:
    spec = get_json(client, "/openapi.json")
    for path in (
        "/api/events",
        "/api/articles",
        "/api/dyads/{a}/{b}/series",
        "/api/contested",
        "/api/actors",
    ):
        assert path in spec["paths"]
    docs = html(client, "/docs")
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs
    assert client.get("/static/vendor/vega-lite.min.js").status_code == 200


# ------------------------------------------------------------------------------------------------
# POST /api/articles
# ------------------------------------------------------------------------------------------------


def test_post_is_disabled_without_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", content=POSTED, headers={"content-type": "text/plain"})
    assert response.status_code == 403 and "--token" in response.json()["error"]
    with pytest.raises(duckdb.Error):
        client.app.state.detente.con.cursor().execute("CREATE TABLE t (i INT)")  # type: ignore[attr-defined]


def test_post_with_token_ingests_once(writer: TestClient) -> None:
    headers = {"authorization": f"Bearer {TOKEN}", "content-type": "text/plain; charset=utf-8"}
    before = get_json(writer, "/api/articles")["total"]
    first = writer.post("/api/articles", content=POSTED, headers=headers)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["articles_added"] == 1 and body["events_added"] >= 1
    doc_id = body["doc_ids"][0]
    stored = get_json(writer, f"/api/articles/{doc_id}")
    assert stored["title"] == "Test envoy summoned" and stored["published"] == "2025-11-03"
    assert get_json(writer, "/api/articles")["total"] == before + 1
    assert get_json(writer, "/api/events?a=EST&b=HUN")["total"] >= 1
    # the merged events were refreshed: the new pair is ranked and has its page
    assert ("EST", "HUN") in [(d["a"], d["b"]) for d in get_json(writer, "/api/dyads?limit=500")["items"]]
    assert 'data-testid="timeline-event"' in html(writer, "/dyads/EST/HUN")
    again = writer.post("/api/articles", content=POSTED, headers=headers)
    assert (
        again.status_code == 200 and again.json()["articles_added"] == 0 and again.json()["duplicates"] == 1
    )
    assert get_json(writer, "/api/articles")["total"] == before + 1
    records = [
        {
            "id": "json-1",
            "text": "Greece's foreign minister met his Turkish counterpart in Athens on Friday.",
        },
        {"id": "json-2", "text": "Chile recalled its ambassador from Peru.", "published": "2025-11-04"},
    ]
    listed = writer.post(
        "/api/articles", content=json.dumps(records), headers={**headers, "content-type": "application/json"}
    )
    assert listed.status_code == 200 and listed.json()["articles_added"] == 2
    assert get_json(writer, "/api/articles/json-2")["published"] == "2025-11-04"


@pytest.mark.parametrize(
    ("headers", "status", "words"),
    [
        ({"authorization": "Bearer wrong"}, 403, "Authorization"),
        ({}, 403, "Authorization"),
        ({"authorization": f"Basic {TOKEN}"}, 403, "Authorization"),
        ({"authorization": f"Bearer {TOKEN}", "content-type": "application/pdf"}, 415, "Content-Type"),
    ],
)
def test_post_refused(writer: TestClient, headers: dict[str, str], status: int, words: str) -> None:
    response = writer.post("/api/articles", content=POSTED, headers={"content-type": "text/plain", **headers})
    assert response.status_code == status and words in response.json()["error"]


def test_post_oversize_and_bad_articles(writer: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    big = writer.post("/api/articles", content="x " * 20_000, headers={**auth, "content-type": "text/plain"})
    assert big.status_code == 413 and "body" in big.json()["error"]
    bad = [{"id": "ok", "text": "Peru recalled its ambassador from Chile."}, {"id": "no-text"}]
    response = writer.post(
        "/api/articles", content=json.dumps(bad), headers={**auth, "content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"] == "<body>[1]: no 'text' field"
    assert get_json(writer, "/api/articles/ok", 404), "nothing is stored when an article is bad"
    broken = writer.post(
        "/api/articles", content="{oops", headers={**auth, "content-type": "application/json"}
    )
    assert broken.status_code == 422 and broken.json()["error"].startswith("<body>: not valid JSON")
    empty = writer.post("/api/articles", content="  ", headers={**auth, "content-type": "text/plain"})
    assert empty.status_code == 422 and empty.json()["error"] == "<body>: empty article"
    bad_date = writer.post(
        "/api/articles",
        content=json.dumps({"text": "Peru recalled its ambassador.", "published": "someday"}),
        headers={**auth, "content-type": "application/json"},
    )
    assert bad_date.status_code == 422 and "'published'" in bad_date.json()["error"]


# ------------------------------------------------------------------------------------------------
# escaping and errors
# ------------------------------------------------------------------------------------------------


def test_markup_in_articles_is_escaped_in_every_page(client: TestClient) -> None:
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    event_ids = [e["event_id"] for e in get_json(client, f"/api/articles/{HOSTILE_ID}")["events"]]
    assert event_ids
    pages = [f"/articles/{HOSTILE_ID}", *(f"/events/{i}" for i in event_ids), "/search?q=alert"]
    for url in pages:
        page = html(client, url)
        assert SCRIPT not in page and "<b>defaced</b>" not in page and "<i>Wire</i>" not in page, url
    assert escaped in html(client, f"/articles/{HOSTILE_ID}")
    assert "&lt;b&gt;defaced&lt;/b&gt;" in html(client, f"/articles/{HOSTILE_ID}")
    assert html(client, "/search?q=%3Cscript%3E").count("<script") == 0
    # the JSON API returns the text as data, unchanged
    assert SCRIPT in get_json(client, f"/api/articles/{HOSTILE_ID}")["text"]


def test_unknown_pages_and_error_formats(client: TestClient) -> None:
    assert get_json(client, "/api/nothing", 404) == {"error": "no page at /api/nothing"}
    assert "no page at /nothing" in html(client, "/nothing", 404)
    assert client.post("/api/events").status_code == 405


def test_server_errors_show_no_traceback(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(queries, "dyad_ranking", broken)
    for url, kind in (("/api/dyads", "application/json"), ("/", "text/html")):
        response = client.get(url)
        assert response.status_code == 500
        assert response.headers["content-type"].startswith(kind)
        assert "Traceback" not in response.text and "secret internal detail" not in response.text
        assert "RuntimeError" not in response.text
    assert client.get("/api/dyads").json() == {
        "error": "internal error: the server could not answer this request"
    }


# ------------------------------------------------------------------------------------------------
# detente serve
# ------------------------------------------------------------------------------------------------


def test_serve_command_binds_loopback_and_prints_the_url(
    web_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from detente import cli

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    copy = tmp_path / "served.duckdb"
    shutil.copy(web_db, copy)
    result = CliRunner().invoke(cli.app, ["serve", "--db", str(copy), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "Serving Detente at http://127.0.0.1:8123/" in result.output
    assert calls and calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123
    assert calls[0]["app"].state.detente.token is None, "read-only without --token"
    calls[0]["app"].state.detente.con.close()
    missing = CliRunner().invoke(cli.app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and not calls[1:]
