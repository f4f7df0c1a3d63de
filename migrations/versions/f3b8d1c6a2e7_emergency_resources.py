"""emergency resources directory (revision f3b8d1c6a2e7)

Hospitals with emergency departments, ambulance services, poison and mental-health
lines and NGOs, each with its phones, hours, position and languages.
"""
import sqlalchemy as sa
from alembic import op

from backend.models.base import UTCDateTime

revision, down_revision = 'f3b8d1c6a2e7', 'e5a1c7d3f9b2'
branch_labels = depends_on = None


def upgrade():
    op.create_table(
        'emergency_resources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('address', sa.Text(), server_default='', nullable=False),
        sa.Column('phones', sa.JSON(), nullable=False),
        sa.Column('hours', sa.String(length=200), server_default='', nullable=False),
        sa.Column('services', sa.Text(), server_default='', nullable=False),
        sa.Column('latitude', sa.Float(), nullable=True),
        sa.Column('longitude', sa.Float(), nullable=True),
        sa.Column('languages', sa.JSON(), nullable=False),
        sa.Column('source', sa.String(length=300), server_default='', nullable=False),
        sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('sort_order', sa.Integer(), server_default='100', nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('hospital', 'ambulance', 'poison_line', 'mental_health_line', 'ngo')",
                           name=op.f('ck_emergency_resources_kind')),
        sa.CheckConstraint('latitude IS NULL OR (latitude >= -90 AND latitude <= 90)',
                           name=op.f('ck_emergency_resources_latitude')),
        sa.CheckConstraint('longitude IS NULL OR (longitude >= -180 AND longitude <= 180)',
                           name=op.f('ck_emergency_resources_longitude')),
        sa.CheckConstraint('(latitude IS NULL) = (longitude IS NULL)',
                           name=op.f('ck_emergency_resources_position_complete')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_resources')),
    )
    op.create_index('ix_emergency_resources_kind', 'emergency_resources', ['kind', 'sort_order'], unique=False)


def downgrade():
    op.drop_index('ix_emergency_resources_kind', table_name='emergency_resources')
    op.drop_table('emergency_resources')
