# Tutorial §7: awaiting say_after twice in sequence takes 1 s + 2 s = 3 s.
import asyncio
from vloop import run, log


async def say_after(delay, what):
    await asyncio.sleep(delay)
    log(what)


async def main():
    log("started")
    await say_after(1, "hello")
    await say_after(2, "world")
    log("finished")

run(main())
