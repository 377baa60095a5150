"""The diagrams script export: readable, safe whatever the labels hold, and it draws the design."""

from __future__ import annotations

import ast
import keyword
from pathlib import Path

import pytest
from exportkit import (
    EXAMPLES,
    HOSTILE,
    HOSTILE_TEXT,
    assert_png,
    hostile_design,
    run_script,
    script_calls,
    small_design,
)

from wadesk.catalog import CATALOG
from wadesk.export.errors import ExportError
from wadesk.export.plan import dot_text
from wadesk.export.python_script import python_script, write_python_script
from wadesk.fileformat import load_design
from wadesk.model import Architecture


def _diagrams_names(tree: ast.Module) -> set[str]:
    """Names the script imports; asserts every import comes from the diagrams package."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            pytest.fail(f"plain import in the script: {ast.dump(node)}")
        if isinstance(node, ast.ImportFrom):
            assert node.module is not None and (node.module == "diagrams" or node.module.startswith("diagrams."))
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _string_constants(tree: ast.Module) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def _draw_in(tmp_path: Path, arch: Architecture) -> tuple[Path, Path]:
    """Write the script to tmp_path/script/design.py, run it in tmp_path/run; (run folder, script)."""
    script = tmp_path / "script" / "design.py"
    script.parent.mkdir()
    write_python_script(arch, script)
    run = tmp_path / "run"
    run.mkdir()
    result = run_script(script, run)
    assert result.returncode == 0, result.stderr
    return run, script


def test_small_design_script_reads_like_hand_written_diagrams_code() -> None:
    source = python_script(small_design(), stem="small")
    tree = ast.parse(source)
    lines = source.splitlines()
    assert "from diagrams import Cluster, Diagram, Edge" in lines
    assert "from diagrams.aws.compute import EC2, EC2AutoScaling" in lines
    assert "OUTPUT = 'small'" in lines
    assert "    filename=OUTPUT," in lines and "    show=False," in lines and "    direction='LR'," in lines
    assert "    with Cluster('vpc', graph_attr=CLUSTER_ATTR):" in lines
    assert "                web_1 = EC2('Web server 1')" in lines
    assert "    users >> Edge(label='HTTPS') >> alb" in lines
    assert "    web_2 >> bucket" in lines
    # Imports: grouped per module, modules sorted, only the classes used.
    imports = [line for line in lines if line.startswith("from diagrams.")]
    assert imports == sorted(imports)
    used = {CATALOG.get(node.kind).diagrams_class.rsplit(".", 1)[1] for node in small_design().nodes()}
    used -= {"VPC", "PrivateSubnet"}  # containers without flows are clusters, not icons
    assert _diagrams_names(tree) == used | {"Cluster", "Diagram", "Edge"}


def test_variables_are_unique_identifiers_that_shadow_nothing() -> None:
    source = python_script(hostile_design())
    tree = ast.parse(source)
    imported = _diagrams_names(tree)
    targets = [
        node.targets[0].id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    ]
    variables = [name for name in targets if name not in ("OUTPUT", "GRAPH_ATTR", "CLUSTER_ATTR")]
    assert len(variables) == len(set(variables)) == 8  # every icon, the container without flows excluded
    for name in variables:
        assert name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
        assert name not in imported and name not in ("Diagram", "Cluster", "Edge", "OUTPUT")
    assert {"n_class", "diagram", "ec2", "n_3tier", "web_server", "web_server_2"} <= set(variables)


def test_hostile_text_stays_text() -> None:
    source = python_script(hostile_design())
    tree = ast.parse(source)
    assert script_calls(source) <= _diagrams_names(tree)
    constants = _string_constants(tree)
    # Graphviz reads backslashes, so labels carry them doubled; everything else arrives as typed.
    assert dot_text(HOSTILE_TEXT) in constants  # the design name and a node label
    for text in HOSTILE[:2] + HOSTILE[4:7]:
        assert any(text in constant for constant in constants), text
    for line in source.splitlines():
        if line.lstrip().startswith("#"):
            assert "PWNED" not in line and "import os" not in line, line


def test_hostile_script_runs_and_writes_only_its_image(tmp_path: Path) -> None:
    run, _ = _draw_in(tmp_path, hostile_design())
    assert sorted(path.name for path in run.iterdir()) == ["design.png"]
    assert_png(run / "design.png")
    for folder in (tmp_path, tmp_path / "script", run):
        assert not list(folder.glob("PWNED*"))


def test_script_draws_the_small_design(tmp_path: Path) -> None:
    run, _ = _draw_in(tmp_path, small_design())
    assert sorted(path.name for path in run.iterdir()) == ["design.png"]
    assert_png(run / "design.png")


def test_output_name_is_a_constant_the_user_can_change(tmp_path: Path) -> None:
    script = tmp_path / "drawing.py"
    write_python_script(small_design(), script)
    source = script.read_text(encoding="utf-8")
    assert "OUTPUT = 'drawing'" in source
    script.write_text(source.replace("OUTPUT = 'drawing'", "OUTPUT = 'renamed'"), encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    result = run_script(script, run)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in run.iterdir()) == ["renamed.png"]


def test_default_output_name_is_a_plain_file_name_from_the_design_name() -> None:
    arch = small_design()
    arch.set_meta(name="../../etc/Three tier: prod")
    assert "OUTPUT = 'etc_three_tier_prod'" in python_script(arch).splitlines()
    arch.set_meta(name="")
    assert "OUTPUT = 'diagram'" in python_script(arch).splitlines()


def test_empty_design_gives_a_script_that_parses() -> None:
    from wadesk.catalog import new_architecture

    source = python_script(new_architecture("Empty"))
    ast.parse(source)
    assert "from diagrams import Diagram" in source


def test_containers_with_the_same_label_stay_separate_clusters() -> None:
    arch = small_design()
    arch.set_label("public", "Subnet")
    arch.set_label("private", "Subnet")
    source = python_script(arch)
    assert "with Cluster('Subnet [public]', graph_attr={**CLUSTER_ATTR, 'label': 'Subnet'}):" in source
    assert "with Cluster('Subnet [private]', graph_attr={**CLUSTER_ATTR, 'label': 'Subnet'}):" in source


def test_writing_is_atomic_and_a_bad_folder_is_an_export_error(tmp_path: Path) -> None:
    out = tmp_path / "design.py"
    out.write_text("previous", encoding="utf-8")
    write_python_script(small_design(), out)
    assert out.read_text(encoding="utf-8").startswith('"""Draws a wadesk design')
    assert [path.name for path in tmp_path.iterdir()] == ["design.py"]
    with pytest.raises(ExportError, match="cannot write the diagrams script"):
        write_python_script(small_design(), tmp_path / "missing" / "design.py")


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_example_exports_a_script_that_draws_it(example: Path, tmp_path: Path) -> None:
    arch = load_design(example)
    source = python_script(arch)
    tree = ast.parse(source)
    assert script_calls(source) <= _diagrams_names(tree)
    run, _ = _draw_in(tmp_path, arch)
    assert sorted(path.name for path in run.iterdir()) == ["design.png"]
    assert_png(run / "design.png")


def test_the_script_draws_an_empty_container_too(tmp_path: Path) -> None:
    from designkit import design

    arch = design([("vpc", "vpc"), ("spare", "subnet", "vpc"), ("web", "ec2", "vpc")])
    source = python_script(arch)
    tree = ast.parse(source)
    assert script_calls(source) <= _diagrams_names(tree)
    assert "Node(" in source and "pass" not in source
    run, _ = _draw_in(tmp_path, arch)
    assert_png(run / "design.png")
