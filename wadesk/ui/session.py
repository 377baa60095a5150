"""Where the editor keeps things between runs: recent files, autosaves and the examples shipped with it."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

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


@dataclass(frozen=True)
class Recoverable:
    """An autosave that may hold work lost in a crash."""

    #: The autosave file.
    autosave: Path
    #: The file the design was saved to (None: it was never saved).
    design: Path | None
    #: When the autosave was written (seconds since the epoch).
    saved_at: float
    #: The design's name as the autosave records it.
    name: str

    def describe(self) -> str:
        """One sentence for the recovery dialog."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        called = f"“{self.name}”" if self.name else "an unnamed design"
        if self.design is None:
            return f"Untitled design {called}, never saved to a file: autosaved {when}."
        if not self.design.exists():
            return f"{called} from {self.design}, a file that no longer exists: autosaved {when}."
        saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.design.stat().st_mtime))
        return f"{called} in {self.design}: unsaved changes autosaved {when}, after the file was saved ({saved})."


def _source_of(autosave: Path) -> Path:
    return autosave.with_name(autosave.name + ".source")


def _source_text(design_path: Path | None) -> str:
    return str(design_path.resolve()) if design_path is not None else ""


def _design_name(autosave: Path) -> str:
    try:
        name = json.loads(autosave.read_text(encoding="utf-8")).get("name", "")
    except (OSError, ValueError, AttributeError):
        return ""
    return name if isinstance(name, str) else ""


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


class Autosave:
    """Writes a copy of an unsaved design every so often, and finds it again after a crash.

    Each editor window has its own autosave file (``NAME-DIGEST.PID-TAG.wadesk``), so two
    editors on one design, or two untitled designs, never overwrite each other's copy; the
    copies of editors still running are never offered for recovery.
    """

    #: Instance tags of the autosaves alive in this process (their files are not leftovers).
    _live: ClassVar[set[str]] = set()

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_autosave_dir()
        self.instance = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        Autosave._live.add(self.instance)

    def close(self) -> None:
        """This editor is going away: its autosave file, if any, becomes a leftover others may recover."""
        Autosave._live.discard(self.instance)

    @staticmethod
    def _prefix(design_path: Path | None) -> str:
        if design_path is None:
            return "untitled"
        digest = hashlib.sha1(str(design_path.resolve()).encode("utf-8")).hexdigest()[:12]
        return f"{design_path.stem}-{digest}"

    def path_for(self, design_path: Path | None) -> Path:
        """This editor's autosave file of the design saved at ``design_path`` (None: an untitled design)."""
        return self.folder / f"{self._prefix(design_path)}.{self.instance}.wadesk"

    def _of_running_editor(self, autosave: Path) -> bool:
        """Whether ``autosave`` belongs to another editor that is still running (not a leftover)."""
        parts = autosave.name[: -len(".wadesk")].rsplit(".", 1)
        if len(parts) != 2:
            return False  # the one shared name of older versions
        tag = parts[1]
        if tag == self.instance:
            return False
        pid = tag.split("-", 1)[0]
        return tag in Autosave._live or (pid.isdigit() and int(pid) != os.getpid() and _process_alive(int(pid)))

    def write(self, arch: Architecture, design_path: Path | None) -> Path:
        """Save ``arch`` as the autosave of ``design_path``."""
        target = self.path_for(design_path)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, dumps_design(arch).encode("utf-8"))
        # Beside it, the file it belongs to: start-up recovery finds every autosave by it.
        source = _source_of(target)
        if not source.exists() or source.read_text(encoding="utf-8") != _source_text(design_path):
            write_atomic(source, _source_text(design_path).encode("utf-8"))
        return target

    def discard(self, design_path: Path | None) -> None:
        """Forget this editor's autosave of ``design_path``."""
        self.forget(self.path_for(design_path))

    def forget(self, autosave: Path) -> None:
        """Delete one autosave file (and the note of what it belongs to); a folder out of reach holds none."""
        with contextlib.suppress(OSError):
            autosave.unlink(missing_ok=True)
            _source_of(autosave).unlink(missing_ok=True)

    def recoverable_all(self) -> list[Recoverable]:
        """Every autosave worth offering at start-up, newest first.

        An autosave is offered when it is newer than its file, when its file is
        gone, or when it holds an untitled design.
        """
        out = []
        for autosave in self.folder.glob("*.wadesk") if self.folder.is_dir() else ():
            try:
                saved_at = autosave.stat().st_mtime
                source = _source_of(autosave)
                text = source.read_text(encoding="utf-8").strip() if source.exists() else None
            except OSError:
                continue
            if text is None and not autosave.name.startswith("untitled."):
                continue  # not written by this version: its file is unknown
            if self._of_running_editor(autosave):
                continue
            design = Path(text) if text else None
            if design is not None and design.exists() and design.stat().st_mtime >= saved_at:
                continue
            out.append(Recoverable(autosave, design, saved_at, _design_name(autosave)))
        return sorted(out, key=lambda r: r.saved_at, reverse=True)

    def candidates(self, design_path: Path | None) -> list[Path]:
        """Autosaves of ``design_path`` left by editors no longer running, or by this one, newest first."""
        prefix = self._prefix(design_path)
        found = [
            path for path in self.folder.glob(f"{glob.escape(prefix)}.*wadesk")
            if path.name.endswith(".wadesk") and not self._of_running_editor(path)
        ]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def recoverable(self, design_path: Path | None) -> Path | None:
        """The newest leftover autosave of ``design_path`` if it is newer than the file itself."""
        for candidate in self.candidates(design_path):
            if design_path is not None and design_path.exists() and \
                    design_path.stat().st_mtime >= candidate.stat().st_mtime:
                return None
            return candidate
        return None
