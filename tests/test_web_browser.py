"""Browser tests of the web UI: Playwright drives Debian's Chromium against the real app on loopback.

Only what needs a browser is tested here (client-side chart, clicks, script safety); the routes and the
JSON API are tested in process. No browser is ever downloaded: the tests skip, saying why, when Debian's
``chromium`` is missing (``make test`` installs it with apt when run as root).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from web_server import HOST, IMG_SNIPPET, MARKUP_DOC_ID, SCRIPT_SNIPPET, LiveServer, WebCorpus

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (Python) is not installed")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "dyad-page.png"
TIMEOUT_MS = 15_000
DYAD_LINK = 'a[data-testid="dyad-link"]'
RUS_AZE_LINK = f'{DYAD_LINK}[href$="/dyads/RUS/AZE"], {DYAD_LINK}[href$="/dyads/AZE/RUS"]'
TIMELINE_EVENT = 'ol[data-testid="timeline"] a[data-testid="timeline-event"]'
EVIDENCE = 'div[data-testid="article-text"] mark[data-testid="evidence"]'
EVENT_URL = re.compile(r"/events/([^/?#]+)$")


def chromium_path() -> str | None:
    """Debian's Chromium: ``DETENTE_CHROMIUM`` if set, else /usr/bin/chromium or ``chromium`` on the PATH."""
    chosen = os.environ.get("DETENTE_CHROMIUM")
    candidates = [chosen] if chosen else ["/usr/bin/chromium", shutil.which("chromium")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


CHROMIUM = chromium_path()
NO_CHROMIUM = "Debian chromium not installed; `make test` installs it as root via apt"
if os.environ.get("DETENTE_CHROMIUM"):
    NO_CHROMIUM += f" (DETENTE_CHROMIUM={os.environ['DETENTE_CHROMIUM']} is not an executable)"
pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)]


