#!/usr/bin/env python3
"""Checks the string catalogs against the keys the Swift sources use.

Collects
  * literal keys of `t("...")` / `.t("...")` calls in Sources/ShianWeb/**/*.swift (and both
    branches of `t(cond ? "a" : "b")`); keys built with interpolation (`\\(`) are skipped,
  * the dynamic keys built with interpolation (roles, levels, navigation, audit actions, entity
    types, token access, statuses, HTTP error titles), read from the enums where they can be found,
  * `error.<code>` for every error code thrown in Sources/**/*.swift (`ShianError(status, "code")`,
    `ValidationFailure(code: "code")`) and the codes `ShianError.from` maps to,
and prints the keys missing from each catalog and the keys present in one catalog but not in the
other. Exits 1 if a key is missing anywhere, 0 otherwise.

Usage: python3 scripts/catalog-keys.py [--list]   (--list prints every expected key)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "Sources"
WEB = SOURCES / "ShianWeb"
CATALOG_DIR = WEB / "Resources" / "Localization"
LOCALES = ["zh-CN", "en"]

KEY_PATTERNS = [
    re.compile(r'\.t\("([^"\\]+)"'),
    re.compile(r'\bt\("([^"\\]+)"'),
]
# context.t(flag ? "a.b" : "a.c")
TERNARY_PATTERN = re.compile(r'\bt\(\s*[^"()]*?\?\s*"([^"\\]+)"\s*:\s*"([^"\\]+)"\s*[,)]')
# ["field.code", "field.name"].map { request.t($0) }  (CSV headers and the like)
ARRAY_MAP_PATTERN = re.compile(r'\[([^\[\]]*)\]\s*\.map\s*\{\s*(?:\w+\.)?t\(\s*\$0\s*\)\s*\}', re.S)
STRING_LITERAL = re.compile(r'"([^"\\]+)"')
# Any literal shaped like a catalog key, for the "possibly used" warning.
KEY_SHAPE = re.compile(r'"([a-z][A-Za-z]*(?:\.[A-Za-z0-9][A-Za-z0-9-]*)+)"')

ERROR_PATTERNS = [
    # ShianError(.badRequest, "code"), also over several lines and with a computed status.
    re.compile(r'ShianError\(\s*[^"()]*?,\s*"([A-Za-z][A-Za-z0-9]*)"', re.S),
    re.compile(r'ValidationFailure\(\s*code:\s*"([A-Za-z][A-Za-z0-9]*)"', re.S),
]

# Codes of the static errors and of ShianError.from (also found by the scan; listed so a rename shows).
FIXED_ERROR_CODES = [
    "fieldMissing", "malformedRequest", "notFound", "forbidden", "unauthorized", "csrfTokenInvalid",
    "payloadTooLarge", "unsupportedMediaType", "methodNotAllowed", "tooManyRequests", "internalError",
    # Set by controllers directly with request.t("error.…").
    "currentPasswordWrong", "passwordMismatch",
]

ROLES = ["systemAdmin", "foodSafetyOffice", "leader", "departmentOfficer", "townshipOfficer", "inspector",
         "gridStaff", "businessOperator"]
LEVELS = ["province", "prefecture", "county", "township", "village", "grid"]
NAV = ["home", "regions", "departments", "users", "audit", "account"]
AUDIT_ACTIONS = ["create", "update", "delete", "deactivate", "reactivate", "login", "logout", "passwordChange",
                 "tokenIssue", "tokenRevoke", "export"]
ENTITIES = ["region", "department", "user", "apiToken", "demoCounty", "business"]
ACCESS = ["read", "readWrite"]
STATUSES = ["active", "inactive"]
BUSINESS_CATEGORIES = ["producer", "retailer", "caterer", "canteen", "schoolCanteen", "smallWorkshop", "smallEatery",
                       "smallGrocery", "streetVendor", "coldStore", "farmersMarket", "wholesaleMarket", "farmProducer",
                       "centralWarehouse"]
BUSINESS_STATUSES = ["active", "suspended", "closed"]
PERMIT_KINDS = ["licence", "registration", "filing", "none"]
PERMIT_EXPIRY = ["expired", "within30Days", "within60Days", "within90Days", "valid", "unknown"]
STAFF_KINDS = ["assistant", "informant"]
RECORD_KINDS = ["reward", "penalty"]
HTTP_STATUSES = ["400", "401", "403", "404", "405", "409", "413", "415", "422", "429", "500", "503"]


def swift_files(base: Path) -> list[Path]:
    return sorted(p for p in base.rglob("*.swift") if ".build" not in p.parts)


def enum_cases(path: Path, enum_name: str) -> list[str]:
    """The case names of `enum <enum_name>: String …` in a Swift file (empty if not found)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    match = re.search(r"enum\s+" + enum_name + r"\b[^{]*\{", text)
    if not match:
        return []
    depth, index = 1, match.end()
    while index < len(text) and depth:
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        index += 1
    body = text[match.end():index - 1]
    # Only the enum's own top level: drop nested bodies.
    flat, depth = [], 0
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            flat.append(ch)
    cases: list[str] = []
    for line in "".join(flat).splitlines():
        line = line.split("//")[0].strip()
        if line.startswith("case "):
            for part in line[5:].split(","):
                name = part.split("=")[0].split("(")[0].strip()
                if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
                    cases.append(name)
    return cases


