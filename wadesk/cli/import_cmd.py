"""``wadesk import``: infrastructure code becomes a design file, and the import report is printed."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from wadesk.cli.terminal import error_lines, printable, printable_lines
from wadesk.fileformat import DesignFileError, save_design
from wadesk.importers.errors import ImportSourceError

EXIT_OK, EXIT_USAGE = 0, 2


def parse_parameters(pairs: Sequence[str], files: Sequence[str]) -> dict[str, Any]:
    """``--params`` files (read in order), then ``--param Key=Value`` pairs on top.

    Raises:
        ImportSourceError: a pair without ``=`` or an unreadable parameter file.
    """
    values: dict[str, Any] = {}
    for file in files:
        from wadesk.importers.cfn.template import read_parameter_file

        values.update(read_parameter_file(file))
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ImportSourceError("--param", f"expected Key=Value, got {pair!r}")
        values[name.strip()] = value
    return values


def parse_variables(pairs: Sequence[str]) -> dict[str, str]:
    """``--var name=value`` pairs (the value is kept as text, as Terraform's command line gives it).

    Raises:
        ImportSourceError: a pair without ``=``.
    """
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ImportSourceError("--var", f"expected name=value, got {pair!r}")
        values[name.strip()] = value
    return values


def run_import(
    source: str,
    output: str,
    params: Sequence[str] = (),
    param_files: Sequence[str] = (),
    out: TextIO | None = None,
    *,
    variables: Sequence[str] = (),
    var_files: Sequence[str] = (),
) -> int:
    """Import ``source``, write the design to ``output`` and print the report; return the exit code."""
    from wadesk.importers.api import import_source

    stream = out or sys.stdout
    try:
        parameters = parse_parameters(params, param_files)
        result = import_source(
            source, parameters or None, variables=parse_variables(variables), var_files=list(var_files)
        )
    except ImportSourceError as exc:
        sys.stderr.write("wadesk import: " + error_lines(exc))
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(printable(f"wadesk import: {source}: {exc.strerror or exc}") + "\n")
        return EXIT_USAGE
    try:
        save_design(result.built.arch, output)
    except DesignFileError as exc:  # a read-only or unwritable output: the reason, never a traceback
        sys.stderr.write("wadesk import: " + error_lines(exc))
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(printable(f"wadesk import: cannot write {output}: {exc.strerror or exc}") + "\n")
        return EXIT_USAGE
    arch = result.built.arch
    stream.write(printable_lines(result.design.report.render_text()))
    layout = "Graphviz" if result.built.layout_engine == "dot" else f"a grid ({result.built.layout_problem})"
    wrote = f"Wrote {Path(output)}: {len(arch)} nodes, {len(arch.edge_ids())} flows, laid out with {layout}."
    stream.write(f"\n{printable(wrote)}\n")
    return EXIT_OK
