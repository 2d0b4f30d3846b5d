"""policyparse: commitments in Chinese policy documents, offline and deterministic.

>>> import policyparse
>>> doc = policyparse.parse("一、总体要求\\n到2020年，覆盖率达到80%。")
>>> [s.heading for s in doc.sections]
['总体要求']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "InputError",
    "PolicyDocument",
    "PolicyparseError",
    "RuleFileError",
    "__version__",
    "load_rules",
    "parse",
    "parse_source",
    "read_source",
]

if TYPE_CHECKING:
    from .errors import InputError, PolicyparseError, RuleFileError
    from .ingest import read_source
    from .pipeline import parse, parse_source
    from .ruleset import load_rules
    from .schema import SCHEMA_VERSION, PolicyDocument

# Public names are imported on first use, so `import policyparse` stays cheap.
_LAZY = {
    "InputError": "errors",
    "PolicyparseError": "errors",
    "RuleFileError": "errors",
    "read_source": "ingest",
    "parse": "pipeline",
    "parse_source": "pipeline",
    "load_rules": "ruleset",
    "SCHEMA_VERSION": "schema",
    "PolicyDocument": "schema",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policyparse' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)