def union(*lists: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def literal_keys() -> dict[str, set[str]]:
    """Key → the files that use it."""
    keys: dict[str, set[str]] = {}
    for path in swift_files(WEB):
        text = path.read_text(encoding="utf-8")
        found: set[str] = set()
        for pattern in KEY_PATTERNS:
            found.update(pattern.findall(text))
        for first, second in TERNARY_PATTERN.findall(text):
            found.update((first, second))
        for items in ARRAY_MAP_PATTERN.findall(text):
            found.update(STRING_LITERAL.findall(items))
        for key in found:
            if "\\(" in key:
                continue
            keys.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return keys


def error_codes() -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {}
    for path in swift_files(SOURCES):
        text = path.read_text(encoding="utf-8")
        for pattern in ERROR_PATTERNS:
            for code in pattern.findall(text):
                codes.setdefault(code, set()).add(str(path.relative_to(ROOT)))
    for code in FIXED_ERROR_CODES:
        codes.setdefault(code, set()).add("(fixed list)")
    return codes


def entity_types() -> list[str]:
    found = []
    for path in swift_files(SOURCES):
        text = path.read_text(encoding="utf-8")
        found += re.findall(r'auditEntityType\s*=\s*"([^"]+)"', text)
        found += re.findall(r'entityType:\s*"([^"]+)"', text)
    return found


def string_array(path: Path, name: str) -> list[str]:
    """The string literals of `static let <name>… = [ … ]` in a Swift file (empty if not found)."""
    if not path.exists():
        return []
    match = re.search(r"static\s+let\s+" + name + r"\b[^=]*=\s*\[([^\]]*)\]", path.read_text(encoding="utf-8"), re.S)
    return STRING_LITERAL.findall(match.group(1)) if match else []


def field_helper_names() -> list[str]:
    """`field("name", …)` helpers in files that build labels as t("field.\\(name)")."""
    names: list[str] = []
    for path in swift_files(WEB):
        text = path.read_text(encoding="utf-8")
        if 't("field.\\(' in text:
            names += re.findall(r'\bfield\(\s*"([A-Za-z][A-Za-z0-9]*)"', text)
    return names


def dynamic_keys() -> list[str]:
    roles = union(ROLES, enum_cases(SOURCES / "ShianCore/Org/Role.swift", "Role"))
    levels = union(LEVELS, enum_cases(SOURCES / "ShianCore/Org/RegionLevel.swift", "RegionLevel"))
    nav = union(NAV, enum_cases(WEB / "Views/Layout/Navigation.swift", "NavItem"))
    actions = union(AUDIT_ACTIONS, enum_cases(SOURCES / "ShianStore/Org/AuditEntry.swift", "Action"))
    access = union(ACCESS, enum_cases(SOURCES / "ShianStore/Org/APIToken.swift", "Access"))
    entities = union(ENTITIES, entity_types())
    keys: list[str] = []
    keys += [f"role.{r}" for r in roles]
    keys += [f"home.lead.{r}" for r in roles]
    keys += [f"level.{l}" for l in levels]
    keys += [f"nav.{n}" for n in nav] + ["nav.breadcrumb"]
    keys += [f"locale.{l}" for l in LOCALES]
    keys += [f"audit.action.{a}" for a in actions]
    keys += [f"entity.{e}" for e in entities]
    keys += [f"access.{a}" for a in access]
    keys += [f"status.{s}" for s in STATUSES]
    core = SOURCES / "ShianCore/Registry/BusinessCategory.swift"
    categories = union(BUSINESS_CATEGORIES, enum_cases(core, "BusinessCategory"))
    statuses = union(BUSINESS_STATUSES, enum_cases(core, "BusinessStatus"))
    permits = union(PERMIT_KINDS, enum_cases(core, "PermitKind"))
    expiry = union(PERMIT_EXPIRY, enum_cases(SOURCES / "ShianCore/Registry/PermitExpiry.swift", "PermitExpiry"))
    registry = WEB / "Registry"
    columns = union(string_array(registry / "BusinessExport.swift", "columns"),
                    string_array(registry / "BusinessImport.swift", "fieldNames"))
    keys += [f"category.{c}" for c in categories]
    keys += [f"businessStatus.{s}" for s in statuses]
    keys += [f"permit.{p}" for p in permits]
    keys += [f"certificate.title.{p}" for p in permits]
    keys += [f"expiry.{e}" for e in expiry]
    keys += [f"business.column.{c}" for c in columns]
    keys += [f"field.{f}" for f in field_helper_names()]
    staff = union(STAFF_KINDS, enum_cases(SOURCES / "ShianCore/Registry/GrassrootsStaffKind.swift", "GrassrootsStaffKind"))
    records = union(RECORD_KINDS, enum_cases(SOURCES / "ShianStore/Grid/GridCharter.swift", "Kind"))
    keys += [f"staffKind.{k}" for k in staff]
    keys += [f"recordKind.{k}" for k in records]
    keys += [f"error.title.{s}" for s in HTTP_STATUSES]
    keys += ["app.name", "app.demoBadge", "app.demoNotice", "app.footer"]
    return keys


def possible_keys(expected: dict[str, str]) -> dict[str, set[str]]:
    """Literals shaped like keys of a namespace the catalog uses (`field.x`) that no rule above found:
    perhaps passed to t() through a variable. Reported, not counted."""
    namespaces = {key.split(".")[0] for key in expected}
    found: dict[str, set[str]] = {}
    for path in swift_files(WEB):
        for key in KEY_SHAPE.findall(path.read_text(encoding="utf-8")):
            if key.split(".")[0] in namespaces and key not in expected:
                found.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return found


def interpolated_prefixes() -> set[str]:
    """Prefixes of keys built with interpolation, e.g. `role.` from t("role.\\(x)"), to spot new ones."""
    prefixes: set[str] = set()
    pattern = re.compile(r'\bt\("([^"]*?)\\\(')
    for path in swift_files(WEB):
        prefixes.update(pattern.findall(path.read_text(encoding="utf-8")))
    return prefixes


KNOWN_PREFIXES = {"role.", "home.lead.", "level.", "nav.", "locale.", "audit.action.", "entity.", "access.",
                  "status.", "error.title.", "error.", "category.", "businessStatus.", "permit.", "certificate.title.",
                  "expiry.", "business.column.", "field.", "staffKind.", "recordKind."}


def load(locale: str) -> dict[str, str]:
    path = CATALOG_DIR / f"{locale}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"{path.relative_to(ROOT)}: missing file")
        return {}
    except json.JSONDecodeError as error:
        print(f"{path.relative_to(ROOT)}: invalid JSON: {error}")
        sys.exit(1)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{\d+\}", text))


def main() -> int:
    literal = literal_keys()
    errors = error_codes()
    expected: dict[str, str] = {}
    for key, files in literal.items():
        expected[key] = ", ".join(sorted(files))
    for key in dynamic_keys():
        expected.setdefault(key, "(dynamic)")
    for code, files in errors.items():
        expected.setdefault(f"error.{code}", "error code in " + ", ".join(sorted(files)))

    if "--list" in sys.argv:
        for key in sorted(expected):
            print(f"{key}\t{expected[key]}")
        return 0

    catalogs = {locale: load(locale) for locale in LOCALES}
    failed = False

    for locale, table in catalogs.items():
        missing = sorted(k for k in expected if k not in table)
        empty = sorted(k for k, v in table.items() if not isinstance(v, str) or not v.strip())
        if missing:
            failed = True
            print(f"missing from {locale}.json ({len(missing)}):")
            for key in missing:
                print(f"  {key}    [{expected[key]}]")
        if empty:
            failed = True
            print(f"empty in {locale}.json: {', '.join(empty)}")

    first, second = LOCALES
    only_first = sorted(set(catalogs[first]) - set(catalogs[second]))
    only_second = sorted(set(catalogs[second]) - set(catalogs[first]))
    if only_first:
        failed = True
        print(f"in {first}.json but not {second}.json: {', '.join(only_first)}")
    if only_second:
        failed = True
        print(f"in {second}.json but not {first}.json: {', '.join(only_second)}")

    mismatched = sorted(
        k for k in set(catalogs[first]) & set(catalogs[second])
        if placeholders(catalogs[first][k]) != placeholders(catalogs[second][k])
    )
    if mismatched:
        print(f"warning: placeholders differ between languages: {', '.join(mismatched)}")

    maybe = possible_keys(expected)
    unused = sorted(k for k in set(catalogs[first]) | set(catalogs[second]) if k not in expected and k not in maybe)
    if unused:
        print(f"note: {len(unused)} catalog keys not found in the sources: {', '.join(unused)}")

    maybe_missing = sorted(k for k in maybe if any(k not in table for table in catalogs.values()))
    if maybe_missing:
        print("warning: key-like literals not in every catalog (used through a variable?): "
              + ", ".join(f"{k} [{', '.join(sorted(maybe[k]))}]" for k in maybe_missing))

    new_prefixes = sorted(interpolated_prefixes() - KNOWN_PREFIXES)
    if new_prefixes:
        print("warning: keys built with interpolation that this script does not know: "
              + ", ".join(p + "…" for p in new_prefixes))

    if not failed:
        print(f"ok: {len(expected)} keys, present in {', '.join(l + '.json' for l in LOCALES)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
