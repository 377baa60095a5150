"""Well-Architected rules: one module per rule, grouped by pillar, listed in :mod:`registry`."""
