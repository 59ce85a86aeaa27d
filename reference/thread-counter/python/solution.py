# thread-counter: the slide's threads adding to one global count, made correct with the slide's lock.
import argparse
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument('--threads', type=int, default=100)
parser.add_argument('--rounds', type=int, default=1)
parser.add_argument('--delay-ms', type=int, default=500)
args = parser.parse_args()

count = 0
addlock = threading.Lock()


def adder():
    global count
    for _ in range(args.rounds):
        with addlock:
            count = count + 1   # read count, add 1, write it back: one thread at a time
        if args.delay_ms > 0:
            time.sleep(args.delay_ms / 1000)
        with addlock:
            count = count + 1


threads = []
for i in range(args.threads):
    thread = threading.Thread(target=adder, args=())
    thread.start()
    threads.append(thread)
for thread in threads:
    thread.join()
print(count)
