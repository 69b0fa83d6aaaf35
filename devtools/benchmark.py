"""`make bench`: a large recruitment office, every main page, and delivery, against a floor.

The floor of a page is a login-required view rendering a tiny template through the same
middleware; the floor of delivery is Django sending the same prebuilt messages over one SMTP
connection. Both are measured in the same run, so the ratios hold on any machine.
"""

import json
import random
import socket
import statistics
import time
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from aiosmtpd.controller import Controller
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import mailers
from django.core.management import call_command
from django.db import connection, transaction
from django.http import HttpResponse
from django.template import Context, Template
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from tqdm import tqdm

from candidates.models import Registration
from interviews.communication.communicate import draft, recipient_groups
from interviews.communication.forms import CommunicationForm
from interviews.communication.models import HtmlProfile, StandardDocument
from interviews.outbox.delivery import enqueue_delivery
from interviews.outbox.email import build_email
from interviews.outbox.models import Message
from interviews.planning.configuration import InterviewReason
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, scheduling_link
from interviews.portal.models import SchedulingInvitation

BATCH = 5000
_FLOOR = Template("<p>{{ user.get_username }}</p>")


def floor_view(request):
    """The cheapest page the app could serve: login required, a tiny template."""
    return HttpResponse(_FLOOR.render(Context({"user": request.user})))


urlpatterns = [path("bench-floor/", floor_view), path("", include("ats.urls"))]


def seed(*, candidates: int, interviews: int, messages: int, progress: bool) -> None:
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", scale=candidates, verbosity=1 if progress else 0)
    owners = _recruiters(40)
    reasons = list(InterviewReason.objects.all())
    registrations = list(Registration.objects.values_list("pk", "candidate_id", "vacancy_id"))
    rng = random.Random(7)
    now = timezone.now()
    missing = interviews - Interview.objects.count()
    with tqdm(total=missing, desc="interviews", disable=not progress) as bar:
        while missing > 0:
            rows = []
            for _ in range(min(BATCH, missing)):
                pk, candidate, vacancy = rng.choice(registrations)
                rows.append(Interview(
                    registration_id=pk, candidate_id=candidate, vacancy_id=vacancy,
                    owner=rng.choice(owners),
                    start=now + timedelta(hours=rng.randint(-24 * 300, 24 * 60)),
                    reason=rng.choice(reasons), location_text="Utrecht",
                    status=rng.choice(["planned", "planned", "held", "cancelled"]),
                    calendar_uid=f"{uuid.uuid4()}@bench"))
            Interview.objects.bulk_create(rows)
            missing -= len(rows)
            bar.update(len(rows))
    ids = list(Interview.objects.values_list("pk", flat=True))
    missing = messages - Message.objects.count()
    with tqdm(total=missing, desc="messages", disable=not progress) as bar:
        while missing > 0:
            rows = [Message(interview_id=rng.choice(ids), audience="candidate",
                            purpose="invitation", recipient_name="Candidate",
                            recipient_email="candidate@example.org", document_name="Invitation",
                            subject="Invitation", text="Dear candidate", html="<p>Dear</p>",
                            send_token=uuid.uuid4().hex, status="sent", sent_at=now)
                    for _ in range(min(BATCH, missing))]
            Message.objects.bulk_create(rows)
            missing -= len(rows)
            bar.update(len(rows))
    # A database in use has its planner statistics; one just filled has not had them yet.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _recruiters(count: int) -> list:
    """A large office has many recruiters; the demo recruiter is one of them."""
    from django.contrib.auth.models import Group

    User = get_user_model()
    group = Group.objects.get(name="Recruiters")
    existing = list(User.objects.filter(username__startswith="bench-recruiter-"))
    for number in range(len(existing), count - 1):
        user = User.objects.create_user(f"bench-recruiter-{number:02d}")
        user.groups.add(group)
        existing.append(user)
    return [User.objects.get(username="recruiter"), *existing]


def _candidate_with_50_interviews(owner) -> Registration:
    registration = Registration.objects.select_related("vacancy").order_by("pk").first()
    have = Interview.objects.filter(candidate_id=registration.candidate_id).count()
    start = timezone.now() - timedelta(days=200)
    Interview.objects.bulk_create(
        Interview(registration=registration, candidate_id=registration.candidate_id,
                  vacancy=registration.vacancy, owner=owner, location_text="Utrecht",
                  start=start + timedelta(days=4 * n), calendar_uid=f"{uuid.uuid4()}@bench")
        for n in range(max(0, 50 - have)))
    return registration


