import pytest

from challenges.selectors import forget_bank_rows


@pytest.fixture(autouse=True)
def fresh_bank_cache():
    """Each test reads the bank from its own database state, not a previous test's."""
    forget_bank_rows()
    yield
    forget_bank_rows()
