"""The Terraform front end's entry: a plan or a configuration becomes the import layer's intermediate form.

The source is read (``plan.py`` or ``config.py``), its resources are given the CloudFormation shape
(``translate.py``) and mapped by the same mapping as templates, so kinds, folding, containment, flows and the
report follow one set of rules. Then what only Terraform has is added: each node's ``.tf`` file and line,
placeholder VPCs and subnets for the modules that are not on disk (and a placeholder node for a well-known registry
module whose name says what it makes, ``modules.py``), the resources of other providers and those ``count = 0``
leaves out, and every value that could not be evaluated.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from wadesk.importers.cfn import values as cfn
from wadesk.importers.cfn.importer import FINISHERS, TABLES
from wadesk.importers.cfn.mapping import CfnMapper
from wadesk.importers.cfn.unknowns import map_marking_unknowns
from wadesk.importers.ir import ImportedDesign, ImportedNode, ReportEntry, SourceLocation, UnresolvedEntry
from wadesk.importers.sniff import looks_like_terraform as looks_like_terraform
from wadesk.importers.terraform.modules import module_kind, module_resource
from wadesk.importers.terraform.secrets import SECRET_ATTRIBUTES
from wadesk.importers.terraform.translate import Context, Fold, Translation, placeholder_summary
from wadesk.importers.terraform.translate_types import TYPES
from wadesk.importers.terraform.values import ModulePlaceholder, TfResource, TfSource, Unresolved, classify_output

_SHAPE_ERRORS = (AttributeError, TypeError, ValueError, KeyError, IndexError)


def known_types() -> list[str]:
    """Every ``aws_*`` type with a mapping (drawn as a kind or folded into one)."""
    return sorted(TYPES)


def read_source(
    path: str | Path, variables: Mapping[str, str] | None = None, var_files: Sequence[str | Path] = ()
) -> TfSource:
    """Read a plan or a configuration (see :func:`import_terraform`)."""
    path = Path(path)
    if path.is_file() and path.suffix != ".tf" and not path.name.endswith(".tf.json"):
        from wadesk.importers.terraform.plan import read_plan

        return read_plan(path)  # read_plan says so when the file is not a plan
    # Only a configuration needs the HCL reader and its evaluator.
    from wadesk.importers.terraform.config import read_configuration

    return read_configuration(path, variables=variables, var_files=var_files)


def import_terraform(
    path: str | Path,
    variables: Mapping[str, str] | None = None,
    var_files: Sequence[str | Path] = (),
    *,
    region: str = "us-east-1",
) -> ImportedDesign:
    """Read and map a plan (``terraform show -json``), a ``.tf`` file or a folder of them.

    Raises:
        ImportSourceError: the source cannot be read (the message names the file, line and reason).
    """
    source = read_source(path, variables, var_files)
    design = map_source(source)
    design.region = region if region != "us-east-1" else source.region or _region_of_zones(source) or region
    return design


def _region_of_zones(source: TfSource) -> str | None:
    """The region most Availability Zone names of the source belong to (``eu-west-1a`` → ``eu-west-1``)."""
    counts: dict[str, int] = {}
    for resource in source.resources.values():
        zone = resource.values.get("availability_zone")
        match = re.fullmatch(r"([a-z]{2}(?:-gov)?-[a-z]+-\d)[a-z]", zone) if isinstance(zone, str) else None
        if match:
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def map_source(source: TfSource) -> ImportedDesign:
    """The intermediate form of a read source."""
    context = Context(source)
    resources: dict[str, cfn.Resource] = {}
    folds: list[tuple[TfResource, Fold]] = []
    notes: list[str] = []
    for resource in source.resources.values():
        translator = TYPES.get(resource.type)
        result: Translation | Fold | None = None
        if translator is not None:
            try:
                result = translator(context, resource)
            except _SHAPE_ERRORS as error:
                notes.append(f"{resource.address} ({resource.type}): not fully mapped ({error})")
        if isinstance(result, Fold):
            folds.append((resource, result))
            continue
        if result is None:
            result = Translation(resource.type)
        resources[resource.address] = _cfn_resource(resource, result.type, result.properties)
        for suffix, cfn_type, properties in result.extra:
            key = f"{resource.address}/{suffix}"
            resources[key] = _cfn_resource(resource, cfn_type, properties, key)
    folded = _apply_folds(source, resources, folds)
    modules = _module_placeholders(context, source, resources, notes)
    pristine = copy.deepcopy(resources) if modules else {}  # the mapping may change what it is given
    template = cfn.Template(path=source.path, resources=resources)
    design = map_marking_unknowns(template, TABLES, FINISHERS)
    design.name = source.path.stem if source.path.is_file() else source.path.resolve().name
    design.report.folded[:0] = folded
    _finish(design, source, notes)
    _mark_module_nodes(design, modules)
    _keep_what_module_inputs_say(design, context, source.path, pristine, modules)
    return design


def _module_placeholders(
    context: Context, source: TfSource, resources: dict[str, cfn.Resource], notes: list[str]
) -> dict[str, ModulePlaceholder]:
    """The resource each well-known registry module that is not on disk is built around (see ``modules.py``)."""
    drawn: dict[str, ModulePlaceholder] = {}
    for placeholder in source.placeholders.values():
        if placeholder.address in resources:
            continue
        made = _module_made(context, placeholder, notes)
        if made:
            resources.update(made)
            drawn[placeholder.address] = placeholder
    return drawn


def _module_made(context: Context, placeholder: ModulePlaceholder, notes: list[str]) -> dict[str, cfn.Resource]:
    """The resources standing for what one registry module makes (none when its name does not say)."""
    made = module_kind(placeholder)
    if made is None:
        return {}
    resource = module_resource(placeholder, made)
    try:
        result = TYPES[made.resource_type](context, resource)
    except _SHAPE_ERRORS as error:
        notes.append(f"{placeholder.address} ({placeholder.source}): not drawn ({error})")
        return {}
    if not isinstance(result, Translation):
        return {}
    out: dict[str, cfn.Resource] = {}
    properties = dict(result.properties)
    subnets = placeholder.inputs.get(made.subnet_group) if made.subnet_group else None
    if subnets is not None and not isinstance(subnets, Unresolved):
        # The module makes its own DB subnet group from these subnets.
        group = f"{placeholder.address}/subnet_group"
        out[group] = _cfn_resource(resource, "AWS::RDS::DBSubnetGroup", {"SubnetIds": context.value(subnets)}, group)
        properties["DBSubnetGroupName"] = cfn.ResourceRef(group)
    out[placeholder.address] = _cfn_resource(resource, result.type, properties)
    return out


def _keep_what_module_inputs_say(
    design: ImportedDesign,
    context: Context,
    path: Path,
    resources: dict[str, cfn.Resource],
    modules: dict[str, ModulePlaceholder],
) -> None:
    """A module node keeps only the properties its known inputs decide; the rest are left unknown.

    The mapping fills what a resource leaves out with AWS's defaults (an ``aws_db_instance`` without a subnet group
    is publicly accessible), but a module decides those settings itself, so they are not facts of the design. The
    source is mapped twice more: with the modules given no inputs, and with every true/false input flipped. A
    property that comes out the same whatever the inputs is the mapping's default, not something the source says
    (the second run tells an input that happens to equal that default, such as ``engine = "mysql"``).
    """
    if not modules:
        return
    variants = [
        {address: replace(placeholder, inputs={}) for address, placeholder in modules.items()},
        {address: replace(placeholder, inputs={name: _other_value(value) for name, value in placeholder.inputs.items()})
         for address, placeholder in modules.items()},
    ]
    mapped = []
    for variant in variants:
        changed = {key: value for key, value in copy.deepcopy(resources).items()
                   if key.split("/", 1)[0] not in modules}
        for placeholder in variant.values():
            changed.update(_module_made(context, placeholder, []))
        run = CfnMapper(cfn.Template(path=path, resources=changed), TABLES, FINISHERS).run()
        mapped.append({address: dict(run.nodes[address].props) for address in modules if address in run.nodes})
    for address in modules:
        node = design.nodes.get(address)
        others = [run[address] for run in mapped if address in run]
        if node is None or not others:
            continue  # nothing to compare with: what was mapped stays
        node.props = {
            name: value for name, value in node.props.items()
            if any(name not in other or other[name] != value for other in others)
        }


def _other_value(value: object) -> object:
    """A different value of the same type (true for false, ``"mysql"`` → ``"mysql_"``, 3 → 4); others unchanged."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return f"{value}_"
    return value


