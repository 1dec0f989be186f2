"""The Word files redraft writes, opened for real by LibreOffice (headless).

A clean draft converts to PDF and to text with its numbers and words; the tracked-changes
document, saved again by LibreOffice as .docx, still holds the revisions: reading it with
all changes accepted gives the new draft, with all rejected the old one.

Skipped when LibreOffice is not installed (Debian package ``libreoffice-writer-nogui``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from redraft import canonical
from redraft.diff.engine import diff_drafts
from redraft.model import Draft, Footnote
from redraft.readers.docx import read_docx
from redraft.render.docx_draft import render_draft_docx
from redraft.render.docx_track import render_diff_docx
from tests.test_docx_writer import LATE_NOTES, NEW, OLD, moved_pair

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Accept All / Reject All need the Basic macro of tests/office.py (no soffice filter does it)
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def convert(source: Path, target: str, workdir: Path) -> Path:
    """Convert ``source`` with soffice into ``workdir``; a private profile per call so
    that parallel test workers never share one."""
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        str(out),
        str(source),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    produced = out / f"{source.stem}.{target.split(':')[0]}"
    assert produced.is_file(), done.stdout + done.stderr
    return produced


def test_clean_draft_converts_to_pdf_and_text(tmp_path: Path) -> None:
    source = tmp_path / "draft.docx"
    source.write_bytes(render_draft_docx(canonical.parse(NEW)))
    pdf = convert(source, "pdf", tmp_path)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = convert(source, "txt:Text", tmp_path).read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if line.strip()]
    assert "The General Assembly," in lines
    assert "1.\tStrongly urges States to act;" in lines
    assert "(a)\tIncluding regional organizations;" in lines


def test_footnote_marks_print_once(tmp_path: Path) -> None:
    # a custom mark typed again in the footnote printed twice ("3939 Resolution 78/1")
    from redraft.readers.pdf import read_pdf

    draft = canonical.parse(LATE_NOTES)
    source = tmp_path / "notes.docx"
    source.write_bytes(render_draft_docx(draft))
    read = read_pdf(convert(source, "pdf", tmp_path).read_bytes(), "notes.pdf")[0]
    assert [(n.marker, n.text) for n in read.footnotes()] == [
        ("39", "Resolution 78/1, annex."),
        ("40", "A/79/1."),
    ]


def test_tracked_changes_survive_libreoffice(tmp_path: Path) -> None:
    old, new = canonical.parse(OLD), canonical.parse(NEW)
    source = tmp_path / "changes.docx"
    source.write_bytes(render_diff_docx(diff_drafts(old, new), author_new="EU", date="2011-04-15"))
    again = convert(source, "docx:MS Word 2007 XML", tmp_path).read_bytes()
    current, warnings = read_docx(again, "lo.docx")
    original, _ = read_docx(again, "lo.docx", view="original")
    assert current.blocks == new.blocks
    assert original.blocks == old.blocks
    assert "tracked revisions were pending" in warnings[0]


def test_word_moves_survive_libreoffice(tmp_path: Path) -> None:
    old_text, new_text = moved_pair()
    old, new = canonical.parse(old_text), canonical.parse(new_text)
    source = tmp_path / "moves.docx"
    source.write_bytes(render_diff_docx(diff_drafts(old, new), author_new="G77"))
    again = convert(source, "docx:MS Word 2007 XML", tmp_path).read_bytes()
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(again)).read("word/document.xml")
    assert b"<w:moveFrom " in xml and b"<w:moveTo " in xml
    current, _ = read_docx(again, "lo.docx")
    original, _ = read_docx(again, "lo.docx", view="original")
    assert [p.text for p in current.operative()] == [p.text for p in new.operative()]
    assert [p.text for p in original.operative()] == [p.text for p in old.operative()]


def test_documents_libreoffice_wrote_read_like_their_text(tmp_path: Path) -> None:
    """A .docx that redraft did not write (LibreOffice's, from the printed text of each
    bundled draft without a table) reads exactly like that printed text."""
    from redraft.demo import bundled_drafts_dir
    from redraft.model import Kind
    from redraft.readers import read_path
    from redraft.readers.text import read_text
    from redraft.render.markdown_export import render_plain

    sources = []
    for path in sorted(bundled_drafts_dir().glob("*.txt")):
        draft = read_path(path).draft
        if any(block.kind is Kind.TABLE for block in draft.walk()):
            continue  # a table printed as text is not a Word table
        target = tmp_path / path.name
        target.write_text(render_plain(draft), encoding="utf-8")
        sources.append(target)
    if not sources:
        pytest.skip("no bundled drafts in this checkout")
    out = tmp_path / "out"
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--infilter=Text (encoded):UTF8,LF,,,",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    for source in sources:
        from_word, _ = read_docx((out / f"{source.stem}.docx").read_bytes(), source.name)
        from_text, _ = read_text(source.read_text(encoding="utf-8"))
        assert from_word.blocks == from_text.blocks, source.name
        assert from_word.operative(), source.name


# -- Accept All, Reject All and re-save, as a delegate does them ------------------------------

REAL_PAIRS = (
    ("A_RES_78_79-2324933E.xml", "A_RES_79_92-2423546E.xml"),  # deleted footnote, then a paragraph
    ("A_RES_78_174-2325975E.xml", "A_RES_79_146-2424130E.xml"),  # adjacent insertions
    ("A_RES_78_249-2326263E.xml", "A_RES_79_255-2424696E.xml"),  # tables
)


def _numbered(draft: Draft) -> list[tuple[str, str]]:
    return [(u.marker if isinstance(u, Footnote) else u.number, u.text) for u in draft.units()]


@pytest.fixture(scope="module")
def office_views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Draft, Draft, Path]]:
    """Each real pair's redline taken through LibreOffice once (tests/office.py)."""
    from redraft.readers.akn import read_akn
    from tests.office import run_jobs

    data = Path(__file__).parent / "data" / "word"
    work = tmp_path_factory.mktemp("office")
    out: dict[str, tuple[Draft, Draft, Path]] = {}
    jobs = []
    for index, (old_name, new_name) in enumerate(REAL_PAIRS):
        old = read_akn((data / old_name).read_bytes(), old_name)[0]
        new = read_akn((data / new_name).read_bytes(), new_name)[0]
        source = work / f"redline{index}.docx"
        redline = render_diff_docx(diff_drafts(old, new), author_new="Committee", typography=True)
        source.write_bytes(redline)
        jobs.append(("all", source, work / f"redline{index}"))
        out[new_name] = (old, new, work / f"redline{index}")
    run_jobs(jobs, work / "soffice")
    return out