@dataclass
class Recorder:
    """What a page did besides rendering: requests, console errors, uncaught errors, dialogs."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """No console or script errors, no failed request, no request off loopback."""
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.page_errors, f"uncaught page errors: {self.page_errors}"
        assert not self.failed, f"failed requests: {self.failed}"
        off_host = [url for url in self.requests if not is_loopback(url)]
        assert not off_host, f"requests to hosts other than {HOST}: {off_host}"
        assert not self.blocked, f"requests blocked because they left loopback: {self.blocked}"


def is_loopback(url: str) -> bool:
    """True for URLs on the test server's host and for in-page data/blob/about URLs."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https") and parts.hostname == HOST


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium, launched once for this module and closed at its end."""
    assert CHROMIUM is not None  # the module is skipped otherwise
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, live_server: LiveServer) -> Iterator[tuple[Any, Recorder]]:
    """A fresh page in its own context, recording what it does; requests off loopback are aborted."""
    record = Recorder()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)

    def guard(route: Any) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            record.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    # Listen on the context, so pages a click opens (target=_blank) are recorded too.
    context.on("request", lambda request: record.requests.append(request.url))
    context.on("requestfailed", lambda request: record.failed.append(f"{request.url}: {request.failure}"))
    context.on(
        "response",
        lambda response: (
            record.failed.append(f"{response.url}: HTTP {response.status}")
            if response.status >= 400
            else None
        ),
    )
    context.on("console", lambda msg: record.console_errors.append(msg.text) if msg.type == "error" else None)
    context.on("weberror", lambda error: record.page_errors.append(str(error.error)))

    def on_dialog(dialog: Any) -> None:
        record.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.on("dialog", on_dialog)
    tab = context.new_page()
    try:
        yield tab, record
    finally:
        context.close()


def open_rus_aze(tab: Any) -> None:
    """From the home page, click the Russia–Azerbaijan dyad link and wait for the chart to render."""
    tab.goto("/")
    links = tab.locator(DYAD_LINK)
    assert links.count() > 0, "the home page lists no dyad links"
    tab.locator(RUS_AZE_LINK).first.click()
    tab.wait_for_url(re.compile(r"/dyads/(RUS/AZE|AZE/RUS)(\?.*)?$"))
    tab.locator("#chart svg, #chart canvas").first.wait_for(state="visible")


def event_id_of(url: str) -> str:
    """The event id of an event page URL (fails the test on any other URL)."""
    match = EVENT_URL.search(urlsplit(url).path)
    assert match, f"not an event page: {url}"
    return match.group(1)


def squash(text: str) -> str:
    """Whitespace collapsed, for comparing rendered text with stored text."""
    return " ".join(text.split())


def test_home_to_dyad_page_renders_chart_offline(page: tuple[Any, Recorder]) -> None:
    """Home lists dyads; the Russia–Azerbaijan link opens a page whose chart renders from local files only."""
    tab, record = page
    open_rus_aze(tab)
    chart = tab.locator('div#chart[data-testid="chart"]')
    assert chart.count() == 1
    if chart.locator("svg").count():
        marks = chart.locator("svg path, svg line, svg rect, svg circle").count()
        assert marks > 0, "the chart's SVG has no marks"
    assert tab.locator(TIMELINE_EVENT).count() > 0, "the dyad page's timeline is empty"
    tab.wait_for_load_state("networkidle")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    # the top of the page (header, chart, start of the timeline): what the README shows
    tab.screenshot(path=str(SCREENSHOT), clip={"x": 0, "y": 0, "width": 1280, "height": 1400})
    assert SCREENSHOT.stat().st_size > 10_000
    assert any(urlsplit(url).path.endswith(".js") for url in record.requests), "no script was loaded"
    record.assert_clean()


def test_home_to_evidence_in_two_clicks(page: tuple[Any, Recorder], web_corpus: WebCorpus) -> None:
    """Home → dyad → an October 2025 timeline event: the highlighted evidence is the event's sentence."""
    tab, record = page
    october = [e for e in web_corpus.events.values() if (e.date or "").startswith("2025-10")]
    assert october, "precondition: the demo corpus has events dated October 2025"
    open_rus_aze(tab)  # click 1
    october_links = tab.locator(f'{TIMELINE_EVENT}[data-date^="2025-10"]')
    assert october_links.count() > 0, "the Russia–Azerbaijan timeline has no event dated October 2025"
    link = october_links.first
    date = link.get_attribute("data-date")
    assert date and re.fullmatch(r"2025-10-\d\d", date), f"data-date is not YYYY-MM-DD: {date!r}"
    href = link.get_attribute("href")
    link.click()  # click 2
    tab.wait_for_url(EVENT_URL)
    event_id = event_id_of(tab.url)
    assert href is not None and href.endswith(f"/events/{event_id}")
    event = web_corpus.events.get(event_id)
    assert event is not None, f"the timeline links to an event that is not stored: {event_id}"
    assert (event.date or "")[:7] == "2025-10", f"timeline date {date} but the event is dated {event.date}"
    mark = tab.locator(EVIDENCE)
    assert mark.count() == 1
    mark.scroll_into_view_if_needed()
    assert mark.is_visible()
    assert squash(mark.inner_text()) == squash(event.sentence)
    article_text = squash(tab.locator('div[data-testid="article-text"]').inner_text())
    assert squash(event.sentence) in article_text
    assert tab.locator('ul[data-testid="sources"] a[href^="/articles/"]').count() > 0
    record.assert_clean()


