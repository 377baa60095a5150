"""Issue 12, item 2: saving keeps links, modes and protections, and makes the rename durable."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from wadesk.catalog import new_architecture
from wadesk.fileformat import ReadOnlyDesignError, load_design, save_design
from wadesk.fileformat import io as fileio


def _design(label: str = "v1"):  # type: ignore[no-untyped-def]
    arch = new_architecture(label)
    arch.add_node("db", "rds", label=label)
    return arch


def test_saving_through_a_symlink_writes_the_real_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.wadesk"
    save_design(_design("v1"), real)
    link = tmp_path / "link.wadesk"
    link.symlink_to(real)
    save_design(_design("v2"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_design(real).name == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.wadesk", "real.wadesk"]


def test_saving_keeps_hard_links_together(tmp_path: Path) -> None:
    first = tmp_path / "a.wadesk"
    save_design(_design("v1"), first)
    second = tmp_path / "b.wadesk"
    os.link(first, second)
    inode = first.stat().st_ino
    save_design(_design("a much longer name than before"), second)
    assert first.stat().st_ino == inode == second.stat().st_ino
    assert load_design(first).name == "a much longer name than before"
    save_design(_design("v3"), first)  # shorter: the rest of the old text is cut off
    assert load_design(second).name == "v3"


def test_saving_keeps_the_files_mode(tmp_path: Path) -> None:
    path = tmp_path / "d.wadesk"
    save_design(_design(), path)
    path.chmod(0o640)
    save_design(_design("v2"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_read_only_design_is_refused_with_the_reason_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "d.wadesk"
    save_design(_design("v1"), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(ReadOnlyDesignError) as caught:
        save_design(_design("v2"), path)
    assert "read-only (mode 0444)" in str(caught.value) and "Save As" in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.wadesk"]  # no temporary file left


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(fileio.os, "fsync", fsync)
    save_design(_design(), tmp_path / "d.wadesk")
    assert synced == [False, True]  # the data, then the folder holding the rename
