"""Registry modules whose source says what they make, drawn as one placeholder node of that kind.

A module of the ``terraform-aws-modules`` namespace is named after what it creates: ``terraform-aws-modules/eks/aws``
makes an EKS cluster, ``/rds/aws`` an RDS instance, ``/s3-bucket/aws`` a bucket. When its code is not on disk, the
importer cannot read those resources, but it can still draw the one thing the module is for, so the resources that
use it have something to connect to and the drawing is not missing its centre. The node is a placeholder: marked
``defined_elsewhere``, so no rule judges a setting the design does not know (the module's own defaults are not
AWS's). The module's inputs that name an attribute of that resource, and whose values are known, are read (a
cluster's version, the subnets it is placed in); the rest is left out, never guessed.

Modules of other namespaces and submodules (``terraform-aws-modules/iam/aws//modules/iam-user``) are not drawn:
their names do not promise one kind of resource.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wadesk.importers.terraform.values import ModulePlaceholder, TfResource, Unresolved

#: The registry namespace whose module names say what they make.
NAMESPACE = "terraform-aws-modules"


@dataclass(frozen=True)
class ModuleKind:
    """What one well-known module makes, and how its inputs read as that resource's attributes.

    Attributes:
        resource_type: the ``aws_*`` type the module is built around.
        inputs: module input -> attribute of that type; ``"vpc_config.subnet_ids"`` names an attribute of a nested
            block.
        subnet_group: the input holding the subnets the module puts in a DB subnet group of its own.
    """

    resource_type: str
    inputs: dict[str, str] = field(default_factory=dict)
    subnet_group: str | None = None


def _same(*names: str) -> dict[str, str]:
    return {name: name for name in names}


MODULE_KINDS: dict[str, ModuleKind] = {
    "eks": ModuleKind(
        "aws_eks_cluster",
        {"cluster_name": "name", "cluster_version": "version", "subnet_ids": "vpc_config.subnet_ids",
         "cluster_endpoint_public_access": "vpc_config.endpoint_public_access"},
    ),
    "rds": ModuleKind(
        "aws_db_instance",
        _same("engine", "engine_version", "instance_class", "multi_az", "storage_encrypted", "publicly_accessible",
              "backup_retention_period", "deletion_protection", "iam_database_authentication_enabled",
              "db_subnet_group_name", "vpc_security_group_ids"),
        subnet_group="subnet_ids",
    ),
    "rds-aurora": ModuleKind(
        "aws_rds_cluster",
        {**_same("engine", "engine_mode", "storage_encrypted", "backup_retention_period", "deletion_protection",
                 "iam_database_authentication_enabled", "db_subnet_group_name"),
         "vpc_security_group_ids": "vpc_security_group_ids"},
        subnet_group="subnets",
    ),
    "s3-bucket": ModuleKind("aws_s3_bucket", _same("bucket")),
    "lambda": ModuleKind(
        "aws_lambda_function",
        {**_same("function_name", "runtime", "memory_size", "timeout", "architectures", "package_type"),
         "vpc_subnet_ids": "vpc_config.subnet_ids"},
    ),
    "dynamodb-table": ModuleKind("aws_dynamodb_table", _same("name", "billing_mode")),
    "sqs": ModuleKind("aws_sqs_queue", _same("name", "fifo_queue")),
    "sns": ModuleKind("aws_sns_topic", _same("name", "fifo_topic")),
    "alb": ModuleKind("aws_lb", _same("name", "internal", "load_balancer_type", "subnets")),
    "elb": ModuleKind("aws_elb", _same("name", "internal", "subnets", "security_groups", "instances", "listener")),
    "ecs": ModuleKind("aws_ecs_cluster", {"cluster_name": "name"}),
    "efs": ModuleKind("aws_efs_file_system", _same("encrypted")),
    "ec2-instance": ModuleKind(
        "aws_instance",
        _same("instance_type", "ami", "subnet_id", "associate_public_ip_address", "monitoring"),
    ),
}


def module_kind(placeholder: ModulePlaceholder) -> ModuleKind | None:
    """What a module that is not on disk makes, when its source says so (see the module docstring)."""
    source = placeholder.source.split("?", 1)[0]
    if "//" in source or not source.startswith(f"{NAMESPACE}/"):
        return None
    name = placeholder.registry_name
    return MODULE_KINDS.get(name) if name else None


def module_resource(placeholder: ModulePlaceholder, made: ModuleKind) -> TfResource:
    """The resource a module is built around, with the attributes its known inputs give."""
    values: dict[str, Any] = {}
    for argument, attribute in made.inputs.items():
        value = placeholder.inputs.get(argument)
        if value is None or isinstance(value, Unresolved):
            continue
        block, _, name = attribute.partition(".")
        if name:
            nested = values.setdefault(block, [{}])
            nested[0][name] = value
        else:
            values[attribute] = value
    parent, _, call = placeholder.address.rpartition(".module.")
    return TfResource(
        address=placeholder.address,
        type=made.resource_type,
        name=call or placeholder.address.removeprefix("module."),
        module=parent if call else "",
        values=values,
        file=placeholder.file,
        line=placeholder.line,
    )
