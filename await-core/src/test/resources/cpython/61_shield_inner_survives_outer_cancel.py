# shield: cancelling the awaiting task raises CancelledError there, but the shielded task runs on to completion.
import asyncio
from vloop import run, log, tf


async def work():
    await asyncio.sleep(2)
    log("work finished")
    return 7


async def waiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        log("waiter cancelled")
        raise


async def main():
    inner = asyncio.create_task(work())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        log(f"waiter done, inner done {tf(inner.done())}")
    log(f"inner result {await inner}")

run(main())
