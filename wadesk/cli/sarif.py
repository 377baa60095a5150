"""SARIF 2.1.0 output that GitHub code scanning accepts, rule metadata included."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wadesk import __version__
from wadesk.rules.base import PILLAR_NAMES, Rule
from wadesk.rules.best_practices import FRAMEWORK_URL, bp_url
from wadesk.rules.registry import ALL_RULES

if TYPE_CHECKING:
    from wadesk.analysis.unknowns import Unjudged
    from wadesk.cli.check import Checked

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"high": "error", "medium": "warning", "low": "note"}
#: GitHub sorts security alerts by this CVSS-like score.
_SECURITY_SEVERITY = {"high": "8.0", "medium": "5.0", "low": "2.0"}
#: wadesk has no web page of its own yet: the tool's information is the framework its checks follow.
TOOL_INFORMATION_URI = FRAMEWORK_URL + "welcome.html"


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    meta = rule.meta
    tags = [PILLAR_NAMES[meta.pillar].lower(), meta.wa_bp, *meta.securityhub, *meta.checkov]
    if meta.pillar == "security":
        tags.append("security")
    markdown = (
        f"**{meta.title}** ({PILLAR_NAMES[meta.pillar]}, {meta.wa_bp})\n\n"
        f"{meta.rationale}\n\n**How to fix:** {meta.remediation}"
    )
    descriptor: dict[str, Any] = {
        "id": meta.id,
        "name": "".join(part.capitalize() for part in meta.id.split("-")),
        "shortDescription": {"text": meta.title},
        "fullDescription": {"text": meta.rationale},
        "help": {"text": f"{meta.rationale} How to fix: {meta.remediation}", "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[meta.severity]},
        "properties": {
            "tags": tags,
            "precision": "high",
            "problem.severity": {"high": "error", "medium": "warning", "low": "recommendation"}[meta.severity],
            "security-severity": _SECURITY_SEVERITY[meta.severity],
            "wa_bp": meta.wa_bp,
            "pillar": meta.pillar,
            "securityhub": list(meta.securityhub),
            "checkov": list(meta.checkov),
        },
    }
    help_uri = bp_url(meta.wa_bp)
    if help_uri is not None:
        descriptor["helpUri"] = help_uri
    return descriptor


@lru_cache(maxsize=8)
def _file_lines(file: str) -> tuple[str, ...]:
    try:
        return tuple(Path(file).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def _line_of(file: str, node_id: str | None) -> int:
    """The 1-based line where a node is defined in its file (1 when not found)."""
    if node_id is None:
        return 1
    pattern = re.compile(r'"id"\s*:\s*' + re.escape(json.dumps(node_id)))
    for index, line in enumerate(_file_lines(file), start=1):
        if pattern.search(line):
            return index
    return 1


def _finding_line(item: Checked, node_id: str | None) -> int:
    """The line of a finding: from the import's node-to-line map for templates, else found in the design file."""
    if item.lines:
        return item.lines.get(node_id or "", 1)
    return _line_of(item.file, node_id)


def _not_judged_result(item: Checked, uri: str, unjudged: Unjudged, index: dict[str, int]) -> dict[str, Any]:
    """A finding set aside because it rests on an unresolved value: SARIF's "review" kind, which carries no level."""
    finding = unjudged.finding
    node_file = item.files.get(finding.node or "")
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "kind": "review",
        "level": "none",
        "message": {
            "text": f"Not judged: {unjudged.reason(item.arch.label_of)}. Under the value the design holds: "
            f"{finding.message}"
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(node_file).as_posix() if node_file else uri},
                    "region": {"startLine": _finding_line(item, finding.node)},
                },
                "logicalLocations": [
                    {
                        "name": finding.node or item.arch.name or "design",
                        "fullyQualifiedName": f"{item.arch.name or uri}/{finding.node or ''}",
                        "kind": "resource" if finding.node else "module",
                    }
                ],
            }
        ],
        "partialFingerprints": {"wadeskNotJudged/v1": f"{uri}:{finding.key}"},
        "properties": {
            "pillar": finding.pillar,
            "wa_bp": finding.wa_bp,
            "severity": finding.severity,
            "unresolved": [{"node": n, "property": p, "expression": e} for n, p, e in unjudged.rests_on],
        },
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def sarif_document(checked: Sequence[Checked]) -> dict[str, Any]:
    """One SARIF run over every checked design."""
    rules = list(ALL_RULES)
    index = {rule.id: position for position, rule in enumerate(rules)}
    results = []
    for item in checked:
        uri = Path(item.file).as_posix()
        for finding in item.result.findings:
            node_file = item.files.get(finding.node or "")
            node_uri = Path(node_file).as_posix() if node_file else uri
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "level": _LEVEL[finding.severity],
                "message": {
                    "text": f"{finding.message} Fix: {finding.remediation}",
                },
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": node_uri},
                            "region": {"startLine": _finding_line(item, finding.node)},
                        },
                        "logicalLocations": [
                            {
                                "name": finding.node or item.arch.name or "design",
                                "fullyQualifiedName": f"{item.arch.name or uri}/{finding.node or ''}",
                                "kind": "resource" if finding.node else "module",
                            }
                        ],
                    }
                ],
                "partialFingerprints": {"wadeskFinding/v1": f"{uri}:{finding.key}"},
                "properties": {"pillar": finding.pillar, "wa_bp": finding.wa_bp, "severity": finding.severity},
            }
            if finding.rule in index:
                result["ruleIndex"] = index[finding.rule]
            if finding.suppressed:
                result["suppressions"] = [{"kind": "inSource", "justification": finding.justification or ""}]
            results.append(result)
        for assumption in item.result.assumptions:
            # Stated, not failed: SARIF's "informational" kind, which carries no level.
            stated: dict[str, Any] = {
                "ruleId": assumption.rule,
                "kind": "informational",
                "level": "none",
                "message": {"text": f"Assumed of the account (the design is a workload): {assumption.text}"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": {"startLine": _line_of(item.file, None)},
                        },
                        "logicalLocations": [
                            {
                                "name": item.arch.name or "design",
                                "fullyQualifiedName": f"{item.arch.name or uri}/",
                                "kind": "module",
                            }
                        ],
                    }
                ],
                "partialFingerprints": {"wadeskAssumption/v1": f"{uri}:{assumption.rule}"},
                "properties": {"pillar": assumption.pillar, "wa_bp": assumption.wa_bp, "assumption": True},
            }
            if assumption.rule in index:
                stated["ruleIndex"] = index[assumption.rule]
            results.append(stated)
        for item_unjudged in item.result.unjudged:
            results.append(_not_judged_result(item, uri, item_unjudged, index))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "wadesk",
                        "informationUri": TOOL_INFORMATION_URI,
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
