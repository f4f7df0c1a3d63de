"""triage_assessments: a client idempotency key and an optional photo (revision b2c7e4f9a1d3)

An entry typed offline is sent again until an answer arrives; the unique
(patient_id, client_id) key means a retry never creates a second assessment.
"""
import sqlalchemy as sa
from alembic import op

revision, down_revision = 'b2c7e4f9a1d3', 'a9d4e2b7c1f5'
branch_labels = depends_on = None


def upgrade():
    with op.batch_alter_table('triage_assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('photo_name', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('photo_type', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('photo_size', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint('uq_triage_assessments_client_id', ['patient_id', 'client_id'])


def downgrade():
    with op.batch_alter_table('triage_assessments', schema=None) as batch_op:
        batch_op.drop_constraint('uq_triage_assessments_client_id', type_='unique')
        batch_op.drop_column('photo_size')
        batch_op.drop_column('photo_type')
        batch_op.drop_column('photo_name')
        batch_op.drop_column('client_id')
