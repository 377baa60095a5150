"""One instance of a Terraform module during evaluation: its variables, locals, resources, calls and outputs.

Everything is evaluated on demand and remembered, so the order of blocks in the files does not matter (as in
Terraform): ``local.a`` is computed when first named, a resource's ``count`` when its instances are first needed,
a child module's output when the caller reads it. Locals that name each other in a circle are reported, never
looped on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wadesk.importers.terraform import syntax_tree as ast
from wadesk.importers.terraform.evaluator import Evaluator
from wadesk.importers.terraform.expressions import ExpressionSyntaxError, parse_expression
from wadesk.importers.terraform.function_library import json_encode
from wadesk.importers.terraform.functions import FunctionContext, call_function
from wadesk.importers.terraform.hcl_files import Attribute, Block
from wadesk.importers.terraform.operations import EvalError, Namespace, ResourceInstance, finish, is_marker
from wadesk.importers.terraform.values import ModuleOutput, TfRef, Unresolved, UnresolvedValue, classify_output
from wadesk.importers.terraform.var_types import with_type_defaults

if TYPE_CHECKING:
    from wadesk.importers.terraform.config import ConfigurationReader

#: The most instances one resource or module call expands to; past it, one instance stands for all.
MAX_INSTANCES = 1000

#: Placeholder zones for ``data.aws_availability_zones``: distinct, as CloudFormation's ``!GetAZs`` gives.
PLACEHOLDER_ZONES = ["AZ 1", "AZ 2", "AZ 3"]


@dataclass
class ModuleConfig:
    """The blocks of one module folder (every ``.tf`` file in it), as written."""

    directory: Path
    files: list[Path] = field(default_factory=list)
    variables: dict[str, Block] = field(default_factory=dict)
    locals: dict[str, Attribute] = field(default_factory=dict)
    resources: dict[tuple[str, str], Block] = field(default_factory=dict)
    data: dict[tuple[str, str], Block] = field(default_factory=dict)
    modules: dict[str, Block] = field(default_factory=dict)
    outputs: dict[str, Block] = field(default_factory=dict)
    providers: list[Block] = field(default_factory=list)


class _Cycle(Exception):
    pass


class ModuleScope:
    """The evaluation state of one module instance (see the module docstring).

    Args:
        reader: the configuration reader (it owns parsing, the source being built and child modules).
        config: the module's blocks.
        address: the instance's address (``""`` for the root, ``"module.vpc"``, ``"module.svc[\\"a\\"]"``).
        inputs: for a child module, a function per argument of the ``module`` block giving its value.
    """

    def __init__(
        self,
        reader: ConfigurationReader,
        config: ModuleConfig,
        address: str,
        inputs: dict[str, Callable[[], Any]],
    ) -> None:
        self.reader = reader
        self.config = config
        self.address = address
        self._inputs = inputs
        self._cache: dict[str, Any] = {}
        self._active: list[str] = []
        relative = _relative(config.directory, reader.root_dir)
        self.path_values = {"module": relative, "root": ".", "cwd": str(reader.root_dir)}
        context = FunctionContext(config.directory, reader.root_dir)

        def call(evaluator: Evaluator, name: str, args: list[Any], node: ast.Call) -> Any:
            return call_function(context, evaluator, name, args, node)

        self._call = call
        self.evaluator = Evaluator(self._root_name, call)

    # --- evaluation -------------------------------------------------------------------------------------------

    def evaluate(self, attribute: Attribute, names: dict[str, Any] | None = None) -> Any:
        """The value of an attribute's expression, finished (references as markers), in this module's scope."""
        try:
            node = parse_expression(attribute.text)
        except ExpressionSyntaxError as error:
            return Unresolved(_short(attribute.text), f"wadesk cannot parse this expression: {error}")
        return self.evaluate_node(node, names)

    def evaluate_node(self, node: ast.Node, names: dict[str, Any] | None = None) -> Any:
        try:
            value = self.evaluator.with_names(names or {}, node)
            return finish(value)
        except EvalError as error:
            return Unresolved(_short(node.text), str(error))
        except _Cycle as cycle:
            return Unresolved(_short(node.text), str(cycle))
        except RecursionError:
            return Unresolved(_short(node.text), "the expression is nested too deeply")

    def _root_name(self, name: str) -> Any:
        if name == "var":
            return _Lookup(self.variable)
        if name == "local":
            return _Lookup(self.local)
        if name == "module":
            return _Lookup(self.module_call)
        if name == "data":
            return _Lookup(lambda data_type: _Lookup(lambda data_name: self.group("data", data_type, data_name)))
        if name == "path":
            return dict(self.path_values)
        if name == "terraform":
            return {"workspace": "default"}
        if name in {"count", "each", "self"}:
            raise EvalError(f"{name} is not available here")
        if any(key[0] == name for key in self.config.resources):
            return _Lookup(lambda resource_name: self.group("resource", name, resource_name))
        raise EvalError(f"there is no resource type, variable or local named {name!r}")

    def _remember(self, key: str, compute: Callable[[], Any]) -> Any:
        if key in self._cache:
            return self._cache[key]
        if key in self._active:
            loop = " → ".join([*self._active[self._active.index(key):], key])
            raise _Cycle(f"these values refer to each other in a cycle: {loop}")
        self._active.append(key)
        try:
            value = compute()
        finally:
            self._active.pop()
        self._cache[key] = value
        return value

    # --- variables, locals, outputs -----------------------------------------------------------------------------

    def variable(self, name: str) -> Any:
        if name not in self.config.variables and name not in self._inputs:
            raise EvalError(f"there is no variable {name!r}")
        return self._remember(f"var.{name}", lambda: self._variable_value(name))

    def _variable_value(self, name: str) -> Any:
        block = self.config.variables.get(name)
        if name in self._inputs:
            value = self._inputs[name]()
            if value is not None:
                return self._typed(block, value)
        if block is not None and "default" in block.attributes:
            return self._typed(block, self.evaluate(block.attributes["default"]))
        if self.address:
            return None if name in self._inputs else Unresolved(
                f"var.{name}", f"the module {self.address} is given no value for its variable {name}"
            )
        return Unresolved(
            f"var.{name}", f"the variable {name} has no default and no value was given (--var {name}=VALUE)"
        )

    def _typed(self, block: Block | None, value: Any) -> Any:
        """A variable's value with the defaults of the ``optional()`` attributes of its type (see ``var_types``)."""
        declared = block.attributes.get("type") if block is not None else None
        if declared is None or "optional" not in declared.text:
            return value
        try:
            node = parse_expression(declared.text)
        except ExpressionSyntaxError:
            return value
        return with_type_defaults(node, value, self.evaluate_node)

    def local(self, name: str) -> Any:
        attribute = self.config.locals.get(name)
        if attribute is None:
            raise EvalError(f"there is no local value {name!r}")
        try:
            return self._remember(f"local.{name}", lambda: self._local_value(name, attribute))
        except _Cycle as cycle:
            self.reader.report(UnresolvedValue(
                self._qualify(f"local.{name}"), "", _short(attribute.text), str(cycle), attribute.file, attribute.line
            ))
            value = Unresolved(f"local.{name}", str(cycle))
            self._cache[f"local.{name}"] = value
            return value

    def _local_value(self, name: str, attribute: Attribute) -> Any:
        try:
            node = parse_expression(attribute.text)
        except ExpressionSyntaxError as error:
            return Unresolved(_short(attribute.text), f"wadesk cannot parse this expression: {error}")
        try:
            return finish(self.evaluator.with_names({}, node))
        except EvalError as error:
            return Unresolved(_short(node.text), str(error))

    def output(self, name: str) -> Any:
        block = self.config.outputs.get(name)
        if block is None or "value" not in block.attributes:
            raise EvalError(f"the module {self.address} has no output {name!r}")
        return self._remember(f"output.{name}", lambda: self._output_value(block))

    def _output_value(self, block: Block) -> Any:
        node = parse_expression(block.attributes["value"].text)
        try:
            return finish(self.evaluator.with_names({}, node))
        except EvalError as error:
            return Unresolved(_short(node.text), str(error))

    def _qualify(self, name: str) -> str:
        return f"{self.address}.{name}" if self.address else name

    # --- resources and data sources ---------------------------------------------------------------------------

    def group(self, mode: str, resource_type: str, name: str) -> Any:
        """The instances of a resource (``mode == "resource"``) or data source, as Terraform exposes them:
        one instance, a list (``count``) or a map (``for_each``)."""
        blocks = self.config.resources if mode == "resource" else self.config.data
        block = blocks.get((resource_type, name))
        if block is None:
            kind = "resource" if mode == "resource" else "data source"
            raise EvalError(f"there is no {kind} {resource_type}.{name} in {self.address or 'the root module'}")
        return self._remember(f"{mode}.{resource_type}.{name}", lambda: self._group_value(mode, block))

    def instance_keys(self, block: Block) -> tuple[str, list[tuple[Any, dict[str, Any]]] | Unresolved]:
        """How a block (resource, data source or module call) expands: ``("single"|"count"|"for_each", keys)``,
        each key with the names it brings (``count.index``, ``each.key``/``each.value``); an unresolved
        expansion gives the marker instead of keys."""
        if "count" in block.attributes:
            value = self.evaluate(block.attributes["count"])
            if is_marker(value):
                return "count", _as_unresolved(value, block.attributes["count"].text)
            try:
                number = int(value)
            except (TypeError, ValueError):
                return "count", Unresolved(_short(block.attributes["count"].text), f"count is not a number: {value!r}")
            if number > MAX_INSTANCES:
                return "count", Unresolved(
                    _short(block.attributes["count"].text), f"count is {number}, more than wadesk expands"
                )
            return "count", [(index, {"count": {"index": index}}) for index in range(max(number, 0))]
        if "for_each" in block.attributes:
            value = self.evaluate(block.attributes["for_each"])
            text = block.attributes["for_each"].text
            if is_marker(value) or _holds_marker_key(value):
                return "for_each", _as_unresolved(value, text)
            if isinstance(value, dict):
                items = [(str(key), value[key]) for key in sorted(value)]
            elif isinstance(value, list):
                if not all(isinstance(item, str) for item in value):
                    return "for_each", Unresolved(_short(text), "for_each over a list needs a set of strings")
                items = [(item, item) for item in sorted(set(value))]
            else:
                return "for_each", Unresolved(_short(text), f"for_each needs a map or a set, not {value!r}")
            if len(items) > MAX_INSTANCES:
                return "for_each", Unresolved(_short(text), "for_each has more items than wadesk expands")
            return "for_each", [(key, {"each": {"key": key, "value": item}}) for key, item in items]
        return "single", [(None, {})]

    def _group_value(self, mode: str, block: Block) -> Any:
        resource_type, name = block.labels[0], block.labels[1]
        base = f"{'data.' if mode == 'data' else ''}{resource_type}.{name}"
        address = self._qualify(base)
        kind, keys = self.instance_keys(block)
        if isinstance(keys, Unresolved):
            return _AnyInstance(self._instance(mode, block, address, unknown_names(kind, keys)))
        if kind == "single":
            return self._instance(mode, block, address, {})
        if kind == "count":
            return [self._instance(mode, block, f"{address}[{key}]", names) for key, names in keys]
        return {key: self._instance(mode, block, f"{address}[{_quote(key)}]", names) for key, names in keys}

    def _instance(self, mode: str, block: Block, address: str, names: dict[str, Any]) -> Namespace:
        if mode == "data":
            return _DataInstance(self, block, address, names)
        return ResourceInstance(address)

    # --- module calls -----------------------------------------------------------------------------------------

    def module_call(self, name: str) -> Any:
        if name not in self.config.modules:
            raise EvalError(f"there is no module {name!r} in {self.address or 'the root module'}")
        return self._remember(f"module.{name}", lambda: self.reader.module_instances(self, self.config.modules[name]))


