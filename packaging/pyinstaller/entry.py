"""Entry point of the standalone (PyInstaller) build: the same `wadesk` command as the installed package."""

import sys

from wadesk.app import main

if __name__ == "__main__":
    sys.exit(main())
