"""the commendation council: members, terms, meetings, attendance, opinions, polls

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 05:00:00

The council's members and meetings, the vote rule's exact fraction and written-opinion switch on each
award form (a form's old percent becomes percent/100; CSTĐCS counts written opinions, as ND 98/2023
Điều 30 k7 says; GĐVH is reviewed by the village meeting, not the council).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TABLES = (
    "private_tally",
    "ballot",
    "written_opinion",
    "poll",
    "agenda_item",
    "meeting_attendance",
    "council_meeting",
    "council_member",
)


def upgrade() -> None:
    op.create_table(
        "council_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=300), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "chair", "vice_chair", "member", "secretary", name="councilrole", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("term_from", sa.Date(), nullable=False),
        sa.Column("term_to", sa.Date(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_member")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "council_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column("secretary_id", sa.Integer(), nullable=True),
        sa.Column("ballot_counters", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "closed", name="meetingstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("quorum_override_reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["chair_id"],
            ["council_member.id"],
            name=op.f("fk_council_meeting_chair_id_council_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["secretary_id"],
            ["council_member.id"],
            name=op.f("fk_council_meeting_secretary_id_council_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_meeting")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("council_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_council_meeting_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_council_meeting_status"), ["status"], unique=False)
    op.create_table(
        "meeting_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "present",
                "absent_with_opinion",
                "absent",
                name="attendancestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["council_meeting.id"],
            name=op.f("fk_meeting_attendance_meeting_id_council_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["council_member.id"],
            name=op.f("fk_meeting_attendance_member_id_council_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint("meeting_id", "member_id", name=op.f("uq_meeting_attendance_meeting_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_attendance_member_id"), ["member_id"], unique=False)
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["council_meeting.id"],
            name=op.f("fk_agenda_item_meeting_id_council_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_agenda_item_nomination_id_nomination"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("meeting_id", "nomination_id", name=op.f("uq_agenda_item_meeting_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agenda_item_nomination_id"), ["nomination_id"], unique=False)
    op.create_table(
        "poll",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column(
            "method",
            sa.Enum("secret_ballot", "show_of_hands", name="pollmethod", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "entry_mode",
            sa.Enum("tally", "ballots", "private", name="pollentrymode", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "rule_base",
            sa.Enum(
                "all_members",
                "present",
                "valid_ballots",
                "cast_ballots",
                name="thresholdbase",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("rule_numerator", sa.Integer(), nullable=False),
        sa.Column("rule_denominator", sa.Integer(), nullable=False),
        sa.Column("rule_strict", sa.Boolean(), nullable=False),
        sa.Column("rule_counts_opinions", sa.Boolean(), nullable=False),
        sa.Column("ballots_issued", sa.Integer(), nullable=True),
        sa.Column("ballots_returned", sa.Integer(), nullable=True),
        sa.Column("ballots_valid", sa.Integer(), nullable=True),
        sa.Column("ballots_invalid", sa.Integer(), nullable=True),
        sa.Column("yes_votes", sa.Integer(), nullable=True),
        sa.Column("no_votes", sa.Integer(), nullable=True),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_poll_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll")),
        sa.UniqueConstraint("agenda_item_id", name=op.f("uq_poll_agenda_item_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "written_opinion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=False),
        sa.Column("stored_file_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_written_opinion_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["council_member.id"],
            name=op.f("fk_written_opinion_member_id_council_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["stored_file_id"],
            ["stored_file.id"],
            name=op.f("fk_written_opinion_stored_file_id_stored_file"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_written_opinion")),
        sa.UniqueConstraint("agenda_item_id", "member_id", name=op.f("uq_written_opinion_agenda_item_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("written_opinion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_written_opinion_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_written_opinion_member_id"), ["member_id"], unique=False)
    op.create_table(
        "ballot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("poll_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "mark",
            sa.Enum("yes", "no", "blank", "invalid", name="ballotmark", native_enum=False, length=32),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["poll_id"], ["poll.id"], name=op.f("fk_ballot_poll_id_poll"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot")),
        sa.UniqueConstraint("poll_id", "number", name=op.f("uq_ballot_poll_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("ballot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ballot_poll_id"), ["poll_id"], unique=False)
    op.create_table(
        "private_tally",
        sa.Column("poll_id", sa.Integer(), nullable=False),
        sa.Column("voters", sa.Integer(), nullable=False),
        sa.Column("yes_votes", sa.Integer(), nullable=False),
        sa.Column("no_votes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["poll_id"], ["poll.id"], name=op.f("fk_private_tally_poll_id_poll"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("poll_id", name=op.f("pk_private_tally")),
    )

    # Plain ADD COLUMN (no batch): a batch rebuild on SQLite would drop the table's AUTOINCREMENT (0007).
    # The rows this fills in are recorded again after the upgrade (app/storage/audit/upgraded.py).
    op.add_column("award_form", sa.Column("threshold_numerator", sa.Integer(), server_default=sa.text("1"),
                                          nullable=False))
    op.add_column("award_form", sa.Column("threshold_denominator", sa.Integer(), server_default=sa.text("2"),
                                          nullable=False))
    op.add_column("award_form", sa.Column("counts_written_opinions", sa.Boolean(), server_default=sa.false(),
                                          nullable=False))
    op.add_column("award_form", sa.Column("needs_council_vote", sa.Boolean(), server_default=sa.true(),
                                          nullable=False))
    op.execute("UPDATE award_form SET threshold_numerator = threshold_percent, threshold_denominator = 100")
    op.execute(
        sa.text("UPDATE award_form SET counts_written_opinions = :yes WHERE code = 'CSTDCS'").bindparams(
            yes=True
        )
    )
    op.execute(
        sa.text("UPDATE award_form SET needs_council_vote = :no WHERE code = 'GDVH'").bindparams(no=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("award_form", schema=None) as batch_op:
        batch_op.drop_column("needs_council_vote")
        batch_op.drop_column("counts_written_opinions")
        batch_op.drop_column("threshold_denominator")
        batch_op.drop_column("threshold_numerator")
    for table in _TABLES:
        op.drop_table(table)
