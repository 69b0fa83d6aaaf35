"""Developer tools: demo data (`manage.py seed_demo`) and the benchmark (`manage.py bench`).

Never imported by the product; it may import anything.
"""
