# Cancelling a task cancels the task it awaits: inner unwinds first, then outer sees the cancellation.
import asyncio
from vloop import run, log, tf


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("inner cancelled")
        raise


async def outer(t_inner):
    try:
        await t_inner
    except asyncio.CancelledError:
        log("outer cancelled")
        raise


async def main():
    ti = asyncio.create_task(inner())
    to = asyncio.create_task(outer(ti))
    await asyncio.sleep(1)
    to.cancel()
    try:
        await to
    except asyncio.CancelledError:
        log("main sees outer cancelled")
    log(f"inner cancelled {tf(ti.cancelled())}, outer cancelled {tf(to.cancelled())}")

run(main())
