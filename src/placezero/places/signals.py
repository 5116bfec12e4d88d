"""What the places app tells other apps, without knowing them (places imports no module).

`place_loaded` is sent by the loader at the end of every load, inside its transaction, with
`place`, `created` (a first load) and `report` (the `LoadReport`). A receiver that fails
rolls the load back, so what other apps derive from a place (e.g. pathways' published plan
on a page) never disagrees with the loaded data. Other apps connect through the door:

    from placezero.places.services import place_loaded
    place_loaded.connect(publish_plan, dispatch_uid="pathways.publish_plan")
"""

from django.dispatch import Signal

place_loaded = Signal()
