# Cancelling a task cancels the future it awaits, so every other waiter of that future is cancelled too.
import asyncio
from vloop import run, log, tf


async def customer(name, box):
    try:
        log(f"{name} got {await box}")
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def main():
    box = asyncio.get_running_loop().create_future()
    alice = asyncio.create_task(customer("alice", box))
    bob = asyncio.create_task(customer("bob", box))
    await asyncio.sleep(1)
    alice.cancel()
    await asyncio.sleep(0)
    log(f"box cancelled {tf(box.cancelled())}")
    await asyncio.sleep(0)
    log(f"alice cancelled {tf(alice.cancelled())}, bob cancelled {tf(bob.cancelled())}")

run(main())
