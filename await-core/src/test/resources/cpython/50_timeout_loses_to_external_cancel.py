# A timeout that fires while someone else also cancels the task does not convert: CancelledError wins.
import asyncio
from vloop import run, log, tf


async def worker():
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(1) as t:
            await asyncio.sleep(10)
    except TimeoutError:
        log("worker timed out")
    except asyncio.CancelledError:
        log(f"worker cancelled, expired {tf(t.expired())}, cancelling {me.cancelling()}")
        raise


async def main():
    w = asyncio.create_task(worker())
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        log(f"worker done, cancelled {tf(w.cancelled())}")

run(main())
