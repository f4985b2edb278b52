# Callbacks and task steps share one FIFO ready queue and interleave in scheduling order.
import asyncio
from vloop import run, log


async def worker():
    loop = asyncio.get_running_loop()
    log("worker step 1")
    loop.call_soon(lambda: log("cb2 from worker"))
    await asyncio.sleep(0)
    log("worker step 2")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker())
    loop.call_soon(lambda: log("cb1 from main"))
    await asyncio.sleep(0)
    log("main resumed")
    await t
    log("main done")

run(main())
