"""Where a secret property of a resource (a database's master password) comes from, read from the template.

Evaluation replaces a parameter by its value, so whether a password was a literal, a parameter's default or a
NoEcho parameter given at deploy is told here, from the property as written. The answers are the values of the
catalog's ``master_password`` property (``wadesk.catalog.properties.MasterPassword``):

- ``secret_store``: a dynamic reference (``{{resolve:secretsmanager:...}}``, ``{{resolve:ssm-secure:...}}``), a
  reference to an ``AWS::SecretsManager::Secret``, or an ``AWS::SSM::Parameter::Value<...>`` parameter;
- ``deploy_input`` / ``visible_input``: a parameter with no default (or given a value for the import), NoEcho or
  not: given at deploy, and shown in the stack's parameters when it is not NoEcho;
- ``default``: a parameter's default is used, so the password is in the template;
- ``literal``: a plain string in the template (or one computed from mappings and other literals).

Anything else (an unresolved value, a reference to an output of another stack) answers ``""``: not stated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wadesk.importers.cfn.values import Interpolated, Value

#: Resource type -> the property paths that hold a master password.
SECRET_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "AWS::RDS::DBInstance": (("MasterUserPassword",),),
    "AWS::RDS::DBCluster": (("MasterUserPassword",),),
    "AWS::DocDB::DBCluster": (("MasterUserPassword",),),
    "AWS::Redshift::Cluster": (("MasterUserPassword",),),
    "AWS::OpenSearchService::Domain": (("AdvancedSecurityOptions", "MasterUserOptions", "MasterUserPassword"),),
    "AWS::Elasticsearch::Domain": (("AdvancedSecurityOptions", "MasterUserOptions", "MasterUserPassword"),),
}
_STORES = ("{{resolve:secretsmanager:", "{{resolve:ssm-secure:", "{{resolve:ssm:")


def _at(value: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


def _named(raw: Any) -> list[str]:
    """Names a raw expression refers to: ``Ref``, ``Fn::GetAtt`` and ``${Name}`` of ``Fn::Sub``."""
    found: list[str] = []
    if isinstance(raw, dict):
        for key, item in raw.items():
            if key == "Ref" and isinstance(item, str):
                found.append(item)
            elif key == "Fn::GetAtt":
                target = item.split(".", 1)[0] if isinstance(item, str) else item[0] if isinstance(item, list) else None
                if isinstance(target, str):
                    found.append(target)
            elif key == "Fn::Sub":
                text = item if isinstance(item, str) else item[0] if isinstance(item, list) and item else ""
                if isinstance(text, str):
                    found += [part.split("}", 1)[0].split(".", 1)[0] for part in text.split("${")[1:]]
                found += _named(item[1:] if isinstance(item, list) else None)
            else:
                found += _named(item)
    elif isinstance(raw, list):
        for item in raw:
            found += _named(item)
    return found


def _parameter_origin(name: str, spec: Mapping[str, Any], given: bool) -> str:
    kind = spec.get("Type")
    if isinstance(kind, str) and kind.startswith("AWS::SSM::Parameter::Value<"):
        return "secret_store"
    no_echo = str(spec.get("NoEcho", "false")).strip().lower() == "true"
    if not given and spec.get("Default") not in (None, ""):
        return "default"
    return "deploy_input" if no_echo else "visible_input"


def secret_origin(
    raw: Any,
    value: Value,
    parameters: Mapping[str, Any],
    given: Mapping[str, str],
    resource_types: Mapping[str, str],
    inherited: Mapping[str, str] | None = None,
) -> str:
    """Where one secret property comes from (see the module), or "" when the template does not say.

    Args:
        raw: the property as written in the template.
        value: the property after evaluation.
        parameters: the template's ``Parameters`` section (each parameter's declaration).
        given: the parameter values given for the import.
        resource_types: logical id -> resource type, for every resource of the template.
        inherited: for a nested stack's template, where each parameter its parent passes comes from in the
            parent ("" when the parent does not say): a literal in the parent is a literal, not a value given.
    """
    text = str(value) if isinstance(value, str | Interpolated) else ""
    if any(marker in text for marker in _STORES):
        return "secret_store"
    if isinstance(raw, str):
        return "literal" if raw else ""
    names = _named(raw)
    if any(resource_types.get(name) == "AWS::SecretsManager::Secret" for name in names):
        return "secret_store"
    declared = [name for name in names if isinstance(parameters.get(name), dict)]
    passed = inherited or {}
    origins = [
        passed[name] if name in passed else _parameter_origin(name, parameters[name], name in given)
        for name in declared
    ]
    for origin in ("literal", "default", "secret_store", "visible_input", "deploy_input"):
        if origin in origins:
            return origin
    if names or not isinstance(value, str):
        return ""  # built from other resources' attributes or pseudo parameters: not a literal we can point at
    return "literal"


def secret_origins(
    resource_type: str,
    raw_properties: Any,
    properties: Mapping[str, Value],
    parameters: Mapping[str, Any],
    given: Mapping[str, str],
    resource_types: Mapping[str, str],
    inherited: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The origin of each secret property a resource of ``resource_type`` sets, keyed by its dotted path."""
    origins: dict[str, str] = {}
    for path in SECRET_PATHS.get(resource_type, ()):
        raw = _at(raw_properties, path)
        if raw is None:
            continue
        origin = secret_origin(raw, _at(properties, path), parameters, given, resource_types, inherited)
        if origin:
            origins[".".join(path)] = origin
    return origins
