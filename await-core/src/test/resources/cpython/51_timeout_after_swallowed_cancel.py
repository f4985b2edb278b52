# Cancellation is a counted request: a task that swallowed a cancel still gets TimeoutError from a later timeout.
import asyncio
from vloop import run, log


async def stubborn():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log(f"swallowed a cancel, cancelling {me.cancelling()}")
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(10)
    except TimeoutError:
        log(f"timeout still works, cancelling {me.cancelling()}")
    return "done"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    log(f"result {await t}")

run(main())
