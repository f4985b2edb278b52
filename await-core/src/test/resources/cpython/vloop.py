"""Run asyncio on virtual time, deterministically, with CPython's own scheduling logic.

VirtualLoop is a stock SelectorEventLoop except for two things:
  * time() returns a virtual float that starts at 0.0;
  * its selector's select(timeout) never waits: timeout > 0 advances virtual time by
    `timeout` and returns no events at once; timeout None (nothing ready, no timers)
    is a deadlock and raises RuntimeError.
Everything else -- _run_once's batching, the timer heap, Task.__step, Future callbacks,
gather, cancellation -- is CPython's untouched code, so the trace a scenario prints is
the trace CPython prints.
"""
import asyncio
import inspect
import selectors
from asyncio import base_events

# _run_once pops a timer when `handle._when < self.time() + self._clock_resolution`.
# select(timeout) advances exactly to the earliest deadline, so that timer is due.
# If a future CPython changes this line, the premise of this helper must be re-checked.
assert "end_time = self.time() + self._clock_resolution" in inspect.getsource(
    base_events.BaseEventLoop._run_once), "CPython's _run_once changed; re-check vloop.py"


class _VirtualSelector:
    """Wraps a real selector (it still holds the loop's self-pipe) but never blocks."""

    def __init__(self, real):
        self._real = real
        self.loop = None

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("deadlock: nothing is ready and no timer is scheduled")
        if timeout > 0:
            self.loop._vtime += timeout
            return []
        return self._real.select(0)

    def __getattr__(self, name):  # register, unregister, modify, get_key, get_map, close
        return getattr(self._real, name)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self._vtime = 0.0
        selector = _VirtualSelector(selectors.DefaultSelector())
        super().__init__(selector)
        selector.loop = self
        self.set_debug(False)

    def time(self):
        return self._vtime


def run(main_coro):
    """asyncio.run(main_coro) on a VirtualLoop: runs main as a task, cancels leftovers, closes."""
    with asyncio.Runner(loop_factory=VirtualLoop) as runner:
        return runner.run(main_coro)


def log(msg):
    """Print `<virtual seconds, 3 decimals> <msg>`; works in tasks and in callbacks."""
    print(f"{asyncio.get_running_loop().time():.3f} {msg}")


def tf(flag):
    """Booleans spelled the way Java prints them."""
    return "true" if flag else "false"


def fmt_list(items):
    """[a, b, c], the way Java's List.toString prints it."""
    return "[" + ", ".join(str(x) for x in items) + "]"
