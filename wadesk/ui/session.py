"""Where the editor keeps things between runs: recent files, autosaves and the examples shipped with it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs

from wadesk.fileformat import dumps_design, write_atomic
from wadesk.model import Architecture
from wadesk.resources import examples as shipped_examples
from wadesk.resources import examples_dir

#: The example designs shipped inside the package.
EXAMPLES_DIR = examples_dir()
MAX_RECENT = 8


def default_autosave_dir() -> Path:
    """The per-user folder for autosaves."""
    return Path(platformdirs.user_data_dir("wadesk", appauthor=False)) / "autosave"


def examples(folder: Path = EXAMPLES_DIR) -> list[tuple[str, Path]]:
    """(design name, path) of every example design, by name."""
    return [(example.name, example.path) for example in shipped_examples(folder)]


def add_recent(recent: list[str], path: Path, limit: int = MAX_RECENT) -> list[str]:
    """``recent`` with ``path`` moved to the front."""
    text = str(path.resolve())
    return [text, *[p for p in recent if p != text]][:limit]


class Autosave:
    """Writes a copy of an unsaved design every so often, and finds it again after a crash."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_autosave_dir()

    def path_for(self, design_path: Path | None) -> Path:
        """The autosave file of the design saved at ``design_path`` (None: an untitled design)."""
        if design_path is None:
            return self.folder / "untitled.wadesk"
        digest = hashlib.sha1(str(design_path.resolve()).encode("utf-8")).hexdigest()[:12]
        return self.folder / f"{design_path.stem}-{digest}.wadesk"

    def write(self, arch: Architecture, design_path: Path | None) -> Path:
        """Save ``arch`` as the autosave of ``design_path``."""
        target = self.path_for(design_path)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, dumps_design(arch).encode("utf-8"))
        return target

    def discard(self, design_path: Path | None) -> None:
        """Forget the autosave of ``design_path``."""
        self.path_for(design_path).unlink(missing_ok=True)

    def recoverable(self, design_path: Path | None) -> Path | None:
        """The autosave of ``design_path`` if it is newer than the file itself."""
        candidate = self.path_for(design_path)
        if not candidate.exists():
            return None
        if design_path is not None and design_path.exists() and \
                design_path.stat().st_mtime >= candidate.stat().st_mtime:
            return None
        return candidate
