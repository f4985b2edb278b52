# A TaskGroup's exit waits for every child; the children start only once the body reaches the exit.
import asyncio
from vloop import run, log


async def child(name, delay):
    log(f"{name} start")
    await asyncio.sleep(delay)
    log(f"{name} end")
    return name


async def main():
    async with asyncio.TaskGroup() as g:
        a = g.create_task(child("a", 2))
        b = g.create_task(child("b", 1))
        log("body end")
    log(f"group done, results {a.result()} {b.result()}")

run(main())
