"""gr.mount_gradio_app: a Blocks served under a path of an existing FastAPI app."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI

from ..errors import BlocksError
from .app import create_app

if TYPE_CHECKING:
    from ..app import Blocks


def mount(app: FastAPI, blocks: "Blocks", path: str, *, root_path: str | None = None, show_error: bool = True,
          **options: Any) -> FastAPI:
    """Serve `blocks` at `path` ("/gradio") of `app`; returns `app`, as Gradio's.

    Starlette does not run a mounted app's lifespan, so the parent's is wrapped: the Blocks'
    sessions start with the parent app and end (pages told, demo.unload run) when it stops.
    `root_path` is the public URL prefix when a proxy adds one before `path`.
    """
    if not isinstance(path, str) or not path.startswith("/") or path != path.rstrip("/") or path == "":
        raise BlocksError(f"mount_gradio_app(path={path!r}): give a path such as '/gradio' (a leading slash, "
                          f"no trailing one).")
    sub = create_app(blocks, show_error=show_error, **options)
    if root_path:
        sub.root_path = root_path
    parent_lifespan = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(parent: Any) -> AsyncIterator[Any]:
        async with parent_lifespan(parent) as state, sub.router.lifespan_context(sub):
            yield state

    app.router.lifespan_context = lifespan
    app.mount(path, sub)
    blocks._app = sub
    return app
