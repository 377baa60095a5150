"""What a Terraform plan or configuration says once it is read and evaluated: the front end's contract.

The plan reader (``plan.py``) and the configuration reader (``config.py``) produce a :class:`TfSource`; the mapping
of ``aws_*`` types onto catalog kinds reads it. A resource's attribute value is plain JSON data (``None``,
``bool``, ``int``, ``float``, ``str``, lists and dicts of string keys) wherever it is known, and one of the
marker types below where it is not:

- :class:`TfRef`: the value is an attribute of another resource or data source of the same source
  (``vpc_id = aws_vpc.main.id`` gives ``TfRef("aws_vpc.main", "id")``), so containment and flows are known
  even though the real id exists only after apply. Its address always names one instance
  (``aws_subnet.private[0]``); a reference to every instance of a ``count`` or ``for_each`` resource
  (``aws_subnet.private[*].id``) is a list of one ``TfRef`` per instance.
- :class:`ModuleOutput`: an output of a module that is not on disk (a registry module such as
  ``terraform-aws-modules/vpc/aws``): ``module.vpc.private_subnets`` gives
  ``ModuleOutput("module.vpc", "private_subnets")``; its :class:`ModulePlaceholder` says what the output names.
- :class:`Unknown`: a value known only after apply that names nothing else in the source (an instance's
  ``arn``, a generated name).
- :class:`Unresolved`: an expression the reader could not evaluate, with why; it keeps the references it
  mentions (``refs``), so ``concat(module.vpc.public_subnets, [aws_subnet.extra.id])`` still points at both.
  Each one is also listed in :attr:`TfSource.unresolved` with the resource and attribute it belongs to.
- :class:`Interpolated`: a string assembled from text and markers (``"${aws_s3_bucket.web.arn}/*"``).

Nested blocks (``ingress { ... }``, ``root_block_device { ... }``) are lists of dicts, as in a plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

from wadesk.importers.walk import distinct, walk_values

#: The key of one instance of a resource with ``count`` (an int) or ``for_each`` (a string); None for neither.
InstanceKey: TypeAlias = int | str | None


@dataclass(frozen=True)
class TfRef:
    """A reference to another resource or data source of the source: ``aws_vpc.main.id``.

    Attributes:
        address: the referenced instance's full address, module path and key included
            (``"aws_vpc.main"``, ``"module.vpc.aws_subnet.private[0]"``, ``"data.aws_ami.ubuntu"``).
        attribute: the attribute named (``"id"``, ``"arn"``, ``"name"``...), or None when the reference names the
            whole object (plans written by Terraform 0.12 often give only the object).
    """

    address: str
    attribute: str | None = None

    def __str__(self) -> str:
        return f"${{{self.address}.{self.attribute}}}" if self.attribute else f"${{{self.address}}}"


@dataclass(frozen=True)
class ModuleOutput:
    """An output of a module that is not on disk (see :class:`ModulePlaceholder`).

    Attributes:
        module: the module call's address (``"module.vpc"``).
        output: the output's name (``"vpc_id"``, ``"private_subnets"``).
        key: the element taken from the output (``module.vpc.private_subnets[0]`` gives 0), or None for all of it.
    """

    module: str
    output: str
    key: int | str | None = None

    def __str__(self) -> str:
        suffix = "" if self.key is None else f"[{self.key!r}]"
        return f"${{{self.module}.{self.output}{suffix}}}"


@dataclass(frozen=True)
class Unknown:
    """A value known only after apply that refers to nothing else in the source.

    Attributes:
        reason: why, in words (``"known after apply"``).
        provider_default: the plan's configuration does not set the attribute, so the provider (AWS) picks it
            (a vault's or log group's default key); otherwise it comes from an expression the reader could not
            follow, or the plan has no configuration to tell.
    """

    reason: str = "known after apply"
    provider_default: bool = False

    def __str__(self) -> str:
        return "<known after apply>"


@dataclass(frozen=True)
class Unresolved:
    """An expression the reader could not evaluate; :attr:`TfSource.unresolved` lists it with its resource.

    Attributes:
        expression: the expression's text, in short (``"var.db_password"``, ``"file(\\"x.json\\")"``).
        reason: why, in words a user reads in the import report.
        refs: the references the expression mentions (:class:`TfRef` and :class:`ModuleOutput`), in order.
    """

    expression: str
    reason: str
    refs: tuple[TfRef | ModuleOutput, ...] = ()

    def __str__(self) -> str:
        return f"<{self.expression}>"


@dataclass(frozen=True)
class Interpolated:
    """A string assembled from text and parts that are not plain strings: ``"${aws_s3_bucket.web.arn}/*"``.

    ``str()`` gives the text with each part in ``${...}`` form; :func:`refs_in` finds the references inside.
    """

    parts: tuple[str | TfRef | ModuleOutput | Unknown | Unresolved, ...]

    def __str__(self) -> str:
        return "".join(str(part) for part in self.parts)


#: An attribute value: JSON data, or one of the markers above anywhere inside it.
Value: TypeAlias = Any

#: The markers a value can hold.
MARKERS = (TfRef, ModuleOutput, Unknown, Unresolved, Interpolated)


def is_known(value: Value) -> bool:
    """Whether ``value`` is plain data with no marker anywhere inside it."""
    return not any(isinstance(item, MARKERS) for item in walk(value))


def walk(value: Value) -> Iterator[Value]:
    """Every value inside ``value`` (itself included), depth first: list items, dict values, marker parts."""
    return walk_values(value, _parts)


def _parts(value: Value) -> tuple[Value, ...]:
    if isinstance(value, Interpolated):
        return tuple(value.parts)
    if isinstance(value, Unresolved):
        return tuple(value.refs)
    return ()


def refs_in(value: Value) -> list[TfRef]:
    """The resource references anywhere inside ``value`` (unresolved expressions included), in order, no repeats."""
    return distinct(walk(value), TfRef)


def module_outputs_in(value: Value) -> list[ModuleOutput]:
    """The placeholder-module outputs anywhere inside ``value``, in order, without repeats."""
    return distinct(walk(value), ModuleOutput)


@dataclass
class TfResource:
    """One instance of a resource or data source: ``count`` and ``for_each`` give one per key.

    Attributes:
        address: its full address (``"module.vpc.aws_subnet.private[0]"``, ``"aws_s3_bucket.logs"``,
            ``"data.aws_ami.ubuntu"``), the key the importer matches nodes by when it updates a design.
        type: the resource type (``"aws_subnet"``).
        name: the name in its block (``"private"``).
        module: the module path it lives in (``""`` for the root module, ``"module.vpc"``,
            ``"module.app.module.db"``, ``"module.svc[\\"a\\"]"`` for an instance of a module with for_each).
        index: its ``count`` index (int) or ``for_each`` key (str), None when it has neither.
        values: its attribute values (see the module docstring); nested blocks are lists of dicts.
        mode: ``"managed"`` for a resource, ``"data"`` for a data source.
        file: the ``.tf`` file its block is in, when the configuration was read (None for a plan).
        line: the 1-based line of its block in ``file``, when known.
        provider: the provider it belongs to (``"registry.terraform.io/hashicorp/aws"``, ``"aws"``), when known.
        depends_on: its ``depends_on`` addresses, as written (``"aws_iam_role_policy.x"``).
        secret_origins: where each secret attribute it sets comes from (``"literal"``, ``"default"``,
            ``"deploy_input"``, ``"generated"``, ``"secret_store"``), by dotted attribute path; see ``secrets.py``.
    """

    address: str
    type: str
    name: str
    module: str = ""
    index: InstanceKey = None
    values: dict[str, Value] = field(default_factory=dict)
    mode: Literal["managed", "data"] = "managed"
    file: Path | None = None
    line: int | None = None
    provider: str | None = None
    depends_on: tuple[str, ...] = ()
    secret_origins: dict[str, str] = field(default_factory=dict)

    @property
    def base_address(self) -> str:
        """Its address without the instance key: ``"module.vpc.aws_subnet.private"``."""
        prefix = f"{self.module}." if self.module else ""
        kind = "data." if self.mode == "data" else ""
        return f"{prefix}{kind}{self.type}.{self.name}"


@dataclass(frozen=True)
class SkippedResource:
    """A managed resource that is not drawn: its provider is not AWS (``random_id``, ``null_resource``, ``awscc_*``).

    Attributes:
        address: its full address.
        type: its type.
        reason: why it is not drawn, in words.
        file: the ``.tf`` file of its block, when known.
        line: the line of its block, when known.
    """

    address: str
    type: str
    reason: str
    file: Path | None = None
    line: int | None = None


#: What a placeholder module's output names: a VPC, subnets, security groups, or something else.
OutputRole: TypeAlias = Literal["vpc", "subnets", "security_groups", "other"]


@dataclass(frozen=True)
class PlaceholderOutput:
    """One output of a placeholder module that the source refers to.

    Attributes:
        name: the output's name (``"private_subnets"``).
        role: what it names, guessed from the name: ``"vpc"`` (``vpc_id``), ``"subnets"``
            (``public_subnets``, ``private_subnets``, ``database_subnets``, ``intra_subnets``, ``subnet_ids``...),
            ``"security_groups"`` (``security_group_id``, ``node_security_group_id``...), or ``"other"``.
        tier: for subnets, the tier the name gives (``"public"``, ``"private"``, ``"database"``, ``"intra"``,
            ``"elasticache"``, ``"redshift"``, ``"outpost"``), or None.
    """

    name: str
    role: OutputRole
    tier: str | None = None


@dataclass
class ModulePlaceholder:
    """A module call whose code is not on disk (a registry or remote module, or a local path that is missing).

    Its resources cannot be read; the mapper makes placeholder containers from the outputs that name a VPC or
    subnets, so the resources that use them still sit in a network.

    Attributes:
        address: the module call's address (``"module.vpc"``, ``"module.app.module.vpc"``).
        source: its ``source`` (``"terraform-aws-modules/vpc/aws"``, ``"../../"``).
        version: its ``version`` constraint, if any.
        reason: why its code was not read (``"registry module, not on disk"``).
        inputs: its arguments, evaluated (``name``, ``cidr``, ``azs``, ``private_subnets`` CIDR lists...).
        outputs: the outputs the source refers to, by name.
        file: the ``.tf`` file of the ``module`` block.
        line: the line of the ``module`` block.
    """

    address: str
    source: str
    version: str | None = None
    reason: str = ""
    inputs: dict[str, Value] = field(default_factory=dict)
    outputs: dict[str, PlaceholderOutput] = field(default_factory=dict)
    file: Path | None = None
    line: int | None = None

    @property
    def registry_name(self) -> str | None:
        """For a registry source ``NAMESPACE/NAME/PROVIDER`` (``terraform-aws-modules/vpc/aws``), ``NAME``."""
        parts = self.source.split("//", 1)[0].split("/")
        if len(parts) == 3 and not self.source.startswith((".", "/")) and ":" not in self.source:
            return parts[1]
        return None


@dataclass(frozen=True)
class UnresolvedValue:
    """One value that could not be evaluated, for the import report.

    Attributes:
        address: the resource, data source, module call, local or output it belongs to (``"aws_db_instance.db"``,
            ``"local.azs"``, ``"module.vpc"``).
        attribute: where inside it (``"password"``, ``"ingress[0].cidr_blocks"``, ``"count"``).
        expression: the expression, in short.
        reason: why it could not be evaluated.
        file: the ``.tf`` file, when known.
        line: the line of the block it is in, when known.
    """

    address: str
    attribute: str
    expression: str
    reason: str
    file: Path | None = None
    line: int | None = None


@dataclass
class TfSource:
    """A Terraform plan or configuration, read and evaluated.

    Attributes:
        path: the plan file, or the configuration's folder (or single ``.tf`` file) it was read from.
        kind: ``"plan"`` or ``"configuration"``.
        resources: the managed AWS resource instances (types ``aws_*``), by address, in source order.
        data_sources: the data source instances, by address: not drawn, but references to them resolve.
        skipped: the managed resources of other providers, listed and not drawn.
        placeholders: the module calls whose code is not on disk, by address.
        unresolved: every value that could not be evaluated, with where it is.
        assumptions: what the reader assumed, in words (``"data.aws_availability_zones.x.names is taken as three
            placeholder zones"``...).
        variables: the root module's input variables as used (a default, a ``.tfvars`` value, ``--var``).
        outputs: the root module's outputs, evaluated where they can be.
        terraform_version: the Terraform version that wrote the plan, for a plan.
        files: the ``.tf`` and ``.tfvars`` files read, for a configuration.
        region: the AWS provider's region where the source states it as a constant (None otherwise).
    """

    path: Path
    kind: Literal["plan", "configuration"]
    resources: dict[str, TfResource] = field(default_factory=dict)
    data_sources: dict[str, TfResource] = field(default_factory=dict)
    skipped: list[SkippedResource] = field(default_factory=list)
    placeholders: dict[str, ModulePlaceholder] = field(default_factory=dict)
    unresolved: list[UnresolvedValue] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    variables: dict[str, Value] = field(default_factory=dict)
    outputs: dict[str, Value] = field(default_factory=dict)
    terraform_version: str | None = None
    files: list[Path] = field(default_factory=list)
    region: str | None = None

    def resolve(self, ref: TfRef) -> TfResource | None:
        """The resource or data source a reference names, if the source has it."""
        return self.resources.get(ref.address) or self.data_sources.get(ref.address)


def is_aws_type(resource_type: str) -> bool:
    """Whether a resource type belongs to the AWS provider (``aws_*``; ``awscc_*`` is another provider)."""
    return resource_type.startswith("aws_")


def classify_output(name: str) -> PlaceholderOutput:
    """What a module output's name says it holds (``vpc_id`` → a VPC, ``private_subnets`` → private subnets)."""
    lowered = name.lower()
    if lowered in {"vpc_id", "id_vpc"} or (lowered.endswith("vpc_id") and "endpoint" not in lowered):
        return PlaceholderOutput(name, "vpc")
    if "security_group" in lowered and lowered.endswith(("_id", "_ids", "group", "groups")):
        return PlaceholderOutput(name, "security_groups")
    subnet_suffixes = ("_subnets", "_subnet_ids", "_subnet_id", "subnets", "subnet_ids")
    if lowered.endswith(subnet_suffixes) and "cidr" not in lowered and "group" not in lowered:
        tier = None
        for candidate in ("public", "private", "database", "intra", "elasticache", "redshift", "outpost"):
            if lowered.startswith(candidate):
                tier = candidate
                break
        return PlaceholderOutput(name, "subnets", tier)
    return PlaceholderOutput(name, "other")
