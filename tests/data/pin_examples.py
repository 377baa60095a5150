"""Rewrites tests/data/example_findings.json from the current rules (review the diff before committing)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from test_examples import PINS, pinned_findings  # noqa: E402

if __name__ == "__main__":
    PINS.write_text(json.dumps(pinned_findings(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {PINS}")
