"""The old client's method names (:mod:`codegen.legacy`) on the generated resource classes.

A legacy row whose verb and path match an operation of the same class becomes an alias of
its method (``find_by_id = get_task``); one matching an operation of another class becomes a
full method under the legacy name. Rows the match cannot place follow ``legacy.SPECIAL``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import legacy
from .api_methods import Call, spec_call
from .api_operations import PLACEHOLDER, OpInfo
from .api_types import Module
from .docstrings import docstring, op_summary
from .names import class_name

__all__ = ["Legacy", "plan_legacy", "render_gone"]


@dataclass
class Legacy:
    """Legacy names of one class: aliases after their method, then full methods."""

    aliases: dict[str, list[str]] = field(default_factory=dict)  # method -> legacy names
    after: dict[str, list[Call]] = field(default_factory=dict)  # method -> full methods after it
    tail: list[Call] = field(default_factory=list)
    gone: list[legacy.Special] = field(default_factory=list)


def _route(path: str) -> str:
    """A path with its placeholders blanked: ``/tasks/{task}`` -> ``/tasks/{}``."""
    return PLACEHOLDER.sub("{}", path)


def _fill_path(path: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), path)


def _gid_name(argument: str) -> str:
    return argument if argument.endswith("_gid") else argument + "_gid"


def plan_legacy(infos: dict[str, OpInfo], modules: dict[str, Module]) -> dict[str, Legacy]:
    """``{module: its legacy names}``; adds the TypedDicts and imports they need."""
    by_route = {(i.op.verb, _route(i.op.path)): i for i in infos.values()}
    specials = {(s.section, s.name): s for s in legacy.SPECIAL}
    rows: dict[tuple[str, str], legacy.LegacyRow] = {}
    for row in legacy.TABLE:
        rows.setdefault((row.section, row.name), row)
    plans: dict[str, Legacy] = {attr: Legacy() for attr in modules}
    methods = {attr: {i.name for i in infos.values() if i.module == attr} for attr in modules}

    def resolve(section: str, name: str) -> OpInfo | None:
        row = rows[(section, name)]
        if row.verb == "ALIAS":
            return resolve(section, row.path)
        special = specials.get((section, name))
        if special is not None:
            if special.kind == "operation" and special.operation is not None:
                return infos[special.operation]
            return None
        found = by_route.get((row.verb, _route(row.path)))
        if found is None:
            raise LookupError(f"legacy {section}.{name}: {row.verb} {row.path} is not in the spec")
        return found

    for section, name in rows:
        if section not in modules:
            raise LookupError(f"legacy section {section!r} is not a tag")
        module, plan = modules[section], plans[section]
        special = specials.get((section, name))
        if special is not None and special.kind != "operation":
            if special.kind != "hand_written":  # those the hand-written subclass defines
                _add_adapter(special, infos, module, plan)
            continue
        info = resolve(section, name)
        if info is None:  # an ALIAS of an adapter: none in the table today
            raise LookupError(f"legacy {section}.{name} aliases a name with no operation")
        if name in methods[section] and info.name != name:
            raise ValueError(f"legacy {section}.{name} collides with another spec method")
        if info.module == section:
            if info.name != name:
                plan.aliases.setdefault(info.name, []).append(name)
        else:
            doc = (
                f"{op_summary(info.op)}\n\nThe old client's ``{section}.{name}``: the same call "
                f"as ``{info.module}.{info.name}``.\n\n``{info.op.verb} {info.op.path}``"
            )
            call = spec_call(info, name=name, doc=doc)
            _import_foreign(module, info, call)
            plan.tail.append(call)
    return plans


def _import_foreign(module: Module, info: OpInfo, call: Call) -> None:
    """A method on ``module`` calling another tag's operation: import its TypedDicts."""
    if info.model:
        module.models.add(info.model)
    names = [n for n in (call.params_type, info.query) if n]
    if info.module != module.attribute and names:
        module.foreign.setdefault(info.module, set()).update(names)


def _add_adapter(
    special: legacy.Special, infos: dict[str, OpInfo], module: Module, plan: Legacy
) -> None:
    if special.kind == "gone":
        plan.gone.append(special)
        return
    assert special.operation is not None
    info = infos[special.operation]
    fixed = dict(special.values)
    doc = (
        f"{op_summary(info.op)}\n\nThe old client's ``{special.section}.{special.name}``: "
        f"{special.reason}.\n\n``{info.op.verb} {_fill_path(info.op.path, fixed)}``"
    )
    call = spec_call(info, name=special.name, doc=doc)
    if special.kind == "fixed_path":
        call.args = [a for a in call.args if a not in fixed]
        call.literal = fixed
    else:
        if special.argument is None or special.key is None:
            raise ValueError(f"{special}: needs argument and key")
        arg = _gid_name(special.argument)
        call.args = [arg, *call.args]
        expr = f'path_arg("{arg}", {arg})'
        module.uses.add("path_arg")
        where = "data" if special.kind == "into_data" else "query"
        call.inject = (where, special.key, expr)
        if call.params_type is not None and special.key in module.required_keys.get(
            call.params_type, set()
        ):
            # The key comes from the argument now: a TypedDict without it.
            source = next(t for t in module.typeddicts if t.name == call.params_type)
            fields = [f for f in source.fields if f[0] != special.key]
            call.params_type = module.add_typeddict(
                class_name(special.name) + ("Params" if where == "query" else "Data"),
                f"Parameters of ``{special.name}`` (those of ``{info.name}`` but "
                f"``{special.key}``).",
                fields,
            )
            call.params_required = bool(module.required_keys[call.params_type])
    if info.module == module.attribute:
        plan.after.setdefault(info.name, []).append(call)
    else:
        _import_foreign(module, info, call)
        plan.tail.append(call)


def render_gone(special: legacy.Special, uses: set[str]) -> list[str]:
    """A plain call of an endpoint that is no longer in the spec."""
    if special.path is None or special.verb is None or special.argument is None:
        raise ValueError(f"{special}: a gone endpoint needs verb, path and argument")
    arg = _gid_name(special.argument)
    uses.update({"CallOptions", "Unpack", "Mapping", "path_arg"})
    call_path = special.path.replace("{" + arg + "}", f"{{path_arg('{arg}', {arg})}}")
    doc = (
        f"The old client's ``{special.section}.{special.name}``.\n\n{special.reason}: "
        f"Asana may refuse it.\n\n``{special.verb} {special.path}``"
    )
    return [
        f"    def {special.name}(",
        "        self,",
        f"        {arg}: str,",
        "        params: Mapping[str, object] | None = None,",
        "        **options: Unpack[CallOptions],",
        "    ) -> None:",
        *docstring(doc, 8),
        f'        path = f"{call_path}"',
        f'        self._client._empty("{special.verb}", path, params, options)',
    ]
