# When main returns, run() cancels the tasks still pending; their finally blocks run at that instant.
import asyncio
from vloop import run, log


async def ticker():
    n = 0
    try:
        while True:
            await asyncio.sleep(1)
            n += 1
            log(f"tick {n}")
    except asyncio.CancelledError:
        log(f"ticker cancelled after {n} ticks")
        raise
    finally:
        log("ticker finally")


async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(2.5)
    log("main returns")

run(main())
