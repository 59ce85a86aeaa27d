# sync-rlock: a thread takes the slide's threading.RLock recursively, N deep.
import argparse
import threading

parser = argparse.ArgumentParser()
parser.add_argument('--depth', type=int, default=5)
args = parser.parse_args()

lock = threading.RLock()            # with threading.Lock() this deadlocks


def take(depth, n):
    with lock:                      # the same thread takes the lock again and again
        print('acquire', depth, flush=True)
        if depth < n:
            take(depth + 1, n)
        print('release', depth, flush=True)


# Python's default recursion limit (1000) leaves room for the depths the exercise uses.
thread = threading.Thread(target=take, args=(1, args.depth))
thread.start()
thread.join()
