"""The event store: schema and migrations, idempotent ingest, near-duplicates, merging, queries.

Tests taking ``db_url`` run against a real SQLite file and a real PostgreSQL
server (skipped, with the reason, when none is reachable).
"""

from __future__ import annotations

import dataclasses
import functools

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select, text

from clashlog.errors import StoreError
from clashlog.model import Article, Claim, Event, Evidence, ExtractResult, Place, RawArticle
from clashlog.store import schema as S
from clashlog.store.db import (
    create_engine_for,
    current_revision,
    head_revision,
    migrate,
    normalize_url,
    open_engine,
)
from clashlog.store.ingest import EventStore, ingest
from clashlog.store.query import (
    ArticleFilter,
    ClaimFilter,
    EventFilter,
    check_consistency,
    query_articles,
    query_claims,
    query_events,
    snapshot,
    stats,
)

ARM = "Military Forces of Armenia"
AZE = "Military Forces of Azerbaijan"

WIRE = (
    "Armenian armed forces units fired on Azerbaijani army positions in the Kalbajar district on "
    "the night of December 9, using small arms and grenade launchers, the Defence Ministry said. "
    "Azerbaijani units took adequate retaliatory measures, and the situation is under control. "
    "Two soldiers were killed and three more were wounded in the exchange of fire near the border, "
    "according to the ministry statement released on Friday morning in Baku."
)


def article_result(
    aid: str,
    eid: str,
    *,
    text: str | None = None,
    day: str = "2021-12-09",
    event_type: str = "Battles",
    country: str = "Azerbaijan",
    iso3: str = "AZE",
    admin1: str = "Kalbajar",
    location: str = "Kalbajar",
    coords: tuple[float, float] = (40.10, 46.04),
    actors: tuple[str | None, str | None] = (ARM, AZE),
    outlet: str = "APA",
    killed: int | None = None,
    claimant: str = "Ministry of Defense of Azerbaijan",
) -> ExtractResult:
    """One article's extraction result, built by hand (fast, and independent of the NLP stages)."""
    text = text or f"{outlet} report {aid}: clashes near {location} on {day}."
    article = Article(article_id=aid, text=text, outlet=outlet, published=day + "T10:00:00+04:00")
    place = Place(
        aid,
        location,
        0,
        len(location),
        resolved_name=location,
        country=country,
        iso3=iso3,
        admin1=admin1,
        latitude=coords[0],
        longitude=coords[1],
        feature="populated place",
    )
    claims = []
    if killed is not None:
        claims.append(
            Claim(
                claim_id=f"{aid}-c",
                article_id=aid,
                claimant=claimant,
                stance="asserts",
                claim_type="casualties",
                text="killed",
                start=0,
                end=6,
                side="Armenia",
                quantity_kind="killed",
                value_low=killed,
                value_high=killed,
                event_id=eid,
                via=outlet,
            )
        )
    event = Event(
        event_id=eid,
        event_date=day,
        event_type=event_type,
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        actor1=actors[0],
        actor2=actors[1],
        country=country,
        iso3=iso3,
        admin1=admin1,
        location=location,
        latitude=coords[0],
        longitude=coords[1],
        geo_precision=1,
        fatalities=killed,
        source=outlet,
        source_scale="National",
        article_ids=[aid],
        claim_ids=[c.claim_id for c in claims],
        evidence=[Evidence(aid, 0, 5, text[:5])],
    )
    return ExtractResult(articles=[article], places=[place], events=[event], claims=claims)


# ------------------------------------------------------------- engine, schema


def test_plain_paths_and_postgresql_urls_are_normalized(tmp_path):
    assert normalize_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///a.db") == "sqlite:///a.db"


def test_unsupported_or_unreachable_databases_raise_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        create_engine_for("mysql://u@h/db")
    with pytest.raises(StoreError, match="does not exist"):
        open_engine(str(tmp_path / "missing-dir" / "x.db"))


def test_a_sqlite_store_uses_wal_and_foreign_keys(sqlite_url):
    engine = open_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_new_database_is_created_at_the_newest_revision_matching_the_schema(db_url):
    engine = open_engine(db_url)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), S.metadata)
    assert diffs == []


