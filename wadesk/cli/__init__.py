"""Headless command line: check, rules, kinds and export (never imports Qt)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wadesk import __version__

if TYPE_CHECKING:
    from wadesk.model import Architecture

#: Writes the annotated report of a design to a path and returns the files it
#: wrote (several PNG pages for a long report); supplied by the caller because
#: it needs Qt, which this layer never imports.
ReportWriter = Callable[["Architecture", Path, str], list[Path]]

#: Sub-command names; anything else on the command line is a file for the editor.
COMMANDS = ("check", "rules", "kinds", "export", "examples", "import")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a one-line reason, as SPEC section 6 asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        from wadesk.cli.terminal import printable

        sys.stderr.write(f"wadesk: error: {printable(message)}\n")
        raise SystemExit(EXIT_USAGE)


def _source_inputs(command: argparse.ArgumentParser) -> None:
    """The values a command gives the templates and Terraform sources it imports."""
    for flag, metavar, text in (
        ("--param", "KEY=VALUE", "a template parameter's value"),
        ("--params", "FILE", "parameter values (JSON)"),
        ("--var", "NAME=VALUE", "a Terraform variable's value"),
        ("--var-file", "FILE", "Terraform variable values (.tfvars)"),
    ):
        command.add_argument(flag, action="append", default=[], metavar=metavar, help=text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = _Parser(
        prog="wadesk",
        description="Draw AWS architectures and review them against the Well-Architected Framework. "
        "With no command, opens the editor (on FILE if given; `--example FILE` opens an untitled copy of it).",
    )
    parser.add_argument("--version", "-V", action="version", version=f"wadesk {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = commands.add_parser("check", help="analyse designs without a window")
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="design files (*.wadesk) or CloudFormation templates (by content)"
    )
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument(
        "--fail-on",
        choices=("high", "medium", "low", "never"),
        default="high",
        help="exit 1 when an unsuppressed finding at or above this severity exists (default: high)",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")
    _source_inputs(check)

    imp = commands.add_parser("import", help="turn a CloudFormation template or Terraform code into a design file")
    imp.add_argument(
        "source",
        metavar="SOURCE",
        help="CloudFormation template (.yaml, .yml, .json, .template), Terraform plan (terraform show -json), "
        ".tf file or folder of .tf files",
    )
    imp.add_argument("-o", "--output", required=True, metavar="DESIGN", help="design file to write (*.wadesk)")
    _source_inputs(imp)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    kinds = commands.add_parser("kinds", help="list the catalog of kinds")
    kinds.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    export = commands.add_parser("export", help="write a report, an image or a diagrams script")
    export.add_argument("file", metavar="FILE", help="design file (*.wadesk)")
    export.add_argument("--report", metavar="OUT", help="annotated report (.png or .pdf)")
    export.add_argument("--diagram", metavar="OUT", help="image drawn by the diagrams package (.png or .svg)")
    export.add_argument("--python", metavar="OUT", help="diagrams Python script that draws the design")
    export.add_argument(
        "--annotate", action="store_true", help="with --diagram: add each node's worst finding to its label"
    )

    examples = commands.add_parser("examples", help="list the example designs shipped with wadesk, or copy them")
    examples.add_argument("names", nargs="*", metavar="NAME", help="with --copy: the examples to copy (default: all)")
    examples.add_argument("--copy", metavar="DIR", help="copy the examples into DIR (made if missing)")
    examples.add_argument("--paths", action="store_true", help="print the installed file of each example, one a line")
    return parser


def main(argv: Sequence[str] | None = None, report_writer: ReportWriter | None = None) -> int:
    """Run a sub-command and return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "check":
        from wadesk.cli.check import run_check, source_inputs

        inputs = source_inputs(args.param, args.params, args.var, args.var_file)
        if isinstance(inputs, int):
            return inputs
        return run_check(args.files, args.format, args.fail_on, args.color, inputs=inputs)
    if args.command == "import":
        from wadesk.cli.import_cmd import run_import

        return run_import(
            args.source, args.output, args.param, args.params, variables=args.var, var_files=args.var_file
        )
    if args.command == "rules":
        from wadesk.cli.listing import print_rules

        return print_rules(args.format)
    if args.command == "kinds":
        from wadesk.cli.listing import print_kinds

        return print_kinds(args.format)
    if args.command == "examples":
        from wadesk.cli.examples import run_examples

        return run_examples(args.names, args.copy, args.paths)
    from wadesk.cli.export_cmd import run_export

    return run_export(args, report_writer)
