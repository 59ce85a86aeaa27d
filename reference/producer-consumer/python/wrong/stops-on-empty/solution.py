# KNOWN-BAD VARIANT `stops-on-empty`: consumers take with get(block=False), as the slide does, but
# stop at the first empty queue instead of trying again: messages put later are never printed.
# Otherwise like reference/producer-consumer/python/; the spec must reject it
# (specs/producer-consumer.yaml, mustReject).
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
        try:
            data = dataQueue.get(block=False)
        except queue.Empty:
            return                        # BUG: an empty queue now is not the end: producers may be sleeping
        with safeprint:
            print('consumer', idnum, 'got =>', data, flush=True)


consumers = [threading.Thread(target=consumer, args=(i,)) for i in range(numconsumers)]
for thread in consumers:
    thread.start()
waitfor = []
for i in range(numproducers):
    thread = threading.Thread(target=producer, args=(i,))
    waitfor.append(thread)
    thread.start()
for thread in waitfor + consumers:
    thread.join()
