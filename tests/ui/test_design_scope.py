"""The design's scope in the editor: the analysis pane's control, assumptions stated once, undo."""

from __future__ import annotations

from wadesk.ui.main_window import MainWindow


def test_switching_to_a_whole_account_turns_assumptions_into_findings_and_undo_restores(window: MainWindow) -> None:
    document, panel = window.document, window.analysis
    document.add_node("ec2", 10, 10)
    assert document.arch.scope == "workload"
    assert not panel.assumptions.isHidden()
    assert "SEC-NO-CLOUDTRAIL" in panel.assumptions.text()
    assert "SEC-NO-CLOUDTRAIL" not in {f.rule for f in panel.visible_findings()}

    panel.scope.setCurrentIndex(panel.scope.findData("account"))
    panel.scope.activated.emit(panel.scope.currentIndex())
    assert document.arch.scope == "account"
    assert "SEC-NO-CLOUDTRAIL" in {f.rule for f in panel.visible_findings()}
    assert panel.assumptions.isHidden()

    document.undo_stack.undo()
    assert document.arch.scope == "workload"
    assert panel.scope.currentData() == "workload"
    assert "SEC-NO-CLOUDTRAIL" not in {f.rule for f in panel.visible_findings()}
