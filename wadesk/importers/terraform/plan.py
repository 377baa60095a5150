"""Reads the JSON a ``terraform show -json PLANFILE`` writes into a :class:`~.values.TfSource`.

Resolved values come from ``planned_values`` (the root module and child modules, recursively; each ``count``
or ``for_each`` instance is one resource named by its address); ``after_unknown`` marks what is known only after
apply; the ``configuration`` section's ``references`` turn such values into :class:`~.values.TfRef` markers, so
``vpc_id`` still names its VPC. Data sources come from ``prior_state`` where the plan has one. The JSON output of
``terraform show -json`` on a state (``values`` instead of ``planned_values``) is read the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wadesk.importers.errors import ImportSourceError
from wadesk.importers.sniff import looks_like_plan as looks_like_plan
from wadesk.importers.terraform.references import PlanReferences
from wadesk.importers.terraform.secrets import SECRET_ATTRIBUTES, classify, nested_attribute
from wadesk.importers.terraform.values import SkippedResource, TfResource, TfSource, Unknown, is_aws_type

#: The largest plan read, in bytes: past it the plan is refused (a 50 MB plan reads in about a second).
MAX_PLAN_BYTES = 200 * 1024 * 1024

#: The plan format versions read: 0.x (Terraform 0.12 to 0.15) and 1.x; a newer 1.x minor version is tolerated.
SUPPORTED_MAJORS = (0, 1)

def read_plan(path: str | Path, *, max_bytes: int = MAX_PLAN_BYTES) -> TfSource:
    """Read a plan (or state) JSON file.

    Args:
        path: the file ``terraform show -json`` wrote.
        max_bytes: the largest file read; a larger one is refused.

    Raises:
        ImportSourceError: the file cannot be read, is not JSON, is not a plan, is of an unsupported format
            version, or is larger than ``max_bytes``.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportSourceError(path, f"cannot read the file: {error.strerror or error}") from None
    if size > max_bytes:
        raise ImportSourceError(
            path, f"the plan is {size / 1e6:.0f} MB, more than the {max_bytes / 1e6:.0f} MB wadesk reads"
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ImportSourceError(path, f"cannot read the file: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ImportSourceError(path, "not a Terraform plan: the file is not UTF-8 text") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportSourceError(path, f"not JSON: {error.msg} (column {error.colno})", line=error.lineno) from None
    except RecursionError:
        raise ImportSourceError(path, "not a Terraform plan: the JSON is nested too deeply") from None
    return plan_from_json(document, path)


def plan_from_json(document: Any, path: Path) -> TfSource:
    """Build the source from a decoded plan document (see :func:`read_plan`)."""
    _check_format(document, path)
    source = TfSource(path=path, kind="plan", terraform_version=_str_or_none(document.get("terraform_version")))
    planned = document.get("planned_values")
    if planned is None:
        planned = document.get("values")
        source.assumptions.append("read as a Terraform state: the values are those of the last apply")
    if not isinstance(planned, dict):
        raise ImportSourceError(path, "not a Terraform plan: 'planned_values' is not an object")
    unknowns = _after_unknown_by_address(document.get("resource_changes"))

    data: dict[str, TfResource] = {}
    prior = document.get("prior_state")
    if isinstance(prior, dict) and isinstance(prior.get("values"), dict):
        for resource in _module_resources(prior["values"].get("root_module"), path):
            if resource.mode == "data":
                data[resource.address] = resource

    for resource in _module_resources(planned.get("root_module"), path):
        if resource.mode == "data":
            data.setdefault(resource.address, resource)
            continue
        after_unknown = unknowns.get(resource.address)
        if after_unknown is not None:
            resource.values = _overlay_unknown(resource.values, after_unknown)
        if is_aws_type(resource.type):
            source.resources[resource.address] = resource
        else:
            source.skipped.append(
                SkippedResource(resource.address, resource.type, f"provider {_provider_name(resource)}: not AWS")
            )
    source.data_sources = data

    configuration = document.get("configuration")
    if isinstance(configuration, dict):
        source.region = _provider_region(configuration)
        PlanReferences(configuration, source).apply()
    else:
        source.assumptions.append("the plan has no configuration section: references come from matching ids only")
        PlanReferences({}, source).apply()

    if isinstance(configuration, dict):
        _secret_origins(configuration.get("root_module"), "", source, document.get("variables"))
    variables = document.get("variables")
    if isinstance(variables, dict):
        for name, entry in variables.items():
            if isinstance(entry, dict):
                source.variables[str(name)] = entry.get("value")
    outputs = planned.get("outputs")
    if isinstance(outputs, dict):
        for name, entry in outputs.items():
            if isinstance(entry, dict):
                source.outputs[str(name)] = entry["value"] if "value" in entry else Unknown()
    return source


def _secret_origins(module: Any, prefix: str, source: TfSource, given: Any, depth: int = 0) -> None:
    """Where the secret attributes of the resources a configuration module declares come from (``secrets.py``)."""
    if not isinstance(module, dict) or depth > 64:
        return
    declared = module.get("variables") if isinstance(module.get("variables"), dict) else {}
    given = given if isinstance(given, dict) and not prefix else {}

    def variable_origin(name: str) -> str:
        if prefix:
            return ""  # a module's variable is set by its caller's arguments: not followed
        spec = declared.get(name)
        value = given.get(name)
        if isinstance(spec, dict) and "default" in spec and (
            not isinstance(value, dict) or value.get("value") == spec["default"]
        ):
            return "default"
        return "deploy_input"

    for entry in module.get("resources") or []:
        if not isinstance(entry, dict) or entry.get("type") not in SECRET_ATTRIBUTES or entry.get("mode") == "data":
            continue
        base = f"{prefix}{entry.get('address')}"
        origins: dict[str, str] = {}
        for path in SECRET_ATTRIBUTES[entry["type"]]:
            expression = nested_attribute(
                entry.get("expressions") or {},
                path,
                lambda e, name: [i for i in e.get(name) or [] if isinstance(i, dict)] if isinstance(e, dict) else [],
                lambda e: e if isinstance(e, dict) else {},
            )
            if not isinstance(expression, dict):
                continue
            references = [str(r) for r in expression.get("references") or []]
            literal = isinstance(expression.get("constant_value"), str)
            origin = classify(references, literal, variable_origin)
            if origin:
                origins[path] = origin
        if origins:
            for resource in source.resources.values():
                if resource.base_address == base:
                    resource.secret_origins = dict(origins)
    for name, call in (module.get("module_calls") or {}).items():
        if isinstance(call, dict):
            _secret_origins(call.get("module"), f"{prefix}module.{name}.", source, None, depth + 1)


def _check_format(document: Any, path: Path) -> None:
    if not isinstance(document, dict):
        raise ImportSourceError(path, "not a Terraform plan: the JSON is not an object")
    version = document.get("format_version")
    if version is None:
        if "Resources" in document or "AWSTemplateFormatVersion" in document:
            raise ImportSourceError(path, "not a Terraform plan: this looks like a CloudFormation template")
        raise ImportSourceError(
            path, "not a Terraform plan: no 'format_version' (write one with: terraform show -json PLANFILE)"
        )
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.\d+)?", str(version))
    if match is None:
        raise ImportSourceError(path, f"not a Terraform plan: format_version {version!r} is not a version")
    major = int(match.group(1))
    if major not in SUPPORTED_MAJORS:
        raise ImportSourceError(
            path,
            f"plan format version {version} is not supported: wadesk reads versions 0.x and 1.x "
            "(terraform show -json of Terraform 0.12 to 1.x)",
        )
    if "planned_values" not in document and "values" not in document:
        raise ImportSourceError(path, "not a Terraform plan: it has no 'planned_values'")


def _provider_region(configuration: dict[str, Any]) -> str | None:
    """The ``aws`` provider's region, when the configuration gives it as a constant."""
    providers = configuration.get("provider_config")
    aws = providers.get("aws") if isinstance(providers, dict) else None
    expressions = aws.get("expressions") if isinstance(aws, dict) else None
    region = expressions.get("region") if isinstance(expressions, dict) else None
    value = region.get("constant_value") if isinstance(region, dict) else None
    return value if isinstance(value, str) and value else None


def _str_or_none(value: Any) -> str | None:
    return str(value) if value is not None else None


def _provider_name(resource: TfResource) -> str:
    if resource.provider:
        return resource.provider.rsplit("/", 1)[-1]
    return resource.type.split("_", 1)[0]


def _module_resources(module: Any, path: Path, depth: int = 0) -> Iterator[TfResource]:
    """Every resource of a ``planned_values``-shaped module and its child modules, depth first, in file order."""
    if not isinstance(module, dict):
        return
    if depth > 64:
        raise ImportSourceError(path, "modules are nested more than 64 deep")
    module_address = str(module.get("address") or "")
    for entry in module.get("resources") or []:
        if not isinstance(entry, dict):
            continue
        resource = _resource_from(entry, module_address)
        if resource is not None:
            yield resource
    for child in module.get("child_modules") or []:
        yield from _module_resources(child, path, depth + 1)


def _resource_from(entry: dict[str, Any], module_address: str) -> TfResource | None:
    address = entry.get("address")
    resource_type = entry.get("type")
    name = entry.get("name")
    if not isinstance(address, str) or not isinstance(resource_type, str) or not isinstance(name, str):
        return None
    mode = "data" if entry.get("mode") == "data" else "managed"
    index = entry.get("index")
    if not isinstance(index, int | str) or isinstance(index, bool):
        index = None
    values = entry.get("values")
    return TfResource(
        address=address,
        type=resource_type,
        name=name,
        module=module_address,
        index=index,
        values=dict(values) if isinstance(values, dict) else {},
        mode=mode,
        provider=_str_or_none(entry.get("provider_name")),
    )


def _after_unknown_by_address(changes: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if not isinstance(changes, list):
        return found
    for change in changes:
        if not isinstance(change, dict) or not isinstance(change.get("address"), str):
            continue
        body = change.get("change")
        if isinstance(body, dict) and "after_unknown" in body:
            found[change["address"]] = body["after_unknown"]
    return found


def _overlay_unknown(value: Any, unknown: Any) -> Any:
    """``value`` with an :class:`Unknown` wherever ``after_unknown`` (same shape, booleans) says true."""
    if unknown is True:
        return Unknown()
    if isinstance(unknown, dict):
        base = dict(value) if isinstance(value, dict) else {}
        for key, flag in unknown.items():
            if flag is False:
                continue
            base[key] = _overlay_unknown(base.get(key), flag)
        return base
    if isinstance(unknown, list):
        items = list(value) if isinstance(value, list) else []
        for index, flag in enumerate(unknown):
            if flag is False:
                continue
            while len(items) <= index:
                items.append(None)
            items[index] = _overlay_unknown(items[index], flag)
        return items
    return value
