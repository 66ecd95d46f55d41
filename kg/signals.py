"""Ctrl-C (SIGINT) and SIGTERM held back while a step must not be cut in half."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


@contextmanager
def held():
    """SIGINT and SIGTERM noted but not acted on until the block ends, then acted on.

    A handler that only notes the signal does it, not a signal mask: a mask holds a signal
    back from one thread only, and the kernel hands a signal sent to the process to any
    thread that does not block it (Oxigraph's and the build's threads), after which
    Python acts on it in the main thread all the same. Python runs its handlers in the main
    thread only, so elsewhere the block runs as it is.

    >>> import os
    >>> seen = []
    >>> before = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append("then the signal is acted on"))
    >>> with held():
    ...     os.kill(os.getpid(), signal.SIGTERM)
    ...     seen.append("the block ends")
    >>> _ = signal.signal(signal.SIGTERM, before)
    >>> seen
    ['the block ends', 'then the signal is acted on']
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    signums = (signal.SIGINT, signal.SIGTERM)
    before = {signum: signal.signal(signum, lambda signum, frame: caught.append(signum)) for signum in signums}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if caught:
            signal.raise_signal(caught[0])  # handled now as it would have been then
