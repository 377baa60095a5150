"""Entry point for ``python -m wadesk``."""

from __future__ import annotations

import sys

from wadesk.app import main

if __name__ == "__main__":
    sys.exit(main())
