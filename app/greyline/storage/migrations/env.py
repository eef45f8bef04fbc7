"""Alembic environment: runs on the connection handed in by greyline.storage.db."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from greyline.storage.migrations.env_filters import include_object
from greyline.storage.tables import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Used by developers running `alembic revision --autogenerate` with -x url=...
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///:memory:")
        engine = create_engine(url)
        with engine.begin() as conn:
            _configure_and_run(conn)
        return
    _configure_and_run(connection)


def _configure_and_run(connection) -> None:  # noqa: ANN001
    context.configure(
        include_object=include_object,
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
