"""Every operation of Asana's spec, called through the SDK: the request it sends conforms.

For each operationId the method ``client.<tag>.<snake(operationId)>`` is called with sample
path arguments, the operation's required query parameters (or the required members of its
body's ``data``), and ``fields=`` the first two entries of its ``opt_fields`` enum; the
recorded request is then validated with openapi-core against the patched spec (verb, path,
query names and values, ``opt_fields`` against its enum, body shape), plus the checks
openapi-core leaves out (undeclared query parameters, a body where the spec has none).
"""

from __future__ import annotations

import email.parser
import email.policy
import json
from urllib.parse import parse_qsl

import httpx
import pytest

from codegen.spec import Operation
from tests import spec_support as ss
from tests.conftest import ScriptedAsana


def call(api: ScriptedAsana, op: Operation, params: dict[str, object]) -> list[str]:
    """Call ``op`` on a client of ``api`` (answering with the example response), consuming
    one item of a collection; returns the ``fields`` asked for."""
    api.reply(int(op.success[0]), ss.example_response(op))
    fields = ss.opt_fields_enum(op)[:2]
    options: dict[str, object] = {"fields": fields} if fields else {}
    ss.first_item(ss.invoke(api.client(), op, params, **options))
    return fields


def sent_query(request: httpx.Request) -> dict[str, str]:
    return dict(parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True))


def multipart_fields(request: httpx.Request) -> dict[str, bytes]:
    """The parts of a multipart/form-data body, by form field name."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    parts: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            parts[name] = payload
    return parts


def sent_values_problems(
    op: Operation, request: httpx.Request, params: dict[str, object], fields: list[str]
) -> list[str]:
    """Did the values we passed arrive where the spec wants them, unchanged?"""
    problems: list[str] = []
    query = sent_query(request)
    body = op.request_body()
    if body is None:
        for name, value in params.items():
            text = json.dumps(value) if isinstance(value, bool) else str(value)
            if query.get(name) != text:
                problems.append(f"query {name}={query.get(name)!r}, passed {value!r}")
        if fields and query.get(ss.OPT_FIELDS) != ",".join(fields):
            problems.append(f"opt_fields={query.get(ss.OPT_FIELDS)!r}, passed fields={fields}")
    elif body[0] == "multipart/form-data":
        parts = multipart_fields(request)
        if parts.get("parent") != str(params["parent"]).encode():
            problems.append(f"multipart parent={parts.get('parent')!r}, passed {params['parent']}")
        if parts.get("file") != b"hi":
            problems.append(f"multipart file={parts.get('file')!r}, passed b'hi'")
        if fields and query.get(ss.OPT_FIELDS) != ",".join(fields):
            problems.append(f"opt_fields={query.get(ss.OPT_FIELDS)!r}, passed fields={fields}")
    elif request.content:
        payload = json.loads(request.content)
        if isinstance(payload, dict):
            if payload.get("data") != params:
                problems.append(f"body data {payload.get('data')!r}, passed {params!r}")
            sent_fields = (payload.get("options") or {}).get("fields")
            if fields and sent_fields != fields:
                problems.append(f"body options.fields={sent_fields!r}, passed fields={fields}")
    else:
        problems.append("no body sent, though the spec declares one")
    return problems


@pytest.mark.parametrize("op", ss.operation_params())
def test_request_conforms_to_spec(api: ScriptedAsana, op: Operation | None) -> None:
    ss.require_spec()
    assert op is not None
    params = ss.example_params(op)
    fields = call(api, op, params)
    assert len(api.requests) == 1, f"{op!r}: {len(api.requests)} requests for one call"
    request = api.requests[0]
    errors = ss.request_errors(op, request)
    errors.extend(sent_values_problems(op, request, params, fields))
    assert not errors, (
        f"{op!r} ({op.operation_id}) sent a request that does not conform to the spec\n"
        f"{ss.describe_request(request)}\n{ss.format_errors(errors)}"
    )


def test_validator_catches_a_bad_request() -> None:
    """The harness itself: openapi-core and the extra checks do reject a wrong request."""
    ss.require_spec()
    op = next(o for o in ss.spec_operations() if o.operation_id == "getTask")
    bad = httpx.Request(
        "GET",
        "https://app.asana.com/api/1.0/tasks/12345?opt_fields=name,not_a_field&bogus=1",
        headers={"Authorization": "Bearer x"},
    )
    report = ss.format_errors(ss.request_errors(op, bad))
    assert "opt_fields" in report
    assert "not_a_field" in report
    assert "bogus" in report
    good = httpx.Request(
        "GET",
        "https://app.asana.com/api/1.0/tasks/12345?opt_fields=name,notes",
        headers={"Authorization": "Bearer x"},
    )
    assert ss.request_errors(op, good) == []


def test_validator_catches_a_bad_body() -> None:
    ss.require_spec()
    op = next(o for o in ss.spec_operations() if o.operation_id == "createTask")
    bad = httpx.Request(
        "POST",
        "https://app.asana.com/api/1.0/tasks",
        headers={"Authorization": "Bearer x", "Content-Type": "application/json"},
        content=json.dumps({"data": {"completed": "yes"}, "options": {"fields": ["nope"]}}),
    )
    report = ss.format_errors(ss.request_errors(op, bad))
    assert "completed" in report, report
    assert "nope" in report, report
