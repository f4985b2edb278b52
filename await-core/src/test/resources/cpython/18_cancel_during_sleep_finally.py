# Cancelling a sleeping task throws into its sleep at once; its finally block runs before the awaiter resumes.
import asyncio
from vloop import run, log, tf


async def sleeper():
    log("sleeper starts a 10 s sleep")
    try:
        await asyncio.sleep(10)
        log("sleep completed")  # must never print
    finally:
        log("sleeper finally")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    log(f"cancel returns {tf(t.cancel())}")
    log(f"cancelled right after cancel() {tf(t.cancelled())}")
    try:
        await t
    except asyncio.CancelledError:
        log("main sees cancelled")
    log(f"task cancelled {tf(t.cancelled())}")
    await asyncio.sleep(20)
    log("no stray timer fired")

run(main())
