# BoundedSemaphore: a release beyond the initial value is an error; a negative initial value is refused.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        log(f"holding one, value={sem._value}")
    try:
        sem.release()
    except ValueError as e:
        log(f"extra release: {e}, value={sem._value}")
    await sem.acquire()
    await sem.acquire()
    log(f"both taken, locked={tf(sem.locked())}")
    sem.release()
    sem.release()
    log(f"both given back, value={sem._value}")
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        log(f"negative value: {e}")

run(main())
