"""Who owns each layer of a node once its properties are taken into account."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from wadesk.catalog.responsibility import OWNERS, Responsibility, base_responsibility
from wadesk.model import Architecture

# EC2 workloads that a managed service would otherwise run, and that service.
_SELF_RUN_ENGINES: dict[str, str] = {
    "database": "Amazon RDS",
    "cache": "Amazon ElastiCache",
    "message_broker": "Amazon SQS or Amazon MQ",
}


def _ec2(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
    workload = props.get("workload", "application")
    service = _SELF_RUN_ENGINES.get(workload) if isinstance(workload, str) else None
    if service is None:
        return base
    # The matrix is already all customer above the host; only the advice changes.
    return base.with_layers(
        note=f"{base.note} Running a {workload.replace('_', ' ')} engine here means the customer also patches, "
        f"upgrades and backs up that engine itself, work {service} would take over.",
    )


def _on_container_instances(base: Responsibility, note: str) -> Responsibility:
    """The ECS-on-EC2 split: the customer runs the hosts, so it owns their OS, keys and availability."""
    changed = base.with_layers(note=note, guest_os="customer", encryption="customer", resilience_config="customer")
    return replace(changed, model="infrastructure")


def _on_fargate(base: Responsibility, note: str) -> Responsibility:
    """The ECS-on-Fargate split: AWS patches the task hosts."""
    changed = base.with_layers(
        note=note, guest_os="aws", platform_runtime="shared", encryption="shared", resilience_config="shared"
    )
    return replace(changed, model="container")


def _ecs_service(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
    if props.get("launch_type", "FARGATE") != "EC2":
        return base
    return _on_container_instances(
        base,
        "With the EC2 launch type the customer runs the container instances: it patches their OS, updates the "
        "ECS agent and plans their capacity and zones, as well as owning images, task roles and security groups.",
    )


def _ecs_cluster(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
    capacity = props.get("capacity", "FARGATE")
    if capacity == "EC2":
        return _on_container_instances(
            base,
            "The cluster's capacity is EC2 container instances the customer runs: it patches their OS, updates the "
            "ECS agent, encrypts their volumes and spreads them over zones, and decides who may run tasks.",
        )
    if capacity == "FARGATE":
        return base.with_layers(
            note="The cluster runs its tasks on Fargate: AWS patches and replaces the hosts. The customer turns on "
            "Container Insights, decides who may run tasks and spreads services over zones.",
            guest_os="aws",
        )
    # Mixed capacity: the customer patches the EC2 share while AWS runs the Fargate share, as the base row says.
    return base


def _batch(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
    if props.get("compute_type", "EC2") not in ("FARGATE", "FARGATE_SPOT"):
        return base
    return _on_fargate(
        base,
        "On Fargate compute environments AWS runs and patches the hosts; the customer keeps job images, job "
        "roles, security groups and retry settings. Classified by analogy with ECS on Fargate.",
    )


def _eks_cluster(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
    node_type = props.get("node_type", "managed")
    if node_type == "self-managed":
        return base.with_layers(
            note="Self-managed nodes leave the node OS, kubelet and container runtime for the customer to patch "
            "and upgrade; AWS runs only the control plane. The customer also owns workloads, RBAC and network policy.",
            guest_os="customer",
            platform_runtime="customer",
        )
    if node_type in ("fargate", "auto-mode"):
        mode = "Fargate" if node_type == "fargate" else "Auto Mode"
        return base.with_layers(
            note=f"With {mode} AWS patches the nodes' OS; the customer still upgrades the cluster version and owns "
            "workloads, RBAC, network policy and security groups.",
            guest_os="aws",
            platform_runtime="shared",
        )
    return base


def _lambda(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
    if props.get("package_type", "zip") != "image":
        return base
    return base.with_layers(
        note="As a container image the function carries its own runtime, so the customer must rebuild and redeploy "
        "it on a patched base image. The customer also owns the code, execution role and retry settings.",
        platform_runtime="customer",
    )


def _ecr(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
    if props.get("encryption", "AES256") != "KMS":
        return base
    return base.with_layers(
        note=f"{base.note} With a KMS key the customer also owns the key's policy and rotation, and pulls fail "
        "when the key is disabled.",
        encryption="shared",
    )


def _customer_key(prop: str) -> Any:
    """An adjuster for a kind that encrypts with an AWS owned or managed key unless ``prop`` names the customer's."""

    def adjust(base: Responsibility, props: Mapping[str, Any]) -> Responsibility:
        if not props.get(prop):
            return base
        return base.with_layers(
            note=f"{base.note} With a customer managed KMS key the customer also owns the key's policy and "
            "rotation, and the service stops working with the data when the key is disabled.",
            encryption="shared",
        )

    return adjust


_ADJUSTERS = {
    "app_runner": _customer_key("kms_encryption"),
    "dsql": _customer_key("kms_encryption"),
    "codebuild": _customer_key("kms_encryption"),
    "codepipeline": _customer_key("artifact_kms"),
    "ecr": _ecr,
    "ec2": _ec2,
    "ecs_service": _ecs_service,
    "ecs_cluster": _ecs_cluster,
    "batch": _batch,
    "eks_cluster": _eks_cluster,
    "lambda": _lambda,
}


def ownership_for(kind: str, props: Mapping[str, Any]) -> Responsibility:
    """The split of ``kind`` with the layers its properties move (missing properties take their defaults).

    Raises:
        ValueError: ``kind`` is not a known kind id.
    """
    base = base_responsibility(kind)
    adjust = _ADJUSTERS.get(kind)
    return base if adjust is None else adjust(base, props)


def node_ownership(arch: Architecture, node_id: str) -> Responsibility:
    """The split of node ``node_id`` of ``arch``."""
    return ownership_for(arch.kind_of(node_id), arch.props_of(node_id))


def design_ownership_totals(arch: Architecture) -> dict[str, int]:
    """How many layers each owner holds, summed over every node of ``arch`` (keys: every owner)."""
    totals = dict.fromkeys(OWNERS, 0)
    for counts in design_ownership_by_layer(arch).values():
        for owner, count in counts.items():
            totals[owner] += count
    return totals


def design_ownership_by_layer(arch: Architecture) -> dict[str, dict[str, int]]:
    """For each layer, how many nodes of ``arch`` each owner holds it for (keys: every layer, then every owner)."""
    by_layer: dict[str, dict[str, int]] = {}
    for node_id in arch.node_ids():
        for layer, owner in node_ownership(arch, node_id).layers.items():
            by_layer.setdefault(layer, dict.fromkeys(OWNERS, 0))[owner] += 1
    return by_layer
