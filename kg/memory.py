"""Large blocks of memory given back to the system as soon as they are freed.

glibc's ``malloc`` gives a block of 128 KiB or more a mapping of its own, returned to the
system when the block is freed, until the first such block is freed: from then on it raises
that threshold, up to 32 MiB, so that later blocks of that size come from the heap, where a
freed block stays with the process unless it lies at the heap's top. A build makes and
frees thousands of such blocks (pickled extractions, numpy columns, pages of text written
out) between its long-lived objects, so its resident memory kept the holes they left.
Fixing the threshold (:func:`give_back_large_blocks`) turns that adjustment off: at 1,000
articles the build process's peak went from 742 to 664 MB, the graph made in 418 MB
instead of 502 (``scripts/build-stages.py``, with ``MALLOC_MMAP_THRESHOLD_`` set, which
does the same from outside).

The small blocks freed inside the heap leave whole pages free there too, kept by the
process until something is allocated in them again: at 10,000 articles, once the union is
made and the article graphs let go of, the heap held 782 MB free of 876 MB. The build
gives those pages back after it lets go of a stage's data (:func:`give_back_free_pages`):
the process then held 2,174 MB instead of 2,868 MB.

>>> give_back_large_blocks() in (True, False), give_back_free_pages() in (True, False)
(True, True)
"""
from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3      # mallopt's parameter, from glibc's malloc.h
THRESHOLD = 128 * 1024     # glibc's own starting value, kept


def give_back_large_blocks() -> bool:
    """Fix glibc's mmap threshold at :data:`THRESHOLD` for this process; False where the C
    library has no ``mallopt`` or refuses it (not glibc), which changes nothing else."""
    mallopt = _glibc("mallopt", (ctypes.c_int, ctypes.c_int))
    return mallopt is not None and mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1


def give_back_free_pages() -> bool:
    """Give the system the whole pages free inside glibc's heap (``malloc_trim(0)``: 0.16 s
    for a heap of 876 MB); False where the C library has no ``malloc_trim`` (not glibc),
    which changes nothing else."""
    trim = _glibc("malloc_trim", (ctypes.c_size_t,))
    if trim is None:
        return False
    trim(0)
    return True


def available_mb(meminfo: str = "/proc/meminfo") -> int | None:
    """The memory the system can still give without swapping, in MB (``MemAvailable`` in
    ``meminfo``); None where that is not known (not Linux).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
    ...     _ = f.write("MemTotal:       24576000 kB\\nMemAvailable:    2048000 kB\\n"); f.flush()
    ...     available_mb(f.name), available_mb(f.name + ".gone")
    (2000, None)
    """
    try:
        with open(meminfo, encoding="ascii") as lines:
            for line in lines:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _glibc(name: str, argtypes: tuple):
    """The C library's function ``name`` taking ``argtypes`` and giving an int, or None on
    another system or where the library has none (not glibc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    function.argtypes, function.restype = argtypes, ctypes.c_int
    return function
