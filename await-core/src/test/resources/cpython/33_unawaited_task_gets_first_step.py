# A task created just before main returns still runs its first step before run() cancels it.
import asyncio
from vloop import run, log


async def late():
    log("late task first step")
    try:
        await asyncio.sleep(1)
        log("late task finished")  # must never print
    except asyncio.CancelledError:
        log("late task cancelled")
        raise


async def main():
    asyncio.create_task(late())
    log("main returns")

run(main())
