"""What the command line and the editor call: recognise a source, import it, build the design."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wadesk.importers.build import BuiltDesign, build_architecture
from wadesk.importers.ir import ImportedDesign


@dataclass
class ImportResult:
    """An imported source: the intermediate form (with its report) and the built, laid-out design."""

    design: ImportedDesign
    built: BuiltDesign


def is_importable(path: str | Path) -> bool:
    """Whether ``path`` is infrastructure code an importer reads (by content, not by name)."""
    from wadesk.importers.cfn.template import looks_like_template

    return bool(looks_like_template(path))


def import_source(
    path: str | Path,
    parameters: dict[str, Any] | None = None,
    *,
    region: str = "us-east-1",
    layout: bool = True,
) -> ImportResult:
    """Import the source at ``path`` into a design.

    Raises:
        ImportSourceError: the source cannot be imported (the message names the file, line and reason).
    """
    from wadesk.importers.cfn.importer import import_template

    design = import_template(Path(path), parameters, region=region)
    return ImportResult(design, build_architecture(design, layout=layout))
