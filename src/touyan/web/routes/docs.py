"""`/docs`: the API reference, rendered by us from the OpenAPI schema (no CDN scripts)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from touyan.web.templating import render

router = APIRouter(include_in_schema=False)


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p.get("name"),
                    "where": p.get("in"),
                    "required": p.get("required", False),
                    "type": (p.get("schema") or {}).get("type")
                    or " | ".join(
                        str(s.get("type") or s.get("$ref", "").rsplit("/", 1)[-1])
                        for s in (p.get("schema") or {}).get("anyOf", [])
                    ),
                }
                for p in op.get("parameters", [])
            ]
            body: dict[str, Any] = (op.get("requestBody") or {}).get("content", {})
            first: dict[str, Any] = next(iter(body.values()), {})
            ref = str(first.get("schema", {}).get("$ref", ""))
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "tag": (op.get("tags") or ["api"])[0],
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "body": ref.rsplit("/", 1)[-1] if ref else "",
                    "stream": "text/event-stream"
                    in op.get("responses", {}).get("200", {}).get("content", {}),
                }
            )
    order = {"analyses": 0, "search": 1, "documents": 2, "facts": 3, "ask": 4, "research": 5}
    return sorted(out, key=lambda op: order.get(op["tag"], 9))


@router.get("/docs")
def api_docs(request: Request) -> Response:
    schema = request.app.openapi()
    return render(
        request,
        "api_docs.html",
        {"ops": operations(schema), "schemas": schema.get("components", {}).get("schemas", {})},
    )
