"""The people, vacancies and configuration of the demo office (seed_demo)."""

import random

from candidates.models import Candidate

USERS = {
    "recruiter": {"username": "recruiter", "password": "recruiter", "first_name": "Sanne",
                  "last_name": "de Vries", "email": "sanne.devries@example.com",
                  "recruiter": True, "phone": "030-2345600"},
    "recruiter2": {"username": "tom", "password": "tom", "first_name": "Tom",
                   "last_name": "Bakker", "email": "tom.bakker@example.com", "recruiter": True,
                   "phone": "030-2345601"},
    "admin": {"username": "admin", "password": "admin", "first_name": "Anna",
              "last_name": "Jansen", "email": "admin@example.com", "is_staff": True,
              "is_superuser": True},
    "manager": {"username": "manager", "password": "manager", "first_name": "Marieke",
                "last_name": "van der Linden", "email": "marieke.vanderlinden@example.com"},
}

LOCATIONS = [
    # English name, Dutch name, address, time zone
    ("Head office Utrecht", "Hoofdkantoor Utrecht", "Catharijnesingel 42\n3511 GC Utrecht",
     "Europe/Amsterdam"),
    ("Amsterdam Zuidas", "Amsterdam Zuidas", "Gustav Mahlerlaan 10\n1082 PP Amsterdam",
     "Europe/Amsterdam"),
    ("Online (Microsoft Teams)", "Online (Microsoft Teams)", "", "Europe/Amsterdam"),
    ("London office", "Kantoor Londen", "30 St Mary Axe\nLondon EC3A 8BF", "Europe/London"),
    ("Online (Jitsi Meet)", "Online (Jitsi Meet)", "", "Europe/Amsterdam"),
]
# How people join at the online places: a room per interview, or one fixed meeting room.
ONLINE = {"Online (Jitsi Meet)": ("jitsi", ""),
          "Online (Microsoft Teams)": (
              "fixed", "https://teams.microsoft.com/l/meetup-join/demo-recruitment-room")}

REASONS = [("First interview", "Eerste gesprek", 60), ("Second interview", "Tweede gesprek", 60),
           ("Assessment", "Assessment", 180)]

GUIDELINES = [
    # English title and text, Dutch title and text
    ("STAR method", (
        "Ask for concrete examples and let the candidate describe them in four steps:\n"
        "- Situation: what was the context?\n"
        "- Task: what was expected of you?\n"
        "- Action: what did you do, and why?\n"
        "- Result: what happened, and what did you learn?\n"
        "Ask follow-up questions until each step is clear; note facts, not impressions."
    ), "STAR-methode", (
        "Vraag naar concrete voorbeelden en laat de kandidaat ze in vier stappen vertellen:\n"
        "- Situatie: wat was de context?\n"
        "- Taak: wat werd er van je verwacht?\n"
        "- Actie: wat deed je, en waarom?\n"
        "- Resultaat: wat was de uitkomst, en wat heb je geleerd?\n"
        "Vraag door tot elke stap duidelijk is; noteer feiten, geen indrukken."
    )),
    ("Interview etiquette", (
        "Be on time and introduce everyone at the table. Explain how the procedure continues "
        "and when the candidate will hear from us. Do not ask about age, religion, family "
        "plans or health."
    ), "Gespreksetiquette", (
        "Wees op tijd en stel iedereen aan tafel voor. Leg uit hoe de procedure verder gaat en "
        "wanneer de kandidaat van ons hoort. Vraag niet naar leeftijd, geloof, kinderwens of "
        "gezondheid."
    )),
    ("Assessment day", (
        "The candidate receives the case one hour in advance. Score each competence "
        "independently before the panel discusses."
    ), "Assessmentdag", (
        "De kandidaat krijgt de casus een uur van tevoren. Beoordeel elke competentie eerst "
        "zelf, voordat het panel die bespreekt."
    )),
]

CONTACTS = [
    {"name": "Marieke van der Linden", "email": "marieke.vanderlinden@example.com",
     "job_title": "Head of IT", "department": "IT", "language": "nl", "wants_vcalendar": True,
     "phone": "030-2345678", "user": "manager"},
    {"name": "Pieter Smit", "email": "pieter.smit@example.com", "job_title": "Finance Director",
     "department": "Finance", "language": "nl", "wants_vcalendar": False, "phone": "030-2345679"},
    {"name": "Emily Carter", "email": "emily.carter@example.com",
     "job_title": "Customer Success Lead", "department": "Customer Success", "language": "en",
     "wants_vcalendar": True, "phone": "+44 20 7946 0018"},
    {"name": "Youssef El Amrani", "email": "youssef.elamrani@example.com",
     "job_title": "Logistics Manager", "department": "Operations", "language": "nl",
     "wants_vcalendar": True, "phone": "010-4567890"},
    {"name": "Lotte de Graaf", "email": "lotte.degraaf@example.com", "job_title": "HR Manager",
     "department": "HR", "language": "nl", "wants_vcalendar": False, "phone": "030-2345680"},
    {"name": "Daan Visser", "email": "daan.visser@example.com", "job_title": "Data Lead",
     "department": "IT", "language": "en", "wants_vcalendar": True, "phone": "030-2345681"},
]

