"""The package as people install it: build the sdist and wheel, install the wheel into a fresh venv
outside the checkout, and use the CLI and the editor from there.

Slow (a build and a venv), so it runs under `make test` (pytest --install-tests) and is skipped otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from wadesk import __version__

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[1]

# Run inside the fresh venv: the editor as `wadesk FILE` builds it, File → Open Example, Help → Rules and About.
EDITOR_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from wadesk.ui.app import app_icon
from wadesk.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
assert not app_icon().isNull()
window = MainWindow()
window.show()
actions = window.examples_menu.actions()
assert len(actions) >= 8, [a.text() for a in actions]
three_tier = next(a for a in actions if a.text() == "Three-tier web application")
three_tier.trigger()
app.processEvents()
assert window.document.arch.name == "Three-tier web application" and len(window.document.arch) > 10
rules = window.help_menu.show_rules().browser.toPlainText()
assert "REL-" in rules and "SEC-" in rules, rules[:200]
about = window.help_menu.show_about().browser.toPlainText()
assert "wadesk " + sys.argv[1] in about and "AWS Architecture Icons" in about, about
print("editor ok", len(window.document.arch), len(window.scene.items()))
window.document.undo_stack.setClean()
window.close()
"""


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, the wheel built from the sdist (what `python -m build` does)."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh venv (no system site-packages) with the wheel and its dependencies, and an environment to run it."""
    home = tmp_path_factory.mktemp("fresh")
    env_dir = home / "venv"
    venv.create(env_dir, with_pip=True)
    # Nothing of the checkout may leak in (PYTHONPATH would make pip think wadesk is installed already).
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    wheel = next(dist.glob("wadesk-*.whl"))
    # --no-compile: byte-compiling Qt's and botocore's modules up front costs more than the few this test imports.
    _run([env_dir / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-compile", wheel], cwd=home, env=env)
    return env_dir, env


def test_the_build_names_this_version_and_ships_the_resources(dist: Path) -> None:
    wheel = next(dist.glob("*.whl"))
    sdist = next(dist.glob("*.tar.gz"))
    assert wheel.name.startswith(f"wadesk-{__version__}-") and sdist.name == f"wadesk-{__version__}.tar.gz"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "wadesk/resources/wadesk.svg" in names
    examples = (ROOT / "wadesk" / "resources" / "examples").glob("*.wadesk")
    assert {f"wadesk/resources/examples/{path.name}" for path in examples} <= names
    # Nothing outside the package: the diagrams package owns a top-level "resources" in site-packages.
    assert {name.split("/")[0] for name in names} == {"wadesk", f"wadesk-{__version__}.dist-info"}
    metadata = zipfile.ZipFile(wheel).read(f"wadesk-{__version__}.dist-info/METADATA").decode()
    assert f"\nVersion: {__version__}\n" in metadata
    with tarfile.open(sdist) as archive:
        assert f"wadesk-{__version__}/wadesk/resources/examples/three-tier-web.wadesk" in archive.getnames()


def test_the_installed_cli_works_outside_the_checkout(installed: tuple[Path, dict[str, str]],
                                                      tmp_path: Path) -> None:
    env_dir, env = installed
    wadesk = env_dir / "bin" / "wadesk"
    assert _run([wadesk, "--version"], tmp_path, env).stdout.strip() == f"wadesk {__version__}"
    script = "import importlib.metadata, wadesk; print(wadesk.__file__); print(importlib.metadata.version('wadesk'))"
    where = _run([env_dir / "bin" / "python", "-c", script], tmp_path, env).stdout.split()
    assert Path(where[0]).is_relative_to(env_dir) and where[1] == __version__

    paths = [Path(line) for line in _run([wadesk, "examples", "--paths"], tmp_path, env).stdout.splitlines()]
    assert len(paths) >= 8 and all(path.is_relative_to(env_dir) and path.is_file() for path in paths)
    _run([wadesk, "examples", "--copy", "mine"], tmp_path, env)
    example = tmp_path / "mine" / "flawed-startup.wadesk"
    checked = subprocess.run([wadesk, "check", example], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert checked.returncode == 1 and "high" in checked.stdout, checked.stdout + checked.stderr
    _run([wadesk, "check", tmp_path / "mine" / "three-tier-web.wadesk", "--fail-on", "never"], tmp_path, env)

    _run([wadesk, "export", example, "--report", "review.pdf"], tmp_path, env)
    report = tmp_path / "review.pdf"
    assert report.read_bytes()[:5] == b"%PDF-" and report.stat().st_size > 20_000


def test_the_installed_editor_starts_and_opens_an_example(installed: tuple[Path, dict[str, str]],
                                                          tmp_path: Path) -> None:
    env_dir, env = installed
    done = _run([env_dir / "bin" / "python", "-c", EDITOR_SCRIPT, __version__], tmp_path, env, timeout=300)
    assert done.stdout.startswith("editor ok"), done.stdout + done.stderr
