"""Typed errors with stable, greppable codes. The library raises; the CLI picks exit codes."""

from __future__ import annotations


class ClashlogError(Exception):
    code = "CL000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(ClashlogError):
    """An input file or record could not be read (named in the message)."""

    code = "CL001"


class GazetteerError(ClashlogError):
    code = "CL010"


class StoreError(ClashlogError):
    code = "CL020"


class EvalError(ClashlogError):
    code = "CL030"


class GateFailure(ClashlogError):
    code = "CL031"
