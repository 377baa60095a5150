"""`make bench`: analysis and check timings on generated designs, as medians of several runs."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import three_tier_design  # noqa: E402

from wadesk.analysis.engine import Analyzer  # noqa: E402
from wadesk.fileformat import save_design  # noqa: E402

SIZES = (100, 1_000, 5_000)


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_size(size: int) -> dict[str, float]:
    """Timings for one generated design."""
    arch = three_tier_design(size)
    analyzer = Analyzer(arch)
    full = median_ms(analyzer.run_full, runs=7)
    flips = iter(range(10_000))

    def edit_property() -> None:
        arch.set_property("c1-db", "multi_az", next(flips) % 2 == 0)
        analyzer.update()

    prop = median_ms(edit_property, runs=21)

    def move() -> None:
        arch.move_node("c1-db", 5500 + next(flips) % 7, 160)
        analyzer.update()

    moved = median_ms(move, runs=21)
    added = []

    def add_edge() -> None:
        added.append(f"bench-{len(added)}")
        arch.connect(added[-1], "c1-worker", "c2-table", props={"protocol": "https"})
        analyzer.update()

    def remove_edge() -> None:
        arch.disconnect(added.pop())
        analyzer.update()

    edge = median_ms(add_edge, runs=15)
    removal = median_ms(remove_edge, runs=15)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "design.wadesk"
        save_design(arch, path)
        command = [sys.executable, "-m", "wadesk", "check", str(path), "--fail-on", "never", "--format", "json"]
        check = median_ms(lambda: subprocess.run(command, capture_output=True, check=True), runs=5)
    return {
        "nodes": len(arch), "full": full, "prop": prop, "move": moved, "edge": edge, "removal": removal, "check": check
    }


#: Flows drawn (then removed) on the largest design, from the cheapest kind to the dearest: what a flow
#: can change decides how much is judged again (see ``FlowScope`` in wadesk/rules/base.py).
FLOWS: tuple[tuple[str, str, str, dict[str, object]], ...] = (
    ("worker to another cell's table", "c1-worker", "c2-table", {"protocol": "https"}),
    ("queue to another cell's worker", "c1-queue", "c2-worker", {"protocol": "https"}),
    ("web server to another cell's database", "c1-web", "c2-db", {"protocol": "sql"}),
    ("load balancer to another cell's group", "c1-alb", "c2-asg", {"protocol": "https"}),
    ("web server to the shared CloudWatch", "c1-web", "watch", {"protocol": "https"}),
    ("internet to a load balancer", "users", "c3-alb", {"protocol": "https"}),
    ("SSH from the internet to a web server", "users", "c4-web", {"protocol": "tcp", "port": 22}),
)


def bench_flows(size: int, runs: int = 7) -> list[tuple[str, float, float]]:
    """Median add and remove times for each of :data:`FLOWS` on one generated design."""
    arch = three_tier_design(size)
    analyzer = Analyzer(arch)
    rows = []
    for title, source, target, props in FLOWS:
        adds, removals = [], []
        for run in range(runs):
            start = time.perf_counter()
            arch.connect(f"flow-{run}", source, target, props=props)
            analyzer.update()
            adds.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            arch.disconnect(f"flow-{run}")
            analyzer.update()
            removals.append((time.perf_counter() - start) * 1000)
        rows.append((title, statistics.median(adds), statistics.median(removals)))
    return rows


def main() -> int:
    """Print a table of medians."""
    print("Analysis benchmarks (medians; milliseconds)")
    widths = (10, 6, 14, 14, 9, 9, 11, 13)
    titles = ("components", "nodes", "full analysis", "property edit", "move", "add flow", "remove flow",
              "wadesk check")
    print(" ".join(f"{title:>{width}}" for title, width in zip(titles, widths, strict=True)))
    for size in SIZES:
        r = bench_size(size)
        cells = (f"{size}", f"{int(r['nodes'])}", f"{r['full']:.1f}", f"{r['prop']:.2f}", f"{r['move']:.2f}",
                 f"{r['edge']:.2f}", f"{r['removal']:.2f}", f"{r['check']:.0f}")
        print(" ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True)))
    size = SIZES[-1]
    print()
    print(f"Drawing and removing one flow, {size} components (medians; milliseconds)")
    print(f"{'flow':<40} {'add':>8} {'remove':>8}")
    for title, add, remove in bench_flows(size):
        print(f"{title:<40} {add:>8.1f} {remove:>8.1f}")
    here = Path(__file__).resolve().parent
    for script in ("editor.py", "routing.py", "checkov_bench.py", "checkov_terraform.py"):
        if (here / script).exists():
            subprocess.run([sys.executable, str(here / script)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
