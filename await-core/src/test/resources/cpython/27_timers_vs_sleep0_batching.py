# Each loop round runs only what was ready at its start; due timers join that batch AFTER the ready items.
import asyncio
from vloop import run, log


async def spinner():
    loop = asyncio.get_running_loop()
    for i in range(3):
        log(f"spinner step {i}")
        if i == 0:
            loop.call_later(0, lambda: log("timer set by spinner fired"))
            loop.call_soon(lambda: log("soon set by spinner"))
        await asyncio.sleep(0)
    log("spinner done")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, lambda: log("timer 0 fired"))
    loop.call_soon(lambda: log("soon 1"))
    t = asyncio.create_task(spinner())
    loop.call_soon(lambda: log("soon 2"))
    await t
    log("main done")

run(main())
