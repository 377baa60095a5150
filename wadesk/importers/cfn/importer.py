"""The CloudFormation front end's entry: an evaluated template becomes the import layer's intermediate form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wadesk.importers.cfn import (
    flows,
    mapping_apis,
    mapping_compute,
    mapping_containers,
    mapping_data,
    mapping_devtools,
    mapping_discovery,
    mapping_ecr,
    mapping_edge,
    mapping_iam,
    mapping_interfaces,
    mapping_network,
    mapping_services,
    mapping_storage,
)
from wadesk.importers.cfn.mapping import HandlerTable
from wadesk.importers.cfn.unknowns import map_marking_unknowns
from wadesk.importers.cfn.values import Template
from wadesk.importers.ir import ImportedDesign

#: Every resource type the importer knows, by service family.
TABLES: tuple[HandlerTable, ...] = (
    mapping_network.HANDLERS,
    mapping_compute.HANDLERS,
    mapping_interfaces.HANDLERS,
    mapping_containers.HANDLERS,
    mapping_ecr.HANDLERS,
    mapping_discovery.HANDLERS,
    mapping_iam.HANDLERS,
    mapping_data.HANDLERS,
    mapping_storage.HANDLERS,
    mapping_edge.HANDLERS,
    mapping_apis.HANDLERS,
    mapping_services.HANDLERS,
    mapping_devtools.HANDLERS,
)
FINISHERS = (
    mapping_network.finish_networks,
    flows.finish_placement,
    mapping_edge.finish_load_balancers,
    mapping_edge.finish_classic,
    mapping_edge.finish_outside_targets,
    mapping_apis.finish_apis,
    mapping_edge.finish_waf,
    mapping_iam.finish_roles,
    mapping_devtools.finish_pipelines,
    flows.finish_flows,
)


def known_types() -> list[str]:
    """Every CloudFormation resource type with a mapping (drawn as a kind or folded into one)."""
    return sorted({name for table in TABLES for name in table})


def map_template(template: Template) -> ImportedDesign:
    """The intermediate form of an evaluated template."""
    return map_marking_unknowns(template, TABLES, FINISHERS)


def import_template(
    path: str | Path, parameters: dict[str, Any] | None = None, *, region: str = "us-east-1"
) -> ImportedDesign:
    """Read, evaluate and map the template at ``path``.

    Raises:
        ImportSourceError: the file cannot be read or is not a usable template.
    """
    from wadesk.importers.cfn.template import load_template

    return map_template(load_template(path, parameters, region=region))
