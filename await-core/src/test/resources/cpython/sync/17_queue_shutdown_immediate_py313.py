# Queue.shutdown(immediate=True) (3.13): blocked getters raise QueueShutDown, the queue is drained, join() returns once the items taken before are done too.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402

if not hasattr(asyncio, "QueueShutDown"):
    sys.exit("Queue.shutdown needs CPython 3.13+; the .out file next to this one was written by hand")


async def main():
    q = asyncio.Queue()

    async def getter(name):
        try:
            item = await q.get()
            log(f"{name} got {item}")
        except asyncio.QueueShutDown:
            log(f"{name}: QueueShutDown")

    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    log(f"shut down immediately, qsize={q.qsize()}")
    await asyncio.gather(g1, g2)

    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    log(f"got {q.get_nowait()}")

    async def joiner():
        await q.join()
        log("joiner released")

    j = asyncio.create_task(joiner())
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    log(f"shut down immediately, qsize={q.qsize()}, joiner done={tf(j.done())}")
    await asyncio.sleep(1)
    log(f"joiner still waiting={tf(not j.done())}")
    q.task_done()
    await j
    try:
        await q.get()
    except asyncio.QueueShutDown:
        log("get after shutdown: QueueShutDown")
    try:
        await q.put(5)
    except asyncio.QueueShutDown:
        log("put after shutdown: QueueShutDown")

run(main())
