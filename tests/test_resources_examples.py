"""The example designs ship inside the package and `wadesk examples` lists and copies them."""

from __future__ import annotations

from pathlib import Path

import pytest

import wadesk
from wadesk.app import main
from wadesk.fileformat import load_design
from wadesk.resources import copy_examples, examples, examples_dir

ROOT = Path(__file__).resolve().parents[1]


def test_examples_live_inside_the_package_and_the_checkout_path_still_works() -> None:
    folder = examples_dir()
    assert folder.resolve().is_relative_to(Path(wadesk.__file__).resolve().parent)
    assert (ROOT / "examples").resolve() == folder.resolve()
    shipped = examples()
    assert len(shipped) >= 8
    assert all(example.path.parent == folder and example.name for example in shipped)
    assert "Three-tier web application" in {example.name for example in shipped}


def test_every_shipped_example_is_a_valid_design() -> None:
    for example in examples():
        assert load_design(example.path).name == example.name


def test_listing_names_each_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(examples())
    assert any(line.startswith("three-tier-web ") and line.endswith("Three-tier web application") for line in lines)


def test_paths_print_the_installed_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples", "--paths"]) == 0
    printed = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert printed == [example.path for example in examples()] and all(path.is_file() for path in printed)


def test_copy_all_then_refuse_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine"
    assert main(["examples", "--copy", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == sorted(e.file_name for e in examples())
    capsys.readouterr()
    (target / "three-tier-web.wadesk").write_text("{}", encoding="utf-8")
    assert main(["examples", "--copy", str(target), "three-tier-web"]) == 2
    assert "not overwriting" in capsys.readouterr().err
    assert (target / "three-tier-web.wadesk").read_text(encoding="utf-8") == "{}"


def test_copy_chosen_examples_by_stem_or_file_name(tmp_path: Path) -> None:
    copied = copy_examples(tmp_path, ["static-website", "three-tier-web.wadesk"])
    assert [p.name for p in copied] == ["static-website.wadesk", "three-tier-web.wadesk"]
    assert load_design(copied[0]).name == "Static website"


def test_an_unknown_example_is_refused_with_the_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples", "--copy", str(tmp_path), "nope"]) == 2
    err = capsys.readouterr().err
    assert "no example called 'nope'" in err and "three-tier-web" in err
    assert not list(tmp_path.iterdir())


def test_names_without_copy_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples", "three-tier-web"]) == 2
    assert "--copy" in capsys.readouterr().err
