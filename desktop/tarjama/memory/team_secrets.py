"""A team memory's password in the system keyring (the Secret Service of GNOME or KDE, the Windows Credential
Manager, the macOS Keychain), through the `keyring` package: a local call to the desktop's own service (D-Bus on
Linux), never the network.

A password is kept under the login it opens (`team_url.team_login`: user, host, port and database), never in an
address, a project or the settings. It is asked for only when the server wants a password that libpq found
nowhere else (the password file, PGPASSWORD), so a login that works without it never touches the keyring, and a
keyring that is missing, locked or failing only means "no password stored": reading never raises. Storing or
forgetting without a keyring raises `KeyringUnavailableError`, which says to use the libpq password file instead.

A password typed for this session only (Connect to team memory… without "Remember") is kept in this process's
memory (`use_for_session`), for the syncs that follow, and forgotten when the program ends.
"""

from __future__ import annotations

from tarjama.errors import QT_TRANSLATE_NOOP, TarjamaError
from tarjama.memory.team_url import team_login

#: The keyring's "service" of every entry Tarjama keeps; each entry's user name is the login it opens.
KEYRING_SERVICE = "Tarjama team memory"

_session_passwords: dict[str, str] = {}


class KeyringUnavailableError(TarjamaError):
    """The system keyring could not keep or remove a password (none on this computer, locked, or failing)."""

    work_failed = True


def stored_password(url: str) -> str | None:
    """The password of the login `url` names: typed for this session, else from the system keyring; None when
    there is none or the keyring cannot be asked."""
    login = team_login(url)
    if login in _session_passwords:
        return _session_passwords[login]
    import keyring  # only when a server asks for a password: the backends are probed on first use

    try:
        return keyring.get_password(KEYRING_SERVICE, login)
    except Exception:  # any backend's failure (NoKeyringError, KeyringLocked, D-Bus errors): as if none were stored
        return None


def use_for_session(url: str, password: str) -> None:
    """Use `password` for the login `url` names until the program ends, without storing it anywhere."""
    _session_passwords[team_login(url)] = password


def store_password(url: str, password: str) -> str:
    """Keep `password` for the login `url` names in the system keyring (replacing one kept before); returns the
    login. Raises `KeyringUnavailableError` when the keyring cannot keep it."""
    import keyring

    login = team_login(url)
    try:
        keyring.set_password(KEYRING_SERVICE, login, password)
    except Exception as exc:  # NoKeyringError on a computer without one, KeyringLocked, a failing backend
        raise _unavailable(login, exc) from None
    _session_passwords.pop(login, None)
    return login


def forget_password(url: str) -> bool:
    """Remove the password of the login `url` names from the system keyring (and from this session); whether the
    keyring held one. Raises `KeyringUnavailableError` when the keyring cannot be asked."""
    import keyring
    from keyring.errors import PasswordDeleteError

    login = team_login(url)
    _session_passwords.pop(login, None)
    try:
        keyring.delete_password(KEYRING_SERVICE, login)
    except PasswordDeleteError:  # none was kept
        return False
    except Exception as exc:
        raise _unavailable(login, exc) from None
    return True


def _unavailable(login: str, exc: Exception) -> KeyringUnavailableError:
    """The error to raise for what the keyring said, with the password file as the way out."""
    from keyring.errors import NoKeyringError

    if isinstance(exc, NoKeyringError):  # its own text tells a developer which Python package to install
        return KeyringUnavailableError(QT_TRANSLATE_NOOP(
            "Errors", "This computer has no system keyring to keep the password for {login}. Put it in your "
                      "password file instead: a line host:port:database:user:password in ~/.pgpass (or in the "
                      "file PGPASSFILE names), readable only by you (chmod 600)."), login=login)
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return KeyringUnavailableError(QT_TRANSLATE_NOOP(
        "Errors", "The system keyring cannot keep the password for {login} ({reason}). Unlock it and try again, "
                  "or put the password in your password file: a line host:port:database:user:password in "
                  "~/.pgpass (or in the file PGPASSFILE names), readable only by you (chmod 600)."),
        login=login, reason=reason)
