# Awaiting an already-done task or future does not suspend: a ready task does not get to run in between.
import asyncio
from vloop import run, log


async def quick():
    return "quick result"


async def bystander():
    log("bystander runs")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    fut = loop.create_future()
    fut.set_result("future result")
    asyncio.create_task(bystander())
    log("main awaits done task")
    log(f"got {await t}")
    log("main awaits done future")
    log(f"got {await fut}")
    log("main yields")
    await asyncio.sleep(0)
    log("main done")

run(main())
