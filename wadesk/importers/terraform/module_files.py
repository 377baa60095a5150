"""Reads one module folder's ``.tf`` and ``.tf.json`` files into a :class:`~.module_scope.ModuleConfig`.

Blocks are sorted by what they declare (variables, locals, resources, data sources, module calls, outputs,
providers); override files (``override.tf``, ``*_override.tf``) are read last and merged into the blocks they
override, as Terraform merges them. A block declared twice is an error with both places.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wadesk.importers.errors import ImportSourceError
from wadesk.importers.terraform.hcl_files import Block, read_configuration_file
from wadesk.importers.terraform.module_scope import ModuleConfig


def configuration_files(directory: Path) -> list[Path]:
    """A module's ``.tf`` and ``.tf.json`` files, in name order."""
    return sorted([*directory.glob("*.tf"), *directory.glob("*.tf.json")], key=lambda path: path.name)


def read_module_files(directory: Path, paths: list[Path]) -> ModuleConfig:
    """The blocks of ``paths`` (the files of the module in ``directory``), override files merged last.

    Raises:
        ImportSourceError: a file cannot be read, has a syntax error, or declares a block declared before.
    """
    config = ModuleConfig(directory)
    # Override files are read last and merge into what the others declare (Terraform's override files).
    overrides = [path for path in paths if _is_override(path)] if len(paths) > 1 else []
    for path in [*(path for path in paths if path not in overrides), *overrides]:
        config.files.append(path)
        for block in read_configuration_file(path).blocks:
            if path in overrides:
                _override(config, block)
            else:
                _add_block(config, block)
    return config


def _add_block(config: ModuleConfig, block: Block) -> None:
    labels = block.labels
    if block.type == "provider":
        config.providers.append(block)
    elif block.type == "locals":
        config.locals.update(block.attributes)
    elif block.type == "variable" and len(labels) == 1:
        config.variables[labels[0]] = block
    elif block.type == "output" and len(labels) == 1:
        config.outputs[labels[0]] = block
    elif block.type == "module" and len(labels) == 1:
        _no_duplicate(config.modules, labels[0], block, f"module {labels[0]}")
        config.modules[labels[0]] = block
    elif block.type in {"resource", "data"} and len(labels) == 2:
        table = config.resources if block.type == "resource" else config.data
        kind = "resource" if block.type == "resource" else "data source"
        _no_duplicate(table, (labels[0], labels[1]), block, f"{kind} {labels[0]}.{labels[1]}")
        table[(labels[0], labels[1])] = block


def _is_override(path: Path) -> bool:
    """``override.tf`` or ``*_override.tf`` (or ``.tf.json``): Terraform merges these into the other files."""
    name = path.name.removesuffix(".json")
    return name == "override.tf" or name.endswith("_override.tf")


def _override(config: ModuleConfig, block: Block) -> None:
    """Merge a block of an override file into the block it overrides: each attribute it sets replaces the
    original's, and each type of nested block it has replaces all the original's blocks of that type; ``locals``
    replace the values they name. A block that overrides nothing is left out (Terraform rejects it)."""
    labels = block.labels
    if block.type == "locals":
        config.locals.update(block.attributes)
        return
    target: Block | None = None
    if block.type in {"resource", "data"} and len(labels) == 2:
        target = (config.resources if block.type == "resource" else config.data).get((labels[0], labels[1]))
    elif block.type in {"variable", "output", "module"} and len(labels) == 1:
        table = {"variable": config.variables, "output": config.outputs, "module": config.modules}[block.type]
        target = table.get(labels[0])
    if target is None:
        return
    target.attributes.update(block.attributes)
    replaced = {nested.type for nested in block.blocks}
    target.blocks = [nested for nested in target.blocks if nested.type not in replaced] + list(block.blocks)


def _no_duplicate(table: dict[Any, Block], key: Any, block: Block, what: str) -> None:
    first = table.get(key)
    if first is not None:
        raise ImportSourceError(
            block.file, f"{what} is declared twice (first at {first.file.name}:{first.line})", line=block.line
        )
