"""Demo step 8: Word with real tracked changes, and the HTML report.

With the store step's history (``ctx.store_dir``, ``ctx.notes["demo_draft"]``): the first
version (the L. document) against Rev.1 (the latest when none carries that symbol), as a
.docx whose changes are tracked revisions signed by the delegation that made Rev.1, and
the report of that store. Without it: two bundled drafts on the same subject, recorded
as two versions in a small store of the demo's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import canonical
from ..diff.engine import diff_drafts
from ..render.docx import render_draft_docx
from ..render.docx_track import render_diff_docx
from ..render.site import write_site
from ..resolve.report import overview
from .diff import BUNDLED_PAIR

if TYPE_CHECKING:
    from . import DemoContext

FALLBACK_NAME = "governance"


def run(ctx: DemoContext) -> None:
    console = ctx.console
    console.rule("[bold]7. Where delegates work: Word and the HTML report")
    store_dir, name = _store_and_name(ctx)
    if store_dir is None or name is None:
        console.print("(no drafts to show)")
        return
    from ..store import Store

    store = Store.open(store_dir)
    versions = store.versions(name)
    newer = next((v for v in versions[1:] if v.symbol.endswith("/Rev.1")), versions[-1])
    old, new = store.read(name, "1").draft, store.read(name, str(newer.number)).draft
    result = diff_drafts(old, new, old_source=f"{name}@1", new_source=f"{name}@{newer.number}")
    changes = ctx.workdir / "changes.docx"
    changes.write_bytes(
        render_diff_docx(result, author_old=versions[0].by, author_new=newer.by, date=newer.date)
    )
    clean = ctx.workdir / "draft.docx"
    clean.write_bytes(render_draft_docx(new))
    site = write_site(ctx.workdir / "report", overview(store_dir))
    console.print(
        f"[dim]$ redraft diff {name}@1 {name}@{newer.number} --format docx -o {changes.name}[/dim]"
    )
    console.print(
        f"  {_revisions(changes)} tracked revisions by {newer.by or 'redraft'}: {changes}"
    )
    console.print(f"[dim]$ redraft export {name}@{newer.number} -o {clean.name}[/dim]")
    console.print(f"  the clean draft in UN layout: {clean}")
    console.print(f"[dim]$ redraft report -o {site.root.name}[/dim]")
    console.print(f"  {len(site.pages)} draft page(s): {site.root / 'index.html'}")
    console.print(
        "Open changes.docx in Word or LibreOffice: Review > Accept all gives the newer "
        "version, Reject all the older one.\n"
    )


def _store_and_name(ctx: DemoContext) -> tuple[Path | None, str | None]:
    name = ctx.notes.get("demo_draft")
    if ctx.store_dir is not None and name:
        try:
            from ..store import Store

            if len(Store.open(ctx.store_dir).versions(name)) >= 2:
                return ctx.store_dir, str(name)
        except Exception:  # the demo goes on with the bundled drafts
            pass
    return _bundled_store(ctx)


def _bundled_store(ctx: DemoContext) -> tuple[Path | None, str | None]:
    paths = [ctx.drafts_dir / f"{stem}.txt" for stem in BUNDLED_PAIR]
    if not all(path.is_file() for path in paths):
        return None, None
    from ..store import Store

    root = ctx.workdir / "word-store"
    store = Store.init(root)
    for path, by, date in zip(
        paths, ("Commission", "Council"), ("2011-04-15", "2011-07-28"), strict=True
    ):
        draft = canonical.parse(path.read_text(encoding="utf-8"))
        store.save(FALLBACK_NAME, draft, by=by, date=date)
    return root, FALLBACK_NAME


def _revisions(path: Path) -> int:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        xml: Any = archive.read("word/document.xml")
    return int(
        xml.count(b"<w:ins ")
        + xml.count(b"<w:del ")
        + xml.count(b"<w:moveTo ")
        + xml.count(b"<w:moveFrom ")
    )
