"""The HTML report in a real browser (Debian's chromium, headless): linked highlights, filters,
and hostile input that must stay text. Skipped only when /usr/bin/chromium is absent."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mtkit.model import AuditResult
from mtkit.report.html import render

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
DATA = Path(__file__).parent / "data" / "report"

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed")


def report(tmp_path: Path, name: str) -> str:
    result = AuditResult.from_dict(json.loads((DATA / f"{name}.audit.json").read_text(encoding="utf-8")))
    path = tmp_path / f"{name}.html"
    path.write_text(render(result), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    events = {"dialogs": [], "errors": [], "requests": []}
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.events = events
    yield page
    page.close()


def classes(page, selector: str) -> list[list[str]]:
    return page.eval_on_selector_all(selector, "els => els.map(e => Array.from(e.classList))")


def test_click_links_both_columns_and_card(page, tmp_path):
    url = report(tmp_path, "sample")
    page.goto(url)
    # the negation flag f3: one span in each column
    page.click('.col.ar mark[data-flags="f3"]')
    assert all("active" in c for c in classes(page, 'mark[data-flags~="f3"]'))
    assert len(classes(page, "mark.active")) == 2
    assert page.eval_on_selector_all("mark.active", "els => els.map(e => e.closest('.col').classList[1])") == ["en", "ar"]
    card = page.locator("#card-f3")
    assert "active" in card.get_attribute("class").split() and card.is_visible()
    assert "لم يتبرع" in card.inner_text()  # the suggestion
    # a piece covered by two flags (idiom f1 + grammar f2): clicks cycle through them
    piece = '.col.en mark[data-flags="f1 f2"]'
    page.click(piece)
    assert page.get_attribute("#card-f1", "class").split().count("active") == 1
    page.click(piece)
    assert "active" in page.get_attribute("#card-f2", "class").split()
    assert "active" not in page.get_attribute("#card-f1", "class").split()
    # clicking a card activates its spans; Escape clears
    page.click("#card-f5")
    assert len(classes(page, "mark.active")) == 2
    page.keyboard.press("Escape")
    assert classes(page, ".active") == []
    assert page.events["errors"] == [] and page.events["dialogs"] == []
    assert all(u.startswith("file://") for u in page.events["requests"])
    page.click('.col.ar mark[data-flags="f4"]')
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_filters_hide_other_categories(page, tmp_path):
    page.goto(report(tmp_path, "sample"))
    # keep only "number": untick every other category
    for value in page.eval_on_selector_all("input.f-cat", "els => els.map(e => e.value)"):
        if value != "number":
            page.uncheck(f'input.f-cat[value="{value}"]')
    visible_cards = page.eval_on_selector_all(".card", "els => els.filter(e => !e.hidden).map(e => e.dataset.category)")
    assert visible_cards == ["number"]
    lit = page.eval_on_selector_all("mark.hl:not(.off)", "els => els.map(e => e.dataset.flags)")
    assert lit == ["f4", "f4"]
    # the highlight of a filtered-out flag no longer reacts
    page.click('.col.en mark[data-flags="f3"]')
    assert classes(page, ".active") == []
    assert page.inner_text("#showing") == "showing 1 of 8 flags"
    # severity filter: untick critical too, then nothing is lit; only flagged segments hides all
    page.uncheck('input.f-sev[value="critical"]')
    assert page.eval_on_selector_all("mark.hl:not(.off)", "els => els.length") == 0
    page.check("#only-flagged")
    assert page.eval_on_selector_all("section.seg:not([hidden])", "els => els.length") == 0
    page.check('input.f-sev[value="critical"]')
    assert page.eval_on_selector_all("section.seg:not([hidden])", "els => els.length") == 1
    # a mark covering a critical and a filtered-out flag takes the color of what is still shown
    page.check('input.f-cat[value="grammar"]')
    assert "sev-minor" in page.get_attribute('.col.en mark[data-flags="f1 f2"]', "class").split()


def test_hostile_input_runs_nothing(page, tmp_path):
    page.goto(report(tmp_path, "hostile"))
    page.click('.col.ar mark[data-flags="f1"]')
    page.click('.col.en mark[data-flags="f1"]')
    page.click("#card-f1")
    page.wait_for_timeout(200)  # give an image error handler the time it would need
    assert page.evaluate("window.__pwned") is None
    assert page.events["dialogs"] == []
    assert page.evaluate("document.querySelectorAll('main img, main script, main svg').length") == 0
    hostile = json.loads((DATA / "hostile.audit.json").read_text(encoding="utf-8"))["segments"][0]
    assert page.inner_text(".col.en") == hostile["src"]
    assert page.inner_text(".col.ar") == hostile["tgt"]
    assert "<img src=x onerror=window.__pwned=6>" in page.inner_text("#card-f1")
    assert '"><svg onload=alert(5)>' in page.inner_text(".seg-head")
    assert page.events["errors"] == []
