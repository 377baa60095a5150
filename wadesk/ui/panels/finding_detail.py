"""The selected finding in full: what was found, why it matters, how to fix it, and where to read more."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from wadesk.rules.base import PILLAR_NAMES, Finding
from wadesk.rules.best_practices import bp_title, bp_url
from wadesk.rules.registry import rule_by_id

SEVERITY_COLOURS = {"high": "#D13212", "medium": "#B35500", "low": "#0073BB"}
_EMPTY = "<p style='color:#687078'>Select a finding to read what was found, why it matters and how to fix it.</p>"


def finding_html(finding: Finding, node_label: str) -> str:
    """The detail text of ``finding`` (on the node labelled ``node_label``) as simple HTML."""
    rule = rule_by_id(finding.rule)
    meta = rule.meta if rule is not None else None
    colour = SEVERITY_COLOURS[finding.severity]
    parts = [
        f"<p><b>{escape(meta.title if meta else finding.rule)}</b><br>"
        f"<span style='color:{colour}'>{finding.severity.capitalize()}</span> · "
        f"{escape(PILLAR_NAMES[finding.pillar])} · {escape(node_label)}</p>",
        f"<p><b>Found:</b> {escape(finding.message)}</p>",
    ]
    if finding.suppressed:
        parts.append(f"<p><b>Accepted:</b> {escape(finding.justification or '')}</p>")
    if meta is not None:
        parts.append(f"<p><b>Why it matters:</b> {escape(meta.rationale)}</p>")
    parts.append(f"<p><b>How to fix:</b> {escape(finding.remediation)}</p>")
    url = bp_url(finding.wa_bp)
    bp = escape(finding.wa_bp)
    title = escape(bp_title(finding.wa_bp))
    link = f"<a href='{url}'>{bp}</a>" if url else bp
    references = [f"Well-Architected: {link}" + (f" ({title})" if title else "")]
    if meta is not None:
        match = meta.crosswalk()
        for name, ids in (("Security Hub", meta.securityhub), ("Checkov", meta.checkov)):
            if ids:
                marked = (escape(c) + (" (partial)" if match[c] == "partial" else "") for c in ids)
                references.append(f"{name}: " + ", ".join(marked))
    references.append(f"Rule: {escape(finding.rule)} · finding {escape(finding.key)}")
    parts.append("<p>" + "<br>".join(references) + "</p>")
    return "".join(parts)


class FindingDetail(QTextBrowser):
    """Read-only text of one finding; its best-practice link opens in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finding_detail")
        self.setOpenExternalLinks(True)
        self.setMinimumWidth(160)
        self._shown: tuple[Finding | None, str] | None = None
        self.show_finding(None, "")

    def show_finding(self, finding: Finding | None, node_label: str) -> None:
        """Show ``finding`` (None: a hint to pick one)."""
        if self._shown == (finding, node_label):
            return  # the pane re-asks after every edit; most leave the picked finding as it was
        self._shown = (finding, node_label)
        self.setHtml(_EMPTY if finding is None else finding_html(finding, node_label))
