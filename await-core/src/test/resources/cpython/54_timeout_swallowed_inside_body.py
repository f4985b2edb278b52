# A body that swallows the timeout's CancelledError exits normally: no TimeoutError, but expired() is true.
import asyncio
from vloop import run, log, tf


async def main():
    me = asyncio.current_task()
    async with asyncio.timeout(1) as t:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log("body swallowed the cancellation")
    log(f"exited normally, expired {tf(t.expired())}, cancelling {me.cancelling()}")
    await asyncio.sleep(1)
    log("main goes on")

run(main())
