#!/usr/bin/env python3
"""Checks the bank's Python on CPython 3.11, 3.12 and 3.13: every `code` block parses, and every
`output` question's code, run like `python3 -I -c CODE` in an empty temp folder, prints exactly its
`output`. A question with a `python` range (">=3.12", ">=3.11,<3.13") is checked only on the
versions in its range; a question without one must hold on all three.

Authors' code runs in a sandbox (bubblewrap): no network, a read-only filesystem apart from an
empty temp folder, the home directory masked, and limits on CPU time, memory, processes and file
size. Code that tries what the sandbox blocks fails, with a message naming what was blocked, even
when the code catches the error.

usage: quiz-bank export --format json | python3 tests/bank/check_code.py
       python3 tests/bank/check_code.py --interpreters   (which of the three are here; for scripts/setup)
"""
import concurrent.futures
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading

VERSIONS = ((3, 11), (3, 12), (3, 13))
TIMEOUT_S = 10  # wall clock, per run
CPU_S = 5  # CPU time, per process
MEMORY_MB = 1024  # address space, per process
PROCESSES = 128  # processes and threads of one run
FILE_MB = 64  # largest file, and all files together
# Each concurrent run gets its own unused uid (when run as root), so the process limit counts
# that run's processes only.
UID_BASE = 2_000_000_000
MARK = "[quiz-bank sandbox] "

# Runs inside the sandbox as `python -I -S -c RUNNER uid memory cpu processes file homes allowed`,
# with the question's code on stdin: sets the limits, drops root, installs an audit hook that
# blocks and reports network, home-directory and out-of-folder access, then runs the code in a
# clean `__main__` as `python -I -c CODE` would (the traceback of an uncaught error shows two
# extra frames; only stdout is compared).
RUNNER = r'''
def _quiz_sandbox():
    import os, resource, signal, sys
    uid, memory, cpu, processes, file_size = map(int, sys.argv[1:6])
    homes = [p for p in sys.argv[6].split(":") if p]
    allowed = [p for p in sys.argv[7].split(":") if p]
    del sys.argv[1:]
    code = sys.stdin.buffer.read().decode("utf-8")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for limit, value in ((resource.RLIMIT_AS, (memory, memory)), (resource.RLIMIT_CPU, (cpu, cpu + 1)),
                         (resource.RLIMIT_NPROC, (processes, processes)),
                         (resource.RLIMIT_FSIZE, (file_size, file_size)), (resource.RLIMIT_CORE, (0, 0))):
        resource.setrlimit(limit, value)
    # `-S` skips the interpreter's .pth files (a third-party .pth can cost 100 ms a run); the
    # rest of what `site` does at start-up is done here, so the code sees a normal interpreter.
    import site
    site.setquit()
    site.setcopyright()
    site.sethelper()
    sys.path.extend(d for d in site.getsitepackages() if os.path.isdir(d))
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    os.mkdir("/tmp/work", 0o700)
    os.chdir("/tmp/work")

    def note(what):
        os.write(2, ("\n" + MARK + what + "\n").encode("utf-8", "replace"))

    def block(what):
        note(what)
        raise PermissionError("blocked by the bank's sandbox: " + what)

    def under(path, dirs):
        return any(path == d or path.startswith(d.rstrip("/") + "/") for d in dirs)

    def where(path):
        if path is None or isinstance(path, int):
            return None
        return os.path.normpath(os.path.join(os.getcwd(), os.fsdecode(path)))

    writes = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
    lookups = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
               "socket.gethostbyaddr", "socket.getnameinfo"}
    families = {2: "AF_INET", 10: "AF_INET6", 16: "AF_NETLINK", 17: "AF_PACKET"}

    def hook(event, args):
        if event == "open":
            path = where(args[0])
            if path is None:
                return
            if under(path, homes) and not under(path, allowed):
                block("a read in the home directory: " + path)
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            if flags & writes and not under(path, ["/tmp", "/dev"]):
                block("a write outside the temp folder: " + path)
        elif event in ("os.listdir", "os.scandir"):
            path = where(args[0] if args and args[0] is not None else ".")
            if path is not None and under(path, homes) and not under(path, allowed):
                block("a listing of the home directory: " + path)
        elif event == "socket.__new__":
            family = args[1]
            if family not in (1, -1):  # AF_UNIX (asyncio's self-pipe), or from a file descriptor
                block("network access: socket(" + families.get(family, str(family)) + ")")
        elif event in lookups:
            block("network access: " + event + "(" + repr(args[0]) + ")")

    sys.addaudithook(hook)
    fork = os.fork

    def limited_fork():
        try:
            return fork()
        except BlockingIOError:
            note("more than " + str(processes) + " processes (the process limit; a fork bomb?)")
            os.kill(-1, signal.SIGKILL)  # every process of this run: its own uid and PID namespace
            raise

    limited_fork.__name__, limited_fork.__qualname__, limited_fork.__doc__ = "fork", "fork", fork.__doc__
    os.fork = limited_fork
    main = sys.modules["__main__"].__dict__
    for name in [n for n in main if n not in ("__name__", "__doc__", "__package__", "__loader__",
                                               "__spec__", "__annotations__", "__builtins__")]:
        del main[name]
    exec(compile(code, "<string>", "exec", dont_inherit=True), main)


_quiz_sandbox()
'''.replace("MARK", repr(MARK))

