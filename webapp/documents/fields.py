"""Which fields a Word template uses, and which ones a document offers.

A field is a dotted path from the document's context: ``order.number``, ``rows[].mentors``. The
template's fields come from its Jinja syntax tree (document body, headers and footers, after
docxtpl has joined the tags Word splits across runs); loop variables resolve to their list.
"""
from __future__ import annotations

from jinja2 import Environment, nodes


def offered(context: dict, prefix: str = "") -> set[str]:
    """Every path a context offers: dicts are walked, lists through their first item."""
    paths = set()
    for key, value in context.items():
        path = f"{prefix}{key}"
        paths.add(path)
        if isinstance(value, dict):
            paths |= offered(value, path + ".")
        elif isinstance(value, list):
            paths.add(path + "[]")
            if value and isinstance(value[0], dict):
                paths |= offered(value[0], path + "[].")
    return paths


def _path(node, scope: dict) -> str | None:
    if isinstance(node, nodes.Name):
        return scope.get(node.name, node.name)
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        base = _path(node.node, scope)
        return f"{base}.{node.arg.value}" if base else None
    return None


BUILTIN_NAMES = {"loop", "range", "true", "false", "none", "True", "False", "None"}


def used(source: str, env: Environment | None = None) -> set[str]:
    """The context paths a Jinja source reads (longest paths only: ``a.b`` hides ``a``)."""
    env = env or Environment()
    tree = env.parse(source)
    found: set[str] = set()

    def visit(node, scope):
        if isinstance(node, nodes.For):
            visit(node.iter, scope)
            inner = dict(scope)
            iterated = _path(node.iter, scope)
            for target in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]:
                inner[target.name] = f"{iterated}[]" if iterated else target.name
            inner["loop"] = "loop"
            for child in node.body + node.else_:
                visit(child, inner)
            if node.test is not None:
                visit(node.test, inner)
            return
        if isinstance(node, nodes.Assign):
            visit(node.node, scope)
            if isinstance(node.target, nodes.Name):
                scope[node.target.name] = "set:" + node.target.name
            return
        if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)):
            path = _path(node, scope)
            if path is not None:
                if not path.startswith("set:") and path.split(".")[0].split("[")[0] not in BUILTIN_NAMES:
                    found.add(path)
                return
        for child in node.iter_child_nodes():
            visit(child, scope)

    visit(tree, {})
    return {p for p in found if not any(other.startswith(p + ".") or other.startswith(p + "[")
                                        for other in found)}


def unknown(used_paths: set[str], offered_paths: set[str]) -> list[str]:
    return sorted(p for p in used_paths if p not in offered_paths)


def missing(used_paths: set[str], required: set[str]) -> list[str]:
    """Fields the built-in template uses that an edited one dropped."""
    covered = {p for p in used_paths}
    return sorted(p for p in required if p not in covered)
