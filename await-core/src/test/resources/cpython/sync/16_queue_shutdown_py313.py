# Queue.shutdown() (3.13): puts raise QueueShutDown at once, a blocked putter is woken and raises, getters drain what is left and then raise.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402

if not hasattr(asyncio, "QueueShutDown"):
    sys.exit("Queue.shutdown needs CPython 3.13+; the .out file next to this one was written by hand")


async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait(1)
    q.put_nowait(2)

    async def putter():
        try:
            await q.put(3)
            log("putter put 3")
        except asyncio.QueueShutDown:
            log(f"putter: QueueShutDown, qsize={q.qsize()}")

    async def getter(name):
        while True:
            try:
                item = await q.get()
            except asyncio.QueueShutDown:
                log(f"{name}: QueueShutDown")
                return
            log(f"{name} got {item}")
            q.task_done()
            await asyncio.sleep(1)

    p = asyncio.create_task(putter())
    await asyncio.sleep(0)
    q.shutdown()
    log("shut down")
    try:
        q.put_nowait(4)
    except asyncio.QueueShutDown:
        log("put_nowait after shutdown: QueueShutDown")
    await p
    g = asyncio.create_task(getter("g"))
    await q.join()
    log("joined")
    await g
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        log("get_nowait on the empty shut-down queue: QueueShutDown")

run(main())
