# Cancelling the task that runs a group cancels the children, waits for them, and propagates CancelledError (no aggregate).
import asyncio
from vloop import run, log, tf


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(1)
        log(f"{name} cleaned up")
        raise


async def worker(name, await_in_body):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(child(name + " child"))
            if await_in_body:
                await asyncio.sleep(10)
            log(f"{name} body end")
    except asyncio.CancelledError:
        log(f"{name} cancelled, cancelling {me.cancelling()}")
        raise


async def main():
    for name, await_in_body in (("w1", True), ("w2", False)):
        w = asyncio.create_task(worker(name, await_in_body))
        await asyncio.sleep(1)
        w.cancel()
        try:
            await w
        except asyncio.CancelledError:
            log(f"{name} done, cancelled {tf(w.cancelled())}")

run(main())
