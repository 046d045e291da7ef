"""The comparison page of ``mtkit score -f html`` in a real browser (Debian's chromium, headless):
scores with significance, the error profile and bucket charts as inline SVG, the disagreeing
segments right to left with highlights; hostile system names and outputs stay text and nothing is
fetched. Skipped only when /usr/bin/chromium is absent."""
from __future__ import annotations

import os

import pytest

import mtkit
from mtkit.report.compare_html import render

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
HOSTILE = "<img src=x onerror=window.__pwned=1>"

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed")


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.events = {"errors": [], "requests": [], "dialogs": []}
        page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
        page.on("request", lambda r: page.events["requests"].append(r.url))
        page.on("dialog", lambda d: (page.events["dialogs"].append(d.message), d.dismiss()))
        yield page
        browser.close()


def test_comparison_page(page, corpora, tmp_path):
    hostile = tmp_path / f"{HOSTILE}.ar.txt"      # a file name is a system name
    lines = (corpora / "musk-trump.ar.txt").read_text(encoding="utf-8").splitlines()
    lines[2] = f"{HOSTILE} <script>window.__pwned=2</script> من المجلة:"
    hostile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corrected = str(corpora / "musk-trump.corrected.ar.txt")
    result = mtkit.score(corrected, [str(hostile), corrected],
                         src=str(corpora / "musk-trump.en.txt"), audit=True, analyze=True, n_samples=200)
    path = tmp_path / "compare.html"
    path.write_text(render(result), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None and page.events["dialogs"] == [] and page.events["errors"] == []
    assert all(u.startswith("file://") for u in page.events["requests"])
    assert page.evaluate("document.querySelectorAll('main img, main script').length") == 0
    assert "<img src=x onerror=window (baseline)" in page.inner_text("header .legend")   # name: up to the first dot
    # scores: the corrected text is the reference, so its BLEU is 100 and significantly better
    assert page.locator("#scores tbody tr").count() == 2 and page.locator("#scores td.sig.better").count() == 3
    # the profile: a row per category flagged plus the error score; one SVG bar per category and system
    rows = page.eval_on_selector_all("#profile tbody th", "els => els.map(e => e.textContent)")
    assert rows[0] == "idiom" and rows[-1] == "error score"
    bars = page.eval_on_selector_all("#profile svg rect", "els => els.map(e => e.getAttribute('class'))")
    assert len(bars) == 2 * (len(rows) - 1) and set(bars) == {"sys-0", "sys-1"}
    assert page.locator("#buckets svg").count() == 3
    # disagreeing segments: Arabic laid out right to left, flags highlighted in the flagged output
    first = page.locator("#disagreements .seg").first
    directions = first.locator(".out .text").evaluate_all("els => els.map(e => getComputedStyle(e).direction)")
    assert directions == ["rtl", "rtl"]
    assert first.locator(".out").first.locator("mark.hl").count() >= 1
    assert "<script>window.__pwned=2</script>" in page.inner_text("#disagreements")
    shot = tmp_path / "compare.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
