"""The HTTP/WebSocket side: FastAPI routes over a Blocks. Imported only when serving."""
