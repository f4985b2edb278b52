# Condition: a waiter cancelled while the lock is held elsewhere re-acquires the lock before its CancelledError propagates.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    cond = asyncio.Condition()

    async def waiter():
        async with cond:
            log("waiter waits")
            try:
                await cond.wait()
            finally:
                log(f"waiter leaves wait, locked={tf(cond.locked())}")
        log("not reached")

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    async with cond:
        t.cancel()
        log("main cancelled the waiter while holding the lock")
        await asyncio.sleep(2)
        log("main releases")
    try:
        await t
    except asyncio.CancelledError:
        log(f"waiter cancelled={tf(t.cancelled())}, locked={tf(cond.locked())}")

run(main())
