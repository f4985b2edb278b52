# Semaphore: at most value holders, FIFO hand-over; a waiter cancelled while waiting takes no permit, one cancelled after being woken gives it on.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    sem = asyncio.Semaphore(2)
    tasks = {}

    async def worker(name, hold):
        log(f"{name} wants, locked={tf(sem.locked())}")
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            log(f"{name} cancelled while waiting, value={sem._value}")
            raise
        try:
            log(f"{name} got a permit, value={sem._value}")
            await asyncio.sleep(hold)
        finally:
            sem.release()
            log(f"{name} released, value={sem._value}")
        if name == "w1":
            tasks["w4"].cancel()
            log("w1 cancelled w4, which its release had just woken")

    for name, hold in (("w1", 1), ("w2", 2), ("w3", 1), ("w4", 1), ("w5", 1), ("w6", 1)):
        tasks[name] = asyncio.create_task(worker(name, hold))
    await asyncio.sleep(0)
    tasks["w3"].cancel()
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    log(", ".join(f"{n} cancelled={tf(t.cancelled())}" for n, t in tasks.items()))
    log(f"end, value={sem._value}, locked={tf(sem.locked())}")

run(main())
