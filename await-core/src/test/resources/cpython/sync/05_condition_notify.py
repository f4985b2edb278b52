# Condition: notify(n) wakes the first n waiters, notify_all the rest; each re-acquires the lock in turn; a cancelled waiter is skipped.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    cond = asyncio.Condition()

    async def waiter(name):
        async with cond:
            log(f"{name} waits")
            try:
                await cond.wait()
            except asyncio.CancelledError:
                log(f"{name} cancelled, holds the lock again: {tf(cond.locked())}")
                raise
            log(f"{name} notified, locked={tf(cond.locked())}")

    tasks = [asyncio.create_task(waiter(f"w{i}")) for i in range(1, 6)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        log("main notified 2")
        await asyncio.sleep(1)
        log("main releases")
    await asyncio.sleep(1)
    async with cond:
        tasks[2].cancel()
        cond.notify()
        log("main cancelled w3 and notified 1")
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
        log("main notified all")
    await asyncio.gather(*tasks, return_exceptions=True)
    log(f"end, locked={tf(cond.locked())}")

run(main())
