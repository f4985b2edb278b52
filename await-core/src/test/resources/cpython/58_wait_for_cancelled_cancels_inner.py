# Cancelling the task inside wait_for cancels the inner task and waits for its cleanup before propagating.
import asyncio
from vloop import run, log, tf


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(1)
        log("inner cleaned up")
        raise


async def outer(t):
    try:
        return await asyncio.wait_for(t, 5)
    except asyncio.CancelledError:
        log("outer cancelled")
        raise


async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(1)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        log(f"outer done, inner cancelled {tf(t.cancelled())}")

run(main())
