"""LibreOffice, headless, doing what a delegate does to a Word redline: Accept All,
Reject All, or open and save again; and printing a document to PDF.

``soffice --convert-to`` cannot accept or reject tracked changes (no filter option does
it), so a small Basic macro does: ``macro:///Standard.Redraft.Run("JOBS")`` reads a job
file, one ``MODE<TAB>IN<TAB>OUT`` line per document (MODE: ``accept``, ``reject``,
``resave``, ``pdf``; ``all`` writes OUT-resave.docx, OUT-accept.docx and OUT-reject.docx
from two loads), loads each document hidden, dispatches
``.uno:AcceptAllTrackedChanges`` or ``.uno:RejectAllTrackedChanges``, stores it as Word
2007-365 (or PDF) and closes it; one soffice process runs a whole list. Basic needs no
Python-UNO bridge (the Debian package python3-uno), only LibreOffice itself. The macro
lives in a private profile made for the run: a first start with
``--terminate_after_init`` creates the profile (it would overwrite a macro written
before), then the macro library is added to it.

Used by tests/test_libreoffice.py and benchmarks/fidelity_bench.py.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MODES = ("accept", "reject", "resave", "pdf", "all")

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Redraft" \
script:language="StarBasic">
Sub Run(jobFile As String)
  Dim n As Integer, line As String
  n = FreeFile
  Open jobFile For Input As #n
  Do While Not EOF(n)
    Line Input #n, line
    If Len(line) &gt; 0 Then DoOne(line)
  Loop
  Close #n
  StarDesktop.terminate()
End Sub

Function LoadDoc(path As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  LoadDoc = StarDesktop.loadComponentFromURL(ConvertToURL(path), "_blank", 0, load())
End Function

Sub DispatchDoc(doc, command As String)
  Dim helper
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, Array())
End Sub

Sub SaveDoc(doc, path As String, filter As String)
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = filter
  doc.storeToURL(ConvertToURL(path), store())
End Sub

Sub DoOne(line As String)
  Dim parts, doc
  Dim word As String
  word = "MS Word 2007 XML"
  On Error Goto Failed
  parts = Split(line, Chr(9))
  doc = LoadDoc(parts(1))
  If parts(0) = "pdf" Then
    SaveDoc(doc, parts(2), "writer_pdf_Export")
  ElseIf parts(0) = "resave" Then
    SaveDoc(doc, parts(2), word)
  ElseIf parts(0) = "accept" Then
    DispatchDoc(doc, ".uno:AcceptAllTrackedChanges")
    SaveDoc(doc, parts(2), word)
  ElseIf parts(0) = "reject" Then
    DispatchDoc(doc, ".uno:RejectAllTrackedChanges")
    SaveDoc(doc, parts(2), word)
  ElseIf parts(0) = "all" Then
    SaveDoc(doc, parts(2) &amp; "-resave.docx", word)
    DispatchDoc(doc, ".uno:AcceptAllTrackedChanges")
    SaveDoc(doc, parts(2) &amp; "-accept.docx", word)
    doc.close(True)
    doc = LoadDoc(parts(1))
    DispatchDoc(doc, ".uno:RejectAllTrackedChanges")
    SaveDoc(doc, parts(2) &amp; "-reject.docx", word)
  End If
  doc.close(True)
  Exit Sub
Failed:
  Dim log As Integer
  log = FreeFile
  Open ConvertFromURL(ConvertToURL(parts(2))) &amp; ".error" For Output As #log
  Print #log, "line " &amp; Erl &amp; ": " &amp; Error$
  Close #log
  On Error Resume Next
  If Not IsNull(doc) Then doc.close(True)
End Sub
</script:module>
"""

_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" \
library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Redraft"/>
</library:library>
"""

_LIBRARIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" \
"libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" \
xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""

_EMPTY_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" \
library:readonly="false" library:passwordprotected="false"/>
"""

Job = tuple[str, Path, Path]  # (mode, document, where to write the result)


def _soffice(profile: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    assert SOFFICE is not None, "LibreOffice (soffice) is not installed"
    command = [SOFFICE, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless"]
    return subprocess.run(
        [*command, "--norestore", "--nologo", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def make_profile(profile: Path) -> None:
    """A LibreOffice user profile holding the Redraft macro library."""
    standard = profile / "user" / "basic" / "Standard"
    if (standard / "Redraft.xba").is_file():
        return
    _soffice(profile, "--terminate_after_init", timeout=180)
    standard.mkdir(parents=True, exist_ok=True)
    (standard.parent / "script.xlc").write_text(_LIBRARIES, encoding="utf-8")
    (standard.parent / "dialog.xlc").write_text(_LIBRARIES, encoding="utf-8")
    (standard / "dialog.xlb").write_text(_EMPTY_LIBRARY, encoding="utf-8")
    (standard / "script.xlb").write_text(_LIBRARY, encoding="utf-8")
    (standard / "Redraft.xba").write_text(_MACRO, encoding="utf-8")


def run_jobs(jobs: Sequence[Job], workdir: Path, processes: int = 1, timeout: float = 900) -> None:
    """Run the jobs in ``processes`` soffice processes at once (a profile each); a job
    that fails leaves no output file (the caller counts it as failed)."""
    for mode, source, _ in jobs:
        assert mode in MODES and "\t" not in str(source) and "\n" not in str(source), mode
    workdir.mkdir(parents=True, exist_ok=True)
    # A document open in one soffice is locked (.~lock.NAME#) against the other: all the
    # jobs of one document go to the same process.
    sources = list(dict.fromkeys(source for _, source, _ in jobs))
    owner = {source: index % processes for index, source in enumerate(sources)}
    shares = [[job for job in jobs if owner[job[1]] == i] for i in range(processes)]
    running = []
    for index, share in enumerate(s for s in shares if s):
        profile = workdir / f"profile{index}"
        make_profile(profile)
        job_file = workdir / f"jobs{index}.txt"
        job_file.write_text(
            "".join(f"{m}\t{a.resolve()}\t{b.resolve()}\n" for m, a, b in share), encoding="utf-8"
        )
        assert SOFFICE is not None
        command = [
            SOFFICE,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            f'macro:///Standard.Redraft.Run("{job_file.resolve()}")',
        ]
        running.append(
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
    for process in running:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_one(mode: str, source: Path, workdir: Path) -> Path:
    """One document through one job; the path of the result (it may not exist)."""
    suffix = ".pdf" if mode == "pdf" else ".docx"
    target = workdir / f"{source.stem}-{mode}{suffix}"
    run_jobs([(mode, source, target)], workdir)
    return target
