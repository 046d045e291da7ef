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


def test_review_actions_export_the_waivers_file(page, tmp_path):
    """Click through a review in the real browser: a decision from the waivers file is shown,
    accept/reject/note on others, export; the export is a waivers file mtkit reads, byte for byte
    in mtkit's own format, and keeps the decision on a flag this report does not show."""
    from mtkit import api
    from mtkit.io.waivers import dumps, read_waivers, write_waivers
    from mtkit.model import Decision

    pairs = str(Path(__file__).parent / "data" / "files" / "ui.en-ar.xlf")
    flags = {f.check: f for f in api.audit(pairs=pairs).flags}
    number = flags["number.mismatch"]
    earlier = [Decision(number.fingerprint, number.check, "accept", number.src_text, number.tgt_text,
                        note="house style", who="rana", when="2026-01-02"),
               Decision("0" * 16, "idiom.literal", "reject", "hand over fist", "قبضة اليد", who="omar", when="2026-01-01")]
    waivers = tmp_path / "waivers.jsonl"
    write_waivers(str(waivers), earlier)
    result = api.audit(pairs=pairs, waivers=str(waivers))
    path = tmp_path / "review.html"
    path.write_text(render(result), encoding="utf-8")
    page.goto(path.as_uri())
    card_of = {page.get_attribute(f"#{c}", "data-check") + "/" + page.get_attribute(f"#{c}", "data-src"): f"#{c}"
               for c in page.eval_on_selector_all(".card", "els => els.map(e => e.id)")}
    known = card_of["number.mismatch/Five"]
    assert "accepted (waived) by rana, 2026-01-02" in page.inner_text(known)
    assert page.input_value(f"{known} .note") == "house style"
    assert page.inner_text("#decided") == "2 decisions"
    page.fill("#reviewer", "layla")
    placeholder = card_of["punctuation.placeholder/{0}"]
    page.click(f"{placeholder} button[data-decision=reject]")
    page.fill(f"{placeholder} .note", "a real bug: the count is lost")
    page.press(f"{placeholder} .note", "Tab")
    assert "rejected by layla" in page.inner_text(placeholder)
    tag = card_of["punctuation.placeholder/"]
    page.click(f"{tag} button[data-decision=accept]")
    page.click(f"{tag} button[data-decision=reject]")       # changed my mind
    page.click(f"{tag} button[data-decision=reject]")       # and undone: no decision
    page.click(f"{tag} button[data-decision=accept]")
    assert page.get_attribute(f"{tag} button[data-decision=accept]", "aria-pressed") == "true"
    assert page.inner_text("#decided") == "4 decisions"
    with page.expect_download() as info:
        page.click("#export")
    exported = tmp_path / "exported.jsonl"
    info.value.save_as(str(exported))
    text = exported.read_text(encoding="utf-8")
    assert page.input_value("#export-text") == text
    decisions = {d.fingerprint: d for d in read_waivers(str(exported))}
    lines = text.splitlines()
    assert lines == sorted(lines) and len(lines) == 4
    for d in earlier:                                            # kept as they were, byte for byte
        assert dumps(d) in lines
    assert all(dumps(d) == line for d, line in zip(sorted(decisions.values(), key=lambda d: d.fingerprint), lines))
    mine = [d for d in decisions.values() if d.who == "layla"]
    assert sorted((d.decision, d.src_text, d.note) for d in mine) == [
        ("accept", "", ""), ("reject", "{0}", "a real bug: the count is lost")]
    # the export is the waivers file of the next run: accepted flags are waived, the rejected one is not
    again = api.audit(pairs=pairs, waivers=str(exported))
    assert sorted((f.check, f.src_text, f.waived) for f in again.flags) == [
        ("number.mismatch", "Five", True), ("punctuation.placeholder", "", True),
        ("punctuation.placeholder", "{0}", False)]
    assert page.events["errors"] == []
