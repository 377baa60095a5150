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
    counter = iter(range(10_000))

    def add_edge() -> None:
        arch.connect(f"bench-{next(counter)}", "c1-worker", "c2-table", props={"protocol": "https"})
        analyzer.update()

    edge = median_ms(add_edge, runs=7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "design.wadesk"
        save_design(arch, path)
        command = [sys.executable, "-m", "wadesk", "check", str(path), "--fail-on", "never", "--format", "json"]
        check = median_ms(lambda: subprocess.run(command, capture_output=True, check=True), runs=5)
    return {"nodes": len(arch), "full": full, "prop": prop, "edge": edge, "check": check}


def main() -> int:
    """Print a table of medians."""
    print("Analysis benchmarks (medians; milliseconds)")
    widths = (10, 6, 14, 14, 9, 13)
    titles = ("components", "nodes", "full analysis", "property edit", "add edge", "wadesk check")
    print(" ".join(f"{title:>{width}}" for title, width in zip(titles, widths, strict=True)))
    for size in SIZES:
        r = bench_size(size)
        cells = (f"{size}", f"{int(r['nodes'])}", f"{r['full']:.1f}", f"{r['prop']:.2f}", f"{r['edge']:.1f}",
                 f"{r['check']:.0f}")
        print(" ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True)))
    here = Path(__file__).resolve().parent
    for script in ("editor.py", "checkov_bench.py", "checkov_terraform.py", "checkov_agreement.py"):
        if (here / script).exists():
            subprocess.run([sys.executable, str(here / script)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
