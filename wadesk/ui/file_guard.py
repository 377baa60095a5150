"""Guards one open design file: a lock telling other editors it is open here, and a watch on the file on disk."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal


@dataclass(frozen=True)
class DiskState:
    """What a file looked like on disk: enough to tell that someone else changed it."""

    mtime_ns: int
    size: int
    inode: int


def disk_state(path: Path) -> DiskState | None:
    """The file's state now (None: it is gone or unreadable)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return DiskState(info.st_mtime_ns, info.st_size, info.st_ino)


def lock_file_for(design: Path, folder: Path) -> Path:
    """The lock file saying ``design`` is open in an editor (one per real file, whatever name opened it)."""
    real = os.path.realpath(design)
    digest = hashlib.sha1(real.encode("utf-8")).hexdigest()[:16]
    return folder / f"{Path(real).stem[:40]}-{digest}.lock"


class DesignLock:
    """A QLockFile (pid, host name and program inside) held while a design is open for editing.

    A lock left by a process that died is taken over (Qt checks the pid on this host).
    """

    def __init__(self, design: Path, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = lock_file_for(design, folder)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # never take over a live editor's lock by age alone

    def try_lock(self) -> bool:
        """Take the lock now; False when another editor (this process or another) holds it."""
        return self._lock.tryLock(0)

    def holder(self) -> str:
        """Who holds the lock, for a message: "wadesk (pid 123) on host"."""
        info = self._lock.getLockInfo()  # PySide6: (pid, host name, program name)
        if not isinstance(info, tuple) or len(info) < 3 or not info[0]:
            return "another editor"
        pid, host, app = info[0], info[1], info[2]
        return f"{app or 'wadesk'} (pid {pid}) on {host or 'this computer'}"

    def unlock(self) -> None:
        """Let go (other editors may now open the design for editing)."""
        if self._lock.isLocked():
            self._lock.unlock()


class FileWatch(QObject):
    """Watches the open design's file and says when it changed on disk other than by our own save."""

    #: Path: the file changed (or was replaced) on disk since it was loaded or saved here
    changed_on_disk = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        self.path: Path | None = None
        self.known: DiskState | None = None

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None: nothing) and take its present state as the one we know."""
        files = self._watcher.files()
        if files:
            self._watcher.removePaths(files)
        self.path = path
        self.known = disk_state(path) if path is not None else None
        if path is not None and path.exists():
            self._watcher.addPath(str(path))

    def remember(self) -> None:
        """Our own save just wrote the file: its new state is the one we know."""
        self.watch(self.path)

    def changed(self) -> bool:
        """Whether the file on disk is no longer what was loaded or saved here."""
        if self.path is None:
            return False
        return disk_state(self.path) != self.known

    def _on_watcher_file_changed(self, name: str) -> None:
        if self.path is None or Path(name) != self.path:
            return
        # A save by rename replaces the file; the watcher then drops it, so watch the new one.
        if self.path.exists() and name not in self._watcher.files():
            self._watcher.addPath(name)
        if self.changed():
            self.changed_on_disk.emit(self.path)
