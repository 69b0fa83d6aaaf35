"""Failed logins lock one user name from one client address, also behind a reverse proxy."""

import pytest

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # what every request behind the proxy comes from (REMOTE_ADDR)
MALLORY, ALICE = "203.0.113.5", "198.51.100.7"


def log_in(client, password: str, *, remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/accounts/login/", {"username": "alice", "password": password},
                       **headers)


def fail_five_times(client, *, remote: str, forwarded: str | None = None) -> None:
    for _ in range(5):
        log_in(client, "wrong", remote=remote, forwarded=forwarded)


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.mark.usefixtures("behind_one_proxy")
def test_behind_the_proxy_failures_from_one_client_do_not_lock_the_user_out_elsewhere(
        client, recruiter):
    fail_five_times(client, remote=PROXY, forwarded=MALLORY)
    assert log_in(client, "alice-password", remote=PROXY, forwarded=ALICE).status_code == 302


@pytest.mark.usefixtures("behind_one_proxy")
def test_behind_the_proxy_the_client_that_failed_is_locked_out(client, recruiter):
    fail_five_times(client, remote=PROXY, forwarded=MALLORY)
    assert log_in(client, "alice-password", remote=PROXY, forwarded=MALLORY).status_code == 429


@pytest.mark.usefixtures("behind_one_proxy")
def test_behind_the_proxy_a_forged_address_is_not_believed(client, recruiter):
    # Mallory sends "X-Forwarded-For: <Alice's address>"; the proxy appends Mallory's own.
    fail_five_times(client, remote=PROXY, forwarded=f"{ALICE}, {MALLORY}")
    assert log_in(client, "alice-password", remote=PROXY,
                  forwarded=f"{ALICE}, {MALLORY}").status_code == 429
    assert log_in(client, "alice-password", remote=PROXY, forwarded=ALICE).status_code == 302


def test_a_direct_client_cannot_lock_someone_else_out_by_forging_their_address(
        client, recruiter):
    fail_five_times(client, remote=MALLORY, forwarded=ALICE)
    assert log_in(client, "alice-password", remote=ALICE).status_code == 302


def test_a_direct_client_cannot_unlock_itself_by_forging_another_address(client, recruiter):
    fail_five_times(client, remote=MALLORY)
    response = log_in(client, "alice-password", remote=MALLORY, forwarded="192.0.2.99")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
