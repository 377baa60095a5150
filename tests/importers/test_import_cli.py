"""``wadesk import`` and ``wadesk check TEMPLATE``: exit codes, the printed report, SARIF lines, lazy loading.

The template reader is replaced by a stand-in that returns a hand-built evaluated template, so these tests
check the command line's own behaviour whatever the reader does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from tests.importers.cfnkit import R, template
from wadesk.cli import main
from wadesk.fileformat import load_design
from wadesk.importers.errors import ImportSourceError

TEMPLATE_TEXT = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Db:\n    Type: AWS::RDS::DBInstance\n"


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def load_template(path: Any, parameters: Any = None, *, region: str = "us-east-1") -> Any:
        if "broken" in str(path):
            raise ImportSourceError(path, "mapping values are not allowed here", line=3)
        seen["parameters"] = parameters
        built = template(
            {
                "Bucket": ("AWS::S3::Bucket", {"VersioningConfiguration": {"Status": "Enabled"}}),
                "Db": (
                    "AWS::RDS::DBInstance",
                    {"Engine": "mysql", "PubliclyAccessible": True, "VPCSecurityGroups": [R("Sg")]},
                ),
                "Sg": ("AWS::EC2::SecurityGroup", {}),
            }
        )
        built.path = Path(path)
        built.resources["Db"].line = 4
        return built

    def looks_like_template(path: Any) -> bool:
        return Path(path).read_text(encoding="utf-8").startswith("Resources")

    def read_parameter_file(path: Any) -> dict[str, Any]:
        return dict(json.loads(Path(path).read_text(encoding="utf-8")))

    fake = types.ModuleType("wadesk.importers.cfn.template")
    fake.load_template = load_template  # type: ignore[attr-defined]
    fake.looks_like_template = looks_like_template  # type: ignore[attr-defined]
    fake.read_parameter_file = read_parameter_file  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wadesk.importers.cfn.template", fake)
    return seen


def test_import_writes_a_design_and_prints_the_report(
    reader: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "stack.json"
    source.write_text(TEMPLATE_TEXT, encoding="utf-8")
    params = tmp_path / "params.json"
    params.write_text('{"Env": "prod", "Size": "small"}', encoding="utf-8")
    out = tmp_path / "stack.wadesk"
    code = main(["import", str(source), "-o", str(out), "--params", str(params), "--param", "Size=large"])
    assert code == 0
    assert reader["parameters"] == {"Env": "prod", "Size": "large"}
    arch = load_design(out)
    assert arch.kind_of("Bucket") == "s3" and arch.props_of("Bucket")["versioning"] is True
    printed = capsys.readouterr().out
    assert "Bucket (AWS::S3::Bucket) -> s3" in printed and f"Wrote {out}" in printed


def test_import_of_a_broken_template_exits_2_with_file_line_and_reason(
    reader: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "broken.yaml"
    source.write_text(TEMPLATE_TEXT, encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "x.wadesk")]) == 2
    assert f"{source}:3: mapping values are not allowed here" in capsys.readouterr().err
    assert main(["import", str(source), "-o", str(tmp_path / "x.wadesk"), "--param", "novalue"]) == 2


def test_check_reads_a_json_template_by_content_and_sarif_points_at_the_resource_line(
    reader: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "stack.json"
    source.write_text(TEMPLATE_TEXT, encoding="utf-8")
    assert main(["check", str(source), "--format", "sarif", "--fail-on", "never"]) == 0
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    on_db = [
        r for r in results if r["ruleId"] == "SEC-DB-PUBLIC" or r["locations"][0]["logicalLocations"][0]["name"] == "Db"
    ]
    assert on_db
    location = on_db[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("stack.json") and location["region"]["startLine"] == 4
    assert main(["check", str(source)]) == 1  # a publicly accessible database is a high finding


def test_check_of_a_broken_template_exits_2(
    reader: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "broken.json"
    source.write_text(TEMPLATE_TEXT, encoding="utf-8")
    assert main(["check", str(source)]) == 2
    assert "broken.json:3: mapping values are not allowed here" in capsys.readouterr().err


def test_checking_a_design_file_never_loads_the_importers() -> None:
    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys; from wadesk.cli import main; "
        "main(['check', 'examples/three-tier-web.wadesk', '--fail-on', 'never']); "
        "print(sorted(m for m in sys.modules if m.startswith('wadesk.importers')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_text_from_the_template_reaches_the_terminal_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "stack.yaml"
    source.write_text(
        "Parameters:\n"
        '  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: "/ami\\e]0;pwned\\a\\e[2J"}\n'
        "Resources:\n  Web: {Type: AWS::EC2::Instance, Properties: {ImageId: !Ref Ami}}\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "-o", str(tmp_path / "stack.wadesk")]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\\x1b[2J" in printed
