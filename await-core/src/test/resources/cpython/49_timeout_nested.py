# Nested timeouts: only the one that fired turns the cancellation into TimeoutError.
import asyncio
from vloop import run, log, tf


async def main():
    try:
        async with asyncio.timeout(1) as outer:
            async with asyncio.timeout(2) as inner:
                await asyncio.sleep(10)
    except TimeoutError:
        log(f"outer fired: outer expired {tf(outer.expired())}, inner expired {tf(inner.expired())}")

    async with asyncio.timeout(5) as outer:
        try:
            async with asyncio.timeout(1) as inner:
                await asyncio.sleep(10)
        except TimeoutError:
            log(f"inner fired: outer expired {tf(outer.expired())}, inner expired {tf(inner.expired())}")
        await asyncio.sleep(1)
        log("outer body goes on")
    log(f"outer exited, cancelling {asyncio.current_task().cancelling()}")

run(main())
