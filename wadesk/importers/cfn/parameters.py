"""Template parameters: the values given on the command line or in a file, checked against what the template
declares, with defaults, placeholders for AWS-typed parameters and the pseudo parameters.

A parameter's value, as ``Ref`` gives it to the rest of the template:

- ``String`` and the other text types: the text; ``Number``: an int or a float; ``CommaDelimitedList``,
  ``List<Number>`` and ``List<AWS::...>``: a list.
- ``AWS::SSM::Parameter::Value<...>``: always ``External(name, "parameter", type)``: its default is the key of an
  SSM parameter read at deploy time, not the value.
- An AWS-specific type (``AWS::EC2::VPC::Id``, ``AWS::EC2::Subnet::Id``, ``AWS::EC2::KeyPair::KeyName``...) given
  no value and having no default: ``External(name, "parameter", type)``. A list of them
  (``List<AWS::EC2::Subnet::Id>``...) becomes TWO externals, ``External(name, "parameter", type, index=0)`` and
  ``index=1``: such lists name at least two subnets or groups in practice (a load balancer needs two zones), so a
  mapper can draw two placeholder subnets and ``!Select [1, !Ref Subnets]`` differs from ``!Select [0, ...]``
  (``!Select [2, ...]`` gives ``index=2``).
- An Availability Zone name type given nothing: the zone placeholders ``"AZ 1"`` (and ``"AZ 2"`` for a list), the
  same strings ``Fn::GetAZs`` gives.
- Any other parameter with neither a value nor a default: ``Unresolved``, listed in the report under
  ``"Parameters"``; the import goes on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wadesk.importers.cfn.values import External, Unresolved, UnresolvedValue, Value
from wadesk.importers.errors import ImportSourceError, printable

#: The account id, the Availability Zone placeholders and the stack name the reader assumes.
ACCOUNT_ID = "123456789012"
ZONE_PLACEHOLDERS = ("AZ 1", "AZ 2", "AZ 3")

_PARAMETER_FILE_LIMIT = 1024 * 1024


def read_parameter_file(path: str | Path) -> dict[str, str]:
    """Parameter values from a JSON (or YAML) file, for ``--params FILE``.

    Accepted forms: the AWS CLI's ``[{"ParameterKey": k, "ParameterValue": v}, ...]``; the template
    configuration file of CodePipeline and rain, ``{"Parameters": {k: v}, ...}``; and a plain ``{k: v}`` object.
    Numbers and booleans become text; a list becomes comma-separated text (for list parameters).

    Raises:
        ImportSourceError: the file cannot be read or has none of these forms.
    """
    path = Path(path)
    from wadesk.importers.cfn.document import decode_source, read_bytes_capped

    text = decode_source(path, read_bytes_capped(path, _PARAMETER_FILE_LIMIT))
    data: Any
    if path.suffix.lower() in (".yaml", ".yml"):
        from wadesk.importers.cfn.document import read_document

        data = read_document(path).data
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            reason = f"invalid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
            raise ImportSourceError(path, reason, error.lineno) from None
        except RecursionError:
            raise ImportSourceError(path, "the JSON nests too deeply") from None
    pairs: dict[str, Any]
    if isinstance(data, list):
        pairs = {}
        for position, entry in enumerate(data):
            if not (isinstance(entry, dict) and isinstance(entry.get("ParameterKey"), str)):
                raise ImportSourceError(path, f"entry {position} has no ParameterKey")
            if "ParameterValue" not in entry:
                raise ImportSourceError(path, f"parameter {entry['ParameterKey']!r} has no ParameterValue")
            pairs[entry["ParameterKey"]] = entry["ParameterValue"]
    elif isinstance(data, dict) and isinstance(data.get("Parameters"), dict):
        pairs = data["Parameters"]
    elif isinstance(data, dict):
        pairs = data
    else:
        raise ImportSourceError(path, "expected a list of ParameterKey/ParameterValue entries or an object")
    result: dict[str, str] = {}
    for key, value in pairs.items():
        text_value = _as_text(value)
        if text_value is None:
            raise ImportSourceError(path, f"parameter {printable(str(key), 80)!r} has a value that is not text")
        result[str(key)] = text_value
    return result


def _as_text(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list) and all(_as_text(item) is not None and not isinstance(item, list) for item in value):
        return ",".join(str(_as_text(item)) for item in value)
    return None


def is_list_type(aws_type: str) -> bool:
    """Whether a parameter of this type is a list (``CommaDelimitedList``, ``List<...>``)."""
    return aws_type == "CommaDelimitedList" or aws_type.startswith("List<")


def resolve_parameters(
    declared: Any,
    given: Mapping[str, str],
    *,
    source: Path,
    lines: Mapping[str, int],
) -> tuple[dict[str, Value], list[str], list[UnresolvedValue]]:
    """Each declared parameter's value: the one given, else its default, else a placeholder (see the module).

    Args:
        declared: the template's ``Parameters`` section.
        given: values from the command line or a parameter file.
        source: the template, for errors.
        lines: the line of each parameter's key.

    Returns:
        The values by name, the assumptions made (in words) and the parameters left unresolved.

    Raises:
        ImportSourceError: a value given for a parameter the template does not declare, a value that is not a
            number for a ``Number``, or one outside ``AllowedValues``.
    """
    if declared is None:
        declared = {}
    if not isinstance(declared, dict):
        raise ImportSourceError(source, "Parameters must be a mapping of parameter names")
    unknown = sorted(set(given) - set(declared))
    if unknown:
        names = ", ".join(sorted(map(str, declared))) or "none"
        raise ImportSourceError(
            source, f"no parameter named {', '.join(map(repr, unknown))} in the template (its parameters: {names})"
        )
    values: dict[str, Value] = {}
    assumptions: list[str] = []
    unresolved: list[UnresolvedValue] = []
    for name, spec in declared.items():
        name = str(name)
        spec = spec if isinstance(spec, dict) else {}
        declared_type = spec.get("Type")
        aws_type: str = declared_type if isinstance(declared_type, str) else "String"
        line = lines.get(name)
        if aws_type.startswith("AWS::SSM::Parameter::Value<"):
            values[name] = External(name, "parameter", aws_type)
            key = given.get(name, spec.get("Default"))
            assumptions.append(
                f"Parameter {name} is read from SSM parameter {printable(str(key), 120)!r} at deploy time; "
                "it is taken as a value from outside the template"
            )
            continue
        if name in given:
            text = given[name]
        elif "Default" in spec and spec["Default"] is not None:
            text = _as_text(spec["Default"]) or ""
        else:
            placeholder = _placeholder(name, aws_type)
            if placeholder is not None:
                values[name] = placeholder
                assumptions.append(_placeholder_assumption(name, aws_type, placeholder))
            else:
                reason = f"parameter {name} has no Default and no value was given (--param {name}=VALUE)"
                values[name] = Unresolved(f"Ref {name}", reason)
                unresolved.append(UnresolvedValue("Parameters", name, f"Ref {name}", reason))
            continue
        values[name] = _typed_value(name, aws_type, text, spec, source, line)
    return values, assumptions, unresolved


def _placeholder(name: str, aws_type: str) -> Value | None:
    inner = aws_type[5:-1] if aws_type.startswith("List<") and aws_type.endswith(">") else aws_type
    listed = inner != aws_type
    if inner == "AWS::EC2::AvailabilityZone::Name":
        return list(ZONE_PLACEHOLDERS[:2]) if listed else ZONE_PLACEHOLDERS[0]
    if not inner.startswith("AWS::"):
        return None
    if listed:
        return [External(name, "parameter", aws_type, index=0), External(name, "parameter", aws_type, index=1)]
    return External(name, "parameter", aws_type)


def _placeholder_assumption(name: str, aws_type: str, placeholder: Value) -> str:
    if isinstance(placeholder, External) or (isinstance(placeholder, list) and isinstance(placeholder[0], External)):
        count = " (two of them)" if isinstance(placeholder, list) else ""
        return (
            f"Parameter {name} ({aws_type}) was given no value: it names existing resources{count} outside the template"
        )
    return f"Parameter {name} ({aws_type}) was given no value: zone placeholders {placeholder!r} are used"


def _typed_value(name: str, aws_type: str, text: str, spec: dict[str, Any], source: Path, line: int | None) -> Value:
    items = [item.strip() for item in text.split(",")] if is_list_type(aws_type) else [text]
    allowed = spec.get("AllowedValues")
    if isinstance(allowed, list) and allowed:
        allowed_texts = [_as_text(item) for item in allowed]
        for item in items:
            if item not in allowed_texts:
                raise ImportSourceError(
                    source,
                    f"parameter {name}: {printable(item, 80)!r} is not one of its AllowedValues "
                    f"({', '.join(printable(str(value), 40) for value in allowed_texts)})",
                    line,
                )
    if aws_type in ("Number", "List<Number>"):
        numbers = [_number(name, item, source, line) for item in items]
        return numbers if aws_type == "List<Number>" else numbers[0]
    return items if is_list_type(aws_type) else text


def _number(name: str, text: str, source: Path, line: int | None) -> int | float:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        raise ImportSourceError(source, f"parameter {name}: {printable(text, 80)!r} is not a number", line) from None
