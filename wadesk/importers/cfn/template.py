"""Reading a CloudFormation template (JSON, YAML or SAM) into a ``Template`` evaluated under parameter values.

Public API (what the mapper and the command line use):

- ``load_template(path, parameters=None, *, region="us-east-1") -> Template``
- ``read_parameter_file(path) -> dict[str, str]`` (from ``parameters.py``)
- ``looks_like_template(path) -> bool``

What is refused (``ImportSourceError``, file and line where known): unreadable or hostile files (see
``document.py``), no ``Resources`` section or one that is not a mapping, a resource that is not a mapping or has
no string ``Type``, a resource ``Condition`` that names no condition, a circular condition, a circular dependency
between resources (``DependsOn`` and references together, as CloudFormation refuses it: the message names the
cycle), parameter values that break their declaration, and an invalid SAM template.

What is imported with a report entry instead (``Template.unresolved``): every value that cannot be computed, a
``Ref`` or ``Fn::GetAtt`` naming nothing in the template, a ``DependsOn`` naming no resource (dropped), rain
modules and the ``Fn::ForEach`` loops ``foreach.py`` cannot expand (so not imported), and parameters with no
value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wadesk.importers.cfn.document import Document, UnknownTag, read_document
from wadesk.importers.cfn.intrinsics import NO_VALUE, Evaluator
from wadesk.importers.cfn.parameters import ACCOUNT_ID, is_list_type, read_parameter_file, resolve_parameters
from wadesk.importers.cfn.secrets import secret_origin, secret_origins
from wadesk.importers.cfn.values import Resource, Template, UnresolvedValue, Value, refs_in
from wadesk.importers.errors import ImportSourceError, printable
from wadesk.importers.sniff import looks_like_template

if TYPE_CHECKING:
    from wadesk.importers.cfn.nested import Nesting

__all__ = ["SAM_TRANSFORM", "load_template", "looks_like_template", "read_parameter_file"]

#: The transform that marks a SAM template.
SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


def load_template(
    path: str | Path, parameters: Mapping[str, str] | None = None, *, region: str = "us-east-1"
) -> Template:
    """Read, expand (SAM) and evaluate a template.

    Args:
        path: the template file (JSON or YAML).
        parameters: values for the template's parameters (``--param``, ``--params``); the others take their
            defaults.
        region: the region ``AWS::Region`` stands for.

    Raises:
        ImportSourceError: the template cannot be imported (see the module docstring).
    """
    path = Path(path)
    document = read_document(path)
    try:
        return _evaluate(document, dict(parameters or {}), region)
    except RecursionError:
        raise ImportSourceError(path, "the template nests functions or conditions too deeply") from None


def load_nested(
    path: Path,
    given: Mapping[str, str],
    overrides: Mapping[str, Value],
    *,
    region: str,
    nesting: Nesting,
    origins: Mapping[str, str],
) -> Template:
    """Read and evaluate the template of a nested stack (see ``nested.py``).

    Args:
        path: the child template.
        given: its parameters' values the parent states as plain text.
        overrides: its parameters' values the parent states as references (to the parent's resources, to another
            stack's exports...), used as they are.
        region: the region ``AWS::Region`` stands for.
        nesting: the templates being read, outermost first, this one last, and how many one import has read.
        origins: where each parameter value the parent passes comes from in the parent (see ``secrets.py``).
    """
    document = read_document(path)
    try:
        return _evaluate(document, dict(given), region, overrides=overrides, nesting=nesting, origins=origins)
    except RecursionError:
        raise ImportSourceError(path, "the template nests functions or conditions too deeply") from None


def _evaluate(
    document: Document,
    given: dict[str, str],
    region: str,
    *,
    overrides: Mapping[str, Value] | None = None,
    nesting: Nesting | None = None,
    origins: Mapping[str, str] | None = None,
) -> Template:
    path, data = document.path, document.data
    template = Template(path=path)
    description = data.get("Description")
    template.description = description if isinstance(description, str) else None
    template.transforms = _transforms(data.get("Transform"))
    generated_from: dict[str, str] = {}
    loop_problems: dict[str, str] = {}
    values, assumptions, unresolved = resolve_parameters(
        data.get("Parameters"), given, source=path, lines=document.lines.get("Parameters", {})
    )
    if "AWS::LanguageExtensions" in template.transforms:
        from wadesk.importers.cfn.foreach import expand_foreach

        data, generated_from, loop_problems = expand_foreach(data, values)
        document = replace(document, data=data)
    if SAM_TRANSFORM in template.transforms:
        from wadesk.importers.cfn.sam import expand_sam

        data, sam_origins, sam_assumptions = expand_sam(document, given, region=region)
        # a resource SAM made from one a loop made points at the loop
        generated_from = {**generated_from, **{k: generated_from.get(v, v) for k, v in sam_origins.items()}}
        template.assumptions.extend(sam_assumptions)
    for name in template.transforms:
        if name == "AWS::LanguageExtensions":
            template.assumptions.append(
                "AWS::LanguageExtensions: Fn::ForEach loops are expanded; Fn::Length, Fn::ToJsonString and "
                "FindInMap defaults are evaluated"
            )
        elif name != SAM_TRANSFORM:
            template.assumptions.append(f"The transform {printable(name, 80)} is not run; its changes are not imported")
    _refuse_control_characters(document)
    if "Resources" not in data:
        raise ImportSourceError(path, "no Resources section: a template must declare at least one resource")
    raw_resources = data["Resources"]
    if not isinstance(raw_resources, dict) or not raw_resources:
        reason = "Resources must be a mapping of logical ids to resources"
        if isinstance(raw_resources, dict) or raw_resources is None:
            reason = "the Resources section is empty: a template must declare at least one resource"
        raise ImportSourceError(path, reason, document.line_of("Resources"))

    if overrides:
        from wadesk.importers.cfn.nested import as_list_value

        specs = data.get("Parameters") if isinstance(data.get("Parameters"), dict) else {}
        for name, value in overrides.items():
            if name in values:
                spec = specs.get(name)
                declared_type = str(spec.get("Type", "String")) if isinstance(spec, dict) else "String"
                values[name] = as_list_value(value) if is_list_type(declared_type) else value
        assumptions = [a for a in assumptions if not any(a.startswith(f"Parameter {name} ") for name in overrides)]
        unresolved = [u for u in unresolved if not (u.logical_id == "Parameters" and u.path in overrides)]
    template.parameters = values
    template.assumptions.extend(assumptions)
    template.unresolved.extend(unresolved)

    def line_of(logical_id: str) -> int | None:
        return document.line_of("Resources", generated_from.get(logical_id, logical_id))

    not_created: dict[str, str] = {}
    candidates: dict[str, dict[str, Any]] = {}
    for logical_id, body in raw_resources.items():
        logical_id = str(logical_id)
        if logical_id.startswith("Fn::ForEach::"):
            why = loop_problems.pop(logical_id, None)
            if why is None:
                why = "the template does not declare the AWS::LanguageExtensions transform"
            reason = f"Fn::ForEach is not expanded: {why}; the resources it makes are not imported"
            template.unresolved.append(UnresolvedValue(logical_id, "", logical_id, reason))
            continue
        if not isinstance(body, dict):
            raise ImportSourceError(path, f"resource {printable(logical_id, 80)} is not a mapping", line_of(logical_id))
        kind = body.get("Type")
        if isinstance(kind, dict) and len(kind) == 1 and str(next(iter(kind))).startswith("Rain::"):
            # The JSON form of a rain directive (``"Type": {"Rain::Module": "vpc.yml"}``), a tag in YAML.
            [(directive, argument)] = kind.items()
            kind = UnknownTag(str(directive), argument)
        if isinstance(kind, UnknownTag):
            reason = f"{printable(str(kind), 120)} is expanded by a preprocessor (rain); its resources are not imported"
            template.unresolved.append(UnresolvedValue(logical_id, "Type", printable(str(kind), 120), reason))
            not_created[logical_id] = f"{logical_id} is a preprocessor module whose resources are not imported"
            continue
        if kind == "LocalModule":
            source = body.get("Source")
            where = printable(str(source), 120) if isinstance(source, str) else "its Source"
            reason = (
                f"a local module ({where}), expanded by `aws cloudformation package`; its resources are not "
                "imported (import the packaged template)"
            )
            template.unresolved.append(UnresolvedValue(logical_id, "Type", "LocalModule", reason))
            not_created[logical_id] = f"{logical_id} is a local module whose resources are not imported"
            continue
        if not isinstance(kind, str) or not kind:
            raise ImportSourceError(path, f"resource {printable(logical_id, 80)} has no Type", line_of(logical_id))
        if printable(kind, len(kind) + 1) != kind:
            reason = f"resource {logical_id}: the Type {printable(kind, 80)} contains control characters"
            raise ImportSourceError(path, reason, line_of(logical_id))
        candidates[logical_id] = body

    for loop, why in loop_problems.items():  # loops expanded in part, or nested in a loop left unexpanded
        template.unresolved.append(UnresolvedValue("Resources", loop, loop, f"Fn::ForEach: {why}"))
    evaluator = Evaluator(
        source=path,
        parameters=values,
        pseudo=_pseudo_parameters(region, path.stem),
        mappings=data.get("Mappings"),
        conditions=data.get("Conditions"),
        resources=(),
        not_created=not_created,
        raw_resources=raw_resources,
    )
    evaluator.modules = {logical_id for logical_id in not_created}
    template.lines = document.lines
    for name in evaluator.raw_conditions:  # all of them, as CloudFormation validates them all
        try:
            template.conditions[str(name)] = evaluator.condition(str(name))
        except ImportSourceError as error:
            raise ImportSourceError(path, error.reason, document.line_of("Conditions", str(name))) from None
    created: dict[str, dict[str, Any]] = {}
    policies: dict[str, str] = {}  # the condition each conditional resource was created under
    for logical_id, body in candidates.items():
        condition = body.get("Condition")
        if condition is None:
            created[logical_id] = body
            continue
        if not isinstance(condition, str):
            raise ImportSourceError(path, f"resource {logical_id}: Condition must be a name", line_of(logical_id))
        try:
            holds = evaluator.condition(condition)
        except ImportSourceError as error:
            raise ImportSourceError(path, f"resource {logical_id}: {error.reason}", line_of(logical_id)) from None
        if holds:
            created[logical_id] = body
            policies[logical_id] = condition
        else:
            template.skipped[logical_id] = condition
            not_created[logical_id] = f"{logical_id} is not created: its condition {condition} is false"
    evaluator.resources = set(created)
    declared = data.get("Parameters") if isinstance(data.get("Parameters"), dict) else {}
    types = {logical_id: str(body.get("Type")) for logical_id, body in created.items()}
    stacks = {key: body for key, body in created.items() if body.get("Type") == "AWS::CloudFormation::Stack"}
    nested = None
    if stacks:
        from wadesk.importers.cfn.nested import NestedStacks, Nesting

        nested = NestedStacks(path, region, nesting or Nesting((path.resolve(),)), evaluator, stacks)
        nested.origin_of = lambda raw, value: secret_origin(raw, value, declared, given, types, origins)
        evaluator.nested_outputs = nested.output

    for logical_id, body in created.items():
        try:
            template.resources[logical_id] = _resource(logical_id, body, evaluator, created, not_created)
            resource = template.resources[logical_id]
            resource.secret_origins = secret_origins(
                resource.type, body.get("Properties"), resource.properties, declared, given, types, origins
            )
        except ImportSourceError as error:
            if error.line is not None:
                raise
            raise ImportSourceError(path, error.reason, line_of(logical_id)) from None
        template.resources[logical_id].line = line_of(logical_id)
        template.resources[logical_id].generated_from = generated_from.get(logical_id)
        template.resources[logical_id].condition = policies.get(logical_id)

    _refuse_cycles(template, line_of)
    if nested is not None:
        nested.merge(template)

    outputs = data.get("Outputs")
    if isinstance(outputs, dict):
        for name, output in outputs.items():
            if not isinstance(output, dict) or "Value" not in output:
                continue
            condition = output.get("Condition")
            if isinstance(condition, str) and not evaluator.condition(condition):
                continue
            value = evaluator.value(output["Value"], "Outputs", f"{name}.Value")
            if value is not NO_VALUE:
                template.outputs[str(name)] = value

    template.unresolved.extend(evaluator.unresolved)
    template.assumptions.extend(evaluator.assumptions)
    template.assumptions = [printable(sentence, 400) for sentence in template.assumptions]
    return template


def _resource(
    logical_id: str,
    body: dict[str, Any],
    evaluator: Evaluator,
    created: Mapping[str, Any],
    not_created: Mapping[str, str],
) -> Resource:
    resource = Resource(logical_id, body["Type"])
    properties = evaluator.value(body.get("Properties", {}), logical_id, "Properties")
    resource.properties = _json_policies(properties) if isinstance(properties, dict) else {}
    if "Properties" in body and not isinstance(properties, dict) and properties is not NO_VALUE:
        evaluator.report(logical_id, "Properties", printable(str(properties), 80), "Properties is not a mapping")
    metadata = evaluator.value(body.get("Metadata", {}), logical_id, "Metadata")
    resource.metadata = metadata if isinstance(metadata, dict) else {}
    resource.depends_on = _depends_on(body.get("DependsOn"), logical_id, created, not_created, evaluator)
    for attribute in ("DeletionPolicy", "UpdateReplacePolicy"):
        if attribute in body:
            policy = evaluator.value(body[attribute], logical_id, attribute)
            if isinstance(policy, str):
                field_name = "deletion_policy" if attribute == "DeletionPolicy" else "update_replace_policy"
                setattr(resource, field_name, policy)
    return resource


#: Properties that hold an IAM-style policy document, which CloudFormation also accepts as a JSON string.
_POLICY_KEYS = frozenset(
    {"PolicyDocument", "AssumeRolePolicyDocument", "KeyPolicy", "AccessPolicies", "FileSystemPolicy", "PolicyText"}
)


def _json_policies(value: Any, depth: int = 0) -> Any:
    """``value`` with every policy document written as a JSON string (``PolicyDocument: |`` followed by JSON)
    turned into the mapping it spells, so the mapper reads it as it reads one written in YAML."""
    if depth > 12:
        return value
    if isinstance(value, list):
        return [_json_policies(item, depth + 1) for item in value]
    if not isinstance(value, dict):
        return value
    result: dict[str, Any] = {}
    for key, item in value.items():
        if key in _POLICY_KEYS and isinstance(item, str) and item.lstrip().startswith("{"):
            try:
                parsed = json.loads(item)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                item = parsed
        result[key] = _json_policies(item, depth + 1)
    return result


def _refuse_control_characters(document: Document) -> None:
    """Names (logical ids, parameters, conditions, outputs) end up as labels and in terminal output: a control
    character in one is refused (CloudFormation allows only letters and digits there anyway)."""
    for section in ("Parameters", "Conditions", "Resources", "Outputs", "Mappings"):
        entries = document.data.get(section)
        if not isinstance(entries, dict):
            continue
        for name in entries:
            if isinstance(name, str) and printable(name, len(name) + 1) != name:
                reason = f"the name {printable(name, 80)} in {section} contains control characters"
                raise ImportSourceError(document.path, reason, document.line_of(section, name))


def _transforms(raw: Any) -> tuple[str, ...]:
    entries = raw if isinstance(raw, list) else [raw] if raw is not None else []
    names = []
    for entry in entries:
        name = entry.get("Name") if isinstance(entry, dict) else entry
        if isinstance(name, str):
            names.append(name)
    return tuple(names)


def _pseudo_parameters(region: str, stack_name: str) -> dict[str, tuple[Value, str]]:
    partition = "aws-cn" if region.startswith("cn-") else "aws-us-gov" if region.startswith("us-gov") else "aws"
    suffix = "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"
    stack_uuid = "00000000-0000-0000-0000-000000000000"
    stack_id = f"arn:{partition}:cloudformation:{region}:{ACCOUNT_ID}:stack/{stack_name}/{stack_uuid}"
    return {
        "AWS::Region": (region, f"AWS::Region is taken as {region}"),
        "AWS::AccountId": (ACCOUNT_ID, f"AWS::AccountId is taken as {ACCOUNT_ID}"),
        "AWS::StackName": (stack_name, f"AWS::StackName is taken as {stack_name} (the file's name)"),
        "AWS::StackId": (stack_id, "AWS::StackId is taken as a made-up stack id"),
        "AWS::Partition": (partition, f"AWS::Partition is taken as {partition}"),
        "AWS::URLSuffix": (suffix, f"AWS::URLSuffix is taken as {suffix}"),
        "AWS::NotificationARNs": ([], "AWS::NotificationARNs is taken as an empty list"),
    }


def _depends_on(
    raw: Any, logical_id: str, created: Mapping[str, Any], not_created: Mapping[str, str], evaluator: Evaluator
) -> tuple[str, ...]:
    names = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    kept: list[str] = []
    for name in names:
        if isinstance(name, str) and name in created:
            kept.append(name)
        elif not (isinstance(name, str) and name in not_created):
            text = printable(str(name), 80)
            evaluator.report(logical_id, "DependsOn", f"DependsOn {text}", f"{text} is not a resource of the template")
    return tuple(dict.fromkeys(kept))


def _refuse_cycles(template: Template, line_of: Any) -> None:
    """Raise for a circular dependency among the resources (``DependsOn`` and references), naming the cycle."""
    edges = {
        logical_id: list(
            dict.fromkeys(
                [*resource.depends_on, *(ref.logical_id for ref in refs_in(resource.properties))]
            )
        )
        for logical_id, resource in template.resources.items()
    }
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in edges:
        if start in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                path.append(node)
            targets = edges.get(node, [])
            if index < len(targets):
                stack.append((node, index + 1))
                target = targets[index]
                if target not in edges or state.get(target) == 2:
                    continue
                if state.get(target) == 1:
                    cycle = path[path.index(target) :] + [target]
                    raise ImportSourceError(
                        template.path, f"circular dependency between resources: {' -> '.join(cycle)}", line_of(target)
                    )
                stack.append((target, 0))
            else:
                state[node] = 2
                path.pop()
