"""``redraft report``: the static site's structure, links and escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft import canonical
from redraft.cli import cli
from redraft.render.site import length_chart, page_name, write_site
from redraft.resolve.report import overview

V1 = """---
redraft: 1
symbol: A/C.3/66/L.5
---

## Strengthening cooperation <against> "crime" & fraud

> *The General Assembly*,

*Recalling* its resolution 65/230,

1. *Urges* States to act now;

2. *Invites* all partners to cooperate;
"""

V2 = """---
redraft: 1
symbol: A/C.3/66/L.5/Rev.1
---

## Strengthening cooperation <against> "crime" & fraud

> *The General Assembly*,

*Recalling* its resolution 65/230,

1. *Strongly urges* States to act <script>alert(1)</script>;

2. *Invites* all partners to cooperate;

3. *Requests* a report.
"""


def build_store(root: Path) -> Path:
    """A store with draft "cooperation" (two versions) and "other" (one)."""
    from redraft.store import Store

    store = Store.init(root)
    store.save(
        "cooperation", canonical.parse(V1), by="Mexico", date="2011-04-11", symbol="A/C.3/66/L.5"
    )
    store.save(
        "cooperation",
        canonical.parse(V2),
        by="European Union",
        date="2011-04-13",
        symbol="A/C.3/66/L.5/Rev.1",
        message="Rev.1 <after informals>",
    )
    store.save("other", canonical.parse(V1), by="G77", date="2011-04-12")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    write_site(root / "site", overview(build_store(root / "store")))
    return root / "site"


def test_index_lists_every_draft(site: Path) -> None:
    index = (site / "index.html").read_text()
    rows = [row for row in re.findall(r"<tr>(.*?)</tr>", index) if row.startswith("<td>")]
    assert len(rows) == 2
    first = re.findall(r"<td>(.*?)</td>", rows[0])
    assert first[0] == '<a href="drafts/cooperation.html">cooperation</a>'
    assert first[1:4] == ["2", "A/C.3/66/L.5/Rev.1", str(_words(V2))]
    assert first[5] == "2011-04-13 European Union"


def _words(text: str) -> int:
    from redraft.words import count_words

    return count_words(canonical.parse(text))


def test_draft_page_has_timeline_chart_redline_and_anchors(site: Path) -> None:
    page = (site / "drafts" / "cooperation.html").read_text()
    assert page.count("<li>") == 2  # two versions in the timeline
    assert "<svg" in page and page.count("<circle") == 2
    assert "<h2>version 1 (A/C.3/66/L.5) → version 2 (A/C.3/66/L.5/Rev.1)</h2>" in page
    assert "by European Union on 2011-04-13: Rev.1 &lt;after informals&gt;" in page
    assert "<del>Urges</del><ins>Strongly urges</ins>" in page
    assert "<ins>Requests a report.</ins>" in page
    assert 'href="#p-OP1"' in page and 'id="p-OP1"' in page
    assert 'id="p-OP3"' in page  # the latest text holds the inserted paragraph


def test_word_files_sit_next_to_the_page(site: Path) -> None:
    import zipfile

    page = (site / "drafts" / "cooperation.html").read_text()
    assert 'href="cooperation-2.docx"' in page and 'href="cooperation.docx"' in page
    with zipfile.ZipFile(site / "drafts" / "cooperation-2.docx") as archive:
        xml = archive.read("word/document.xml").decode()
    assert 'w:author="European Union"' in xml and "Strongly urges" in xml
    assert (site / "drafts" / "cooperation.docx").read_bytes()[:2] == b"PK"


def test_all_text_is_escaped(site: Path) -> None:
    page = (site / "drafts" / "cooperation.html").read_text()
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;against&gt; &quot;crime&quot; &amp; fraud" in page
    assert "Rev.1 &lt;after informals&gt;" in page


def test_pages_are_self_contained(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text()
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), path
        assert "Content-Security-Policy" in text


def test_chart_scales_to_the_longest_version() -> None:
    svg = length_chart([("v1", 50), ("v2", 100)], width=200, height=100)
    # the longest version touches the top margin (y = 30), the other is half-way
    assert re.findall(r'cy="([\d.]+)"', svg) == ["50.0", "30.0"]


def test_page_names_are_safe() -> None:
    assert page_name("../etc/passwd") == "_etc_passwd"
    assert page_name("ga-78/L.1") == "ga-78_L.1"


def test_report_command(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["report", "-o", str(out), "--store", str(store), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "redraft.report/1"
    assert [d["name"] for d in document["drafts"]] == ["cooperation", "other"]
    assert (out / "drafts" / "other.html").is_file()


def test_report_without_store_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["report", "-o", str(tmp_path / "o"), "--store", str(tmp_path / "nothing")]
    )
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("redraft: error: ")