def _timed(client: Client, method: str, url: str, data_for, requests: int) -> dict:
    def call(data=None):
        data = data or (data_for() if data_for else None)  # prepared outside the measurement
        started = time.perf_counter()
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        elapsed = time.perf_counter() - started
        assert response.status_code in {200, 302}, (url, response.status_code)
        return elapsed

    for _ in range(3):
        call()
    data = data_for() if data_for else None
    with CaptureQueriesContext(connection) as captured:
        call(data)
    queries = len(captured)  # now: the log is cleared when the next request starts
    times = sorted(call() for _ in range(requests))
    return {"queries": queries, "median_ms": statistics.median(times) * 1000,
            "p95_ms": statistics.quantiles(times, n=20)[18] * 1000 if requests >= 20
            else times[-1] * 1000}


@override_settings(ROOT_URLCONF="devtools.benchmark")
def measure_pages(*, requests: int) -> tuple[dict, list[tuple[str, dict]]]:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    recruiter = get_user_model().objects.get(username="recruiter")
    client = Client()
    client.force_login(recruiter)
    public = Client()
    registration = _candidate_with_50_interviews(recruiter)
    interview = (Interview.objects.filter(candidate_id=registration.candidate_id,
                                          contact_person__isnull=True).order_by("pk").first())
    Interview.objects.filter(pk=interview.pk).update(
        contact_person=registration.vacancy.hiring_manager_id
        or Interview.objects.exclude(contact_person=None).values("contact_person")[:1],
        kind="both", status="planned", start=timezone.now() + timedelta(days=5))
    interview.refresh_from_db()
    invitation = SchedulingInvitation.objects.create(
        registration=registration, expires_at=timezone.now() + timedelta(days=5))
    portal = portal_link(interview, interview.contact_person_id).split("testserver")[-1]
    portal = "/" + portal.split("://", 1)[-1].split("/", 1)[1]
    choose = "/" + scheduling_link(invitation).split("://", 1)[-1].split("/", 1)[1]
    pages = Registration.objects.count() // settings.PAGE_SIZE

    def form_data():
        interview.refresh_from_db()
        return {"start": timezone.localtime(interview.start).strftime("%d-%m-%Y %H:%M"),
                "duration": "60", "kind": "both", "contact_person": interview.contact_person_id,
                "location_text": "Utrecht", "version": interview.version,
                "confirm_overlap": "1"}

    send_form = CommunicationForm(groups=recipient_groups(interview, "candidate"),
                                  purpose="invitation")

    def send_data():
        data = {name: send_form[name].value() for name in send_form.fields}
        data["profile"] = send_form.fields["profile"].initial.pk
        data["send_token"] = uuid.uuid4().hex
        return {k: getattr(v, "pk", v) for k, v in data.items()}

    floor = _timed(client, "get", "/bench-floor/", None, requests)
    measured = [
        ("dashboard", _timed(client, "get", "/", None, requests)),
        ("workflow, first page", _timed(client, "get", "/workflow/?sort=next", None, requests)),
        ("workflow, deep page", _timed(client, "get", f"/workflow/?sort=next&page={pages - 3}",
                                       None, requests)),
        ("candidate dossier (50 interviews)",
         _timed(client, "get", f"/candidates/{registration.candidate_id}/", None, requests)),
        ("registration dossier",
         _timed(client, "get", f"/registrations/{registration.pk}/", None, requests)),
        ("vacancy dossier",
         _timed(client, "get", f"/vacancies/{registration.vacancy_id}/", None, requests)),
        ("interview form GET", _timed(client, "get", f"/interviews/{interview.pk}/", None,
                                      requests)),
        ("interview form POST", _timed(client, "post", f"/interviews/{interview.pk}/",
                                       form_data, requests)),
        ("communication screen",
         _timed(client, "get", f"/interviews/{interview.pk}/communicate/candidate/", None,
                requests)),
        ("preview", _timed(client, "get",
                           f"/interviews/{interview.pk}/communicate/candidate/preview/", None,
                           requests)),
        ("send (request only)", _timed(client, "post",
                                       f"/interviews/{interview.pk}/communicate/candidate/",
                                       send_data, requests)),
        ("manager portal", _timed(public, "get", portal, None, requests)),
        ("self-scheduling page", _timed(public, "get", choose, None, requests)),
        ("report page", _timed(client, "get", "/reports/interviews/", None, requests)),
    ]
    return floor, measured


