"""Vacancies and contact persons (hiring managers and selection-committee members).

May import: ats.
"""
