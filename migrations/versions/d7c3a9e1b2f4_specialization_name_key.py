"""specializations: a unique, case-folded name key enforced by the database (revision d7c3a9e1b2f4)

Names must stay distinct in any script; SQLite's lower() and NOCASE fold ASCII only,
so the key is computed in Python (NFKC, casefold, spaces collapsed) and made unique.
"""
import unicodedata

import sqlalchemy as sa
from alembic import op


def _key(name):
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


revision, down_revision = 'd7c3a9e1b2f4', 'c4e81d0a7f52'
branch_labels = depends_on = None


def upgrade():
    with op.batch_alter_table('specializations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_key', sa.String(length=80), nullable=True))
    conn = op.get_bind()
    for spec_id, name in conn.execute(sa.text("SELECT id, name FROM specializations")).all():
        conn.execute(sa.text("UPDATE specializations SET name_key = :key WHERE id = :id"),
                     {"key": _key(name), "id": spec_id})
    with op.batch_alter_table('specializations', schema=None) as batch_op:
        batch_op.alter_column('name_key', existing_type=sa.String(length=80), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_specializations_name_key'), ['name_key'])


def downgrade():
    with op.batch_alter_table('specializations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_specializations_name_key'), type_='unique')
        batch_op.drop_column('name_key')
