"""The small option dialogs of the export menu: a canvas image and a diagrams image."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wadesk.ui.scene_image import MAX_SCALE, MIN_SCALE, ImageOptions

#: Format choices shown in the dialogs: (text, format name).
FORMAT_CHOICES: list[tuple[str, str]] = [("PNG image", "png"), ("SVG drawing", "svg")]


def _format_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for text, name in FORMAT_CHOICES:
        combo.addItem(text, name)
    return combo


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ImageExportDialog(QDialog):
    """Asks what to draw (the design or the selection), how large, with or without annotations, PNG or SVG."""

    def __init__(self, has_selection: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export image")
        self.whole_radio = QRadioButton("Whole design", self)
        self.selection_radio = QRadioButton("Selection only", self)
        self.selection_radio.setEnabled(has_selection)
        self.whole_radio.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.whole_radio)
        scope.addButton(self.selection_radio)
        self.scale_spin = QSpinBox(self)
        self.scale_spin.setRange(round(MIN_SCALE * 100), round(MAX_SCALE * 100))
        self.scale_spin.setSingleStep(25)
        self.scale_spin.setSuffix(" %")
        self.scale_spin.setValue(200)
        self.annotations_check = QCheckBox("Finding badges and ownership markers", self)
        self.annotations_check.setChecked(True)
        self.format_combo = _format_combo(self)
        form = QFormLayout()
        form.addRow("Draw:", self.whole_radio)
        form.addRow("", self.selection_radio)
        form.addRow("Scale:", self.scale_spin)
        form.addRow("Annotations:", self.annotations_check)
        form.addRow("Format:", self.format_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def options(self) -> ImageOptions:
        """The choices as they stand."""
        return ImageOptions(
            selection_only=self.selection_radio.isEnabled() and self.selection_radio.isChecked(),
            scale=self.scale_spin.value() / 100,
            annotations=self.annotations_check.isChecked(),
            format=str(self.format_combo.currentData()),
        )


class DiagramExportDialog(QDialog):
    """Asks PNG or SVG, and whether to write each node's worst finding under its label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export with diagrams")
        self.format_combo = _format_combo(self)
        self.annotate_check = QCheckBox("Annotate with the worst finding", self)
        form = QFormLayout()
        form.addRow("Format:", self.format_combo)
        form.addRow("", self.annotate_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def image_format(self) -> str:
        """``"png"`` or ``"svg"``."""
        return str(self.format_combo.currentData())

    def annotate(self) -> bool:
        """Whether to annotate each node with its worst finding."""
        return self.annotate_check.isChecked()
