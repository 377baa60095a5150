"""Text from a design made safe for a terminal or a CI log: control characters shown escaped, never sent raw."""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the bidirectional overrides and isolates
# that can make a line read differently from what it holds ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n``), so a label
    holding escape sequences or line breaks cannot clear a terminal, retitle it or forge log lines.

    Runs in linear time; text without such characters comes back unchanged.
    """
    return _UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> str:
    """Like :func:`printable`, but keeps the line breaks between the lines of a multi-line message."""
    return "\n".join(printable(line) for line in text.split("\n"))


def error_lines(error: BaseException) -> str:
    """The lines of an error for stderr, each made :func:`printable`, ending in a line break.

    A design file error gives one line per problem (``FILE: problem``); the
    file name and the problem are escaped separately, so neither can add a line.
    """
    source = getattr(error, "source", None)
    problems = getattr(error, "problems", None)
    if isinstance(source, str) and isinstance(problems, list):
        return "".join(f"{printable(source)}: {printable(str(problem))}\n" for problem in problems)
    return printable_lines(str(error)) + "\n"
