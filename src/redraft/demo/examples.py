"""The example files of the demo and of the docs (docs/examples/): an illustrative
history of one bundled draft, two proposals on it, and a compilation text in four
versions, each in a format delegates send (Word, printed text, Akoma Ntoso).

``python -m redraft.demo.examples DIR`` writes them into DIR; the repository keeps
them in docs/examples/ (tests/test_docs_run.py checks they are what this module makes).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .store import UNODC_FILES

PROPOSAL_FILES = ("eu-proposal.txt", "g77-proposal.txt")


def example_files(drafts_dir: Path) -> dict[str, bytes]:
    """Path under the examples folder -> content."""
    from .. import canonical
    from ..render.akn import render_akn
    from ..render.docx_draft import render_draft_docx
    from ..render.markdown_export import render_printed
    from . import merge, stats, status, store

    writers = {
        "docx": render_draft_docx,
        "printed": lambda draft: render_printed(draft).encode("utf-8"),
        "akn": render_akn,
    }
    out: dict[str, bytes] = {}
    final = (drafts_dir / f"{store.DRAFT}.txt").read_text(encoding="utf-8")
    versions = [canonical.parse(text) for text, _ in store.history(final)]
    for (name, how), draft in zip(UNODC_FILES, versions, strict=True):
        out[f"unodc/{name}"] = writers[how](draft)
    proposals = merge.proposals(final)
    if proposals is not None:
        for name, text in zip(PROPOSAL_FILES, proposals, strict=True):
            out[f"unodc/{name}"] = writers["printed"](canonical.parse(text))
    for name, draft in zip(status.FILES, status.versions(), strict=True):
        out[f"oceans/{name}"] = canonical.render(draft).encode("utf-8")
    out["check.toml"] = stats.CONFIG.encode("utf-8")
    return out


def write_examples(folder: Path, drafts_dir: Path) -> list[Path]:
    written = []
    for relative, data in example_files(drafts_dir).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    from . import bundled_drafts_dir

    for path in write_examples(
        Path(sys.argv[1] if len(sys.argv) > 1 else "."), bundled_drafts_dir()
    ):
        print(f"wrote {path}")
