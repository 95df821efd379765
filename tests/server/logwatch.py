"""Collect what the server logs (the "blocks" logger and uvicorn's error logger) during a test."""

from __future__ import annotations

import logging

WATCHED = ("blocks", "uvicorn.error")


class LogWatch(logging.Handler):
    """Records of the watched loggers. Attach after the server started: uvicorn's logging setup
    (at launch) replaces the handlers of its own loggers."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def attach(self) -> "LogWatch":
        for name in WATCHED:
            logging.getLogger(name).addHandler(self)
        return self

    def detach(self) -> None:
        for name in WATCHED:
            logging.getLogger(name).removeHandler(self)

    def tracebacks(self) -> list[str]:
        """Each record that carries a traceback, formatted as the log would show it."""
        return [logging.Formatter().format(r) for r in self.records if r.exc_info or r.stack_info]

    def errors(self) -> list[str]:
        """Messages logged at ERROR or above."""
        return [r.getMessage() for r in self.records if r.levelno >= logging.ERROR]
