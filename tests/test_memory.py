"""Large blocks given back to the system once freed (kg.memory)."""
import platform
import sys

import pytest

from kg.memory import give_back_large_blocks


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="mallopt's threshold is glibc's")
def test_glibc_takes_the_fixed_threshold():
    assert give_back_large_blocks() is True
