"""Referral packages: suspected offences and the period of the conduct on a group, a staff profile on
each user (for the 经办人 and the 授权委托书), drafts among referrals, and one row per exported package.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 21:20:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The staff profile's text columns on `users` (name, length); the encrypted ID number is added beside them.
STAFF_TEXT_COLUMNS = (('full_name', 100), ('position', 100), ('work_phone', 40), ('work_id', 40),
                      ('id_number_masked', 40))


def upgrade() -> None:
    # Plain ADD COLUMN with server defaults (no batch rebuild: with foreign keys on, SQLite's DROP TABLE
    # of a rebuilt `referrals` would cascade into its decisions).
    op.add_column('agent_groups', sa.Column('offences', sa.JSON(), nullable=False, server_default='[]'))
    op.add_column('agent_groups', sa.Column('period_from', sa.Date(), nullable=True))
    op.add_column('agent_groups', sa.Column('period_to', sa.Date(), nullable=True))
    for name, length in STAFF_TEXT_COLUMNS:
        op.add_column('users', sa.Column(name, sa.String(length=length), nullable=False, server_default=''))
    op.add_column('users', sa.Column('id_number_enc', sa.LargeBinary(), nullable=True))
    op.add_column('referrals', sa.Column('status', sa.String(length=16), nullable=False, server_default='sent'))
    op.create_table('referral_packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('target', sa.String(length=24), nullable=False),
    sa.Column('package_no', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('texts', sa.JSON(), nullable=False),
    sa.Column('exhibits', sa.JSON(), nullable=False),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('evidence_digest', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['referral_id'], ['referrals.id'], name=op.f('fk_referral_packages_referral_id_referrals')),
    sa.ForeignKeyConstraint(['group_id'], ['agent_groups.id'], name=op.f('fk_referral_packages_group_id_agent_groups')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_referral_packages_complaint_id_complaints')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_referral_packages_created_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_packages')),
    sa.UniqueConstraint('package_no', 'version', name='uq_referral_packages_no_version'),
    )
    op.create_index(op.f('ix_referral_packages_referral_id'), 'referral_packages', ['referral_id'], unique=False)
    op.create_index(op.f('ix_referral_packages_group_id'), 'referral_packages', ['group_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_referral_packages_group_id'), table_name='referral_packages')
    op.drop_index(op.f('ix_referral_packages_referral_id'), table_name='referral_packages')
    op.drop_table('referral_packages')
    op.drop_column('referrals', 'status')
    op.drop_column('users', 'id_number_enc')
    for name, _ in reversed(STAFF_TEXT_COLUMNS):
        op.drop_column('users', name)
    for name in ('period_to', 'period_from', 'offences'):
        op.drop_column('agent_groups', name)
