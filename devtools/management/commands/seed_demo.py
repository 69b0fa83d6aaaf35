"""Fill the database with a believable recruitment office; running it again changes nothing."""

import random
from datetime import datetime, time, timedelta
from itertools import islice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from ats.access import RECRUITERS_GROUP
from candidates.models import Candidate, Registration, StageChange, WorkflowStage
from devtools import demo_data as data
from devtools.demo_calendar import demo_feed
from interviews.availability.calendars import Window, busy_intervals, owner_zone, parse
from interviews.availability.models import CalendarConnection
from interviews.availability.sync import read_at
from interviews.communication.models import RecruiterProfile
from interviews.planning.configuration import InterviewGuideline, InterviewLocation, InterviewReason
from interviews.planning.models import Interview
from vacancies.models import ContactPerson, Vacancy

GENERATED_DOMAIN = "generated.example"
BATCH = 2000


class Command(BaseCommand):
    help = "Create demo users, vacancies, candidates and interview configuration (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale", type=int, default=0, metavar="N",
            help="Also make sure N generated candidates (two registrations each) exist.",
        )

    def handle(self, *args, scale: int, verbosity: int, **options) -> None:
        with transaction.atomic():
            users = self.seed_users()
            self.seed_configuration()
            contacts = self.seed_contacts(users)
            vacancies = self.seed_vacancies(contacts, users)
            self.seed_candidates(vacancies, users["recruiter"])
            self.seed_selection_interviews(vacancies, users["recruiter"])
            self.seed_calendars(contacts)
        if scale:
            self.seed_scale(scale, users["recruiter"], progress=verbosity > 0)
        self.stdout.write(self.style.SUCCESS(
            "Demo data ready: log in as recruiter / recruiter (recruiter), admin / admin "
            "(administrator) or manager / manager (hiring manager)."
        ))

    def seed_users(self) -> dict:
        User = get_user_model()
        recruiters, _ = Group.objects.get_or_create(name=RECRUITERS_GROUP)
        users = {}
        for key, spec in data.USERS.items():
            user, created = User.objects.get_or_create(
                username=spec["username"],
                defaults={k: v for k, v in spec.items() if k not in {"username", "password",
                                                                     "recruiter", "phone"}},
            )
            if created:
                user.set_password(spec["password"])
                user.save()
            if spec.get("recruiter"):
                user.groups.add(recruiters)
                RecruiterProfile.objects.get_or_create(
                    user=user, defaults={"phone": spec["phone"], "job_title": "Recruiter"})
            users[key] = user
        return users

    def seed_configuration(self) -> None:
        for name, name_nl, address, zone in data.LOCATIONS:
            provider, url = data.ONLINE.get(name, ("", ""))
            InterviewLocation.objects.get_or_create(
                name=name, defaults={"name_nl": name_nl, "address": address, "time_zone": zone,
                                     "video_provider": provider, "meeting_url": url}
            )
        for position, (name, name_nl, minutes) in enumerate(data.REASONS, start=1):
            InterviewReason.objects.get_or_create(name=name, defaults={
                "name_nl": name_nl, "default_duration": minutes, "position": position})
        for title, text, title_nl, text_nl in data.GUIDELINES:
            InterviewGuideline.objects.get_or_create(
                title=title, defaults={"text": text, "title_nl": title_nl, "text_nl": text_nl})

    def seed_contacts(self, users: dict) -> dict[str, ContactPerson]:
        contacts = {}
        for spec in data.CONTACTS:
            spec = dict(spec)
            user = users.get(spec.pop("user", None))
            contact, _ = ContactPerson.objects.get_or_create(
                email=spec["email"], defaults={**spec, "user": user}
            )
            contacts[contact.email] = contact
        return contacts

    def seed_calendars(self, contacts: dict[str, ContactPerson]) -> None:
        """The demo hiring manager's calendar: a feed this app serves in development
        (devtools/demo_calendar.py). Its busy times are stored at once, so that the interview
        form shows them before the worker's first read, which follows half a minute later,
        once the server is up, and every CALENDAR_SYNC_MINUTES after."""
        for email, name in data.CALENDARS:
            contact = contacts[email]
            url = f"{settings.SITE_URL}/dev/calendars/{name}.ics"
            connection = (contact.calendar_connections.first()
                          or CalendarConnection.objects.create(contact_person=contact, url=url))
            window = Window.around_now(owner_zone(connection))
            intervals = busy_intervals([parse(demo_feed(name, timezone.localdate()))], window)
            connection.replace_busy_blocks(intervals)
            CalendarConnection.objects.filter(pk=connection.pk).update(
                last_read_at=timezone.now(), last_error="")
            read_at(connection, timezone.now() + timedelta(seconds=30))

    def seed_vacancies(self, contacts: dict, users: dict) -> list[Vacancy]:
        vacancies = []
        for title, reference, department, city, status, manager, recruiter in data.VACANCIES:
            vacancy, _ = Vacancy.objects.get_or_create(
                reference=reference,
                defaults={
                    "title": title, "department": department, "city": city, "status": status,
                    "hours_per_week": 36, "hiring_manager": contacts[manager],
                    "recruiter": users[recruiter],
                    "description": data.VACANCY_DESCRIPTION.format(title=title, city=city),
                },
            )
            vacancies.append(vacancy)
        return vacancies

    def seed_candidates(self, vacancies: list[Vacancy], recruiter) -> None:
        stages = list(WorkflowStage.objects.all())
        now = timezone.now()
        rng = random.Random(2026)
        open_vacancies = [v for v in vacancies if v.status != Vacancy.Status.DRAFT]
        plan_interview = WorkflowStage.objects.plan_interview()
        planned = plan_interview.next_stage()
        for index, (first, last, city, language) in enumerate(data.CANDIDATES):
            candidate, created = Candidate.objects.get_or_create(
                email=data.candidate_email(first, last),
                defaults={"first_name": first, "last_name": last, "city": city,
                          "language": language, "phone": f"06-{rng.randint(10000000, 99999999)}",
                          "wants_vcalendar": index % 4 != 0},
            )
            if not created:
                continue
            # Every stage gets candidates; the two around planning get more than the rest.
            stage = (plan_interview, planned, stages[index % len(stages)])[index % 3]
            for vacancy in rng.sample(open_vacancies, k=1 + (index % 5 == 0)):
                applied = now - timedelta(days=rng.randint(3, 60), hours=rng.randint(0, 9))
                registration = Registration(candidate=candidate, vacancy=vacancy,
                                            stage=stages[0], applied_at=applied,
                                            stage_changed_at=applied)
                registration.register(by=recruiter)
                registration.move_to(stage, by=recruiter)
                Registration.objects.filter(pk=registration.pk).update(
                    stage_changed_at=applied + timedelta(days=rng.randint(1, 3)))
                self.seed_interviews(registration, recruiter, rng)

    def seed_selection_interviews(self, vacancies: list[Vacancy], recruiter) -> None:
        """Open selection interviews next week on the first published vacancy (R6)."""
        vacancy = vacancies[0]
        if vacancy.interviews.filter(candidate__isnull=True).exists():
            return
        office = InterviewLocation.objects.get(name=data.LOCATIONS[0][0])
        star = InterviewGuideline.objects.get(title=data.GUIDELINES[0][0])
        today = timezone.localdate()
        monday = today + timedelta(days=7 - today.weekday())
        for number in range(5):
            start = timezone.make_aware(datetime.combine(monday, time(9)) +
                                        timedelta(minutes=60 * number))
            interview = Interview.objects.create(
                vacancy=vacancy, owner=recruiter, start=start, duration=timedelta(minutes=45),
                location=office, location_text=office.location_text, kind=Interview.Kind.BOTH,
                contact_person=vacancy.hiring_manager, interviewer=str(vacancy.hiring_manager))
            interview.guidelines.add(star)

    def seed_interviews(self, registration: Registration, recruiter, rng: random.Random) -> None:
        """Interviews that fit the stage: planned ahead for "Interview planned", held before."""
        stage = registration.stage.name
        if stage not in data.STAGES_WITH_INTERVIEWS:
            return
        first, second = (InterviewReason.objects.get(name=name)
                         for name in ("First interview", "Second interview"))
        office = InterviewLocation.objects.get(name=data.LOCATIONS[0][0])
        star = InterviewGuideline.objects.get(title=data.GUIDELINES[0][0])
        today = timezone.localdate()

        def plan(days: int, hour: int, reason, **fields) -> Interview:
            day = today + timedelta(days=days)
            start = timezone.make_aware(datetime.combine(day, time(hour, rng.choice([0, 30]))))
            interview = Interview(
                owner=recruiter, start=start, duration=timedelta(minutes=reason.default_duration),
                reason=reason, location=office, location_text=office.location_text,
                kind=Interview.Kind.BOTH, contact_person=registration.vacancy.hiring_manager,
                interviewer=str(registration.vacancy.hiring_manager or ""), **fields)
            interview.attach(registration)
            interview.save()
            interview.guidelines.add(star)
            return interview

        if stage == "Interview planned":
            plan(rng.randint(0, 9), rng.randint(9, 16), first,
                 memo="Asked about relocation; discuss the travel allowance.")
        else:
            plan(-rng.randint(10, 25), rng.randint(9, 16), first, status=Interview.Status.HELD,
                 report=data.REPORTS[rng.randrange(len(data.REPORTS))])
            if stage in {"Offer", "Hired"}:
                plan(-rng.randint(2, 8), rng.randint(9, 16), second,
                     status=Interview.Status.HELD, report=data.REPORTS[0])

    def seed_scale(self, count: int, recruiter, *, progress: bool) -> None:
        """Bulk-insert generated candidates, two registrations each, for benchmarks."""
        existing = Candidate.objects.filter(email__endswith=f"@{GENERATED_DOMAIN}").count()
        missing = max(0, count - existing)
        if not missing:
            return
        vacancies = self.generated_vacancies(max(20, count // 20), recruiter)
        stages = list(WorkflowStage.objects.all())
        rng = random.Random(existing)
        now = timezone.now()
        numbers = iter(range(existing, existing + missing))
        with tqdm(total=missing, desc="candidates", unit="", disable=not progress) as bar:
            while batch := list(islice(numbers, BATCH)):
                with transaction.atomic():
                    candidates = Candidate.objects.bulk_create(
                        data.generated_candidate(number, rng, GENERATED_DOMAIN) for number in batch
                    )
                    registrations = Registration.objects.bulk_create(
                        Registration(candidate=candidate, vacancy=vacancy,
                                     stage=rng.choice(stages),
                                     applied_at=now - timedelta(days=rng.randint(1, 400)),
                                     stage_changed_at=now - timedelta(days=rng.randint(0, 30)))
                        for candidate in candidates
                        for vacancy in rng.sample(vacancies, k=2)
                    )
                    StageChange.objects.bulk_create(
                        StageChange(registration=r, to_stage_id=r.stage_id, changed_by=recruiter,
                                    changed_at=r.applied_at)
                        for r in registrations
                    )
                bar.update(len(batch))

    def generated_vacancies(self, count: int, recruiter) -> list[Vacancy]:
        existing = list(Vacancy.objects.filter(reference__startswith="GEN-"))
        Vacancy.objects.bulk_create(
            Vacancy(title=data.generated_vacancy_title(number), reference=f"GEN-{number:05d}",
                    status=Vacancy.Status.PUBLISHED, recruiter=recruiter, city="Utrecht")
            for number in range(len(existing), count)
        )
        return list(Vacancy.objects.filter(reference__startswith="GEN-"))
