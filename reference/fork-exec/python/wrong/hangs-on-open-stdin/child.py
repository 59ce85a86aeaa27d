# The program that fork-exec starts (the slide's child.py): prints its pid and its one argument.
import os
import sys

print('Hello from child', os.getpid(), sys.argv[1])