def test_an_old_database_is_upgraded_and_keeps_its_rows(db_url):
    engine = create_engine_for(db_url)
    migrate(engine, revision="0001")
    assert "simhash" not in {c["name"] for c in inspect(engine).get_columns("articles")}
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO articles (article_id, content_hash, text) VALUES (:id, :hash, :text)"),
            {"id": "old", "hash": "0" * 64, "text": "stored by v1"},
        )
    engine.dispose()
    upgraded = open_engine(db_url)
    assert current_revision(upgraded) == head_revision()
    assert {"simhash", "duplicate_of"} <= {c["name"] for c in inspect(upgraded).get_columns("articles")}
    rows = [r.to_dict() for r in query_articles(upgraded)]
    assert [(r["article_id"], r["text"], r["duplicate_of"]) for r in rows] == [("old", "stored by v1", None)]
    with upgraded.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), S.metadata)
    assert diffs == []


def test_processes_opening_a_new_database_at_once_migrate_it_once(db_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_close(_):
        engine = open_engine(db_url)  # each has its own engine, as separate processes would
        revision = current_revision(engine)
        engine.dispose()
        return revision

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_and_close, range(4))) == [head_revision()] * 4


# ---------------------------------------------------------------------- ingest


def test_reingesting_the_same_articles_adds_nothing(db_url):
    with EventStore.open(db_url) as store:
        for aid in ("a1", "a2"):
            store.add(article_result(aid, f"{aid}-e", killed=2))
        before = snapshot(store.engine)
        again = [
            o.status for aid in ("a1", "a2") for o in store.add(article_result(aid, f"{aid}-e", killed=2))
        ]
        assert again == ["duplicate", "duplicate"]
        assert snapshot(store.engine) == before
        assert check_consistency(store.engine) == []


def test_reports_of_one_event_from_two_outlets_are_merged_into_one_event(db_url):
    with EventStore.open(db_url) as store:
        first = store.add(article_result("a1", "e1", outlet="APA", killed=2))[0]
        second = store.add(
            article_result("a2", "e2", outlet="Reuters", killed=5, claimant="Ministry of Defence of Armenia")
        )[0]
        assert (first.events_new, second.events_new, second.events_merged) == (1, 0, 1)
        (event,) = query_events(store.engine)
        assert event.event_id == "e1"
        assert event.article_ids == ["a1", "a2"]
        assert event.source == "APA; Reuters"
        assert event.claim_ids == ["a1-c", "a2-c"]
        assert (event.fatalities, event.fatalities_low, event.fatalities_high, event.contested) == (
            2,
            2,
            5,
            True,
        )
        assert {c.event_id for c in query_claims(store.engine)} == {"e1"}
        assert check_consistency(store.engine) == []


def test_a_republished_wire_story_is_linked_as_a_near_duplicate_not_a_second_source(db_url):
    edited = WIRE.replace("on Friday morning", "on Friday").replace(
        "grenade launchers", "grenade-launchers"
    ) + (" Follow us on Twitter.")
    with EventStore.open(db_url) as store:
        store.add(article_result("wire-b", "eb", text=edited, outlet="Trend"))
        outcome = store.add(article_result("wire-a", "ea", text=WIRE, outlet="APA"))[0]
        store.add(article_result("other", "eo", day="2021-12-09", outlet="Reuters"))
        assert outcome.duplicate_of is None  # "wire-a" sorts first, so it heads the cluster...
        dups = {r.article.article_id: r.duplicate_of for r in query_articles(store.engine)}
        assert dups == {"wire-a": None, "wire-b": "wire-a", "other": None}  # ...whatever the order of arrival
        (event,) = query_events(store.engine)
        assert event.article_ids == ["other", "wire-a", "wire-b"]
        with store.engine.connect() as conn:
            n_sources, n_reports = conn.execute(select(S.events.c.n_sources, S.events.c.n_reports)).one()
        assert (n_reports, n_sources) == (3, 2)
        assert stats(store.engine)["near_duplicate_articles"] == 1


def test_an_article_that_cannot_be_stored_leaves_nothing_behind(db_url):
    bad = article_result("bad", "eb", killed=3)
    bad.claims.append(dataclasses.replace(bad.claims[0], text="another"))  # two claims, one id
    with EventStore.open(db_url) as store:
        store.add(article_result("good", "eg"))
        before = snapshot(store.engine)
        (outcome,) = store.add(bad)
        assert (
            outcome.status == "failed"
            and "claim" in outcome.error.lower()
            or "unique" in outcome.error.lower()
        )
        assert snapshot(store.engine) == before
        assert check_consistency(store.engine) == []
        assert store.add(article_result("bad", "eb", killed=3))[0].status == "added"  # a fixed re-run goes in


