// The start of an observed Python run: `python3 -E -s -B .grader-tasks.py solution.py ARGS`. The
// build writes this file beside the program; it reports each task the program creates on the task
// channel (fd TASK_REPORT_FD, grader/run/task-reports.ts), then runs the program as `python3
// solution.py ARGS` would: the same __main__ module, sys.argv, sys.path[0], __file__ and exit
// status, and a traceback without this file's frames. Nothing is reported when the fd is not open.
//
// - threads: _thread.start_new_thread (3.13: start_joinable_thread), and threading's own copy of
//   it, start a wrapper that writes `thread PID TID` in the new thread before the thread's function;
// - forks: os.register_at_fork(after_in_child=...) writes `fork PID PPID` in the child (os.fork,
//   multiprocessing, pty.fork; not os.system's or subprocess's children, which fork in C and exec);
// - execs: an audit hook on `os.exec` writes `exec PID` (os.exec* are audited; a hook adds no frame
//   to a failed exec's traceback, as a wrapper of os.execv would).
// The channel is moved to a high, close-on-exec descriptor, so that the program's own descriptors
// are numbered as without it and an exec'd program does not inherit it.
import { TASK_REPORT_FD } from '../types.js';

/** The bootstrap's name in the built program's folder (a dot file: a student's folder listing or module name never meets it). */
export const TASK_BOOTSTRAP_FILE = '.grader-tasks.py';

/** The bootstrap's source. */
export const TASK_BOOTSTRAP_SOURCE = String.raw`# Written by the grader (grader/languages/python/task-bootstrap.ts): reports the threads and
# processes of an observed run, then runs the program given as first argument as python3 would.
def _grader_run_program():
    import os, sys, _thread

    channel = -1
    try:
        import stat
        mode = os.fstat(${TASK_REPORT_FD}).st_mode
        if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
            try:
                from fcntl import fcntl, F_DUPFD_CLOEXEC
                channel = fcntl(${TASK_REPORT_FD}, F_DUPFD_CLOEXEC, 200)
                os.close(${TASK_REPORT_FD})
            except (ImportError, OSError):
                channel = ${TASK_REPORT_FD}
                os.set_inheritable(channel, False)
    except OSError:
        pass
    if channel >= 0:
        write, getpid, native_id = os.write, os.getpid, _thread.get_native_id

        def report(line):
            try:
                write(channel, line)
            except OSError:
                pass

        class Reported:
            __slots__ = ('function',)

            def __init__(self, function):
                self.function = function

            def __repr__(self):
                return repr(self.function)

            def __call__(self, *args, **kwargs):
                report(b'thread %d %d\n' % (getpid(), native_id()))
                try:
                    return self.function(*args, **kwargs)
                except BaseException as error:
                    if error.__traceback__ is not None:
                        error.__traceback__ = error.__traceback__.tb_next
                    raise

        def reporting(start):
            def start_reported(function, *args, **kwargs):
                return start(Reported(function), *args, **kwargs)
            return start_reported

        threading = sys.modules.get('threading')
        for module, names in ((_thread, ('start_new_thread', 'start_new', 'start_joinable_thread')), (threading, ('_start_new_thread', '_start_joinable_thread'))):
            for name in names:
                start = getattr(module, name, None)
                if start is not None:
                    setattr(module, name, reporting(start))
        own_pid = [getpid()]

        def forked():
            parent = own_pid[0]
            own_pid[0] = getpid()
            report(b'fork %d %d\n' % (own_pid[0], parent))

        os.register_at_fork(after_in_child=forked)

        def audited(event, args):
            if event == 'os.exec':
                report(b'exec %d\n' % getpid())

        try:
            sys.addaudithook(audited)
        except Exception:
            pass

    bootstrap = sys._getframe().f_code.co_filename
    del sys.argv[0]
    path = os.path.abspath(sys.argv[0])
    names = sys.modules['__main__'].__dict__
    del names['_grader_run_program']
    names['__file__'] = path
    names['__cached__'] = None
    loader = names.get('__loader__')
    if loader is not None:
        names['__loader__'] = type(loader)('__main__', path)
    try:
        with open(path, 'rb') as source:
            code = compile(source.read(), path, 'exec', dont_inherit=True)
        exec(code, names)
    except SystemExit:
        raise
    except BaseException:
        hook = sys.excepthook

        def without_bootstrap(kind, value, traceback):
            while traceback is not None and traceback.tb_frame.f_code.co_filename == bootstrap:
                traceback = traceback.tb_next
            if isinstance(value, BaseException):
                value.__traceback__ = traceback
            return hook(kind, value, traceback)

        sys.excepthook = without_bootstrap
        raise


_grader_run_program()
`;
