"""Generate ``asana_typed/api``: one resource class per tag, one method per operation.

Each operation becomes a method named ``snake(operationId)``: the path parameters first
(positional strings, checked with ``path_arg``), then ``params`` (a ``TypedDict`` of the
query parameters for GET/DELETE, of the JSON body's ``data`` for POST/PUT), then the
request options as keyword arguments. Overloads give the exact return type for each
combination of ``fields``/``expand`` (a model class projects), ``full_payload`` and
``iterator_type``, as in the hand-written modules this replaces.

The old client's method names (``codegen/legacy.py``) are added as aliases on the class of
the same operation, or as full methods where the old client had them on another resource.
``api/_resources.py`` gives the client one lazily imported attribute per tag.

The parts: :mod:`codegen.api_types` (the TypedDicts), :mod:`codegen.api_operations` (what
each operation becomes), :mod:`codegen.api_methods` (the methods), :mod:`codegen.api_legacy`
(the old names); this module assembles them into files.
"""

from __future__ import annotations

from .api_legacy import Legacy, plan_legacy, render_gone
from .api_methods import render_method, spec_call
from .api_operations import OpInfo, analyse
from .api_types import Module, render_typeddict
from .docstrings import LINE, docstring, first_sentence
from .names import HEADER, module_name, tag_attribute, tag_class
from .spec import Spec, operations

__all__ = ["generate"]

# Models the lead hand-writes a subclass for: ``Resources`` returns the subclass.
HAND_WRITTEN_SUBCLASS = {"events": "_events", "attachments": "_attachments"}


def _imports(module: Module, *, has_foreign: bool) -> list[str]:
    u = module.uses
    lines = ["from __future__ import annotations", ""]
    if "datetime" in u:
        lines.append("import datetime")
    abc = sorted(n for n in ("Iterator", "Mapping", "Sequence") if n in u)
    if abc:
        lines.append(f"from collections.abc import {', '.join(abc)}")
    typing: list[str] = sorted(n for n in ("Literal", "overload", "TypeAlias") if n in u)
    if has_foreign or module.models:
        typing.append("TYPE_CHECKING")
    if typing:
        lines.append(f"from typing import {', '.join(sorted(typing, key=str.lower))}")
    ext = sorted(n for n in ("Required", "Unpack") if n in u)
    lines.append(f"from typing_extensions import {', '.join([*ext, 'TypedDict'])}")
    lines.append("")
    if "FileUpload" in u:
        lines.append("from .._multipart import FileUpload")
    opts = [n for n in ("CallOptions", "ClientOptions") if n in u]
    if opts:
        lines.append(f"from .._options import {', '.join(opts)}")
    if "path_arg" in u:
        lines.append("from .._request import path_arg")
    res = [n for n in ("M", "Projection") if n in u] + ["Resource"]
    lines.append(f"from .._resource import {', '.join(res)}")
    if module.models:
        # Methods name their model as ``_models.Task``: the model modules load on the first
        # call that needs them, not when ``client.tasks`` is first used.
        lines.append("from .. import models as _models")
    if "Envelope" in u:
        lines.append("from ..models._base import Envelope")
    if has_foreign or module.models:
        lines += ["", "if TYPE_CHECKING:"]
        for model in sorted(module.models):
            lines.append(f"    from ..models.{module_name(model)} import {model}")
        for other in sorted(module.foreign):
            names = ", ".join(sorted(module.foreign[other]))
            lines.append(f"    from .{other} import {names}")
    return lines


