# Cancelling a task that awaits to_thread raises CancelledError at once; the thread's late result is dropped.
import asyncio
import threading
from vloop import run, log, tf

started = threading.Event()
release = threading.Event()
finished = threading.Event()


def blocking():
    started.set()
    release.wait()
    finished.set()
    return "late"


async def caller():
    try:
        return await asyncio.to_thread(blocking)
    except asyncio.CancelledError:
        log("caller cancelled")
        raise


async def main():
    t = asyncio.create_task(caller())
    while not started.is_set():
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log(f"caller done, cancelled {tf(t.cancelled())}, thread finished {tf(finished.is_set())}")
    release.set()
    while not finished.is_set():
        await asyncio.sleep(0)
    await asyncio.sleep(0)
    log("late result dropped")
    shut_down_default_executor()


def shut_down_default_executor():
    # Runner.close() would wait for the executor's shutdown thread, which vloop's clock cannot do:
    # join the (idle) worker threads here instead, synchronously.
    loop = asyncio.get_running_loop()
    loop._default_executor.shutdown(wait=True)
    loop._default_executor = None

run(main())
