"""Large JavaScript libraries served from the Python package that ships them (never vendored here):
plotly.js from `plotly`, for gr.Plot's plotly figures. Read and compressed on first request."""

from __future__ import annotations

import functools
import gzip
import importlib.util
from pathlib import Path

from fastapi import FastAPI, Request, Response

# route name -> (Python package, the file inside it)
LIBRARIES = {"plotly.js": ("plotly", "package_data/plotly.min.js")}


@functools.cache
def _library(name: str) -> tuple[bytes, bytes] | None:
    package, inside = LIBRARIES[name]
    spec = importlib.util.find_spec(package)  # finds it without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / inside
    if not path.is_file():
        return None
    body = path.read_bytes()
    return body, gzip.compress(body, 6, mtime=0)


def add_vendor_routes(app: FastAPI) -> None:
    """GET /vendor/<library>: 404 naming the package to install when it is not installed."""

    @app.get("/vendor/{name}", include_in_schema=False)
    async def vendor(request: Request, name: str) -> Response:
        found = _library(name) if name in LIBRARIES else None
        if found is None:
            what = f"install the '{LIBRARIES[name][0]}' package" if name in LIBRARIES else "unknown library"
            return Response(f"no {name}: {what}", status_code=404, media_type="text/plain")
        body, gzipped = found
        headers = {"Cache-Control": "public, max-age=86400"}
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(gzipped, media_type="text/javascript", headers={**headers, "Content-Encoding": "gzip",
                                                                             "Vary": "Accept-Encoding"})
        return Response(body, media_type="text/javascript", headers=headers)
