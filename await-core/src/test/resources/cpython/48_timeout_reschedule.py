# reschedule() moves the deadline (None removes it); after the exit it is refused.
import asyncio
from vloop import run, log, tf


async def main():
    loop = asyncio.get_running_loop()
    t = None
    try:
        async with asyncio.timeout(1) as t:
            await asyncio.sleep(0.5)
            t.reschedule(loop.time() + 2)
            log(f"moved to {t.when():.3f}")
            await asyncio.sleep(1.5)
            log("still running")
            t.reschedule(None)
            await asyncio.sleep(5)
            log("no deadline")
            t.reschedule(loop.time() + 1)
            await asyncio.sleep(5)
    except TimeoutError:
        log(f"timeout error, expired {tf(t.expired())}")
    try:
        t.reschedule(loop.time() + 1)
    except RuntimeError:
        log("reschedule after exit refused")

run(main())
