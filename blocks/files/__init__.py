"""The file seam shared by every file-carrying component: FileData, the cache, the access rules."""

from .access import FileRules, current_session, file_url, set_static_paths
from .data import FileData, FileSize, parse_size

__all__ = ["FileData", "FileRules", "FileSize", "current_session", "file_url", "parse_size", "set_static_paths"]
