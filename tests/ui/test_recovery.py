"""Issue 13, item 5: start-up recovery offers every autosave worth offering, says what each is, and shows it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from wadesk.ui.main_window import MainWindow
from wadesk.ui.recovery import RecoveryChoice, RecoveryDialog
from wadesk.ui.session import Autosave, Recoverable

from .conftest import script_file_dialogs

pytestmark = pytest.mark.gui


def _second_window(qtbot, tmp_path: Path, dialogs, answer: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window started later on the same autosave folder, as after a crash."""
    Autosave._live.clear()  # the editors that wrote the autosaves are gone (their copies are leftovers now)
    win = MainWindow(settings=QSettings(str(tmp_path / "s2.ini"), QSettings.Format.IniFormat),
                     autosave=Autosave(tmp_path / "autosave"))

    def ask(candidates: list[Recoverable]) -> Recoverable | None:
        dialogs.offered.append(list(candidates))
        return candidates[0] if answer else None

    win.ask_recover = ask  # type: ignore[method-assign]
    script_file_dialogs(win, dialogs)  # the first window still holds its file open: answered read-only
    win.show_error = lambda title, text: dialogs.errors.append((title, text))  # type: ignore[method-assign]
    win.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def _age(path: Path, seconds: float) -> None:
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


def test_untitled_work_is_offered_at_start_up_and_fitted_to_the_view(qtbot, window: MainWindow, dialogs,
                                                                      tmp_path: Path) -> None:
    doc = window.document
    far = doc.add_node("s3", 3000, 2500, label="Far away bucket")
    doc.set_design_meta(name="Checkout")
    written = window.write_autosave()
    assert written is not None
    second = _second_window(qtbot, tmp_path, dialogs, answer=True)
    second.start(None)
    (offered,) = dialogs.offered
    assert [c.autosave for c in offered] == [written]
    assert offered[0].design is None and offered[0].name == "Checkout"
    assert offered[0].describe().startswith("Untitled design “Checkout”, never saved to a file: autosaved ")
    assert second.document.arch.label_of(far) == "Far away bucket" and second.isWindowModified()
    # Fitted: the recovered node is on screen without pressing Ctrl+0.
    qtbot.wait(20)
    visible = second.view.mapToScene(second.view.viewport().rect()).boundingRect()
    assert visible.contains(second.scene.box(far).sceneBoundingRect())
    second.document.undo_stack.setClean()


def test_every_autosave_newer_than_its_file_is_offered_newest_first(qtbot, window: MainWindow, dialogs,
                                                                     tmp_path: Path) -> None:
    doc = window.document
    autosave = window.autosave
    old_file, new_file = tmp_path / "old.wadesk", tmp_path / "new.wadesk"
    doc.add_node("s3", 0, 0)
    assert window._save_to(old_file)
    doc.add_node("sqs", 100, 0)
    stale = autosave.write(doc.arch, old_file)
    _age(stale, 60)
    _age(old_file, 30)  # the file was saved after this autosave: nothing to recover from it
    doc.add_node("sns", 200, 0)
    assert window._save_to(new_file)
    _age(new_file, 120)
    doc.add_node("sqs", 300, 0)
    newer = autosave.write(doc.arch, new_file)
    _age(newer, 20)
    untitled = autosave.write(doc.arch, None)
    found = autosave.recoverable_all()
    assert [c.autosave for c in found] == [untitled, newer]
    assert found[1].design == new_file.resolve()
    assert f"in {new_file.resolve()}: unsaved changes autosaved " in found[1].describe()
    gone = tmp_path / "moved.wadesk"
    _age(autosave.write(doc.arch, gone), 10)
    assert "a file that no longer exists" in autosave.recoverable_all()[1].describe()
    doc.undo_stack.setClean()


def test_opening_a_file_offers_its_own_autosave_and_mentions_the_others(qtbot, window: MainWindow, dialogs,
                                                                         tmp_path: Path) -> None:
    doc = window.document
    path = tmp_path / "d.wadesk"
    doc.add_node("s3", 0, 0)
    assert window._save_to(path)
    _age(path, 60)
    doc.add_node("sqs", 100, 0)
    own = window.write_autosave()
    window.autosave.write(doc.arch, None)
    doc.undo_stack.setClean()
    second = _second_window(qtbot, tmp_path, dialogs, answer=False)
    second.start(str(path))
    assert [[c.autosave for c in offer] for offer in dialogs.offered] == [[own]]
    assert "1 more autosaved design can be recovered" in second.statusBar().currentMessage()


def test_the_dialog_lists_each_autosave_and_discard_deletes_the_picked_one(qtbot, tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave")
    from wadesk.catalog import new_architecture

    written = autosave.write(new_architecture("Sketch"), None)
    (candidate,) = autosave.recoverable_all()
    dialog = RecoveryDialog([candidate])
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "Untitled design “Sketch”" in dialog.list.item(0).text()
    assert dialog.picked() == candidate
    buttons = dialog.findChild(QDialogButtonBox)
    discard = next(b for b in buttons.buttons() if b.text() == "Discard")
    discard.click()
    assert dialog.choice is RecoveryChoice.DISCARD
    autosave.forget(written)
    assert autosave.recoverable_all() == [] and not any(autosave.folder.iterdir())
