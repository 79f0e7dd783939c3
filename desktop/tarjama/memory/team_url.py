"""What a translator types to name a team memory, turned into what libpq connects with and what messages show.

Two forms: a URL (`postgresql://user@host:port/db?sslmode=…`, or `postgres://…`) and a libpq service name
(`service=NAME`, defined in the user's or the system's `pg_service.conf`). Passwords come from libpq's own sources
(the password file, PGPASSFILE or ~/.pgpass, PGPASSWORD, or a URL typed for this session) or from the system
keyring (`tarjama.memory.team_secrets`, keyed by `team_login`): this module never writes one, and neither the
label it makes for messages and the status bar nor the login holds one.
"""

from __future__ import annotations

import getpass
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from tarjama.errors import QT_TRANSLATE_NOOP, TarjamaError

_URL_SCHEMES = ("postgresql://", "postgres://")
_SERVICE = "service="
#: Shown in the server's list of sessions (pg_stat_activity), so an administrator can tell Tarjama's connections.
APPLICATION_NAME = "tarjama"
_PASSWORD_VALUE = re.compile(r"password\s*=\s*[^\s&]*", re.IGNORECASE)


def is_team_url(text: str) -> bool:
    """Whether `text` names a team memory on a server rather than a memory file."""
    text = text.strip()
    return text.startswith(_URL_SCHEMES) or (text.startswith(_SERVICE) and len(text) > len(_SERVICE))


@dataclass(frozen=True)
class TeamAddress:
    """A team memory's connection string for libpq (which may hold a password typed in the URL: never shown, never
    written) and its label ("host/db", for messages)."""

    conninfo: str
    label: str


def team_address(url: str, *, timeout: float) -> TeamAddress:
    """The address `url` names, with Tarjama's defaults: TLS when the server offers it (`sslmode=prefer`, unless the
    URL or the service sets a mode), a connection timeout of `timeout` seconds, and the application's name."""
    params = _parameters(url)
    label = address_label(params)
    params.setdefault("application_name", APPLICATION_NAME)
    params["connect_timeout"] = str(max(1, math.ceil(timeout)))  # libpq counts whole seconds
    if "service" not in params:
        params.setdefault("sslmode", "prefer")  # libpq's default, unless PGSSLMODE says otherwise: said here
    return TeamAddress(make_conninfo("", **params), label)


def team_login(url: str) -> str:
    """Who logs in where, "user@host:port/database" (or "user@service=NAME"), filled in as libpq fills in what an
    address leaves out (PGUSER, PGHOST, PGPORT, PGDATABASE, else the system's user name, localhost, 5432 and the
    user's name): what a password belongs to, so the same login written two ways finds the same keyring entry."""
    params = _parameters(url)
    user = str(params.get("user") or os.environ.get("PGUSER") or _system_user())
    if "service" in params and "host" not in params:
        return f"{user}@service={params['service']}"
    host = str(params.get("host") or os.environ.get("PGHOST") or "localhost")
    port = str(params.get("port") or os.environ.get("PGPORT") or "5432")
    database = str(params.get("dbname") or os.environ.get("PGDATABASE") or user)
    return f"{user}@{host}:{port}/{database}"


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name the system can tell (a container without one)
        return ""


def _parameters(url: str) -> dict[str, Any]:
    """libpq's parameters of the address `url`, else an error that shows it without what may be a password."""
    url = url.strip()
    try:
        return dict(conninfo_to_dict(url))
    except Exception as exc:  # psycopg.ProgrammingError: libpq could not parse it
        raise TarjamaError(QT_TRANSLATE_NOOP(
            "Errors", "{url} is not a team memory address; write it as postgresql://host/database or "
                      "service=NAME."), url=_without_password(url)) from exc


def address_label(params: Mapping[str, object]) -> str:
    """"host/db" (with the port when one is given) from libpq's parameters, or "service NAME" for a service whose
    host only libpq knows."""
    if "service" in params and "host" not in params:
        return f"service {params['service']}"
    host = str(params.get("host") or "localhost")
    port = f":{params['port']}" if params.get("port") else ""
    database = params.get("dbname") or params.get("user") or ""
    return f"{host}{port}/{database}"


def _without_password(url: str) -> str:
    """A text that did not parse, shown without what may be a password: the user information of a URL ("://…@")
    and any `password=` value."""
    scheme, separator, rest = url.partition("://")
    if separator and "@" in rest:
        url = f"{scheme}://{rest.rpartition('@')[2]}"
    return _PASSWORD_VALUE.sub("password=…", url)
