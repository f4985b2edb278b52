# cancel(msg) delivers msg inside the task and to the first awaiter of the cancelled task.
import asyncio
from vloop import run, log


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log(f"worker cancelled with message: {e}")
        raise


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        log(f"main sees message: {e}")

run(main())
