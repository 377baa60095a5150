"""`make bench`, Terraform part: ``wadesk check PLAN`` against ``checkov -f PLAN`` on the corpus plans.

Prints, per plan, the wall time of each tool (median of a few runs) and their ratio, then the median ratio.
The agreement table (does wadesk report what Checkov fails, on the same resource?) is ``checkov_agreement.py``,
for both front ends. Checkov is found as in ``checkov_bench.py`` ($CHECKOV, PATH, /tmp/checkov-venv).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checkov_bench import RUNS, compile_once, find_checkov, interleaved, wadesk_command  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PLAN_PLACES = (ROOT.parent / "shared/corpus/terraform/plan", ROOT.parent.parent / "shared/corpus/terraform/plan")


def checkov_command(checkov: str, plan: Path) -> list[str]:
    return [checkov, "--quiet", "--skip-download", "--framework", "terraform_plan", "-o", "json", "-f", str(plan)]


def timing(plans: list[Path], checkov: str) -> None:
    """The per-plan wall-time table and the median ratio."""
    wadesk = wadesk_command()
    print(
        f"\nwadesk check PLAN vs checkov -f PLAN ({len(plans)} Terraform plans; medians of {RUNS} interleaved runs; "
        "seconds)"
    )
    ratios = []
    for plan in plans:
        ours, theirs = interleaved([[*wadesk, str(plan)], checkov_command(checkov, plan)], RUNS)
        ratios.append(theirs / ours)
        print(f"  {plan.name[:60]:60} wadesk {ours:6.2f}  checkov {theirs:6.2f}  {theirs / ours:5.1f}x")
    print(f"Median ratio: wadesk is {statistics.median(ratios):.1f}x faster per plan")


def main() -> int:
    """Print the comparison; 0 even when checkov is missing."""
    corpus = next((place for place in PLAN_PLACES if place.is_dir()), None)
    checkov = find_checkov()
    if corpus is None or checkov is None:
        print("Terraform benchmark skipped: " + ("no corpus beside the project" if corpus is None else
                                                  "checkov not found (see bench/checkov_bench.py)"))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "agreement":
        print("The agreement table moved: python bench/checkov_agreement.py terraform [--cache DIR]")
        return 0
    compile_once()
    timing(sorted(corpus.glob("*.json")), checkov)
    return 0


if __name__ == "__main__":
    sys.exit(main())
