# Condition.wait_for: consumers wait for a predicate; each notify wakes one, which re-checks the predicate; misuse without the lock is an error.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    cond = asyncio.Condition()
    items = []

    try:
        await cond.wait()
    except RuntimeError as e:
        log(f"wait unlocked: {e}")
    try:
        cond.notify()
    except RuntimeError as e:
        log(f"notify unlocked: {e}")

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: len(items) > 0)
            log(f"{name} took {items.pop(0)}")

    async def producer():
        for i in range(3):
            await asyncio.sleep(1)
            async with cond:
                items.append(i)
                log(f"produced {i}")
                cond.notify()

    consumers = [asyncio.create_task(consumer(f"c{i}")) for i in range(1, 4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
        log("spurious notify_all: predicates are false")
    await producer()
    await asyncio.gather(*consumers)
    log(f"left {fmt_list(items)}")

run(main())
