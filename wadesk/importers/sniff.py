"""What kind of infrastructure code a path holds, told from its name and opening bytes without loading a reader.

`wadesk check` asks this of every file it is given: answering must not cost the import of a YAML parser, the
template evaluator or the HCL reader that the answer may show are not needed (for a Terraform plan, none of them).
"""

from __future__ import annotations

import re
from pathlib import Path

_JSON_WADESK = re.compile(r'"format"\s*:\s*"wadesk"')
_JSON_TEMPLATE = re.compile(r'"AWSTemplateFormatVersion"\s*:|"Type"\s*:\s*"(?:(?:AWS|Custom|Alexa)::|LocalModule")')
_YAML_VERSION = re.compile(r"^['\"]?AWSTemplateFormatVersion['\"]?\s*:", re.MULTILINE)
_YAML_RESOURCES = re.compile(r"^['\"]?Resources['\"]?\s*:", re.MULTILINE)
_YAML_TYPE = re.compile(
    r"(?:^\s+|[{,]\s*)['\"]?Type['\"]?\s*:\s*['\"]?(?:(?:AWS|Custom|Alexa)::|LocalModule\b)", re.MULTILINE
)
#: How much of a file is looked at for a template (less than the template reader's size limit).
_TEMPLATE_SNIFF_BYTES = 2 * 1024 * 1024
#: How much of a file is looked at for a plan: its opening keys.
_PLAN_SNIFF_BYTES = 4096


def looks_like_template(path: str | Path) -> bool:
    """Whether the file's content looks like a CloudFormation template (whatever its name).

    True for ``AWSTemplateFormatVersion`` or a ``Resources`` section whose entries have ``Type: AWS::...``
    (``Custom::...``); false for a wadesk design (JSON with ``"format": "wadesk"``), unreadable or binary files.
    Only the first 2 MB are looked at; nothing is parsed.
    """
    try:
        with Path(path).open("rb") as stream:
            head = stream.read(_TEMPLATE_SNIFF_BYTES)
    except OSError:
        return False
    if b"\x00" in head[:8192]:
        return False
    text = head.decode("utf-8-sig", errors="replace")
    if text.lstrip().startswith("{"):
        if _JSON_WADESK.search(text[:4096]):
            return False
        return bool(_JSON_TEMPLATE.search(text)) and '"Resources"' in text or '"AWSTemplateFormatVersion"' in text
    return bool(_YAML_VERSION.search(text) or (_YAML_RESOURCES.search(text) and _YAML_TYPE.search(text)))


def looks_like_plan(path: str | Path) -> bool:
    """Whether a file looks like the JSON of ``terraform show -json`` (a plan or a state), by its first bytes."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(_PLAN_SNIFF_BYTES)
    except OSError:
        return False
    text = head.lstrip()
    if not text.startswith(b"{"):
        return False
    return b'"format_version"' in text and (b'"terraform_version"' in text or b'"planned_values"' in text)


def looks_like_configuration(path: str | Path) -> bool:
    """Whether ``path`` is a ``.tf`` (or ``.tf.json``) file or a folder that holds one."""
    path = Path(path)
    if path.is_file():
        return path.suffix == ".tf" or path.name.endswith(".tf.json")
    return path.is_dir() and (any(path.glob("*.tf")) or any(path.glob("*.tf.json")))


def looks_like_terraform(path: str | Path) -> bool:
    """Whether ``path`` is a Terraform plan (by content), a ``.tf`` file, or a folder of them."""
    path = Path(path)
    return looks_like_configuration(path) or (path.is_file() and looks_like_plan(path))
