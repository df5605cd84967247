#!/usr/bin/env python3
"""The module graph of docs/architecture.md, made from Package.swift.

    python3 scripts/module-graph.py          # rewrites the graph between the markers
    python3 scripts/module-graph.py --check  # exit 1 when the document is out of date

Reads `swift package dump-package` (the manifest as SwiftPM understands it), so the table is
what the compiler enforces, not what someone remembered to write.
"""
import json, subprocess, sys, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
BEGIN, END = "<!-- module-graph:begin -->", "<!-- module-graph:end -->"


def graph() -> str:
    manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout)
    rows = ["| module | kind | depends on |", "|---|---|---|"]
    for t in manifest["targets"]:
        if t["type"] == "test":
            continue
        deps = []
        for d in t.get("dependencies", []):
            (kind, value), = d.items()
            deps.append(value[0])
        kind = {"system": "system library", "regular": "library", "executable": "executable"}.get(t["type"], t["type"])
        rows.append(f"| {t['name']} | {kind} | {', '.join(deps) if deps else '—'} |")
    return "\n".join(rows)


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    fresh = f"{head}{BEGIN}\n{graph()}\n{END}{tail}"
    if "--check" in sys.argv:
        if fresh != text:
            print("docs/architecture.md: 模块关系表与 Package.swift 不一致；请运行 python3 scripts/module-graph.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
