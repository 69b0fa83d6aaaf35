"""The project: settings read from the environment (env), root urls (the one place that knows
every app), login and access, and helpers every app shares — European dates and times
(dates), signed links (signing), the ?back= return target (navigation), optimistic locking
(versioning), safe parsing of query values (params).

May import: nothing of the apps, except ats.urls, which mounts them.
"""
