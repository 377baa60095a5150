"""The values of a configuration's root variables: ``.tfvars`` files (HCL or JSON) and ``--var`` values.

A value in a variables file or on the command line is a literal expression that names nothing; ``--var`` text
is converted by the variable's declared primitive type, as Terraform converts it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wadesk.importers.errors import ImportSourceError
from wadesk.importers.terraform.evaluator import Evaluator
from wadesk.importers.terraform.expressions import ExpressionSyntaxError, parse_expression
from wadesk.importers.terraform.functions import FunctionContext, call_function
from wadesk.importers.terraform.hcl_files import Attribute, Block, read_hcl
from wadesk.importers.terraform.module_scope import ModuleConfig
from wadesk.importers.terraform.operations import EvalError, finish

_PRIMITIVE_TYPES = {"string", "number", "bool"}


def root_inputs(
    path: Path, config: ModuleConfig, variables: dict[str, str], var_files: list[Path], files: list[Path]
) -> dict[str, Any]:
    """The values the root module's variables are given: ``terraform.tfvars`` and ``*.auto.tfvars`` files of the
    folder (when ``path`` is one), then ``var_files``, then ``variables`` (``--var``), later ones winning. Each
    variables file read is added to ``files``.

    Raises:
        ImportSourceError: a variables file is missing or not valid, or a ``--var`` names no variable.
    """
    root_dir = path if path.is_dir() else path.parent
    values: dict[str, Any] = {}
    automatic = [root_dir / "terraform.tfvars", root_dir / "terraform.tfvars.json"]
    automatic += sorted([*root_dir.glob("*.auto.tfvars"), *root_dir.glob("*.auto.tfvars.json")])
    for item in [*(candidate for candidate in automatic if candidate.is_file() and path.is_dir()), *var_files]:
        values.update(_read_tfvars(item, root_dir, files))
    for name, text in variables.items():
        block = config.variables.get(name)
        if block is None:
            raise ImportSourceError(path, f"--var {name}: the configuration declares no variable {name!r}")
        values[name] = _convert_var(path, root_dir, name, text, block)
    return values


def _read_tfvars(path: Path, root_dir: Path, files: list[Path]) -> dict[str, Any]:
    if not path.is_file():
        raise ImportSourceError(path, "no such variables file")
    files.append(path)
    if path.name.endswith(".json"):
        try:
            document = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ImportSourceError(path, f"not a JSON variables file: {error}") from None
        if not isinstance(document, dict):
            raise ImportSourceError(path, "a JSON variables file must hold an object")
        return document
    body = read_hcl(path)
    return {name: literal_value(attribute, root_dir) for name, attribute in body.attributes.items()}


def literal_value(attribute: Attribute, root_dir: Path) -> Any:
    """A value in a variables file or on the command line: an expression that names nothing."""

    def nothing(name: str) -> Any:
        raise EvalError(f"a variable value cannot refer to {name!r}")

    context = FunctionContext(root_dir, root_dir)
    evaluator = Evaluator(nothing, lambda ev, name, args, node: call_function(context, ev, name, args, node))
    try:
        return finish(evaluator.evaluate(parse_expression(attribute.text)))
    except (ExpressionSyntaxError, EvalError) as error:
        raise ImportSourceError(attribute.file, f"the value of {attribute.name} is not valid: {error}",
                                line=attribute.line) from None


def _convert_var(path: Path, root_dir: Path, name: str, text: str, block: Block) -> Any:
    type_attribute = block.attributes.get("type")
    declared = type_attribute.text.strip() if type_attribute else ""
    if declared in {"", "string", "any"} or declared not in _PRIMITIVE_TYPES and not declared:
        return text
    if declared == "number":
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            raise ImportSourceError(path, f"--var {name}: {text!r} is not a number") from None
    if declared == "bool":
        if text not in {"true", "false"}:
            raise ImportSourceError(path, f"--var {name}: {text!r} is not true or false")
        return text == "true"
    return literal_value(Attribute(f"--var {name}", text, path, 0), root_dir)
