"""Errors and warnings of policyparse, with stable codes.

Every message is a template in :class:`Errors` or :class:`Warnings`; the code in
front (``E101``) is documented in ``docs/errors.md`` so a user can look it up.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Errors",
    "InputError",
    "PolicyparseError",
    "RuleFileError",
    "SchemaError",
    "Warnings",
]


class _Catalogue(type):
    """Prefix each message with its code: ``Errors.E101`` → ``"[E101] ..."``."""

    def __getattribute__(cls, code: str) -> Any:
        message = type.__getattribute__(cls, code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {message}"
        return message


class Errors(metaclass=_Catalogue):
    # E1xx: reading input
    E101 = "no such file or directory"
    E102 = "is a directory, not a file"
    E103 = "the file is empty"
    E104 = "looks like a binary file, not a document"
    E105 = "cannot decode the text: {detail}"
    E106 = "unsupported file type '{suffix}' (supported: {supported})"
    E107 = "cannot read the {kind} file: {detail}"
    E108 = "the {kind} file has no text layer or no text"
    E109 = "permission denied"
    E110 = "cannot read the input: {detail}"
    # E2xx: rule files
    E201 = "{count} problem(s) in rule files:\n{problems}"
    E202 = "rules folder not found: {path}"
    # E3xx: output
    E301 = "{path} exists; pass --force to overwrite it"


class Warnings(metaclass=_Catalogue):
    W101 = "decoded with {count} replacement character(s) for undecodable bytes"
    W102 = "repaired {count} systematic conversion error(s) for matching ({examples})"
    W103 = "removed {count} page number(s) glued into the text"
    W104 = "text extracted from PDF: layout may be lost"


class PolicyparseError(Exception):
    """Base of every error policyparse raises on purpose."""


class InputError(PolicyparseError, ValueError):
    """A document cannot be read: missing, empty, binary, undecodable, unsupported.

    Args:
        source: The path (or ``-`` for standard input) the problem is about.
        message: One line saying what is wrong.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class RuleFileError(PolicyparseError, ValueError):
    """One or more rule files are invalid; the message lists every problem."""


class SchemaError(PolicyparseError, ValueError):
    """Data does not fit the output schema."""
