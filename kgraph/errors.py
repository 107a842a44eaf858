"""Errors a user can act on. Each has a stable code and a one-line message."""

from __future__ import annotations


class KgraphError(Exception):
    """Bad input or environment: the CLI prints `kgraph: error[CODE]: message`, exit 1."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"error[{self.code}]: {self.message}"


class InputMissing(KgraphError):
    code = "E101"


class InputEmpty(KgraphError):
    code = "E102"


class InputBinary(KgraphError):
    code = "E103"


class InputUndecodable(KgraphError):
    code = "E104"


class InputTooLarge(KgraphError):
    code = "E105"


class UnknownFormat(KgraphError):
    code = "E201"


class BadBaseIRI(KgraphError):
    """A base IRI for instance data that is not absolute, or holds characters an IRI cannot."""

    code = "E202"


class OutputError(KgraphError):
    code = "E301"


class GraphReadError(KgraphError):
    code = "E302"


class QueryError(KgraphError):
    code = "E401"


class ValidationFailed(KgraphError):
    code = "E501"


class ServeError(KgraphError):
    """The SPARQL endpoint cannot start: the port is taken or forbidden, the host unknown, the store unusable."""

    code = "E601"
