"""Terraform's built-in functions that can be computed without providers, on known values and on markers.

A function given a marker where it needs the value returns an :class:`~.values.Unresolved` that keeps the
references, except where the answer does not depend on the marker (``length`` of a list that holds references,
``element`` of a placeholder module's subnet list, ``tolist``/``toset`` of anything). File functions read only
files inside the configuration's folder. Here are the dispatch and the file functions; the functions on known
values are in ``function_library.py``.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

from wadesk.importers.terraform import syntax_tree as ast
from wadesk.importers.terraform.evaluator import Evaluator
from wadesk.importers.terraform.expressions import ExpressionSyntaxError, parse_template
from wadesk.importers.terraform.function_library import FUNCTIONS, MARKER_AWARE
from wadesk.importers.terraform.operations import (
    EvalError,
    finish,
    holds_marker,
    is_marker,
    to_string,
    type_name,
    unresolved_from,
)
from wadesk.importers.terraform.values import Unknown, Unresolved

#: The largest file ``file`` and ``templatefile`` read.
MAX_FILE_BYTES = 1024 * 1024


class FunctionContext:
    """What file functions need: the module's folder and the folder no file may be read outside of.

    Args:
        module_dir: the folder ``path.module`` names; relative paths are taken from the configuration root as
            Terraform takes them from its working directory.
        root_dir: the configuration's root folder.
    """

    def __init__(self, module_dir: Path, root_dir: Path) -> None:
        self.module_dir = module_dir
        self.root_dir = root_dir

    def render_template(self, text: str, variables: dict[str, Any]) -> Any:
        """``templatefile``: the template evaluated with only ``variables`` in scope."""
        try:
            template = parse_template(text)
        except ExpressionSyntaxError as error:
            return Unresolved("templatefile(...)", f"wadesk cannot parse the template: {error}")

        def only_variables(name: str) -> Any:
            raise EvalError(f"the template has no variable {name!r}")

        def call(evaluator: Evaluator, name: str, args: list[Any], node: ast.Call) -> Any:
            return call_function(self, evaluator, name, args, node)

        evaluator = Evaluator(only_variables, call)
        try:
            return finish(evaluator.with_names(dict(variables), template))
        except EvalError as error:
            return Unresolved("templatefile(...)", str(error))

    def read_text(self, name: str) -> str | None:
        """The text of a file inside the configuration folder, or None when it is not there or too large."""
        candidate = Path(name)
        if not candidate.is_absolute():
            candidate = self.root_dir / candidate
        try:
            resolved = candidate.resolve()
            root = self.root_dir.resolve()
            if root not in resolved.parents or not resolved.is_file():
                return None
            if resolved.stat().st_size > MAX_FILE_BYTES:
                return None
            return resolved.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, RuntimeError):
            return None


def call_function(context: FunctionContext, evaluator: Evaluator, name: str, args: list[Any], node: ast.Call) -> Any:
    """Apply function ``name`` to evaluated ``args`` (see the module docstring)."""
    name = name.removeprefix("core::")
    if name in _PASSTHROUGH:
        if len(args) != 1:
            raise EvalError(f"{name} takes one argument")
        return _passthrough(name, finish(args[0]))
    if name in _FILE_FUNCTIONS:
        return _file_function(context, name, [finish(arg) for arg in args], node)
    function = FUNCTIONS.get(name)
    if function is None:
        if name in {"timestamp", "uuid", "bcrypt", "uuidv5", "plantimestamp"}:
            return Unknown(f"{name}() is computed at apply")
        return Unresolved(node.text, f"the function {name} is not evaluated by wadesk")
    values = [finish(arg) for arg in args]
    if name not in MARKER_AWARE and any(is_marker(value) or holds_marker(value) for value in values):
        return unresolved_from(node.text, f"{name}() of a value known only after apply", *values)
    try:
        return function(*values)
    except EvalError:
        raise
    except (TypeError, ValueError, KeyError, IndexError, OverflowError) as error:
        raise EvalError(f"{name}(): {error}") from None


_PASSTHROUGH = {"tolist", "toset", "tomap", "nonsensitive", "sensitive", "type", "ephemeralasnull"}


def _passthrough(name: str, value: Any) -> Any:
    if name == "toset" and isinstance(value, list):
        seen: list[Any] = []
        for item in value:
            if item not in seen:
                seen.append(item)
        # Terraform orders a set of strings lexically (so does for_each over it).
        return sorted(seen) if all(isinstance(item, str) for item in seen) else seen
    if name == "tomap" and not isinstance(value, dict) and not is_marker(value):
        raise EvalError(f"tomap needs an object, not {type_name(value)}")
    return value


_FILE_FUNCTIONS = {
    "file",
    "fileexists",
    "templatefile",
    "filebase64",
    "filemd5",
    "filesha1",
    "filesha256",
    "filebase64sha256",
    "fileset",
}


def _file_function(context: FunctionContext, name: str, args: list[Any], node: ast.Call) -> Any:
    if not args or is_marker(args[0]):
        return unresolved_from(node.text, f"{name}() of a path known only after apply", *args)
    path = to_string(args[0])
    if name == "fileset":
        return Unresolved(node.text, "fileset() is not evaluated by wadesk")
    text = context.read_text(path)
    if name == "fileexists":
        return text is not None
    if text is None:
        return Unresolved(node.text, f"the file {path} is not in the configuration folder (or is too large)")
    if name == "file":
        return text
    if name == "templatefile":
        if len(args) != 2 or not isinstance(args[1], dict):
            return unresolved_from(node.text, "templatefile() needs known variables", *args[1:])
        return context.render_template(text, args[1])
    data = text.encode()
    digests = {
        "filebase64": lambda: base64.b64encode(data).decode(),
        "filemd5": lambda: hashlib.md5(data).hexdigest(),
        "filesha1": lambda: hashlib.sha1(data).hexdigest(),
        "filesha256": lambda: hashlib.sha256(data).hexdigest(),
        "filebase64sha256": lambda: base64.b64encode(hashlib.sha256(data).digest()).decode(),
    }
    return digests[name]()
