from __future__ import annotations

from datetime import date

import pytest

from briefings.errors import ConflictError, ValidationError
from briefings.licensing import PoolFields
from briefings.vocabulary import AllocationStatus


@pytest.fixture
def pool(services):
    return services.licences.create_pool(
        PoolFields(
            provider="NSPCC",
            product="HSB training for schools",
            seats=10,
            valid_from=date(2025, 9, 1),
            valid_until=date(2026, 8, 31),
        )
    )


def test_allocations_use_seats_until_the_pool_refuses(services, pool, make_setting):
    schools = [make_setting() for _ in range(4)]
    for school in schools[:3]:
        services.licences.allocate(pool.id, 3, setting_id=school.id)
    assert services.licences.pool(pool.id).left == 1
    with pytest.raises(ConflictError, match="Only 1 of 10 seats are left") as caught:
        services.licences.allocate(pool.id, 2, setting_id=schools[3].id)
    assert caught.value.field == "seats"
    assert services.licences.pool(pool.id).used == 9


def test_return_and_revoke_give_seats_back_and_reactivate_undoes(services, pool, make_setting):
    a = services.licences.allocate(pool.id, 6, setting_id=make_setting().id)
    b = services.licences.allocate(pool.id, 4, setting_id=make_setting().id)
    returned = services.licences.return_seats(a.id)
    assert returned.status is AllocationStatus.RETURNED
    assert returned.ended_on == date(2025, 10, 1)
    services.licences.revoke(b.id, "Given in error")
    assert services.licences.pool(pool.id).left == 10
    with pytest.raises(ConflictError, match="already returned"):
        services.licences.return_seats(a.id)
    assert services.licences.reactivate(a.id).status is AllocationStatus.ACTIVE
    services.licences.allocate(pool.id, 4, setting_id=make_setting().id)
    with pytest.raises(ConflictError, match="Only 0 seats are free"):
        services.licences.reactivate(b.id)


def test_no_allocation_after_the_pool_expires(services, pool, make_setting):
    with pytest.raises(ConflictError, match="expired on 31 August 2026"):
        services.licences.allocate(pool.id, 1, setting_id=make_setting().id, on=date(2026, 9, 1))
    with pytest.raises(ValidationError, match="outlast the pool"):
        services.licences.allocate(pool.id, 1, setting_id=make_setting().id, expires_on=date(2026, 9, 30))


def test_allocation_needs_a_recipient_and_positive_seats(services, pool, make_setting):
    with pytest.raises(ValidationError, match="setting or a named person"):
        services.licences.allocate(pool.id, 1)
    with pytest.raises(ValidationError, match="at least 1"):
        services.licences.allocate(pool.id, 0, setting_id=make_setting().id)


def test_allocation_to_a_named_person(services, pool, make_person):
    person = make_person()
    row = services.licences.allocate(pool.id, 1, person_id=person.id)
    assert row.person_name == person.full_name
    assert [a.id for a in services.licences.allocations(person_id=person.id)] == [row.id]


def test_pool_validation_and_shrinking(services, pool, make_setting):
    with pytest.raises(ValidationError, match="expire after it starts"):
        services.licences.create_pool(PoolFields("NSPCC", "X", 5, date(2026, 1, 1), date(2025, 1, 1)))
    services.licences.allocate(pool.id, 7, setting_id=make_setting().id)
    fields = PoolFields("NSPCC", "HSB training for schools", 6, date(2025, 9, 1), date(2026, 8, 31))
    with pytest.raises(ConflictError, match="cannot shrink to 6"):
        services.licences.update_pool(pool.id, fields)
    assert services.licences.pool(pool.id).seats == 10


def test_settings_without_seats_and_running_out(services, pool, make_setting, clock):
    have, lack = make_setting(), make_setting()
    services.licences.allocate(pool.id, 8, setting_id=have.id)
    assert [s.id for s in services.licences.settings_without(pool.id)] == [lack.id]
    assert [p.id for p in services.licences.running_out(seats_below=3)] == [pool.id]
    assert services.licences.running_out(seats_below=1, within_days=10) == []
