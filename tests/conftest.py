"""Shared test configuration: Hypothesis profiles.

``HYPOTHESIS_PROFILE=thorough`` runs many more examples; the default profile keeps the suite
quick. Deadlines are off: whole-report examples vary in size, and timing is the benchmarks'
job, not the tests'.
"""

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
