"""The house's shape: no import circles, and dependencies that point one way (DESIGN.md)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ["ats", "vacancies", "candidates", "interviews", "devtools"]


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for package in PRODUCT
            for path in (ROOT / package).rglob("*.py") if "migrations" not in path.parts}


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every product module this one imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}".rstrip(".")
            # `from package import module` imports the module; `from module import name` the module.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                       for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in MODULES and target != name}
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_no_module_imports_itself_through_others():
    assert _circles(GRAPH) == []


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _edges_from(prefix: str):
    return [(name, target) for name, targets in GRAPH.items()
            if name == prefix or name.startswith(prefix + ".") for target in targets]


def _into(target: str, prefixes: tuple[str, ...]) -> bool:
    return any(target == p or target.startswith(p + ".") for p in prefixes)


# Who may not import whom: the apps point one way (interviews -> candidates -> vacancies -> ats),
# the demo and benchmark tooling is never imported by the product, and inside interviews the
# outbox (which every email passes through) knows nothing of what writes the emails.
FORBIDDEN = [
    ("vacancies", ("candidates", "interviews", "devtools")),
    ("candidates", ("interviews", "devtools")),
    ("interviews", ("devtools",)),
    ("interviews.outbox", ("interviews.communication", "interviews.portal",
                           "interviews.reports")),
    ("interviews.communication", ("interviews.reports", "interviews.portal.views",
                                  "interviews.portal.booking", "interviews.portal.invite")),
    ("interviews.planning.models", ("interviews.communication", "interviews.outbox",
                                    "interviews.portal", "interviews.reports",
                                    "interviews.availability")),
    ("interviews.planning.configuration", ("interviews.availability",)),
    # People's calendars sit beside planning: they read interviews, and the pages that plan
    # read them; never the other way round.
    ("interviews.availability", ("interviews.portal", "interviews.reports",
                                 "interviews.planning.views", "interviews.planning.forms",
                                 "interviews.planning.selection")),
    ("interviews.communication", ("interviews.availability",)),
]


@pytest.mark.parametrize(("source", "forbidden"), FORBIDDEN, ids=[s for s, _f in FORBIDDEN])
def test_dependencies_point_one_way(source, forbidden):
    assert [edge for edge in _edges_from(source) if _into(edge[1], forbidden)] == []


def test_ats_knows_the_apps_only_in_its_root_urls():
    reaching = [edge for edge in _edges_from("ats")
                if _into(edge[1], ("vacancies", "candidates", "interviews", "devtools"))]
    assert {source for source, _target in reaching} <= {"ats.urls"}
