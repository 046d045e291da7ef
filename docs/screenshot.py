"""Re-make docs/report.png: the bundled article's HTML report in headless Chromium (Debian's
/usr/bin/chromium; nothing is downloaded), with the first Arabic flag clicked.

    python docs/screenshot.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "mtkit", "audit", "corpora/musk-trump.en.txt",
                        "corpora/musk-trump.ar.txt", "-f", "html", "-o", str(report), "-q"], check=True, cwd=ROOT)
        with sync_playwright() as play:
            browser = play.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(report.as_uri())
            marks = page.locator(".col.ar mark.hl")
            if marks.count():
                marks.first.click()
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(ROOT / "docs" / "report.png"))
            browser.close()


if __name__ == "__main__":
    main()
