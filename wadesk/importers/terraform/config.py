"""Reads a Terraform configuration (a folder of ``.tf`` files, or one file) into a :class:`~.values.TfSource`.

Evaluates what can be without providers: variable defaults, ``terraform.tfvars``, ``*.auto.tfvars`` and
``--var-file`` files, ``--var`` values (later ones win, in the order Terraform uses), locals, literal ``count``
and ``for_each``, string templates, conditionals and the common functions. Local modules (``source = "./x"``)
are followed with their arguments, recursively; a module that is not on disk (a registry module such as
``terraform-aws-modules/vpc/aws``) becomes a :class:`~.values.ModulePlaceholder`. References to resources stay
:class:`~.values.TfRef` markers; whatever cannot be evaluated is an :class:`~.values.Unresolved` listed in the
source's ``unresolved``, never a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from wadesk.importers.errors import ImportSourceError
from wadesk.importers.sniff import looks_like_configuration as looks_like_configuration
from wadesk.importers.terraform import syntax_tree as ast
from wadesk.importers.terraform.expressions import ExpressionSyntaxError, parse_expression
from wadesk.importers.terraform.hcl_files import Attribute, Block
from wadesk.importers.terraform.module_files import configuration_files, read_module_files
from wadesk.importers.terraform.module_manifest import INSTANCE_KEY, MANIFEST, read_manifest, same_source
from wadesk.importers.terraform.module_scope import (
    LocalModule,
    ModuleConfig,
    ModuleScope,
    PlaceholderModule,
    _short,
    unknown_names,
)
from wadesk.importers.terraform.root_variables import root_inputs
from wadesk.importers.terraform.secrets import SECRET_ATTRIBUTES, classify, nested_attribute, references_in
from wadesk.importers.terraform.values import (
    Interpolated,
    ModulePlaceholder,
    SkippedResource,
    TfResource,
    TfSource,
    Unresolved,
    UnresolvedValue,
    is_aws_type,
)

#: The most module instances one configuration may make, and the deepest module nesting.
MAX_MODULES = 500
MAX_MODULE_DEPTH = 32
#: The most ``.tf`` files read from one module folder.
MAX_FILES = 1000

_META_ARGUMENTS = {"count", "for_each", "provider", "depends_on"}
_META_BLOCKS = {"lifecycle", "provisioner", "connection"}
_MODULE_META = {"source", "version", "count", "for_each", "providers", "depends_on"}


def read_configuration(
    path: str | Path,
    *,
    variables: Mapping[str, str] | None = None,
    var_files: Sequence[str | Path] = (),
) -> TfSource:
    """Read and evaluate a configuration.

    Args:
        path: a folder of ``.tf`` files (the root module), or a single ``.tf`` file.
        variables: ``--var name=value`` values, as the strings given on the command line.
        var_files: ``--var-file`` files (``.tfvars`` in HCL, or ``.tfvars.json``), applied in order after the
            ``terraform.tfvars`` and ``*.auto.tfvars`` files of the folder.

    Raises:
        ImportSourceError: a file cannot be read or has a syntax error (with its line), the folder has no
            ``.tf`` file, modules include each other in a cycle, or a ``--var`` names no variable.
    """
    return ConfigurationReader(Path(path), dict(variables or {}), [Path(item) for item in var_files]).read()


class ConfigurationReader:
    """Builds a :class:`TfSource` from a configuration (see :func:`read_configuration`)."""

    def __init__(self, path: Path, variables: dict[str, str], var_files: list[Path]) -> None:
        if not path.exists():
            raise ImportSourceError(path, "no such file or folder")
        self.path = path
        self.root_dir = path if path.is_dir() else path.parent
        self.source = TfSource(path=path, kind="configuration")
        self._variables = variables
        self._var_files = var_files
        self._configs: dict[Path, ModuleConfig] = {}
        self._lineage: dict[int, tuple[Path, ...]] = {}
        self._scopes = 0
        self._manifest = read_manifest(self.root_dir)

    # --- what module scopes call back ---------------------------------------------------------------------

    def report(self, entry: UnresolvedValue) -> None:
        """List a value that could not be evaluated (once)."""
        if entry not in self.source.unresolved:
            self.source.unresolved.append(entry)

    def assume(self, text: str) -> None:
        """Record an assumption (once)."""
        if text not in self.source.assumptions:
            self.source.assumptions.append(text)

    # --- reading ------------------------------------------------------------------------------------------

    def read(self) -> TfSource:
        files = [self.path] if self.path.is_file() else configuration_files(self.path)
        if not files:
            raise ImportSourceError(self.path, "no .tf or .tf.json files in this folder")
        root_config = self._load_module(self.root_dir, files)
        inputs = root_inputs(self.path, root_config, self._variables, self._var_files, self.source.files)
        root = ModuleScope(self, root_config, "", {name: (lambda value=value: value) for name, value in inputs.items()})
        self._lineage[id(root)] = ()
        self._collect(root)
        for name in root_config.variables:
            self.source.variables[name] = root.evaluate_node(parse_expression(f"var.{name}"))
        for provider in root_config.providers:
            if provider.labels == ("aws",) and "alias" not in provider.attributes and "region" in provider.attributes:
                region = root.evaluate(provider.attributes["region"])
                self.source.region = region if isinstance(region, str) else None
        for name in root_config.outputs:
            if "value" in root_config.outputs[name].attributes:
                self.source.outputs[name] = root.evaluate(root_config.outputs[name].attributes["value"])
        return self.source

    def _load_module(self, directory: Path, files: list[Path] | None = None) -> ModuleConfig:
        directory = directory.resolve()
        if files is None and directory in self._configs:
            return self._configs[directory]
        paths = files if files is not None else configuration_files(directory)
        if len(paths) > MAX_FILES:
            raise ImportSourceError(directory, f"the module has {len(paths)} .tf files, more than wadesk reads")
        config = read_module_files(directory, paths)
        self.source.files.extend(config.files)
        if files is None:
            self._configs[directory] = config
        return config

    # --- module calls -------------------------------------------------------------------------------------

    def module_instances(self, parent: ModuleScope, block: Block) -> Any:
        """What ``module.NAME`` is in ``parent``: a local module (a list or map of them with count or for_each),
        or a placeholder when its code is not on disk."""
        name = block.labels[0]
        address = f"{parent.address}.module.{name}" if parent.address else f"module.{name}"
        source_attribute = block.attributes.get("source")
        source = parent.evaluate(source_attribute) if source_attribute else None
        kind, keys = parent.instance_keys(block)
        if isinstance(keys, Unresolved):
            self._report_expansion(address, kind, keys, block)
            keys = [(None, unknown_names(kind, keys))]
            kind = "single"
        if not isinstance(source, str):
            reason = "its source is not a plain string"
            return self._placeholder(parent, block, address, str(source), reason, kind, keys)
        lineage = (*self._lineage[id(parent)], parent.config.directory)
        if not source.startswith(("./", "../")) and source not in {".", ".."}:
            found = self._installed_module(address, source, lineage)
            if isinstance(found, str):
                return self._placeholder(parent, block, address, source, found, kind, keys)
            directory = found
        else:
            directory = (parent.config.directory / source).resolve()
            if not directory.is_dir() or not configuration_files(directory):
                return self._placeholder(parent, block, address, source, "local module folder not found", kind, keys)
            if directory in lineage:
                chain = [*lineage[lineage.index(directory):], directory]
                names = " → ".join(_display(item, self.root_dir) for item in chain)
                raise ImportSourceError(block.file, f"module cycle: {names}", line=block.line)
            if len(lineage) >= MAX_MODULE_DEPTH:
                reason = f"modules are nested more than {MAX_MODULE_DEPTH} deep"
                raise ImportSourceError(block.file, reason, line=block.line)
        config = self._load_module(directory)

        def make(key: Any, names: dict[str, Any]) -> LocalModule:
            self._scopes += 1
            if self._scopes > MAX_MODULES:
                raise ImportSourceError(self.path, f"the configuration makes more than {MAX_MODULES} module instances")
            instance_address = address if key is None else f"{address}[{_key(key)}]"
            inputs = {
                argument: _deferred(parent, attribute, names)
                for argument, attribute in block.attributes.items()
                if argument not in _MODULE_META
            }
            scope = ModuleScope(self, config, instance_address, inputs)
            self._lineage[id(scope)] = lineage
            return LocalModule(scope)

        return _shape(kind, [(key, make(key, names)) for key, names in keys])

    def _installed_module(self, address: str, source: str, lineage: tuple[Path, ...]) -> Path | str:
        """The folder ``terraform init`` downloaded a registry or remote module to, or why it cannot be read."""
        manifest = self._manifest
        if manifest.path is None:
            return "registry or remote module, not on disk"
        if manifest.problem is not None:
            self.assume(f"{manifest.problem}: registry and remote modules are drawn as placeholders")
            return "registry or remote module, its module manifest cannot be read"
        record = manifest.installed(address)
        if record is None:
            return f"registry or remote module, not in {MANIFEST} (run terraform init)"
        if not same_source(source, record.source):
            return f"terraform init installed it from {record.source}, not from this source (run terraform init)"
        root = self.root_dir.resolve()
        recorded = record.directory.replace("\\", "/")  # a manifest written on Windows
        directory = (root / recorded).resolve()
        shown = recorded.removeprefix("./")
        if root not in directory.parents:
            return f"its recorded folder {shown} is outside the configuration folder"
        if not directory.is_dir() or not configuration_files(directory):
            return f"its downloaded folder {shown} is missing or has no .tf files"
        if directory in lineage:
            return f"its downloaded folder {shown} is one of the modules that call it (a cycle)"
        if len(lineage) >= MAX_MODULE_DEPTH:
            return f"modules are nested more than {MAX_MODULE_DEPTH} deep"
        version = f" {record.version}" if record.version else ""
        self.assume(f"{_call_address(address)}: read from {shown}, where terraform init downloaded "
                    f"{source}{version}")
        return directory

    def _placeholder(
        self, parent: ModuleScope, block: Block, address: str, source: str, reason: str, kind: str, keys: list[Any]
    ) -> Any:
        placeholder = self.source.placeholders.get(address)
        if placeholder is None:
            version = block.attributes.get("version")
            placeholder = ModulePlaceholder(
                address=address,
                source=source,
                version=parent.evaluate(version) if version else None,
                reason=reason,
                file=block.file,
                line=block.line,
            )
            self.source.placeholders[address] = placeholder
            first_names = keys[0][1] if keys else {}
            for argument, attribute in block.attributes.items():
                if argument not in _MODULE_META:
                    placeholder.inputs[argument] = parent.evaluate(attribute, first_names)
        handle = PlaceholderModule(placeholder)
        return _shape(kind, [(key, handle) for key, _ in keys])

    # --- collecting resources -------------------------------------------------------------------------------

    def _collect(self, scope: ModuleScope) -> None:
        for (resource_type, name), block in scope.config.resources.items():
            self._collect_block(scope, block, "managed", resource_type, name)
        for (resource_type, name), block in scope.config.data.items():
            self._collect_block(scope, block, "data", resource_type, name)
        for name in scope.config.modules:
            handle = scope.module_call(name)
            items = handle if isinstance(handle, list) else list(handle.values()) if isinstance(handle, dict) else [
                handle
            ]
            for item in items:
                if isinstance(item, LocalModule):
                    self._collect(item.scope)

    def _collect_block(self, scope: ModuleScope, block: Block, mode: str, resource_type: str, name: str) -> None:
        prefix = "data." if mode == "data" else ""
        base = f"{scope.address}.{prefix}{resource_type}.{name}" if scope.address else f"{prefix}{resource_type}.{name}"
        kind, keys = scope.instance_keys(block)
        if isinstance(keys, Unresolved):
            self._report_expansion(base, kind, keys, block)
            keys = [(None, unknown_names(kind, keys))]
        if not keys and mode == "managed":
            reason = "not created: count is 0" if kind == "count" else "not created: for_each is empty"
            self.source.skipped.append(SkippedResource(base, resource_type, reason, block.file, block.line))
            return
        provider = block.attributes.get("provider")
        depends_on = _depends_on(block.attributes.get("depends_on"))
        for key, names in keys:
            address = base if key is None else f"{base}[{_key(key)}]"
            if mode == "managed" and not is_aws_type(resource_type):
                owner = resource_type.split("_", 1)[0]
                self.source.skipped.append(
                    SkippedResource(address, resource_type, f"provider {owner}: not AWS", block.file, block.line)
                )
                continue
            values = self._evaluate_body(scope, block, names, address if mode == "managed" else None, "")
            resource = TfResource(
                address=address,
                type=resource_type,
                name=name,
                module=scope.address,
                index=key,
                values=values,
                mode="managed" if mode == "managed" else "data",
                file=block.file,
                line=block.line,
                provider=" ".join(provider.text.split()) if provider else None,
                depends_on=depends_on,
            )
            if mode == "managed" and resource_type in SECRET_ATTRIBUTES:
                resource.secret_origins = _secret_origins(scope, block, resource)
            target = self.source.resources if mode == "managed" else self.source.data_sources
            target[address] = resource

    def evaluate_block(self, scope: ModuleScope, block: Block, names: dict[str, Any]) -> dict[str, Any]:
        """A block's attributes and nested blocks, evaluated (nothing is reported)."""
        return self._evaluate_body(scope, block, names, None, "")

    def _evaluate_body(
        self, scope: ModuleScope, block: Block, names: dict[str, Any], address: str | None, path: str
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        top = path == ""
        for attribute_name, attribute in block.attributes.items():
            if top and attribute_name in _META_ARGUMENTS:
                continue
            value = scope.evaluate(attribute, names)
            values[attribute_name] = value
            if address is not None:
                self._report_markers(address, f"{path}{attribute_name}", value, attribute)
        for nested in block.blocks:
            if top and nested.type in _META_BLOCKS:
                continue
            if nested.type == "dynamic" and nested.labels:
                self._dynamic(scope, nested, names, address, path, values)
                continue
            items = values.setdefault(nested.type, [])
            if isinstance(items, list):
                sub_path = f"{path}{nested.type}[{len(items)}]."
                items.append(self._evaluate_body(scope, nested, names, address, sub_path))
        return values

    def _dynamic(
        self,
        scope: ModuleScope,
        block: Block,
        names: dict[str, Any],
        address: str | None,
        path: str,
        values: dict[str, Any],
    ) -> None:
        label = block.labels[0]
        items = values.setdefault(label, [])
        content = next((child for child in block.blocks if child.type == "content"), None)
        for_each = block.attributes.get("for_each")
        if content is None or for_each is None or not isinstance(items, list):
            return
        iterator = block.attributes["iterator"].text.strip() if "iterator" in block.attributes else label
        collection = scope.evaluate(for_each, names)
        if isinstance(collection, dict):
            pairs = [(key, collection[key]) for key in sorted(collection)]
        elif isinstance(collection, list):
            pairs = list(enumerate(collection))
        else:
            marker = collection if isinstance(collection, Unresolved) else Unresolved(
                _short(for_each.text), "the dynamic block's for_each is known only after apply"
            )
            items.append(marker)
            if address is not None:
                self._report_markers(address, f"{path}{label}", marker, for_each)
            return
        for key, value in pairs:
            sub_names = {**names, iterator: {"key": key, "value": value}}
            sub_path = f"{path}{label}[{len(items)}]."
            items.append(self._evaluate_body(scope, content, sub_names, address, sub_path))

    def _report_markers(self, address: str, path: str, value: Any, attribute: Attribute) -> None:
        if isinstance(value, Unresolved):
            self.report(UnresolvedValue(address, path, value.expression, value.reason, attribute.file, attribute.line))
        elif isinstance(value, Interpolated):
            for part in value.parts:
                self._report_markers(address, path, part, attribute)
        elif isinstance(value, dict):
            for key, item in value.items():
                self._report_markers(address, f"{path}.{key}", item, attribute)
        elif isinstance(value, list):
            for position, item in enumerate(value):
                self._report_markers(address, f"{path}[{position}]", item, attribute)

    def _report_expansion(self, address: str, kind: str, marker: Unresolved, block: Block) -> None:
        attribute = block.attributes.get(kind)
        self.report(UnresolvedValue(
            address, kind, marker.expression, marker.reason, block.file, attribute.line if attribute else block.line
        ))
        self.assume(f"{address}: its {kind} is not known, so it is drawn once")


def _secret_origins(scope: ModuleScope, block: Block, resource: TfResource) -> dict[str, str]:
    """Where each secret attribute of a resource comes from (see ``secrets.py``)."""

    def variable_origin(name: str) -> str:
        if name in scope._inputs:  # given by -var, a .tfvars file or the calling module
            return "deploy_input" if not scope.address else ""
        declared = scope.config.variables.get(name)
        if declared is not None and "default" in declared.attributes:
            return "default"
        return "deploy_input" if not scope.address else ""

    origins: dict[str, str] = {}
    for path in SECRET_ATTRIBUTES[resource.type]:
        attribute = nested_attribute(
            block, path, lambda b, name: [c for c in b.blocks if c.type == name], lambda b: b.attributes
        )
        if attribute is None:
            continue
        try:
            node = parse_expression(attribute.text)
        except ExpressionSyntaxError:
            continue
        value = nested_attribute(
            resource.values,
            path,
            lambda v, name: [i for i in v.get(name) or [] if isinstance(i, dict)] if isinstance(v, dict) else [],
            lambda v: v if isinstance(v, dict) else {},
        )
        origin = classify(references_in(node), isinstance(value, str), variable_origin)
        if origin:
            origins[path] = origin
    return origins


def _deferred(scope: ModuleScope, attribute: Attribute, names: dict[str, Any]) -> Callable[[], Any]:
    return lambda: scope.evaluate(attribute, names)


def _shape(kind: str, items: list[tuple[Any, Any]]) -> Any:
    if kind == "single":
        return items[0][1] if items else None
    if kind == "count":
        return [item for _, item in items]
    return {key: item for key, item in items}


def _key(key: Any) -> str:
    if isinstance(key, int):
        return str(key)
    return '"' + str(key).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _depends_on(attribute: Attribute | None) -> tuple[str, ...]:
    if attribute is None:
        return ()
    try:
        node = parse_expression(attribute.text)
    except ExpressionSyntaxError:
        return ()
    if isinstance(node, ast.TupleNode):
        return tuple(item.text for item in node.items)
    return ()


def _display(directory: Path, root: Path) -> str:
    try:
        relative = directory.relative_to(root.resolve())
    except ValueError:
        return str(directory)
    return "." if str(relative) == "." else f"./{relative}"


def _call_address(address: str) -> str:
    """A module call's address without its instance keys (one sentence for every instance)."""
    return INSTANCE_KEY.sub("", address)
