"""Folders a command writes into before moving the result into place, named after its
process (``PREFIX`` then the process number), so that a later run can tell one abandoned by a
process that is gone (killed with SIGKILL, the machine stopped) from one still being written.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def remove_abandoned(folder: Path, prefix: str) -> None:
    """Remove the folders ``prefix`` + PID in ``folder`` whose process is gone, and this
    process's own earlier one.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for pid in (1, os.getpid(), 2 ** 22 + 1):  # alive; this process; one that cannot exist
    ...         Path(tmp, f".kg-build-{pid}").mkdir()
    ...     remove_abandoned(Path(tmp), ".kg-build-")
    ...     [p.name for p in Path(tmp).iterdir()]
    ['.kg-build-1']
    """
    for found in folder.glob(f"{prefix}*"):
        pid = found.name[len(prefix):]
        if found.is_dir() and pid.isdigit() and (int(pid) == os.getpid() or not _running(int(pid))):
            shutil.rmtree(found, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
