"""Smoke test of the standalone build: runs the built binary as a user would, outside the checkout.

    python packaging/pyinstaller/smoke_test.py dist/wadesk/wadesk [--screenshot out.png]

Checks `--version`, copies the bundled examples out, runs `check` on them, exports a report
(PDF and PNG pages, Qt offscreen) and, when Graphviz's dot is installed, a diagrams image
(which needs the bundled AWS icons), and imports a small SAM template and a Terraform
configuration. Then it starts the editor on an example on a virtual X screen (Xvfb, xdotool),
waits for the window titled with the example's name and quits it with Ctrl+Q; the editor must
exit cleanly. Exits non-zero with the reason on the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SAM_TEMPLATE = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(event, context): return {}"
      Events:
        Get:
          Type: Api
          Properties: {Path: /, Method: get}
  Table:
    Type: AWS::Serverless::SimpleTable
"""

TERRAFORM_CONFIG = """\
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_db_instance" "db" {
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  publicly_accessible = true
}
"""


def fail(message: str) -> None:
    """Stop with ``message``."""
    sys.exit(f"smoke test FAILED: {message}")


def run(args: list[str | Path], env: dict[str, str], cwd: Path, expect: int = 0,
        timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the binary and insist on exit code ``expect``."""
    started = time.perf_counter()
    done = subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    took = time.perf_counter() - started
    shown = " ".join(Path(a).name if isinstance(a, Path) else a for a in args[1:])
    if done.returncode != expect:
        fail(f"`wadesk {shown}` exited {done.returncode}, not {expect}:\n{done.stdout}\n{done.stderr}")
    print(f"ok  wadesk {shown}  ({took:.1f} s)")
    return done


def editor_on_virtual_screen(binary: Path, design: Path, env: dict[str, str], cwd: Path,
                             screenshot: Path | None) -> None:
    """Open ``design`` in the editor under Xvfb, find its window, quit with Ctrl+Q."""
    for tool in ("xvfb-run", "xdotool"):
        if shutil.which(tool) is None:
            fail(f"{tool} is needed for the editor check (apt-get install xvfb xdotool)")
    snap = f"import -window root {screenshot}" if screenshot else "true"
    script = f"""
"{binary}" "{design}" > editor.log 2>&1 &
pid=$!
window=$(timeout 60 xdotool search --sync --name "{design.name}" | head -1)
[ -n "$window" ] || {{ echo "no window titled {design.name}"; kill $pid; exit 3; }}
sleep 2
xdotool getwindowname "$window"
{snap}
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
xdotool key --window "$window" ctrl+q
for _ in $(seq 1 30); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
if kill -0 $pid 2>/dev/null; then echo "the editor did not quit on Ctrl+Q"; kill $pid; exit 4; fi
wait $pid
"""
    started = time.perf_counter()
    editor_env = {key: value for key, value in env.items() if key != "QT_QPA_PLATFORM"}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "sh", "-c", script],
                          env=editor_env, cwd=cwd, capture_output=True, text=True, timeout=180)
    log = (cwd / "editor.log").read_text(encoding="utf-8", errors="replace") if (cwd / "editor.log").exists() else ""
    if done.returncode != 0:
        fail(f"editor on Xvfb exited {done.returncode}:\n{done.stdout}\n{done.stderr}\neditor log:\n{log}")
    if "Traceback" in log:
        fail(f"the editor printed a traceback:\n{log}")
    title = done.stdout.strip().splitlines()[0]
    print(f"ok  editor window \"{title}\" opened and quit cleanly ({time.perf_counter() - started:.1f} s)")


def main() -> int:
    """Run every check against the binary named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", type=Path)
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the editor window here")
    args = parser.parse_args()
    binary = args.binary.resolve()
    if not os.access(binary, os.X_OK):
        fail(f"{binary} is not an executable")
    third_party = binary.parent / "licenses" / "THIRD-PARTY.txt"
    if not third_party.is_file() or "PySide6" not in third_party.read_text(encoding="utf-8"):
        fail(f"{third_party} is missing or does not name Qt for Python")
    sys.path.insert(0, str(ROOT))
    from wadesk import __version__

    with tempfile.TemporaryDirectory(prefix="wadesk-smoke-") as tmp:
        work = Path(tmp)
        # Nothing from the checkout or a venv, and settings and autosaves in the temporary folder.
        env = {key: value for key, value in os.environ.items()
               if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"),
                   XDG_DATA_HOME=str(work / "data"), HOME=str(work))
        version = run([binary, "--version"], env, work).stdout.strip()
        if version != f"wadesk {__version__}":
            fail(f"--version says {version!r}, the source says {__version__}")
        run([binary, "examples", "--copy", "examples"], env, work)
        flawed = work / "examples" / "flawed-startup.wadesk"
        findings = run([binary, "check", flawed], env, work, expect=1).stdout
        if "high" not in findings:
            fail(f"check found no high finding in the flawed example:\n{findings}")
        run([binary, "check", *sorted((work / "examples").glob("*.wadesk")), "--fail-on", "never",
             "--format", "json"], env, work)
        run([binary, "export", flawed, "--report", "review.pdf"], env, work)
        if (work / "review.pdf").read_bytes()[:5] != b"%PDF-":
            fail("review.pdf is not a PDF")
        run([binary, "export", flawed, "--report", "review.png"], env, work)
        if not list(work.glob("review*.png")):
            fail("no PNG report pages were written")
        if shutil.which("dot"):
            run([binary, "export", flawed, "--diagram", "diagram.png"], env, work)
            if (work / "diagram.png").stat().st_size < 10_000:
                fail("diagram.png is suspiciously small (icons missing?)")
        else:
            print("--  no Graphviz dot here: the diagrams export is not tried")
        # A SAM template: YAML reading, the SAM translator and its data files, the import layout.
        (work / "sam.yaml").write_text(SAM_TEMPLATE, encoding="utf-8")
        run([binary, "import", "sam.yaml", "-o", "sam.wadesk"], env, work)
        imported = run([binary, "check", "sam.wadesk", "--fail-on", "never", "--format", "json"], env, work).stdout
        kinds = {node["kind"] for node in json.loads((work / "sam.wadesk").read_text(encoding="utf-8"))["nodes"]}
        if not {"lambda", "api_gateway", "dynamodb"} <= kinds or '"findings"' not in imported:
            fail(f"the SAM import made {sorted(kinds)}")
        # A Terraform configuration: python-hcl2 and its Lark grammar.
        (work / "tf").mkdir()
        (work / "tf" / "main.tf").write_text(TERRAFORM_CONFIG, encoding="utf-8")
        run([binary, "import", "tf", "-o", "tf.wadesk"], env, work)
        kinds = {node["kind"] for node in json.loads((work / "tf.wadesk").read_text(encoding="utf-8"))["nodes"]}
        if not {"s3", "rds"} <= kinds:
            fail(f"the Terraform import made {sorted(kinds)}")
        editor_on_virtual_screen(binary, flawed, env, work, args.screenshot.resolve() if args.screenshot else None)
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
