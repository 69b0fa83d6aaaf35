"""`make bench`: see devtools/benchmark.py."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from devtools import benchmark


class Command(BaseCommand):
    help = "Seed a large office, then measure every main page and delivery against a floor."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--candidates", type=int, default=20_000)
        parser.add_argument("--interviews", type=int, default=100_000)
        parser.add_argument("--messages", type=int, default=200_000)
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument("--deliveries", type=int, default=1_000)

    def handle(self, *args, candidates, interviews, messages, requests, deliveries,
               verbosity, **options) -> None:
        started = time.perf_counter()
        benchmark.seed(candidates=candidates, interviews=interviews, messages=messages,
                       progress=verbosity > 0)
        seeded = time.perf_counter() - started
        floor, pages = benchmark.measure_pages(requests=requests)
        delivery = benchmark.measure_delivery(deliveries=deliveries)
        sizes = {"candidates": candidates, "vacancies": candidates // 20,
                 "registrations": candidates * 2, "interviews": interviews,
                 "messages": messages, "requests_per_page": requests,
                 "seed_seconds": round(seeded, 1)}
        out = Path(settings.BASE_DIR, "var", "bench",
                   f"{timezone.now():%Y%m%d-%H%M%S}-{connection.vendor}.json")
        table = benchmark.report(floor, pages, delivery, sizes, out)
        self.stdout.write(f"\n{connection.vendor}, {sizes}\n\n{table}\n\nWritten to {out}")
