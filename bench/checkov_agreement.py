"""Agreement with Checkov on the CloudFormation corpus: for every Checkov failure whose concern a wadesk rule
covers (the rule lists that Checkov id), does wadesk report that rule on the same resource?

Usage: python bench/checkov_agreement.py [CHECKOV_JSON_DIR]
CHECKOV_JSON_DIR holds ``<template name>.json`` from ``checkov -f TEMPLATE -o json`` (made here when absent,
with the checkov of bench/checkov_bench.py). Prints a table by Checkov id and every disagreement.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checkov_bench import CORPUS_PLACES, find_checkov  # noqa: E402

from wadesk.analysis.engine import analyse  # noqa: E402
from wadesk.importers.api import import_source  # noqa: E402
from wadesk.rules.registry import ALL_RULES  # noqa: E402


def checkov_failures(template: Path, folder: Path, checkov: str | None) -> list[dict[str, object]]:
    """Checkov's failed checks on one template (run now unless its JSON is in ``folder``)."""
    saved = folder / f"{template.name}.json"
    if not saved.exists() or not saved.stat().st_size:
        if checkov is None:
            return []
        done = subprocess.run(
            [checkov, "--quiet", "--skip-download", "--framework", "cloudformation", "-o", "json", "-f", str(template)],
            capture_output=True,
            text=True,
            check=False,
        )
        saved.write_text(done.stdout)
    try:
        data = json.loads(saved.read_text() or "{}")
    except ValueError:
        return []
    reports = data if isinstance(data, list) else [data]
    return [check for report in reports for check in report.get("results", {}).get("failed_checks", [])]


def main() -> int:
    """Print the agreement table; exit 0."""
    corpus = next((p for p in CORPUS_PLACES if p.is_dir()), None)
    if corpus is None:
        print("no corpus beside the project")
        return 0
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="checkov-"))
    checkov = find_checkov()
    covering: dict[str, list[str]] = defaultdict(list)
    for rule in ALL_RULES:
        for check in rule.meta.checkov:
            covering[check].append(rule.meta.id)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for template in sorted(p for p in corpus.iterdir() if p.is_file()):
        failures = [f for f in checkov_failures(template, folder, checkov) if f.get("check_id") in covering]
        if not failures:
            continue
        result = import_source(template, layout=False)
        where = {e.key: e.detail for e in result.design.report.folded}
        origins = result.built.origins
        findings = analyse(result.built.arch).findings
        reported: dict[str, set[str | None]] = defaultdict(set)
        for finding in findings:
            reported[finding.rule].add(origins.get(finding.node or "", finding.node))
        for failure in failures:
            check = str(failure["check_id"])
            logical = str(failure.get("resource", "")).split(".", 1)[-1]
            targets = {logical, where.get(logical, logical)}
            agreed = any(targets & reported[rule] for rule in covering[check])
            table[check][0] += 1
            table[check][1] += int(agreed)
            if not agreed:
                misses.append(f"{template.name}: {check} on {logical} (wadesk rules {', '.join(covering[check])})")
    total = sum(count for count, _ in table.values())
    agreed = sum(hit for _, hit in table.values())
    print(f"{'Checkov id':16} {'wadesk rule(s)':44} {'failures':>8} {'agreed':>6}")
    for check in sorted(table):
        count, hit = table[check]
        print(f"{check:16} {', '.join(covering[check])[:44]:44} {count:>8} {hit:>6}")
    print(
        f"Total: {agreed} of {total} overlapping Checkov failures reported by wadesk on the same resource "
        f"({agreed / total:.0%})"
        if total
        else "No overlapping failures"
    )
    for line in misses:
        print("  missed:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