class _Lookup(Namespace):
    def __init__(self, lookup: Callable[[str], Any]) -> None:
        self._lookup = lookup

    def get_attr(self, name: str) -> Any:
        return self._lookup(name)


class _AnyInstance(Namespace):
    """A resource whose ``count``/``for_each`` is not known: an index names its one drawn instance; a splat, a
    ``for`` or ``length`` over it is unresolved (with a reference to the instance)."""

    unknown_count = True

    def __init__(self, instance: Namespace) -> None:
        self.instance = instance

    def get_attr(self, name: str) -> Any:
        raise EvalError(f"{self.instance.as_value().address} has count or for_each: index it before .{name}")

    def get_index(self, key: Any) -> Any:
        return self.instance

    def as_value(self) -> Any:
        ref = self.instance.as_value()
        return Unresolved(ref.address, "the number of instances is known only after apply", (ref,))


class _DataInstance(ResourceInstance):
    """A data source: attributes given in its block resolve to their values; others are references to it."""

    def __init__(self, scope: ModuleScope, block: Block, address: str, names: dict[str, Any]) -> None:
        super().__init__(address)
        self._scope = scope
        self._block = block
        self._names = names

    def get_attr(self, name: str) -> Any:
        if self._block.labels[0] == "aws_availability_zones" and name in {"names", "zone_ids"}:
            self._scope.reader.assume(
                f"{self.address}.{name} is taken as three placeholder zones ({', '.join(PLACEHOLDER_ZONES)})"
            )
            return list(PLACEHOLDER_ZONES)
        if self._block.labels[0] == "aws_iam_policy_document" and name in {"json", "minified_json"}:
            return self._policy_document()
        attribute = self._block.attributes.get(name)
        if attribute is not None:
            return self._scope.evaluate(attribute, self._names)
        return TfRef(self.address, name)

    def _policy_document(self) -> Any:
        """The JSON an ``aws_iam_policy_document`` renders, from its statements (references stay markers)."""
        values = self._scope.reader.evaluate_block(self._scope, self._block, self._names)
        statements = []
        for block in values.get("statement") or []:
            if not isinstance(block, dict):
                continue
            statement: dict[str, Any] = {"Sid": block.get("sid"), "Effect": block.get("effect") or "Allow"}
            for key, name in (("Action", "actions"), ("NotAction", "not_actions"), ("Resource", "resources"),
                              ("NotResource", "not_resources")):
                if block.get(name) is not None:
                    statement[key] = block[name]
            for key, name in (("Principal", "principals"), ("NotPrincipal", "not_principals")):
                principals = [p for p in block.get(name) or [] if isinstance(p, dict)]
                if principals:
                    statement[key] = {
                        str(p.get("type")): p.get("identifiers") for p in principals if p.get("type") != "*"
                    } or "*"
            conditions: dict[str, Any] = {}
            for condition in block.get("condition") or []:
                if isinstance(condition, dict) and isinstance(condition.get("test"), str):
                    tests = conditions.setdefault(condition["test"], {})
                    tests[str(condition.get("variable"))] = condition.get("values")
            if conditions:
                statement["Condition"] = conditions
            statements.append({key: value for key, value in statement.items() if value is not None})
        document = {"Version": values.get("version") or "2012-10-17", "Statement": statements}
        return json_encode(document)


