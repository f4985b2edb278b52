# current_task() names the running task inside a task, and is none inside call_soon and done callbacks.
import asyncio
from vloop import run, log


def current_name():
    t = asyncio.current_task()
    return "none" if t is None else t.get_name()


async def worker():
    log(f"in worker: {current_name()}")
    await asyncio.sleep(1)
    log(f"in worker after sleep: {current_name()}")


async def main():
    asyncio.current_task().set_name("main")
    loop = asyncio.get_running_loop()
    log(f"in main: {current_name()}")
    t = asyncio.create_task(worker(), name="worker")
    t.add_done_callback(lambda f: log(f"in done callback: {current_name()}"))
    loop.call_soon(lambda: log(f"in call_soon callback: {current_name()}"))
    loop.call_later(0.5, lambda: log(f"in call_later callback: {current_name()}"))
    await t
    log(f"back in main: {current_name()}")
    await asyncio.sleep(0)

run(main())
