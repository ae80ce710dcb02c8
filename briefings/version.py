"""The app's version, as installed (or as written here when running from a checkout)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefing-desk")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.1.0"
