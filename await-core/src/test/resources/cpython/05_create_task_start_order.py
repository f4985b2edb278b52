# createTask only schedules the first step: bodies start after main yields, in creation order.
import asyncio
from vloop import run, log


async def worker(name):
    log(f"{name} first step")
    await asyncio.sleep(0)
    log(f"{name} second step")


async def main():
    tasks = []
    for name in ["a", "b", "c"]:
        tasks.append(asyncio.create_task(worker(name)))
        log(f"created {name}")
    log("main yields")
    await asyncio.sleep(0)
    log("main resumed")
    for t in tasks:
        await t
    log("all done")

run(main())
