"""Which files an import may read.

In a terminal, the person typing owns the machine: any path they give is read.
In a browser session (`debrief serve`) the person typing may be anyone who can
reach the server, so a path is read only when it lies below the folder the server
names (`[serve] import_root`), symlinks resolved; with none named, a browser
session imports no files at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from debrief.importers.report import ImportFailed

CLOSED = (
    "importing files is off in the browser; "
    "the server's [serve] import_root names the one folder it may read"
)


def _outside(root: Path, typed: str) -> str:
    return f"only files below {root} may be imported, not {typed}"


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, every symlink resolved, is `root` or below it."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return False


@dataclass(frozen=True)
class ImportScope:
    """Where an import may read from: anywhere (`root` None and not `closed`), only
    below `root`, or nowhere (`closed`: a browser session with no import root)."""

    root: Path | None = None
    closed: bool = False

    @classmethod
    def for_session(cls, served: bool, import_root: str) -> ImportScope:
        """A terminal reads anything; a browser session only below `import_root`."""
        if not served:
            return cls()
        if not import_root.strip():
            return cls(closed=True)
        return cls(root=Path(import_root.strip()).expanduser().resolve())

    def path(self, typed: str) -> Path:
        """The file or folder `typed` names; ImportFailed when this scope may not read it.

        Below a root, a relative path is taken from the root and the answer has every
        symlink resolved, so what is checked is what is read."""
        typed = typed.strip()
        if self.closed:
            raise ImportFailed(CLOSED)
        if self.root is None:
            return Path(typed).expanduser()
        if "\0" in typed:
            raise ImportFailed("a path cannot hold a NUL character")
        wanted = self.root / typed  # an absolute `typed` replaces the root
        if not inside(wanted, self.root):
            raise ImportFailed(_outside(self.root, typed))
        return wanted.resolve()

    def check(self, path: Path) -> None:
        """ImportFailed unless this scope may read `path` (checked again just before reading)."""
        if self.closed:
            raise ImportFailed(CLOSED)
        if self.root is not None and not inside(path, self.root):
            raise ImportFailed(_outside(self.root, str(path)))