class PlaceholderModule(Namespace):
    """A module call whose code is not on disk: each output named becomes a :class:`ModuleOutput`."""

    def __init__(self, placeholder: Any) -> None:
        self.placeholder = placeholder

    def get_attr(self, name: str) -> Any:
        self.placeholder.outputs.setdefault(name, classify_output(name))
        return ModuleOutput(self.placeholder.address, name)

    def as_value(self) -> Any:
        return Unresolved(self.placeholder.address, "the module's code is not on disk")


class LocalModule(Namespace):
    """A local module instance: its outputs are evaluated in its own scope."""

    def __init__(self, scope: ModuleScope) -> None:
        self.scope = scope

    def get_attr(self, name: str) -> Any:
        return self.scope.output(name)

    def as_value(self) -> Any:
        return {name: self.scope.output(name) for name in self.scope.config.outputs}


def unknown_names(kind: str, marker: Unresolved) -> dict[str, Any]:
    """The names an instance of a block with an unknown ``count``/``for_each`` sees: ``count.index``, ``each.*``
    are unresolved like the expansion."""
    if kind == "count":
        return {"count": {"index": marker}}
    return {"each": {"key": marker, "value": marker}}


def _as_unresolved(value: Any, text: str) -> Unresolved:
    if isinstance(value, Unresolved):
        return value
    from wadesk.importers.terraform.operations import unresolved_from

    return unresolved_from(_short(text), "the number of instances is known only after apply", value)


def _holds_marker_key(value: Any) -> bool:
    if isinstance(value, list):
        return any(is_marker(item) for item in value)
    return False


def _quote(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 120 else flat[:117] + "..."


def _relative(directory: Path, root: Path) -> str:
    try:
        relative = directory.resolve().relative_to(root.resolve())
    except ValueError:
        return str(directory)
    return str(relative)
