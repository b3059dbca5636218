"""A report seen twice (a mirror, the same wire story at a second outlet) is one claim with a
copy: the copy is listed where the report appeared, and counts of reports leave it out."""
import json

import pytest
from click.testing import CliRunner

from sitrep.cli import _register, cli
from sitrep.export.records import event_record, independent
from sitrep.pipeline import run
from sitrep.settings import Settings
from sitrep.store import open_store

STORY = ("Gunmen kill four guards in Turbat\n\n"
         "QUETTA, March 3, 2024 - Gunmen killed four security guards at a checkpoint in Turbat "
         "on Saturday, police said. The attackers fled on motorcycles, an official added. "
         "Traders in the town kept their shops closed on Sunday, and the district administration "
         "said patrols on the coastal road would be doubled for the coming week.\n")
OTHER = ("Flood relief convoy reaches Gwadar\n\n"
         "GWADAR, March 5, 2024 - A relief convoy carrying tents and food reached Gwadar on "
         "Tuesday after roads reopened, the provincial disaster authority said. Officials said "
         "about two thousand families would receive supplies, and schools used as shelters would "
         "reopen for classes once the water receded from the low-lying neighbourhoods.\n")


@pytest.mark.model
def test_a_copy_is_listed_with_its_report_and_not_counted_as_another(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-first.txt").write_text(STORY)
    (tmp_path / "in" / "b-mirror.txt").write_text(STORY)
    (tmp_path / "in" / "c-other.txt").write_text(OTHER)
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        run([str(tmp_path / "in")], store, Settings(progress=False))
        events = [event_record(e) for e in store.events()]
    killing = [e for e in events if any(s["document"] == "a-first.txt" for s in e["sources"])]
    assert len(killing) == 1
    sources = killing[0]["sources"]
    own = independent(sources)
    copies = [s for s in sources if s.get("copy_of")]
    assert [s["document"] for s in own] == ["a-first.txt"]
    assert [s["document"] for s in copies] == ["b-mirror.txt"]
    assert copies[0]["copy_of"] == {"document": "a-first.txt", "article": 0}
    assert copies[0]["text"] == own[0]["text"] and copies[0]["mention_id"] is None
    assert copies[0]["fatalities"] == own[0]["fatalities"]
    # the unrelated report has no copies, and no event cites the mirror as a report of its own
    assert all(not s.get("copy_of") for e in events if e is not killing[0] for s in e["sources"])
    assert not [s for e in events for s in independent(e["sources"]) if s["document"] == "b-mirror.txt"]

    _register()
    shown = CliRunner().invoke(cli, ["show", killing[0]["id"], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "claims (1):" in shown.output and "also at [b-mirror.txt#0" in shown.output

    # re-running changes nothing; the copy is not listed twice
    with open_store(db) as store:
        run([str(tmp_path / "in")], store, Settings(progress=False))
        again = [event_record(e) for e in store.events()]
    assert json.dumps(again, sort_keys=True) == json.dumps(events, sort_keys=True)
