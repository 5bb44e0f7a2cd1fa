"""Hypothesis settings for the property tests.

The ``pakru`` profile keeps example counts modest so the whole property suite
stays well under a minute on two cores; ``HYPOTHESIS_PROFILE=thorough`` runs
ten times as many examples.
"""

import os

from hypothesis import HealthCheck, settings

_slow = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile(
    "pakru", max_examples=30, deadline=None, suppress_health_check=_slow, print_blob=True
)
settings.register_profile(
    "thorough", max_examples=300, deadline=None, suppress_health_check=_slow, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "pakru"))
