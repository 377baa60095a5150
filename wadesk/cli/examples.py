"""``wadesk examples``: list the example designs shipped inside the package, or copy them somewhere to edit."""

from __future__ import annotations

import sys
from pathlib import Path

from wadesk.resources import copy_examples, examples


def run_examples(names: list[str], copy_to: str | None, paths: bool) -> int:
    """List the shipped examples, print their paths, or copy them into ``copy_to``; return the exit code."""
    if names and copy_to is None:
        sys.stderr.write("wadesk: error: example names are only read with --copy DIR\n")
        return 2
    if copy_to is not None:
        try:
            copied = copy_examples(Path(copy_to), names or None)
        except (LookupError, OSError) as exc:
            sys.stderr.write(f"wadesk: error: {exc}\n")
            return 2
        for path in copied:
            print(path)
        return 0
    shipped = examples()
    if paths:
        for example in shipped:
            print(example.path)
        return 0
    width = max((len(example.path.stem) for example in shipped), default=0)
    for example in shipped:
        print(f"{example.path.stem:{width}}  {example.name}")
    return 0
