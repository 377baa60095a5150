"""The packaging scripts and metadata a fresh machine relies on."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "install-system-deps.sh"


def _fake_bin(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


def _run_with_fake_apt(tmp_path: Path, lock_failures: int) -> subprocess.CompletedProcess[str]:
    """Run the script on a PATH where nothing is installed and apt-get finds the lock held ``lock_failures`` times."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    counter = tmp_path / "count"
    counter.write_text("0", encoding="utf-8")
    _fake_bin(bin_dir, "id", "echo 0")
    _fake_bin(bin_dir, "ldconfig", "exit 0")
    _fake_bin(bin_dir, "sleep", "exit 0")
    _fake_bin(bin_dir, "env", 'shift; exec "$@"')  # drops DEBIAN_FRONTEND=...; the fake apt-get ignores it
    _fake_bin(bin_dir, "apt-get", f"""
echo "$@" >> {tmp_path}/calls
n=$(cat {counter}); echo $((n + 1)) > {counter}
if [ "$n" -lt {lock_failures} ]; then
  echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2; exit 100
fi
exit 0""")
    for tool in ("cat", "grep", "echo", "sh"):
        real = subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
        if real.startswith("/"):
            (bin_dir / tool).symlink_to(real)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    return subprocess.run(["/bin/sh", str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60)


def test_install_script_waits_for_the_package_lock(tmp_path: Path) -> None:
    result = _run_with_fake_apt(tmp_path, lock_failures=3)
    assert result.returncode == 0, result.stderr
    assert "Waiting for another package install" in result.stdout
    calls = (tmp_path / "calls").read_text(encoding="utf-8").splitlines()
    assert sum("update" in c for c in calls) == 4 and "install" in calls[-1]
    assert all("DPkg::Lock::Timeout=" in c for c in calls)


def test_install_script_reports_other_failures_at_once(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    result = _run_with_fake_apt(tmp_path, lock_failures=0)
    assert result.returncode == 0
    _fake_bin(bin_dir, "apt-get", "echo 'E: Unable to locate package xvfb' >&2; exit 100")
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    failed = subprocess.run(["/bin/sh", str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60)
    assert failed.returncode != 0 and "Unable to locate package" in failed.stderr


def test_licence_is_an_spdx_expression() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    # The string form needs setuptools 77 (PEP 639); older ones reject it.
    assert any(r.startswith("setuptools>=") and int(r.split(">=")[1].split(".")[0]) >= 77
               for r in project["build-system"]["requires"])
