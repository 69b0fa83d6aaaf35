"""Candidates, their registrations (a candidate applying to a vacancy) and the workflow stages
a registration moves through.

May import: vacancies, ats. It knows nothing of interviews: the dossiers show the Steps through
interviews' template tags, and the Workflow tab lives in interviews.planning.
"""
