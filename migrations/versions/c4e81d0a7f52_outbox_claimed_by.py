"""outbox: remember which sender holds a claim

Revision ID: c4e81d0a7f52
Revises: b15a2f418320
Create Date: 2026-11-22 07:55:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c4e81d0a7f52'
down_revision = 'b15a2f418320'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('email_outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('email_outbox', schema=None) as batch_op:
        batch_op.drop_column('claimed_by')
