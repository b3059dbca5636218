from sitrep.models import Actor, Claim, Event, Figure, Mention, Place, Range, from_dict, to_dict


def _mention(**kw):
    base = dict(mention_id="a:0:0", article_id="a", document="d.txt", article_index=0,
                sentence="Troops shelled the town.", start=0, end=24, trigger="shelled",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack", cameo="194", goldstein=-10.0)
    base.update(kw)
    return Mention(**base)


def test_round_trip_nested_records():
    m = _mention(actor1=Actor("Military Forces of X", "XXX", "state_forces"),
                 place=Place("Town", country="X", latitude=1.5, longitude=2),
                 fatalities=Figure(low=3, best=3, high=5, qualifier="at least"),
                 associated=(Actor("A"), Actor("B")))
    back = from_dict(Mention, to_dict(m))
    assert back == m
    assert isinstance(back.associated, tuple) and isinstance(back.place.longitude, float)


def test_from_dict_ignores_unknown_and_defaults_missing():
    d = to_dict(_mention())
    d["no_such_field"] = 1
    del d["modality"]
    back = from_dict(Mention, d)
    assert back.modality == "asserted"


def test_event_round_trip():
    ev = Event("e1", "2024-01-16", 1, None, None, "161", -4.0, Actor("Pakistan"), Actor("Iran"),
               fatalities=Range(1, 2, 3),
               claims=(Claim("m", "d", 0, "a", None, None, "text", None),))
    assert from_dict(Event, to_dict(ev)) == ev
