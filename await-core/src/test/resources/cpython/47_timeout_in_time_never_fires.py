# A body that ends in time leaves no trace: the timer is cancelled; a timeout of None never fires.
import asyncio
from vloop import run, log, tf


async def main():
    async with asyncio.timeout(2) as t:
        await asyncio.sleep(1)
        log("body end")
    log(f"exited, expired {tf(t.expired())}")
    await asyncio.sleep(5)
    log("not cancelled later")
    async with asyncio.timeout(None) as forever:
        await asyncio.sleep(100)
        log(f"no deadline: when is none {tf(forever.when() is None)}")

run(main())
