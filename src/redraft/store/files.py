"""The store's files on disk, below git: finding a store, atomic writes, the writers'
lock, and git lock files left behind by killed processes.

No git process runs here (:mod:`redraft.store` runs git); these are the file-system
rules the store's guarantees rest on (docs/store.md, "Guarantees").
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError

CONFIG_NAME = "redraft.toml"
#: A git lock file older than this is left over from a killed git process.
STALE_GIT_LOCK = 10.0
#: ... or older than this when it outlived our retries while we hold the store's writer
#: lock: git holds a ref lock for milliseconds, and every redraft writer waits for ours.
STALE_HELD_GIT_LOCK = 1.0

DEFAULT_CONFIG = """\
# redraft store settings (docs/store.md). Every key is optional: uncomment to use.

# [store]
# by = "EU"                     # default --by for `redraft save` in this folder

# [check]
# max_words = 3000              # length limit checked by `redraft check`
"""


def discover(start: Path) -> Path:
    """The nearest folder, from ``start`` upwards, that holds redraft.toml."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise StoreError(
        f"no redraft store here or in any parent of {start} (use --store or 'redraft init')"
    )


def git_dir(root: Path) -> Path:
    """The repository folder of ``root``: ``.git``, or where a ``.git`` file points."""
    dot_git = root / ".git"
    if dot_git.is_file():  # a worktree or submodule: "gitdir: PATH"
        target = dot_git.read_text(errors="replace").partition("gitdir:")[2].strip()
        dot_git = (root / target).resolve()
    if not (dot_git / "HEAD").is_file() or not (dot_git / "objects").is_dir():
        raise StoreError(f"{root}: corrupted store: no git repository in {dot_git}")
    return dot_git


def hash_name(git_folder: Path) -> str:
    """ "sha256" for repositories made with --object-format=sha256, else "sha1"."""
    config = git_folder / "config"
    text = config.read_text(errors="replace") if config.is_file() else ""
    return "sha256" if "objectformat = sha256" in text.lower() else "sha1"


def refuse_link(root: Path, relative: str) -> None:
    """A one-line StoreError when ``relative`` (``drafts/NAME.txt``, ``.gitattributes``),
    or a folder on its way, is a symbolic link in the working tree. Anyone who can push
    to the store's remote can commit a link (``drafts`` -> ``/home/me``); redraft never
    reads, writes or commits through one, inside the store or out of it."""
    current = root
    parts = relative.split("/")
    for count, part in enumerate(parts, 1):
        current = current / part
        if current.is_symlink():
            raise StoreError(link_message("/".join(parts[:count])))


def link_message(shown: str, where: str = "") -> str:
    """What redraft says about a symbolic link it refuses to follow."""
    return (
        f"{shown}: is a symbolic link{where}; redraft never follows a link out of the "
        f"store: replace it with the real file or folder ('git rm {shown}', then restore it)"
    )


def atomic_write(
    path: Path, data: bytes, mode: int | None = None, temp: Path | None = None
) -> None:
    """Write to a temporary file and rename: readers see the old file or the new, never half."""
    temp = temp or path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def remove_if_stale(
    lock: Path, warnings: list[str], older_than: float = STALE_GIT_LOCK, root: Path | None = None
) -> bool:
    """Remove a git lock file a killed git process left (older than ``older_than``, or
    of any age when no git process runs in the repository at ``root``); True when it is
    gone, False when a live git may hold it."""
    try:
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return True
    if age < older_than and (root is None or git_running_in(root)):
        return False
    lock.unlink(missing_ok=True)
    warnings.append(f"removed {lock.name} left by a killed git process ({age:.0f} s old)")
    return True


def git_running_in(root: Path) -> bool:
    """Whether a git process may be working in the repository at ``root``: on Linux, any
    process named git whose working directory is inside it (``git -C`` and redraft's own
    calls change to it). A lock git left is only removed when none is: a git killed with
    its redraft (``kill -9`` of the process group) leaves ``index.lock`` behind, and a
    fresh one would otherwise keep the next save from updating the index for ten
    seconds. Without ``/proc``, or a process we may not look at, it answers yes."""
    proc = Path("/proc")
    if not (proc / "self" / "cwd").exists():
        return True
    inside = str(root.resolve())
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "git":
                continue
            cwd = os.readlink(entry / "cwd")
        except FileNotFoundError:
            continue  # the process ended meanwhile
        except OSError:
            return True  # someone else's git: assume it may be ours to wait for
        if cwd == inside or cwd.startswith(inside + os.sep):
            return True
    return False


@contextmanager
def writer_lock(path: Path, root: Path, timeout: float) -> Iterator[None]:
    """Exclusive flock on ``path`` for writers (readers never wait). The kernel releases
    it when the process dies, so a killed save never leaves a stale lock behind."""
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(f"{root}: cannot lock the store ({error.strerror})") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(
                        "the store is busy (another redraft is writing); try again"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(handle)  # closing releases the flock


def configured_by(root: Path) -> str:
    """``by`` in the ``[store]`` section of the store's redraft.toml, or ""."""
    import tomllib

    try:
        with open(root / CONFIG_NAME, "rb") as handle:
            data = handle.read(1 << 20)  # a few lines; never more, whatever it is
        settings = tomllib.loads(data.decode("utf-8"))
        return str(settings.get("store", {}).get("by", "")).strip()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError):
        return ""  # a bad redraft.toml is `redraft check`'s to report


# -- caches of derived figures (in .git: never shared, safe to delete) ---------------

_CACHE_NAME = re.compile(r"^redraft-[A-Za-z0-9._-]+(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*){0,2}$")


def _cache_path(git_folder: Path, name: str) -> Path:
    if not _CACHE_NAME.match(name) or ".." in name:
        raise ValueError(f"bad cache name {name!r}")
    return git_folder / name


def read_cache(git_folder: Path, name: str) -> bytes | None:
    try:
        return _cache_path(git_folder, name).read_bytes()
    except OSError:
        return None


def write_cache(git_folder: Path, name: str, data: bytes) -> None:
    """Atomic (a reader never sees half an entry); a read-only store is not an error."""
    path = _cache_path(git_folder, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError:
        pass


def list_cache(git_folder: Path, folder: str) -> list[str]:
    try:
        found = os.listdir(_cache_path(git_folder, folder))
    except OSError:
        return []
    return sorted(f"{folder}/{name}" for name in found if not name.startswith("."))


def drop_cache(git_folder: Path, names: list[str]) -> None:
    for name in names:
        try:
            _cache_path(git_folder, name).unlink()
        except OSError:
            pass


def loose_estimate(git_folder: Path) -> int:
    """About how many loose objects the repository holds, from 16 of its 256 object
    folders (git's own estimate reads one): a few directory listings, cheap on every save."""
    objects = git_folder / "objects"
    found = 0
    for prefix in "0123456789abcdef":
        try:
            found += len(os.listdir(objects / f"0{prefix}"))
        except OSError:
            continue
    return found * 16


def write_loose_object(git_folder: Path, oid: str, compressed: bytes) -> str:
    """Store a loose object (:func:`redraft.store.objects.loose_object`) unless git has it."""
    target = git_folder / "objects" / oid[:2] / oid[2:]
    if not target.exists():
        target.parent.mkdir(exist_ok=True)
        # Named as git names its own, so that `git gc` sweeps one a kill left behind.
        temp = git_folder / "objects" / f"tmp_obj_redraft_{os.getpid()}"
        atomic_write(target, compressed, mode=0o444, temp=temp)
    return oid
