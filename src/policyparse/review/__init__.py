"""Self-contained HTML pages for a person to check the extraction.

- :func:`render_report`: one document's text with its commitments in place;
- :func:`render_diff`: the changes between two plans, linked into both texts;
- :func:`render_index`: the documents of a batch, with their counts and failures.

Pages fetch nothing (styles and scripts are inline, fonts are the system's) and
show document text only as text.
"""

from __future__ import annotations

from .document import SpanMismatchError, render_report
from .index import BatchReport, render_index
from .plandiff import render_diff

__all__ = ["BatchReport", "SpanMismatchError", "render_diff", "render_index", "render_report"]
