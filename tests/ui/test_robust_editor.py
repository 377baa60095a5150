"""Issue 12, items 1 and 2 in the editor: two editors on one file, files changed on disk, protected files,
failed autosaves."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from wadesk.catalog import new_architecture
from wadesk.fileformat import load_design, save_design
from wadesk.ui.file_guard import lock_file_for
from wadesk.ui.main_window import MainWindow
from wadesk.ui.session import Autosave

from .conftest import Dialogs, script_file_dialogs

pytestmark = pytest.mark.gui


def _design_file(tmp_path: Path, name: str = "shared") -> Path:
    arch = new_architecture(name)
    arch.add_node("db", "rds", label="Orders DB")
    path = tmp_path / f"{name}.wadesk"
    save_design(arch, path)
    return path


@pytest.fixture
def second(qtbot, tmp_path: Path) -> tuple[MainWindow, Dialogs]:  # type: ignore[no-untyped-def]
    """Another editor window in the same session, sharing the autosave and lock folders."""
    dialogs = Dialogs()
    win = MainWindow(settings=QSettings(str(tmp_path / "settings2.ini"), QSettings.Format.IniFormat),
                     autosave=Autosave(tmp_path / "autosave"))
    win.show_error = lambda title, text: dialogs.errors.append((title, text))  # type: ignore[method-assign]
    win.ask_save_changes = lambda: dialogs.save_answer  # type: ignore[method-assign]
    win.ask_recover = lambda _candidates: None  # type: ignore[method-assign]
    script_file_dialogs(win, dialogs)
    qtbot.addWidget(win)
    return win, dialogs


def test_two_editors_on_one_file(window: MainWindow, dialogs: Dialogs, second, tmp_path: Path) -> None:
    other, other_dialogs = second
    path = _design_file(tmp_path)
    assert window.open_file(path) and not window.read_only
    # The second editor is told the file is open elsewhere and opens it read-only.
    assert other.open_file(path)
    assert other.read_only and "[read-only]" in other.windowTitle()
    ((asked_path, holder),) = other_dialogs.asked_read_only
    assert asked_path == path and f"pid {os.getpid()}" in holder
    # Its Save does not touch the file; it offers Save As instead.
    other.document.add_node("s3", 200, 0)
    before = path.read_bytes()
    assert not other.save()
    assert other_dialogs.asked_save_as_instead and path.read_bytes() == before
    # Each editor autosaves to its own file.
    window.document.add_node("sqs", 0, 200)
    mine, theirs = window.write_autosave(), other.write_autosave()
    assert mine is not None and theirs is not None and mine != theirs
    assert len(load_design(mine)) == 2 and len(load_design(theirs)) == 2
    assert {n.kind for n in load_design(mine).nodes()} != {n.kind for n in load_design(theirs).nodes()}
    # Declining the read-only offer opens nothing.
    other_dialogs.read_only_answer = False
    third = _design_file(tmp_path, "third")
    assert window.open_file(third) and not other.open_file(third)
    # Once the first editor lets go, the second may edit.
    dialogs.save_answer = dialogs.save_answer  # discard unsaved changes on close
    window.close()
    other_dialogs.save_answer = other_dialogs.save_answer
    assert other.open_file(path) and not other.read_only


def test_untitled_designs_of_two_editors_autosave_apart(window: MainWindow, second) -> None:
    other, _ = second
    window.document.add_node("s3", 0, 0)
    other.document.add_node("sqs", 0, 0)
    mine, theirs = window.write_autosave(), other.write_autosave()
    assert mine is not None and theirs is not None and mine != theirs
    assert mine.exists() and theirs.exists()
    # Neither is offered as "recoverable" to the other while both run.
    assert window.autosave.recoverable(None) in (mine, None)
    assert theirs not in window.autosave.candidates(None)


def test_a_lock_held_by_another_process_offers_read_only(window: MainWindow, dialogs: Dialogs,
                                                         tmp_path: Path) -> None:
    path = _design_file(tmp_path)
    lock = lock_file_for(path, window.autosave.folder / "locks")
    lock.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from PySide6.QtCore import QLockFile
            lock = QLockFile({str(lock)!r})
            assert lock.tryLock(0)
            print("locked", flush=True)
            sys.stdin.readline()
            lock.unlock()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert window.open_file(path)
        assert window.read_only
        ((_, who),) = dialogs.asked_read_only
        assert f"pid {holder.pid}" in who
    finally:
        holder.communicate("\n", timeout=30)
    # The other process is gone: the file opens for editing.
    dialogs.asked_read_only.clear()
    assert window.open_file(path) and not window.read_only and not dialogs.asked_read_only


def test_a_stale_lock_of_a_dead_process_is_taken_over(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    path = _design_file(tmp_path)
    lock = lock_file_for(path, window.autosave.folder / "locks")
    lock.parent.mkdir(parents=True, exist_ok=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    hostname = os.uname().nodename
    lock.write_text(f"{dead.stdout.strip()}\npython3\n{hostname}\n", encoding="utf-8")
    assert window.open_file(path) and not window.read_only and not dialogs.asked_read_only


def _change_on_disk(path: Path, name: str) -> None:
    arch = load_design(path)
    arch.set_meta(name=name)
    text = path.read_bytes()
    save_design(arch, path)
    assert path.read_bytes() != text
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000))


@pytest.mark.parametrize("answer", ["cancel", "overwrite", "save_as", "reload"])
def test_save_asks_when_the_file_changed_on_disk(window: MainWindow, dialogs: Dialogs, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    path = _design_file(tmp_path)
    assert window.open_file(path)
    window.file_watch.changed_on_disk.disconnect()  # only the check before saving, here
    window.document.add_node("s3", 200, 0)
    _change_on_disk(path, "changed elsewhere")
    dialogs.conflict_answer = answer
    saved_as: list[bool] = []
    monkeypatch.setattr(window, "save_as", lambda: saved_as.append(True) or False)
    result = window.save()
    assert dialogs.asked_conflict == [path]
    on_disk = load_design(path)
    if answer == "overwrite":
        assert result and len(on_disk) == 2 and on_disk.name == "shared"
    else:
        assert not result and on_disk.name == "changed elsewhere"
    assert saved_as == ([True] if answer == "save_as" else [])
    if answer == "reload":
        assert window.document.arch.name == "changed elsewhere" and not window.document.is_modified()


def test_our_own_save_does_not_look_like_a_change_on_disk(window: MainWindow, dialogs: Dialogs,
                                                          tmp_path: Path) -> None:
    path = _design_file(tmp_path)
    assert window.open_file(path)
    window.document.add_node("s3", 200, 0)
    assert window.save()
    window.document.add_node("sqs", 300, 0)
    assert window.save()
    assert dialogs.asked_conflict == [] and dialogs.asked_reload == []


def test_a_file_changed_on_disk_is_offered_for_reload(qtbot, window: MainWindow, dialogs: Dialogs,
                                                      tmp_path: Path) -> None:
    path = _design_file(tmp_path)
    assert window.open_file(path)
    dialogs.reload_answer = True
    _change_on_disk(path, "changed elsewhere")
    qtbot.waitUntil(lambda: dialogs.asked_reload == [path], timeout=10_000)
    assert window.document.arch.name == "changed elsewhere"
    # The watch follows the new file (a save by rename replaced it): a second change is noticed too.
    _change_on_disk(path, "changed again")
    qtbot.waitUntil(lambda: len(dialogs.asked_reload) == 2, timeout=10_000)
    assert window.document.arch.name == "changed again"


def test_a_read_only_file_is_refused_on_save_and_save_as_offered(window: MainWindow, dialogs: Dialogs,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = _design_file(tmp_path)
    path.chmod(0o444)
    assert window.open_file(path)
    window.document.add_node("s3", 200, 0)
    before = path.read_bytes()
    dialogs.save_as_instead_answer = True
    copy = tmp_path / "copy.wadesk"
    monkeypatch.setattr(window, "save_as", lambda: window._save_to(copy))
    assert window.save()
    assert "read-only (mode 0444)" in dialogs.asked_save_as_instead[0]
    assert path.read_bytes() == before and len(load_design(copy)) == 2
    assert window.document.path == copy


def test_a_failed_autosave_is_shown_in_the_status_bar(window: MainWindow, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the autosave folder should be", encoding="utf-8")
    window.autosave.folder = blocker
    window.document.add_node("s3", 0, 0)
    assert window.write_autosave() is None
    assert window.statusBar().currentMessage().startswith("Autosave failed:")
    assert window.autosave_failed
