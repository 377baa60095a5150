"""wadesk: draw AWS architectures and review them against the Well-Architected Framework."""

from __future__ import annotations

__version__ = "0.1.0"
