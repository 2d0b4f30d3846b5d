"""spaCy component: responsible-unit lists and named bodies (``rules/actors.yaml``)."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import load_rules
from ._spans import add_spans, doc_text

__all__ = ["ActorRecognizer", "split_units"]

LEAD_SEPARATOR = re.compile(r"[;；]|配合单位|协同单位|参与单位")


def split_units(units: str) -> list[str]:
    """The bodies of a responsible-unit list: ``市教育局、市财政局，各区、市政府``."""
    parts = re.split(r"[、,，]", units)
    return [p.strip() for p in parts if p.strip()]


class ActorRecognizer:
    """Find ``（责任单位：…）`` / ``牵头单位：…`` lists in ``doc_text(doc)``."""

    def __init__(self, nlp: Language, name: str = "policy_actors", *, rules_dir: str | None = None):
        self.name = name
        rules = load_rules(rules_dir).actors
        self.units = re.compile(rules.responsible_units)

    def __call__(self, doc: Doc) -> Doc:
        add_spans(doc, "units", self.match(doc_text(doc)))
        return doc

    def match(self, text: str) -> list[tuple[int, int, str, str, dict[str, Any]]]:
        found = []
        for m in self.units.finditer(text):
            units = m.group("units").strip()
            lead = LEAD_SEPARATOR.split(units)[0].strip(" ,，")
            found.append(
                (
                    m.start("units"),
                    m.start("units") + len(lead),
                    "UNITS",
                    "responsible_units",
                    {"units": lead, "bodies": split_units(lead)},
                )
            )
        return found
