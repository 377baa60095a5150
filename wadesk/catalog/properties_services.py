"""Property schemas of the kinds imported templates brought in later: App Runner, Aurora DSQL, Directory Service,
CodePipeline, CodeBuild and CodeDeploy.

The same rules as :mod:`wadesk.catalog.properties` apply: defaults follow what AWS does for a resource created by
CloudFormation today, and property names are part of the file format.
"""

from __future__ import annotations

from typing import Literal

from wadesk.catalog.schema import Field, Props


# -------------------------------------------------------------------- compute
class AppRunnerProps(Props):
    publicly_accessible: bool = Field(
        True, description="Its default domain is reachable from the internet; false when only a VPC ingress "
        "connection (a private endpoint) reaches it"
    )
    subnets: list[str] = Field(
        default_factory=list,
        description="Ids of the subnet nodes its VPC connector attaches to (its outbound traffic goes through the VPC)",
    )
    tracing: bool = Field(False, description="An observability configuration sends X-Ray traces")
    kms_encryption: bool = Field(
        False, description="Its source and logs are encrypted with a customer managed KMS key (else an AWS owned key)"
    )


# -------------------------------------------------------------------- database
class DsqlProps(Props):
    deletion_protection: bool = Field(
        True, description="The cluster cannot be deleted until protection is turned off (on unless told otherwise)"
    )
    kms_encryption: bool = Field(
        False, description="Data is encrypted with a customer managed KMS key (else an AWS owned key)"
    )


# -------------------------------------------------------------------- security
class DirectoryProps(Props):
    directory_type: Literal["microsoft_ad", "simple_ad"] = Field(
        "microsoft_ad", description="AWS Managed Microsoft AD, or Simple AD (Samba-based)"
    )
    edition: Literal["Standard", "Enterprise", "Small", "Large"] = Field(
        "Enterprise", description="Microsoft AD edition (Standard, Enterprise) or Simple AD size (Small, Large)"
    )
    subnets: list[str] = Field(
        default_factory=list, description="Ids of the subnet nodes its domain controllers run in (one per AZ)"
    )


# -------------------------------------------------------------------- delivery
class CodePipelineProps(Props):
    artifact_kms: bool = Field(
        False, description="Artifacts are encrypted with a customer managed KMS key (else the AWS managed S3 key)"
    )


class CodeBuildProps(Props):
    privileged_mode: bool = Field(
        False, description="Builds run privileged (Docker builds): the build container has root on its host"
    )
    kms_encryption: bool = Field(
        False, description="Build artifacts are encrypted with a customer managed KMS key (else the AWS managed key)"
    )
    subnets: list[str] = Field(default_factory=list, description="Ids of the subnet nodes builds attach to")


class CodeDeployProps(Props):
    compute_platform: Literal["Server", "Lambda", "ECS"] = Field(
        "Server", description="What it deploys to: EC2 or on-premises servers, Lambda functions or ECS services"
    )
