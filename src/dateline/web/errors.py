"""The one JSON error shape of the HTTP API, made in one place (issue 13).

Every error is ``{"error": {"code": "E…", "message": "…"}}`` with a 4xx status: a bad filter
or query 400, an unknown article or route 404, a method 405, a write to a read-only store
403, a body over ``max_article_bytes`` 413. Only a fault of dateline itself is a 500
(``E500``), never bad input. The codes and messages are dateline's own (``errors.py``).
"""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    E_BAD_PARAM,
    E_METHOD,
    E_NOT_FOUND,
    E_UNEXPECTED,
    E_UPLOAD_TOO_LARGE,
    DateError,
    DatelineError,
    InputError,
    QueryError,
    StoreError,
)

__all__ = ["ApiError", "BodyTooLarge", "error_response", "install_error_handlers"]

log = logging.getLogger("dateline.web")

_CODE = re.compile(r"\[(E[0-9]{3})\]")
# Input errors whose message codes call for another status than 400.
_STATUS_OF_CODE = {"E022": 413, "E026": 413, "E104": 413}


class ApiError(Exception):
    """An error the API answers with: status, code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        self.status = status
        self.code = code
        self.message = message
        super().__init__(message)


class BodyTooLarge(ApiError):
    """A request body over the limit (413, E104)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, "E104", E_UPLOAD_TOO_LARGE.format(limit=limit))


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The JSON error response: ``{"error": {"code", "message"}}``."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def code_of(message: str, default: str) -> str:
    """The ``E0xx`` code a dateline message starts with, else ``default``."""
    found = _CODE.search(message)
    return found.group(1) if found else default


def _dateline_error(_request: Request, error: Exception) -> JSONResponse:
    message = str(error)
    if isinstance(error, QueryError):
        return error_response(400, error.code, message)
    if isinstance(error, InputError):
        code = code_of(error.reason, "E020")
        return error_response(_STATUS_OF_CODE.get(code, 400), code, error.reason)
    if isinstance(error, DateError):
        return error_response(400, code_of(message, "E028"), message)
    if isinstance(error, StoreError):
        log.error("store error: %s", message)
        return error_response(503, code_of(message, "E042"), message)
    return error_response(400, code_of(message, "E100"), message)


def _api_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(error.status, error.code, error.message)


def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    if error.status_code == 404:
        return error_response(404, "E106", E_NOT_FOUND.format(path=request.url.path))
    if error.status_code == 405:
        return error_response(
            405, "E107", E_METHOD.format(method=request.method, path=request.url.path)
        )
    return error_response(error.status_code, f"E{error.status_code}", str(error.detail))


def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    first: dict[str, Any] = error.errors()[0] if error.errors() else {}
    name = str(first.get("loc", ["", "?"])[-1])
    value = first.get("input")
    message = E_BAD_PARAM.format(name=name, value=value, reason=first.get("msg", "not valid"))
    return error_response(400, "E100", message)


def _unexpected(request: Request, error: Exception) -> JSONResponse:
    # The client gets a reference, not Python's text of the error (a path, a value, a piece of
    # SQL); the log has the traceback under the same reference.
    reference = uuid.uuid4().hex[:12]
    log.error(
        "unexpected error %s on %s %s", reference, request.method, request.url.path,
        exc_info=error,
    )  # fmt: skip
    return error_response(500, "E500", E_UNEXPECTED.format(reference=reference))


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error with the one shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
