"""front desk and account security: emails optional and confirmed, two-factor login, single-use links,
login throttles, doctor notices, audit rows per patient and append-only (revision e5a1c7d3f9b2)

Existing accounts count as confirmed: they were receiving email before confirmation
existed, and stopping their reminders silently would be worse than the risk.
The audit log refuses UPDATE and DELETE with a trigger on PostgreSQL and SQLite.
"""
import sqlalchemy as sa
from alembic import op

from backend.models.base import UTCDateTime

revision, down_revision = 'e5a1c7d3f9b2', 'd7c3a9e1b2f4'
branch_labels = depends_on = None

APPEND_ONLY_PG = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
"""


def upgrade():
    bind = op.get_bind()
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('email', existing_type=sa.String(length=254), nullable=True)
        batch_op.add_column(sa.Column('full_name', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('email_confirmed_at', UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('totp_secret', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('totp_pending_secret', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('locked_until')
    op.execute("UPDATE users SET email_confirmed_at = created_at WHERE email IS NOT NULL")

    with op.batch_alter_table('doctors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notify_mode', sa.String(length=16), server_default='instant', nullable=False))
        batch_op.add_column(sa.Column('changes_seen_at', UTCDateTime(), nullable=True))
        batch_op.create_check_constraint(batch_op.f('ck_doctors_notify_mode'), "notify_mode IN ('instant', 'digest')")

    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('patient_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_audit_log_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_action'), ['action'], unique=False)

    op.create_table(
        'account_tokens',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=20), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('new_email', sa.String(length=254), nullable=True),
        sa.Column('expires_at', UTCDateTime(), nullable=False),
        sa.Column('used_at', UTCDateTime(), nullable=True),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.CheckConstraint("purpose IN ('password_reset', 'email_confirm', 'email_change')",
                           name=op.f('ck_account_tokens_purpose')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_account_tokens_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account_tokens')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_account_tokens_token_hash')),
    )
    op.create_index(op.f('ix_account_tokens_user_id'), 'account_tokens', ['user_id'], unique=False)

    op.create_table(
        'recovery_codes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('code_hash', sa.String(length=64), nullable=False),
        sa.Column('used_at', UTCDateTime(), nullable=True),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_recovery_codes_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recovery_codes')),
        sa.UniqueConstraint('user_id', 'code_hash', name='uq_recovery_codes_user_code'),
    )
    op.create_index(op.f('ix_recovery_codes_user_id'), 'recovery_codes', ['user_id'], unique=False)

    op.create_table(
        'login_throttles',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('failures', sa.Integer(), server_default='0', nullable=False),
        sa.Column('locked_until', UTCDateTime(), nullable=True),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttles')),
    )

    op.create_table(
        'doctor_notices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('doctor_id', sa.Integer(), nullable=False),
        sa.Column('appointment_id', sa.Integer(), nullable=False),
        sa.Column('event', sa.String(length=20), nullable=False),
        sa.Column('summary', sa.String(length=300), nullable=False),
        sa.Column('at', UTCDateTime(), nullable=False),
        sa.Column('emailed_at', UTCDateTime(), nullable=True),
        sa.CheckConstraint("event IN ('booked', 'cancelled', 'rescheduled_in', 'rescheduled_out', 'rescheduled')",
                           name=op.f('ck_doctor_notices_event')),
        sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'],
                                name=op.f('fk_doctor_notices_appointment_id_appointments'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['doctor_id'], ['doctors.id'], name=op.f('fk_doctor_notices_doctor_id_doctors'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_doctor_notices')),
    )
    op.create_index('ix_doctor_notices_doctor_at', 'doctor_notices', ['doctor_id', 'at'], unique=False)
    op.create_index('ix_doctor_notices_unsent', 'doctor_notices', ['emailed_at', 'doctor_id'], unique=False)

    if bind.dialect.name == 'postgresql':
        op.execute(APPEND_ONLY_PG)
    elif bind.dialect.name == 'sqlite':
        for operation in ('UPDATE', 'DELETE'):
            op.execute(f"CREATE TRIGGER audit_log_no_{operation.lower()} BEFORE {operation} ON audit_log "
                       f"BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: {operation} is not allowed'); END")


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    elif bind.dialect.name == 'sqlite':
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.drop_index('ix_doctor_notices_unsent', table_name='doctor_notices')
    op.drop_index('ix_doctor_notices_doctor_at', table_name='doctor_notices')
    op.drop_table('doctor_notices')
    op.drop_table('login_throttles')
    op.drop_index(op.f('ix_recovery_codes_user_id'), table_name='recovery_codes')
    op.drop_table('recovery_codes')
    op.drop_index(op.f('ix_account_tokens_user_id'), table_name='account_tokens')
    op.drop_table('account_tokens')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_action'))
        batch_op.drop_index(batch_op.f('ix_audit_log_patient_id'))
        batch_op.drop_column('patient_id')
    with op.batch_alter_table('doctors', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_doctors_notify_mode'), type_='check')
        batch_op.drop_column('changes_seen_at')
        batch_op.drop_column('notify_mode')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_until', UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0', nullable=False))
        batch_op.drop_column('totp_last_step')
        batch_op.drop_column('totp_pending_secret')
        batch_op.drop_column('totp_secret')
        batch_op.drop_column('email_confirmed_at')
        batch_op.drop_column('full_name')
        batch_op.alter_column('email', existing_type=sa.String(length=254), nullable=False)
    # ENUM-free schema: nothing else to drop.
