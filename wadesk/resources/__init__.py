"""Files wadesk ships inside its package (icon, example designs), found through importlib.resources.

Nothing here reads relative to a source checkout: a wheel, an sdist install and
the PyInstaller bundle all carry these files inside the ``wadesk.resources``
package. Only the standard library is imported, so the headless commands can
use it without loading Qt.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

#: File name of the application icon (SVG) inside this package.
APP_ICON = "wadesk.svg"
#: The desktop application id: names the .desktop file, the icon and the AppStream metainfo in packaging/linux.
APP_ID = "io.github.wadesk.wadesk"


def resource_path(*parts: str) -> Path:
    """The file-system path of a shipped file or folder.

    wadesk is installed as plain files (a wheel, an sdist or the PyInstaller
    folder), never imported from a zip, so the package's files are real paths.
    """
    return Path(str(files(__name__).joinpath(*parts)))


def examples_dir() -> Path:
    """The folder of the example designs shipped with wadesk."""
    return resource_path("examples")


@dataclass(frozen=True)
class Example:
    """One shipped example design."""

    name: str  #: the design's own name, as the editor shows it
    path: Path  #: where the installed file is

    @property
    def file_name(self) -> str:
        """The file's name, such as ``three-tier-web.wadesk``."""
        return self.path.name


def examples(folder: Path | None = None) -> list[Example]:
    """Every example design in ``folder`` (default: the shipped ones), sorted by name."""
    out = []
    for path in sorted((folder or examples_dir()).glob("*.wadesk")):
        try:
            name = str(json.loads(path.read_text(encoding="utf-8")).get("name") or path.stem)
        except (OSError, ValueError, AttributeError):
            name = path.stem
        out.append(Example(name, path))
    return sorted(out, key=lambda example: example.name.lower())


def copy_examples(target: Path, wanted: list[str] | None = None) -> list[Path]:
    """Copy shipped examples into the folder ``target`` (made if missing) and return the new files.

    Args:
        target: the folder to copy into.
        wanted: file names or stems to copy (``three-tier-web`` or ``three-tier-web.wadesk``); None copies all.

    Raises:
        FileExistsError: a file of that name is already in ``target`` (nothing is copied then).
        LookupError: a wanted example does not exist.
    """
    available = {example.path.stem: example.path for example in examples()}
    if wanted is None:
        chosen = list(available.values())
    else:
        chosen = []
        for item in wanted:
            stem = item.removesuffix(".wadesk")
            if stem not in available:
                raise LookupError(f"no example called {item!r}; the examples are: {', '.join(sorted(available))}")
            chosen.append(available[stem])
    clashes = [str(target / path.name) for path in chosen if (target / path.name).exists()]
    if clashes:
        raise FileExistsError(f"not overwriting {', '.join(clashes)}")
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in chosen:
        shutil.copyfile(path, target / path.name)
        copied.append(target / path.name)
    return copied
