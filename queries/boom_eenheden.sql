-- grain: one row per unit of the active organisation tree
-- answers: the tree as the app holds it (code, name, parent, client organisation, depth, the
-- facts' compact unit number)
select eenheid, naam, ouder, organisatie, niveau, nr
from eenheid
