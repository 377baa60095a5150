"""What the command line and the editor call: recognise a source, import it, build the design."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wadesk.importers.build import BuiltDesign, build_architecture
from wadesk.importers.ir import ImportedDesign
from wadesk.importers.sniff import looks_like_template, looks_like_terraform


@dataclass
class ImportResult:
    """An imported source: the intermediate form (with its report) and the built, laid-out design."""

    design: ImportedDesign
    built: BuiltDesign


def is_importable(path: str | Path) -> bool:
    """Whether ``path`` is infrastructure code an importer reads (by content, not by name): a CloudFormation
    template, a Terraform plan (``terraform show -json``), a ``.tf`` file or a folder of them."""
    return _is_template(path) or looks_like_terraform(path)


def _is_template(path: str | Path) -> bool:
    """A CloudFormation template, asked first: the check is cheap (no reader is loaded to answer)."""
    return not Path(path).is_dir() and looks_like_template(path)


def is_terraform(path: str | Path) -> bool:
    """Whether ``path`` is a Terraform source rather than a CloudFormation template."""
    return looks_like_terraform(path)


def import_source(
    path: str | Path,
    parameters: dict[str, Any] | None = None,
    *,
    region: str = "us-east-1",
    layout: bool = True,
    variables: Mapping[str, str] | None = None,
    var_files: Sequence[str | Path] = (),
) -> ImportResult:
    """Import the source at ``path`` into a design.

    Args:
        parameters: a CloudFormation template's parameter values.
        variables: a Terraform configuration's ``--var`` values (strings, as on Terraform's command line).
        var_files: a Terraform configuration's ``--var-file`` files.

    Raises:
        ImportSourceError: the source cannot be imported (the message names the file, line and reason).
    """
    if Path(path).is_dir() and not is_terraform(path):
        from wadesk.importers.errors import ImportSourceError

        raise ImportSourceError(path, "no .tf or .tf.json files in this folder")
    if not _is_template(path) and is_terraform(path):
        from wadesk.importers.terraform.importer import import_terraform

        design = import_terraform(Path(path), variables, var_files, region=region)
    else:
        from wadesk.importers.cfn.importer import import_template

        design = import_template(Path(path), parameters, region=region)
    return ImportResult(design, build_architecture(design, layout=layout))
