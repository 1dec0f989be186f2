"""The report in a real browser: headless Chromium loads every page without console
errors (the pages' Content-Security-Policy turns any outside asset or script into one),
the redline marks are in the rendered DOM, and a screenshot is kept under artifacts/.

Skipped when Chromium is not installed (Debian package ``chromium``)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from redraft.render.site import write_site
from redraft.resolve.report import overview
from tests.test_report_site import build_store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CONSOLE = re.compile(r":CONSOLE(?::\d+)?\]\s*(.*)")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def chromium(url: str, profile: Path, *extra: str) -> tuple[str, list[str]]:
    """(dumped DOM or "", console messages) of one headless page load."""
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    messages = [m.group(1) for m in CONSOLE.finditer(done.stderr)]
    return done.stdout, messages


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    write_site(root / "site", overview(build_store(root / "store")))
    return root / "site"


def test_the_console_check_can_fail(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><script>console.error("boom")</script>', encoding="utf-8")
    _, messages = chromium(page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert any("boom" in m for m in messages)


def test_pages_load_without_console_errors(site: Path, tmp_path: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 3
    for page in pages:
        dom, messages = chromium(page.as_uri(), tmp_path / "profile", "--dump-dom")
        assert messages == [], (page, messages)
        assert "</html>" in dom


def test_redline_marks_are_rendered(site: Path, tmp_path: Path) -> None:
    dom, _ = chromium((site / "drafts" / "cooperation.html").as_uri(), tmp_path / "p", "--dump-dom")
    assert "<del>Urges</del>" in dom and "<ins>Strongly urges</ins>" in dom
    assert "<script>alert" not in dom  # the draft's text stayed text


def test_screenshot_is_saved(site: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "report-cooperation.png"
    target.unlink(missing_ok=True)
    chromium(
        (site / "drafts" / "cooperation.html").as_uri(),
        tmp_path / "profile",
        f"--screenshot={target}",
        "--window-size=1000,1400",
        "--hide-scrollbars",
    )
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 10_000  # a rendered page, not a blank image
