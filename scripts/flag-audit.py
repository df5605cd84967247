#!/usr/bin/env python3
"""Which flags of which command no end-to-end test runs.

For every command and subcommand of `pingcha` (read from its own --help), every flag its --help
lists must be run, with that command, by some test: a test function (or setUp/helper) whose
text names the command as a string literal ("stats"; "rubric" and "check" for a subcommand)
and the flag ("--roster"). The granularity is the function, so a flag of one command run in a
test of another does not count.

  scripts/flag-audit.py .build/debug/pingcha          list what is not run, exit 1 if anything
"""
import pathlib
import re
import subprocess
import sys

IGNORED = {"--help", "--version"}


def help_text(binary, words):
    # Help goes to stderr when the output is not a terminal.
    r = subprocess.run([binary, *words, "--help"], capture_output=True, text=True, check=True)
    return r.stdout + r.stderr


def subcommands(text):
    part = text.split("SUBCOMMANDS:", 1)
    if len(part) < 2:
        return []
    return [m.group(1) for m in re.finditer(r"^  ([a-z][a-z-]*)\s", part[1], re.M)]


def flags(text):
    part = text.split("OPTIONS:", 1)[-1]
    return sorted({m.group(1) for m in re.finditer(r"^  (?:-\w, )?(--[a-z][a-z-]*)", part, re.M)} - IGNORED)


def commands(binary):
    """(words, flags) for every leaf command."""
    out = []
    for name in subcommands(help_text(binary, [])):
        text = help_text(binary, [name])
        subs = subcommands(text)
        if subs:
            for sub in subs:
                out.append(([name, sub], flags(help_text(binary, [name, sub]))))
        else:
            out.append(([name], flags(text)))
    return out


FUNC = re.compile(r"^\s*(?:@\w+\s+)*(?:override\s+|private\s+|fileprivate\s+)*(?:static\s+|class\s+)?func (\w+)", re.M)


def chunks(root):
    """(file, function name, text) of each function (and the file's top, for shared setup)."""
    for path in sorted(pathlib.Path(root).rglob("*.swift")):
        text = path.read_text(encoding="utf-8")
        found = list(FUNC.finditer(text))
        bounds = [(0, "")] + [(m.start(), m.group(1)) for m in found] + [(len(text), "")]
        for (a, name), (b, _) in zip(bounds, bounds[1:]):
            yield path, name, text[a:b]


def runs(pieces, literal):
    """The functions that run a command: those naming it, and those calling a helper of their
    own file that names it (`run(["--mask-all"])` where `run` adds "run" and the common flags)."""
    out = []
    by_file = {}
    for path, name, text in pieces:
        by_file.setdefault(path, []).append((name, text))
    for path, functions in by_file.items():
        helpers = {name for name, text in functions if name and not name.startswith("test") and all(w in text for w in literal)}
        for name, text in functions:
            if all(w in text for w in literal) or any(re.search(r"\b" + h + r"\(", text) for h in helpers if h != name):
                out.append(text)
    return out


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/pingcha"
    root = sys.argv[2] if len(sys.argv) > 2 else "Tests"
    pieces = list(chunks(root))
    found = commands(binary)
    # Never pass for want of anything to check.
    if len(found) < 10 or sum(len(f) for _, f in found) < 50:
        sys.exit(f"read only {len(found)} commands from {binary} --help: the help's layout changed?")
    missing = []
    for words, fl in found:
        literal = [f'"{w}"' for w in words]
        relevant = runs(pieces, literal)
        if not relevant:
            missing.append(f"pingcha {' '.join(words)}: no test runs it")
            continue
        for flag in fl:
            if not any(f'"{flag}"' in t for t in relevant):
                missing.append(f"pingcha {' '.join(words)} {flag}")
    for line in missing:
        print(line)
    if missing:
        print(f"{len(missing)} flag(s) of their command are run by no test", file=sys.stderr)
        sys.exit(1)
    print("every flag of every command is run by some test of that command")


if __name__ == "__main__":
    main()
