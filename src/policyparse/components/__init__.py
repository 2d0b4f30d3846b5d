"""The project's spaCy components; :func:`register` is the one place they are registered."""

from __future__ import annotations

from spacy.language import Language

__all__ = ["COMPONENTS", "register"]

# factory name → (module, class); the order is the order in the pipeline
COMPONENTS = {
    "policy_quantities": ("quantities", "QuantityRecognizer"),
    "policy_time": ("timex", "TimeRecognizer"),
    "policy_actors": ("actors", "ActorRecognizer"),
}
_registered = False


def register() -> None:
    """Register the factories with spaCy (idempotent)."""
    global _registered
    if _registered:
        return
    from importlib import import_module

    for factory, (module, cls_name) in COMPONENTS.items():
        cls = getattr(import_module(f".{module}", __name__), cls_name)

        def make(nlp: Language, name: str, rules_dir: str | None, cls: type = cls) -> object:
            return cls(nlp, name, rules_dir=rules_dir)

        Language.factory(factory, default_config={"rules_dir": None}, func=make)
    _registered = True
