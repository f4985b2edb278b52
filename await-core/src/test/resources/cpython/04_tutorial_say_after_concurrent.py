# Tutorial §7: the same two say_after as tasks overlap and take 2 s.
import asyncio
from vloop import run, log


async def say_after(delay, what):
    await asyncio.sleep(delay)
    log(what)


async def main():
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    log("started")
    await task1
    await task2
    log("finished")

run(main())
