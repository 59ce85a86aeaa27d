# The program that pipe-anonymous starts (the slide's child.py), with sys.executable.
import sys


def main() -> int:
    # TODO: what the statement says the child does.
    print("pipe-anonymous child: not implemented yet", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
