# sleep(d) resumes two hops after its timer: a callback due at the same instant, registered later, runs first.
import asyncio
from vloop import run, log


async def sleeper():
    log("sleeper sleeps 1 s")
    await asyncio.sleep(1)
    log("sleeper wakes")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)  # sleeper's timer is registered now
    loop.call_later(1, lambda: log("timer registered after the sleep"))
    loop.call_later(1, lambda: loop.call_soon(lambda: log("call_soon from a timer")))
    await t
    log("main done")

run(main())
