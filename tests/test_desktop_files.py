"""Linux desktop integration (packaging/linux): the files validate and `make install-desktop` wires them up."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.wadesk.wadesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:  # packaging/install-system-deps.sh installs it; `make test` runs that first
        pytest.skip(f"{name} is not installed (packaging/install-system-deps.sh installs it)")
    return path


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _render_icons_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_desktop_entry_validates() -> None:
    done = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_metainfo_validates() -> None:
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_files_name_one_another() -> None:
    from wadesk.resources import APP_ID as PROGRAM_APP_ID

    assert PROGRAM_APP_ID == APP_ID
    entry = _desktop_entry(DESKTOP)
    component = ET.parse(METAINFO).getroot()
    mime_type = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type")
    assert mime_type is not None
    assert component.findtext("id") == APP_ID and entry["Icon"] == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/mediatype") == mime_type.get("type")
    assert entry["MimeType"] == f"{mime_type.get('type')};" and entry["Exec"] == "wadesk %f"
    assert [glob.get("pattern") for glob in mime_type.iter(f"{MIME_NS}glob")] == ["*.wadesk"]


def test_the_png_icons_are_the_svg_rendered_at_each_size(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    icons = _render_icons_module()
    assert icons.svg_path().read_bytes() == (ROOT / "wadesk" / "resources" / "wadesk.svg").read_bytes()
    assert set(icons.SIZES) >= {16, 32, 48, 64, 128, 256, 512}
    for size in icons.SIZES:
        committed = QImage(str(icons.png_path(size)))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = icons.render(size).convertToFormat(committed.format())
        assert fresh == committed, f"{icons.png_path(size)} is stale: run python packaging/render_icons.py"


def _install(data: Path, program: Path | str, target: str = "install-desktop") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    return subprocess.run(["make", "-s", target, f"WADESK={program}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_install_desktop_then_uninstall(tmp_path: Path) -> None:
    _tool("update-mime-database")
    _tool("update-desktop-database")
    data = tmp_path / "data home"
    program = tmp_path / "bin" / "wadesk"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)

    done = _install(data, program)
    assert done.returncode == 0, done.stderr
    installed = data / "applications" / DESKTOP.name
    assert _desktop_entry(installed)["Exec"] == f'"{program}" %f'
    valid = subprocess.run([_tool("desktop-file-validate"), str(installed)], capture_output=True, text=True)
    assert valid.returncode == 0 and not valid.stdout.strip(), valid.stdout
    for size in (16, 48, 256, 512):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    # What a double-click reads: the glob names the type, and the type names our desktop entry.
    assert "application/x-wadesk:*.wadesk" in (data / "mime" / "globs2").read_text(encoding="utf-8")
    cache = (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"application/x-wadesk={DESKTOP.name};" in cache

    done = _install(data, program, "uninstall-desktop")
    assert done.returncode == 0, done.stderr
    assert not [path for path in data.rglob(f"*{APP_ID}*")]
    assert "wadesk" not in (data / "mime" / "globs2").read_text(encoding="utf-8")
    assert "wadesk" not in (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")


def test_install_refuses_a_program_that_is_not_there(tmp_path: Path) -> None:
    done = _install(tmp_path / "data", tmp_path / "missing" / "wadesk")
    assert done.returncode != 0 and "not an executable file" in done.stderr
    assert not (tmp_path / "data" / "applications").exists()
