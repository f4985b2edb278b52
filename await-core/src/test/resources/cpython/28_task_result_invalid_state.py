# result()/exception() rules: pending -> invalid state; done -> value / no exception; failed -> the error; cancelled -> cancelled.
import asyncio
from vloop import run, log


def probe(name, fn):
    try:
        value = fn()
        log(f"{name}: {'no exception' if value is None else value}")
    except asyncio.InvalidStateError:
        log(f"{name}: invalid state")
    except asyncio.CancelledError:
        log(f"{name}: cancelled")
    except ValueError as e:
        log(f"{name}: raised {e}")


async def answer():
    return "fine"


async def fail():
    raise ValueError("boom")


async def main():
    pending = asyncio.create_task(asyncio.sleep(10))
    ok = asyncio.create_task(answer())
    failed = asyncio.create_task(fail())
    doomed = asyncio.create_task(asyncio.sleep(10))
    doomed.cancel()
    probe("pending result", pending.result)
    probe("pending exception", pending.exception)
    await asyncio.sleep(0)
    for label, t in [("ok", ok), ("failed", failed), ("cancelled", doomed)]:
        probe(f"{label} result", t.result)
        probe(f"{label} exception", t.exception)
    pending.cancel()

run(main())
