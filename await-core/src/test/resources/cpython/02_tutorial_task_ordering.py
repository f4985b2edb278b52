# Tutorial §6: tasks start in creation order (T1, T3, T2) only after main yields.
import asyncio
from vloop import run, log


async def t1():
    log("T1 start")
    await asyncio.sleep(2)
    log("T1 end")


async def t2():
    log("T2 start")
    log("T2 end")


async def t3():
    log("T3 start")
    log("T3 end")


async def main():
    log("main start")
    task1 = asyncio.create_task(t1())
    task3 = asyncio.create_task(t3())
    task2 = asyncio.create_task(t2())
    log("main middle")
    await task1
    await task2
    await task3
    log("main end")

run(main())
