"""users.language: the language a person chose for the app, emails and advice (revision c8e1f4a2b6d9)

NULL means not chosen yet: the app follows the browser, emails are in English.
"""
import sqlalchemy as sa
from alembic import op

revision, down_revision = 'c8e1f4a2b6d9', 'b2c7e4f9a1d3'
branch_labels = depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))
        batch_op.create_check_constraint(op.f('ck_users_language'), "language IS NULL OR language IN ('en', 'bn')")


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_users_language'), type_='check')
        batch_op.drop_column('language')
