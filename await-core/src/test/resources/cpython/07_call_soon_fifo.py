# call_soon runs callbacks FIFO; one scheduled by a callback runs after those already queued.
import asyncio
from vloop import run, log


async def main():
    loop = asyncio.get_running_loop()

    def first():
        log("first")
        loop.call_soon(lambda: log("scheduled by first"))

    loop.call_soon(first)
    loop.call_soon(lambda: log("second"))
    loop.call_soon(lambda: log("third"))
    log("main yields")
    await asyncio.sleep(0)
    log("main resumed")
    await asyncio.sleep(0)
    log("main resumed again")

run(main())
