# sleep(0) yields exactly one loop round: three tasks interleave round-robin.
import asyncio
from vloop import run, log


async def spinner(name):
    for i in range(3):
        log(f"{name}{i}")
        await asyncio.sleep(0)
    log(f"{name} done")


async def main():
    tasks = [asyncio.create_task(spinner(n)) for n in ["a", "b", "c"]]
    for t in tasks:
        await t
    log("main done")

run(main())