# Contact persons whose calendar feed the demo serves (devtools/demo_calendar.py).
CALENDARS = [("marieke.vanderlinden@example.com", "marieke")]

VACANCIES = [
    # title, reference, department, city, status, hiring manager, recruiter
    ("Senior Java Developer", "IT-2026-014", "IT", "Utrecht", "published",
     "marieke.vanderlinden@example.com", "recruiter"),
    ("Data Analyst", "IT-2026-015", "IT", "Utrecht", "published",
     "daan.visser@example.com", "recruiter"),
    ("Financieel Controller", "FIN-2026-003", "Finance", "Utrecht", "published",
     "pieter.smit@example.com", "recruiter2"),
    ("Customer Success Manager", "CS-2026-007", "Customer Success", "London", "published",
     "emily.carter@example.com", "recruiter"),
    ("Logistiek Medewerker", "OPS-2026-021", "Operations", "Rotterdam", "published",
     "youssef.elamrani@example.com", "recruiter2"),
    ("HR Business Partner", "HR-2026-002", "HR", "Amsterdam", "draft",
     "lotte.degraaf@example.com", "recruiter"),
    ("DevOps Engineer", "IT-2026-016", "IT", "Utrecht", "draft",
     "marieke.vanderlinden@example.com", "recruiter"),
    ("Marketing Intern", "MKT-2025-011", "Marketing", "Amsterdam", "closed",
     "lotte.degraaf@example.com", "recruiter2"),
]

STAGES_WITH_INTERVIEWS = {"Interview planned", "Offer", "Hired", "Rejected"}

REPORTS = [
    "Strong examples of leading a migration project (STAR answers were concrete). Good fit with "
    "the team; invite for a second interview.",
    "Friendly and motivated, but little experience with the tools we use. Not a match for now.",
    "Clear communicator, asked sharp questions about the role. Salary expectations fit.",
]

VACANCY_DESCRIPTION = (
    "As {title} in {city} you join a team that values craft and a good laugh. "
    "We offer a permanent contract, 27 holidays and a travel allowance."
)

CANDIDATES = [
    ("Jeroen", "van Dijk", "Utrecht", "nl"), ("Fatima", "Bouzid", "Amsterdam", "nl"),
    ("Lucas", "Meijer", "Amersfoort", "nl"), ("Sophie", "Mulder", "Utrecht", "nl"),
    ("Oliver", "Bennett", "London", "en"), ("Anouk", "de Boer", "Zeist", "nl"),
    ("Mehmet", "Yilmaz", "Rotterdam", "nl"), ("Emma", "Hendriks", "Nieuwegein", "nl"),
    ("Priya", "Sharma", "Amsterdam", "en"), ("Thijs", "Vermeulen", "Houten", "nl"),
    ("Julia", "Kowalska", "Utrecht", "en"), ("Bram", "van Leeuwen", "Den Haag", "nl"),
    ("Noor", "Hassan", "Rotterdam", "nl"), ("Daniel", "Fischer", "Arnhem", "en"),
    ("Eva", "Peters", "Utrecht", "nl"), ("Ruben", "Dekker", "Hilversum", "nl"),
    ("Chloé", "Martin", "Amsterdam", "en"), ("Sem", "Brouwer", "Utrecht", "nl"),
    ("Isabel", "García", "Rotterdam", "en"), ("Milan", "de Jong", "Breda", "nl"),
    ("Lisa", "van den Berg", "Utrecht", "nl"), ("Kofi", "Mensah", "Amsterdam", "en"),
    ("Femke", "Koster", "Leiden", "nl"), ("Jonas", "Schmidt", "Utrecht", "en"),
    ("Sara", "Willems", "Eindhoven", "nl"), ("Tim", "Jacobs", "Utrecht", "nl"),
    ("Hannah", "O'Brien", "London", "en"), ("Niels", "Bos", "Gouda", "nl"),
]

_FIRST = ["Anna", "Bas", "Chris", "Demi", "Erik", "Fleur", "Gijs", "Iris", "Jasper", "Kim",
          "Lars", "Maud", "Nick", "Olivia", "Pim", "Roos", "Stijn", "Tess", "Vera", "Wouter"]
_LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
         "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer"]
_TITLES = ["Developer", "Accountant", "Nurse", "Sales Manager", "Engineer", "Analyst",
           "Consultant", "Teacher", "Designer", "Planner"]


def candidate_email(first: str, last: str) -> str:
    local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    return f"{local}@example.org".replace("é", "e").replace("í", "i")


def generated_candidate(number: int, rng: random.Random, domain: str) -> Candidate:
    return Candidate(
        first_name=rng.choice(_FIRST), last_name=rng.choice(_LAST),
        email=f"candidate{number:06d}@{domain}", city="Utrecht",
        language="nl" if number % 3 else "en", wants_vcalendar=bool(number % 2),
    )


def generated_vacancy_title(number: int) -> str:
    return f"{_TITLES[number % len(_TITLES)]} {number:04d}"
