# The tutorial's pizza box: a future filled by a timer callback wakes both waiters, in the order they waited.
import asyncio
from vloop import run, log, tf


async def customer(name, box):
    log(f"{name} waits with the lid open")
    pizza = await box
    log(f"{name} eats {pizza}")


async def main():
    loop = asyncio.get_running_loop()
    box = loop.create_future()
    loop.call_later(17, lambda: (log("kitchen fills the box"), box.set_result("margherita")))
    alice = asyncio.create_task(customer("alice", box))
    bob = asyncio.create_task(customer("bob", box))
    await asyncio.sleep(10)
    log(f"lift the lid: ready {tf(box.done())}")
    await asyncio.sleep(5)
    log(f"lift the lid: ready {tf(box.done())}")
    await alice
    await bob
    log(f"box holds {box.result()}")

run(main())
