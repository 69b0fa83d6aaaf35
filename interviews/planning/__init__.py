"""Planning: the Interview, its configuration (locations, reasons, guidelines, settings), the one
interview form behind its four doors, overlap warnings, the Steps, the dashboard and the
Workflow tab.

Owns: planning.models (Interview, InterviewChange), planning.configuration. May import:
candidates, vacancies, ats; from the packages above it only what its views hand on (reminders
after a save, the slot a recruiter links). Never imported by candidates or vacancies: they
show planning's data through its template tags (interviews/templatetags).
"""
