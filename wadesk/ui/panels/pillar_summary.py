"""Open findings per pillar, all six in the framework's order, in words that fit the analysis pane."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from wadesk.rules.base import PILLAR_NAMES, PILLARS, SEVERITIES

_COLOURS = {"high": "#D13212", "medium": "#B35500", "low": "#0073BB"}
COLUMNS = 3


class PillarSummary(QWidget):
    """Six labels, one per pillar ("Security: 2 high, 1 medium"), in rows of three."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        self.labels: dict[str, QLabel] = {}
        for index, pillar in enumerate(PILLARS):
            label = QLabel()
            label.setObjectName(f"summary_{pillar}")
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            grid.addWidget(label, index // COLUMNS, index % COLUMNS)
            self.labels[pillar] = label
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.show_counts({})

    def show_counts(self, summary: Mapping[str, Mapping[str, int]]) -> None:
        """Show ``summary`` (pillar -> severity -> open findings)."""
        for pillar, label in self.labels.items():
            counts = summary.get(pillar, {})
            words = [f"<span style='color:{_COLOURS[s]}'>{counts[s]} {s}</span>"
                     for s in SEVERITIES if counts.get(s)]
            text = f"<b>{PILLAR_NAMES[pillar]}</b>: {', '.join(words) if words else 'none open'}"
            if text == label.text():
                continue  # most edits change no pillar's counts: no relayout
            label.setText(text)
            plain = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts.get(s)) or "none open"
            label.setToolTip(f"{PILLAR_NAMES[pillar]}: {plain}")

    def text(self) -> str:
        """The summary as plain text, pillar by pillar (what tests and screen readers read)."""
        return " · ".join(label.toolTip() for label in self.labels.values())
