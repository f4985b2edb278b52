# Lock: waiters get the lock in FIFO order, and a task that acquires right after a release queues behind the woken waiter (no barging).
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    lock = asyncio.Lock()

    async def worker(name):
        log(f"{name} wants the lock")
        async with lock:
            log(f"{name} got the lock")
            await asyncio.sleep(1)
            log(f"{name} releases")

    await lock.acquire()
    log(f"main holds the lock, locked={tf(lock.locked())}")
    tasks = [asyncio.create_task(worker(n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    lock.release()
    log(f"main released, locked={tf(lock.locked())}")
    await lock.acquire()  # must queue behind a (already woken), b and c
    log(f"main got the lock again, locked={tf(lock.locked())}")
    lock.release()
    await asyncio.gather(*tasks)
    log(f"end, locked={tf(lock.locked())}")

run(main())
