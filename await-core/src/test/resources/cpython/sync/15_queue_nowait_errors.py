# Queue: put_nowait on a full queue and get_nowait on an empty one raise; task_done too often raises; sizes report as documented.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    q = asyncio.Queue(maxsize=1)
    log(f"qsize={q.qsize()}, empty={tf(q.empty())}, full={tf(q.full())}, maxsize={q.maxsize}")
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        log("get_nowait on empty: QueueEmpty")
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        log("put_nowait on full: QueueFull")
    log(f"qsize={q.qsize()}, empty={tf(q.empty())}, full={tf(q.full())}")
    log(f"got {q.get_nowait()}")
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        log(f"task_done again: {e}")
    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    log(f"unbounded: qsize={unbounded.qsize()}, full={tf(unbounded.full())}, maxsize={unbounded.maxsize}")

run(main())
