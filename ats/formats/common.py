"""European notation for every language: dd-mm-yyyy and 24-hour HH:MM (SPEC R4 Date).

Django's own English formats are American (m/d/Y, 12-hour); these override them for both of our
languages so that what is shown is also what the forms accept, and nothing else. They serve
Django's own pages (the admin); our pages and emails format through ats/dates.py.
"""

from ats import dates

DATE_FORMAT = "d-m-Y"
SHORT_DATE_FORMAT = "d-m-Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d-m-Y H:i"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = [dates.DATE_FORMAT]
TIME_INPUT_FORMATS = [dates.TIME_FORMAT]
DATETIME_INPUT_FORMATS = [dates.DATETIME_FORMAT]
