"""Memory given back to the system once freed (kg.memory)."""
import platform
import subprocess
import sys

import pytest

from kg.memory import give_back_large_blocks

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"

# In a process of its own: 2,000 blocks of 64 KiB made in the heap (below the fixed
# threshold for a mapping of their own), then one more above them, so that the heap's top
# is not free when they are; the resident size in MB after each step.
FREED_INSIDE_THE_HEAP = """
from kg.memory import give_back_free_pages, give_back_large_blocks
def resident():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 // 2**20
give_back_large_blocks()
blocks = [b"\\x01" * 65536 for _ in range(2000)]
above = b"\\x02" * 65536
made = resident()
del blocks
freed = resident()
print(made, freed, give_back_free_pages(), resident())
"""


@pytest.mark.skipif(not GLIBC, reason="mallopt's threshold is glibc's")
def test_glibc_takes_the_fixed_threshold():
    assert give_back_large_blocks() is True


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_the_free_pages_inside_the_heap_go_back_to_the_system():
    """Blocks freed below the heap's top stay with the process until the build gives their
    pages back: 125 MB of them here."""
    out = subprocess.run([sys.executable, "-c", FREED_INSIDE_THE_HEAP], capture_output=True, text=True, check=True)
    made, freed, asked, after = out.stdout.split()
    assert asked == "True"
    assert int(made) - int(freed) < 20, out.stdout   # kept by the process once freed...
    assert int(freed) - int(after) > 100, out.stdout  # ...until given back
