# Queue: put suspends while the queue is full; get suspends while empty; join waits for task_done of every item.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    q = asyncio.Queue(maxsize=2)

    async def producer():
        for i in range(5):
            log(f"putting {i}, full={tf(q.full())}")
            await q.put(i)
            log(f"put {i}, qsize={q.qsize()}")

    async def consumer(name):
        while True:
            item = await q.get()
            log(f"{name} got {item}")
            await asyncio.sleep(1)
            q.task_done()
            log(f"{name} done with {item}")

    consumers = [asyncio.create_task(consumer(n)) for n in ("c1", "c2")]
    p = asyncio.create_task(producer())
    await asyncio.sleep(0)
    await p
    log("producer finished")
    await q.join()
    log(f"joined, empty={tf(q.empty())}, maxsize={q.maxsize}")
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    await q.join()
    log("join on a finished queue returned at once")

run(main())
