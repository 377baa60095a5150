"""`make bench`, Terraform part: ``wadesk check PLAN`` against ``checkov -f PLAN`` on the corpus plans.

Prints, per plan, the wall time of each tool (median of a few runs) and their ratio, then the median ratio.
With ``agreement`` as argument, prints instead the agreement table: for every Checkov failure whose concern a
wadesk rule covers (the rule lists that Checkov id), does wadesk report that rule on the same resource?
Checkov is found as in ``checkov_bench.py`` ($CHECKOV, PATH, /tmp/checkov-venv).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checkov_bench import compile_once, find_checkov, median_run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PLAN_PLACES = (ROOT.parent / "shared/corpus/terraform/plan", ROOT.parent.parent / "shared/corpus/terraform/plan")


def checkov_command(checkov: str, plan: Path) -> list[str]:
    return [checkov, "--quiet", "--skip-download", "--framework", "terraform_plan", "-o", "json", "-f", str(plan)]


def timing(plans: list[Path], checkov: str) -> None:
    """The per-plan wall-time table and the median ratio."""
    wadesk = [sys.executable, "-m", "wadesk", "check", "--fail-on", "never", "--format", "json"]
    print(f"\nwadesk check PLAN vs checkov -f PLAN ({len(plans)} Terraform plans; medians of 3 runs; seconds)")
    ratios = []
    for plan in plans:
        ours, _ = median_run([*wadesk, str(plan)], 3)
        theirs, _ = median_run(checkov_command(checkov, plan), 3)
        ratios.append(theirs / ours)
        print(f"  {plan.name[:60]:60} wadesk {ours:6.2f}  checkov {theirs:6.2f}  {theirs / ours:5.1f}x")
    print(f"Median ratio: wadesk is {statistics.median(ratios):.1f}x faster per plan")


def checkov_failures(plan: Path, folder: Path, checkov: str) -> list[dict[str, object]]:
    saved = folder / f"{plan.name}.checkov.json"
    if not saved.exists() or not saved.stat().st_size:
        done = subprocess.run(checkov_command(checkov, plan), capture_output=True, text=True, check=False)
        saved.write_text(done.stdout)
    try:
        data = json.loads(saved.read_text() or "{}")
    except ValueError:
        return []
    reports = data if isinstance(data, list) else [data]
    return [check for report in reports for check in report.get("results", {}).get("failed_checks", [])]


def agreement(plans: list[Path], checkov: str, folder: Path) -> None:
    """The agreement table by Checkov id, and every disagreement."""
    from wadesk.analysis.engine import analyse
    from wadesk.importers.api import import_source
    from wadesk.rules.registry import ALL_RULES

    covering: dict[str, list[str]] = defaultdict(list)
    for rule in ALL_RULES:
        for check in rule.meta.checkov:
            covering[check].append(rule.meta.id)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for plan in plans:
        failures = [f for f in checkov_failures(plan, folder, checkov) if f.get("check_id") in covering]
        if not failures:
            continue
        result = import_source(plan, layout=False)
        where = {entry.key: entry.detail for entry in result.design.report.folded}
        origins = result.built.origins
        reported: dict[str, set[str | None]] = defaultdict(set)
        for finding in analyse(result.built.arch).findings:
            reported[finding.rule].add(origins.get(finding.node or "", finding.node))
        for failure in failures:
            check = str(failure["check_id"])
            address = str(failure.get("resource", ""))
            targets = {address, where.get(address, address)}
            agreed = any(targets & reported[rule] for rule in covering[check])
            table[check][0] += 1
            table[check][1] += int(agreed)
            if not agreed:
                misses.append(f"{plan.name}: {check} on {address} (wadesk rules {', '.join(covering[check])})")
    total = sum(count for count, _ in table.values())
    agreed_total = sum(hit for _, hit in table.values())
    print(f"{'Checkov id':16} {'wadesk rule(s)':44} {'failures':>8} {'agreed':>6}")
    for check in sorted(table):
        count, hit = table[check]
        print(f"{check:16} {', '.join(covering[check])[:44]:44} {count:>8} {hit:>6}")
    if total:
        print(f"Total: {agreed_total} of {total} overlapping Checkov failures reported by wadesk on the same "
              f"resource ({agreed_total / total:.0%})")
    for line in misses:
        print("  missed:", line)


def main() -> int:
    """Print the comparison (or, with ``agreement``, the agreement table); 0 even when checkov is missing."""
    corpus = next((place for place in PLAN_PLACES if place.is_dir()), None)
    checkov = find_checkov()
    if corpus is None or checkov is None:
        print("Terraform benchmark skipped: " + ("no corpus beside the project" if corpus is None else
                                                  "checkov not found (see bench/checkov_bench.py)"))
        return 0
    plans = sorted(corpus.glob("*.json"))
    if len(sys.argv) > 1 and sys.argv[1] == "agreement":
        folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="checkov-tf-"))
        folder.mkdir(parents=True, exist_ok=True)
        agreement(plans, checkov, folder)
    else:
        compile_once()
        timing(plans, checkov)
    return 0


if __name__ == "__main__":
    sys.exit(main())
