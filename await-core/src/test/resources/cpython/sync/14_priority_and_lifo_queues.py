# PriorityQueue pops the lowest first (ties in heapq's order); LifoQueue pops the newest first.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


class Job:
    """Ordered by priority only, so that ties show heapq's order."""

    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority

    def __str__(self):
        return f"{self.name}{self.priority}"


async def main():
    pq = asyncio.PriorityQueue()
    for p, n in ((2, "a"), (1, "b"), (2, "c"), (1, "d"), (2, "e"), (3, "f"), (1, "g"), (2, "h"), (0, "i")):
        pq.put_nowait(Job(p, n))
    log(f"priority order {fmt_list(pq.get_nowait() for _ in range(pq.qsize()))}")

    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        await lq.put(i)
    log(f"lifo full={tf(lq.full())}")

    async def late_put():
        await lq.put(99)
        log("late put done")

    t = asyncio.create_task(late_put())
    await asyncio.sleep(0)
    log(f"lifo got {await lq.get()}")
    await t
    log(f"lifo order {fmt_list(lq.get_nowait() for _ in range(lq.qsize()))}")

    waiter = asyncio.create_task(pq.get())
    await asyncio.sleep(1)
    await pq.put(Job(5, "z"))
    log(f"priority getter got {await waiter}")

run(main())
