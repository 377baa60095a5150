"""Who owns each layer of every kind under the AWS shared-responsibility model (SPEC section 4)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from wadesk.catalog.responsibility_more import MORE

#: Layer ids, from the data centre floor up to backup and availability settings.
LAYERS: tuple[str, ...] = (
    "physical",
    "network_infrastructure",
    "virtualization",
    "host_os",
    "guest_os",
    "platform_runtime",
    "network_config",
    "application",
    "identity_access",
    "data",
    "encryption",
    "resilience_config",
)

#: Human names of the layers, for tables and tooltips.
LAYER_NAMES: dict[str, str] = {
    "physical": "Physical facilities",
    "network_infrastructure": "Network infrastructure",
    "virtualization": "Virtualization & hypervisor",
    "host_os": "Host OS",
    "guest_os": "Guest OS & patching",
    "platform_runtime": "Runtime & platform",
    "network_config": "Network configuration & firewall",
    "application": "Application code & configuration",
    "identity_access": "Identity & access",
    "data": "Data & client-side encryption",
    "encryption": "Server-side encryption settings",
    "resilience_config": "Backups & availability configuration",
}

#: Service categories of the AWS security whitepaper, plus ``external`` for non-AWS actors.
MODELS: tuple[str, ...] = ("infrastructure", "container", "abstracted", "external")

#: Who can own a layer; ``n/a`` means the layer does not exist for the kind.
OWNERS: tuple[str, ...] = ("aws", "customer", "shared", "n/a")


@dataclass(frozen=True)
class Responsibility:
    """The service model of a kind, the owner of each layer and what the customer must do.

    ``layers`` is stored as a read-only mapping in :data:`LAYERS` order;
    construction raises :class:`ValueError` if a layer is missing or unknown,
    or if an owner or the model is not one of the allowed values.
    """

    model: str
    layers: Mapping[str, str]
    note: str

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"unknown responsibility model {self.model!r} (expected one of {', '.join(MODELS)})")
        unknown = sorted(set(self.layers) - set(LAYERS))
        if unknown:
            raise ValueError(f"unknown layer(s) {', '.join(unknown)}")
        missing = [layer for layer in LAYERS if layer not in self.layers]
        if missing:
            raise ValueError(f"missing layer(s) {', '.join(missing)}")
        ordered: dict[str, str] = {}
        for layer in LAYERS:
            owner = self.layers[layer]
            if owner not in OWNERS:
                raise ValueError(f"layer {layer!r}: unknown owner {owner!r} (expected one of {', '.join(OWNERS)})")
            ordered[layer] = owner
        object.__setattr__(self, "layers", MappingProxyType(ordered))

    def __hash__(self) -> int:
        return hash((self.model, tuple(self.layers.items()), self.note))

    def __reduce__(self) -> tuple[Any, ...]:
        # A mapping proxy cannot be pickled or deep-copied; rebuild from a plain dict instead.
        return (Responsibility, (self.model, dict(self.layers), self.note))

    def customer_layers(self) -> int:
        """How many layers the customer owns alone (``shared`` layers do not count)."""
        return sum(1 for owner in self.layers.values() if owner == "customer")

    def with_layers(self, note: str | None = None, **changes: str) -> Responsibility:
        """A copy with the layers named in ``changes`` given new owners, and optionally a new note.

        Raises:
            ValueError: a layer id or an owner is unknown.
        """
        unknown = sorted(set(changes) - set(LAYERS))
        if unknown:
            raise ValueError(f"unknown layer(s) {', '.join(unknown)}")
        layers = dict(self.layers)
        layers.update(changes)
        return Responsibility(self.model, layers, self.note if note is None else note)


# Owner codes of the table below, one letter per layer in LAYERS order (spaces are ignored).
_CODES: dict[str, str] = {"A": "aws", "C": "customer", "S": "shared", "-": "n/a"}


def _make(model: str, codes: str, note: str) -> Responsibility:
    letters = codes.replace(" ", "")
    if len(letters) != len(LAYERS):
        raise ValueError(f"owner codes {codes!r} must have {len(LAYERS)} letters")
    return Responsibility(model, {layer: _CODES[letter] for layer, letter in zip(LAYERS, letters, strict=True)}, note)


# fmt: off
# Column groups:  physical..host_os | guest_os runtime net_config application | identity data encryption resilience
_TABLE: dict[str, tuple[str, str, str]] = {
    # ---------------------------------------------------------------- containers
    "aws_cloud": (
        "infrastructure", "AAAA ---- C---",
        "The customer decides who may sign in to the account and what they are allowed to do there. "
        "Every other duty comes from the services placed inside it.",
    ),
    "region": (
        "infrastructure", "AAAA ---- ---C",
        "The customer chooses which Regions hold the workload and whether another Region stands by for a disaster.",
    ),
    "vpc": (
        "infrastructure", "AAAA --C- CC-S",
        "The customer plans the address ranges, subnets, route tables and network ACLs, turns on flow logs "
        "and lays the network out over several zones.",
    ),
    "availability_zone": (
        "infrastructure", "AAAA ---- ---C",
        "The customer decides how many Availability Zones the workload spans, so that losing one zone "
        "does not take it down.",
    ),
    "subnet": (
        "infrastructure", "AAAA --C- CC-S",
        "The customer picks the subnet's zone and routes and whether it is public; spreading subnets over "
        "zones is its availability choice. Classified like the VPC that holds it.",
    ),
    "security_group": (
        "infrastructure", "AAAA --C- C---",
        "The customer writes every rule and keeps each one as narrow as the traffic it must allow. "
        "Classified like the VPC it belongs to.",
    ),
    "auto_scaling_group": (
        "infrastructure", "AAAA --C- C--C",
        "The customer sets the size limits, scaling policies, health check type and the subnets, and so the zones, "
        "the group launches into. The instances it starts carry the EC2 split.",
    ),
    # -------------------------------------------------------------------- actors
    "internet": (
        "external", "---- ---- ----",
        "People on the public internet sit outside this account, so no layer of theirs belongs to the design.",
    ),
    "corporate_network": (
        "external", "CCCC CCCC CCCC",
        "On its own premises the customer owns every layer, from the building and cabling up to the data.",
    ),
    "external_service": (
        "external", "---- ---- ----",
        "A system run by a third party outside AWS; its operator secures it, not this design's account.",
    ),
    # ------------------------------------------------------------------- compute
    "ec2": (
        "infrastructure", "AAAA CCCC CCCC",
        "The customer hardens and patches the operating system, installs and configures the software, writes "
        "security group rules, encrypts volumes and plans snapshots and zone spread.",
    ),
    "lambda": (
        "abstracted", "AAAA ASSC CCSS",
        "The customer writes the code, picks the runtime, gives the execution role least privilege and sets "
        "concurrency, retries and failure destinations. AWS patches managed runtimes and runs the servers.",
    ),
    "ecs_service": (
        "container", "AAAA ASCC CCSS",
        "The customer builds and scans the images, gives tasks a least-privilege role, writes security group "
        "rules and sets the task count and zone spread. On Fargate AWS keeps the task hosts patched.",
    ),
    "fargate_task": (
        "container", "AAAA ASCC CCSS",
        "The customer owns the image contents, the task role, the security group rules and how many tasks run "
        "in which zones. AWS patches the isolated host that runs each task.",
    ),
    "eks_cluster": (
        "container", "AAAA SSCC CCCS",
        "AWS runs the control plane; with managed node groups the customer still rolls out node AMI updates "
        "and cluster upgrades. The customer owns workloads, RBAC, network policy and security groups.",
    ),
    "elastic_beanstalk": (
        "container", "AAAA SSCC CCCC",
        "The customer deploys the application, switches on managed platform updates and picks a load-balanced "
        "environment across several zones.",
    ),
    "batch": (
        "infrastructure", "AAAA CSCC CCCC",
        "The customer owns the instances of its EC2 compute environments (image, patches, security groups, zones) "
        "plus job images and roles. Classified by analogy with ECS on EC2.",
    ),
    # ------------------------------------------------------------------- storage
    "s3": (
        "abstracted", "AAAA -AS- CCSS",
        "The customer keeps Block Public Access on, writes the bucket policy, chooses the encryption key and "
        "sets versioning, replication and lifecycle rules.",
    ),
    "ebs": (
        "infrastructure", "AAAA ---- CCCS",
        "The customer switches on encryption and schedules snapshots; AWS copies a volume only inside its own zone.",
    ),
    "efs": (
        "abstracted", "AAAA AAC- CCCS",
        "The customer writes mount-target security group rules, encrypts the file system when creating it, "
        "adds mount targets in several zones and enables backups.",
    ),
    "fsx": (
        "abstracted", "AAAA AAC- CCCS",
        "The customer chooses single- or multi-AZ deployment, writes security group rules, sets backup retention "
        "and controls file access. Classified by analogy with EFS.",
    ),
    "glacier": (
        "abstracted", "AAAA AAS- CCAS",
        "The customer writes vault access policies, decides on Vault Lock and plans retrievals; "
        "AWS always encrypts archives at rest.",
    ),
    "backup": (
        "abstracted", "AAAA AA-- CCSS",
        "The customer writes backup plans, assigns resources to them, locks vaults and copies recovery points "
        "to another Region or account.",
    ),
    # ------------------------------------------------------------------ database
    "rds": (
        "container", "AAAA ASCC CCCS",
        "The customer writes security group rules, manages database users and schema, encrypts storage at "
        "creation and sets Multi-AZ and backup retention. AWS patches the OS and engine in maintenance windows.",
    ),
    "aurora": (
        "container", "AAAA ASCC CCCS",
        "The customer adds replicas in other zones, sets backup retention, encrypts the cluster and manages "
        "database users. AWS keeps the cluster storage copied across three zones.",
    ),
    "dynamodb": (
        "abstracted", "AAAA AAS- CCSS",
        "The customer picks the key type for the always-on encryption, turns on point-in-time recovery or global "
        "tables and limits access with IAM and endpoint policies.",
    ),
    "elasticache": (
        "container", "AAAA ASCC CCCS",
        "The customer writes security group rules, turns on encryption in transit and at rest, sets AUTH, "
        "and enables replicas, automatic failover and snapshots.",
    ),
    "redshift": (
        "container", "AAAA ASCC CCCS",
        "The customer keeps the cluster private, writes security group rules, requires SSL, enables encryption "
        "and audit logs and sets snapshot retention.",
    ),
    "documentdb": (
        "container", "AAAA ASCC CCCS",
        "The customer writes security group rules, encrypts storage at creation, adds instances in other zones "
        "and sets backups and deletion protection. Classified by analogy with RDS.",
    ),
    "neptune": (
        "container", "AAAA ASCC CCCS",
        "The customer writes security group rules, encrypts storage, turns on IAM authentication, adds replicas "
        "in other zones and sets backups. Classified by analogy with RDS.",
    ),
    "opensearch": (
        "container", "AAAA ASCC CCCS",
        "The customer puts the domain in a VPC, writes its access policy, enables fine-grained access control and "
        "encryption, and sizes nodes across zones. AWS applies the service software updates.",
    ),
    # ---------------------------------------------------------------- networking
    "alb": (
        "abstracted", "AAAA AAC- CC-S",
        "The customer sets listeners and the TLS policy, security groups, subnets in two or more zones and "
        "access logs. AWS scales and replaces the load balancer nodes.",
    ),
    "nlb": (
        "abstracted", "AAAA AAC- CC-S",
        "The customer sets listeners and the TLS policy, security groups, subnets in two or more zones and "
        "access logs. AWS scales and replaces the load balancer nodes.",
    ),
    "cloudfront": (
        "abstracted", "AAAA AASC CCSS",
        "The customer forces HTTPS towards viewers and origins, picks the TLS policy, restricts the origin with "
        "origin access control, attaches WAF and configures origin failover.",
    ),
    "api_gateway": (
        "abstracted", "AAAA AASC CCSS",
        "The customer chooses authorizers, writes resource policies, sets throttling, encrypts the cache, "
        "attaches WAF and turns on logging.",
    ),
    "route53": (
        "abstracted", "AAAA AAC- CS-S",
        "The customer maintains records, health checks and failover routing, signs zones with DNSSEC and "
        "enables query logs. AWS runs the name servers.",
    ),
    "internet_gateway": (
        "abstracted", "AAAA AAC- C--A",
        "The customer decides which route tables point at it and therefore which subnets are public; "
        "AWS keeps it redundant and scaled.",
    ),
    "nat_gateway": (
        "abstracted", "AAAA AAC- C--S",
        "The customer places one in each zone and routes each private subnet to the one in its own zone, "
        "since AWS makes a gateway redundant only inside its zone.",
    ),
    "vpc_endpoint": (
        "abstracted", "AAAA AAC- C--S",
        "The customer writes the endpoint policy and its security groups or route tables and spreads interface "
        "endpoints over zones. Classified by analogy with a NAT gateway.",
    ),
    "transit_gateway": (
        "abstracted", "AAAA AAC- C--S",
        "The customer designs attachments, route tables and propagation between the networks it joins. "
        "Classified by analogy with a NAT gateway.",
    ),
    "direct_connect": (
        "abstracted", "SAAA AAC- CC-C",
        "The customer or its partner supplies the router and cross-connect at the location, configures BGP and "
        "virtual interfaces, encrypts traffic and orders links at separate locations. Treated as an abstracted "
        "network service since AWS runs the port and backbone, but the physical layer is shared.",
    ),
    "vpn_gateway": (
        "abstracted", "AAAA AAC- C--S",
        "The customer configures its own gateway device, keeps both tunnels up and controls the routes to the "
        "VPC. Classified by analogy with a NAT gateway.",
    ),
    "global_accelerator": (
        "abstracted", "AAAA AAC- C--S",
        "The customer sets listeners, endpoint groups, health checks and traffic dials across Regions. "
        "Classified by analogy with a NAT gateway.",
    ),
    # ------------------------------------------------------------------ security
    "waf": (
        "abstracted", "AAAA AACC C--A",
        "The customer writes the web ACL rules, picks managed rule groups, associates the ACL with resources "
        "and turns on logging.",
    ),
    "shield": (
        "abstracted", "AAAA AAS- C--A",
        "Standard protection needs no action; choosing Advanced is the customer's call, and then it must register "
        "resources and response contacts.",
    ),
    "iam_role": (
        "abstracted", "AAAA AA-- C--A",
        "The customer writes least-privilege trust and permission policies and removes access nobody uses.",
    ),
    "kms": (
        "abstracted", "AAAA AA-- CCAA",
        "The customer writes key policies and grants, turns on rotation and limits who may schedule a key "
        "for deletion. AWS guards the key material in its HSMs.",
    ),
    "secrets_manager": (
        "abstracted", "AAAA AA-- CCSS",
        "The customer picks the KMS key, turns on rotation, restricts access with resource policies and "
        "replicates secrets where needed.",
    ),
    "cognito": (
        "abstracted", "AAAA AA-C CCAA",
        "The customer configures user pools and app clients, MFA, the password policy and token scopes.",
    ),
    "guardduty": (
        "abstracted", "AAAA AA-- C--A",
        "The customer turns the detector on in every Region and acts on what it reports.",
    ),
    "security_hub": (
        "abstracted", "AAAA AA-- C--A",
        "The customer enables it in each Region, chooses the standards and acts on the findings. "
        "Classified by analogy with GuardDuty.",
    ),
    "acm": (
        "abstracted", "AAAA AA-- CCAA",
        "The customer requests certificates, keeps validation records in place so renewals succeed, replaces "
        "imported certificates before they expire and limits who may use them. Classified by analogy with KMS.",
    ),
    "macie": (
        "abstracted", "AAAA AA-- C--A",
        "The customer enables it, chooses which buckets to scan and acts on sensitive-data findings. "
        "Classified by analogy with GuardDuty.",
    ),
    "inspector": (
        "abstracted", "AAAA AA-- C--A",
        "The customer enables scans of instances, images and functions and fixes what they find. "
        "Classified by analogy with GuardDuty.",
    ),
    # ---------------------------------------------------------------- management
    "cloudtrail": (
        "abstracted", "AAAA AA-- CCSS",
        "The customer creates a trail for all Regions, protects the bucket that stores it, encrypts the logs "
        "with KMS and turns on file validation.",
    ),
    "cloudwatch": (
        "abstracted", "AAAA AA-C CCSS",
        "The customer defines metrics, alarms and their actions, sets log retention and encrypts log groups with KMS.",
    ),
    "config": (
        "abstracted", "AAAA AA-- CCSS",
        "The customer switches on the recorder and delivery channel in each Region and chooses the rules to run.",
    ),
    "systems_manager": (
        "abstracted", "AAAA AA-C CCSS",
        "The customer writes patch baselines, documents and automations, controls session access and encrypts "
        "parameters and session logs. Classified by analogy with CloudWatch.",
    ),
    "xray": (
        "abstracted", "AAAA AA-- CCSS",
        "The customer instruments its code, sets sampling rules and picks the key that encrypts traces. "
        "Classified by analogy with Config.",
    ),
    "cloudformation": (
        "abstracted", "AAAA AA-C CC-S",
        "The customer writes and reviews templates, sets stack policies and termination protection and "
        "checks for drift. Classified by analogy with CloudWatch.",
    ),
    "trusted_advisor": (
        "abstracted", "AAAA AA-- C--A",
        "The customer reviews the checks and acts on them; the full set of checks needs a higher support plan. "
        "Classified by analogy with the AWS management services.",
    ),
    # --------------------------------------------------------------- integration
    "sqs": (
        "abstracted", "AAAA AASC CCSA",
        "The customer writes the queue policy, chooses the encryption key and attaches a dead-letter queue.",
    ),
    "sns": (
        "abstracted", "AAAA AASC CCCA",
        "The customer writes the topic policy, turns on KMS encryption and logs delivery status.",
    ),
    "eventbridge": (
        "abstracted", "AAAA AASC CCAA",
        "The customer writes rules and bus policies, chooses targets and adds dead-letter queues and archives.",
    ),
    "step_functions": (
        "abstracted", "AAAA AA-C CCAS",
        "The customer writes the state machine with its retries and error handling, gives it a role and turns "
        "on logging and tracing.",
    ),
    "kinesis": (
        "abstracted", "AAAA AASC CCCS",
        "The customer sizes shards or picks on-demand mode, sets retention and turns on KMS encryption.",
    ),
    "msk": (
        "container", "AAAA ASCC CCCS",
        "The customer writes security group rules, requires TLS, keeps brokers private and spreads them over "
        "zones. Classified by analogy with ElastiCache.",
    ),
    "mq": (
        "container", "AAAA ASCC CCCS",
        "The customer writes security group rules, keeps the broker private, manages broker users and picks a "
        "multi-AZ deployment. Classified by analogy with ElastiCache.",
    ),
    # ----------------------------------------------------------------- analytics
    "athena": (
        "abstracted", "AAAA AA-C CCCS",
        "The customer writes the queries, grants access to the source data and encrypts query results. "
        "Classified by analogy with Step Functions.",
    ),
    "glue": (
        "abstracted", "AAAA AA-C CCCS",
        "The customer writes the jobs, gives them least-privilege roles and attaches a security configuration "
        "that encrypts outputs and logs. Classified by analogy with Step Functions.",
    ),
    "emr": (
        "container", "AAAA SSCC CCCC",
        "The customer can log in to the cluster nodes, writes the security configuration for encryption, keeps "
        "the primary node private and sizes the cluster.",
    ),
    "sagemaker": (
        "abstracted", "AAAA SSCC CCSS",
        "The customer restarts notebooks to pick up patched images, turns off direct internet and root access, "
        "encrypts with KMS and runs endpoints on several instances.",
    ),
    "quicksight": (
        "abstracted", "AAAA AA-C CCAS",
        "The customer manages users, groups and row-level access to datasets and builds the dashboards. "
        "Classified by analogy with Step Functions.",
    ),
}
# fmt: on

#: The default split of every kind id, before properties move any layer.
RESPONSIBILITIES: Mapping[str, Responsibility] = MappingProxyType(
    {kind: _make(model, codes, note) for kind, (model, codes, note) in (_TABLE | MORE).items()}
)


def base_responsibility(kind: str) -> Responsibility:
    """The default split of ``kind`` (properties may move layers; see ``wadesk.analysis.ownership``).

    Raises:
        ValueError: ``kind`` is not a known kind id.
    """
    try:
        return RESPONSIBILITIES[kind]
    except KeyError:
        raise ValueError(f"no shared-responsibility entry for kind {kind!r}") from None
