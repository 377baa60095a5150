"""``wadesk check``: analyse design files and print text, JSON or SARIF."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from wadesk.analysis.consistency import design_warnings
from wadesk.analysis.defined_elsewhere import not_judged
from wadesk.analysis.engine import AnalysisResult, analyse
from wadesk.analysis.ownership import design_ownership_totals, node_ownership
from wadesk.analysis.unknowns import Unjudged
from wadesk.cli.terminal import error_lines, printable
from wadesk.fileformat import DesignFileError
from wadesk.model import Architecture
from wadesk.rules.base import PILLAR_NAMES, PILLARS, SEVERITIES, Assumption, Finding

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_FAIL_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Checked:
    """One checked file and its analysis.

    ``lines`` maps node ids to the line of the file that declares them, for sources that are not design
    files (an imported template); SARIF results point there.
    """

    file: str
    arch: Architecture
    result: AnalysisResult
    lines: Mapping[str, int] = field(default_factory=dict)
    #: node id -> the file that declares it, where that is not ``file`` (a Terraform folder's ``.tf`` files)
    files: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceInputs:
    """Values given on the command line to the sources ``check`` imports: template parameters (``--param``,
    ``--params``) and Terraform variables (``--var``, ``--var-file``), as ``wadesk import`` takes them."""

    parameters: Mapping[str, Any] | None = None
    variables: Mapping[str, str] = field(default_factory=dict)
    var_files: Sequence[str] = ()


def check_files(
    files: Sequence[str], inputs: SourceInputs | None = None
) -> tuple[list[Checked], list[DesignFileError]]:
    """Load and analyse each file; unusable files come back as errors."""
    checked: list[Checked] = []
    errors: list[DesignFileError] = []
    for file in files:
        if not _is_design_file(file):
            imported = _check_import(file, inputs or SourceInputs())
            if isinstance(imported, DesignFileError):
                errors.append(imported)
                continue
            if imported is not None:
                arch, lines, files_of = imported
                checked.append(Checked(file, arch, analyse(arch), lines, files_of))
                continue
            if not _starts_like_json(file):
                # neither a design (JSON) nor anything an importer reads: say what was looked for
                errors.append(DesignFileError(file, [_NOT_RECOGNISED]))
                continue
        from wadesk.fileformat import load_design  # the reader is loaded only when a design file is met

        try:
            arch = load_design(file)
        except DesignFileError as exc:
            errors.append(exc)
            continue
        checked.append(Checked(file, arch, analyse(arch)))
    return checked, errors


#: The opening of a design file: ``"format": "wadesk"`` (a template that merely mentions wadesk is not one).
_DESIGN_MARK = re.compile(rb'"format"\s*:\s*"wadesk"')


def _is_design_file(file: str) -> bool:
    """Whether a file reads as a design (its opening names the wadesk format); cheap, so designs never load
    the importers."""
    if os.path.isdir(file):
        return False  # a folder of Terraform files
    try:
        with open(file, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True  # load_design reports the problem
    return _DESIGN_MARK.search(head) is not None or not head.strip()


_NOT_RECOGNISED = (
    "not a wadesk design, a CloudFormation template or a Terraform plan or configuration: a design is JSON "
    'with "format": "wadesk", a template has AWSTemplateFormatVersion or a Resources section whose entries have '
    "a Type such as AWS::S3::Bucket"
)


def _starts_like_json(file: str) -> bool:
    """Whether the file's first non-blank character opens a JSON object or array."""
    try:
        with open(file, "rb") as handle:
            head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return True  # load_design reports the problem
    return head[:1] in (b"{", b"[")


def _check_import(
    file: str, inputs: SourceInputs
) -> tuple[Architecture, dict[str, int], dict[str, str]] | DesignFileError | None:
    """The design an importable source draws (no layout: nobody sees it), an error, or None if not importable."""
    from wadesk.importers.api import import_source, is_importable
    from wadesk.importers.errors import ImportSourceError

    try:
        if not is_importable(file) and not os.path.isdir(file):
            return None  # a folder is always a Terraform configuration: import_source says what it lacks
        result = import_source(
            file,
            dict(inputs.parameters) if inputs.parameters else None,
            variables=dict(inputs.variables),
            var_files=list(inputs.var_files),
            layout=False,
        )
    except ImportSourceError as exc:
        return DesignFileError(f"{exc.source}:{exc.line}" if exc.line is not None else exc.source, [exc.reason])
    lines = {node: loc.line for node, loc in result.built.locations.items() if loc.line is not None}
    files = {node: loc.file for node, loc in result.built.locations.items() if loc.file and loc.file != file}
    return result.built.arch, lines, files


