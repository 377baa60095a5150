"""Issue 13, item 3: the analysis pane explains a finding, keeps the framework's pillar order, and its summary fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.rules.base import PILLAR_NAMES, PILLARS, SEVERITIES
from wadesk.ui.main_window import MainWindow
from wadesk.ui.panels.analysis import GROUP_ROLE

pytestmark = pytest.mark.gui

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "flawed-startup.wadesk"


def _groups(window: MainWindow) -> list[str]:
    tree = window.analysis.tree
    return [tree.topLevelItem(i).data(0, GROUP_ROLE) for i in range(tree.topLevelItemCount())]


def test_selecting_a_finding_shows_what_why_fix_and_references(window: MainWindow) -> None:
    assert window.open_file(EXAMPLE)
    detail = window.analysis.detail
    assert "Select a finding" in detail.toPlainText()
    assert window.analysis.select_finding("SEC-DB-PUBLIC-SUBNET@main-db")
    text = detail.toPlainText()
    for part in ("Found:", "Why it matters:", "How to fix:", "SEC05-BP01", "Rule: SEC-DB-PUBLIC-SUBNET"):
        assert part in text
    assert "Checkov" not in text  # no Checkov check tests a database's subnet
    assert window.analysis.select_finding("SEC-DB-PUBLICLY-ACCESSIBLE@main-db")
    assert "Security Hub: RDS.2" in detail.toPlainText() and "Checkov: CKV_AWS_17" in detail.toPlainText()
    assert window.analysis.select_finding("SEC-SG-OPEN-ADMIN@launch-wizard-sg")
    assert "Checkov: CKV_AWS_24 (partial), CKV_AWS_25 (partial)" in detail.toPlainText()
    assert window.analysis.select_finding("SEC-DB-PUBLIC-SUBNET@main-db")
    assert detail.openExternalLinks()
    assert ("href='https://docs.aws.amazon.com/wellarchitected/latest/framework/"
            "sec_network_protection_create_layers.html'") in detail.toHtml().replace('"', "'")
    # The detail follows the finding through an edit that keeps it, and never shows one that is gone.
    window.document.rename("main-db", "Orders DB")
    assert "Orders DB" in detail.toPlainText()
    window.document.delete(["main-db"])
    shown = window.analysis.selected_finding()
    assert "SEC-DB-PUBLIC-SUBNET" not in detail.toPlainText()
    assert shown is None or f"Rule: {shown.rule}" in detail.toPlainText()


def test_pillar_groups_follow_the_framework_order_even_as_findings_come_and_go(window: MainWindow) -> None:
    assert window.open_file(EXAMPLE)
    names = [PILLAR_NAMES[p] for p in PILLARS]
    assert _groups(window) == [n for n in names if n in _groups(window)] and len(_groups(window)) >= 5
    # Take a pillar's findings away and bring them back: the group returns to its place, not the end.
    doc = window.document
    before = _groups(window)
    doc.delete([n for n in doc.arch.node_ids() if doc.arch.node(n).kind in ("ebs", "s3")])
    doc.undo_stack.undo()
    assert _groups(window) == before
    window.analysis.group_by.setCurrentIndex(1)
    assert _groups(window) == [s.capitalize() for s in SEVERITIES if s.capitalize() in _groups(window)]


def test_summary_names_every_pillar_and_fits_at_the_default_size(qtbot, window: MainWindow) -> None:
    assert window.open_file(EXAMPLE)
    window.resize(1400, 900)
    qtbot.wait(50)
    summary = window.analysis.summary
    assert summary.text().startswith("Operational excellence:")
    assert all(PILLAR_NAMES[p] in summary.text() for p in PILLARS)
    assert "high" in summary.labels["security"].text()
    for label in summary.labels.values():
        assert label.isVisible() and label.sizeHint().width() <= label.width(), label.text()
