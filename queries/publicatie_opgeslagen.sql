-- grain: one row per hidden (month, node, combination of attribute dimensions)
-- answers: the stored publication pattern (dashboard/publicatie.py), built with the minimum in
-- publicatie_minimum
select maand, knoop, dims, reden
from publicatie