@pytest.mark.parametrize("pair", REAL_PAIRS, ids=lambda pair: pair[1][:12])
def test_libreoffice_accept_all_gives_the_new_text(
    pair: tuple[str, str], office_views: dict[str, tuple[Draft, Draft, Path]]
) -> None:
    old, new, prefix = office_views[pair[1]]
    accepted, warnings = read_docx(Path(f"{prefix}-accept.docx").read_bytes(), "accepted.docx")
    assert _numbered(accepted) == _numbered(new)
    assert not any("tracked revision" in w for w in warnings)


@pytest.mark.parametrize("pair", REAL_PAIRS, ids=lambda pair: pair[1][:12])
def test_libreoffice_reject_all_gives_the_old_text(
    pair: tuple[str, str], office_views: dict[str, tuple[Draft, Draft, Path]]
) -> None:
    old, new, prefix = office_views[pair[1]]
    rejected, _ = read_docx(Path(f"{prefix}-reject.docx").read_bytes(), "rejected.docx")
    assert _numbered(rejected) == _numbered(old)


@pytest.mark.parametrize("pair", REAL_PAIRS, ids=lambda pair: pair[1][:12])
def test_libreoffice_resave_keeps_both_sides(
    pair: tuple[str, str], office_views: dict[str, tuple[Draft, Draft, Path]]
) -> None:
    """No paragraph dropped because LibreOffice restyled it; no-break spaces survive."""
    old, new, prefix = office_views[pair[1]]
    data = Path(f"{prefix}-resave.docx").read_bytes()
    assert _numbered(read_docx(data, "resaved.docx")[0]) == _numbered(new)
    assert _numbered(read_docx(data, "resaved.docx", view="original")[0]) == _numbered(old)
    assert any("\u00a0" in text for _, text in _numbered(new))
