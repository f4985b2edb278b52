# timeout_at a deadline already past fires through call_soon: at the next suspension, not before; a body that never suspends is not cut.
import asyncio
from vloop import run, log


async def ticker():
    for i in range(3):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    async with asyncio.timeout(0):
        log("no suspension, no timeout")
    asyncio.create_task(ticker())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            log("body start")
            await asyncio.sleep(0)
            log("not reached")
    except TimeoutError:
        log("timeout error")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log("main end")

run(main())
