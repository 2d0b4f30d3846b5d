"""Two plans written to files, for the diff command's tests."""

from __future__ import annotations

from pathlib import Path


def write_pair(folder: Path, old: str, new: str) -> tuple[str, str]:
    """``old.txt`` and ``new.txt`` in ``folder``; their paths as strings."""
    old_path, new_path = folder / "old.txt", folder / "new.txt"
    old_path.write_text(old, encoding="utf-8")
    new_path.write_text(new, encoding="utf-8")
    return str(old_path), str(new_path)
