# A group refuses new tasks once it is shutting down (after a failure) or finished; a child cancelled on its own is no failure.
import asyncio
from vloop import run, log, tf


async def fail_at(delay):
    await asyncio.sleep(delay)
    raise ValueError("boom")


async def idle():
    await asyncio.sleep(10)


def try_create(g, what):
    coro = asyncio.sleep(0)
    try:
        g.create_task(coro)
        log(f"{what}: accepted")
    except RuntimeError:
        coro.close()
        log(f"{what}: refused")


async def main():
    async with asyncio.TaskGroup() as g:
        t = g.create_task(idle())
        await asyncio.sleep(1)
        t.cancel()
        log("body end")
    log(f"group ok, child cancelled {tf(t.cancelled())}")
    try_create(g, "after the group finished")

    try:
        async with asyncio.TaskGroup() as g2:
            g2.create_task(fail_at(1))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                try_create(g2, "while shutting down")
                raise
    except ExceptionGroup:
        log("aggregate caught")

run(main())
