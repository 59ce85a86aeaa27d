# producer-consumer: the slide's queue.Queue with producer threads and daemon consumer threads,
# with the slide's bug fixed: the main thread waits until every message has been consumed.
import argparse
import queue
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument('--producers', type=int, default=2)
parser.add_argument('--consumers', type=int, default=2)
parser.add_argument('--messages', type=int, default=4)
parser.add_argument('--delay-ms', type=int, default=1000)
args = parser.parse_args()

numconsumers = args.consumers
numproducers = args.producers
nummessages = args.messages
dataQueue = queue.Queue()
safeprint = threading.Lock()


def producer(idnum):
    for msgnum in range(nummessages):
        if idnum * args.delay_ms > 0:
            time.sleep(idnum * args.delay_ms / 1000)
        dataQueue.put('[producer id=%d, count=%d]' % (idnum, msgnum))


def consumer(idnum):
    while True:
        # The slide polls (sleep 0.1 s, get(block=False)); a blocking get() waits without polling.
        data = dataQueue.get()
        with safeprint:
            print('consumer', idnum, 'got =>', data, flush=True)
        dataQueue.task_done()             # this message is printed


for i in range(numconsumers):
    threading.Thread(target=consumer, args=(i,), daemon=True).start()
waitfor = []
for i in range(numproducers):
    thread = threading.Thread(target=producer, args=(i,))
    waitfor.append(thread)
    thread.start()
for thread in waitfor:
    thread.join()                         # every message is on the queue...
dataQueue.join()                          # ...and every one has been printed (task_done)
# Only now may the daemon consumers die with the main thread: they are all waiting in get().
