"""`make bench`, CloudFormation part: ``wadesk check TEMPLATE`` against ``checkov -f TEMPLATE`` on the corpus.

Prints, per template, the wall time of each tool (median of a few runs) and their ratio; then the median ratio;
then the whole corpus in one ``wadesk check`` call against ``checkov -d`` (wall time and peak memory).
Checkov is looked for in $CHECKOV, then on PATH, then in /tmp/checkov-venv (install it there, outside the
project: ``python3 -m venv /tmp/checkov-venv && /tmp/checkov-venv/bin/pip install checkov``).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PLACES = (ROOT.parent / "shared/corpus/cfn", ROOT.parent.parent / "shared/corpus/cfn")
#: Runs per measurement (medians); BENCH_RUNS=1 for a quick look.
RUNS = max(1, int(os.environ.get("BENCH_RUNS", "3")))
TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def compile_once() -> None:
    """Time wadesk as it runs installed: with its modules compiled, not recompiled from source on every run.

    In a shell with PYTHONDONTWRITEBYTECODE set, each timed ``wadesk check`` would compile every module that has
    no ``.pyc`` yet, while checkov (installed by pip) has its bytecode; so both tools are timed with bytecode.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "wadesk")], check=False)


def find_checkov() -> str | None:
    """The checkov executable, or None."""
    for candidate in (os.environ.get("CHECKOV"), shutil.which("checkov"), "/tmp/checkov-venv/bin/checkov"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def run(command: list[str]) -> tuple[float, int | None]:
    """Wall seconds and peak resident memory in KB (None without GNU time) of one run."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        full = [TIME, "-f", "%M", "-o", report.name, *command] if TIME else command
        start = time.perf_counter()
        subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - start
        text = Path(report.name).read_text().strip().splitlines() if TIME else []
    peak = int(text[-1]) if text and text[-1].isdigit() else None
    return elapsed, peak


def median_run(command: list[str], runs: int) -> tuple[float, int | None]:
    """Median wall time and the largest peak memory of ``runs`` runs."""
    results = [run(command) for _ in range(runs)]
    peaks = [peak for _, peak in results if peak is not None]
    return statistics.median(t for t, _ in results), max(peaks) if peaks else None


def interleaved(commands: list[list[str]], runs: int) -> list[float]:
    """The median wall time of each command, run in turn ``runs`` times (ABAB...), so that a change in the
    machine's load during the measurement falls on every command alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            times[index].append(run(command)[0])
    return [statistics.median(series) for series in times]


def wadesk_command() -> list[str]:
    """``wadesk check`` as a user runs it: the installed console script of this interpreter's environment when it
    runs this checkout (an editable install), else ``python -m wadesk`` from this checkout."""
    script = Path(sys.executable).with_name("wadesk")
    if script.exists():
        probe = subprocess.run(
            [sys.executable, "-c", "import wadesk; print(wadesk.__file__)"],
            capture_output=True, text=True, cwd=tempfile.gettempdir(), check=False,
        )
        if Path(probe.stdout.strip()).resolve().parent == ROOT / "wadesk":
            return [str(script), "check", "--fail-on", "never", "--format", "json"]
    return [sys.executable, "-m", "wadesk", "check", "--fail-on", "never", "--format", "json"]


def main() -> int:
    """Print the comparison; 0 even when checkov is missing (the table says so)."""
    corpus = next((p for p in CORPUS_PLACES if p.is_dir()), None)
    checkov = find_checkov()
    if corpus is None or checkov is None:
        print(
            "CloudFormation benchmark skipped: "
            + ("no corpus beside the project" if corpus is None else "checkov not found (see bench/checkov_bench.py)")
        )
        return 0
    templates = sorted(p for p in corpus.iterdir() if p.is_file())
    compile_once()
    wadesk = wadesk_command()
    checkov_f = [checkov, "--quiet", "--skip-download", "--framework", "cloudformation", "-o", "json", "-f"]
    print(
        f"\nwadesk check TEMPLATE vs checkov -f TEMPLATE ({len(templates)} templates; medians of {RUNS} interleaved "
        f"runs; seconds; wadesk run as {Path(wadesk[0]).name}{' -m wadesk' if wadesk[1] == '-m' else ''})"
    )
    ratios = []
    for template in templates:
        ours, theirs = interleaved([[*wadesk, str(template)], [*checkov_f, str(template)]], RUNS)
        ratios.append(theirs / ours)
        print(f"  {template.name[:60]:60} wadesk {ours:6.2f}  checkov {theirs:6.2f}  {theirs / ours:5.1f}x")
    print(f"Median ratio: wadesk is {statistics.median(ratios):.1f}x faster per template")
    ours, our_peak = median_run([*wadesk, *map(str, templates)], RUNS)
    theirs, their_peak = median_run(
        [checkov, "--quiet", "--framework", "cloudformation", "-o", "json", "-d", str(corpus)], 1
    )
    print(f"Whole corpus: wadesk check {ours:.2f} s, checkov -d {theirs:.2f} s ({theirs / ours:.1f}x faster)")
    if our_peak and their_peak:
        print(
            f"Peak memory: wadesk {our_peak / 1024:.0f} MB, checkov {their_peak / 1024:.0f} MB "
            f"({our_peak / their_peak:.0%} of checkov's)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