def _mark_module_nodes(design: ImportedDesign, modules: dict[str, ModulePlaceholder]) -> None:
    """Module nodes are placeholders (their settings are not judged), named and located by their module block."""
    report = design.report
    for address, placeholder in modules.items():
        node = design.nodes.get(address)
        if node is None:
            continue
        node.placeholder = True
        node.label = f"{address} ({placeholder.source})"
        node.source_type = placeholder.source
        if placeholder.file is not None:
            node.location = SourceLocation(str(placeholder.file), placeholder.line)
        for entries in (report.mapped, report.folded):
            entries[:] = [ReportEntry(e.key, f"module {placeholder.source}", e.detail) if e.key == address else e
                          for e in entries]


#: Properties that name subnets or a VPC, and how an id of one the source does not create looks.
_NETWORK_KEYS = {
    "SubnetId": "subnet", "SubnetIds": "subnet", "Subnets": "subnet", "VPCZoneIdentifier": "subnet",
    "ClientSubnets": "subnet", "VpcId": "vpc",
}
_EXISTING_ID = {"subnet": re.compile(r"subnet-[0-9a-f]{8,17}"), "vpc": re.compile(r"vpc-[0-9a-f]{8,17}")}
_AWS_TYPE = {"subnet": "AWS::EC2::Subnet::Id", "vpc": "AWS::EC2::VPC::Id"}


