# A timeout around an await of a task cancels that task too; its cleanup runs before the TimeoutError surfaces.
import asyncio
from vloop import run, log, tf


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("inner cancelled")
        raise


async def main():
    t = asyncio.create_task(inner())
    try:
        async with asyncio.timeout(1):
            await t
    except TimeoutError:
        log(f"timeout error, inner cancelled {tf(t.cancelled())}")

run(main())