def source_inputs(
    params: Sequence[str], param_files: Sequence[str], variables: Sequence[str], var_files: Sequence[str]
) -> SourceInputs | int:
    """The command line's ``--param``/``--params``/``--var``/``--var-file`` values, or the usage exit code after
    saying what is wrong with them."""
    if not (params or param_files or variables or var_files):
        return SourceInputs()  # checking design files alone never loads the importers
    from wadesk.cli.import_cmd import parse_parameters, parse_variables
    from wadesk.importers.errors import ImportSourceError

    try:
        parameters = parse_parameters(params, param_files) if params or param_files else None
        return SourceInputs(parameters, parse_variables(variables), tuple(var_files))
    except ImportSourceError as exc:
        sys.stderr.write("wadesk check: " + error_lines(exc))
        return EXIT_USAGE


def fails(result: AnalysisResult, fail_on: str) -> bool:
    """Whether an unsuppressed finding at or above ``fail_on`` exists."""
    if fail_on == "never":
        return False
    limit = _FAIL_RANK[fail_on]
    return any(_FAIL_RANK[f.severity] <= limit for f in result.active())


def run_check(
    files: Sequence[str],
    fmt: str,
    fail_on: str,
    color: str = "auto",
    out: TextIO | None = None,
    inputs: SourceInputs | None = None,
) -> int:
    """Run ``wadesk check``; return the exit code of SPEC section 6."""
    stream = out or sys.stdout
    checked, errors = check_files(files, inputs)
    for error in errors:
        sys.stderr.write(error_lines(error))
    for item in checked:
        for warning in design_warnings(item.arch):
            sys.stderr.write(f"{printable(item.file)}: warning: {printable(warning)}\n")
    # Indented JSON for a person at a terminal; compact for pipes and files, where Python's
    # C encoder (used only without indentation) writes a 5,000-node report several times faster.
    indent = 2 if stream.isatty() else None
    if fmt == "json":
        stream.write(json.dumps(json_document(checked), indent=indent, ensure_ascii=False) + "\n")
    elif fmt == "sarif":
        from wadesk.cli.sarif import sarif_document

        stream.write(json.dumps(sarif_document(checked), indent=indent, ensure_ascii=False) + "\n")
    else:
        use_color = color == "always" or (color == "auto" and stream.isatty() and not os.environ.get("NO_COLOR"))
        width = shutil.get_terminal_size().columns if stream.isatty() else None
        for item in checked:
            stream.write(text_report(item, use_color, width))
    if errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(fails(item.result, fail_on) for item in checked) else EXIT_OK


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as SPEC section 5 names its fields."""
    return {
        "rule": finding.rule,
        "pillar": finding.pillar,
        "severity": finding.severity,
        "node": finding.node,
        "message": finding.message,
        "remediation": finding.remediation,
        "wa_bp": finding.wa_bp,
        "suppressed": finding.suppressed,
        "justification": finding.justification,
    }


def assumption_dict(assumption: Assumption) -> dict[str, Any]:
    """What a workload design assumes of its account, with the rule that would otherwise report."""
    return {"rule": assumption.rule, "pillar": assumption.pillar, "wa_bp": assumption.wa_bp, "text": assumption.text}


def unjudged_dict(unjudged: Unjudged, arch: Architecture) -> dict[str, Any]:
    """A finding set aside because it rests on a value the design does not know, and what it rests on."""
    finding = unjudged.finding
    return {
        "rule": finding.rule,
        "pillar": finding.pillar,
        "severity": finding.severity,
        "node": finding.node,
        "message": finding.message,
        "reason": unjudged.reason(arch.label_of),
        "rests_on": [{"node": node, "property": name, "expression": text} for node, name, text in unjudged.rests_on],
    }


def json_document(checked: Sequence[Checked]) -> dict[str, Any]:
    """The ``--format json`` object of SPEC section 6."""
    designs = []
    for item in checked:
        nodes = []
        for node in item.arch.nodes():
            ownership = node_ownership(item.arch, node.id)
            nodes.append(
                {
                    "id": node.id,
                    "kind": node.kind,
                    "label": node.label,
                    "ownership": {"model": ownership.model, "layers": dict(ownership.layers)},
                }
            )
        designs.append(
            {
                "file": item.file,
                "name": item.arch.name,
                "scope": item.arch.scope,
                "nodes": nodes,
                "findings": [finding_dict(f) for f in item.result.findings],
                "assumptions": [assumption_dict(a) for a in item.result.assumptions],
                "not_judged": [unjudged_dict(u, item.arch) for u in item.result.unjudged],
                "summary": item.result.summary(),
                "warnings": design_warnings(item.arch),
                "ownership_totals": design_ownership_totals(item.arch),
            }
        )
    return {"designs": designs}


# ---------------------------------------------------------------- text
_COLORS = {"high": "\033[1;31m", "medium": "\033[33m", "low": "\033[36m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"


def _paint(text: str, style: str, use_color: bool) -> str:
    return f"{_COLORS[style]}{text}{_RESET}" if use_color else text


def text_report(item: Checked, use_color: bool = False, width: int | None = None) -> str:
    """A terminal report of one design: findings grouped by node, then the pillar summary.

    With ``width`` (a terminal's), messages and fixes wrap under their finding.
    """
    arch, result = item.arch, item.result
    lines = [_paint(printable(f"{item.file}: {arch.name or 'untitled design'}"), "bold", use_color)]
    active = result.active()
    lines.append(
        f"{len(arch)} nodes, {len(active)} findings "
        f"({_count(active, 'high')} high, {_count(active, 'medium')} medium, {_count(active, 'low')} low)"
        + (f", {len(result.findings) - len(active)} suppressed" if len(result.findings) != len(active) else "")
    )
    by_node: dict[str | None, list[Finding]] = {}
    for finding in result.findings:
        by_node.setdefault(finding.node, []).append(finding)
    order = [None, *arch.node_ids()]
    for node_id in order:
        findings = by_node.get(node_id)
        if not findings:
            continue
        lines.append("")
        if node_id is None:
            lines.append(_paint("Whole design", "bold", use_color))
        else:
            ownership = node_ownership(arch, node_id)
            label = arch.label_of(node_id)
            heading = printable(
                f"{label} ({node_id}, {arch.kind_of(node_id)})"
                if label != node_id
                else f"{node_id} ({arch.kind_of(node_id)})"
            )
            lines.append(
                _paint(heading, "bold", use_color)
                + _paint(f"  customer owns {ownership.customer_layers()}/12 layers", "dim", use_color)
            )
        for finding in findings:
            tag = _paint(f"{finding.severity.upper():6}", finding.severity, use_color)
            pillar = PILLAR_NAMES[finding.pillar]
            suffix = (
                _paint(printable(f"  [suppressed: {finding.justification}]"), "dim", use_color)
                if finding.suppressed
                else ""
            )
            lines.append(f"  {tag} {printable(finding.rule)}  {pillar}, {printable(finding.wa_bp)}{suffix}")
            lines.extend(_wrapped(printable(finding.message), width))
            lines.extend(
                _paint(line, "dim", use_color) for line in _wrapped(printable(f"Fix: {finding.remediation}"), width)
            )
    if result.assumptions:
        lines.append("")
        lines.append(
            _paint(
                "Assumed of the account (this design is a workload; its baseline is provided elsewhere)",
                "bold",
                use_color,
            )
        )
        for assumption in result.assumptions:
            lines.append(printable(f"  {assumption.rule}  {PILLAR_NAMES[assumption.pillar]}, {assumption.wa_bp}"))
            lines.extend(_wrapped(printable(assumption.text), width))
    outside = not_judged(arch)
    if outside:
        lines.append("")
        lines.append(_paint("Not judged (defined elsewhere: another stack, or a module not on disk)", "bold",
                            use_color))
        lines.extend(_wrapped(printable(", ".join(arch.label_of(node_id) for node_id in outside)), width))
        lines.extend(_wrapped("Their settings are not in this design, so no rule judged them.", width))
    if result.unjudged:
        lines.append("")
        lines.append(_paint("Not judged (they rest on a value the source leaves unresolved)", "bold", use_color))
        lines.extend(printable(f"  {unjudged.describe(arch)}") for unjudged in result.unjudged)
    totals = design_ownership_totals(arch)
    layers = sum(totals.values())
    lines.append("")
    lines.append(
        f"Shared responsibility: you own {totals['customer']} of {layers} layers across the design, "
        f"AWS {totals['aws']}, shared {totals['shared']}, not applicable {totals['n/a']}."
    )
    lines.append("")
    lines.append(_summary_table(result))
    lines.append("")
    return "\n".join(lines) + "\n"


def _wrapped(text: str, width: int | None, indent: str = " " * 9) -> list[str]:
    if width is None or width < 40:
        return [indent + text]
    return textwrap.wrap(text, width=width - 1, initial_indent=indent, subsequent_indent=indent) or [indent]


def _count(findings: Sequence[Finding], severity: str) -> int:
    return sum(1 for f in findings if f.severity == severity)


def _summary_table(result: AnalysisResult) -> str:
    summary = result.summary()
    width = max(len(name) for name in PILLAR_NAMES.values())
    rows = [f"{'Pillar':{width}}  {'high':>5} {'medium':>7} {'low':>5}"]
    for pillar in PILLARS:
        counts = summary[pillar]
        rows.append(f"{PILLAR_NAMES[pillar]:{width}}  {counts['high']:>5} {counts['medium']:>7} {counts['low']:>5}")
    totals = {s: sum(summary[p][s] for p in PILLARS) for s in SEVERITIES}
    rows.append(f"{'Total':{width}}  {totals['high']:>5} {totals['medium']:>7} {totals['low']:>5}")
    return "\n".join(rows)
