"""The served OpenAPI document is a valid OpenAPI 3.1 document (checked by openapi-spec-validator)."""
import json
import urllib.request

from openapi_spec_validator import validate


def test_served_openapi_document_is_valid(server):
    with urllib.request.urlopen(server.url("/api/v1/openapi.json"), timeout=30) as response:
        document = json.load(response)
    assert document["openapi"].startswith("3.1")
    validate(document)
