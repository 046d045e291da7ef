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


def test_xcomet_error_spans_beside_mtkit_flags(page, corpora, tmp_path):
    """xCOMET's error spans (as unbabel-comet returns them: text, confidence, severity, start, end
    in characters of the output) underlined in the output, apart from mtkit's flag marks, listed
    under the flags; text and severity from the model stay text."""
    mt, corrected = str(corpora / "musk-trump.ar.txt"), str(corpora / "musk-trump.corrected.ar.txt")
    result = mtkit.score(corrected, [mt, corrected], src=str(corpora / "musk-trump.en.txt"), audit=True,
                         analyze=True, n_samples=200)
    d = result.analysis.disagreements[0]
    text = d.outputs[d.baseline]
    first_word = len(text.split()[0])
    flagged = [f for f in d.flags[d.baseline] if f.tgt_span is not None and f.tgt_span.end > f.tgt_span.start]
    assert flagged, "the first disagreeing segment has a flag with an Arabic span"
    inside = flagged[0].tgt_span     # an xCOMET span over a flagged word: both show, nested
    spans = [{"text": text[:first_word], "confidence": 0.91, "severity": "major", "start": 0, "end": first_word},
             {"text": "x", "confidence": 0.55, "severity": "minor", "start": inside.start, "end": inside.end},
             {"text": "<b>", "confidence": 0.5, "severity": "\"><script>window.__pwned=3</script>",
              "start": first_word + 1, "end": first_word + 2},
             {"text": "beyond", "confidence": 0.5, "severity": "major", "start": len(text), "end": len(text) + 9}]
    lines = len(result.systems[0].comet_segments) or result.segments
    system = next(s for s in result.systems if s.name == d.baseline)
    system.comet_spans = [spans if k == d.index else [] for k in range(lines)]
    path = tmp_path / "xcomet.html"
    path.write_text(render(result), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None and page.events["dialogs"] == [] and page.events["errors"] == []
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    assert "xCOMET error span" in page.inner_text("#highlights")
    out = page.locator("#disagreements .seg").first.locator(".out").first
    underlined = out.locator(".text span.xc")
    assert underlined.count() >= 3          # the span over the flag is cut where the flag's mark begins or ends
    styles = underlined.evaluate_all("els => els.map(e => [getComputedStyle(e).borderBottomStyle,"
                                     " getComputedStyle(e).backgroundColor, getComputedStyle(e).direction])")
    assert all(style == "dashed" and direction == "rtl" for style, _bg, direction in styles)
    marks = out.locator(".text mark.hl")
    mark_styles = marks.evaluate_all("els => els.map(e => getComputedStyle(e).borderBottomStyle)")
    assert mark_styles and "dashed" not in mark_styles                       # flags look different
    assert out.locator(".text mark.hl span.xc").count() >= 1                  # a word can carry both
    # right to left: the span over the output's first word is at the paragraph's right edge
    para = out.locator(".text").bounding_box()
    first = out.locator(".text span.xc").first.bounding_box()
    assert abs((first["x"] + first["width"]) - (para["x"] + para["width"])) < 2
    listed = out.locator("ul.xspans li")
    assert listed.count() == 3              # the span past the end of the text is left out
    assert "xCOMET major (0.91)" in listed.nth(0).inner_text()
    assert "<script>window.__pwned=3</script>" in listed.nth(2).inner_text()
    assert listed.nth(0).locator("bdi").evaluate("e => getComputedStyle(e).direction") == "rtl"
    # the other output, with no xCOMET spans, has none shown
    assert page.locator("#disagreements .seg").first.locator(".out").nth(1).locator(".xc, ul.xspans").count() == 0
