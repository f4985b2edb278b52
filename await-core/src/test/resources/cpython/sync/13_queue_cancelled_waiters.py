# Queue: a getter (putter) cancelled after put_nowait (get_nowait) woke it wakes the next one, so no item and no slot is lost.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    q = asyncio.Queue()

    async def getter(name):
        try:
            item = await q.get()
        except asyncio.CancelledError:
            log(f"{name} cancelled, qsize={q.qsize()}")
            raise
        log(f"{name} got {item}")

    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    g3 = asyncio.create_task(getter("g3"))
    await asyncio.sleep(0)
    g2.cancel()
    q.put_nowait("x")
    g1.cancel()
    log("put x, then cancelled g1 (woken) and g2 (waiting)")
    await asyncio.gather(g1, g2, g3, return_exceptions=True)

    q = asyncio.Queue(maxsize=1)
    q.put_nowait("first")

    async def putter(name):
        try:
            await q.put(name)
        except asyncio.CancelledError:
            log(f"{name} cancelled, full={tf(q.full())}")
            raise
        log(f"{name} put")

    p1 = asyncio.create_task(putter("p1"))
    p2 = asyncio.create_task(putter("p2"))
    await asyncio.sleep(0)
    log(f"got {q.get_nowait()}")
    p1.cancel()
    await asyncio.gather(p1, p2, return_exceptions=True)
    log(f"left {q.get_nowait()}, empty={tf(q.empty())}")

run(main())
