"""The stage contract: a named class with typed parameters that transforms a Document."""
from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from newsparse.model import Document


@dataclasses.dataclass
class NoParams:
    """Parameters of a stage that takes none."""


class Stage:
    """Base class for pipeline stages.

    Subclasses set ``name``, a ``Params`` dataclass whose fields (with types and
    defaults) are the stage's parameters, and implement :meth:`process`. A stage
    mutates and returns the document. Heavy resources (models) are loaded lazily
    on first use and cached at module level so every document shares them.
    """

    name: ClassVar[str] = ""
    Params: ClassVar[type] = NoParams
    description: ClassVar[str] = ""

    def __init__(self, params: Any = None) -> None:
        self.params = params if params is not None else self.Params()

    def process(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Document) -> Document:
        return self.process(doc)
