"""Designs and checks shared by the export tests: a small design, a hostile one, image checks."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from designkit import design

from wadesk.model import Architecture

ROOT = Path(__file__).resolve().parent.parent
#: Every example shipped with the product (other engineers add more; each one is tested).
EXAMPLES = sorted((ROOT / "examples").glob("*.wadesk"))

#: Labels that would run as code, or break Graphviz, if any of them were pasted into the output unescaped.
HOSTILE = [
    '"""',
    "'''",
    "back\\slash\\",
    "line one\nline two",
    "{} {0} {name}",
    '"); import os; os.system("touch PWNED") #',
    "__import__('os').system('touch PWNED2')",
    'f\'{__import__("os").system("touch PWNED3")}\'',
    "<b>not html</b>",
    "\\N \\G \\l",
]
HOSTILE_TEXT = " ".join(HOSTILE)
SIGNATURE_PNG = b"\x89PNG\r\n\x1a\n"


def small_design() -> Architecture:
    """A VPC with a public and a private subnet, an ALB, two instances, a database and a bucket."""
    arch = design(
        [
            ("users", "internet"),
            ("vpc", "vpc"),
            ("public", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1a"}),
            ("private", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
            ("asg", "auto_scaling_group", "private"),
            ("alb", "alb", "public"),
            ("web-1", "ec2", "asg"),
            ("web-2", "ec2", "asg"),
            ("db", "rds", "private"),
            ("bucket", "s3"),
        ],
        [
            ("users", "alb", {"protocol": "https", "port": 443}, "HTTPS"),
            ("alb", "asg", {"protocol": "http", "port": 8080}, "HTTP 8080"),
            ("web-1", "db", {"protocol": "sql"}, "SQL"),
            ("web-2", "bucket"),
        ],
    )
    arch.set_meta(name="Small web app")
    arch.set_label("web-1", "Web server 1")
    return arch


def hostile_design() -> Architecture:
    """Hostile text everywhere: design name, node and container labels and ids, edge labels."""
    first, second = HOSTILE[5], HOSTILE[6]
    arch = design(
        [
            (first, "vpc"),
            ("sub", "subnet", first),
            (second, "ec2", "sub"),
            ("class", "lambda", "sub"),
            ("Diagram", "s3"),
            ("EC2", "ec2"),
            ("3tier", "sqs"),
            ("web server", "sns"),
            ("web-server", "sns"),
        ],
        [(second, "class", {}, HOSTILE_TEXT), ("class", "Diagram", {}, HOSTILE[1]), ("EC2", first, {}, HOSTILE[0])],
    )
    arch.set_meta(name=HOSTILE_TEXT)
    for index, node_id in enumerate(arch.node_ids()):
        arch.set_label(node_id, HOSTILE[index % len(HOSTILE)] + f" #{index}")
    arch.set_label(second, HOSTILE_TEXT)
    return arch


def run_script(script: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a generated script the way a user would, in ``cwd``."""
    return subprocess.run(
        [sys.executable, str(script)], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def assert_png(path: Path) -> None:
    """``path`` is a PNG image of a real size, not an empty or truncated file."""
    data = path.read_bytes()
    assert data[:8] == SIGNATURE_PNG, f"{path} is not a PNG"
    assert len(data) > 1024, f"{path} is only {len(data)} bytes"
    assert data[12:16] == b"IHDR"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 100 and height > 100, (width, height)
    assert data.rstrip(b"\x00")[-8:-4] == b"IEND", f"{path} is truncated"


def svg_texts(path: Path) -> list[str]:
    """Every line of text drawn in a Graphviz SVG."""
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    return [element.text or "" for element in root.iter() if element.tag.endswith("text")]


def script_calls(source: str) -> set[str]:
    """Names of everything the script calls; fails on a call of anything but a plain name."""
    called: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            assert isinstance(node.func, ast.Name), ast.dump(node.func)
            called.add(node.func.id)
    return called
