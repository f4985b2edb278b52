# to_thread runs blocking work on another thread with a copy of the task's context; the loop keeps running other tasks meanwhile.
import asyncio
import contextvars
import threading
from vloop import run, log

REQUEST = contextvars.ContextVar("request", default="none")
release = threading.Event()


def blocking():
    release.wait()
    seen = REQUEST.get()
    REQUEST.set("set in thread")
    on_worker = threading.current_thread() is not threading.main_thread()
    return f"{seen} on {'worker' if on_worker else 'loop'} thread"


async def other():
    log("other task runs while the thread blocks")
    release.set()


async def main():
    REQUEST.set("r-42")
    t = asyncio.create_task(asyncio.to_thread(blocking))
    asyncio.create_task(other())
    while not t.done():  # vloop's virtual clock cannot wait for a thread: poll with sleep(0)
        await asyncio.sleep(0)
    log(f"result {t.result()}")
    log(f"task still sees {REQUEST.get()}")
    shut_down_default_executor()


def shut_down_default_executor():
    # Runner.close() would wait for the executor's shutdown thread, which vloop's clock cannot do:
    # join the (idle) worker threads here instead, synchronously.
    loop = asyncio.get_running_loop()
    loop._default_executor.shutdown(wait=True)
    loop._default_executor = None

run(main())