def render_module(module: Module, infos: list[OpInfo], plan: Legacy) -> str:
    body: list[str] = []
    class_doc = (
        first_sentence(
            next(
                (
                    t.get("description", "")
                    for t in module.spec.get("tags", [])
                    if t["name"] == module.tag
                ),
                "",
            )
        )
        or f"{module.tag}."
    )
    body.append(f"class {module.cls}(Resource):")
    body += docstring(class_doc, 4)
    for info in infos:
        body.append("")
        body += render_method(spec_call(info), module.uses)
        for alias in plan.aliases.get(info.name, []):
            body.append("")
            body.append(f"    {alias} = {info.name}")
        for call in plan.after.get(info.name, []):
            body.append("")
            body += render_method(call, module.uses)
    for call in plan.tail:
        body.append("")
        body += render_method(call, module.uses)
    for special in plan.gone:
        body.append("")
        body += render_gone(special, module.uses)

    tds: list[str] = []
    for td in module.typeddicts:
        tds += ["", "", *render_typeddict(td)]
    exported = sorted([*(t.name for t in module.typeddicts), module.cls])
    head = [
        HEADER,
        f'"""{module.tag}: ``client.{module.attribute}``."""',
        "",
        *_imports(module, has_foreign=bool(module.foreign)),
        "",
        "__all__ = [",
        *(f'    "{name}",' for name in exported),
        "]",
    ]
    return "\n".join([*head, *tds, "", "", *body]) + "\n"


def render_resources(tags: list[str], infos: dict[str, OpInfo]) -> str:
    lines = [
        HEADER,
        '"""``Resources``: one attribute per Asana resource: ``client.tasks``, ``client.users``...',
        "",
        "Each resource class is imported on first use, so ``import asana_typed`` stays cheap.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import functools",
        "from typing import TYPE_CHECKING",
        "",
        "from .._base_client import BaseClient",
        "",
        "if TYPE_CHECKING:",
    ]
    targets = []
    for tag in sorted(tags, key=tag_attribute):
        attr, cls = tag_attribute(tag), tag_class(tag)
        source = HAND_WRITTEN_SUBCLASS.get(attr, attr)
        targets.append((tag, attr, cls, source))
    for _, _, cls, source in sorted(targets, key=lambda t: t[3]):
        lines.append(f"    from .{source} import {cls}")
    lines += [
        "",
        '__all__ = ["Resources"]',
        "",
        "",
        "class Resources(BaseClient):",
        '    """The client\'s resource attributes, each created on first use."""',
    ]
    for tag, attr, cls, source in targets:
        names = [i.name for i in infos.values() if i.module == attr]
        shown = 3
        while True:
            listed = ", ".join(f"``{n}``" for n in names[:shown])
            doc = f"{tag}: {listed}" + (", ..." if len(names) > shown else ".")
            if len(doc) + 14 <= LINE or shown == 1:
                break
            shown -= 1
        lines += [
            "",
            "    @functools.cached_property",
            f"    def {attr}(self) -> {cls}:",
            f'        """{doc}"""',
            f"        from .{source} import {cls}",
            "",
            f"        return {cls}(self)",
        ]
    return "\n".join(lines) + "\n"


# -- entry point ----------------------------------------------------------------------------


def plan(spec: Spec) -> tuple[dict[str, Module], dict[str, OpInfo], dict[str, Legacy]]:
    """Every module's TypedDicts, every operation's method and every legacy name."""
    modules: dict[str, Module] = {}
    infos: dict[str, OpInfo] = {}
    for op in operations(spec):
        attr = tag_attribute(op.tag)
        module = modules.get(attr)
        if module is None:
            module = modules[attr] = Module(spec, op.tag, attr, tag_class(op.tag))
        infos[op.operation_id] = analyse(module, op)
    return modules, infos, plan_legacy(infos, modules)


def generate(spec: Spec) -> dict[str, str]:
    """``{path relative to the repository root: source}`` of every generated API file."""
    modules, infos, plans = plan(spec)
    files: dict[str, str] = {}
    for attr, module in modules.items():
        ops = [i for i in infos.values() if i.module == attr]
        files[f"asana_typed/api/{attr}.py"] = render_module(module, ops, plans[attr])
    files["asana_typed/api/_resources.py"] = render_resources(
        [m.tag for m in modules.values()], infos
    )
    return files
