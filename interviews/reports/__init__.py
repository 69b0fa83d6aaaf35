"""Reports: interviews per reason per month, as a table, a chart and a CSV download.

May import: planning and the apps below interviews.
"""
