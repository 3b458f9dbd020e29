"""Where a warning should point: the first frame outside this package, the user's line."""

from __future__ import annotations

import os
import sys

__all__ = ["caller_stacklevel"]

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def caller_stacklevel() -> int:
    """``stacklevel`` for a ``warnings.warn`` made by the function that calls this one.

    It names the first frame outside the package however deep the call is (one object,
    or a page fetched inside an iterator).
    """
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level
