"""One version everywhere: wadesk.__version__, `wadesk --version`, CHANGELOG.md and the AppStream metainfo.

The About dialog is checked in tests/ui/test_help_menu.py and the built package's
metadata in tests/test_install.py; both compare with the same wadesk.__version__.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from wadesk import __version__

ROOT = Path(__file__).resolve().parents[1]
RELEASE_HEADING = re.compile(r"^## (\d+\.\d+\.\d+\S*) — (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def _changelog_releases() -> list[tuple[str, str]]:
    return RELEASE_HEADING.findall((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))


def test_the_version_is_a_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_command_line_reports_it() -> None:
    done = subprocess.run([sys.executable, "-m", "wadesk", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == f"wadesk {__version__}"


def test_the_newest_changelog_entry_is_this_version() -> None:
    releases = _changelog_releases()
    assert releases, "CHANGELOG.md has no '## X.Y.Z — YYYY-MM-DD' heading"
    assert releases[0][0] == __version__
    assert len({version for version, _ in releases}) == len(releases)


def test_the_metainfo_newest_release_matches_the_changelog() -> None:
    metainfo = ET.parse(ROOT / "packaging" / "linux" / "io.github.wadesk.wadesk.metainfo.xml").getroot()
    newest = metainfo.find("releases/release")
    assert newest is not None
    assert (newest.get("version"), newest.get("date")) == _changelog_releases()[0]
