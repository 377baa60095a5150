"""CloudFormation ECR types: repositories, and the registry-wide settings that apply to them.

A repository is an ``ecr`` node with the settings rules judge: scanning on push, tag immutability, the key its
images are encrypted with and whether a lifecycle policy expires old images. Scanning can also be turned on for
the whole registry (``AWS::ECR::RegistryScanningConfiguration``): its rules name repositories by wildcard
filters, and every repository they match is drawn scanning. A repository they do not match keeps its own
setting: only what the source says turns scanning on.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, flag, text
from wadesk.importers.cfn.values import Resource

#: Scan frequencies that scan an image without anyone asking (``MANUAL`` scans only on request).
_AUTOMATIC = {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}


def _repository(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    mutability = text(p.get("ImageTagMutability"), "MUTABLE").upper()
    encryption = text(dig(p, "EncryptionConfiguration", "EncryptionType"), "AES256").upper()
    m.node(r, "ecr", {
        "scan_on_push": flag(dig(p, "ImageScanningConfiguration", "ScanOnPush"), False),
        "tag_immutability": mutability.startswith("IMMUTABLE"),
        "encryption": "KMS" if encryption.startswith("KMS") else "AES256",
        "lifecycle_policy": bool(dig(p, "LifecyclePolicy", "LifecyclePolicyText")),
    })
    # A repository without a name gets one CloudFormation makes up, which only the filter "*" is sure to match.
    m.topic("ecr_names")[r.logical_id] = text(p.get("RepositoryName"))


def _registry_scanning(m: CfnMapper, r: Resource) -> None:
    """Turn scanning on for the repositories the registry's automatic scanning rules match."""
    patterns = [
        text(dig(item, "Filter"))
        for rule in as_list(r.properties.get("Rules"))
        if text(dig(rule, "ScanFrequency")).upper() in _AUTOMATIC
        for item in as_list(dig(rule, "RepositoryFilters"))
        if text(dig(item, "Filter"))
    ]
    matched = []
    for key, name in m.topic("ecr_names").items():
        node = m.get(key)
        if node is not None and any(pattern == "*" or (name and fnmatchcase(name, pattern)) for pattern in patterns):
            node.props["scan_on_push"] = True
            matched.append(node.key)
    note = f"registry-wide scanning of {', '.join(matched)}" if matched else "registry-wide: matches no repository"
    m.fold(r, None, note)


def _registry_setting(m: CfnMapper, r: Resource) -> None:
    m.fold(r, None, "registry-wide setting")


HANDLERS: HandlerTable = {
    "AWS::ECR::Repository": (0, _repository),
    "AWS::ECR::RegistryScanningConfiguration": (2, _registry_scanning),
    "AWS::ECR::ReplicationConfiguration": (1, _registry_setting),
    "AWS::ECR::RegistryPolicy": (1, _registry_setting),
    "AWS::ECR::PullThroughCacheRule": (1, _registry_setting),
    "AWS::ECR::RepositoryCreationTemplate": (1, _registry_setting),
}