# a small article set: one clash reported by three outlets (disagreeing figures), a shelling,
# a clash elsewhere, a clash a week later, and a near-duplicate of the first report
ARTICLES = [
    article_result("a1", "e1", outlet="APA", killed=2, text=WIRE),
    article_result("a2", "e2", outlet="Armenpress", killed=4, claimant="Ministry of Defence of Armenia"),
    article_result("a3", "e3", outlet="Reuters", coords=(40.12, 46.07), location="Karvachar"),
    article_result("a4", "e4", event_type="Explosions/Remote violence"),
    article_result("a5", "e5", location="Tovuz", admin1="Tovuz", coords=(40.99, 45.63)),
    article_result("a6", "e6", day="2021-12-16"),
    article_result(
        "a7", "e7", outlet="Trend", killed=2, text=WIRE.replace("Friday morning", "Friday") + " Share."
    ),
]


def _ingest_all(url: str, order) -> dict:
    with EventStore.open(url) as store:
        for result in order:
            store.add(result)
        assert check_consistency(store.engine) == []
        return snapshot(store.engine)


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(len(ARTICLES))))
def test_ingest_order_does_not_change_the_store(order):
    assert _ingest_all("sqlite://", [ARTICLES[i] for i in order]) == _in_given_order()


@functools.cache
def _in_given_order() -> dict:
    return _ingest_all("sqlite://", ARTICLES)


def test_ingest_order_does_not_change_the_store_on_both_backends(db_url):
    forward = _ingest_all(db_url, ARTICLES)
    engine = open_engine(db_url)
    with engine.begin() as conn:  # empty the store, then ingest the other way round
        for table in reversed(S.metadata.sorted_tables):
            conn.execute(table.delete())
    engine.dispose()
    assert _ingest_all(db_url, list(reversed(ARTICLES))) == forward
    merged = next(e for e in forward["events"] if e["event_id"] == "e1")
    assert len(forward["events"]) == 4
    assert merged["article_ids"] == ["a1", "a2", "a3", "a7"] and merged["n_sources"] == 3


# --------------------------------------------------------------------- queries


@pytest.fixture
def filled(db_url):
    store = EventStore.open(db_url)
    for result in ARTICLES:
        store.add(result)
    store.add(
        article_result(
            "b1",
            "f1",
            country="Armenia",
            iso3="ARM",
            admin1="Tavush",
            location="Berd",
            coords=(40.88, 45.39),
            day="2022-09-13",
            killed=7,
            outlet="Armenpress",
        )
    )
    yield store.engine
    store.close()


def test_events_are_filtered_by_country_region_date_type_actor_and_contested(filled):
    def ids(**kw):
        return [e.event_id for e in query_events(filled, EventFilter(**kw))]

    assert ids(country="Armenia") == ["f1"]
    assert ids(country="ARM") == ["f1"]
    assert ids(country="AZE") == ["e1", "e4", "e5", "e6"]
    assert ids(admin1="Tovuz") == ["e5"]
    assert ids(since="2021-12-10") == ["e6", "f1"]
    assert ids(until="2021-12-09") == ["e1", "e4", "e5"]
    assert ids(event_type="Explosions/Remote violence") == ["e4"]
    assert ids(actor="of armenia", since="2022-01-01") == ["f1"]
    assert ids(contested=True) == ["e1"]
    assert ids(article_id="a3") == ["e1"]
    assert ids(limit=2) == ["e1", "e4"]


def test_user_values_are_bound_never_spliced_into_sql(filled):
    assert list(query_events(filled, EventFilter(country="x' OR '1'='1"))) == []
    assert list(query_events(filled, EventFilter(actor="%"))) == []  # LIKE wildcards match literally
    assert list(query_events(filled, EventFilter(actor="_"))) == []
    assert list(query_claims(filled, ClaimFilter(claimant="'; DROP TABLE claims; --"))) == []
    assert stats(filled)["claims"] == 4


