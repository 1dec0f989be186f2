"""Every JSON schema the code emits is documented in docs/json.md (a public contract)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_emitted_schema_has_a_section_in_docs_json():
    emitted = {
        match
        for path in (ROOT / "src" / "redraft").rglob("*.py")
        for match in re.findall(r'"(redraft\.[a-z-]+/\d+)"', path.read_text(encoding="utf-8"))
    }
    documented = set(
        re.findall(
            r"^## (redraft\.[a-z-]+/\d+)$", (ROOT / "docs/json.md").read_text(), re.MULTILINE
        )
    )
    assert emitted, "no schema found in the sources"
    assert emitted <= documented, sorted(emitted - documented)
