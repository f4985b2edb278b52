# wait_for returns the inner result when it comes in time (the timer is cancelled); a None timeout just awaits.
import asyncio
from vloop import run, log


async def answer(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    log(f"got {await asyncio.wait_for(asyncio.create_task(answer(1, 42)), 2)}")
    await asyncio.sleep(5)
    log("not cancelled later")
    log(f"got {await asyncio.wait_for(asyncio.create_task(answer(100, 7)), None)}")

run(main())