def test_claims_are_filtered_by_contested_claimant_and_kind(filled):
    def ids(**kw):
        return [c.claim_id for c in query_claims(filled, ClaimFilter(**kw))]

    assert ids(contested=True) == ["a1-c", "a2-c", "a7-c"]
    assert ids(claimant="armenia") == ["a2-c"]
    assert ids(claimant="Armenpress") == ["a2-c", "b1-c"]  # the relaying outlet counts too
    assert ids(kind="killed", contested=False) == ["b1-c"]


def test_articles_are_listed_with_their_near_duplicate_links(filled):
    dups = [
        (r.article.article_id, r.duplicate_of) for r in query_articles(filled, ArticleFilter(duplicates=True))
    ]
    assert dups == [("a7", "a1")]
    assert [r.article.article_id for r in query_articles(filled, ArticleFilter(since="2022-01-01"))] == ["b1"]
    assert [r.article.article_id for r in query_articles(filled, ArticleFilter(outlet="reut"))] == ["a3"]


def test_stats_count_what_the_store_holds(filled):
    counts = stats(filled)
    assert counts["articles"] == 8 and counts["reports"] == 8 and counts["events"] == 5
    assert counts["events_contested"] == 1 and counts["near_duplicate_articles"] == 1
    assert counts["events_by_country"] == {"Azerbaijan": 4, "Armenia": 1}


# ------------------------------------------------------------ real pipeline


SMALL_ARTICLES = [
    RawArticle(
        source="t1",
        id="t1",
        outlet="APA",
        published="2021-12-10",
        text="Armenian forces shelled Azerbaijani positions in the Kalbajar district on December 9, 2021. "
        "Two Azerbaijani soldiers were killed, the Ministry of Defense said.",
    ),
    RawArticle(
        source="t2",
        id="t2",
        outlet="Armenpress",
        published="2021-12-10",
        text="Armenian artillery shelled Azerbaijani army positions near Kalbajar on December 9, 2021, "
        "Reuters reported, citing the Azerbaijani Defence Ministry; three soldiers were killed.",
    ),
    RawArticle(
        source="t3",
        id="t3",
        outlet="Reuters",
        published="2022-09-13",
        text="Fighting broke out overnight on the Armenia-Azerbaijan border near Jermuk, "
        "and at least 49 Armenian soldiers were killed, Prime Minister Nikol Pashinyan said.",
    ),
]


def test_the_consistency_check_finds_a_merged_event_gone_missing(db_url):
    with EventStore.open(db_url) as store:
        store.add(article_result("a1", "e1", killed=2))
        assert check_consistency(store.engine) == []
        with store.engine.begin() as conn:
            conn.execute(S.events.delete())
        problems = check_consistency(store.engine)
        assert any("reports without a merged event" in p for p in problems)


def test_exact_repeats_of_a_record_in_one_result_are_stored_once(db_url):
    result = article_result("a1", "e1", killed=2)
    result.events.append(dataclasses.replace(result.events[0]))
    result.claims.append(dataclasses.replace(result.claims[0]))
    with EventStore.open(db_url) as store:
        assert store.add(result)[0].status == "added"
        counts = stats(store.engine)
        assert (counts["reports"], counts["claims"]) == (1, 1)


def test_ingest_with_worker_processes_stores_the_same_as_one_process(extractor, tmp_path):
    items = [*SMALL_ARTICLES, SMALL_ARTICLES[0]]  # the repeat is skipped as a duplicate
    snapshots = []
    for n in (1, 2):
        with EventStore.open(str(tmp_path / f"n{n}.db")) as store:
            summary = ingest(items, store, extractor, n_process=n)
            assert (summary.read, summary.added, summary.skipped_duplicates) == (4, 3, 1)
            snapshots.append(snapshot(store.engine))
    assert snapshots[0] == snapshots[1]


def test_real_pipeline_ingest_is_order_independent_and_consistent(extractor, tmp_path):
    def run(name, order):
        with EventStore.open(str(tmp_path / name)) as store:
            summary = ingest(order, store, extractor)
            assert summary.read == 3 and not summary.failed
            assert check_consistency(store.engine) == []
            return snapshot(store.engine)

    forward = run("forward.db", SMALL_ARTICLES)
    assert forward == run("backward.db", list(reversed(SMALL_ARTICLES)))
    # the two reports of the Kalbajar shelling are one event
    assert ["t1", "t2"] in [e["article_ids"] for e in forward["events"]]