# Parses every block it is given with the interpreter's own grammar; no code runs.
PARSER = r'''
import ast, json, sys, warnings
warnings.simplefilter("ignore")
failed = {}
for key, code in json.load(sys.stdin):
    try:
        ast.parse(code)
    except SyntaxError as e:
        failed[key] = "line %s: %s" % (e.lineno, e.msg)
print(json.dumps(failed))
'''

PROBE = "import json, sys; print(json.dumps([sys.implementation.name, list(sys.version_info[:3]), " \
        "sys.executable, sys.base_prefix]))"


class Interpreter:
    def __init__(self, version, micro, executable, prefixes):
        self.version, self.micro, self.executable, self.prefixes = version, micro, executable, prefixes

    @property
    def name(self):
        return "%d.%d" % self.version


def short(v):
    return "%d.%d" % v


def find_interpreter(version):
    """The CPython `version` (3, 12), or a one-line reason why there is none."""
    name = "python%d.%d" % version
    pyenv = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    candidates = [sys.executable] if sys.version_info[:2] == version else []
    on_path = shutil.which(name)
    candidates += [on_path] if on_path else []
    installed = [p for p in glob.glob(f"{pyenv}/versions/{short(version)}.*/bin/{name}")
                 if re.fullmatch(r"\d+\.\d+\.\d+", p.split("/")[-3])]
    candidates += sorted(installed, key=lambda p: int(p.split("/")[-3].split(".")[2]), reverse=True)
    candidates += [p for p in (f"/usr/bin/{name}", f"/usr/local/bin/{name}") if os.path.exists(p)]
    problems = []
    for exe in dict.fromkeys(candidates):
        try:
            done = subprocess.run([exe, "-I", "-c", PROBE], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as e:
            problems.append(f"{exe} does not run ({type(e).__name__})")
            continue
        try:
            impl, got, executable, base = json.loads(done.stdout)
        except ValueError:
            said = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[0]
            problems.append(f"{exe} does not run ({said})")
            continue
        if impl != "cpython" or tuple(got[:2]) != version:
            problems.append(f"{exe} is {impl} {'.'.join(map(str, got))}")
            continue
        executable = os.path.realpath(executable)
        prefixes = {os.path.realpath(base), os.path.dirname(os.path.dirname(executable))}
        return Interpreter(version, got[2], executable, sorted(prefixes)), None
    if not problems:
        return None, f"no {name} on PATH, in {pyenv}/versions, /usr/bin or /usr/local/bin"
    return None, "; ".join(problems)


class Sandbox:
    """bubblewrap around one interpreter run; one uid per concurrent slot."""

    def __init__(self, interpreters):
        self.root = os.geteuid() == 0
        home = os.path.realpath(os.path.expanduser("~"))
        homes = [d for d in dict.fromkeys(["/root", "/home", home]) if d != "/" and os.path.isdir(d)]
        allowed = sorted({p for i in interpreters for p in i.prefixes})
        self.homes, self.allowed = homes, allowed
        self.home = home
        self.slots = list(range(64))
        self.lock = threading.Lock()

    def command(self, interpreter, slot):
        argv = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "--size", str(FILE_MB << 20), "--perms", "1777", "--tmpfs", "/tmp",
                "--size", str(FILE_MB << 20), "--perms", "1777", "--tmpfs", "/dev/shm"]
        for d in self.homes:
            argv += ["--tmpfs", d]
        for p in self.allowed:  # the interpreters inside a masked home, and the folders above them
            home = next((d for d in self.homes if p.startswith(d + "/")), None)
            if home:
                parts = p[len(home) + 1:].split("/")
                for n in range(1, len(parts)):
                    argv += ["--perms", "0755", "--dir", "/".join([home, *parts[:n]])]
                argv += ["--ro-bind", p, p]
        argv += ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                 "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
        if not self.root:
            argv += ["--unshare-user"]
        argv += ["--clearenv", "--setenv", "PATH", os.environ.get("PATH", "/usr/bin:/bin"),
                 "--setenv", "HOME", self.home, "--setenv", "PYTHONHASHSEED", "0",
                 "--setenv", "LC_ALL", "C.UTF-8", "--chdir", "/tmp"]
        return argv + [interpreter.executable, "-I", "-S", "-c", RUNNER, str(UID_BASE + slot),
                       str(MEMORY_MB << 20), str(CPU_S), str(PROCESSES), str(FILE_MB << 20),
                       ":".join(self.homes), ":".join(self.allowed)]

    def run(self, interpreter, code):
        """(exit status or None on timeout, stdout, stderr)."""
        with self.lock:
            slot = self.slots.pop()
        try:
            try:
                proc = subprocess.Popen(self.command(interpreter, slot), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            except OSError as e:
                return 127, "", f"cannot start bwrap: {e}"
            try:
                out, err = proc.communicate(code.encode(), timeout=TIMEOUT_S)
                status = proc.returncode
            except subprocess.TimeoutExpired:
                proc.kill()  # bwrap's PID namespace dies with it, and every process in it
                out, err = proc.communicate()
                status = None
        finally:
            with self.lock:
                self.slots.append(slot)
        return status, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def diagnose(status, out, err, expected):
    """What went wrong in one run, or None when it printed `expected`."""
    blocked = list(dict.fromkeys(line[len(MARK):] for line in err.splitlines() if line.startswith(MARK)))
    if blocked:
        more = f" (and {len(blocked) - 1} more)" if len(blocked) > 1 else ""
        return f"the sandbox blocked {blocked[0]}{more}"
    if status is None:
        return f"code ran longer than {TIMEOUT_S} s"
    lines = [line for line in err.splitlines() if line.strip()]
    last = lines[-1] if lines else "?"
    if status == 128 + signal.SIGXCPU:
        return f"the sandbox stopped it at the CPU-time limit of {CPU_S} s"
    if status == 128 + signal.SIGKILL:
        return f"the sandbox killed it (SIGKILL; the hard CPU-time limit is {CPU_S + 1} s)"
    if status == 128 + signal.SIGXFSZ or "No space left on device" in last:
        return f"the sandbox blocked a file larger than the {FILE_MB} MB limit: {last}"
    if status != 0 and (last.startswith("MemoryError") or "Cannot allocate memory" in last):
        return f"the sandbox blocked an allocation beyond the memory limit of {MEMORY_MB} MB: {last}"
    if status != 0 and ("BlockingIOError" in last or "can't start new thread" in last):
        return f"the sandbox blocked more than {PROCESSES} processes or threads: {last}"
    if status != 0 and "Read-only file system" in last:
        return f"the sandbox blocked a write outside the temp folder: {last}"
    if status != 0:
        return f"code exits with {status}: {last}"
    if out != expected:
        return (f"expected output differs from what this version prints\n"
                f"    expected: {expected!r}\n    printed:  {out!r}")
    return None


def parse_range(text):
    """A `python` range as a predicate on (major, minor), or an error message."""
    ops = {">=": lambda v, w: v >= w, "<=": lambda v, w: v <= w, "==": lambda v, w: v == w,
           "<": lambda v, w: v < w}
    clauses = []
    for clause in str(text).split(","):
        m = re.fullmatch(r"\s*(>=|<=|==|<)\s*(\d+)\.(\d+)\s*", clause)
        if not m:
            return None, f"python range {text!r}: clause {clause.strip()!r} is not like \">=3.12\""
        clauses.append((ops[m[1]], (int(m[2]), int(m[3]))))
    return (lambda v: all(op(v, w) for op, w in clauses)), None


def list_interpreters() -> int:
    found, missing = [], []
    for v in VERSIONS:
        it, why = find_interpreter(v)
        if it:
            found.append(f"{it.name}.{it.micro} ({it.executable})")
        else:
            missing.append(f"CPython {short(v)} is missing: {why}")
    print("CPython for the bank's outputs: " + (", ".join(found) or "none"))
    for line in missing:
        print(line + "; scripts/check-bank will say which outputs it could not verify")
    return 0


def main() -> int:
    if sys.argv[1:] == ["--interpreters"]:
        return list_interpreters()
    exported = json.load(sys.stdin)
    # The export is an object {categories, topics, questions}; a bare array before issue 16.
    questions = exported["questions"] if isinstance(exported, dict) else exported
    interpreters, missing = [], []
    for v in VERSIONS:
        found, why = find_interpreter(v)
        if found:
            interpreters.append(found)
        else:
            missing.append((v, why))
    failures = {}  # (question index, message) -> versions

    def fail(i, message, version="all"):
        failures.setdefault((i, message), []).append(version)

    # Which versions each question is checked on.
    plan, unverified = {}, {v: 0 for v, _ in missing}
    for i, q in enumerate(questions):
        if q.get("code") is None:
            continue
        matches = lambda v: True  # noqa: E731
        if q.get("python"):
            matches, error = parse_range(q["python"])
            if error:
                fail(i, error)
                continue
        if not any(matches(v) for v in VERSIONS):
            fail(i, f"python range {q['python']!r} matches none of the checked versions "
                    f"{', '.join(short(v) for v in VERSIONS)}")
            continue
        plan[i] = [it for it in interpreters if matches(it.version)]
        for v, _ in missing:
            unverified[v] += matches(v)

    # 1. Every block parses on each of its versions (one process per version; nothing runs).
    parse_failed = set()
    for it in interpreters:
        blocks = [[i, questions[i]["code"]] for i, its in plan.items() if it in its]
        done = subprocess.run([it.executable, "-I", "-S", "-c", PARSER], input=json.dumps(blocks),
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            print(f"bank code check: the CPython {it.name} parser failed: {done.stderr.strip()}",
                  file=sys.stderr)
            return 1
        for key, why in json.loads(done.stdout).items():
            fail(int(key), f"code does not parse: {why}", it.name)
            parse_failed.add(int(key))

    # 2. Every output question prints its output on each of its versions, in the sandbox.
    runs = [(i, it) for i, its in plan.items() for it in its
            if questions[i]["kind"] == "output" and i not in parse_failed]
    sandbox = Sandbox(interpreters)
    if runs:
        status, out, err = sandbox.run(interpreters[0], "print('ok')")
        if status != 0 or out != "ok\n":
            why = (err.strip().splitlines() or [f"exit {status}"])[-1]
            print(f"bank code check: FAILED. The sandbox does not start ({why}); it needs bubblewrap "
                  "(`apt-get install bubblewrap`, done by scripts/setup) and namespaces, which some "
                  "containers forbid.", file=sys.stderr)
            return 1
    workers = max(2, min(8, 2 * (os.cpu_count() or 1)))
    failed_outputs = set()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futures = {pool.submit(sandbox.run, it, questions[i]["code"]): (i, it) for i, it in runs}
        for future in concurrent.futures.as_completed(futures):
            i, it = futures[future]
            problem = diagnose(*future.result(), questions[i]["output"])
            if problem:
                fail(i, problem, it.name)
                failed_outputs.add(i)

    failed_ids = set()
    for (i, message), versions in sorted(failures.items(), key=lambda f: f[0][0]):
        q = questions[i]
        failed_ids.add(i)
        on = "" if versions == ["all"] else f" [CPython {', '.join(sorted(versions))}]"
        first, _, rest = message.partition("\n")
        print(f'{q["category"]}/{q["topic"]}.toml: question "{q["id"]}": {first}{on}'
              + (f"\n{rest}" if rest else ""), file=sys.stderr)
    parsed = sum(1 for i in plan if i not in parse_failed)
    verified = len({i for i, _ in runs} - failed_outputs)
    on = ", ".join(f"{it.name}.{it.micro}" for it in interpreters) or "none"
    for v, why in missing:
        print(f"bank code check: CPython {short(v)} not found ({why}); {unverified[v]} question(s) "
              f"were not checked on it (scripts/setup lists what is missing)")
    status = "FAILED" if failures else "ok"
    print(f"bank code check: {status}. {parsed} blocks parsed, {verified} outputs verified "
          f"({len(runs)} sandboxed runs) on CPython {on}; {len(failed_ids)} questions failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
