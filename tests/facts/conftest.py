"""The bundled entity dictionary, built once for the facts tests that read with it."""

from __future__ import annotations

import pytest

from touyan.facts.entities import EntityDictionary, bundled_dictionary


@pytest.fixture(scope="session")
def entities() -> EntityDictionary:
    return bundled_dictionary()
