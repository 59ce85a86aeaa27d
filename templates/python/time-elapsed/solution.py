# time-elapsed: see README.md. Run by hand: npm run exercise -- time-elapsed
# Python 3 (the grader runs /usr/bin/python3 -E -s -B solution.py ARGS, standard output a file:
# print(..., flush=True) whatever another process or the grader waits for).
import sys


def main() -> int:
    # TODO: the program the statement describes.
    print("time-elapsed: not implemented yet (see assignments/time-elapsed/README.md)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
