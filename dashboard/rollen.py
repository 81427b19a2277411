"""Who acts, in which role, for which organisations; checked where data is written.

Roles (DESIGN 4): `lezer` views and exports, `adviseur` also changes pilots, agreements, norms
and meetings, `beheerder` also imports and restores. The `[toegang]` table of the app's secrets
gives each e-mail address its organisations (a list: role lezer) or a table with `organisaties`
and `rol`; the organisation `*` means every organisation. Without sign-in the app runs in local
mode: one local user who may do everything, and the app says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ROLLEN: tuple[str, ...] = ("lezer", "adviseur", "beheerder")
#: Every organisation, also those imported later.
ALLE = "*"


class Geweigerd(PermissionError):
    """An action the user's role or organisations do not allow; the message is Dutch."""


class ToegangFout(ValueError):
    """A `[toegang]` entry that cannot be read; the message is Dutch and names the entry."""


@dataclass(frozen=True)
class Gebruiker:
    """The person (or scheduled job) acting: a name for the audit log, a role, organisations."""

    naam: str
    rol: str = "lezer"
    #: organisations this user may see and change; None: all of them
    organisaties: frozenset[str] | None = frozenset()
    #: local mode (no sign-in configured) or the command line on the server
    lokaal: bool = False

    def __post_init__(self) -> None:
        if self.rol not in ROLLEN:
            raise ToegangFout(f"onbekende rol '{self.rol}': kies uit {', '.join(ROLLEN)}")

    def heeft(self, rol: str) -> bool:
        """True when this user's role includes `rol` (beheerder includes adviseur and lezer)."""
        return ROLLEN.index(self.rol) >= ROLLEN.index(rol)

    def ziet(self, organisatie: str) -> bool:
        """True when the user may see (and, with the role, change) this organisation."""
        return self.organisaties is None or organisatie in self.organisaties

    def mag(self, rol: str, organisatie: str | None = None) -> bool:
        """True when the user has `rol` and, if given, access to `organisatie`."""
        return self.heeft(rol) and (organisatie is None or self.ziet(organisatie))


#: Local mode and the command line: every organisation, every action.
LOKAAL = Gebruiker("lokaal", "beheerder", None, lokaal=True)

_WAT = {
    "adviseur": "pilots, afspraken, normen en overleggen wijzigen",
    "beheerder": "gegevens inlezen en terugzetten",
}


def vereis(wie: Gebruiker, rol: str, organisaties: object = None, *, wat: str = "") -> None:
    """Raise Geweigerd unless `wie` has `rol` for every organisation in `organisaties`
    (a code, an iterable of codes, or None for an action that concerns no organisation)."""
    lijst = (
        []
        if organisaties is None
        else [organisaties]
        if isinstance(organisaties, str)
        else sorted(set(organisaties))  # type: ignore[call-overload]
    )
    handeling = wat or _WAT.get(rol, rol)
    if not wie.heeft(rol):
        raise Geweigerd(
            f"{wie.naam} heeft de rol {wie.rol} en mag daarom niet {handeling}; daarvoor is de "
            f"rol {rol} nodig. Vraag de beheerder om die rol."
        )
    buiten = [o for o in lijst if not wie.ziet(o)]
    if buiten:
        raise Geweigerd(
            f"{wie.naam} heeft geen toegang tot {', '.join(buiten)} en mag daar niet {handeling}."
        )


def uit_toegang(naam: str, tabel: Mapping[str, object]) -> Gebruiker:
    """The user `naam` (an e-mail address) as the `[toegang]` table describes them.

    `"a@x.nl" = ["MLV"]` is a lezer of MLV; `[toegang."b@x.nl"]` with `organisaties = ["*"]`
    and `rol = "beheerder"` may do everything. An address not in the table sees nothing.
    """
    regel = tabel.get(naam)
    if regel is None:
        # addresses are matched without regard to case, as mail servers do
        regel = next((v for k, v in tabel.items() if k.lower() == naam.lower()), None)
    if regel is None:
        return Gebruiker(naam, "lezer", frozenset())
    if isinstance(regel, str):
        regel = [regel]
    if isinstance(regel, list | tuple):
        return Gebruiker(naam, "lezer", _organisaties(naam, regel))
    if isinstance(regel, Mapping):
        onbekend = sorted(set(regel) - {"organisaties", "rol"})
        if onbekend:
            raise ToegangFout(
                f"[toegang] '{naam}': onbekende sleutel {', '.join(onbekend)} "
                "(gebruik organisaties en rol)"
            )
        rol = str(regel.get("rol", "lezer")).strip().lower()
        if rol not in ROLLEN:
            raise ToegangFout(
                f"[toegang] '{naam}': onbekende rol '{rol}' (kies uit {', '.join(ROLLEN)})"
            )
        orgs = regel.get("organisaties", [])
        if isinstance(orgs, str):
            orgs = [orgs]
        if not isinstance(orgs, list | tuple):
            raise ToegangFout(f"[toegang] '{naam}': organisaties moet een lijst van codes zijn")
        return Gebruiker(naam, rol, _organisaties(naam, orgs))
    raise ToegangFout(
        f"[toegang] '{naam}': gebruik een lijst van organisaties, of een tabel met "
        "organisaties en rol"
    )


def _organisaties(naam: str, codes: list[object] | tuple[object, ...]) -> frozenset[str] | None:
    schoon = {str(c).strip() for c in codes if str(c).strip()}
    if ALLE in schoon:
        if len(schoon) > 1:
            raise ToegangFout(f"[toegang] '{naam}': '*' (alle organisaties) staat niet alleen")
        return None
    return frozenset(schoon)
