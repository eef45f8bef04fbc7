"""Work-order import: channel aliases people mapped, saved column mappings per export layout, and the
time of day a complaint was registered.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 06:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN (see 0002: no batch rebuild of `complaints`).
    op.add_column('complaints', sa.Column('received_time', sa.Time(), nullable=True))
    op.create_table('channel_aliases',
    sa.Column('alias_key', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['code'], ['channel_rules.code'], name=op.f('fk_channel_aliases_code_channel_rules'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('alias_key', name=op.f('pk_channel_aliases'))
    )
    op.create_index(op.f('ix_channel_aliases_code'), 'channel_aliases', ['code'], unique=False)
    op.create_table('import_mappings',
    sa.Column('signature', sa.String(length=64), nullable=False),
    sa.Column('headers', sa.JSON(), nullable=False),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('signature', name=op.f('pk_import_mappings'))
    )


def downgrade() -> None:
    op.drop_table('import_mappings')
    op.drop_index(op.f('ix_channel_aliases_code'), table_name='channel_aliases')
    op.drop_table('channel_aliases')
    op.drop_column('complaints', 'received_time')
