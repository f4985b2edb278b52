# A timeout around a TaskGroup: the group is cancelled, cancels its children, waits, and the timeout raises TimeoutError.
import asyncio
from vloop import run, log


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        log(f"{name} done")
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def main():
    try:
        async with asyncio.timeout(2):
            async with asyncio.TaskGroup() as g:
                g.create_task(child("fast", 1))
                g.create_task(child("slow", 10))
    except TimeoutError:
        log(f"timeout error, cancelling {asyncio.current_task().cancelling()}")

run(main())
