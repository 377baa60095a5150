"""Terraform's module manifest: where ``terraform init`` put the registry and remote modules it downloaded.

After ``terraform init`` a configuration folder holds ``.terraform/modules/modules.json``: one record per module
call (``{"Key": "vpc", "Source": "registry.terraform.io/terraform-aws-modules/vpc/aws", "Version": "5.8.1",
"Dir": ".terraform/modules/vpc"}``), keyed by the names of the calls from the root joined with dots (``"vpc"``,
``"eks.kms"``; instances of a call with ``count`` or ``for_each`` share one record). The reader follows a
module whose code is recorded there as it follows a local module; a call the manifest does not know, or whose
recorded folder is missing, stays a placeholder. Only folders inside the configuration folder are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

#: Where the manifest lives, relative to the configuration folder.
MANIFEST = Path(".terraform/modules/modules.json")
#: The largest manifest read (a real one is a few kilobytes).
MAX_MANIFEST_BYTES = 4 * 1024 * 1024

#: An instance key in an address (``[0]``, ``["a"]``).
INSTANCE_KEY = re.compile(r'\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\]')
_REGISTRY_HOST = "registry.terraform.io/"


@dataclass(frozen=True)
class InstalledModule:
    """One module call's record in the manifest.

    Attributes:
        key: the names of the calls from the root, joined with dots (``"vpc"``, ``"eks.kms"``).
        source: the source it was installed from, as Terraform wrote it.
        version: the version installed (registry modules only).
        directory: the folder its code is in, as recorded (relative to the configuration folder).
    """

    key: str
    source: str
    version: str | None
    directory: str


@dataclass
class ModuleManifest:
    """The modules ``terraform init`` installed for a configuration (empty when it was not run).

    Attributes:
        path: the manifest file, or None when there is none.
        modules: the records by key.
        problem: why the manifest could not be used, when it could not (for the import report).
    """

    path: Path | None = None
    modules: dict[str, InstalledModule] = field(default_factory=dict)
    problem: str | None = None

    def installed(self, address: str) -> InstalledModule | None:
        """The record of the module call at ``address`` (``module.app["a"].module.vpc``), if any."""
        return self.modules.get(manifest_key(address))


def manifest_key(address: str) -> str:
    """The manifest key of a module call's address: ``module.app["a"].module.vpc`` → ``app.vpc``."""
    bare = INSTANCE_KEY.sub("", address)
    return ".".join(part for part in bare.split(".") if part != "module")


def read_manifest(root_dir: Path) -> ModuleManifest:
    """The manifest of the configuration in ``root_dir``; a missing one is empty, a broken one says why."""
    path = root_dir / MANIFEST
    if not path.is_file():
        return ModuleManifest()
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            return ModuleManifest(path, problem=f"{MANIFEST} is larger than wadesk reads")
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return ModuleManifest(path, problem=f"{MANIFEST} is not valid JSON ({error})")
    records = document.get("Modules") if isinstance(document, dict) else None
    if not isinstance(records, list):
        return ModuleManifest(path, problem=f"{MANIFEST} has no list of Modules")
    manifest = ModuleManifest(path)
    for record in records:
        if not isinstance(record, dict):
            continue
        key, directory = record.get("Key"), record.get("Dir")
        if not isinstance(key, str) or not key or not isinstance(directory, str):
            continue  # the root module's own record ("Key": "") or a record without a folder
        source, version = record.get("Source"), record.get("Version")
        manifest.modules[key] = InstalledModule(
            key, source if isinstance(source, str) else "", version if isinstance(version, str) else None, directory
        )
    return manifest


def same_source(written: str, recorded: str) -> bool:
    """Whether a ``source`` as written is the one a module was installed from. Terraform records sources in
    their normal form: registry sources with their host (``registry.terraform.io/terraform-aws-modules/vpc/aws``),
    GitHub shorthand as a git URL (``github.com/org/repo`` → ``git::https://github.com/org/repo.git``)."""
    return _normal(written) == _normal(recorded)


def _normal(source: str) -> str:
    text = source.strip().removeprefix(_REGISTRY_HOST)
    for prefix in ("git::", "https://", "http://", "ssh://", "git@"):
        text = text.removeprefix(prefix)
    path, query = (text.split("?", 1) + [""])[:2]
    base, _, subdir = path.partition("//")
    base = base.replace("github.com:", "github.com/").removesuffix("/").removesuffix(".git")
    return f"{base}//{subdir.strip('/')}?{query}" if subdir else f"{base}?{query}"
