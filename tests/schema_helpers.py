"""Shared by the tests that validate JSON output against the packaged schema (tests/ is on sys.path: rootdir
conftest)."""


def strict(schema):
    """The schema with ``additionalProperties: false`` on every object: every emitted field is documented."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if "properties" in schema and schema.get("type") == "object":
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema
