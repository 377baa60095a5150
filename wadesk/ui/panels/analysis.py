"""The analysis pane: findings grouped and filtered, pillar counts, the selected node's responsibility matrix."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wadesk.analysis.defined_elsewhere import not_judged
from wadesk.analysis.engine import sort_key
from wadesk.analysis.ownership import design_ownership_by_layer, node_ownership
from wadesk.catalog.responsibility import LAYER_NAMES, LAYERS
from wadesk.rules.base import PILLAR_NAMES, PILLARS, SEVERITIES, Finding
from wadesk.rules.best_practices import bp_url
from wadesk.ui.document import DocumentController
from wadesk.ui.panels.finding_detail import FindingDetail
from wadesk.ui.panels.pillar_summary import PillarSummary
from wadesk.ui.selection import SelectionModel

FINDING_ROLE = Qt.ItemDataRole.UserRole + 2
OWNER_BRUSHES = {
    "aws": QColor("#F9CB9C"),
    "customer": QColor("#9FC5E8"),
    "shared": QColor("#C9B3E8"),
    "n/a": QColor("#E3E6EA"),
}
SEVERITY_TEXT = {"high": QColor("#D13212"), "medium": QColor("#B35500"), "low": QColor("#0073BB")}
GROUPINGS = ("pillar", "severity", "node")
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3
GROUP_RANK_ROLE = Qt.ItemDataRole.UserRole + 4
#: Above this many changed nodes a full rebuild is cheaper than patching the tree.
_INCREMENTAL_LIMIT = 200
#: The owners of a layer in the design's per-layer counts: letter (as the report's legend; none for "does not
#: apply", whose dash would read as a minus sign) and words.
_DESIGN_OWNERS = {"customer": ("C", "you own it"), "aws": ("A", "AWS owns it"), "shared": ("S", "shared"),
                  "n/a": ("", "does not apply")}
#: Starting width of the Node column (the user can drag it wider; a long label is cut with an ellipsis).
NODE_COLUMN_WIDTH = 150


class AnalysisPanel(QWidget):
    """Findings of the open design, kept current from the controller's analysis."""

    #: str: the user picked a finding on this node (the window selects and centres it)
    node_activated = Signal(str)

    def __init__(self, document: DocumentController, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(150)
        self._totals_timer.timeout.connect(self._show_design_total)
        self.group_by = QComboBox()
        self.group_by.addItems([f"By {g}" for g in GROUPINGS])
        self.pillar_filter = QComboBox()
        self.pillar_filter.addItem("All pillars", "")
        for pillar in PILLARS:
            self.pillar_filter.addItem(PILLAR_NAMES[pillar], pillar)
        self.severity_filter = QComboBox()
        self.severity_filter.addItem("All severities", "")
        for severity in SEVERITIES:
            self.severity_filter.addItem(severity.capitalize(), severity)
        self.scope = QComboBox()
        self.scope.setObjectName("design_scope")
        self.scope.addItem("Reviewing a workload", "workload")
        self.scope.addItem("Reviewing a whole account", "account")
        self.scope.setToolTip(
            "A workload assumes its account's baseline (CloudTrail, Config, GuardDuty) is provided elsewhere, "
            "for instance by a landing zone: those are stated once as assumptions, not reported as findings."
        )
        self.assumptions = QLabel()
        self.assumptions.setObjectName("assumptions")
        self.assumptions.setWordWrap(False)
        self.assumptions.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        #: names what no rule judged, so "none open" is not read as covering it
        self.not_judged = QLabel()
        self.not_judged.setObjectName("not_judged")
        self.not_judged.setWordWrap(False)
        self.not_judged.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.not_judged.setStyleSheet("color: #8A5300;")
        #: names the findings set aside because they rest on a value the source leaves unresolved
        self.unresolved = QLabel()
        self.unresolved.setObjectName("not_judged_unresolved")
        self.unresolved.setWordWrap(False)
        self.unresolved.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.unresolved.setStyleSheet("color: #8A5300;")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter findings…")
        self.search.setClearButtonEnabled(True)
        self.summary = PillarSummary()
        self.detail = FindingDetail()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Finding", "Severity", "Node", "WA BP"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        for column in (1, 3):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        # A node column as wide as its longest label (a Terraform address) left the finding itself a few words.
        header.setSectionResizeMode(2, header.ResizeMode.Interactive)
        self.tree.setColumnWidth(2, NODE_COLUMN_WIDTH)
        self.suppress_button = QPushButton("Suppress…")
        self.unsuppress_button = QPushButton("Unsuppress")
        self.matrix_title = QLabel("Responsibility: select a component")
        self.matrix_title.setWordWrap(True)
        self.matrix = QTableWidget(len(LAYERS), 2)
        self.matrix.setObjectName("responsibility_matrix")
        self.matrix.setHorizontalHeaderLabels(["Layer", "Owner"])
        self.matrix.verticalHeader().hide()
        self.matrix.horizontalHeader().setStretchLastSection(True)
        self.matrix.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.setMinimumWidth(360)
        for row, layer in enumerate(LAYERS):
            self.matrix.setItem(row, 0, QTableWidgetItem(LAYER_NAMES[layer]))
        self.matrix.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        filters = QHBoxLayout()
        for widget in (self.scope, self.group_by, self.pillar_filter, self.severity_filter, self.search):
            filters.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.suppress_button)
        buttons.addWidget(self.unsuppress_button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tree)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.matrix_title)
        bottom_layout.addWidget(self.matrix)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.addWidget(bottom)
        for index, stretch in enumerate((5, 3, 3)):
            splitter.setStretchFactor(index, stretch)
        splitter.setSizes([620, 400, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.assumptions)
        layout.addWidget(self.not_judged)
        layout.addWidget(self.unresolved)
        layout.addWidget(splitter)

        for combo in (self.group_by, self.pillar_filter, self.severity_filter):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        self.search.textChanged.connect(self._on_filters_changed)
        self.scope.activated.connect(self._on_scope_activated)
        self.tree.itemSelectionChanged.connect(self._on_tree_item_selection_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_custom_context_menu_requested)
        self.suppress_button.clicked.connect(self._on_suppress_button_clicked)
        self.unsuppress_button.clicked.connect(self._on_unsuppress_button_clicked)
        document.analysis_changed.connect(self._on_document_analysis_changed)
        document.document_replaced.connect(self._on_document_document_replaced)
        document.model_changed.connect(self._on_document_model_changed)
        selection.selection_changed.connect(self._on_selection_selection_changed)
        self.refresh()
        self._show_matrix()

    # ------------------------------------------------------------- content
    def visible_findings(self) -> list[Finding]:
        """The findings the tree shows under the current filters."""
        return [f for f in self._document.analyzer.result().findings if self._passes(f)]

    def _passes(self, finding: Finding) -> bool:
        pillar = self.pillar_filter.currentData()
        severity = self.severity_filter.currentData()
        if pillar and finding.pillar != pillar:
            return False
        if severity and finding.severity != severity:
            return False
        needle = self.search.text().strip().lower()
        if not needle:
            return True
        arch = self._document.arch
        node_label = arch.label_of(finding.node) if finding.node and finding.node in arch else ""
        return needle in f"{finding.rule} {finding.message} {node_label}".lower()

    def selected_finding(self) -> Finding | None:
        """The finding picked in the tree."""
        items = self.tree.selectedItems()
        finding = items[0].data(0, FINDING_ROLE) if items else None
        return finding if isinstance(finding, Finding) else None

    def select_finding(self, key: str) -> bool:
        """Pick the finding with identity ``key`` in the tree."""
        for item in self._finding_items():
            finding = item.data(0, FINDING_ROLE)
            if finding.key == key:
                self.tree.setCurrentItem(item)
                return True
        return False

    def refresh(self) -> None:
        """Rebuild the tree and the pillar counts from the current analysis."""
        keep = self.selected_finding()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._groups: dict[str, QTreeWidgetItem] = {}
        for finding in self.visible_findings():
            group = self._group_for(finding)
            self._add_item(group, finding, group.childCount())
        for group in self._groups.values():
            self._label_group(group)
        self.tree.expandToDepth(0)
        self.tree.blockSignals(False)
        if keep is not None:
            self.select_finding(keep.key)
        self._show_summary()
        self._update_buttons()
        self._show_detail()

    def update_nodes(self, node_ids: set[str | None]) -> None:
        """Replace only the findings of ``node_ids`` (None: the design) in the tree.

        Rebuilding the whole tree costs a noticeable fraction of a second on a
        design with thousands of findings; one edit changes a few of them.
        """
        keep = self.selected_finding()
        self.tree.blockSignals(True)
        touched: set[str] = set()
        for item in self._finding_items():
            finding = item.data(0, FINDING_ROLE)
            if finding.node in node_ids:
                group = item.parent()
                group.removeChild(item)
                touched.add(group.data(0, GROUP_ROLE))
        analyzer = self._document.analyzer
        for node in node_ids:
            if node is not None and node not in self._document.arch:
                continue
            for finding in analyzer.findings_for(node):
                if not self._passes(finding):
                    continue
                group = self._group_for(finding)
                self._add_item(group, finding, self._insertion_index(group, finding))
                group.setExpanded(True)
                touched.add(group.data(0, GROUP_ROLE))
        for name in touched:
            group = self._groups[name]
            if group.childCount() == 0:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(group))
                del self._groups[name]
            else:
                self._label_group(group)
        self.tree.blockSignals(False)
        if keep is not None and not self.select_finding(keep.key):
            self._update_buttons()
        self._show_summary()
        self._update_buttons()
        self._show_detail()

    def _group_name(self, finding: Finding) -> str:
        grouping = GROUPINGS[self.group_by.currentIndex()]
        if grouping == "pillar":
            return PILLAR_NAMES[finding.pillar]
        if grouping == "severity":
            return finding.severity.capitalize()
        arch = self._document.arch
        return arch.label_of(finding.node) if finding.node and finding.node in arch else "Whole design"

    def _group_for(self, finding: Finding) -> QTreeWidgetItem:
        name = self._group_name(finding)
        group = self._groups.get(name)
        if group is None:
            group = QTreeWidgetItem([name])
            group.setData(0, GROUP_ROLE, name)
            group.setData(0, GROUP_RANK_ROLE, self._group_rank(finding, name))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            # Groups keep a fixed order (pillars as the framework lists them, worst severity first).
            rank = group.data(0, GROUP_RANK_ROLE)
            index = 0
            while index < self.tree.topLevelItemCount() and \
                    tuple(self.tree.topLevelItem(index).data(0, GROUP_RANK_ROLE)) <= tuple(rank):
                index += 1
            self.tree.insertTopLevelItem(index, group)
            self._groups[name] = group
        return group

    def _group_rank(self, finding: Finding, name: str) -> list[object]:
        grouping = GROUPINGS[self.group_by.currentIndex()]
        if grouping == "pillar":
            return [PILLARS.index(finding.pillar), ""]
        if grouping == "severity":
            return [SEVERITIES.index(finding.severity), ""]
        return [0 if finding.node is None else 1, name.lower()]

    @staticmethod
    def _label_group(group: QTreeWidgetItem) -> None:
        group.setText(0, f"{group.data(0, GROUP_ROLE)} ({group.childCount()})")

    @staticmethod
    def _insertion_index(group: QTreeWidgetItem, finding: Finding) -> int:
        key = sort_key(finding)
        low, high = 0, group.childCount()
        while low < high:
            middle = (low + high) // 2
            if sort_key(group.child(middle).data(0, FINDING_ROLE)) < key:
                low = middle + 1
            else:
                high = middle
        return low

    def _add_item(self, group: QTreeWidgetItem, finding: Finding, index: int) -> None:
        arch = self._document.arch
        node_label = arch.label_of(finding.node) if finding.node and finding.node in arch else "—"
        title = finding.message + (f"  [suppressed: {finding.justification}]" if finding.suppressed else "")
        item = QTreeWidgetItem([title, finding.severity, node_label, finding.wa_bp])
        item.setData(0, FINDING_ROLE, finding)
        item.setToolTip(0, f"{finding.rule}: {finding.message}\n\nRemediation: {finding.remediation}")
        item.setToolTip(2, node_label)
        colour = QColor("#8D99A8") if finding.suppressed else SEVERITY_TEXT[finding.severity]
        item.setForeground(1, QBrush(colour))
        if finding.suppressed:
            item.setForeground(0, QBrush(QColor("#8D99A8")))
        group.insertChild(index, item)

    def _finding_items(self) -> list[QTreeWidgetItem]:
        out = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            out.extend(group.child(i) for i in range(group.childCount()))
        return out

    def _show_summary(self) -> None:
        self.summary.show_counts(self._document.analyzer.result().summary())
        self._show_scope()

    def _show_scope(self) -> None:
        arch = self._document.arch
        self.scope.setCurrentIndex(max(0, self.scope.findData(arch.scope)))
        assumed = self._document.analyzer.result().assumptions
        self.assumptions.setVisible(bool(assumed))
        if assumed:
            rules = ", ".join(a.rule for a in assumed)
            self.assumptions.setText(f"Assumed of the account (not findings): {rules}")
            self.assumptions.setToolTip("\n".join(f"{a.rule}: {a.text}" for a in assumed))
        outside = [arch.label_of(node_id) for node_id in not_judged(arch)]
        self.not_judged.setVisible(bool(outside))
        if outside:
            self.not_judged.setText(f"Not judged, defined elsewhere (settings unknown): {', '.join(outside)}")
            self.not_judged.setToolTip(
                "These stand for what another stack, or a module that is not on disk, defines. Their settings are "
                "not in this design, so no rule judged them: review them where they are defined.\n\n"
                + "\n".join(outside)
            )

        self._show_unresolved()

    def _show_unresolved(self) -> None:
        """Name the findings set aside because they rest on an unresolved value, so none is read as passed."""
        arch = self._document.arch
        set_aside = self._document.analyzer.result().unjudged
        self.unresolved.setVisible(bool(set_aside))
        if not set_aside:
            return
        lines = [item.describe(arch) for item in set_aside]
        self.unresolved.setText(f"Not judged: {'; '.join(line.replace(': not judged:', '') for line in lines)}")
        self.unresolved.setToolTip(
            "These findings would rest on a setting the source leaves unresolved (the value shown is only the "
            "default). State the setting in the inspector, or give the value when importing, to have it judged."
            "\n\n" + "\n".join(lines)
        )

    def _show_matrix(self) -> None:
        current = self._selection.current()
        arch = self._document.arch
        if current is None or not arch.has_node(current):
            # Summing every node's matrix is the one costly part: do it once the edits settle.
            self._totals_timer.start()
            for row in range(len(LAYERS)):
                self.matrix.setItem(row, 1, QTableWidgetItem(""))
            return
        responsibility = node_ownership(arch, current)
        self.matrix_title.setText(
            f"Responsibility of {arch.label_of(current)} ({responsibility.model}): "
            f"customer owns {responsibility.customer_layers()}/12")
        self.matrix_title.setToolTip(responsibility.note)
        for row, layer in enumerate(LAYERS):
            owner = responsibility.layers[layer]
            cell = QTableWidgetItem(owner)
            cell.setBackground(QBrush(OWNER_BRUSHES[owner]))
            self.matrix.setItem(row, 1, cell)

    def _show_design_total(self) -> None:
        current = self._selection.current()
        arch = self._document.arch
        if current is not None and arch.has_node(current):
            return
        by_layer = design_ownership_by_layer(arch)
        totals = {owner: sum(counts.get(owner, 0) for counts in by_layer.values()) for owner in _DESIGN_OWNERS}
        self.matrix_title.setText(
            f"Design: you own {totals['customer']} of {sum(totals.values())} layers, AWS {totals['aws']}, "
            f"shared {totals['shared']}, not applicable {totals['n/a']}. Per layer, the nodes each owner holds it "
            "for (C you, A AWS, S shared; for the rest it does not apply). Select a node for its matrix."
        )
        for row, layer in enumerate(LAYERS):
            counts = by_layer.get(layer, {})
            cell = QTableWidgetItem(" \u00b7 ".join(
                f"{letter}{counts[owner]}" for owner, (letter, _) in _DESIGN_OWNERS.items()
                if letter and counts.get(owner)))
            cell.setToolTip(f"{LAYER_NAMES[layer]}: " + ", ".join(
                f"{word} for {counts.get(owner, 0)} node(s)" for owner, (_, word) in _DESIGN_OWNERS.items()))
            self.matrix.setItem(row, 1, cell)

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        self.suppress_button.setEnabled(finding is not None and not finding.suppressed)
        self.unsuppress_button.setEnabled(finding is not None and finding.suppressed)

    # ---------------------------------------------------------------- slots
    def _on_filters_changed(self, *_args: object) -> None:
        self.refresh()

    def _on_document_analysis_changed(self, ids: object) -> None:
        if isinstance(ids, set) and len(ids) <= _INCREMENTAL_LIMIT:
            self.update_nodes(ids)
        else:
            self.refresh()
        self._show_matrix()

    def _on_document_document_replaced(self) -> None:
        # The controller follows a replaced design with analysis_changed(None), which rebuilds the tree.
        self._show_matrix()

    def _on_document_model_changed(self, event: object) -> None:
        if getattr(event, "type", "") == "node_props_changed":
            self._show_matrix()

    def _on_scope_activated(self, index: int) -> None:
        self._document.set_scope(self.scope.itemData(index))

    def _on_selection_selection_changed(self, _ids: list[str]) -> None:
        self._show_matrix()

    def _show_detail(self) -> None:
        finding = self.selected_finding()
        arch = self._document.arch
        node_label = arch.label_of(finding.node) if finding and finding.node and finding.node in arch else \
            "whole design"
        self.detail.show_finding(finding, node_label)

    def _on_tree_item_selection_changed(self) -> None:
        self._update_buttons()
        self._show_detail()
        finding = self.selected_finding()
        if finding is not None and finding.node and finding.node in self._document.arch:
            self.node_activated.emit(finding.node)

    def suppress_key(self, key: str) -> None:
        """Pick finding ``key`` and ask why it is accepted (the Suppress… button)."""
        if self.select_finding(key):
            self._on_suppress_button_clicked()

    def finding_menu(self, finding: Finding) -> QMenu:
        """The right-click menu of a finding in the tree."""
        menu = QMenu(self)
        node = finding.node
        show = menu.addAction("Show on canvas", lambda: self.node_activated.emit(node) if node else None)
        show.setEnabled(bool(node) and node in self._document.arch)
        if finding.suppressed:
            menu.addAction("Unsuppress", self._on_unsuppress_button_clicked)
        else:
            menu.addAction("Suppress…", self._on_suppress_button_clicked)
        menu.addSeparator()
        url = bp_url(finding.wa_bp)
        page = menu.addAction(f"Open {finding.wa_bp} in the Well-Architected Framework",
                              lambda: QDesktopServices.openUrl(QUrl(url)) if url else None)
        page.setEnabled(url is not None)
        menu.addAction("Copy finding id", lambda: QApplication.clipboard().setText(finding.key))
        return menu

    def _on_tree_custom_context_menu_requested(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        if not isinstance(finding, Finding):
            return
        self.tree.setCurrentItem(item)
        menu = self.finding_menu(finding)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_suppress_button_clicked(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            return
        text, ok = QInputDialog.getText(self, "Suppress finding", f"Why is {finding.rule} accepted here?")
        if ok and text.strip():
            self._document.suppress(finding.rule, finding.node, text.strip())

    def _on_unsuppress_button_clicked(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self._document.unsuppress(finding.rule, finding.node)
