# On expiry a timeout cancels the task; its exit turns the CancelledError into TimeoutError and takes the cancel request back.
import asyncio
from vloop import run, log, tf


async def main():
    me = asyncio.current_task()
    t = None
    try:
        async with asyncio.timeout(1) as t:
            log(f"entered, when {t.when():.3f}, expired {tf(t.expired())}")
            try:
                await asyncio.sleep(10)
            finally:
                log(f"body finally, expired {tf(t.expired())}, cancelling {me.cancelling()}")
    except TimeoutError:
        log(f"timeout error, expired {tf(t.expired())}, cancelling {me.cancelling()}")
    await asyncio.sleep(1)
    log("main goes on")

run(main())
