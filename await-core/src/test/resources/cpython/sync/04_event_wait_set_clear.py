# Event: set() wakes every waiter in order, a cancelled waiter is skipped, wait() on a set event does not suspend, clear() after set() does not un-wake.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    event = asyncio.Event()

    async def waiter(name):
        log(f"{name} waits")
        try:
            await event.wait()
        except asyncio.CancelledError:
            log(f"{name} cancelled")
            raise
        log(f"{name} woke, is_set={tf(event.is_set())}")

    tasks = [asyncio.create_task(waiter(n)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0)
    tasks[1].cancel()
    await asyncio.sleep(1)
    event.set()
    log(f"set, is_set={tf(event.is_set())}")
    await event.wait()
    log("main's wait on a set event returned at once")
    await asyncio.gather(*tasks, return_exceptions=True)

    event.clear()
    log(f"cleared, is_set={tf(event.is_set())}")
    w4 = asyncio.create_task(waiter("w4"))
    await asyncio.sleep(1)
    event.set()
    event.clear()
    log("set and cleared in one step")
    await w4
    event.set()
    event.set()
    log(f"set twice, is_set={tf(event.is_set())}")

run(main())
