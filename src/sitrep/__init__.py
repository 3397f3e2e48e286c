"""sitrep: sourced, PLOVER-coded event records from news and opinion pages."""

__version__ = "0.1.0"