def test_chart_mark_links_to_event_page(page: tuple[Any, Recorder], web_corpus: WebCorpus) -> None:
    """Clicking an event mark of the Vega chart lands on that event's page."""
    tab, record = page
    open_rus_aze(tab)
    if tab.locator("#chart svg").count() == 0:
        pytest.skip("the chart renders to canvas: marks cannot be located as elements")
    # Vega's SVG renderer binds each scene item to its element as __data__; marks with an href link.
    found = tab.evaluate(
        """() => {
            const hits = [...document.querySelectorAll('#chart svg *')].filter(
                (el) => el.__data__ && typeof el.__data__.href === 'string' && el.__data__.href);
            const el = hits.find((e) => {  // a mark on top at its centre, so a click reaches it
                const r = e.getBoundingClientRect();
                return r.width && r.height &&
                    document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === e;
            });
            if (!el) return null;
            el.setAttribute('data-test-mark', '1');
            return el.__data__.href;
        }"""
    )
    assert found, "no chart mark carries an href"
    assert EVENT_URL.search(urlsplit(found).path), f"a chart mark links elsewhere: {found}"
    popups: list[Any] = []
    tab.context.on("page", lambda popup: popups.append(popup))
    tab.locator("[data-test-mark]").first.click()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    landed = None
    while landed is None and time.monotonic() < deadline:
        for candidate in [tab, *popups]:
            if EVENT_URL.search(urlsplit(candidate.url).path):
                landed = candidate
        tab.wait_for_timeout(50)
    assert landed is not None, f"clicking a chart mark (href {found}) did not open an event page"
    landed.locator(EVIDENCE).wait_for(state="visible")
    assert event_id_of(landed.url) == event_id_of(found)
    assert event_id_of(landed.url) in web_corpus.events
    record.assert_clean()


@pytest.mark.parametrize("kind", ["article", "event"])
def test_markup_in_article_text_is_shown_not_run(
    page: tuple[Any, Recorder], web_corpus: WebCorpus, kind: str
) -> None:
    """An article whose text holds <script> and <img onerror> shows them as text and runs neither."""
    tab, record = page
    if kind == "article":
        url = f"/articles/{MARKUP_DOC_ID}"
    else:
        ids = [e.event_id for e in web_corpus.events.values() if e.doc_id == MARKUP_DOC_ID]
        ids.sort(key=lambda i: "<script>" not in web_corpus.events[i].sentence)
        assert ids, "precondition: the markup article was coded into events"
        url = f"/events/{ids[0]}"
    response = tab.goto(url)
    assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(200)  # a broken image would fire onerror by now
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    assert record.dialogs == []
    body = tab.locator("body").inner_text()
    assert SCRIPT_SNIPPET in body
    assert IMG_SNIPPET in body
    assert tab.locator("body img[onerror]").count() == 0
    if kind == "event":
        assert SCRIPT_SNIPPET in tab.locator(EVIDENCE).inner_text()
    record.assert_clean()


def test_search_box_lists_matching_events(page: tuple[Any, Recorder], web_corpus: WebCorpus) -> None:
    """Typing a word in the home page's search box and submitting lists events; a nonsense word lists none."""
    tab, record = page
    word = "ambassador"
    assert any(word in e.sentence.lower() for e in web_corpus.events.values()), "precondition"
    tab.goto("/")
    box = tab.locator('form[data-testid="search"] input[name="q"]')
    box.fill(word)
    box.press("Enter")
    tab.wait_for_url(re.compile(rf"/search\?(.*&)?q={word}"))
    results = tab.locator('a[href^="/events/"]')
    assert results.count() > 0, f"searching {word!r} lists no events"
    listed = {event_id_of(results.nth(i).get_attribute("href") or "") for i in range(results.count())}
    assert listed <= set(web_corpus.events), "search results link to events that are not stored"
    assert any(word in web_corpus.events[i].sentence.lower() for i in listed)
    tab.locator('form[data-testid="search"] input[name="q"]').fill("qqxzzv")
    tab.locator('form[data-testid="search"] input[name="q"]').press("Enter")
    tab.wait_for_url(re.compile(r"/search\?(.*&)?q=qqxzzv"))
    assert tab.locator('a[href^="/events/"]').count() == 0
    record.assert_clean()
