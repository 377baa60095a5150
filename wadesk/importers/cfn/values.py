"""What a CloudFormation template says once its intrinsic functions are evaluated.

The template reader (``template.py``) produces these types; the mapping onto catalog kinds reads them. A
property value is plain JSON data (``None``, ``bool``, ``int``, ``float``, ``str``, lists and dicts of string
keys) where the template lets it be computed, and one of the marker types below where it cannot be: a
reference to another resource of the same template, a value that comes from outside the template, a string
assembled from such parts, or a value that could not be resolved (with the reason, for the import report).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

from wadesk.importers.walk import distinct, walk_values


@dataclass(frozen=True)
class ResourceRef:
    """``Ref`` or ``Fn::GetAtt`` naming another resource of the template.

    Attributes:
        logical_id: the referenced resource's logical id.
        attribute: the ``Fn::GetAtt`` attribute (``"Arn"``, ``"GroupId"``...), or None for ``Ref``.
    """

    logical_id: str
    attribute: str | None = None

    def __str__(self) -> str:
        return f"${{{self.logical_id}.{self.attribute}}}" if self.attribute else f"${{{self.logical_id}}}"


@dataclass(frozen=True)
class External:
    """A value that comes from outside the template: ``Fn::ImportValue``, or a parameter that names existing AWS
    resources (type ``AWS::EC2::VPC::Id``, ``AWS::EC2::Subnet::Id``, ``List<AWS::EC2::Subnet::Id>``...) and was
    given no value on the command line.

    Attributes:
        name: the export name (for ``ImportValue``) or the parameter's name.
        source: ``"import"``, ``"parameter"``, ``"literal"`` (an existing VPC or subnet named by its id) or
            ``"nested"`` (an output of a nested stack).
        aws_type: the parameter's type (``"AWS::EC2::VPC::Id"``...), or None for an import.
        index: for a list parameter given no value (``List<AWS::EC2::Subnet::Id>``...), which of the two
            placeholder items this is (0 or 1); None otherwise. See ``parameters.py``.
    """

    name: str
    source: str
    aws_type: str | None = None
    index: int | None = None

    def __str__(self) -> str:
        return f"${{{self.name}}}" if self.index is None else f"${{{self.name}[{self.index}]}}"


@dataclass(frozen=True)
class Unresolved:
    """A value the reader could not compute, with why; the import report lists it with the resource's id.

    Attributes:
        expression: a short text of the intrinsic function that could not be evaluated.
        reason: why, in words a user reads in the report.
        chosen_by_aws: the source does not set the value and AWS picks it when the resource is created (a plan's
            attribute known after apply that its configuration leaves out): the catalog's default, which says
            what AWS does then, stands for it, so the setting is not unknown.
    """

    expression: str
    reason: str
    chosen_by_aws: bool = False

    def __str__(self) -> str:
        # A parameter with no value reads as the template writes it inside a Sub (``${ParentVPCStack}-VPC``).
        name = self.expression[4:] if self.expression.startswith("Ref ") else ""
        if name and all(part.isalnum() for part in name.split("::")):
            return f"${{{name}}}"
        return f"<{self.expression}>"


@dataclass(frozen=True)
class Interpolated:
    """A string assembled (``Fn::Sub``, ``Fn::Join``) from text and parts that are not plain strings.

    ``str()`` gives the text with each part in ``${...}`` form; ``refs_in`` finds the references inside, so an
    IAM policy's ``arn:aws:s3:::${Bucket}/*`` still names the bucket.
    """

    parts: tuple[str | ResourceRef | External | Unresolved, ...]

    def __str__(self) -> str:
        return "".join(str(part) for part in self.parts)


#: A template value after evaluation: JSON data, or one of the markers above anywhere inside it.
Value: TypeAlias = Any


def walk(value: Value) -> Iterator[Value]:
    """Every value inside ``value`` (itself included), depth first: list items, dict values, interpolated parts."""
    return walk_values(value, _parts)


def _parts(value: Value) -> tuple[Value, ...]:
    return value.parts if isinstance(value, Interpolated) else ()


def refs_in(value: Value) -> list[ResourceRef]:
    """The resource references anywhere inside ``value``, in order, without repeats."""
    return distinct(walk(value), ResourceRef)


def externals_in(value: Value) -> list[External]:
    """The outside values (imports, AWS-typed parameters) anywhere inside ``value``, in order, without repeats."""
    return distinct(walk(value), External)


@dataclass(frozen=True)
class UnresolvedValue:
    """One value that could not be resolved, for the import report.

    Attributes:
        logical_id: the resource (or ``"Outputs"``, ``"Conditions"``...) it belongs to.
        path: where inside the resource, such as ``"Properties.SecurityGroupIngress[0].CidrIp"``.
        expression: the intrinsic function, in short.
        reason: why it could not be evaluated.
    """

    logical_id: str
    path: str
    expression: str
    reason: str


@dataclass
class Resource:
    """One resource the template creates under the parameters given.

    Attributes:
        logical_id: its key under ``Resources``.
        type: ``AWS::EC2::Instance``, ``AWS::Serverless::Function`` (only before SAM expansion)...
        properties: ``Properties`` after evaluation; a property whose value was ``AWS::NoValue`` is absent.
        line: 1-based line of the resource's key in the file (None for resources a SAM transform generated).
        depends_on: ``DependsOn``, as a tuple of logical ids.
        metadata: ``Metadata`` after evaluation (``{}`` when absent).
        generated_from: for a resource that a SAM transform generated, the logical id of the SAM resource
            it came from (its line is that resource's line); None otherwise.
        condition: the name of the ``Condition`` that created it (it held), or None.
        deletion_policy: ``DeletionPolicy`` after evaluation (``"Retain"``, ``"Snapshot"``...), or None when absent
            (CloudFormation then deletes, and takes a snapshot for some database types).
        update_replace_policy: ``UpdateReplacePolicy`` after evaluation, or None when absent.
        secret_origins: where each secret property it sets comes from (a master password: ``"literal"``,
            ``"default"``, ``"deploy_input"``, ``"secret_store"``...), by dotted property path; see ``secrets.py``.
    """

    logical_id: str
    type: str
    properties: dict[str, Value] = field(default_factory=dict)
    line: int | None = None
    depends_on: tuple[str, ...] = ()
    metadata: dict[str, Value] = field(default_factory=dict)
    generated_from: str | None = None
    condition: str | None = None
    deletion_policy: str | None = None
    update_replace_policy: str | None = None
    secret_origins: dict[str, str] = field(default_factory=dict)


@dataclass
class Template:
    """A CloudFormation template evaluated under a set of parameter values.

    Attributes:
        path: the file it was read from.
        description: the template's ``Description``, if any.
        resources: the resources it creates, by logical id, in file order.
        skipped: resources not created because their ``Condition`` is false: logical id -> condition name.
        unresolved: every value that could not be resolved.
        parameters: each parameter's value as used (a default, a value given, or an ``External``).
        assumptions: what the reader assumed, in words (``"AWS::Region is taken as us-east-1"``...).
        transforms: the template's ``Transform`` names (``"AWS::Serverless-2016-10-31"``...).
        outputs: ``Outputs`` after evaluation, by name (each output's ``Value``).
        conditions: every condition of ``Conditions`` and its value under these parameters.
        lines: 1-based lines of keys in the file: ``lines[""]`` the top-level sections, ``lines["Parameters"]``,
            ``lines["Resources"]``, ``lines["Outputs"]``... the entries of each section (empty for
            resources a SAM transform generated: use ``Resource.line``).
    """

    path: Path
    description: str | None = None
    resources: dict[str, Resource] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    unresolved: list[UnresolvedValue] = field(default_factory=list)
    parameters: dict[str, Value] = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)
    transforms: tuple[str, ...] = ()
    outputs: dict[str, Value] = field(default_factory=dict)
    conditions: dict[str, bool] = field(default_factory=dict)
    lines: dict[str, dict[str, int]] = field(default_factory=dict)
