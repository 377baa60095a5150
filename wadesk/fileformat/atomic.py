"""Writing a file so that a crash or a power cut leaves either the old contents or the new, whole."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from wadesk.fileformat.errors import DesignFileError, ReadOnlyDesignError


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that a crash or a power cut leaves the old file or the new one, whole.

    - A symbolic link is followed: the file it points to is written and the link stays.
    - A file with several hard links is rewritten in place (a rename would cut it off
      from its other names); the data is synced before the call returns.
    - Otherwise the data goes to a temporary file beside the target, which gets the
      old file's mode and is renamed over it; the folder is then synced, so the
      rename itself survives a power cut.

    Raises:
        ReadOnlyDesignError: the file exists and may not be written (its mode, say 0444).
        DesignFileError: the file cannot be written for another reason.
    """
    source = str(target)
    if target.is_dir():
        raise DesignFileError(source, ["is a directory"])
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        info: os.stat_result | None = real.stat()
    except OSError:
        info = None
    # Root may write anything, so the mode bits count too: a file nobody may write was protected on purpose.
    if info is not None and (not os.access(real, os.W_OK) or not info.st_mode & 0o222):
        raise ReadOnlyDesignError(
            source, [f"is read-only (mode {stat.S_IMODE(info.st_mode):04o}); it was not changed; save a copy "
                     "under another name (Save As), or make the file writable first"]
        )
    try:
        if info is not None and info.st_nlink > 1:
            _write_in_place(real, data)
        else:
            _write_and_rename(real, data, info)
    except OSError as exc:
        raise DesignFileError(source, [f"cannot be written: {exc.strerror or exc}"]) from None


def _write_in_place(real: Path, data: bytes) -> None:
    with open(real, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _write_and_rename(real: Path, data: bytes, info: os.stat_result | None) -> None:
    folder = real.parent if str(real.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file private (0600); give it the old file's mode, or the usual one.
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        with contextlib.suppress(OSError):
            os.chmod(temp_name, mode)
        os.replace(temp_name, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the data itself was synced
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
