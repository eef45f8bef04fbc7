"""Link detection: detector state, text band keys, building keys, evidence features, image keys,
verified image pairs; link detail and source (and one redundant link index less); computed risk
reasons and the manual-level flag on complaints.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch table rebuild): rebuilding `complaints` on SQLite would drop the
    # table its children cascade from and the full-text triggers defined on it.
    op.add_column('complaints', sa.Column('risk_manual', sa.Boolean(), nullable=False, server_default=sa.text('0')))
    op.add_column('complaints', sa.Column('risk_reasons', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
    op.add_column('links', sa.Column('detail', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
    op.add_column('links', sa.Column('source', sa.String(length=16), nullable=False,
                                     server_default=sa.text("'detector'")))
    # The unique (a, b, group, kind) index already serves look-ups by a: one index less to keep
    # up when a full detection run writes a million links.
    op.drop_index('ix_links_complaint_a_id', table_name='links')
    # Links recorded by hand before this revision.
    op.execute("UPDATE links SET source = 'person' WHERE kind = 'manual'")

    op.create_table('detect_state',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.String(length=80), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=True),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_detect_state_complaint_id_complaints'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('complaint_id', name=op.f('pk_detect_state'))
    )
    op.create_table('text_band_keys',
    sa.Column('key', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_text_band_keys_complaint_id_complaints'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'complaint_id', name=op.f('pk_text_band_keys')),
    sqlite_with_rowid=False
    )
    op.create_table('building_keys',
    sa.Column('key', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('identifier_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_building_keys_complaint_id_complaints'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['identifier_id'], ['identifiers.id'], name=op.f('fk_building_keys_identifier_id_identifiers')),
    sa.PrimaryKeyConstraint('key', 'complaint_id', name=op.f('pk_building_keys')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('building_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_building_keys_complaint_id'), ['complaint_id'], unique=False)
    op.create_table('evidence_features',
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('engine', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence_items.id'], name=op.f('fk_evidence_features_evidence_id_evidence_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evidence_id', 'kind', name=op.f('pk_evidence_features'))
    )
    op.create_table('image_keys',
    sa.Column('key', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence_items.id'], name=op.f('fk_image_keys_evidence_id_evidence_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'evidence_id', name=op.f('pk_image_keys')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('image_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_image_keys_evidence_id'), ['evidence_id'], unique=False)
    op.create_table('image_pairs',
    sa.Column('evidence_a', sa.Integer(), nullable=False),
    sa.Column('evidence_b', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_a'], ['evidence_items.id'], name=op.f('fk_image_pairs_evidence_a_evidence_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_b'], ['evidence_items.id'], name=op.f('fk_image_pairs_evidence_b_evidence_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evidence_a', 'evidence_b', name=op.f('pk_image_pairs')),
    sqlite_with_rowid=False
    )


def downgrade() -> None:
    op.drop_table('image_pairs')
    with op.batch_alter_table('image_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_image_keys_evidence_id'))
    op.drop_table('image_keys')
    op.drop_table('evidence_features')
    with op.batch_alter_table('building_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_building_keys_complaint_id'))
    op.drop_table('building_keys')
    op.drop_table('text_band_keys')
    op.drop_table('detect_state')
    op.create_index('ix_links_complaint_a_id', 'links', ['complaint_a_id'], unique=False)
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL): no table rebuild, see upgrade().
    for table, column in (('links', 'source'), ('links', 'detail'), ('complaints', 'risk_reasons'),
                          ('complaints', 'risk_manual')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
