# KNOWN-BAD VARIANT `no-threads`: calls run() instead of start(): no thread is started, the main thread prints every line itself.
# Otherwise identical to reference/thread-class/python/; the spec must reject it (specs/thread-class.yaml, mustReject).
# thread-class: the slide's Mythread(threading.Thread) with a shared stdout mutex.
import argparse
import threading


class Mythread(threading.Thread):             # a subclass of Thread
    def __init__(self, myId, count, mutex):
        self.myId = myId
        self.count = count
        self.mutex = mutex                    # one lock shared by all threads
        threading.Thread.__init__(self)

    def run(self):                            # what the thread does once started
        for i in range(self.count):
            with self.mutex:                  # one print at a time
                # flush under the lock: the whole line goes out before the next thread prints
                print('[%s] => %s' % (self.myId, i), flush=True)


parser = argparse.ArgumentParser()
parser.add_argument('--threads', type=int, default=10)
parser.add_argument('--count', type=int, default=10)
args = parser.parse_args()

stdoutmutex = threading.Lock()
threads = []
for i in range(args.threads):
    thread = Mythread(i, args.count, stdoutmutex)
    thread.run()                              # BUG: run() runs it here; start() starts a thread
    threads.append(thread)

print('Main thread exiting.')