def _existing_networks(value: object, kind: str | None = None) -> object:
    """Ids of subnets and VPCs that exist outside the source (``subnet-0abc...`` written in a plan or a variable)
    become external values, so the mapping draws them as placeholder containers instead of dropping them."""
    if isinstance(value, dict):
        return {key: _existing_networks(item, _NETWORK_KEYS.get(key)) for key, item in value.items()}
    if isinstance(value, list):
        return [_existing_networks(item, kind) for item in value]
    if kind is not None and isinstance(value, str) and _EXISTING_ID[kind].fullmatch(value):
        return cfn.External(value, "parameter", _AWS_TYPE[kind])
    return value


def _cfn_resource(resource: TfResource, cfn_type: str, properties: dict[str, object], key: str = "") -> cfn.Resource:
    properties = _existing_networks(properties)  # type: ignore[assignment]
    return cfn.Resource(
        logical_id=key or resource.address,
        type=cfn_type,
        properties={name: value for name, value in properties.items() if value is not None},
        line=resource.line,
        depends_on=resource.depends_on,
        secret_origins={
            SECRET_ATTRIBUTES[resource.type][path]: origin
            for path, origin in resource.secret_origins.items()
            if path in SECRET_ATTRIBUTES.get(resource.type, {})
        },
    )


def _apply_folds(
    source: TfSource, resources: dict[str, cfn.Resource], folds: list[tuple[TfResource, Fold]]
) -> list[ReportEntry]:
    entries: list[ReportEntry] = []
    for resource, fold in folds:
        wanted = fold.target if isinstance(fold.target, list) else [fold.target]
        targets = [target for target in (_fold_target(source, resources, item) for item in wanted) if target]
        if not targets:
            entries.append(ReportEntry(resource.address, resource.type, "nothing drawn (its target is not here)"))
            continue
        for target in dict.fromkeys(targets):
            try:
                fold.apply(resources[target].properties)
            except _SHAPE_ERRORS:
                pass
        entries.append(ReportEntry(resource.address, resource.type, targets[0]))
    return entries


