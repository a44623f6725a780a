"""Ctrl-C in the command line: exit 130 with one line, never a ``KeyboardInterrupt`` traceback.

``install()`` is the first thing ``cli.main`` does.  From then on SIGINT ends the process at once with
``os._exit(130)`` (no traceback can be printed while unwinding, wherever the signal lands: an import, a worker
process, a ``finally`` block), except inside ``shielded()``: a file being written in place is finished first,
then the process exits.  Worker processes (forked by ``-j N``) inherit the handler and exit silently.
"""

from __future__ import annotations

import os
import _signal as signal  # the C module: importing `signal` (enums) costs 3 ms of Ctrl-C window

EXIT_INTERRUPTED = 130
_state = {"depth": 0, "pending": False, "pid": None}


def _exit() -> None:
    if os.getpid() == _state["pid"]:
        try:
            os.write(2, b"shapedoctor: interrupted\n")
        except OSError:
            pass
    os._exit(EXIT_INTERRUPTED)


def _handler(signum, frame) -> None:
    if _state["depth"]:
        _state["pending"] = True
        return
    _exit()


def install():
    """Install the handler; returns the previous one (``restore`` it when ``main`` is called as a function)."""
    _state["pid"] = os.getpid()
    try:
        return signal.signal(signal.SIGINT, _handler)
    except ValueError:  # not the main thread: leave Python's default
        return None


def restore(previous) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGINT, previous)
        except ValueError:
            pass


class shielded:
    """``with shielded():`` a section that must not be cut in the middle (writing a file's bytes in place)."""

    def __enter__(self):
        _state["depth"] += 1
        return self

    def __exit__(self, *exc):
        _state["depth"] -= 1
        if not _state["depth"] and _state["pending"]:
            _state["pending"] = False
            _exit()
        return False
