# Lock: releasing an unlocked lock is an error; an exception inside "async with" releases the lock and propagates.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        log(f"release unlocked: {e}")

    async def failing():
        async with lock:
            log("failing holds the lock")
            await asyncio.sleep(1)
            raise ValueError("boom")

    async def next_one():
        async with lock:
            log("next_one got the lock")

    t1 = asyncio.create_task(failing())
    t2 = asyncio.create_task(next_one())
    try:
        await t1
    except ValueError as e:
        log(f"failing raised {e}, locked={tf(lock.locked())}")
    await t2
    log(f"end, locked={tf(lock.locked())}")

run(main())