class _Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        self.count += 1
        return "250 OK"


def _invitations(count: int) -> list[Message]:
    """`count` copies of one invitation with its calendar entry, stored in the outbox."""
    interview = Interview.objects.filter(status="planned").select_related(
        "candidate", "vacancy", "owner").first()
    recipient = recipient_groups(interview, "candidate")[0].recipients[0]
    document = StandardDocument.objects.get(name="Interview invitation")
    mail = draft(interview, replace(recipient, wants_vcalendar=True),
                 subject=document.subject, body=document.body,
                 profile=HtmlProfile.objects.get(is_default=True), purpose="invitation")
    return Message.objects.bulk_create(
        Message(interview=interview, audience="candidate", purpose="invitation",
                recipient_name=recipient.name, recipient_email=recipient.email,
                document_name=document.name, subject=mail.subject, text=mail.text,
                html=mail.html, ics=mail.ics, send_token=uuid.uuid4().hex,
                provider_message_id=f"<{uuid.uuid4()}@bench>")
        for _ in range(count))


def _work(sink: "_Sink") -> float:
    """Messages per second the worker delivers, running until no task is due."""
    sink.count = 0
    started = time.perf_counter()
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    return sink.count / (time.perf_counter() - started)


def measure_delivery(*, deliveries: int) -> dict:
    """Invitations through the outbox and the worker, against one prebuilt SMTP batch: posted
    at once (one drain), and posted one by one (a drain each, all but one finding nothing)."""
    sink = _Sink()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    mailers_setting = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                   "OPTIONS": {"host": "127.0.0.1", "port": port}}}
    try:
        with override_settings(MAILERS=mailers_setting):
            rows = _invitations(deliveries)
            prebuilt = [build_email(row) for row in rows]
            started = time.perf_counter()
            mailers.default.send_messages(prebuilt)
            floor_per_second = sink.count / (time.perf_counter() - started)
            DBTaskResult.objects.all().delete()
            with transaction.atomic():
                for row in rows:
                    enqueue_delivery(row)
            worker_per_second = _work(sink)
            for row in _invitations(deliveries):
                enqueue_delivery(row)
            one_by_one_per_second = _work(sink)
    finally:
        controller.stop()
    return {"messages": deliveries, "floor_per_second": floor_per_second,
            "worker_per_second": worker_per_second,
            "one_by_one_per_second": one_by_one_per_second}


def report(floor: dict, pages: list[tuple[str, dict]], delivery: dict, sizes: dict,
           out: Path) -> str:
    lines = [f"{'page':36} {'queries':>7} {'median ms':>10} {'p95 ms':>8} {'× floor':>8}",
             f"{'floor (login + tiny template)':36} {floor['queries']:>7} "
             f"{floor['median_ms']:>10.1f} {floor['p95_ms']:>8.1f} {1:>8.1f}"]
    for name, row in pages:
        row["ratio"] = row["median_ms"] / floor["median_ms"]
        lines.append(f"{name:36} {row['queries']:>7} {row['median_ms']:>10.1f} "
                     f"{row['p95_ms']:>8.1f} {row['ratio']:>8.1f}")
    delivery["ratio"] = delivery["worker_per_second"] / delivery["floor_per_second"]
    lines.append("")
    lines.append(f"delivery of {delivery['messages']} invitations: worker "
                 f"{delivery['worker_per_second']:.0f}/s, floor (one SMTP connection) "
                 f"{delivery['floor_per_second']:.0f}/s, ratio {delivery['ratio']:.2f}")
    one_by_one = delivery["one_by_one_per_second"] / delivery["floor_per_second"]
    lines.append(f"  posted one by one (a drain each): worker "
                 f"{delivery['one_by_one_per_second']:.0f}/s, ratio {one_by_one:.2f}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"database": connection.vendor, "sizes": sizes, "floor": floor,
                               "pages": dict(pages), "delivery": delivery,
                               "at": timezone.now().isoformat()}, indent=2))
    return "\n".join(lines)
