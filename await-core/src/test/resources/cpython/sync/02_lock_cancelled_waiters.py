# Lock: a cancelled waiter never gets the lock; one cancelled after it was woken passes the lock on; cancelled-only waiters do not block a newcomer.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    lock = asyncio.Lock()
    tasks = {}

    async def worker(name):
        log(f"{name} waits")
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            log(f"{name} cancelled while waiting, locked={tf(lock.locked())}")
            raise
        log(f"{name} got the lock")
        try:
            if name == "a":
                await asyncio.sleep(1)
        finally:
            lock.release()
            log(f"{name} released")
        if name == "a":
            tasks["c"].cancel()
            log("a cancelled c, which release had just woken")

    await lock.acquire()
    for n in ("a", "b", "c", "d"):
        tasks[n] = asyncio.create_task(worker(n))
    await asyncio.sleep(0)
    tasks["b"].cancel()
    await asyncio.sleep(0)
    lock.release()
    log("main released")
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    log(", ".join(f"{n} cancelled={tf(t.cancelled())}" for n, t in tasks.items()))

    # Only cancelled waiters left when the lock is released: a newcomer takes it at once.
    await lock.acquire()
    x = asyncio.create_task(worker("x"))
    await asyncio.sleep(0)
    x.cancel()
    lock.release()
    await lock.acquire()
    log(f"main re-acquired without waiting, locked={tf(lock.locked())}")
    await asyncio.sleep(0)
    log(f"x cancelled={tf(x.cancelled())}, locked={tf(lock.locked())}")
    lock.release()

run(main())
