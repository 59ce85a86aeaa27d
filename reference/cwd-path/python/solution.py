# cwd-path: the slide's os.getcwd() and the directory of the running script.
import os

print("My cwd:", os.getcwd())                                     # where it was started from
print("My script dir:", os.path.dirname(os.path.abspath(__file__)))  # where this file is
