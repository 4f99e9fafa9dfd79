"""End to end in a real headless Chromium: the Streamlit app served on a free local port.

Debian's chromium is driven by Playwright's Python API (no ``playwright install``, no downloads).
Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PASTE_LABEL = "Paste a transcript"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install -y chromium, or make test)"),
]

INJECTION = ("Peer: <script>alert(1)</script> You need to call your landlord today. "
             "<img src=x onerror=alert(1)>\n"
             "Sam: Okay. **bold** [x](javascript:alert(2))\n"
             "Peer: I promise everything will be fine. What would you like to do next?\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {proc.stdout.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200 and r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy at {url} within {timeout:.0f}s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    db = tmp_path_factory.mktemp("browser") / "reviews.sqlite"
    env = {**os.environ, "COACH_DB": str(db), "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc)
        yield f"http://127.0.0.1:{port}", db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    pg = context.new_page()
    pg.dialogs = []  # every alert/confirm/prompt that fires
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.set_default_timeout(30_000)
    pg.goto(server[0])
    pg.locator("mark.coach-mark").first.wait_for(timeout=90_000)  # the annotated example
    yield pg
    context.close()


def _shot(pg, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


def _idle(pg) -> None:
    """Wait until the script run is over: no running indicator, no element left stale from the last run."""
    pg.wait_for_timeout(300)
    pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"
                         " && !document.querySelector('[data-stale=\"true\"]')")


def _paste(pg, text: str) -> None:
    box = pg.get_by_label(PASTE_LABEL)
    if not box.is_visible():  # the input area starts folded so the annotated example shows first
        pg.get_by_text("Your transcript: paste or upload it here").click()
    box.fill(text)
    box.press("Control+Enter")  # commit the text area, like leaving it


def test_first_load_example_then_paste_and_injection(page):
    assert page.locator("mark.coach-mark.concern").count() >= 1
    assert page.locator(".coach-legend").get_by_text("Power over").count() == 1
    _shot(page, "01-first-load")
    page.get_by_text("feedback: False promise").first.click()
    advice = page.locator(".coach-finding[data-label='false_promise']").first
    advice.wait_for()
    assert "Honest and direct" in advice.inner_text() and "Try instead" in advice.inner_text()
    _shot(page, "01b-feedback-open")

    _paste(page, INJECTION)
    page.locator(".coach-turn-text").filter(has_text="<img src=x onerror=alert(1)>").first.wait_for()
    page.locator("mark.coach-mark").first.wait_for()
    turn = page.locator(".coach-turn-text").filter(has_text="<script>alert(1)</script>").first
    assert turn.is_visible()
    assert "<script>alert(1)</script>" in turn.inner_text()
    assert page.locator('img[src="x"]').count() == 0
    sam = page.locator(".coach-turn-text").filter(has_text="[x](javascript:alert(2))").first
    assert "**bold**" in sam.inner_text()  # Markdown in transcript text stays text
    assert page.locator('a[href^="javascript"]').count() == 0
    scripts = page.evaluate("Array.from(document.scripts).map(s => s.textContent).join('\\n')")
    assert "alert(1)" not in scripts
    page.wait_for_timeout(500)
    assert page.dialogs == []
    _shot(page, "02-injection-pasted")


def test_review_action_and_export(page, server):
    _paste(page, INJECTION)
    page.locator(".coach-turn-text").filter(has_text="<script>alert(1)</script>").first.wait_for()
    page.get_by_role("tab", name="Review").click()
    name = page.get_by_label("Your name (recorded with every decision)")
    name.fill("ana")
    name.press("Enter")
    title = page.get_by_label("Session title")
    title.fill("Browser session")
    title.press("Enter")
    page.get_by_role("button", name="Save session").click()
    page.get_by_text("Session #", exact=False).first.wait_for()
    rows = page.locator(".coach-review-row")
    rows.first.wait_for()
    assert rows.filter(has_text="pending").count() >= 1
    page.get_by_role("button", name="Accept").first.click()
    page.locator(".coach-review-row").filter(has_text="accepted by ana").first.wait_for()
    assert page.dialogs == []
    _idle(page)  # the download buttons further down belong to this run too
    _shot(page, "03-review-accepted")

    with page.expect_download() as info:
        page.get_by_role("button", name="Reviewed CSV").click()
    csv_text = Path(info.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("key,turn,speaker")
    assert ",accepted,ana," in csv_text

    with page.expect_download() as info:
        page.get_by_role("button", name="HTML report").click()
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report and "<script>alert(1)" not in report

    from coach.review import ReviewStore

    store = ReviewStore(str(server[1]))
    sid = store.list_sessions()[0]["id"]
    assert [(d["reviewer"], d["action"]) for d in store.load_session(sid).decisions] == [("ana", "accept")]
    store.close()