def _fold_target(source: TfSource, resources: dict[str, cfn.Resource], value: object) -> str | None:
    """The resource a folded one configures: a reference, or a known name or id (a plan's bucket name)."""
    if isinstance(value, cfn.ResourceRef):
        return value.logical_id if value.logical_id in resources else None
    if isinstance(value, cfn.Interpolated):
        refs = cfn.refs_in(value)
        return refs[0].logical_id if len(refs) == 1 and refs[0].logical_id in resources else None
    if isinstance(value, str) and value:
        for address, resource in source.resources.items():
            if address in resources and value in {
                resource.values.get(key) for key in ("id", "bucket", "name", "arn", "function_name")
            }:
                return address
    return None


def _finish(design: ImportedDesign, source: TfSource, notes: list[str]) -> None:
    report = design.report
    report.source = str(source.path)
    for node in design.nodes.values():
        base = node.key.split("/", 1)[0]
        resource = source.resources.get(base)
        if resource is not None:
            node.location = SourceLocation(str(resource.file or source.path), resource.line)
            node.source_type = resource.type if node.key == base else node.source_type
    _placeholder_networks(design, source)
    existing = [node for node in design.nodes.values() if node.placeholder and _is_existing_id(node.key)]
    for node in existing:
        node.label = f"{node.key} (exists outside this source)"
    if existing:
        names = ", ".join(node.key for node in existing[:6]) + (" ..." if len(existing) > 6 else "")
        report.assume(f"Subnets and VPCs named by id that this source does not create ({names}) are drawn as "
                      "placeholder containers")
    for entries in (report.mapped, report.folded, report.generic, report.omitted):
        entries[:] = [_terraform_entry(entry, source) for entry in entries]
    # The mapping's words for a template's parameters; a module placeholder is stated below in Terraform's terms.
    report.assumptions[:] = [text for text in report.assumptions if "outside the template" not in text]
    for item in source.skipped:
        entry = ReportEntry(item.address, item.type, item.reason)
        (report.skipped if item.reason.startswith("not created") else report.omitted).append(entry)
    for value in source.unresolved:
        report.unresolved.append(UnresolvedEntry(value.address, value.attribute, value.expression, value.reason))
    summaries = [placeholder_summary(placeholder, design.nodes) for placeholder in source.placeholders.values()]
    for text in [*source.assumptions, *notes, *summaries]:
        report.assume(text)


def _is_existing_id(key: str) -> bool:
    return any(pattern.fullmatch(key) for pattern in _EXISTING_ID.values())


def _terraform_entry(entry: ReportEntry, source: TfSource) -> ReportEntry:
    """A report entry named by the Terraform type (the mapping names the CloudFormation type it was given)."""
    resource = source.resources.get(entry.key.split("/", 1)[0])
    if resource is None:
        return entry
    return ReportEntry(entry.key, resource.type, entry.detail)


def _placeholder_networks(design: ImportedDesign, source: TfSource) -> None:
    """Placeholder subnets of a module sit in that module's placeholder VPC; public tiers are public."""
    modules = sorted(source.placeholders, key=len, reverse=True)
    for node in list(design.nodes.values()):
        if not node.placeholder:
            continue
        module = next((name for name in modules if node.key.startswith(f"{name}.")), None)
        if module is None:
            continue
        placeholder = source.placeholders[module]
        output = node.key[len(module) + 1:].split("[", 1)[0]
        node.source_type = placeholder.source
        if node.kind == "vpc":
            node.label = f"{module} VPC ({placeholder.source})"
            continue
        if node.kind != "subnet":
            continue
        role = placeholder.outputs.get(output) or classify_output(output)
        node.label = f"{module} {output}"
        if role.tier is not None:
            node.public = role.tier == "public"
        vpc_key = f"{module}.vpc_id"
        if vpc_key not in design.nodes:
            design.add(ImportedNode(
                key=vpc_key, kind="vpc", label=f"{module} VPC ({placeholder.source})", placeholder=True,
                source_type=placeholder.source,
                location=SourceLocation(str(placeholder.file), placeholder.line) if placeholder.file else None,
            ))
        node.vpc = vpc_key
