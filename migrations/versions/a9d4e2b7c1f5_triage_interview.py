"""triage_assessments: the interview (understood, findings, conditions, questions, answers) (revision a9d4e2b7c1f5)

Existing assessments keep NULL: they were answered before questions were asked.
"""
import sqlalchemy as sa
from alembic import op

from backend.models.base import UTCDateTime

revision, down_revision = 'a9d4e2b7c1f5', 'f3b8d1c6a2e7'
branch_labels = depends_on = None


def upgrade():
    with op.batch_alter_table('triage_assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('understood', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('findings', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('conditions', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('questions', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('answers', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('first_answer', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('answered_at', UTCDateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('triage_assessments', schema=None) as batch_op:
        for name in ('answered_at', 'first_answer', 'answers', 'questions', 'conditions', 'findings', 'understood'):
            batch_op.drop_column(name)
