from ats.formats.common import *  # noqa: F403
