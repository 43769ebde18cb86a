from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="persons",
    label="Persoon",
    is_person=True,
)

Household = build_entity(
    key="household",
    plural="households",
    label="Huishouden",
    roles=[
        {"key": "adult", "plural": "adults", "label": "Volwassene"},
        {"key": "child", "plural": "children", "label": "Kind"},
    ],
)

entities = [Household, Person]
